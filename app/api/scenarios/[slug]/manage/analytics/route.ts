import { classAnalytics } from '@/lib/classroom/scenarios/analytics';
import { json } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRoute } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/** Class analytics over each student's latest submission: distribution, pass rate per check, what fails most. */
export const GET = manageRoute(async (_req, rec) => {
  return json({ analytics: await classAnalytics(rec) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
