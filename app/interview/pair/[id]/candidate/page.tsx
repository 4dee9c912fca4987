import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PairCandidate } from '@/components/pair/candidate';
import { candidateProblem } from '@/lib/interview/candidate-view';
import { findPairForCandidate, findPairProblem } from '@/lib/classroom/pair/page-data';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const problem = await findPairProblem((await params).id);
  return problem ? { title: `Pair interview: ${problem.title}` } : { title: 'Page not found' };
}

/**
 * The candidate's side of a pair interview; the token is in the link's
 * fragment, read by the browser. The candidate's page gets the problem as
 * the solo mock does (lib/interview/candidate-view.ts).
 */
export default async function PairCandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await findPairForCandidate(id);
  if (!found) notFound();
  return (
    <div className="flex flex-1 flex-col bg-slate-50">
      {/* As in the solo mock: hidden requirements, questions and answers stay on the server until asked, or the end. */}
      <PairCandidate id={id} problem={found.ended ? found.problem : candidateProblem(found.problem)} ended={found.ended} />
    </div>
  );
}
