import { echoed, errorResponse, route } from '@/lib/server/http';

/**
 * Every /api path no route handler claims. Without this an API client would
 * get Next's HTML not-found page; it gets JSON naming the path instead. Any
 * real route is more specific than this optional catch-all, so it never
 * shadows one (a real route asked with a method it lacks still answers 405).
 */
function noEndpoint(req: Request) {
  // Paths can be long; name only the start, as the other 404s do.
  return errorResponse(404, `No API endpoint at ${echoed(new URL(req.url).pathname, 80)}`);
}

export const GET = route(noEndpoint);
export const HEAD = route(noEndpoint);
export const POST = route(noEndpoint);
export const PUT = route(noEndpoint);
export const PATCH = route(noEndpoint);
export const DELETE = route(noEndpoint);
export const OPTIONS = route(noEndpoint);
