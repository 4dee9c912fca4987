import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PairInterviewer } from '@/components/pair/interviewer';
import { findPairProblem } from '@/lib/classroom/pair/page-data';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const problem = await findPairProblem((await params).id);
  return problem ? { title: `Pair interview: ${problem.title} · Interviewer` } : { title: 'Page not found' };
}

/** The interviewer's side of a pair interview; the key is in the link's fragment, read by the browser. */
export default async function PairInterviewerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const problem = await findPairProblem(id);
  if (!problem) notFound();
  return (
    <div className="flex flex-1 flex-col bg-slate-50">
      <PairInterviewer id={id} problem={problem} />
    </div>
  );
}
