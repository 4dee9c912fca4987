import { clientAddress, RATE_RULES } from '@/lib/classroom/scenarios/rate-limit';
import { copySampleScenario } from '@/lib/classroom/scenarios/samples';
import { json, limit, notFound, requireJsonType } from '@/lib/classroom/scenarios/http';
import { sampleBySlug } from '@/lib/classroom/scenarios/sample-definitions';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * Copies a built-in sample into a scenario of one's own, with demo
 * submissions, and answers its links as creating a scenario does. Only
 * samples can be copied. Takes no body, but must be declared as JSON (see
 * `requireJsonType`), so another site cannot make a visitor's browser copy.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const wrongType = requireJsonType(req);
  if (wrongType) return wrongType;
  const { slug } = await ctx.params;
  if (!sampleBySlug(slug)) return notFound();
  const limited = await limit({ rule: RATE_RULES.createScenario, subject: clientAddress(req) }, { rule: RATE_RULES.createScenarioGlobal, subject: 'all' });
  if (limited) return limited;
  const created = await copySampleScenario(slug);
  if (!created) return notFound();
  return json(
    { ...created, studentUrl: `/s/${created.slug}`, manageUrl: `/s/${created.slug}/manage#key=${created.manageKey}` },
    201,
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
