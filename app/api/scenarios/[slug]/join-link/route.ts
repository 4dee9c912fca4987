import { z } from 'zod';
import { clientAddress, joinHits } from '@/lib/classroom/scenarios/rate-limit';
import { findScenario } from '@/lib/classroom/scenarios/repository';
import { joinByLink } from '@/lib/classroom/scenarios/roster';
import { MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/classroom/scenarios/schema';
import { invalid, json, limit, notFound, readBody } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

const joinLinkSchema = z.strictObject({ token: z.string({ error: 'token must be the text after #join= in the personal link' }).max(100) });

/**
 * A student opens their personal join link (`/s/{slug}#join={token}`): the
 * page sends the token here and gets a resume token, as joining does. The
 * first time it makes the student under the name on the class list; later
 * it signs the same student in again (a device used before is signed out).
 * Counted as a join (the same per-address limits).
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_SMALL_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseWith(joinLinkSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The join link is not valid');
  const rec = await findScenario(slug);
  if (!rec) return notFound();
  const limited = await limit(...joinHits(rec.row.id, clientAddress(req)));
  if (limited) return limited;
  const joined = await joinByLink(slug, parsed.value.token);
  if (!joined) return notFound();
  const { student, resumeToken } = joined;
  return json({ displayName: student.displayName, resumeToken, resumeUrl: `/s/${slug}#resume=${resumeToken}`, rejoined: joined.rejoined ?? false }, joined.rejoined ? 200 : 201);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
