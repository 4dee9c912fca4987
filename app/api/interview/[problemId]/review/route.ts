import { NextResponse } from 'next/server';
import { MAX_DESIGN_BYTES } from '@/lib/design/schema';
import { echoed, errorResponse, otherMethods, readJsonBody, route } from '@/lib/server/http';
import { reviewBodySchema } from '@/lib/interview/api';
import { readAttempt } from '@/lib/interview/attempt';
import { getProblem } from '@/lib/interview/problems';
import { reviewAttempt, snapshotOf } from '@/lib/interview/scoring';
import { clientAddress, hitRateLimits, RATE_RULES } from '@/lib/classroom/scenarios/rate-limit';

export const dynamic = 'force-dynamic';

/** An attempt is its design plus notes, questions and trade-offs: the design's limit and 64 KB of text. */
const MAX_ATTEMPT_BYTES = MAX_DESIGN_BYTES + 64 * 1024;

/**
 * Scores an attempt on the full problem (which the browser does not hold
 * while the mock runs): 200 `{review}`, the score snapshot kept with the
 * attempt in the browser's history. 404 for an unknown problem, 409 when
 * the attempt is for another problem, 413 over the size limit, 422 when it
 * is not a valid attempt, 429 past the per-address limit. Nothing is
 * stored on the server.
 */
export const POST = route(async (req: Request, ctx: RouteContext<'/api/interview/[problemId]/review'>) => {
  const { problemId } = await ctx.params;
  const problem = getProblem(problemId);
  if (!problem) return errorResponse(404, `No interview problem "${echoed(problemId)}".`);
  const body = await readJsonBody(req, MAX_ATTEMPT_BYTES);
  if (!body.ok) return body.response;
  const shape = reviewBodySchema.safeParse(body.value);
  if (!shape.success) return errorResponse(422, 'Send {"attempt": …}: the attempt as the browser keeps it.');
  const read = readAttempt(shape.data.attempt);
  if (!read) return errorResponse(422, 'The attempt is not valid: it does not match the stored attempt format.');
  const attempt = read.attempt;
  if (attempt.problemId !== problem.id)
    return errorResponse(409, `The attempt is for "${echoed(attempt.problemId)}", not "${problem.id}".`);
  const decision = await hitRateLimits([{ rule: RATE_RULES.interviewReview, subject: clientAddress(req) }]);
  if (!decision.ok) {
    const s = decision.retryAfterSeconds;
    return errorResponse(
      429,
      `Too many interviews scored from your address: at most ${decision.limit} an hour. Try again in ${s} s.`,
      { retryAfterSeconds: s, limit: decision.limit },
      { 'retry-after': String(s) },
    );
  }
  return NextResponse.json(
    { review: snapshotOf(reviewAttempt(problem, attempt)) },
    { headers: { 'cache-control': 'no-store' } },
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
