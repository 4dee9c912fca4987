import { authorizeManage } from '@/lib/classroom/scenarios/repository';
import { newJoinLink, removeEntry } from '@/lib/classroom/scenarios/roster';
import { json, manageKeyOf, notFound, requireJsonType } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string; entryId: string }> };

/** A new personal join link for one student on the class list; the old link stops working. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const wrongType = requireJsonType(req);
  if (wrongType) return wrongType;
  const { slug, entryId } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const link = await newJoinLink(rec, entryId);
  if (!link) return notFound();
  return json(link);
});

/** Takes a name off the class list; a student who joined as it keeps their work. */
export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { slug, entryId } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const removed = await removeEntry(rec, entryId);
  if (!removed) return notFound();
  return json({ deleted: removed });
});

export const { GET, HEAD, PUT, PATCH, OPTIONS } = otherMethods('POST', 'DELETE');
