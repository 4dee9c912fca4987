import { authorizeManage } from '@/lib/classroom/scenarios/repository';
import { formatClassCode, setClassCode } from '@/lib/classroom/scenarios/roster';
import { json, manageKeyOf, notFound, requireJsonType } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';
import { manageRoute } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string }> };

/** Turns the class code on, or replaces it (the old code stops working). */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const wrongType = requireJsonType(req);
  if (wrongType) return wrongType;
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const code = await setClassCode(rec, true);
  return json({ classCode: code && formatClassCode(code) });
});

/** Turns the class code off: students on the list then join by their personal links. */
export const DELETE = manageRoute(async (_req, rec) => {
  await setClassCode(rec, false);
  return json({ classCode: null });
});

export const { GET, HEAD, PUT, PATCH, OPTIONS } = otherMethods('POST', 'DELETE');
