import 'server-only';
import { route } from '@/lib/server/http';
import { manageKeyOf, notFound, readBody } from './http';
import { authorizeManage, type ScenarioRecord } from './repository';

type Ctx = { params: Promise<{ slug: string }> };

/**
 * An instructor's route under /api/scenarios/{slug}/manage: the scenario
 * for a valid manage key (X-Manage-Key or a bearer token), otherwise 404
 * (a wrong key and a missing scenario answer alike). Errors are answered as
 * every route answers them (lib/server/http.ts `route`).
 */
export function manageRoute(handler: (req: Request, rec: ScenarioRecord, slug: string) => Promise<Response>) {
  return route(async (req: Request, ctx: Ctx) => {
    const { slug } = await ctx.params;
    const rec = await authorizeManage(slug, manageKeyOf(req));
    if (!rec) return notFound();
    return handler(req, rec, slug);
  });
}

/**
 * The same for a route that takes a JSON body: the body is read first
 * (within `maxBytes`; too large or not JSON is answered as such, key or
 * not), then the key is checked.
 */
export function manageRouteWithBody(
  maxBytes: number,
  handler: (req: Request, rec: ScenarioRecord, value: unknown, slug: string) => Promise<Response>,
) {
  return route(async (req: Request, ctx: Ctx) => {
    const { slug } = await ctx.params;
    const body = await readBody(req, maxBytes);
    if (!body.ok) return body.response;
    const rec = await authorizeManage(slug, manageKeyOf(req));
    if (!rec) return notFound();
    return handler(req, rec, body.value, slug);
  });
}
