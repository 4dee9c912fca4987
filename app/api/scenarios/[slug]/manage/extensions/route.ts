import { extensionSchema, setExtension } from '@/lib/classroom/scenarios/deadlines';
import { MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/classroom/scenarios/schema';
import { fail, invalid, json } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRouteWithBody } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/**
 * Gives one student their own deadline (`{name, deadline}`), or removes it
 * (`deadline: null`). `name` is the student's name as on the dashboard (a
 * student who joined, or a name on the class list).
 */
export const PUT = manageRouteWithBody(MAX_SMALL_BODY_BYTES, async (_req, rec, value) => {
  const parsed = parseWith(extensionSchema, value);
  if (!parsed.ok) return invalid(parsed.issues, 'The extension is not valid');
  const set = await setExtension(rec, parsed.value);
  if (!set) return fail(404, `No student named “${parsed.value.name}” has joined this scenario or is on its class list.`);
  return json({ extension: set });
});

export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods('PUT');
