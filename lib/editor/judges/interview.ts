/**
 * The interview's judge: what the practice mode's live check shows for a
 * design, computed in the scoring worker (lib/editor/judge.ts) instead of on
 * the main thread. The target check at the problem's workload
 * (lib/interview/target.ts) and, for every curveball that has arrived, how
 * the design does under it (lib/interview/curveballs.ts) — the same two
 * calls the mock made on each change.
 *
 * Imports the engine: run it in the worker. Components import only its types.
 */
import type { Design } from '@/lib/engine/data';
import { judgeCurveball, type CurveballResult } from '@/lib/interview/curveballs';
import type { Problem } from '@/lib/interview/schema';
import { checkTarget, type TargetResult } from '@/lib/interview/target';

export interface InterviewJudge {
  kind: 'interview';
  problemId: string;
  /**
   * The problem as the candidate knows it (lib/interview/candidate-view.ts,
   * with the requirements their questions revealed): the live check lists
   * those requirements, so the judge needs them, not only the id.
   */
  problem: Problem;
  /** The curveballs judged with the target: those that have arrived. */
  curveballIds: string[];
}

export interface InterviewVerdict {
  kind: 'interview';
  target: TargetResult;
  curveballs: Record<string, CurveballResult>;
}

/** The live check of `design`: the target and each listed curveball's result (unknown ids are skipped). */
export function judgeInterview(design: Design, judge: InterviewJudge): InterviewVerdict {
  const { problem } = judge;
  const target = checkTarget(problem, design);
  const curveballs: Record<string, CurveballResult> = {};
  for (const id of judge.curveballIds) {
    const spec = problem.curveballs.find((c) => c.id === id);
    if (spec) curveballs[id] = judgeCurveball(problem, design, spec);
  }
  return { kind: 'interview', target, curveballs };
}
