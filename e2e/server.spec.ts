import net from 'node:net';
import { expect, request as newRequest, test } from '@playwright/test';
import { freshCreationLimits } from './rate-limits';

/**
 * The app server in front of Next.js (scripts/serve.ts), against the real
 * app: the client's address comes from the connection, oversized bodies and
 * odd methods get JSON answers. The browser tests run it with the default
 * TRUSTED_PROXY_HOPS (0: no proxy in front).
 */

const scenario = (n: number) => ({
  title: `Address check ${n}`,
  brief: 'Nothing to do.',
  config: {
    targets: [{ type: 'stage', stage: 1 }],
    allowedKinds: ['app-server', 'database'],
    startingDesign: { schemaVersion: 1, nodes: [{ id: 'users', kind: 'users', position: { x: 0, y: 0 } }], edges: [] },
  },
});

test('a forged X-Forwarded-For does not escape the per-address limit on creating scenarios', async ({ baseURL, request }) => {
  await freshCreationLimits();
  // This client connects over IPv6 loopback (::1): an address of its own, so
  // its counter is not the one the other browser tests use from 127.0.0.1.
  const url = new URL(baseURL!);
  const other = await newRequest.newContext({ baseURL: `${url.protocol}//[::1]:${url.port}` });
  try {
    const answers: number[] = [];
    // Each request claims to come from a different address; the server ignores the claim.
    for (let i = 1; i <= 21; i++) {
      const res = await other.post('/api/scenarios', { data: scenario(i), headers: { 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}` } });
      answers.push(res.status());
      if (res.status() === 429) {
        expect(res.headers()['retry-after']).toMatch(/^\d+$/);
        expect(((await res.json()) as { error: string }).error).toBeTruthy();
      }
    }
    // The limit is 20 an hour from one address.
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(201));
    expect(answers[20]).toBe(429);
    // The limit is per address: a client on another address still creates.
    expect((await request.post('/api/scenarios', { data: scenario(22) })).status()).toBe(201);
  } finally {
    await other.dispose();
  }
});

test('a 10 MB body to /api/scenarios gets a JSON 413, and the server serves on', async ({ request }) => {
  const res = await request.post('/api/scenarios', { headers: { 'content-type': 'application/json' }, data: Buffer.alloc(10 * 1024 * 1024, 0x20) });
  expect(res.status()).toBe(413);
  expect(res.headers()['content-type']).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ error: expect.stringMatching(/^The request body is larger than \d+ KB\.$/), limitBytes: expect.any(Number) });
  expect((await request.get('/api/health')).status()).toBe(200);
});

/** Sends `head` on a raw connection (any method, even one HTTP clients refuse to send) and parses the answer. */
function raw(baseURL: string, head: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`${head}\r\nHost: ${hostname}\r\nCookie: session=secret\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (b) => (text += b.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [top, body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(top.split(' ')[1]), type: /content-type: ([^\r\n]+)/i.exec(top)?.[1] ?? '', body });
    });
  });
}

test('TRACE, TRACK, CONNECT and unknown methods get a JSON answer with a reason, never a bare 500', async ({ baseURL }) => {
  for (const [head, status] of [
    ['TRACE /api/scenarios HTTP/1.1', 405],
    ['TRACE / HTTP/1.1', 405],
    ['TRACK /teach HTTP/1.1', 405],
    ['CONNECT example.com:443 HTTP/1.1', 405],
    ['PROPFIND /api/health HTTP/1.1', 501],
    ['BREW /api/health HTTP/1.1', 501],
  ] as const) {
    const res = await raw(baseURL!, head);
    expect(res.status, head).toBe(status);
    expect(res.type, head).toMatch(/^application\/json/);
    expect((JSON.parse(res.body) as { error: string }).error, head).toMatch(/ is not (allowed|a method this server implements).*GET, HEAD, POST/);
    expect(res.body, head).not.toContain('secret');
  }
});
