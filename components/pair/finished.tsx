'use client';

import { useMemo } from 'react';
import type { Attempt, CompletedAttempt } from '@/lib/interview/attempt';
import type { Problem } from '@/lib/interview/schema';
import { reviewAttempt, snapshotOf } from '@/lib/interview/scoring';
import { ReviewBody } from '@/components/interview/review';
import { RubricScores } from './rubric';

/** After the interviewer ends it: the interviewer's scores beside the model's, then the solo mock's own review. */
export function FinishedPair({
  problem,
  attempt,
  scores,
  onScore,
}: {
  problem: Problem;
  attempt: Attempt;
  scores: Record<string, number>;
  onScore?: (itemId: string, points: number | null) => void;
}) {
  const review = useMemo(() => reviewAttempt(problem, attempt), [problem, attempt]);
  // Shown only once the interviewer has ended it, so `finishedAt` is set.
  const completed: CompletedAttempt = { ...attempt, finishedAt: attempt.finishedAt ?? attempt.startedAt, review: snapshotOf(review) };
  return (
    <div className="mx-auto w-full max-w-6xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">The interview has ended</p>
        <h2 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">Scores and review</h2>
      </div>
      <RubricScores title="The interviewer's scores" review={review} scores={scores} onScore={onScore} />
      <ReviewBody problem={problem} attempt={completed} review={review} />
    </div>
  );
}
