import { listDrafts, streamTicket } from '@/lib/classroom/scenarios/live';
import { json } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRoute } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/**
 * The live classroom for the instructor (send `X-Manage-Key`): whether live
 * view is on, every student's current draft (and who has sent none yet), and
 * the address of the live stream with a short-lived ticket in it (an
 * EventSource cannot send the key as a header, and the key never goes in a URL).
 */
export const GET = manageRoute(async (_req, rec) => {
  const { drafts, waiting } = await listDrafts(rec);
  return json({
    liveView: rec.config.liveView,
    drafts,
    waiting,
    stream: `/api/scenarios/${rec.row.slug}/manage/live/stream?ticket=${streamTicket(rec)}`,
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
