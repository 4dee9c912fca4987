/**
 * A real busy database, not a stand-in. SQLite: another connection holds the
 * write lock past the app's busy timeout. PostgreSQL (TEST_DATABASE_URL):
 * every connection of the app's pool is taken by a long transaction, as
 * under 200 concurrent submitters. Writes answer 503 with Retry-After and
 * store nothing; once the database frees up, the same request succeeds.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-db';
import { call, newAddress, scenarioInput, type Handler } from './scenarios-helpers';

const routes = {} as Record<'create' | 'read' | 'join', Handler>;
let file = '';
let kind: 'sqlite' | 'postgres' = 'sqlite';
let pgUrl = '';
const globalForDb = globalThis as unknown as { scalelabDb?: unknown };
let previous: unknown;

beforeAll(async () => {
  const t = await useTestDatabase();
  kind = t.kind;
  previous = globalForDb.scalelabDb;
  if (kind === 'sqlite') {
    file = t.url.replace(/^file:/, '');
    // The app's client, with a busy timeout of 150 ms instead of 10 s, so the test waits little.
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    const { PrismaClient } = await import('@/lib/generated/sqlite/client');
    globalForDb.scalelabDb = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: t.url, timeout: 150 }) });
  } else {
    pgUrl = t.url;
    // The app's client with a pool of one connection that gives up waiting after 300 ms.
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const { PrismaClient } = await import('@/lib/generated/postgres/client');
    globalForDb.scalelabDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url, max: 1, connectionTimeoutMillis: 300 }) });
  }
  routes.read = (await import('@/app/api/scenarios/[slug]/route')).GET;
  routes.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST;
});

afterAll(async () => {
  await (globalForDb.scalelabDb as { $disconnect(): Promise<void> }).$disconnect();
  globalForDb.scalelabDb = previous;
});

describe('a busy SQLite database', () => {
  it('answers 503 with Retry-After while another connection holds the write lock, stores nothing, and succeeds after', async ({ skip }) => {
    if (kind !== 'sqlite') skip();
    routes.create = (await import('@/app/api/scenarios/route')).POST;
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

describe('a busy PostgreSQL database', () => {
  it('answers 503 with Retry-After while every pooled connection is taken, stores nothing, and succeeds after', async ({ skip }) => {
    if (kind !== 'postgres') skip();
    routes.create = (await import('@/app/api/scenarios/route')).POST;
    const created = await call(routes.create, { body: scenarioInput(), address: newAddress() });
    expect(created.status).toBe(201);
    const { slug } = (await created.json()) as { slug: string };

    // A long transaction holds the pool's only connection, as a burst of submitters would hold all ten.
    const client = globalForDb.scalelabDb as { $transaction<T>(fn: (tx: unknown) => Promise<T>, o: object): Promise<T> };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const holding = new Promise<void>((r) => (started = r));
    const holder = client.$transaction(async () => {
      started();
      await held;
    }, { timeout: 20_000, maxWait: 5_000 });
    await holding;
    try {
      const res = await call(routes.join, { body: { displayName: 'Ada' }, params: { slug }, address: newAddress() });
      expect(res.status, await res.clone().text()).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(((await res.json()) as { reason: string }).reason).toBe('database-busy');
    } finally {
      release();
      await holder;
    }
    const pg = await import('pg');
    const direct = new pg.default.Client({ connectionString: pgUrl });
    await direct.connect();
    const { rows } = await direct.query('SELECT count(*)::int AS n FROM "Student" s JOIN "Scenario" c ON c.id = s."scenarioId" WHERE c.slug = $1', [slug]);
    await direct.end();
    expect(rows[0].n).toBe(0);
    expect((await call(routes.join, { body: { displayName: 'Ada' }, params: { slug }, address: newAddress() })).status).toBe(201);
  });
});
