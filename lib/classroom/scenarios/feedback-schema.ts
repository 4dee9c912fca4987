/**
 * What an instructor sends to give feedback on a submission, edit a
 * published scenario, release feedback or archive: zod schemas shared by the
 * dashboard and the route handlers, and the rules for a final score.
 * Client-safe: no server or database imports.
 */
import { z } from 'zod';
import { rubricSchema, scenarioWorkloadSchema, sloSchema, targetSchema, MAX_BRIEF_BYTES, MAX_TITLE_CHARS, byteLength, type RubricCriterion } from './schema';
import { MAX_DESIGN_BYTES } from '../../design/schema';

export const MAX_COMMENT_CHARS = 4_000;
export const MAX_REASON_CHARS = 300;
/** A manual adjustment is at most this many points either way. */
export const MAX_ADJUSTMENT = 100;
export const MAX_FEEDBACK_BYTES = 16 * 1024;
/** An edit holds a brief and a reference design at most. */
export const MAX_EDIT_BYTES = MAX_BRIEF_BYTES + MAX_DESIGN_BYTES + 16 * 1024;

// Control characters other than line breaks and tabs, and bidirectional overrides.
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const freeText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .max(max, { error: `${what} must be at most ${max} characters` })
    .refine((s) => !UNPRINTABLE.test(s), { error: `${what} must not contain control characters` })
    .transform((s) => s.trim());

export const feedbackSchema = z
  .strictObject({
    comment: freeText('comment', MAX_COMMENT_CHARS).optional(),
    adjustment: z
      .number({ error: 'adjustment must be a number of points' })
      .min(-MAX_ADJUSTMENT, { error: `adjustment must be from -${MAX_ADJUSTMENT} to +${MAX_ADJUSTMENT} points` })
      .max(MAX_ADJUSTMENT, { error: `adjustment must be from -${MAX_ADJUSTMENT} to +${MAX_ADJUSTMENT} points` })
      .refine((n) => Math.round(n * 10) === n * 10, { error: 'adjustment must be in tenths of a point at most' })
      .optional(),
    adjustmentReason: freeText('adjustmentReason', MAX_REASON_CHARS).optional(),
    rubricPoints: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'a criterion id is 1 to 40 lower-case letters, digits or dashes' }),
        z
          .number({ error: 'rubric points must be numbers' })
          .min(0, { error: 'rubric points must be at least 0' })
          .refine((n) => Math.round(n * 10) === n * 10, { error: 'rubric points must be in tenths of a point at most' })
          .nullable(),
        { error: 'rubricPoints must be an object of criterion id to points' },
      )
      .optional(),
  })
  .refine((f) => Object.values(f).some((v) => v !== undefined), {
    error: 'send at least one of comment, adjustment, adjustmentReason, rubricPoints',
  });
export type FeedbackInput = z.output<typeof feedbackSchema>;

export const releaseSchema = z.strictObject({
  released: z.boolean({ error: 'released must be true or false' }),
});

export const archiveSchema = z.strictObject({
  archived: z.boolean({ error: 'archived must be true or false' }),
});

/**
 * An edit of a published scenario: any of its title, brief, targets, service
 * levels, workload, reference design (null removes it) and rubric; `reason`
 * is kept with the revision and shown beside each re-graded submission.
 */
export const editScenarioSchema = z
  .strictObject({
    title: z
      .string({ error: 'title must be text' })
      .trim()
      .min(1, { error: 'title must not be empty' })
      .max(MAX_TITLE_CHARS, { error: `title must be at most ${MAX_TITLE_CHARS} characters` })
      .refine((s) => !UNPRINTABLE.test(s) && !/[\r\n\t]/.test(s), { error: 'title must not contain control characters' })
      .optional(),
    brief: z
      .string({ error: 'brief must be Markdown text' })
      .refine((s) => s.trim().length > 0, { error: 'brief must not be empty' })
      .refine((s) => byteLength(s) <= MAX_BRIEF_BYTES, { error: `brief must be at most ${MAX_BRIEF_BYTES / 1024} KB` })
      .optional(),
    targets: z.array(targetSchema, { error: 'targets must be a list' }).optional(),
    slo: sloSchema.optional(),
    workload: scenarioWorkloadSchema.optional(),
    referenceDesign: z.unknown().optional(),
    rubric: rubricSchema.optional(),
    reason: freeText('reason', MAX_REASON_CHARS).optional(),
  })
  .refine((e) => Object.entries(e).some(([k, v]) => k !== 'reason' && v !== undefined), {
    error: 'send at least one of title, brief, targets, slo, workload, referenceDesign, rubric',
  });
export type EditScenarioInput = z.input<typeof editScenarioSchema>;
export type EditScenario = z.output<typeof editScenarioSchema>;

// ---------------------------------------------------------------------------
// Scores

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The model's score with the instructor's adjustment, kept within 0–100. */
export function finalScore(modelScore: number, adjustment: number): number {
  return round1(Math.min(100, Math.max(0, modelScore + adjustment)));
}

/** The rubric points given, out of the rubric's total; null when the rubric is empty. */
export function rubricTotal(rubric: readonly RubricCriterion[], points: Record<string, number | null>): { points: number; max: number; scored: number } | null {
  if (rubric.length === 0) return null;
  let sum = 0;
  let scored = 0;
  for (const c of rubric) {
    const p = points[c.id];
    if (typeof p === 'number') {
      sum += Math.min(p, c.maxPoints);
      scored++;
    }
  }
  return { points: round1(sum), max: rubric.reduce((s, c) => s + c.maxPoints, 0), scored };
}

/** "+5", "−2.5", "0": an adjustment as shown. */
export function signedPoints(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}

/** One instructor's feedback as the API answers it. */
export interface FeedbackView {
  submissionId: string;
  comment: string;
  adjustment: number;
  adjustmentReason: string;
  rubricPoints: Record<string, number | null>;
  modelScore: number;
  finalScore: number;
  updatedAt: string;
}

/** One re-grade of a submission after the scenario's targets changed. */
export interface RegradeView {
  revisionId: string;
  at: string;
  oldScore: number;
  newScore: number;
  oldPassed: boolean;
  newPassed: boolean;
  flipped: FlippedCheck[];
  /** What changed in the scenario, in words, and the instructor's reason. */
  changes: string[];
  reason: string;
}

export interface FlippedCheck {
  target: string;
  check: string;
  /** Passed after the re-grade (true: it now passes). */
  nowPassed: boolean;
}

/** A revision of a scenario as students (or the instructor) read it. */
export interface RevisionView {
  id: string;
  at: string;
  changes: string[];
  reason: string;
  regrade: boolean;
  regradeTotal: number;
  regradeDone: number;
}
