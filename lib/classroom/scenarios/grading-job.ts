/**
 * The jobs a worker thread of the grading pool runs
 * (lib/classroom/scenarios/grading-pool.ts): parsing, checking and grading a design,
 * so the capacity engine's CPU time, and the parsing of a large body, are
 * spent here, off the thread that answers HTTP requests.
 */
import { threadId } from 'node:worker_threads';
import { MAX_DESIGN_BYTES } from '../../design/schema';
import type { Design } from '../../engine/data';
import { parseJsonText } from '../../server/json-text';
import { evaluateDesign } from './engine';
import { gradeDesign, type ScenarioGrade } from './grading';
import { overGradingCap } from './grading-limits';
import { checkDesignConstraints, designBytes, emptyDesignIssue, parseWith, submitSchema, type FieldIssue, type ScenarioConfig } from './schema';

type Config = Pick<ScenarioConfig, 'targets' | 'slo' | 'workload'>;
/** What a submitted design is checked against. */
export type SubmissionRules = Pick<ScenarioConfig, 'allowedKinds' | 'startingDesign' | 'lockedNodeIds'>;

export type GradingJob = { kind: 'grade'; design: Design; config: Config } | { kind: 'submission'; text: string; rules: SubmissionRules; config: Config };

export type GradingTask = GradingJob & {
  /** Set to the start time (ms since the epoch) when a worker picks the job up; the pool's time limit runs from then. */
  started: SharedArrayBuffer;
};

export interface GradingOutcome {
  grade: ScenarioGrade;
  /** The worker thread that graded (never the main thread's 0). */
  threadId: number;
  ms: number;
}

/** A submission's body, parsed, checked and graded; or why it was refused. */
export type SubmissionOutcome =
  /** Too deep, not JSON, or half a character (lib/server/json-text.ts). */
  | { kind: 'badJson'; status: 400 | 422; error: string; extra?: Record<string, unknown> }
  | { kind: 'tooLarge'; limitBytes: number }
  | { kind: 'overCap'; components: number; connections: number }
  | { kind: 'invalid'; what: string; issues: FieldIssue[] }
  /** `document`: the validated design as stored (compact JSON). */
  | { kind: 'graded'; document: string; grade: ScenarioGrade; threadId: number };

/** What an answer says of a body that is not a design at all (as against one that breaks the scenario's rules). */
export const NOT_A_DESIGN = 'The design is not valid';

function checkSubmission(text: string, rules: SubmissionRules, config: Config): SubmissionOutcome {
  const json = parseJsonText(text);
  if (!json.ok) return { kind: 'badJson', status: json.status, error: json.error, extra: json.extra };
  const raw = json.value;
  const body = raw as { design?: unknown } | null;
  if (body && typeof body === 'object') {
    if (designBytes(body.design) > MAX_DESIGN_BYTES) return { kind: 'tooLarge', limitBytes: MAX_DESIGN_BYTES };
    // Counted before validation: a design too large to grade costs nothing more.
    const over = overGradingCap(body.design);
    if (over) return { kind: 'overCap', ...over };
  }
  let parsed;
  try {
    parsed = parseWith(submitSchema, raw);
  } catch (e) {
    if (e instanceof RangeError) {
      return { kind: 'invalid', what: NOT_A_DESIGN, issues: [{ path: '', message: 'the request body is nested too deeply to read' }] };
    }
    throw e;
  }
  if (!parsed.ok) return { kind: 'invalid', what: NOT_A_DESIGN, issues: parsed.issues };
  const design = parsed.value.design;
  const issues = checkDesignConstraints(design, rules);
  if (issues.length > 0) return { kind: 'invalid', what: 'The design breaks the scenario’s rules', issues };
  const empty = emptyDesignIssue(design);
  if (empty) return { kind: 'invalid', what: 'There is nothing to grade', issues: [empty] };
  return { kind: 'graded', document: JSON.stringify(design), grade: gradeDesign(design, config, evaluateDesign), threadId };
}

export function runGradingTask(task: GradingTask): GradingOutcome | SubmissionOutcome {
  const t0 = Date.now();
  Atomics.store(new BigInt64Array(task.started), 0, BigInt(t0));
  if (task.kind === 'submission') return checkSubmission(task.text, task.rules, task.config);
  const grade = gradeDesign(task.design, task.config, evaluateDesign);
  return { grade, threadId, ms: Date.now() - t0 };
}
