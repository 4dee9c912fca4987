import 'server-only';
import { MAX_DESIGN_BYTES } from '@/lib/design/schema';
import { GradingBusy, gradingCapMessage, GradingTimeout, MAX_GRADED_COMPONENTS, MAX_GRADED_CONNECTIONS } from './grading-pool';
import type { SubmissionOutcome } from './grading-job';
import { fail, tooLarge } from './http';

/**
 * The answers shared by every route that grades a student's design
 * (submissions, live drafts): a body the pool refused before grading, and a
 * grading that ran out of time or found the pool full. One place, so both
 * routes answer the same input the same way.
 */
/** An outcome refused before grading: not readable JSON, too large, or over the grading caps. */
export type RefusedOutcome = Extract<SubmissionOutcome, { kind: 'badJson' | 'tooLarge' | 'overCap' }>;

export function isRefused(outcome: SubmissionOutcome): outcome is RefusedOutcome {
  return outcome.kind === 'badJson' || outcome.kind === 'tooLarge' || outcome.kind === 'overCap';
}

export function refusedBody(outcome: RefusedOutcome): Response {
  switch (outcome.kind) {
    case 'badJson':
      return fail(outcome.status, outcome.error, outcome.extra);
    case 'tooLarge':
      return tooLarge('The design', MAX_DESIGN_BYTES);
    case 'overCap':
      return fail(413, gradingCapMessage(outcome), { limitComponents: MAX_GRADED_COMPONENTS, limitConnections: MAX_GRADED_CONNECTIONS });
  }
}

/** 422 for a design too slow to grade (`advice` says what to do), 503 with Retry-After when the pool is full; null for any other error. */
export function gradingFailure(e: unknown, advice: string): Response | null {
  if (e instanceof GradingTimeout) return fail(422, `${e.message} ${advice}`, { limitMs: e.limitMs });
  if (e instanceof GradingBusy) return fail(503, e.message, { retryAfterSeconds: e.retryAfterSeconds }, { 'retry-after': String(e.retryAfterSeconds) });
  return null;
}
