import { authorizeManage, getSubmission, gradeReference, removeSubmission } from '@/lib/classroom/scenarios/repository';
import { resolveTargets } from '@/lib/classroom/scenarios/schema';
import { json, manageKeyOf, notFound } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string; id: string }> };

/** One submission, read-only, with its grade and the scenario's reference for comparison. */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { slug, id } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const submission = await getSubmission(rec, id);
  if (!submission) return notFound();
  const ref = rec.config.referenceDesign;
  return json({
    submission,
    targets: resolveTargets(rec.config),
    reference: ref ? { design: ref, grade: (await gradeReference(rec)).referenceGrade } : null,
  });
});

/** Removes one submission (the instructor's moderation); the student's previous one, if any, counts again. */
export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { slug, id } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const removed = await removeSubmission(rec, id);
  if (!removed) return notFound();
  return json({ deleted: { submission: removed.id, student: removed.studentId } });
});

export const { POST, PUT, PATCH, OPTIONS } = otherMethods('GET', 'DELETE');
