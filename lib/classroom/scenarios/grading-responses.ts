import 'server-only';
import { MAX_DESIGN_BYTES } from '@/lib/design/schema';
import { tooDeep } from '@/lib/server/json-text';
import { GradingBusy, gradingCapMessage, gradingPool, GradingTimeout, MAX_GRADED_COMPONENTS, MAX_GRADED_CONNECTIONS } from './grading-pool';
import type { SubmissionOutcome } from './grading-job';
import { fail, notFound, readText, studentTokenOf, tooLarge } from './http';
import { authorizeStudent } from './repository';
import { MAX_SUBMIT_BYTES, type ScenarioConfig } from './schema';

/**
 * What every route that grades a student's design (submissions, live
 * drafts) does alike: reading the body and finding the student, and the
 * answers to a body the pool refused before grading and to a grading that
 * ran out of time or found the pool full. One place, so both routes answer
 * the same input the same way.
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

/** A student's request with its body read and the student known; otherwise the answer to send. */
export type StudentBody =
  | { ok: true; text: string; auth: NonNullable<Awaited<ReturnType<typeof authorizeStudent>>> }
  | { ok: false; response: Response };

/**
 * The start of every route that takes a student's design: read the body
 * (within the submission limit), then find the student by token. Without a
 * known student the answer is 404, except that a body too deep to read is
 * refused as such, token or not (a scan, no parsing).
 */
export async function readStudentDesign(req: Request, slug: string): Promise<StudentBody> {
  const body = await readText(req, MAX_SUBMIT_BYTES);
  if (!body.ok) return body;
  const auth = await authorizeStudent(slug, studentTokenOf(req));
  if (!auth) {
    const deep = tooDeep(body.text);
    return { ok: false, response: deep ? fail(deep.status, deep.error, deep.extra) : notFound() };
  }
  return { ok: true, text: body.text, auth };
}

/**
 * Checks and grades a student's design text in the grading pool against the
 * scenario's config. A body refused before grading, a grading that ran out
 * of time (`advice` says what to do) or a full pool become the answer to send;
 * otherwise the outcome (invalid or graded) is the route's to answer.
 */
export async function gradeStudentDesign(
  text: string,
  config: ScenarioConfig,
  advice: string,
): Promise<{ ok: true; outcome: Exclude<SubmissionOutcome, RefusedOutcome> } | { ok: false; response: Response }> {
  let outcome: SubmissionOutcome;
  try {
    outcome = await gradingPool().checkAndGrade(text, config, config);
  } catch (e) {
    const failed = gradingFailure(e, advice);
    if (failed) return { ok: false, response: failed };
    throw e;
  }
  if (isRefused(outcome)) return { ok: false, response: refusedBody(outcome) };
  return { ok: true, outcome };
}
