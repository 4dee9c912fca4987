/**
 * The app server: a small Node HTTP server in front of Next.js, serving the
 * production build in place of `next start` (`npm start`, the browser tests
 * and scripts/app-process.ts all run it):
 *
 *   node --require tsx/cjs scripts/serve.ts [-p 3000] [-H 127.0.0.1] [--keepAliveTimeout ms]
 *
 * Before Next.js sees a request it:
 * - works out the client's address from the connection and TRUSTED_PROXY_HOPS
 *   and hands it to the app in a header of its own (CLIENT_ADDRESS_HEADER),
 *   replacing any copy the client sent;
 * - refuses a body declared larger than any route takes (JSON 413, before a
 *   byte of it is read) and stops passing a chunked body on past that size,
 *   so no request holds more than that in memory;
 * - answers TRACE, TRACK, CONNECT (405) and methods it does not implement
 *   (501) in JSON, and API URLs whose percent-encoding is broken (400);
 * - sets the security headers of every answer (lib/server/security-headers.ts).
 *
 * Like `next start`: the port is -p, else PORT, else 3000; every interface
 * unless -H; the build is read from NEXT_DIST_DIR (next.config.js), else
 * `.next`; SIGINT and SIGTERM finish the requests in flight and exit with 130
 * and 143; a failure to start exits with 1. WEB_CONCURRENCY=N runs N server
 * processes on the port (node:cluster) instead of one.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '../lib/server/client-address';
import { echoed } from '../lib/shared/echoed';
import { parseEnv } from '../lib/server/env';
import { MAX_CREATE_BYTES } from '../lib/classroom/scenarios/schema';
import { API_CSP, SECURITY_HEADERS } from '../lib/server/security-headers';

const ROOT = path.resolve(__dirname, '..');

/** The largest body any API route takes (creating a scenario); bodies are refused past it. */
export const API_BODY_LIMIT_BYTES = MAX_CREATE_BYTES;
/**
 * No page reads a request body (the app has no server actions), but Next.js
 * buffers a page request's body for proxy.ts; it is kept small.
 */
export const PAGE_BODY_LIMIT_BYTES = 16 * 1024;
/**
 * After an answer is sent while the client is still sending its body, the
 * rest is read and thrown away (a connection reset could lose the answer
 * before the client reads it), but no more than this, nor for longer.
 */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
const DRAIN_LIMIT_MS = 10_000;
/** How long a shutdown waits for requests in flight. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The methods handed to Next.js; the app's routes answer each (405 in JSON where a route lacks one). */
export const SERVED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const ALLOW = SERVED_METHODS.join(', ');
/** Methods refused outright: TRACE and TRACK echo a request back (cross-site tracing); CONNECT opens a tunnel. */
const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

export interface ServeOptions {
  port: number;
  /** Interface to listen on; every interface when absent, as `next start`. */
  hostname?: string;
  keepAliveTimeout?: number;
}

/** `next start`'s options: -p/--port, -H/--hostname, --keepAliveTimeout; the port else PORT, else 3000. */
export function parseServeArgs(argv: string[], environment: Record<string, string | undefined> = process.env): ServeOptions {
  const options: Partial<ServeOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '-p' || flag === '--port') options.port = port(value(), flag);
    else if (flag === '-H' || flag === '--hostname') options.hostname = value();
    else if (flag === '--keepAliveTimeout') {
      const ms = Number(value());
      if (!Number.isInteger(ms) || ms < 0) throw new Error('--keepAliveTimeout must be a whole number of milliseconds');
      options.keepAliveTimeout = ms;
    } else throw new Error(`unknown option ${echoed(argv[i])}; the server takes -p <port>, -H <hostname> and --keepAliveTimeout <ms>`);
  }
  return { port: options.port ?? (environment.PORT ? port(environment.PORT, 'PORT') : 3000), hostname: options.hostname, keepAliveTimeout: options.keepAliveTimeout };
}

function port(value: string, name: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new Error(`${name} must be a port number from 0 to 65535 (got ${echoed(value)})`);
  return n;
}

function pathnameOf(url: string | undefined): string {
  const u = url ?? '/';
  if (u.startsWith('/')) return u.split(/[?#]/, 1)[0];
  try {
    return new URL(u).pathname; // absolute-form, as a proxy might send
  } catch {
    return u;
  }
}

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function jsonBody(error: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ error, ...extra });
}

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store', ...SECURITY_HEADERS, 'content-security-policy': API_CSP };

/** An error answer in the API's format, `{error: "…"}`. */
function sendError(req: http.IncomingMessage, res: http.ServerResponse, status: number, error: string, extra?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const body = jsonBody(error, extra);
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The same, written straight to a socket the HTTP parser gave up on (or a CONNECT tunnel), which is then closed. */
function sendRawError(socket: net.Socket | import('node:stream').Duplex, status: number, error: string, extra?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const body = jsonBody(error, extra);
  const lines = Object.entries({ ...JSON_HEADERS, ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }).map(([k, v]) => `${k}: ${v}`);
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
}

function methodRefusal(method: string): { status: number; error: string } | null {
  if (SERVED_METHODS.includes(method)) return null;
  const name = echoed(method.replace(/[^\x21-\x7e]/g, '?'), 20);
  if (method === 'CONNECT') return { status: 405, error: `CONNECT is not allowed: this server is not a proxy and opens no tunnels; it answers ${ALLOW}.` };
  if (REFUSED_METHODS.has(method)) {
    return { status: 405, error: `${name} is not allowed: it would echo the request, cookies and all, back to the sender; this server answers ${ALLOW}.` };
  }
  return { status: 501, error: `${name} is not a method this server implements; it answers ${ALLOW}.` };
}

function tooLarge(limit: number): [string, Record<string, unknown>] {
  // The wording of the routes' own limit (lib/server/http.ts readJsonBody).
  return [`The request body is larger than ${Math.round(limit / 1024)} KB.`, { limitBytes: limit }];
}

/**
 * Once an answer has gone out, whatever is left of the request body is read
 * and thrown away (Node.js does that itself), but only up to
 * DRAIN_LIMIT_BYTES or DRAIN_LIMIT_MS: then the connection is closed.
 */
function boundDrain(req: http.IncomingMessage, res: http.ServerResponse) {
  const socket = req.socket;
  res.once('finish', () => {
    if (req.complete || socket.destroyed) return;
    const start = socket.bytesRead;
    const stop = () => {
      clearTimeout(timer);
      socket.off('data', onData);
    };
    const onData = () => {
      if (req.complete) stop();
      else if (socket.bytesRead - start > DRAIN_LIMIT_BYTES) {
        stop();
        socket.destroy();
      }
    };
    const timer = setTimeout(() => {
      stop();
      if (!req.complete) socket.destroy();
    }, DRAIN_LIMIT_MS);
    timer.unref();
    socket.on('data', onData);
    socket.once('close', stop);
    req.once('end', stop);
  });
}

/**
 * A route that refuses a body before reading all of it (a 413 from its own
 * limit) cancels the rest, and Next.js then destroys the request: a client
 * that reuses the connection for its next request would see it reset, with
 * no answer. So an answer that starts before its request body has arrived
 * says `Connection: close`, and the client opens a fresh connection.
 */
function closeAfterEarlyAnswer(req: http.IncomingMessage, res: http.ServerResponse) {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return;
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

/**
 * A chunked body (no Content-Length) is passed on to Next.js only up to
 * `limit` and one chunk past it, which is enough for every route to see that
 * it is too large and answer its own 413; further chunks are dropped as they
 * arrive, so nothing accumulates whoever is reading. The end of the body is
 * still passed on, so a reader is never left waiting.
 */
function capChunkedBody(req: http.IncomingMessage, limit: number) {
  let seen = 0;
  const push = req.push.bind(req);
  // Node's HTTP parser hands each piece of the body to the request stream with push().
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null) return push(null);
    if (seen > limit) return true;
    seen += (chunk as Buffer).length;
    return push(chunk, encoding);
  };
}

export type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/**
 * The HTTP server in front of Next.js's request handler: everything it
 * decides before Next.js is asked. Tests give it a stand-in for Next.js.
 */
export function createAppServer(handle: NextHandler, trustedProxyHops: number): http.Server {
  const server = http.createServer(appListener(handle, trustedProxyHops));
  answerOddRequests(server);
  server.on('connection', (socket: net.Socket) => {
    socket.destroySoon = () => lingeringClose(socket);
  });
  return server;
}

/**
 * How Node.js closes a connection after its last answer (`Connection:
 * close`), made safe for a client still sending a body: Node.js would reset
 * the connection as soon as the answer is written, and a reset can destroy
 * the answer before the client reads it (it sees EPIPE instead of the 413).
 * Here the answer is followed by an orderly close of this side only, what
 * the client still sends is read and thrown away, and the connection ends
 * when the client ends it, or at the drain limits.
 */
function lingeringClose(socket: net.Socket) {
  if (socket.writable) socket.end();
  if (socket.readableEnded) return void socket.destroy();
  const start = socket.bytesRead;
  const timer = setTimeout(() => socket.destroy(), DRAIN_LIMIT_MS);
  timer.unref();
  socket.on('data', () => {
    if (socket.bytesRead - start > DRAIN_LIMIT_BYTES) socket.destroy();
  });
  socket.once('end', () => socket.destroy());
  socket.once('close', () => clearTimeout(timer));
  socket.resume();
}

function appListener(handle: NextHandler, trustedProxyHops: number) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // A page's policy (with its nonce) replaces this one in proxy.ts.
    res.setHeader('content-security-policy', API_CSP);
    boundDrain(req, res);
    closeAfterEarlyAnswer(req, res);

    const method = req.method ?? '';
    const refusal = methodRefusal(method);
    if (refusal) return sendError(req, res, refusal.status, refusal.error, { allowed: SERVED_METHODS }, { allow: ALLOW });

    const address = resolveClientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, trustedProxyHops);
    setOwnedHeader(req, CLIENT_ADDRESS_HEADER, address);

    const pathname = pathnameOf(req.url);
    const api = isApiPath(pathname);
    if (api && !decodable(pathname)) {
      return sendError(req, res, 400, 'The URL is not validly percent-encoded: every "%" must start an escape such as %20 of UTF-8 bytes.');
    }

    const limit = api ? API_BODY_LIMIT_BYTES : PAGE_BODY_LIMIT_BYTES;
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) return sendError(req, res, 413, ...tooLarge(limit));
    if (declared === undefined && req.headers['transfer-encoding'] !== undefined) capChunkedBody(req, limit);

    handle(req, res).catch((e: unknown) => {
      console.error(`[scalelab] failed to handle ${echoed(method)} ${echoed(pathname, 80)}:`, e);
      if (!res.headersSent) sendError(req, res, 500, 'The server failed to answer this request; it has been logged.');
      else res.destroy();
    });
  };
}

/** Sets a request header no client can supply: any copies it sent are removed first. */
function setOwnedHeader(req: http.IncomingMessage, name: string, value: string) {
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== name) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  raw.push(name, value);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
  req.headers[name] = value;
}

/** Wires the answers Node.js would otherwise give without a body (or not at all) to JSON ones. */
function answerOddRequests(server: http.Server) {
  // A method Node's parser does not know (TRACK, FOO): it gives up before any listener runs.
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: net.Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (err.code === 'HPE_INVALID_METHOD') {
      const method = (err.rawPacket?.toString('latin1') ?? '').split(/[\s/]/, 1)[0] || 'UNKNOWN';
      const refusal = methodRefusal(method) ?? { status: 400, error: 'The request is not valid HTTP/1.1.' };
      sendRawError(socket, refusal.status, refusal.error, { allowed: SERVED_METHODS }, { allow: ALLOW });
    } else if (err.code === 'HPE_HEADER_OVERFLOW') {
      sendRawError(socket, 431, 'The request headers are too large.');
    } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      sendRawError(socket, 408, 'The request took too long to arrive.');
    } else {
      sendRawError(socket, 400, 'The request is not valid HTTP/1.1.');
    }
  });
  // CONNECT never reaches the request listener; without this Node closes the socket without a word.
  server.on('connect', (_req: http.IncomingMessage, socket: net.Socket) => {
    sendRawError(socket, 405, methodRefusal('CONNECT')!.error, { allowed: SERVED_METHODS }, { allow: ALLOW });
  });
  // Expect: 100-continue: a body too large is refused before the client sends it.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const limit = isApiPath(pathnameOf(req.url)) ? API_BODY_LIMIT_BYTES : PAGE_BODY_LIMIT_BYTES;
    if (Number(req.headers['content-length']) > limit) {
      res.shouldKeepAlive = false;
      return sendError(req, res, 413, ...tooLarge(limit));
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
}

/** Starts one server process: Next.js prepared, then listening. Resolves once it listens. */
export async function serve(options: ServeOptions, trustedProxyHops: number): Promise<{ server: http.Server; close(): Promise<void> }> {
  const hostname = options.hostname;
  // tsx, which runs this file, turns on source maps for every module loaded
  // after it; Next.js's own would then take some 50 MB. The build's stack
  // traces read as they do under `next start`.
  process.setSourceMapsEnabled(false);
  // Loaded here, once NODE_ENV is set: what it loads picks its production build by it.
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: ROOT, hostname: hostname ?? 'localhost', port: options.port });
  await app.prepare();
  const server = createAppServer(app.getRequestHandler() as NextHandler, trustedProxyHops);
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    async close() {
      // Live streams (lib/server/live/channel.ts) never end by themselves: end them, and browsers reconnect elsewhere.
      (globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for('scalelab.live.closeAll')]?.();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await app.close();
    },
  };
}

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Serves in this process; a signal closes the server and exits as `next start` does. */
async function runOne(options: ServeOptions, trustedProxyHops: number, announce: boolean) {
  const running = await serve(options, trustedProxyHops);
  const address = running.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : options.port;
  if (announce) console.log(`[scalelab] serving on http://${options.hostname ?? 'localhost'}:${actualPort}`);
  if (cluster.isWorker) process.send?.({ scalelabReady: true, port: actualPort });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(EXIT_CODES[signal]), SHUTDOWN_GRACE_MS).unref();
    running.close().then(
      () => process.exit(EXIT_CODES[signal]),
      (e: unknown) => {
        console.error(e);
        process.exit(EXIT_CODES[signal]);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** WEB_CONCURRENCY > 1: this process only starts, watches and stops the workers that serve. */
function runPrimary(options: ServeOptions, workers: number) {
  let ready = 0;
  let stopping: NodeJS.Signals | null = null;
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on('message', (_worker, message: { scalelabReady?: boolean; port?: number }) => {
    if (message?.scalelabReady && ++ready === workers) {
      console.log(`[scalelab] serving on http://${options.hostname ?? 'localhost'}:${message.port} (${workers} processes)`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(EXIT_CODES[stopping]);
      return;
    }
    if (ready < workers) {
      // One failed to start (say, the port is taken): the others would not serve either.
      console.error(`[scalelab] a server process failed to start (exit ${code ?? signal}); stopping`);
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGKILL');
      process.exit(1);
    }
    console.error(`[scalelab] server process ${worker.process.pid} exited (${code ?? signal}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = signal;
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(EXIT_CODES[signal]);
    for (const w of alive) w?.process.kill(signal);
    setTimeout(() => process.exit(EXIT_CODES[signal]), SHUTDOWN_GRACE_MS + 1000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  // As `next start`: production unless the environment says otherwise.
  (process.env as Record<string, string>).NODE_ENV ??= 'production';
  const options = parseServeArgs(process.argv.slice(2));
  const env = parseEnv(process.env);
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  if (env.webConcurrency > 1 && cluster.isPrimary) runPrimary(options, env.webConcurrency);
  else await runOne(options, env.trustedProxyHops, cluster.isPrimary);
}

if (typeof require !== 'undefined' && require.main === module) {
  main().catch((e: unknown) => {
    console.error(`[scalelab] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
