import { clientAddress, RATE_RULES } from '@/lib/classroom/scenarios/rate-limit';
import { createScenario } from '@/lib/classroom/scenarios/repository';
import { createScenarioSchema, MAX_CREATE_BYTES, oversizedCreatePart, parseWith } from '@/lib/classroom/scenarios/schema';
import { fail, invalid, json, limit, readBody, tooLarge } from '@/lib/classroom/scenarios/http';
import { gradingCapMessage, MAX_GRADED_COMPONENTS, MAX_GRADED_CONNECTIONS, overGradingCap } from '@/lib/classroom/scenarios/grading-pool';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * Creates a scenario. Answers 201 with the student link and the manage link;
 * the manage key appears only in this answer (the database keeps its hash).
 */
export const POST = route(async (req: Request) => {
  const body = await readBody(req, MAX_CREATE_BYTES);
  if (!body.ok) return body.response;
  const big = oversizedCreatePart(body.value);
  if (big) return tooLarge(big.what, big.limitBytes);
  // The reference is graded for the dashboard and students submit from the
  // starting design: both within what a submission may have.
  const config = (body.value as { config?: { startingDesign?: unknown; referenceDesign?: unknown } } | null)?.config;
  for (const [what, design] of [['The starting design', config?.startingDesign], ['The reference design', config?.referenceDesign]] as const) {
    const over = overGradingCap(design);
    if (over) return fail(413, `${what}: ${gradingCapMessage(over)}`, { limitComponents: MAX_GRADED_COMPONENTS, limitConnections: MAX_GRADED_CONNECTIONS });
  }
  const parsed = parseWith(createScenarioSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The scenario is not valid');
  const limited = await limit({ rule: RATE_RULES.createScenario, subject: clientAddress(req) }, { rule: RATE_RULES.createScenarioGlobal, subject: 'all' });
  if (limited) return limited;
  const { slug, manageKey } = await createScenario(parsed.value);
  return json(
    { slug, manageKey, studentUrl: `/s/${slug}`, manageUrl: `/s/${slug}/manage#key=${manageKey}` },
    201,
    { location: `/api/scenarios/${slug}` },
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
