import { clientAddress, RATE_RULES } from '@/lib/classroom/scenarios/rate-limit';
import { authorizeManage } from '@/lib/classroom/scenarios/repository';
import { duplicateScenario } from '@/lib/classroom/scenarios/revisions';
import { json, limit, manageKeyOf, notFound, requireJsonType } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * Copies the scenario (brief, targets, designs, rubric, settings) into a
 * new one with its own slug and manage key and no students; answers its
 * links as creating a scenario does. Counts as creating a scenario.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const wrongType = requireJsonType(req);
  if (wrongType) return wrongType;
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const limited = await limit({ rule: RATE_RULES.createScenario, subject: clientAddress(req) }, { rule: RATE_RULES.createScenarioGlobal, subject: 'all' });
  if (limited) return limited;
  const created = await duplicateScenario(rec);
  return json({ ...created, studentUrl: `/s/${created.slug}`, manageUrl: `/s/${created.slug}/manage#key=${created.manageKey}` }, 201);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
