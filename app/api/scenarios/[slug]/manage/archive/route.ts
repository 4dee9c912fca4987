import { archiveSchema } from '@/lib/classroom/scenarios/feedback-schema';
import { findScenario, toManageScenario } from '@/lib/classroom/scenarios/repository';
import { setArchived } from '@/lib/classroom/scenarios/revisions';
import { MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/classroom/scenarios/schema';
import { invalid, json, notFound } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRouteWithBody } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/**
 * Archives the scenario (`{archived: true}`: read-only to students, off the
 * instructor's active list) or restores it (`{archived: false}`); nothing is
 * deleted either way.
 */
export const POST = manageRouteWithBody(MAX_SMALL_BODY_BYTES, async (_req, rec, value, slug) => {
  const parsed = parseWith(archiveSchema, value);
  if (!parsed.ok) return invalid(parsed.issues, 'The change is not valid');
  await setArchived(rec, parsed.value.archived);
  const fresh = await findScenario(slug);
  if (!fresh) return notFound();
  return json({ scenario: await toManageScenario(fresh) });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
