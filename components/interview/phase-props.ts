import type { Attempt, AttemptAction } from '@/lib/interview/attempt';
import type { Problem } from '@/lib/interview/schema';

/** What every written phase of a mock interview is given: the problem, the attempt so far and its reducer, and the way on. */
export interface PhaseProps {
  problem: Problem;
  attempt: Attempt;
  dispatch(a: AttemptAction): void;
  onNext(): void;
}
