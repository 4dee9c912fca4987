import { authorizeManage } from '@/lib/scenarios/repository';
import { addRoster, classList } from '@/lib/scenarios/roster';
import { MAX_ROSTER_BYTES, rosterPasteSchema } from '@/lib/scenarios/roster-parse';
import { parseWith } from '@/lib/scenarios/schema';
import { invalid, json, manageKeyOf, notFound, readBody } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string }> };

/** The class: every expected student with their status, then students who joined without being on the list. */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  return json(await classList(rec));
});

/**
 * Adds a pasted class list (`{text}`: one student a line, a name or an
 * email). Answers 201 with each added student's personal join link, shown
 * only here; 422 naming every bad line (nothing added).
 */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_ROSTER_BYTES + 1024);
  if (!body.ok) return body.response;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const parsed = parseWith(rosterPasteSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The class list is not valid');
  return json(await addRoster(rec, parsed.value.text), 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
