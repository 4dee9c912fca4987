import { extensionSchema, setExtension } from '@/lib/scenarios/deadlines';
import { authorizeManage } from '@/lib/scenarios/repository';
import { MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/scenarios/schema';
import { fail, invalid, json, manageKeyOf, notFound, readBody } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * Gives one student their own deadline (`{name, deadline}`), or removes it
 * (`deadline: null`). `name` is the student's name as on the dashboard (a
 * student who joined, or a name on the class list).
 */
export const PUT = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_SMALL_BODY_BYTES);
  if (!body.ok) return body.response;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const parsed = parseWith(extensionSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The extension is not valid');
  const set = await setExtension(rec, parsed.value);
  if (!set) return fail(404, `No student named “${parsed.value.name}” has joined this scenario or is on its class list.`);
  return json({ extension: set });
});

export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods('PUT');
