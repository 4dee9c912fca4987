import { clientAddress, RATE_RULES } from '@/lib/scenarios/rate-limit';
import { authorizeStudent } from '@/lib/scenarios/repository';
import { LIVE_VIEW_OFF, saveDraft } from '@/lib/scenarios/live';
import { NOT_A_DESIGN } from '@/lib/scenarios/grading-job';
import { describeFieldIssues, MAX_SUBMIT_BYTES } from '@/lib/scenarios/schema';
import { fail, invalid, json, limit, notFound, readText, studentTokenOf } from '@/lib/scenarios/http';
import { gradingPool } from '@/lib/scenarios/grading-pool';
import { gradingFailure, isRefused, refusedBody } from '@/lib/scenarios/grading-responses';
import { otherMethods, route } from '@/lib/http';
import { tooDeep } from '@/lib/json-text';

export const dynamic = 'force-dynamic';

/**
 * A student's current draft for the instructor's live view (`{design}`, with
 * `X-Student-Token`), only while the scenario's live view is on. Read,
 * checked and graded exactly as a submission is (the same size limits, the
 * same grading pool), then kept as the student's one draft and announced on
 * the scenario's live topic. At most 12 in 10 s per student (the page sends
 * one a second at most). A draft that breaks the scenario's rules is
 * answered 422 and shown to the instructor as such, keeping the last graded
 * design; one that is not a design at all stores nothing.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const body = await readText(req, MAX_SUBMIT_BYTES);
  if (!body.ok) return body.response;
  const auth = await authorizeStudent(slug, studentTokenOf(req));
  if (!auth) {
    const deep = tooDeep(body.text);
    return deep ? fail(deep.status, deep.error, deep.extra) : notFound();
  }
  const { config } = auth.scenario;
  if (!config.liveView) return fail(409, LIVE_VIEW_OFF, { liveView: false });
  const refused = await limit(
    { rule: RATE_RULES.draftStudent, subject: auth.student.id },
    { rule: RATE_RULES.draftAddress, subject: clientAddress(req) },
  );
  if (refused) return refused;

  let outcome;
  try {
    outcome = await gradingPool().checkAndGrade(body.text, config, config);
  } catch (e) {
    const failed = gradingFailure(e, 'Simplify the design.');
    if (failed) return failed;
    throw e;
  }
  if (isRefused(outcome)) return refusedBody(outcome);
  switch (outcome.kind) {
    case 'invalid': {
      // A design that parsed but breaks the rules (or has nothing to grade yet): the instructor sees why.
      if (outcome.what !== NOT_A_DESIGN) {
        const draft = await saveDraft(auth.scenario, auth.student, { kind: 'invalid', issue: `${outcome.what}: ${describeFieldIssues(outcome.issues)}` });
        return json({ draft, ...invalidBody(outcome) }, 422);
      }
      return invalid(outcome.issues, outcome.what);
    }
  }
  const draft = await saveDraft(auth.scenario, auth.student, { kind: 'graded', document: outcome.document, grade: outcome.grade });
  return json({ draft });
});

function invalidBody(outcome: { what: string; issues: { path: string; message: string }[] }) {
  return { error: `${outcome.what}:\n${describeFieldIssues(outcome.issues)}`, issues: outcome.issues };
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
