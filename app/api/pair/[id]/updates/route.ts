import { fail, invalid, json, limit, notFound, readBody } from '@/lib/classroom/scenarios/http';
import { parseWith } from '@/lib/classroom/scenarios/schema';
import { applyPairUpdate, authorizePair, MAX_UPDATE_BODY_BYTES, updateHits, updateSchema } from '@/lib/classroom/pair/repository';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * One Yjs update from either side (`{"update": base64}`, with `X-Pair-Key`
 * or `X-Pair-Token`). Refused with 403, storing nothing, when it changes
 * what the sender's role may not (lib/classroom/pair/check.ts); otherwise merged into
 * the session and published to the other side. Answers 201 with the live
 * event's id.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const body = await readBody(req, MAX_UPDATE_BODY_BYTES);
  if (!body.ok) return body.response;
  const auth = await authorizePair(id, req);
  if (!auth) return notFound();
  const parsed = parseWith(updateSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The update is not valid');
  const limited = await limit(...updateHits(auth.row.id, auth.role));
  if (limited) return limited;
  const r = await applyPairUpdate(auth.row, auth.role, auth.problem, parsed.value.update);
  if (!r.ok) return fail(r.status, r.error, {}, r.status === 503 ? { 'retry-after': '1' } : {});
  return json({ eventId: r.eventId }, 201);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
