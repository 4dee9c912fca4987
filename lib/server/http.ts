import { unstable_rethrow } from 'next/navigation';
import { NextResponse } from 'next/server';
import { echoed } from '../shared/echoed';
import { parseJsonText } from './json-text';
import { randomId } from '../shared/ids';

export { echoed };
export { illFormedText, MAX_JSON_DEPTH, nestingDepthOver, parseJsonText } from './json-text';

export type BodyResult = { ok: true; value: unknown; bytes: number } | { ok: false; response: NextResponse };

export function errorResponse(status: number, error: string, extra?: Record<string, unknown>, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ error, ...extra }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];
/** The methods a route implements itself; Next answers HEAD from GET. */
type RouteMethod = Exclude<Method, 'HEAD' | 'OPTIONS'>;
type Answered<M extends RouteMethod> = M | (M extends 'GET' ? 'HEAD' : never);

/**
 * Handlers for every method a route does not serve, to export beside the
 * ones it does: `export const { POST, PUT, PATCH, DELETE, OPTIONS } =
 * otherMethods('GET');`. Each answers 405 in the API's JSON error format
 * naming the methods the route takes, with an `Allow` header, where Next
 * would answer an empty 405. OPTIONS answers 204 with the same `Allow`
 * (Next's own would list these 405 handlers as allowed). The type lists
 * exactly the methods left over, so a served one cannot be exported twice.
 */
export function otherMethods<M extends RouteMethod>(
  ...served: M[]
): Record<Exclude<Method, Answered<M>>, (req: Request) => Promise<Response>> {
  const answered = new Set<Method>(served);
  if (answered.has('GET')) answered.add('HEAD');
  answered.add('OPTIONS');
  const allowed = METHODS.filter((m) => answered.has(m));
  const allow = allowed.join(', ');
  const notAllowed = (req: Request) =>
    errorResponse(
      405,
      `${echoed(req.method)} is not allowed on ${echoed(new URL(req.url).pathname, 80)}; it answers ${allow}.`,
      { allowed },
      { allow },
    );
  const handlers: Partial<Record<Method, (req: Request) => Promise<Response>>> = {
    OPTIONS: route(() => new NextResponse(null, { status: 204, headers: { allow } })),
  };
  for (const m of METHODS) if (!answered.has(m)) handlers[m] = route(notAllowed);
  return handlers as Record<Exclude<Method, Answered<M>>, (req: Request) => Promise<Response>>;
}

/**
 * The media type a request body must declare: `application/json`, in any
 * case, with or without parameters (`; charset=utf-8`). Browsers send a
 * cross-site form or a `text/plain` fetch without asking first (no CORS
 * preflight); a JSON content type always needs one, so insisting on it keeps
 * another site from posting through a visitor's browser.
 */
export function jsonContentTypeError(req: Request): NextResponse | null {
  const declared = req.headers.get('content-type');
  const mediaType = (declared ?? '').split(';', 1)[0].trim();
  if (mediaType.toLowerCase() === 'application/json') return null;
  const got = mediaType === '' ? 'none' : echoed(mediaType);
  return errorResponse(415, `Send the body as JSON: Content-Type must be application/json (got ${got}).`);
}

export type BodyTextResult = { ok: true; text: string; bytes: number } | { ok: false; response: NextResponse };

/**
 * Reads a request body declared as JSON, of at most `maxBytes`, as text,
 * stopping as soon as the limit is passed so an oversized body is never held
 * in memory whole. Answers 415 unless the body is declared as
 * `application/json`, 413 when too large and 400 when it is empty or not
 * UTF-8. `readJsonBody` parses it; a route that parses elsewhere (the
 * submissions route, in the grading pool, with `parseJsonText`) reads it here.
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<BodyTextResult> {
  const wrongType = jsonContentTypeError(req);
  if (wrongType) return { ok: false, response: wrongType };
  const tooLarge = () =>
    errorResponse(413, `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`, { limitBytes: maxBytes });
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, response: tooLarge() };
  if (!req.body) return { ok: false, response: errorResponse(400, 'The request body is empty; send a JSON document.') };

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return { ok: false, response: tooLarge() };
    }
    chunks.push(value);
  }
  let text: string;
  try {
    // Fatal: a byte that is not UTF-8 would otherwise be stored as U+FFFD in place of what was sent.
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, response: errorResponse(400, 'The request body is not valid UTF-8 text; send JSON encoded as UTF-8.') };
  }
  if (text.trim() === '') {
    return { ok: false, response: errorResponse(400, 'The request body is empty; send a JSON document.') };
  }
  return { ok: true, text, bytes };
}

/**
 * Reads a JSON request body of at most `maxBytes` (see `readBodyText`) and
 * parses it (see `parseJsonText`: 400 when too deep or not JSON, 422 for
 * half a character). Every route that reads a body reads it here or with
 * `readBodyText`, so each one refuses a body sent as a form or as text.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<BodyResult> {
  const body = await readBodyText(req, maxBytes);
  if (!body.ok) return body;
  const parsed = parseJsonText(body.text);
  if (!parsed.ok) return { ok: false, response: errorResponse(parsed.status, parsed.error, parsed.extra) };
  return { ok: true, value: parsed.value, bytes: body.bytes };
}

// ---------------------------------------------------------------------------
// One wrapper for every route handler: no answer is ever a bare 500.

/**
 * An answer to give instead of going on: thrown from code far from the
 * route (a removed student's token), answered by `route` as JSON
 * `{error, ...extra}` with `status`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Prisma error codes that mean "busy or unreachable, try again", not "this request is wrong". */
const BUSY_CODES: Record<string, 'busy' | 'unreachable'> = {
  P1001: 'unreachable', // can't reach the database server
  P1002: 'unreachable', // reached, but it timed out
  P1008: 'busy', // operation timed out (SQLITE_BUSY after the busy timeout)
  P1017: 'unreachable', // the server closed the connection
  P2024: 'busy', // timed out fetching a connection from the pool
  P2028: 'busy', // transaction API error: unable to start a transaction in the given time
  P2034: 'busy', // write conflict or deadlock: retry
  P2037: 'busy', // too many database connections
};
/** The same, as drivers say it (better-sqlite3, PostgreSQL SQLSTATE, Node's sockets). */
const DRIVER_CODES: Record<string, 'busy' | 'unreachable'> = {
  SQLITE_BUSY: 'busy',
  SQLITE_BUSY_SNAPSHOT: 'busy',
  SQLITE_BUSY_TIMEOUT: 'busy',
  SQLITE_LOCKED: 'busy',
  '40001': 'busy', // serialization_failure
  '40P01': 'busy', // deadlock_detected
  '53300': 'busy', // too_many_connections
  '55P03': 'busy', // lock_not_available
  '57014': 'busy', // query_canceled (statement timeout)
  '57P03': 'unreachable', // cannot_connect_now
  '08000': 'unreachable',
  '08001': 'unreachable',
  '08003': 'unreachable',
  '08006': 'unreachable',
  ECONNREFUSED: 'unreachable',
  ECONNRESET: 'unreachable',
  ETIMEDOUT: 'unreachable',
  EPIPE: 'unreachable',
};
/** Driver adapter error kinds (Prisma's driver adapters). */
const ADAPTER_KINDS: Record<string, 'busy' | 'unreachable'> = {
  SocketTimeout: 'busy',
  TooManyConnections: 'busy',
  TransactionWriteConflict: 'busy',
  DatabaseNotReachable: 'unreachable',
  ConnectionClosed: 'unreachable',
};
const BUSY_MESSAGES: [RegExp, 'busy' | 'unreachable'][] = [
  [/timeout exceeded when trying to connect/i, 'busy'], // pg-pool
  [/unable to start a transaction in the given time/i, 'busy'],
  [/database is locked/i, 'busy'],
  [/connection terminated unexpectedly/i, 'unreachable'],
];

/**
 * Whether `error` (or any error it wraps) says the database is busy or out
 * of reach, so the same request may well succeed a moment later; null for
 * every other error.
 */
export function databaseTrouble(error: unknown): { kind: 'busy' | 'unreachable'; code: string } | null {
  type Node = { code?: unknown; errorCode?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; errors?: unknown };
  // The error and every error it wraps (cause, Prisma's driver adapter error, an AggregateError's errors).
  const nodes: Node[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && nodes.length < 20) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || nodes.includes(e as Node)) continue;
    const o = e as Node;
    nodes.push(o);
    queue.push(o.cause, o.meta?.driverAdapterError);
    if (Array.isArray(o.errors)) queue.push(...o.errors);
  }
  // Codes first, anywhere in the chain; the words of a message only when no code says.
  for (const o of nodes) {
    for (const c of [o.code, o.errorCode]) if (typeof c === 'string' && BUSY_CODES[c]) return { kind: BUSY_CODES[c], code: c };
    for (const c of [o.code, o.originalCode]) if (typeof c === 'string' && DRIVER_CODES[c]) return { kind: DRIVER_CODES[c], code: c };
    if (typeof o.kind === 'string' && ADAPTER_KINDS[o.kind]) return { kind: ADAPTER_KINDS[o.kind], code: typeof o.originalCode === 'string' ? o.originalCode : o.kind };
  }
  for (const o of nodes) {
    if (typeof o.message === 'string') for (const [re, kind] of BUSY_MESSAGES) if (re.test(o.message)) return { kind, code: 'message' };
  }
  return null;
}

/** Seconds a client is asked to wait before retrying, by kind of trouble. */
export const RETRY_AFTER_SECONDS = { busy: 2, unreachable: 10 } as const;

/** The answer for an error a handler threw: never an empty 500. */
export function errorAnswer(req: Request | undefined, error: unknown): NextResponse {
  if (error instanceof ApiError) return errorResponse(error.status, error.message, error.extra, error.headers);
  const errorId = randomId(6);
  const where = req ? `${req.method} ${new URL(req.url).pathname}` : 'a request';
  const trouble = databaseTrouble(error);
  if (trouble) {
    const seconds = RETRY_AFTER_SECONDS[trouble.kind];
    console.warn(`[api] error ${errorId}: ${where}: the database is ${trouble.kind} (${trouble.code}); answered 503:`, error);
    const what = trouble.kind === 'busy' ? 'The database is busy' : 'The database cannot be reached';
    return errorResponse(
      503,
      `${what} right now, so this request was not completed; try again in ${seconds} s. (Error id ${errorId}.)`,
      { errorId, reason: trouble.kind === 'busy' ? 'database-busy' : 'database-unreachable', retryAfterSeconds: seconds },
      { 'retry-after': String(seconds) },
    );
  }
  console.error(`[api] error ${errorId}: ${where} failed:`, error);
  return errorResponse(
    500,
    `Something went wrong on the server while answering this request, and it was not completed. If it happens again, report error id ${errorId}.`,
    { errorId },
  );
}

const wrapped = new WeakSet<object>();

/**
 * Wraps a route handler: whatever it throws is answered as JSON (see
 * `errorAnswer`) instead of Next's empty 500. Every handler under app/api is
 * wrapped: `export const GET = route(async (req, ctx) => …)`.
 */
export function route<P extends [req?: Request, ...rest: unknown[]]>(handler: (...args: P) => Response | Promise<Response>): (...args: P) => Promise<Response> {
  const fn = async (...args: P): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      unstable_rethrow(error); // Next's own control flow (dynamic usage while prerendering), never an error
      return errorAnswer(args[0], error);
    }
  };
  wrapped.add(fn);
  return fn;
}

/** Whether `fn` was made by `route` (the test that every handler is wrapped asks this). */
export function isRouteWrapped(fn: unknown): boolean {
  return typeof fn === 'function' && wrapped.has(fn);
}
