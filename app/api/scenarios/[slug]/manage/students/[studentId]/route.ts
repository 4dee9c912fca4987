import { authorizeManage, removeStudent } from '@/lib/classroom/scenarios/repository';
import { json, manageKeyOf, notFound } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * Removes a student with every submission of theirs (the instructor's
 * moderation). Their resume link stops working and says why (410).
 */
export const DELETE = route(async (req: Request, ctx: { params: Promise<{ slug: string; studentId: string }> }) => {
  const { slug, studentId } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const removed = await removeStudent(rec, studentId);
  if (!removed) return notFound();
  return json({ deleted: { student: removed.studentId, displayName: removed.displayName, submissions: removed.submissions } });
});

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods('DELETE');
