/**
 * No route ever answers a bare 500: every handler under app/api goes
 * through `route` (lib/server/http.ts). With the database made to fail in each way
 * it does in production, every route that touches it answers JSON: 503 with
 * Retry-After when the database is busy or out of reach, 500 with an error
 * id (also in the server log) for anything else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Prisma } from '@/lib/generated/sqlite/client';
import { useTestDatabase } from './test-db';
import { scaledDesign, scenarioInput } from './scenarios-helpers';
import { createAttempt } from '@/lib/interview/attempt';
import { getProblem } from '@/lib/interview/problems';

const induced = vi.hoisted(() => ({ error: null as unknown }));

// Every use of the database throws `induced.error` (when set).
vi.mock('@/lib/server/db', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/server/db')>();
  const failing: unknown = new Proxy(function () {}, {
    get: (_t, prop) => (prop === 'then' ? undefined : failing),
    apply: () => Promise.reject(induced.error),
  });
  return { ...real, db: () => (induced.error ? failing : real.db()) };
});

const ROOT = path.resolve(import.meta.dirname, '../..');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function routeFiles(dir = path.join(ROOT, 'app/api'), prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return routeFiles(path.join(dir, e.name), prefix ? `${prefix}/${e.name}` : e.name);
    return e.name === 'route.ts' ? [prefix] : [];
  });
}

const KEY = 'k'.repeat(43); // shaped like a manage key or a token, so the lookup reaches the database
const ID = 'abcdefghijklmnop';

/** One request per route and method that reaches the database, whatever it then finds. */
const REACHES_DB: [route: string, method: string, url: string, init: { body?: unknown; headers?: Record<string, string> }][] = [
  ['scenarios', 'POST', '/api/scenarios', { body: scenarioInput() }],
  ['scenarios/[slug]', 'GET', '/api/scenarios/sample-scale-out', {}],
  ['scenarios/[slug]/students', 'POST', '/api/scenarios/sample-scale-out/students', { body: { displayName: 'Ada' } }],
  ['scenarios/[slug]/me', 'GET', '/api/scenarios/sample-scale-out/me', { headers: { 'x-student-token': KEY } }],
  ['scenarios/[slug]/submissions', 'POST', '/api/scenarios/sample-scale-out/submissions', { body: { design: scaledDesign(2) }, headers: { 'x-student-token': KEY } }],
  ['scenarios/[slug]/leaderboard', 'GET', '/api/scenarios/sample-daily-byte/leaderboard', {}],
  ['scenarios/[slug]/copy', 'POST', '/api/scenarios/sample-scale-out/copy', { body: {} }],
  ['scenarios/[slug]/manage', 'GET', '/api/scenarios/sample-scale-out/manage', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage', 'PATCH', '/api/scenarios/sample-scale-out/manage', { body: { status: 'closed' }, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage', 'DELETE', '/api/scenarios/sample-scale-out/manage', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/key', 'POST', '/api/scenarios/sample-scale-out/manage/key', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/export', 'GET', '/api/scenarios/sample-scale-out/manage/export', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/submissions/[id]', 'GET', `/api/scenarios/sample-scale-out/manage/submissions/${ID}`, { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/submissions/[id]', 'DELETE', `/api/scenarios/sample-scale-out/manage/submissions/${ID}`, { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/draft', 'POST', '/api/scenarios/sample-scale-out/draft', { body: { design: scaledDesign(2) }, headers: { 'x-student-token': KEY } }],
  ['scenarios/[slug]/manage/live', 'GET', '/api/scenarios/sample-scale-out/manage/live', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/live/stream', 'GET', '/api/scenarios/sample-scale-out/manage/live/stream', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/live/[studentId]', 'GET', `/api/scenarios/sample-scale-out/manage/live/${ID}`, { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/students/[studentId]', 'DELETE', `/api/scenarios/sample-scale-out/manage/students/${ID}`, { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/join-link', 'POST', '/api/scenarios/sample-scale-out/join-link', { body: { token: KEY } }],
  ['scenarios/[slug]/manage/roster', 'GET', '/api/scenarios/sample-scale-out/manage/roster', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/roster', 'POST', '/api/scenarios/sample-scale-out/manage/roster', { body: { text: 'Ava' }, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/roster/[entryId]', 'POST', `/api/scenarios/sample-scale-out/manage/roster/${ID}`, { body: {}, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/roster/[entryId]', 'DELETE', `/api/scenarios/sample-scale-out/manage/roster/${ID}`, { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/class-code', 'POST', '/api/scenarios/sample-scale-out/manage/class-code', { body: {}, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/class-code', 'DELETE', '/api/scenarios/sample-scale-out/manage/class-code', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/keys', 'GET', '/api/scenarios/sample-scale-out/manage/keys', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/keys', 'POST', '/api/scenarios/sample-scale-out/manage/keys', { body: { label: 'TA' }, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/keys/[keyId]', 'DELETE', `/api/scenarios/sample-scale-out/manage/keys/${ID}`, { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/extensions', 'PUT', '/api/scenarios/sample-scale-out/manage/extensions', { body: { name: 'Ada', deadline: null }, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/analytics', 'GET', '/api/scenarios/sample-scale-out/manage/analytics', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/archive', 'POST', '/api/scenarios/sample-scale-out/manage/archive', { body: { archived: true }, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/duplicate', 'POST', '/api/scenarios/sample-scale-out/manage/duplicate', { body: {}, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/feedback', 'GET', '/api/scenarios/sample-scale-out/manage/feedback', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/feedback', 'PATCH', '/api/scenarios/sample-scale-out/manage/feedback', { body: { released: true }, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/regrade', 'POST', '/api/scenarios/sample-scale-out/manage/regrade', { body: {}, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/revisions', 'GET', '/api/scenarios/sample-scale-out/manage/revisions', { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/revisions', 'POST', '/api/scenarios/sample-scale-out/manage/revisions', { body: { title: 'Renamed' }, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/submissions/[id]/feedback', 'GET', `/api/scenarios/sample-scale-out/manage/submissions/${ID}/feedback`, { headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/manage/submissions/[id]/feedback', 'PUT', `/api/scenarios/sample-scale-out/manage/submissions/${ID}/feedback`, { body: { comment: 'Good' }, headers: { 'x-manage-key': KEY } }],
  ['scenarios/[slug]/me/feedback', 'GET', '/api/scenarios/sample-scale-out/me/feedback', { headers: { 'x-student-token': KEY } }],
  ['scenarios/[slug]/updates', 'GET', '/api/scenarios/sample-scale-out/updates', {}],
  ['designs', 'POST', '/api/designs', { body: scaledDesign(2) }],
  ['designs/[id]', 'GET', `/api/designs/${ID}`, {}],
  ['interview/[problemId]/ask', 'POST', '/api/interview/pastebin/ask', { body: { question: 'Do pastes expire?' } }],
  ['interview/[problemId]/review', 'POST', '/api/interview/pastebin/review', { body: { attempt: createAttempt(getProblem('pastebin')!, { mode: 'blind', minutes: 45, now: 0 }) } }],
  ['pair', 'POST', '/api/pair', { body: { problemId: 'url-shortener' } }],
  ['pair/[id]', 'GET', `/api/pair/${ID}`, { headers: { 'x-pair-key': KEY } }],
  ['pair/[id]', 'PATCH', `/api/pair/${ID}`, { body: { interviewerNotes: 'x' }, headers: { 'x-pair-key': KEY } }],
  ['pair/[id]/updates', 'POST', `/api/pair/${ID}/updates`, { body: { update: 'AAAA' }, headers: { 'x-pair-key': KEY } }],
  ['pair/[id]/stream', 'GET', `/api/pair/${ID}/stream?s=${KEY}`, {}],
];

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function send([route, method, url, init]: (typeof REACHES_DB)[number]): Promise<Response> {
  const mod = (await import(`@/app/api/${route}/route`)) as Record<string, Handler>;
  const params: Record<string, string> = { slug: url.split('/')[3] ?? '', problemId: url.split('/')[3] ?? '', id: ID, studentId: ID, entryId: ID, keyId: ID };
  const headers: Record<string, string> = { 'x-forwarded-for': '192.0.2.77', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers };
  const req = new Request(`http://test.local${url}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  return mod[method](req, { params: Promise.resolve(params) });
}

const known = (code: string, message: string) => new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: '6.19.3' });
/** A driver adapter error as Prisma's better-sqlite3 adapter throws it for SQLITE_BUSY. */
const sqliteBusy = Object.assign(new Error('database is locked'), {
  name: 'DriverAdapterError',
  cause: { kind: 'SocketTimeout', originalCode: 'SQLITE_BUSY', originalMessage: 'database is locked' },
});

const BUSY: [string, unknown, 'busy' | 'unreachable'][] = [
  ['P2028 (unable to start a transaction in the given time)', known('P2028', 'Transaction API error: Unable to start a transaction in the given time.'), 'busy'],
  ['P2024 (connection pool timeout)', known('P2024', 'Timed out fetching a new connection from the connection pool.'), 'busy'],
  ['P1008 (SQLITE_BUSY after the busy timeout)', known('P1008', 'Operation has timed out'), 'busy'],
  ['a raw SQLITE_BUSY driver error', sqliteBusy, 'busy'],
  ['P1001 (database unreachable)', known('P1001', "Can't reach database server at db:5432"), 'unreachable'],
  ['P1017 (server closed the connection)', known('P1017', 'Server has closed the connection.'), 'unreachable'],
  ['an initialization error P1001', new Prisma.PrismaClientInitializationError("Can't reach database server", '6.19.3', 'P1001'), 'unreachable'],
  ['PostgreSQL too_many_connections (53300)', Object.assign(new Error('sorry, too many clients already'), { code: '53300' }), 'busy'],
  ['pg-pool connect timeout', new Error('timeout exceeded when trying to connect'), 'busy'],
];

beforeAll(async () => {
  await useTestDatabase();
});

afterEach(() => {
  induced.error = null;
  vi.restoreAllMocks();
});

describe('the route wrapper', () => {
  it('wraps every handler every route file under app/api exports', async () => {
    const { isRouteWrapped } = await import('@/lib/server/http');
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const mod = (await import(`@/app/api/${file}/route`)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => m in mod);
      expect(exported.length, file).toBeGreaterThan(0);
      for (const m of exported) expect(isRouteWrapped(mod[m]), `${m} ${file || '(root)'} is wrapped by route()`).toBe(true);
    }
  });

  it('covers every route that reads the database in the table below', () => {
    const covered = new Set(REACHES_DB.map(([r]) => r));
    const exempt = new Set(['health', '[[...path]]']); // health answers its own 503; the catch-all reads nothing
    expect(routeFiles().filter((f) => !exempt.has(f) && !covered.has(f))).toEqual([]);
  });

  for (const [name, error, kind] of BUSY) {
    it(`answers 503 with Retry-After and a JSON reason on every route when the database fails with ${name}`, async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      induced.error = error;
      for (const request of REACHES_DB) {
        const res = await send(request);
        const label = `${request[1]} ${request[2]}`;
        expect(res.status, label).toBe(503);
        expect(res.headers.get('content-type'), label).toMatch(/^application\/json/);
        expect(res.headers.get('retry-after'), label).toBe(kind === 'busy' ? '2' : '10');
        const body = (await res.json()) as { error: string; reason: string; retryAfterSeconds: number; errorId: string };
        expect(body.error, label).toMatch(kind === 'busy' ? /^The database is busy right now, so this request was not completed; try again in 2 s\./ : /^The database cannot be reached right now/);
        expect(body.reason).toBe(kind === 'busy' ? 'database-busy' : 'database-unreachable');
        expect(body.retryAfterSeconds).toBe(kind === 'busy' ? 2 : 10);
        expect(warn.mock.calls.some((c) => String(c[0]).includes(body.errorId)), `${label}: the log names error ${body.errorId}`).toBe(true);
      }
    });
  }

  it('answers JSON 500 with a sentence and an error id, logged with the error, for any other failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    induced.error = new TypeError("Cannot read properties of undefined (reading 'x')");
    const ids = new Set<string>();
    for (const request of REACHES_DB) {
      const res = await send(request);
      const label = `${request[1]} ${request[2]}`;
      expect(res.status, label).toBe(500);
      expect(res.headers.get('content-type'), label).toMatch(/^application\/json/);
      expect(res.headers.get('retry-after')).toBeNull();
      const body = (await res.json()) as { error: string; errorId: string };
      expect(body.errorId).toMatch(/^[A-Za-z0-9_-]{8}$/);
      expect(body.error).toBe(`Something went wrong on the server while answering this request, and it was not completed. If it happens again, report error id ${body.errorId}.`);
      // The driver's words stay in the log, with the id that ties them to the answer.
      expect(body.error).not.toContain('Cannot read properties');
      const line = logged.mock.calls.find((c) => String(c[0]).includes(body.errorId));
      expect(line, `${label}: logged with its id`).toBeDefined();
      expect(String(line![0])).toContain(`${request[1]} ${request[2].split('?')[0]}`);
      expect(line![1]).toBe(induced.error);
      ids.add(body.errorId);
    }
    expect(ids.size).toBe(REACHES_DB.length);
  });

  it('tells a busy database apart from a request that is wrong (a unique-constraint failure is not "busy")', async () => {
    const { databaseTrouble } = await import('@/lib/server/http');
    expect(databaseTrouble(known('P2002', 'Unique constraint failed'))).toBeNull();
    expect(databaseTrouble(known('P2025', 'Record to update not found.'))).toBeNull();
    expect(databaseTrouble(new RangeError('Maximum call stack size exceeded'))).toBeNull();
    expect(databaseTrouble(new Error('outer', { cause: known('P2028', 'Unable to start a transaction in the given time') }))).toEqual({ kind: 'busy', code: 'P2028' });
  });
});
