import { rotateManageKey } from '@/lib/classroom/scenarios/repository';
import { requireOwner } from '@/lib/classroom/scenarios/access';
import { json } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRoute } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/** Replaces the manage key; the old one stops working at once. */
export const POST = manageRoute(async (_req, rec, slug) => {
  requireOwner(rec); // a co-instructor cannot lock the owner out
  const manageKey = await rotateManageKey(rec);
  return json({ manageKey, manageUrl: `/s/${slug}/manage#key=${manageKey}` });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
