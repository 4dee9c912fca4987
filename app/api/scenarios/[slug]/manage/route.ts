import {
  authorizeManage,
  deleteScenario,
  listSubmissions,
  toManageScenario,
  updateScenario,
} from '@/lib/scenarios/repository';
import { accessView, requireOwner } from '@/lib/scenarios/access';
import { managePatchSchema, MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/scenarios/schema';
import { invalid, json, manageKeyOf, notFound, readBody } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string }> };

/** The instructor's dashboard data (send `X-Manage-Key`); `?all=1` lists every submission, not just the latest. */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const all = new URL(req.url).searchParams.get('all') === '1';
  const [scenario, submissions] = await Promise.all([toManageScenario(rec), listSubmissions(rec, { all })]);
  return json({ scenario, submissions, access: accessView(rec) });
});

/** Opens or closes submissions, releases scores, toggles the leaderboard, sets the deadline. */
export const PATCH = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_SMALL_BODY_BYTES);
  if (!body.ok) return body.response;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const parsed = parseWith(managePatchSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The change is not valid');
  const updated = await updateScenario(rec, parsed.value);
  return json({ scenario: await toManageScenario(updated) });
});

/** Deletes the scenario with every student and submission. */
export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  requireOwner(rec);
  await deleteScenario(rec);
  return json({ deleted: true });
});

export const { POST, PUT, OPTIONS } = otherMethods('GET', 'PATCH', 'DELETE');
