import { authorizeManage, findScenario } from '@/lib/classroom/scenarios/repository';
import { listDrafts, liveTopic, ticketValid } from '@/lib/classroom/scenarios/live';
import { manageKeyOf, notFound } from '@/lib/classroom/scenarios/http';
import { liveResponse } from '@/lib/server/live/channel';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * The scenario's live stream (server-sent events): every student's draft
 * as it changes. Opened with the `ticket` from `GET …/manage/live` (or the
 * `X-Manage-Key` header); an expired ticket or a replaced key answers 404,
 * and the dashboard asks for a fresh ticket. A new connection gets the
 * current drafts first (a `snapshot`), a reconnection what it missed.
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const key = manageKeyOf(req);
  const ticket = new URL(req.url).searchParams.get('ticket');
  const rec = key ? await authorizeManage(slug, key) : ticket ? await findScenario(slug) : null;
  if (!rec || (!key && !ticketValid(rec, ticket))) return notFound();
  return liveResponse(req, liveTopic(rec.row.id), { snapshot: () => listDrafts(rec) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
