import { MAX_DESIGN_BYTES } from '@/lib/design/schema';
import { clientAddress, RATE_RULES } from '@/lib/scenarios/rate-limit';
import { authorizeStudent, closedReason, replayedSubmission, submitDesign, type SubmitResult } from '@/lib/scenarios/repository';
import { checkDesignConstraints, designBytes, emptyDesignIssue, MAX_SUBMIT_BYTES, parseWith, submitSchema } from '@/lib/scenarios/schema';
import { fail, invalid, json, notFound, readBody, studentTokenOf, tooLarge, tooMany } from '@/lib/scenarios/http';
import { GradingBusy, gradingCapMessage, GradingTimeout, MAX_GRADED_COMPONENTS, MAX_GRADED_CONNECTIONS, overGradingCap } from '@/lib/scenarios/grading-pool';
import { otherMethods } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** `Idempotency-Key`: 1 to 255 visible ASCII characters (a UUID is typical). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * A student submits a design (`{design}`, with `X-Student-Token`). It is
 * checked against the scenario (allowed kinds, locked nodes) and refused
 * when it has nothing to grade (no components besides Users, as the student
 * page says before sending), then graded in the worker pool and stored; the
 * 201 answer comes only after the row is committed.
 *
 * With an `Idempotency-Key` header, a retry of the same request by the same
 * student (its answer was lost) stores nothing new and answers the stored
 * submission again (201, `Idempotent-Replayed: true`); the same key with a
 * different design is refused with 422.
 */
export async function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const rawKey = req.headers.get('idempotency-key');
  if (rawKey !== null && !IDEMPOTENCY_KEY.test(rawKey.trim())) {
    return fail(400, 'The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID, say).');
  }
  const idempotencyKey = rawKey?.trim() || null;
  const body = await readBody(req, MAX_SUBMIT_BYTES);
  if (!body.ok) return body.response;
  const raw = body.value as { design?: unknown } | null;
  if (raw && typeof raw === 'object' && designBytes(raw.design) > MAX_DESIGN_BYTES) return tooLarge('The design', MAX_DESIGN_BYTES);
  // Counted before validation: a design too large to grade costs nothing more.
  const over = raw && typeof raw === 'object' ? overGradingCap(raw.design) : null;
  if (over) {
    return fail(413, gradingCapMessage(over), { limitComponents: MAX_GRADED_COMPONENTS, limitConnections: MAX_GRADED_CONNECTIONS });
  }

  const auth = await authorizeStudent(slug, studentTokenOf(req));
  if (!auth) return notFound();

  const parsed = parseWith(submitSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The design is not valid');
  const issues = checkDesignConstraints(parsed.value.design, auth.scenario.config);
  if (issues.length > 0) return invalid(issues, 'The design breaks the scenario’s rules');
  const empty = emptyDesignIssue(parsed.value.design);
  if (empty) return invalid([empty], 'There is nothing to grade');

  // A retry is answered as the original was, even if submissions closed since.
  if (idempotencyKey) {
    const earlier = await replayedSubmission(auth.scenario, auth.student, idempotencyKey, parsed.value.design);
    if (earlier) return answer(earlier);
  }
  const reason = closedReason(auth.scenario);
  if (reason) return fail(409, reason);

  try {
    // The rate limits are counted in the same transaction as the insert: one commit.
    const result = await submitDesign(
      auth.scenario,
      auth.student,
      parsed.value.design,
      [
        { rule: RATE_RULES.submitStudent, subject: auth.student.id },
        { rule: RATE_RULES.submitAddress, subject: clientAddress(req) },
      ],
      { idempotencyKey, keyChecked: true },
    );
    return answer(result);
  } catch (e) {
    if (e instanceof GradingTimeout) return fail(422, `${e.message} Simplify the design and submit again.`, { limitMs: e.limitMs });
    if (e instanceof GradingBusy) {
      return fail(503, e.message, { retryAfterSeconds: e.retryAfterSeconds }, { 'retry-after': String(e.retryAfterSeconds) });
    }
    throw e;
  }
}

function answer(result: SubmitResult) {
  if (result.ok) return json({ submission: result.submission }, 201, result.replayed ? { 'idempotent-replayed': 'true' } : {});
  if ('refused' in result) return tooMany(result.refused);
  return fail(422, result.keyReused);
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
