import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReviewPage } from '@/components/interview/review';
import { getProblem } from '@/lib/interview/problems';

export async function generateMetadata({ params }: { params: Promise<{ problemId: string }> }): Promise<Metadata> {
  const problem = getProblem((await params).problemId);
  return problem ? { title: `Review: ${problem.title} · Interview practice` } : {};
}

export default async function InterviewReviewPage({
  params,
}: {
  params: Promise<{ problemId: string; attemptId: string }>;
}) {
  const { problemId, attemptId } = await params;
  const problem = getProblem(problemId);
  if (!problem) notFound();
  return (
    <div className="flex-1 bg-slate-50">
      <ReviewPage problem={problem} attemptId={attemptId} />
    </div>
  );
}
