import { NextResponse } from 'next/server';
import { echoed } from './echoed';

export { echoed };

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
): Record<Exclude<Method, Answered<M>>, (req: Request) => NextResponse> {
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
  const handlers: Partial<Record<Method, (req: Request) => NextResponse>> = {
    OPTIONS: () => new NextResponse(null, { status: 204, headers: { allow } }),
  };
  for (const m of METHODS) if (!answered.has(m)) handlers[m] = notAllowed;
  return handlers as Record<Exclude<Method, Answered<M>>, (req: Request) => NextResponse>;
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
 * submissions route, in the grading pool) reads it here.
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

/** The 400 message for a body that is not JSON, naming the parser's complaint. */
export function notJsonMessage(e: unknown): string {
  return `The request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * Reads a JSON request body of at most `maxBytes` (see `readBodyText`) and
 * parses it; 400 when it is not JSON. Every route that reads a body reads it
 * here or with `readBodyText`, so each one refuses a body sent as a form or
 * as text.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<BodyResult> {
  const body = await readBodyText(req, maxBytes);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(body.text), bytes: body.bytes };
  } catch (e) {
    return { ok: false, response: errorResponse(400, notJsonMessage(e)) };
  }
}
