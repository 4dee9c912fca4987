/**
 * The judges the interview and a scenario hand to the scoring client, built
 * on the main thread. No engine here (it is for pages' first JavaScript):
 * the judging itself is lib/editor/judges/{interview,scenario}.ts, in the
 * scoring worker.
 */
import type { Workload } from '@/lib/engine/data';
import type { Attempt } from '@/lib/interview/attempt';
import type { Problem } from '@/lib/interview/schema';
import { resolveTargets } from '@/lib/classroom/scenarios/schema';
import type { InterviewJudge } from './interview';
import type { ScenarioGradingSpec, ScenarioJudge } from './scenario';

/** A judge's load: the users the results panel starts at, and the workload that replaces the design's own. */
export interface JudgeLoad {
  users: number;
  workload: Workload;
}

/**
 * The interview's judge for an attempt: the problem as the candidate knows
 * it, the curveballs that have arrived, at the problem's workload (the
 * design's own is ignored, as the review ignores it).
 */
export function interviewJudge(problem: Problem, attempt: Pick<Attempt, 'curveballs'>): InterviewJudge & JudgeLoad {
  const workload: Workload = problem.workload;
  return {
    kind: 'interview',
    problemId: problem.id,
    problem,
    curveballIds: attempt.curveballs.filter((c) => c.deliveredAtMs !== null).map((c) => c.id),
    users: workload.users,
    workload,
  };
}

/** The users of the scenario's largest target: where its canvas shows utilisation. */
export function largestTargetUsers(scenario: Pick<ScenarioGradingSpec, 'targets' | 'slo'>): number {
  return Math.max(...resolveTargets(scenario).map((t) => t.users));
}

/** The workload a scenario's canvas is scored at: its own, at its largest target (the design's workload is ignored). */
export function scenarioWorkload(scenario: ScenarioGradingSpec): Workload {
  return { ...scenario.workload, users: largestTargetUsers(scenario) };
}

/** The scenario's judge: its grading, at its largest target's load. */
export function scenarioJudge(scenario: ScenarioGradingSpec): ScenarioJudge & JudgeLoad {
  const workload = scenarioWorkload(scenario);
  return { kind: 'scenario', scenario, users: workload.users, workload };
}
