import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InterviewMock } from '@/components/interview/mock';
import { candidateProblem } from '@/lib/interview/candidate-view';
import { PROBLEMS, getProblem } from '@/lib/interview/problems';

export const dynamicParams = false;

export function generateStaticParams() {
  return PROBLEMS.map((p) => ({ problemId: p.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ problemId: string }> }): Promise<Metadata> {
  const problem = getProblem((await params).problemId);
  return problem ? { title: `${problem.title} · Interview practice`, description: problem.summary } : { title: 'Page not found' };
}

/**
 * The mock: the server hands the candidate's view of the problem to the
 * client (no hidden requirements, no questions or answers: lib/interview/
 * candidate-view.ts), which keeps the attempt in the browser.
 */
export default async function InterviewProblemPage({ params }: { params: Promise<{ problemId: string }> }) {
  const problem = getProblem((await params).problemId);
  if (!problem) notFound();
  return (
    <div className="flex flex-1 flex-col bg-slate-50">
      <InterviewMock problem={candidateProblem(problem)} />
    </div>
  );
}
