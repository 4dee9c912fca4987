import {
  deleteScenario,
  listSubmissions,
  toManageScenario,
  updateScenario,
} from '@/lib/classroom/scenarios/repository';
import { accessView, requireOwner } from '@/lib/classroom/scenarios/access';
import { managePatchSchema, MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/classroom/scenarios/schema';
import { invalid, json } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRoute, manageRouteWithBody } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/** The instructor's dashboard data (send `X-Manage-Key`); `?all=1` lists every submission, not just the latest. */
export const GET = manageRoute(async (req, rec) => {
  const all = new URL(req.url).searchParams.get('all') === '1';
  const [scenario, submissions] = await Promise.all([toManageScenario(rec), listSubmissions(rec, { all })]);
  return json({ scenario, submissions, access: accessView(rec) });
});

/** Opens or closes submissions, releases scores, toggles the leaderboard, sets the deadline. */
export const PATCH = manageRouteWithBody(MAX_SMALL_BODY_BYTES, async (_req, rec, value) => {
  const parsed = parseWith(managePatchSchema, value);
  if (!parsed.ok) return invalid(parsed.issues, 'The change is not valid');
  const updated = await updateScenario(rec, parsed.value);
  return json({ scenario: await toManageScenario(updated) });
});

/** Deletes the scenario with every student and submission. */
export const DELETE = manageRoute(async (_req, rec) => {
  requireOwner(rec);
  await deleteScenario(rec);
  return json({ deleted: true });
});

export const { POST, PUT, OPTIONS } = otherMethods('GET', 'PATCH', 'DELETE');
