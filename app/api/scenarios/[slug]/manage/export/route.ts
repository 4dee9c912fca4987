import { submissionsCsv } from '@/lib/classroom/scenarios/csv';
import { feedbackBySubmission } from '@/lib/classroom/scenarios/feedback';
import { listSubmissions } from '@/lib/classroom/scenarios/repository';
import { resolveTargets } from '@/lib/classroom/scenarios/schema';
import { otherMethods } from '@/lib/server/http';
import { manageRoute } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/** Submissions as CSV (latest per student; `?all=1` for every one). */
export const GET = manageRoute(async (req, rec, slug) => {
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
