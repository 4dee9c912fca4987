import { clientAddress, RATE_RULES } from '@/lib/classroom/scenarios/rate-limit';
import { replayedSubmission, submitDesign, type SubmitResult } from '@/lib/classroom/scenarios/repository';
import { submissionWindow } from '@/lib/classroom/scenarios/deadlines';
import { fail, invalid, json, tooMany } from '@/lib/classroom/scenarios/http';
import { gradeStudentDesign, readStudentDesign } from '@/lib/classroom/scenarios/grading-responses';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** `Idempotency-Key`: 1 to 255 visible ASCII characters (a UUID is typical). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * A student submits a design (`{design}`, with `X-Student-Token`). The body
 * is read here and handed as text to the grading pool, where it is parsed,
 * checked against the size and component caps and the scenario (allowed
 * kinds, locked nodes; refused when it has nothing to grade, as the student
 * page says before sending) and graded: this thread only reads bytes and
 * stores the row. The 201 answer comes only after the row is committed.
 *
 * With an `Idempotency-Key` header, a retry of the same request by the same
 * student (its answer was lost) stores nothing new and answers the stored
 * submission again (201, `Idempotent-Replayed: true`); the same key with a
 * different design is refused with 422.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const rawKey = req.headers.get('idempotency-key');
  if (rawKey !== null && !IDEMPOTENCY_KEY.test(rawKey.trim())) {
    return fail(400, 'The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID, say).');
  }
  const idempotencyKey = rawKey?.trim() || null;
  const body = await readStudentDesign(req, slug);
  if (!body.ok) return body.response;
  const { auth } = body;

  const checked = await gradeStudentDesign(body.text, auth.scenario.config, 'Simplify the design and submit again.');
  if (!checked.ok) return checked.response;
  const { outcome } = checked;
  switch (outcome.kind) {
    case 'invalid':
      return invalid(outcome.issues, outcome.what);
  }
  const graded = { document: outcome.document, grade: outcome.grade };

  // A retry is answered as the original was, even if submissions closed since.
  if (idempotencyKey) {
    const earlier = await replayedSubmission(auth.scenario, auth.student, idempotencyKey, graded);
    if (earlier) return answer(earlier);
  }
  // The student's own deadline (an extension) and the late policy: refused, or accepted and flagged late.
  const window = await submissionWindow(auth.scenario, auth.student);
  if (!window.ok) return fail(409, window.reason);

  // The rate limits are counted in the same transaction as the insert: one commit.
  const result = await submitDesign(
    auth.scenario,
    auth.student,
    graded,
    [
      { rule: RATE_RULES.submitStudent, subject: auth.student.id },
      { rule: RATE_RULES.submitAddress, subject: clientAddress(req) },
    ],
    { idempotencyKey, keyChecked: true, late: window.late },
  );
  return answer(result);
});

function answer(result: SubmitResult) {
  if (result.ok) return json({ submission: result.submission }, 201, result.replayed ? { 'idempotent-replayed': 'true' } : {});
  if ('refused' in result) return tooMany(result.refused);
  return fail(422, result.keyReused);
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
