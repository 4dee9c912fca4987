import { submissionsCsv } from '@/lib/scenarios/csv';
import { feedbackBySubmission } from '@/lib/scenarios/feedback';
import { authorizeManage, listSubmissions } from '@/lib/scenarios/repository';
import { resolveTargets } from '@/lib/scenarios/schema';
import { manageKeyOf, notFound } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Submissions as CSV (latest per student; `?all=1` for every one). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const all = new URL(req.url).searchParams.get('all') === '1';
  const [rows, feedback] = await Promise.all([listSubmissions(rec, { all }), feedbackBySubmission(rec)]);
  const csv = submissionsCsv(resolveTargets(rec.config), rows, { rubric: rec.config.rubric, feedback });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="scenario-${slug}-submissions.csv"`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
