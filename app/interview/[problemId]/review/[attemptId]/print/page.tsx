import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrintPage } from '@/components/interview/review';
import { getProblem } from '@/lib/interview/problems';

export async function generateMetadata({ params }: { params: Promise<{ problemId: string }> }): Promise<Metadata> {
  const problem = getProblem((await params).problemId);
  return problem ? { title: `Printable review: ${problem.title}` } : {};
}

export default async function InterviewPrintPage({
  params,
}: {
  params: Promise<{ problemId: string; attemptId: string }>;
}) {
  const { problemId, attemptId } = await params;
  const problem = getProblem(problemId);
  if (!problem) notFound();
  return (
    <div className="flex-1 bg-white">
      <PrintPage problem={problem} attemptId={attemptId} />
    </div>
  );
}
