import { archiveSchema } from '@/lib/scenarios/feedback-schema';
import { authorizeManage, findScenario, toManageScenario } from '@/lib/scenarios/repository';
import { setArchived } from '@/lib/scenarios/revisions';
import { MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/scenarios/schema';
import { invalid, json, manageKeyOf, notFound, readBody } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * Archives the scenario (`{archived: true}`: read-only to students, off the
 * instructor's active list) or restores it (`{archived: false}`); nothing is
 * deleted either way.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_SMALL_BODY_BYTES);
  if (!body.ok) return body.response;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const parsed = parseWith(archiveSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The change is not valid');
  await setArchived(rec, parsed.value.archived);
  const fresh = await findScenario(slug);
  if (!fresh) return notFound();
  return json({ scenario: await toManageScenario(fresh) });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
