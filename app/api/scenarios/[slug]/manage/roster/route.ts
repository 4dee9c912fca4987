import { addRoster, classList } from '@/lib/classroom/scenarios/roster';
import { MAX_ROSTER_BYTES, rosterPasteSchema } from '@/lib/classroom/scenarios/roster-parse';
import { parseWith } from '@/lib/classroom/scenarios/schema';
import { invalid, json } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRoute, manageRouteWithBody } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/** The class: every expected student with their status, then students who joined without being on the list. */
export const GET = manageRoute(async (_req, rec) => {
  return json(await classList(rec));
});

/**
 * Adds a pasted class list (`{text}`: one student a line, a name or an
 * email). Answers 201 with each added student's personal join link, shown
 * only here; 422 naming every bad line (nothing added).
 */
export const POST = manageRouteWithBody(MAX_ROSTER_BYTES + 1024, async (_req, rec, value) => {
  const parsed = parseWith(rosterPasteSchema, value);
  if (!parsed.ok) return invalid(parsed.issues, 'The class list is not valid');
  return json(await addRoster(rec, parsed.value.text), 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
