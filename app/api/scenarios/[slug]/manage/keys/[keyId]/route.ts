import { revokeKey } from '@/lib/classroom/scenarios/access';
import { authorizeManage } from '@/lib/classroom/scenarios/repository';
import { json, manageKeyOf, notFound } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** Revokes one co-instructor key (the owner only); it is refused at once on every instance. */
export const DELETE = route(async (req: Request, ctx: { params: Promise<{ slug: string; keyId: string }> }) => {
  const { slug, keyId } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const key = await revokeKey(rec, keyId);
  if (!key) return notFound();
  return json({ key });
});

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods('DELETE');
