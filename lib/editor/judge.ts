/**
 * What a mode judges a design against, and what the judging says: the one
 * contract between the four modes and the scoring worker.
 *
 * A mode hands its `Judge` to the scoring client (`startScoring(store, {
 * judge })`, or `<LiveScoring judge={…}>`); the worker evaluates the design
 * and calls `judgeDesign` on the same design in the same request, so the
 * verdict always belongs to the evaluation beside it (same revision). The
 * mode reads it with `useVerdict()` (components/results/scoring-context).
 *
 * Adding a case (the interview, a scenario): one entry in `JudgeCases`
 * (what the judge carries, what its verdict carries) and one function in
 * `JUDGES`. Nothing else changes: the client, the worker and the hook are
 * generic over the cases.
 *
 * Runs in the worker: imports the engine. The main thread imports only its
 * types (`import type`), so the page's first JavaScript does not carry it.
 */
import { evaluate } from '@/lib/engine';
import type { Evaluation, Design, Workload } from '@/lib/engine/data';
import { judgeInterview, type InterviewJudge, type InterviewVerdict } from './judges/interview';
import { judgeScenario, type ScenarioJudge, type ScenarioVerdict } from './judges/scenario';

/** A design judged against one stage of the growth path. */
export interface ChallengeCheck {
  stage: number;
  passed: boolean;
  /** Every check of the stage, as plain sentences. */
  checks: { label: string; passed: boolean }[];
  /** Set when the design could not be evaluated at all (e.g. an empty canvas). */
  problem: string | null;
}

/**
 * Each kind of judging: what the judge carries (`judge`) and what its verdict
 * carries (`verdict`). Every judge may also name `users`, the load it judges
 * at: the results panel starts there, so its numbers agree with the verdict
 * (a stage judges at the stage's users without saying so).
 */
export interface JudgeCases {
  /** The lessons (and the sandbox's scorecard stage): the stage's checks. */
  stage: { judge: { stage: number }; verdict: { check: ChallengeCheck } };
  /** The interview (lib/editor/judges/interview.ts): the target check and each arrived curveball, at the problem's workload. */
  interview: { judge: Omit<InterviewJudge, 'kind'>; verdict: Omit<InterviewVerdict, 'kind'> };
  /** A scenario (lib/editor/judges/scenario.ts): the grade the server would store, and the utilisation at its largest target. */
  scenario: { judge: Omit<ScenarioJudge, 'kind'>; verdict: Omit<ScenarioVerdict, 'kind'> };
}

export type JudgeKind = keyof JudgeCases;
/**
 * `workload`: a judge that judges under a workload of its own (an interview
 * problem's, a scenario's) has the live evaluation, and everything the panel
 * computes, made under it in place of the design's own (`underJudge` in
 * lib/editor/scoring.ts), so the panel's numbers are the verdict's.
 */
export type Judge = { [K in JudgeKind]: { kind: K; users?: number; workload?: Workload } & JudgeCases[K]['judge'] }[JudgeKind];
export type Verdict = { [K in JudgeKind]: { kind: K } & JudgeCases[K]['verdict'] }[JudgeKind];
export type JudgeOf<K extends JudgeKind> = Extract<Judge, { kind: K }>;
export type VerdictOf<K extends JudgeKind> = Extract<Verdict, { kind: K }>;

/**
 * How one kind judges. `evaluation` is the live evaluation of the same
 * design when the worker already has one (at the panel's users), for
 * judges that can reuse it; a judge must never throw (a design it cannot
 * judge is a verdict that says why).
 */
type JudgeFn<K extends JudgeKind> = (design: Design, judge: JudgeOf<K>, evaluation?: Evaluation) => VerdictOf<K>;

const JUDGES: { [K in JudgeKind]: JudgeFn<K> } = {
  stage: (design, judge, evaluation) => ({ kind: 'stage', check: checkStage(design, judge.stage, evaluation) }),
  interview: (design, judge) => judgeInterview(design, judge),
  scenario: (design, judge) => judgeScenario(design, judge),
};

/** Judges `design`; pure, never throws. Runs in the scoring worker. */
export function judgeDesign(design: Design, judge: Judge, evaluation?: Evaluation): Verdict {
  const fn = JUDGES[judge.kind] as JudgeFn<JudgeKind> | undefined;
  if (!fn) throw new Error(`No judge for “${String((judge as { kind: unknown }).kind)}”.`);
  return fn(design, judge, evaluation);
}

/** A stage's checks out of an evaluation (the stages are judged at their own users, whatever the evaluation's). */
export function stageCheck(evaluation: Pick<Evaluation, 'stages'>, stage: number): ChallengeCheck {
  const result = evaluation.stages.find((s) => s.stage === stage);
  if (!result) return { stage, passed: false, checks: [], problem: `There is no stage ${stage}.` };
  return { stage, passed: result.passed, checks: result.checks.map((c) => ({ label: c.label, passed: c.passed })), problem: null };
}

/**
 * A design judged against one stage of the growth path
 * (`evaluate(design).stages[stage - 1]`); `evaluation`, when given, is an
 * evaluation of the same design (with its stages) to reuse.
 */
export function checkStage(design: Design, stage: number, evaluation?: Evaluation): ChallengeCheck {
  if (design.nodes.length === 0) {
    return { stage, passed: false, checks: [], problem: 'The canvas is empty: add components to start.' };
  }
  try {
    return stageCheck(evaluation && evaluation.stages.length > 0 ? evaluation : evaluate(design), stage);
  } catch (e) {
    return { stage, passed: false, checks: [], problem: e instanceof Error ? e.message : 'This design cannot be evaluated yet.' };
  }
}
