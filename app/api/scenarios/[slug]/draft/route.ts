import { clientAddress, RATE_RULES } from '@/lib/classroom/scenarios/rate-limit';
import { LIVE_VIEW_OFF, saveDraft } from '@/lib/classroom/scenarios/live';
import { NOT_A_DESIGN } from '@/lib/classroom/scenarios/grading-job';
import { describeFieldIssues } from '@/lib/classroom/scenarios/schema';
import { fail, invalid, json, limit } from '@/lib/classroom/scenarios/http';
import { gradeStudentDesign, readStudentDesign } from '@/lib/classroom/scenarios/grading-responses';
import { otherMethods, route } from '@/lib/server/http';

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
  const body = await readStudentDesign(req, slug);
  if (!body.ok) return body.response;
  const { auth } = body;
  const { config } = auth.scenario;
  if (!config.liveView) return fail(409, LIVE_VIEW_OFF, { liveView: false });
  const refused = await limit(
    { rule: RATE_RULES.draftStudent, subject: auth.student.id },
    { rule: RATE_RULES.draftAddress, subject: clientAddress(req) },
  );
  if (refused) return refused;

  const graded = await gradeStudentDesign(body.text, config, 'Simplify the design.');
  if (!graded.ok) return graded.response;
  const { outcome } = graded;
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
