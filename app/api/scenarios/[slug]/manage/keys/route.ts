import { accessView, createKey, createKeySchema, listKeys } from '@/lib/classroom/scenarios/access';
import { MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/classroom/scenarios/schema';
import { invalid, json } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRoute, manageRouteWithBody } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/** The co-instructor keys (names, made, last used, revoked), and who is asking. */
export const GET = manageRoute(async (_req, rec) => {
  return json({ you: accessView(rec), keys: await listKeys(rec) });
});

/** Makes a named co-instructor key (`{label}`; the owner only). The key is in this answer only. */
export const POST = manageRouteWithBody(MAX_SMALL_BODY_BYTES, async (_req, rec, value, slug) => {
  const parsed = parseWith(createKeySchema, value);
  if (!parsed.ok) return invalid(parsed.issues, 'The key is not valid');
  const { key, manageKey } = await createKey(rec, parsed.value.label);
  return json({ key, manageKey, manageUrl: `/s/${slug}/manage#key=${manageKey}` }, 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
