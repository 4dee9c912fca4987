/**
 * The app server's own decisions (scripts/serve.ts), with a stand-in for
 * Next.js that records what reached it. e2e/server.spec.ts checks the same
 * against the real app.
 */
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '../lib/server/client-address';
import { MAX_CREATE_BYTES } from '../lib/classroom/scenarios/schema';
import { createAppServer, parseServeArgs, PAGE_BODY_LIMIT_BYTES } from './serve';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  bodyBytes: number;
}

let server: http.Server | null = null;

afterEach(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((r) => server!.close(r));
    server = null;
  }
});

/** The server on a free loopback port, in front of a stand-in that reads the whole body and answers 200. */
async function start(hops = 0): Promise<{ url: string; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createAppServer(async (req, res) => {
    let bodyBytes = 0;
    for await (const chunk of req) bodyBytes += (chunk as Buffer).length;
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, rawHeaders: req.rawHeaders, bodyBytes });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ bodyBytes }));
  }, hops);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, seen };
}

/** Writes `request` on a raw connection and answers what came back, parsed. */
function raw(port: number, request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (b) => (text += b.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body });
    });
  });
}

describe('the app server', () => {
  it('hands the app the connection’s address, whatever X-Forwarded-For or a forged address header says', async () => {
    const { url, seen } = await start(0);
    const res = await fetch(`${url}/api/scenarios`, { headers: { 'x-forwarded-for': '6.6.6.6', [CLIENT_ADDRESS_HEADER]: '7.7.7.7' } });
    expect(res.status).toBe(200);
    expect(seen[0].headers[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.1');
    // Only one copy reaches the app, whichever way it reads the headers.
    expect(seen[0].rawHeaders.filter((h) => h.toLowerCase() === CLIENT_ADDRESS_HEADER)).toHaveLength(1);
    expect(seen[0].rawHeaders.join(' ')).not.toContain('7.7.7.7');
  });

  it('behind one trusted proxy, hands over the address that proxy appended, not the one the client wrote', async () => {
    const { url, seen } = await start(1);
    await fetch(`${url}/api/scenarios`, { headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' } });
    expect(seen[0].headers[CLIENT_ADDRESS_HEADER]).toBe('198.51.100.7');
  });

  it('answers a declared 10 MB body with a JSON 413 before reading any of it', async () => {
    const { port, seen } = await start();
    // Only the headers are sent: the answer cannot have waited for the body.
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/scenarios', headers: { 'content-type': 'application/json', 'content-length': 10 * 1024 * 1024 } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, type: res.headers['content-type']!, body });
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(answer.type).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({ error: `The request body is larger than ${Math.round(MAX_CREATE_BYTES / 1024)} KB.`, limitBytes: MAX_CREATE_BYTES });
    expect(seen).toHaveLength(0);
  });

  it('answers a whole 10 MB body sent with fetch with the JSON 413, and the connection serves on', async () => {
    const { url, seen } = await start();
    const res = await fetch(`${url}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(10 * 1024 * 1024, 0x20) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/^The request body is larger than \d+ KB\.$/);
    expect(seen).toHaveLength(0);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('closes the connection after a route answers before reading the whole body, so a reusing client is never reset', async () => {
    // A route with its own, smaller limit: it reads 64 KB, answers 413 and stops reading, as lib/server/http.ts readJsonBody does.
    server = createAppServer(async (req, res) => {
      let got = 0;
      for await (const chunk of req) {
        got += (chunk as Buffer).length;
        if (got > 64 * 1024) break; // ends the iteration: the request stream is destroyed, as Next does on cancel
      }
      res.writeHead(got > 64 * 1024 ? 413 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ got }));
    }, 0);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (bytes: number) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/api/designs', agent, headers: { 'content-type': 'application/json', 'content-length': bytes } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end(Buffer.alloc(bytes, 32));
      });
    try {
      for (let i = 0; i < 5; i++) {
        const early = await send(400 * 1024);
        expect(early).toEqual({ status: 413, connection: 'close' });
        // The next request on the same agent gets an answer, not a reset connection.
        expect((await send(100)).status).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });

  it('passes a chunked body on only up to the limit, and still ends it for the reader', async () => {
    const { port, seen } = await start();
    const answer = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/scenarios', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const send = () => {
        while (sent < 160) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', send);
        }
        req.end(); // 10 MB in all
      };
      send();
    });
    expect(answer).toBe(200);
    expect(seen[0].bodyBytes).toBeGreaterThan(MAX_CREATE_BYTES);
    expect(seen[0].bodyBytes).toBeLessThan(MAX_CREATE_BYTES + 2 * 64 * 1024);
  });

  it('takes far smaller bodies on pages, which read none', async () => {
    const { url, seen } = await start();
    const res = await fetch(`${url}/teach`, { method: 'POST', body: 'x'.repeat(PAGE_BODY_LIMIT_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(seen).toHaveLength(0);
  });

  it('answers TRACE, TRACK and CONNECT with a JSON 405 and other methods with a JSON 501, each with a reason', async () => {
    const { port, seen } = await start();
    for (const method of ['TRACE', 'TRACK', 'CONNECT', 'PROPFIND', 'FOO']) {
      const target = method === 'CONNECT' ? 'example.com:443' : '/api/scenarios';
      const res = await raw(port, `${method} ${target} HTTP/1.1\r\nHost: x\r\nCookie: secret=1\r\nConnection: close\r\n\r\n`);
      expect(res.status, method).toBe(method === 'PROPFIND' || method === 'FOO' ? 501 : 405);
      expect(res.headers, method).toContain('content-type: application/json');
      expect(res.headers, method).toContain('allow: get, head, post, put, patch, delete, options');
      const body = JSON.parse(res.body) as { error: string };
      expect(body.error, method).toMatch(new RegExp(`^${method} is not`));
      // TRACE never echoes the request back.
      expect(res.body).not.toContain('secret');
    }
    expect(seen).toHaveLength(0);
  });

  it('answers an API URL with broken percent-encoding with a JSON 400, and leaves pages to the app', async () => {
    const { url, seen } = await start();
    for (const path of ['/api/designs/%E0%A4%A', '/api/designs/%', '/api/scenarios/%ZZ/students']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^The URL is not validly percent-encoded/);
    }
    expect(seen).toHaveLength(0);
    expect((await fetch(`${url}/d/%E0`)).status).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(['/d/%E0']);
  });

  it('puts the security headers on its own answers and on the app’s', async () => {
    const { url } = await start();
    for (const res of [await fetch(`${url}/api/health`), await fetch(`${url}/api/%`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('reads its options as `next start` does', () => {
    expect(parseServeArgs([], {})).toEqual({ port: 3000, hostname: undefined, keepAliveTimeout: undefined });
    expect(parseServeArgs([], { PORT: '4000' }).port).toBe(4000);
    expect(parseServeArgs(['-p', '3211', '-H', '127.0.0.1'], { PORT: '4000' })).toMatchObject({ port: 3211, hostname: '127.0.0.1' });
    expect(parseServeArgs(['--port=3212', '--hostname', '::1', '--keepAliveTimeout', '70000'], {})).toEqual({ port: 3212, hostname: '::1', keepAliveTimeout: 70000 });
    expect(() => parseServeArgs(['-p', 'http'], {})).toThrow(/-p must be a port number/);
    expect(() => parseServeArgs(['--turbo'], {})).toThrow(/unknown option --turbo/);
  });
});
