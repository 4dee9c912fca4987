import { authorizeManage } from '@/lib/classroom/scenarios/repository';
import { draftDetail } from '@/lib/classroom/scenarios/live';
import { json, manageKeyOf, notFound } from '@/lib/classroom/scenarios/http';
import { ID_PATTERN } from '@/lib/shared/ids';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** One student's current draft with its design and grade, for the read-only live canvas (send `X-Manage-Key`). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ slug: string; studentId: string }> }) => {
  const { slug, studentId } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec || !ID_PATTERN.test(studentId)) return notFound();
  const detail = await draftDetail(rec, studentId);
  return detail ? json(detail) : notFound();
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
