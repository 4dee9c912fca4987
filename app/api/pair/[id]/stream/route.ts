import { liveResponse } from '@/lib/server/live/channel';
import { notFound } from '@/lib/classroom/scenarios/http';
import { findPairForStream, pairTopic } from '@/lib/classroom/pair/repository';
import { db } from '@/lib/server/db';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * The session's live stream (server-sent events): a snapshot of the merged
 * state, then every update after it. `?s=` is the session's stream key
 * (EventSource sends no headers), which either side gets from
 * `GET /api/pair/{id}` with its own key or token; it opens this stream only.
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const row = await findPairForStream(id, new URL(req.url).searchParams.get('s'));
  if (!row) return notFound();
  return liveResponse(req, pairTopic(row.id), {
    snapshot: async () => {
      const now = await db().pairSession.findUnique({ where: { id: row.id }, select: { state: true } });
      return { state: now?.state ?? row.state };
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
