import { authorizeManage, getSubmission, gradeScenarioDesign } from '@/lib/scenarios/repository';
import { resolveTargets } from '@/lib/scenarios/schema';
import { json, manageKeyOf, notFound } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** One submission, read-only, with its grade and the scenario's reference for comparison. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ slug: string; id: string }> }) => {
  const { slug, id } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const submission = await getSubmission(rec, id);
  if (!submission) return notFound();
  const ref = rec.config.referenceDesign;
  return json({
    submission,
    targets: resolveTargets(rec.config),
    reference: ref ? { design: ref, grade: gradeScenarioDesign(ref, rec.config) } : null,
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
