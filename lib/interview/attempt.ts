/**
 * One mock interview in progress: its phases, its clock and everything the
 * candidate has entered. A pure reducer — every action carries the time it
 * happened (`now`, epoch ms), so the state machine is testable without a
 * clock and survives a reload unchanged.
 *
 * Phases run in order: requirements → estimation → entities & API → design →
 * deep dive → trade-offs, then the review. The candidate may go back to any phase already reached and one
 * step forward. Estimates may be checked against the model twice: after the
 * first check they can be corrected for part credit (see scoring.ts); they
 * lock after the second.
 *
 * The clock counts wall time while running (a reload does not stop it, as in
 * a real interview); pausing stops it. When it reaches the chosen duration
 * the mock goes on in overtime, shown as such, until the candidate finishes.
 */
import { z } from 'zod';
import { designSchema, dropInapplicableParams, type DesignNotice } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';
import { BANDWIDTH_UNITS, EMPTY_ESTIMATES, STORAGE_UNITS, estimateProblems, type EstimateInputs } from './estimation';
import type { Problem } from './schema';
import { DEFAULT_LEVEL, LEVELS, type Level } from './levels';
import { askedQuestionSchema, type AskedQuestion } from './asked';
import { deepDiveStateSchema, EMPTY_DEEP_DIVE, type DeepDiveQuestion, type DeepDiveState } from './deep-dive';
import { EMPTY_API, apiAnswerSchema, type ApiAnswer } from './api-schema';

/** Checks of the estimates allowed: the first, and one second try for part credit. */
export const ESTIMATE_TRIES = 2;

/** One check of the estimates: what was checked, and when (elapsed ms). */
export interface EstimateTry {
  inputs: EstimateInputs;
  atMs: number;
}

export const PHASES = ['requirements', 'estimation', 'api', 'design', 'deepdive', 'tradeoffs'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABEL: Record<Phase, string> = {
  requirements: 'Requirements',
  estimation: 'Estimation',
  api: 'Entities & API',
  design: 'Design',
  deepdive: 'Deep dive',
  tradeoffs: 'Trade-offs',
};

/**
 * Suggested share of the time per phase (5, 5, 5, 17, 5 and 8 minutes of
 * 45). The design phase still ends at minute 32, as before the Entities & API
 * step, so the curveballs (written against that clock) keep arriving during
 * the design and the deep dive; the API step's five minutes come from it.
 */
export const PHASE_SHARE: Record<Phase, number> = {
  requirements: 5 / 45,
  estimation: 5 / 45,
  api: 5 / 45,
  design: 17 / 45,
  deepdive: 5 / 45,
  tradeoffs: 8 / 45,
};

/** The clock curveballs are written against (`atMinute`); other durations scale it. */
export const REFERENCE_MINUTES = 45;
export const DEFAULT_MINUTES = 45;
export const MIN_MINUTES = 15;
export const MAX_MINUTES = 120;

export type Mode = 'blind' | 'practice';

const MINUTE = 60_000;

/** What the candidate saw when a curveball arrived (practice mode shows it at once). */
export interface CurveballSnapshot {
  outcome: 'held' | 'degraded' | 'failed';
  errorRate: number;
  p95ReadMs: number;
  reasons: string[];
}

export interface CurveballState {
  id: string;
  /** Elapsed time at which it is due, ms. */
  dueMs: number;
  /** Elapsed time at which it arrived; null until then. */
  deliveredAtMs: number | null;
  atArrival: CurveballSnapshot | null;
  /** The candidate has read it (the arrival dialog was closed). */
  seen: boolean;
}

export interface ReviewItemSnapshot {
  id: string;
  label: string;
  score: number;
  max: number;
}

/** The scores as they were when the attempt was finished, kept with it in the history. */
export interface ReviewSnapshot {
  total: number;
  items: ReviewItemSnapshot[];
  passedTarget: boolean;
}

/**
 * Version 2 added `level`, `estimateTries` and `penalizeOvertime`; a stored
 * version 1 attempt is read as version 2 (see `migrateAttempt`).
 */
export const ATTEMPT_VERSION = 2;

export interface Attempt {
  version: 2;
  id: string;
  problemId: string;
  mode: Mode;
  /** The level the attempt is judged at (levels.ts). */
  level: Level;
  /** Whether running over the clock costs points (false for attempts saved before that rule). */
  penalizeOvertime: boolean;
  durationMs: number;
  /** Epoch ms when the mock started. */
  startedAt: number;
  clock: { elapsedMs: number; runningSince: number | null };
  phase: Phase;
  /** The furthest phase reached. */
  reached: Phase;
  notes: string;
  /** Problem questions the candidate's own questions matched (see `questionLog`), first time each. */
  asked: { id: string; atMs: number }[];
  /** Every question typed in the requirements phase, with what the interviewer said back (asked.ts). */
  questionLog: AskedQuestion[];
  /** Requirement ids the candidate confirmed as in scope in the requirements list. */
  inScope: string[];
  estimates: EstimateInputs;
  /** When the estimates were first checked (elapsed ms); null until then. */
  estimatesCheckedAtMs: number | null;
  /** Each check of the estimates, at most ESTIMATE_TRIES: the first try, then the correction. */
  estimateTries: EstimateTry[];
  /** Entities, endpoints and tables (api-schema.ts); null for an attempt saved before that step, which is not scored on it. */
  api: ApiAnswer | null;
  /**
   * Whether the review judges the design's technology choices (technology-judge.ts): true for
   * attempts started since; false for one saved before, whose review keeps the items it had.
   */
  judgesTechnology: boolean;
  design: Design;
  curveballs: CurveballState[];
  /** The deep dive's questions (frozen when the phase is first reached) and the candidate's answers. */
  deepDive: DeepDiveState;
  tradeoffs: string;
  finishedAt: number | null;
  review: ReviewSnapshot | null;
}

export type CompletedAttempt = Attempt & { finishedAt: number; review: ReviewSnapshot };

/** A fresh id, unique enough for one browser's history. */
export function newAttemptId(now: number, random: () => number = Math.random): string {
  return `${now.toString(36)}-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
}

function dueFor(atMinute: number, durationMs: number): number {
  return Math.round((atMinute / REFERENCE_MINUTES) * durationMs);
}

export function clampMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_MINUTES;
  return Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, Math.round(minutes)));
}

/** The design the canvas starts from: the users, labelled, carrying the problem's workload. */
export function startingDesign(problem: Pick<Problem, 'title' | 'workload'>): Design {
  return {
    schemaVersion: 1,
    name: problem.title,
    workload: { ...problem.workload },
    nodes: [{ id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 96 } }],
    edges: [],
  };
}

export function createAttempt(
  problem: Pick<Problem, 'id' | 'title' | 'workload' | 'curveballs'>,
  options: { mode: Mode; minutes: number; now: number; id?: string; level?: Level },
): Attempt {
  const durationMs = clampMinutes(options.minutes) * MINUTE;
  return {
    version: 2,
    id: options.id ?? newAttemptId(options.now),
    problemId: problem.id,
    mode: options.mode,
    level: options.level ?? DEFAULT_LEVEL,
    penalizeOvertime: true,
    durationMs,
    startedAt: options.now,
    clock: { elapsedMs: 0, runningSince: options.now },
    phase: 'requirements',
    reached: 'requirements',
    notes: '',
    asked: [],
    questionLog: [],
    inScope: [],
    estimates: structuredClone(EMPTY_ESTIMATES),
    estimatesCheckedAtMs: null,
    estimateTries: [],
    api: structuredClone(EMPTY_API),
    judgesTechnology: true,
    design: startingDesign(problem),
    curveballs: problem.curveballs.map((c) => ({
      id: c.id,
      dueMs: dueFor(c.atMinute, durationMs),
      deliveredAtMs: null,
      atArrival: null,
      seen: false,
    })),
    deepDive: structuredClone(EMPTY_DEEP_DIVE),
    tradeoffs: '',
    finishedAt: null,
    review: null,
  };
}

/** Time on the clock, ms. */
export function elapsedMs(a: Pick<Attempt, 'clock'>, now: number): number {
  return a.clock.elapsedMs + (a.clock.runningSince === null ? 0 : Math.max(0, now - a.clock.runningSince));
}

/** Time left, ms; negative in overtime. */
export function remainingMs(a: Pick<Attempt, 'clock' | 'durationMs'>, now: number): number {
  return a.durationMs - elapsedMs(a, now);
}

export function isPaused(a: Pick<Attempt, 'clock' | 'finishedAt'>): boolean {
  return a.finishedAt === null && a.clock.runningSince === null;
}

/** "12:05", "-1:30" in overtime. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${sign}${m}:${String(s).padStart(2, '0')}`;
}

export function phaseIndex(p: Phase): number {
  return PHASES.indexOf(p);
}

/** Whether the estimates can no longer change: both tries used. */
export function estimatesLocked(a: Pick<Attempt, 'estimateTries'>): boolean {
  return a.estimateTries.length >= ESTIMATE_TRIES;
}

/** Whether the stepper may move to this phase now. */
export function canGoTo(a: Pick<Attempt, 'reached' | 'finishedAt'>, p: Phase): boolean {
  return a.finishedAt === null && phaseIndex(p) <= phaseIndex(a.reached) + 1;
}

/** Curveballs that are due and not yet delivered. They arrive only once the candidate is designing. */
export function dueCurveballs(a: Attempt, now: number): CurveballState[] {
  if (a.finishedAt !== null || phaseIndex(a.phase) < phaseIndex('design')) return [];
  const t = elapsedMs(a, now);
  return a.curveballs.filter((c) => c.deliveredAtMs === null && c.dueMs <= t);
}

/** Curveballs not delivered yet (they all arrive before the design phase is left). */
export function pendingCurveballs(a: Attempt): CurveballState[] {
  return a.curveballs.filter((c) => c.deliveredAtMs === null);
}

/** Curveballs that have arrived but the candidate has not read yet, in the order they came due: shown one at a time. */
export function unseenCurveballs(a: Pick<Attempt, 'curveballs'>): CurveballState[] {
  return a.curveballs.filter((c) => c.deliveredAtMs !== null && !c.seen);
}

/**
 * Whether the candidate may leave the design phase: every curveball has
 * arrived and been read. Until then the ones still to come are delivered and
 * shown, one after another, and the phase does not change.
 */
export function mayLeaveDesign(a: Pick<Attempt, 'curveballs'>): boolean {
  return a.curveballs.every((c) => c.deliveredAtMs !== null && c.seen);
}

/** Suggested end of each phase on this attempt's clock, ms of elapsed time. */
export function phaseDeadlines(durationMs: number): Record<Phase, number> {
  let t = 0;
  const out = {} as Record<Phase, number>;
  for (const p of PHASES) {
    t += PHASE_SHARE[p] * durationMs;
    out[p] = Math.round(t);
  }
  return out;
}

export type AttemptAction =
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'set-duration'; minutes: number }
  | { type: 'go'; phase: Phase; now: number }
  | { type: 'ask'; questionId: string; now: number }
  | { type: 'asked'; entry: Omit<AskedQuestion, 'atMs'>; now: number }
  | { type: 'scope'; requirementId: string; inScope: boolean }
  | { type: 'notes'; text: string }
  | { type: 'estimates'; inputs: EstimateInputs }
  | { type: 'check-estimates'; now: number }
  | { type: 'api'; answer: ApiAnswer }
  | { type: 'design'; design: Design }
  | { type: 'deliver'; curveballId: string; now: number; snapshot: CurveballSnapshot }
  | { type: 'seen'; curveballId: string }
  | { type: 'deepdive-questions'; questions: DeepDiveQuestion[] }
  | { type: 'deepdive-answer'; index: number; value: number | null }
  | { type: 'deepdive-submit'; now: number }
  | { type: 'tradeoffs'; text: string }
  | { type: 'finish'; now: number; review: ReviewSnapshot };

/** Applies one action. Returns the same object when nothing changes; finished attempts change no more. */
export function attemptReducer(a: Attempt, action: AttemptAction): Attempt {
  if (a.finishedAt !== null) return a;
  switch (action.type) {
    case 'pause':
      if (a.clock.runningSince === null) return a;
      return { ...a, clock: { elapsedMs: elapsedMs(a, action.now), runningSince: null } };
    case 'resume':
      if (a.clock.runningSince !== null) return a;
      return { ...a, clock: { ...a.clock, runningSince: action.now } };
    case 'set-duration': {
      const durationMs = clampMinutes(action.minutes) * MINUTE;
      if (durationMs === a.durationMs) return a;
      const scale = durationMs / a.durationMs;
      return {
        ...a,
        durationMs,
        curveballs: a.curveballs.map((c) =>
          c.deliveredAtMs === null ? { ...c, dueMs: Math.round(c.dueMs * scale) } : c,
        ),
      };
    }
    case 'go': {
      if (!canGoTo(a, action.phase) || action.phase === a.phase) return a;
      // Every curveball is shown (and so can be graded) before the design phase is left.
      if (a.phase === 'design' && phaseIndex(action.phase) > phaseIndex('design') && !mayLeaveDesign(a)) return a;
      const reached = phaseIndex(action.phase) > phaseIndex(a.reached) ? action.phase : a.reached;
      return { ...a, phase: action.phase, reached };
    }
    case 'ask':
      if (a.asked.some((q) => q.id === action.questionId)) return a;
      return { ...a, asked: [...a.asked, { id: action.questionId, atMs: elapsedMs(a, action.now) }] };
    case 'asked': {
      const atMs = elapsedMs(a, action.now);
      const ids = new Set(a.asked.map((q) => q.id));
      const fresh = action.entry.answers.filter((x) => !ids.has(x.questionId)).map((x) => ({ id: x.questionId, atMs }));
      return {
        ...a,
        asked: fresh.length > 0 ? [...a.asked, ...fresh] : a.asked,
        questionLog: [...a.questionLog, { ...action.entry, atMs }],
        // A requirement brought to light by an answer starts in scope: the candidate may take it out.
        inScope: [
          ...a.inScope,
          ...action.entry.answers.flatMap((x) => x.reveals.map((r) => r.id)).filter((id) => !a.inScope.includes(id)),
        ].filter((id, i, all) => all.indexOf(id) === i),
      };
    }
    case 'scope': {
      const has = a.inScope.includes(action.requirementId);
      if (has === action.inScope) return a;
      return {
        ...a,
        inScope: action.inScope
          ? [...a.inScope, action.requirementId]
          : a.inScope.filter((id) => id !== action.requirementId),
      };
    }
    case 'notes':
      return a.notes === action.text ? a : { ...a, notes: action.text };
    case 'estimates':
      if (estimatesLocked(a)) return a;
      return { ...a, estimates: action.inputs };
    case 'check-estimates': {
      if (estimatesLocked(a)) return a;
      // A figure that cannot be judged is never checked: it is fixed or emptied first.
      if (Object.keys(estimateProblems(a.estimates)).length > 0) return a;
      const at = elapsedMs(a, action.now);
      return {
        ...a,
        estimatesCheckedAtMs: a.estimatesCheckedAtMs ?? at,
        estimateTries: [...a.estimateTries, { inputs: structuredClone(a.estimates), atMs: at }],
      };
    }
    case 'api':
      return a.api === action.answer ? a : { ...a, api: action.answer };
    case 'design':
      return a.design === action.design ? a : { ...a, design: action.design };
    case 'deliver':
      return {
        ...a,
        curveballs: a.curveballs.map((c) =>
          c.id === action.curveballId && c.deliveredAtMs === null
            ? { ...c, deliveredAtMs: elapsedMs(a, action.now), atArrival: action.snapshot }
            : c,
        ),
      };
    case 'seen':
      // Only a curveball that has arrived can have been read.
      if (!a.curveballs.some((c) => c.id === action.curveballId && c.deliveredAtMs !== null && !c.seen)) return a;
      return { ...a, curveballs: a.curveballs.map((c) => (c.id === action.curveballId ? { ...c, seen: true } : c)) };
    case 'deepdive-questions':
      // Frozen once asked: going back to the design does not change the questions.
      if (a.deepDive.questions.length > 0 || action.questions.length === 0) return a;
      return { ...a, deepDive: { questions: action.questions, answers: action.questions.map(() => null), submittedAtMs: null } };
    case 'deepdive-answer': {
      if (a.deepDive.submittedAtMs !== null || !(action.index >= 0 && action.index < a.deepDive.questions.length)) return a;
      if (a.deepDive.answers[action.index] === action.value) return a;
      const answers = a.deepDive.questions.map((_, i) => (i === action.index ? action.value : (a.deepDive.answers[i] ?? null)));
      return { ...a, deepDive: { ...a.deepDive, answers } };
    }
    case 'deepdive-submit':
      if (a.deepDive.submittedAtMs !== null || a.deepDive.questions.length === 0) return a;
      return { ...a, deepDive: { ...a.deepDive, submittedAtMs: elapsedMs(a, action.now) } };
    case 'tradeoffs':
      return a.tradeoffs === action.text ? a : { ...a, tradeoffs: action.text };
    case 'finish':
      return {
        ...a,
        clock: { elapsedMs: elapsedMs(a, action.now), runningSince: null },
        finishedAt: action.now,
        review: action.review,
      };
  }
}

/* ---- Stored form, validated on read (a copy that no longer validates is set aside, never used). ---- */

const snapshotSchema = z.object({
  outcome: z.enum(['held', 'degraded', 'failed']),
  errorRate: z.number(),
  p95ReadMs: z
    .number()
    .nullable()
    .transform((v) => v ?? Infinity),
  reasons: z.array(z.string()),
});

const reviewSnapshotSchema = z.object({
  total: z.number(),
  items: z.array(z.object({ id: z.string(), label: z.string(), score: z.number(), max: z.number() })),
  passedTarget: z.boolean(),
});

const finiteOrNull = z.number().nullable();

const estimatesSchema = z.object({
  peakRps: finiteOrNull,
  storage: z.object({
    value: finiteOrNull,
    unit: z.enum(Object.keys(STORAGE_UNITS) as [keyof typeof STORAGE_UNITS]),
  }),
  bandwidth: z.object({
    value: finiteOrNull,
    unit: z.enum(Object.keys(BANDWIDTH_UNITS) as [keyof typeof BANDWIDTH_UNITS]),
  }),
});

export const attemptSchema = z.object({
  version: z.literal(2),
  id: z.string().min(1).max(100),
  problemId: z.string().min(1).max(100),
  mode: z.enum(['blind', 'practice']),
  level: z.enum(LEVELS),
  penalizeOvertime: z.boolean(),
  durationMs: z.number().positive(),
  startedAt: z.number(),
  clock: z.object({ elapsedMs: z.number().min(0), runningSince: z.number().nullable() }),
  phase: z.enum(PHASES),
  reached: z.enum(PHASES),
  notes: z.string(),
  asked: z.array(z.object({ id: z.string(), atMs: z.number() })),
  questionLog: z.array(askedQuestionSchema).max(500).default([]),
  inScope: z.array(z.string()).max(200).default([]),
  estimates: estimatesSchema,
  estimatesCheckedAtMs: z.number().nullable(),
  estimateTries: z.array(z.object({ inputs: estimatesSchema, atMs: z.number() })).max(ESTIMATE_TRIES),
  api: apiAnswerSchema.nullable().default(null),
  judgesTechnology: z.boolean().default(false),
  design: designSchema,
  curveballs: z.array(
    z.object({
      id: z.string(),
      dueMs: z.number(),
      deliveredAtMs: z.number().nullable(),
      atArrival: snapshotSchema.nullable(),
      seen: z.boolean(),
    }),
  ),
  deepDive: deepDiveStateSchema.default(EMPTY_DEEP_DIVE),
  tradeoffs: z.string(),
  finishedAt: z.number().nullable(),
  review: reviewSnapshotSchema.nullable(),
});

/** Parses a stored or imported attempt; null when it does not validate. */
export function parseAttempt(raw: unknown): Attempt | null {
  return readAttempt(raw)?.attempt ?? null;
}

/**
 * Parses a stored or imported attempt, as {@link parseAttempt}, with what
 * loading changed: a param that does not apply to its node's kind (saved
 * before that rule) is dropped from the design, and `notices` say so.
 */
export function readAttempt(raw: unknown): { attempt: Attempt; notices: DesignNotice[] } | null {
  const r = attemptSchema.safeParse(migrateAttempt(raw));
  if (!r.success) return null;
  const attempt = r.data as Attempt;
  const { design, notices } = dropInapplicableParams(attempt.design);
  return { attempt: notices.length > 0 ? { ...attempt, design } : attempt, notices };
}

/**
 * A stored attempt brought to the current version. Version 1 (before
 * levels, second tries and the overtime rule) is read as a senior attempt
 * (the rubric it was scored on), without the overtime rule, with its one
 * check of the estimates as the first try. Anything else is left as it is.
 */
export function migrateAttempt(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || (raw as { version?: unknown }).version !== 1) return raw;
  const v1 = raw as Record<string, unknown>;
  const checkedAt = v1.estimatesCheckedAtMs;
  return {
    ...v1,
    version: 2,
    level: DEFAULT_LEVEL,
    penalizeOvertime: false,
    estimateTries: typeof checkedAt === 'number' ? [{ inputs: v1.estimates, atMs: checkedAt }] : [],
  };
}

export function isCompleted(a: Attempt): a is CompletedAttempt {
  return a.finishedAt !== null && a.review !== null;
}
