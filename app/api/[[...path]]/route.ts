import { echoed, errorResponse } from '@/lib/http';

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

export const GET = noEndpoint;
export const HEAD = noEndpoint;
export const POST = noEndpoint;
export const PUT = noEndpoint;
export const PATCH = noEndpoint;
export const DELETE = noEndpoint;
export const OPTIONS = noEndpoint;
