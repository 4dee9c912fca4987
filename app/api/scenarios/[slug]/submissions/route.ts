import { MAX_DESIGN_BYTES } from '@/lib/design/schema';
import { clientAddress, RATE_RULES } from '@/lib/scenarios/rate-limit';
import { authorizeStudent, closedReason, submitDesign } from '@/lib/scenarios/repository';
import { checkDesignConstraints, designBytes, emptyDesignIssue, MAX_SUBMIT_BYTES, parseWith, submitSchema } from '@/lib/scenarios/schema';
import { fail, invalid, json, notFound, readBody, studentTokenOf, tooLarge, tooMany } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * A student submits a design (`{design}`, with `X-Student-Token`). It is
 * checked against the scenario (allowed kinds, locked nodes) and refused
 * when it has nothing to grade (no components besides Users, as the student
 * page says before sending), then graded and stored; the 201 answer comes
 * only after the row is committed.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_SUBMIT_BYTES);
  if (!body.ok) return body.response;
  const raw = body.value as { design?: unknown } | null;
  if (raw && typeof raw === 'object' && designBytes(raw.design) > MAX_DESIGN_BYTES) return tooLarge('The design', MAX_DESIGN_BYTES);

  const auth = await authorizeStudent(slug, studentTokenOf(req));
  if (!auth) return notFound();
  const reason = closedReason(auth.scenario);
  if (reason) return fail(409, reason);

  const parsed = parseWith(submitSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The design is not valid');
  const issues = checkDesignConstraints(parsed.value.design, auth.scenario.config);
  if (issues.length > 0) return invalid(issues, 'The design breaks the scenario’s rules');
  const empty = emptyDesignIssue(parsed.value.design);
  if (empty) return invalid([empty], 'There is nothing to grade');

  // The rate limits are counted in the same transaction as the insert: one commit.
  const result = await submitDesign(auth.scenario, auth.student, parsed.value.design, [
    { rule: RATE_RULES.submitStudent, subject: auth.student.id },
    { rule: RATE_RULES.submitAddress, subject: clientAddress(req) },
  ]);
  if (!result.ok) return tooMany(result.refused);
  return json({ submission: result.submission }, 201);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
