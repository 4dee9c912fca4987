/**
 * A real busy database, not a stand-in: another connection holds SQLite's
 * write lock past the app's busy timeout. Writes answer 503 with Retry-After
 * and store nothing; reads still answer; once the lock goes, the same
 * request succeeds.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-db';
import { call, newAddress, scenarioInput, type Handler } from './scenarios-helpers';

const routes = {} as Record<'create' | 'read' | 'join', Handler>;
let file = '';
let kind: 'sqlite' | 'postgres' = 'sqlite';
const globalForDb = globalThis as unknown as { scalelabDb?: unknown };
let previous: unknown;

beforeAll(async () => {
  const t = await useTestDatabase();
  kind = t.kind;
  if (kind !== 'sqlite') return;
  file = t.url.replace(/^file:/, '');
  // The app's client, with a busy timeout of 150 ms instead of 10 s, so the test waits little.
  const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
  const { PrismaClient } = await import('@/lib/generated/sqlite/client');
  previous = globalForDb.scalelabDb;
  globalForDb.scalelabDb = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: t.url, timeout: 150 }) });
  routes.create = (await import('@/app/api/scenarios/route')).POST;
  routes.read = (await import('@/app/api/scenarios/[slug]/route')).GET;
  routes.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST;
});

afterAll(async () => {
  if (kind !== 'sqlite') return;
  await (globalForDb.scalelabDb as { $disconnect(): Promise<void> }).$disconnect();
  globalForDb.scalelabDb = previous;
});

describe('a busy SQLite database', () => {
  it('answers 503 with Retry-After while another connection holds the write lock, stores nothing, and succeeds after', async ({ skip }) => {
    if (kind !== 'sqlite') skip();
    const created = await call(routes.create, { body: scenarioInput(), address: newAddress() });
    expect(created.status).toBe(201);
    const { slug } = (await created.json()) as { slug: string };

    const locker = new Database(file);
    locker.pragma('busy_timeout = 0');
    locker.exec('BEGIN IMMEDIATE'); // holds the write lock
    try {
      const address = newAddress();
      const res = await call(routes.join, { body: { displayName: 'Ada' }, params: { slug }, address });
      expect(res.status, await res.clone().text()).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      const body = (await res.json()) as { error: string; reason: string };
      expect(body.reason).toBe('database-busy');
      expect(body.error).toMatch(/^The database is busy right now, so this request was not completed; try again in 2 s\./);
      // Reads go on (WAL): the scenario still answers.
      expect((await call(routes.read, { params: { slug } })).status).toBe(200);
    } finally {
      locker.exec('ROLLBACK');
    }
    expect(locker.prepare('SELECT count(*) AS n FROM Student').get()).toEqual({ n: 0 });
    locker.close();
    const retry = await call(routes.join, { body: { displayName: 'Ada' }, params: { slug }, address: newAddress() });
    expect(retry.status).toBe(201);
  });
});
