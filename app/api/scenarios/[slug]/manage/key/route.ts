import { authorizeManage, rotateManageKey } from '@/lib/scenarios/repository';
import { requireOwner } from '@/lib/scenarios/access';
import { json, manageKeyOf, notFound } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Replaces the manage key; the old one stops working at once. */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  requireOwner(rec); // a co-instructor cannot lock the owner out
  const manageKey = await rotateManageKey(rec);
  return json({ manageKey, manageUrl: `/s/${slug}/manage#key=${manageKey}` });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
