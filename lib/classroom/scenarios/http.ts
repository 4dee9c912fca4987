import 'server-only';
import { NextResponse } from 'next/server';
import { jsonContentTypeError, readBodyText, readJsonBody } from '../../server/http';
import { hitRateLimits, type RateDecision, type RateHit } from './rate-limit';
import { describeFieldIssues, type FieldIssue } from './schema';

/**
 * Response helpers for the scenario API. Every answer is uncacheable and
 * carries no referrer, since its URL may hold a scenario's slug.
 */
const BASE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const;

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(data, { status, headers: { ...BASE_HEADERS, ...headers } });
}

export function fail(status: number, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): NextResponse {
  return json({ error, ...extra }, status, headers);
}

/** The one answer for an unknown scenario, a wrong key and a foreign token alike. */
export function notFound(): NextResponse {
  return fail(404, 'Not found. Check that the link is complete and current.');
}

export function invalid(issues: FieldIssue[], what = 'The request is not valid'): NextResponse {
  return fail(422, `${what}:\n${describeFieldIssues(issues)}`, { issues });
}

export function tooLarge(what: string, limitBytes: number): NextResponse {
  return fail(413, `${what} is larger than ${Math.round(limitBytes / 1024)} KB.`, { limitBytes });
}

/** An answer made by the shared HTTP helpers, given the scenario API's own headers. */
function withBaseHeaders(res: NextResponse): NextResponse {
  for (const [k, v] of Object.entries(BASE_HEADERS)) res.headers.set(k, v);
  return res;
}

export async function readBody(req: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const body = await readJsonBody(req, maxBytes);
  if (!body.ok) return { ok: false, response: withBaseHeaders(body.response) };
  return { ok: true, value: body.value };
}

/** A JSON body as text, unparsed (see `readBodyText`), with this API's headers on a refusal. */
export async function readText(req: Request, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; response: NextResponse }> {
  const body = await readBodyText(req, maxBytes);
  if (!body.ok) return { ok: false, response: withBaseHeaders(body.response) };
  return { ok: true, text: body.text };
}

/** The 429 answer for a refused hit, with Retry-After. */
export function tooMany(decision: Extract<RateDecision, { ok: false }>): NextResponse {
  return fail(
    429,
    `Too many requests; try again in ${decision.retryAfterSeconds} s.`,
    { retryAfterSeconds: decision.retryAfterSeconds },
    { 'retry-after': String(decision.retryAfterSeconds) },
  );
}

/** Counts the hits (one statement); answers 429 with Retry-After when any is over its limit. */
export async function limit(...hits: RateHit[]): Promise<NextResponse | null> {
  const decision = await hitRateLimits(hits);
  return decision.ok ? null : tooMany(decision);
}

/** The manage key, sent as `X-Manage-Key` (or `Authorization: Bearer`), never in the URL. */
export function manageKeyOf(req: Request): string | null {
  return req.headers.get('x-manage-key')?.trim() || bearer(req);
}

/** A student's resume token, sent as `X-Student-Token` (or `Authorization: Bearer`). */
export function studentTokenOf(req: Request): string | null {
  return req.headers.get('x-student-token')?.trim() || bearer(req);
}

function bearer(req: Request): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '');
  return m ? m[1] : null;
}

/**
 * For a POST that takes no body but changes something (copying a sample):
 * declaring `application/json` costs the app's own fetch nothing, and a page
 * on another site cannot send it without a CORS preflight, which this API
 * never grants. Answers 415 otherwise, as a body-taking route would.
 */
export function requireJsonType(req: Request): NextResponse | null {
  const wrong = jsonContentTypeError(req);
  return wrong && withBaseHeaders(wrong);
}
