import { accessView, createKey, createKeySchema, listKeys } from '@/lib/scenarios/access';
import { authorizeManage } from '@/lib/scenarios/repository';
import { MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/scenarios/schema';
import { invalid, json, manageKeyOf, notFound, readBody } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string }> };

/** The co-instructor keys (names, made, last used, revoked), and who is asking. */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  return json({ you: accessView(rec), keys: await listKeys(rec) });
});

/** Makes a named co-instructor key (`{label}`; the owner only). The key is in this answer only. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_SMALL_BODY_BYTES);
  if (!body.ok) return body.response;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const parsed = parseWith(createKeySchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The key is not valid');
  const { key, manageKey } = await createKey(rec, parsed.value.label);
  return json({ key, manageKey, manageUrl: `/s/${slug}/manage#key=${manageKey}` }, 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
