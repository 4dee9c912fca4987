/**
 * Anonymous design storage: size caps, per-address and global limits, and
 * retention (README, "Limits and retention"). Route handlers are called
 * directly, as in designs.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-db';
import { freshWindow, WAITS_FOR_WINDOW } from './scenarios-helpers';

// The addresses these tests name arrive as scripts/serve.ts hands them to
// the app: in the x-scalelab-client-address header.

type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let POST: (req: Request) => Promise<Response>;
let GET: Handler;
let db: typeof import('@/lib/server/db').db;
let designs: typeof import('@/lib/server/designs');
let rl: typeof import('@/lib/classroom/scenarios/rate-limit');

const DAY_MS = 86_400_000;
const root = path.resolve(__dirname, '..', '..');
const small = (name = 'Small') => ({
  schemaVersion: 1,
  name: `Limits: ${name}`,
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
    { id: 'app', kind: 'server', position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'app' }],
});

let addressCounter = 0;
/** A fresh documentation address (RFC 5737), so each test has its own counters. */
const newAddress = () => `198.51.${100 + (process.pid % 50)}.${++addressCounter}`;

function post(body: unknown, address = newAddress()) {
  return POST(
    new Request('http://test.local/api/designs', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-scalelab-client-address': address },
    }),
  );
}

function get(id: string) {
  return GET(new Request(`http://test.local/api/designs/${id}`), { params: Promise.resolve({ id }) });
}

async function save(design: unknown = small(), address = newAddress()): Promise<string> {
  const res = await post(design, address);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The designs this file saved (other test files sharing a PostgreSQL database save their own meanwhile). */
const allRows = () =>
  db().design.findMany({ where: { title: { startsWith: 'Limits: ' } }, orderBy: { id: 'asc' }, select: { id: true, document: true } });

/** Sets the count of a counter a real request already made, as a flood from many addresses would have. */
async function setCount(name: string, subject: string, count: number) {
  const key = rl.counterKey(name, subject);
  expect(await db().rateLimit.findUnique({ where: { key } }), `counter ${name} exists`).not.toBeNull();
  await db().rateLimit.update({ where: { key }, data: { count } });
}

beforeAll(async () => {
  await useTestDatabase();
  ({ POST } = await import('@/app/api/designs/route'));
  ({ GET } = await import('@/app/api/designs/[id]/route'));
  ({ db } = await import('@/lib/server/db'));
  designs = await import('@/lib/server/designs');
  rl = await import('@/lib/classroom/scenarios/rate-limit');
  // The same backstops under names only this file uses, so that filling one
  // here cannot refuse another test file sharing a PostgreSQL database.
  for (const rule of Object.values(rl.RATE_RULES)) if ('perSubject' in rule) (rule as { name: string }).name += `-${process.pid}-${Date.now()}`;
});

const globalName = () => rl.RATE_RULES.saveDesignGlobal.name;

describe(`shared design size caps (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('stores the largest reference design with room to spare', async () => {
    const stage8 = JSON.parse(fs.readFileSync(path.join(root, 'content/stages/stage-8.json'), 'utf8')) as { nodes: unknown[] };
    const bytes = Buffer.byteLength(JSON.stringify(stage8));
    expect(bytes * 6).toBeLessThan(designs.MAX_SHARED_DESIGN_BYTES);
    expect(stage8.nodes.length * 5).toBeLessThan(designs.MAX_SHARED_DESIGN_COMPONENTS);
    const id = await save(stage8);
    expect(await (await get(id)).json()).toEqual(stage8);
  });

  it('refuses a design over 64 KB with 413 naming the limit, and stores nothing', async () => {
    await save(); // something already saved, which must survive
    const before = await allRows();
    const res = await post({ ...small(), name: `Limits: ${'x'.repeat(65 * 1024)}` });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'The design is larger than 64 KB, the most a shared design may be.', limitBytes: 65_536 });
    expect(await allRows()).toEqual(before);
  });

  it('takes 200 components and refuses 201 with 422 naming the limit, storing nothing', async () => {
    const withComponents = (n: number) => ({
      schemaVersion: 1,
      name: `Limits: ${n} components`,
      nodes: [
        { id: 'users', kind: 'users' },
        ...Array.from({ length: n - 1 }, (_, i) => ({ id: `s${i}`, kind: 'server' })),
      ],
      edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: 'users', target: `s${i}` })),
    });
    const fits = withComponents(200);
    expect(Buffer.byteLength(JSON.stringify(fits))).toBeLessThan(designs.MAX_SHARED_DESIGN_BYTES);
    const id = await save(fits);
    expect(((await (await get(id)).json()) as { nodes: unknown[] }).nodes).toHaveLength(200);

    const before = await allRows();
    const res = await post(withComponents(201));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; limitComponents: number; issues: unknown[] };
    expect(body.error).toBe('The design is too large to share: a shared design may have at most 200 components; this one has 201.');
    expect(body.limitComponents).toBe(200);
    expect(body.issues).toEqual([{ path: 'nodes', message: 'a shared design may have at most 200 components; this one has 201' }]);
    expect(await allRows()).toEqual(before);
  });
});

describe(`shared design rate limits (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, { timeout: WAITS_FOR_WINDOW }, () => {
  it('takes 300 designs an hour from one address, then answers 429 with Retry-After naming the wait; nothing saved is lost', async () => {
    await freshWindow(3600, 120);
    const address = newAddress();
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) ids.push(await save(small(`Design ${i}`), address));
    const before = await allRows();

    const res = await post(small('One too many'), address);
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get('retry-after'));
    const left = Math.ceil((3_600_000 - (Date.now() % 3_600_000)) / 1000);
    expect(retry).toBeGreaterThan(0);
    expect(Math.abs(retry - left)).toBeLessThanOrEqual(2); // until the hour's window ends
    const body = (await res.json()) as { error: string; retryAfterSeconds: number; limit: number };
    expect(body.retryAfterSeconds).toBe(retry);
    expect(body.limit).toBe(300);
    expect(body.error).toMatch(/^Too many designs shared from your address: at most 300 an hour\. Nothing was saved; try again in \d+ (minutes?|seconds?) \(\d+ s\)\.$/);
    expect(body.error).toContain(`(${retry} s)`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);

    // Refused: nothing new stored, everything saved before still reads back.
    expect(await allRows()).toEqual(before);
    expect(await (await get(ids[0])).json()).toEqual(small('Design 0'));
    expect(await (await get(ids[299])).json()).toEqual(small('Design 299'));
    // Another address is not affected.
    await save(small(), newAddress());
  });

  it('takes 1,000 designs a day from one address, then 429 until the day ends', async () => {
    const address = newAddress();
    await save(small(), address);
    await setCount('design-day', address, 1000); // as if 999 more were saved earlier today
    const res = await post(small(), address);
    expect(res.status).toBe(429);
    const body = (await res.json()) as { error: string; retryAfterSeconds: number; limit: number };
    expect(body.limit).toBe(1000);
    expect(body.error).toMatch(/^Too many designs shared from your address: at most 1,000 a day\. Nothing was saved; try again in /);
    const left = Math.ceil((DAY_MS - (Date.now() % DAY_MS)) / 1000);
    expect(Math.abs(Number(res.headers.get('retry-after')) - left)).toBeLessThanOrEqual(2);
  });

  it('when a flood used up the shared pool, refuses only addresses over their fair share; when the ceiling is reached, everyone, with Retry-After', async () => {
    const heavy = newAddress();
    const honest = newAddress();
    await save(small(), heavy);
    await save(small(), honest);
    // The heavy address has shared 301 today (beyond its fair share of 300),
    // and a flood from many addresses has used up the over-share pool.
    await setCount('design-day', heavy, 301);
    await save(small(), heavy); // its 302nd creates the over-share counter
    await setCount(`${globalName()}-over`, 'all', 10_000);

    const refused = await post(small(), heavy);
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: string; limit: number };
    expect(body.error).toMatch(/^Too many designs are being shared right now, from all addresses together\. Nothing was saved; try again in /);
    expect(body.limit).toBe(10_000);
    // An address within its fair share still saves.
    for (let i = 0; i < 3; i++) await save(small(), honest);
    await save(small(), newAddress());

    // The ceiling (everything saved today, 20,000) protects the database even from many addresses.
    const ceiling = (await db().rateLimit.findUnique({ where: { key: rl.counterKey(globalName(), 'all') } }))!.count;
    try {
      await setCount(globalName(), 'all', 20_000);
      const before = await allRows();
      const res = await post(small(), newAddress());
      expect(res.status).toBe(429);
      const left = Math.ceil((DAY_MS - (Date.now() % DAY_MS)) / 1000);
      expect(Math.abs(Number(res.headers.get('retry-after')) - left)).toBeLessThanOrEqual(2);
      expect(((await res.json()) as { limit: number }).limit).toBe(20_000);
      expect(await allRows()).toEqual(before);
    } finally {
      // Leave the shared counters as the rest of this file found them.
      await setCount(globalName(), 'all', ceiling);
      await setCount(`${globalName()}-over`, 'all', 0);
    }
  });

  it('counts a request refused for its address nowhere else: one address hammering cannot fill the global counters', async () => {
    const address = newAddress();
    await save(small(), address);
    await setCount('design', address, 300);
    const key = rl.counterKey(globalName(), 'all');
    const before = (await db().rateLimit.findUnique({ where: { key } }))?.count;
    for (let i = 0; i < 50; i++) expect((await post(small(), address)).status).toBe(429);
    expect((await db().rateLimit.findUnique({ where: { key } }))?.count).toBe(before);
  });
});

describe(`shared design retention (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  const setLastViewed = (id: string, at: Date) => db().design.update({ where: { id }, data: { lastViewedAt: at } });
  const lastViewed = async (id: string) => (await db().design.findUnique({ where: { id } }))?.lastViewedAt ?? null;

  it('answers an expired design (nobody opened it for 90 days) with the same 404 as an unknown one, and deletes it', async () => {
    const id = await save();
    await setLastViewed(id, new Date(Date.now() - 91 * DAY_MS));
    const expired = await get(id);
    const unknownId = 'unknownDesign12345'.slice(0, id.length);
    const unknown = await get(unknownId);
    expect(expired.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await expired.json()).toEqual({ error: `No design with id "${id}".` });
    expect(await unknown.json()).toEqual({ error: `No design with id "${unknownId}".` });
    expect(expired.headers.get('cache-control')).toBe(unknown.headers.get('cache-control'));
    expect(await db().design.findUnique({ where: { id } })).toBeNull();
  });

  it('keeps a design someone opened; the sweep deletes only the unopened ones', async () => {
    const viewed = await save(small('Viewed'));
    const unviewed = await save(small('Unviewed'));
    const recent = await save(small('Recent'));
    const eightyDaysAgo = new Date(Date.now() - 80 * DAY_MS);
    await setLastViewed(viewed, eightyDaysAgo);
    await setLastViewed(unviewed, eightyDaysAgo);
    expect((await get(viewed)).status).toBe(200); // someone opens it today

    // Twenty days on: the unviewed one is 100 days unopened, the viewed one 20.
    const later = new Date(Date.now() + 20 * DAY_MS);
    const deleted = await designs.sweepExpiredDesigns(later);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await db().design.findUnique({ where: { id: unviewed } })).toBeNull();
    expect(await (await get(viewed)).json()).toEqual(small('Viewed'));
    expect(await (await get(recent)).json()).toEqual(small('Recent'));
  });

  it('records a view at most once a day', async () => {
    const id = await save();
    const halfDayAgo = new Date(Date.now() - DAY_MS / 2);
    await setLastViewed(id, halfDayAgo);
    expect((await get(id)).status).toBe(200);
    expect((await lastViewed(id))?.getTime()).toBe(halfDayAgo.getTime()); // not rewritten

    const twoDaysAgo = new Date(Date.now() - 2 * DAY_MS);
    await setLastViewed(id, twoDaysAgo);
    const t0 = Date.now();
    expect((await get(id)).status).toBe(200);
    expect((await lastViewed(id))!.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
  });

  it('the /d/{id} page records the view and tells the viewer how long an unopened design is kept', async () => {
    const { default: SharedDesignPage } = await import('@/app/d/[id]/page');
    const id = await save(small('Shown'));
    await setLastViewed(id, new Date(Date.now() - 89 * DAY_MS));
    const t0 = Date.now();
    const element = (await SharedDesignPage({ params: Promise.resolve({ id }) })) as { props: { title: string; retention: { days: number; keptUntil: string } } };
    expect(element.props.title).toBe('Limits: Shown');
    expect(element.props.retention.days).toBe(90);
    // Opened now, so kept at least 90 days from now.
    expect(Date.parse(element.props.retention.keptUntil)).toBeGreaterThanOrEqual(t0 + 90 * DAY_MS - 1000);
    expect((await lastViewed(id))!.getTime()).toBeGreaterThanOrEqual(t0 - 1000);

    // An expired one is not found, as an unknown one is.
    await setLastViewed(id, new Date(Date.now() - 91 * DAY_MS));
    await expect(SharedDesignPage({ params: Promise.resolve({ id }) })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });

  it('opening a copy in the sandbox (/play?from={id}) counts as a view too', async () => {
    const { default: PlayPage } = await import('@/app/play/page');
    const id = await save(small('Copied'));
    await setLastViewed(id, new Date(Date.now() - 89 * DAY_MS));
    const t0 = Date.now();
    const element = (await PlayPage({ searchParams: Promise.resolve({ from: id }) })) as { props: { shared: { title: string } | null } };
    expect(element.props.shared?.title).toBe('Limits: Copied');
    expect((await lastViewed(id))!.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
  });

  it('sweeps safely from several instances at once: each expired row deleted once, a viewed one kept', async () => {
    const old = new Date(Date.now() - 100 * DAY_MS);
    const expired: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = await save();
      await setLastViewed(id, old);
      expired.push(id);
    }
    const kept = await save();
    const counts = await Promise.all([
      designs.sweepExpiredDesigns(new Date(), { batch: 7 }),
      designs.sweepExpiredDesigns(new Date(), { batch: 7 }),
      designs.sweepExpiredDesigns(new Date(), { batch: 7 }),
    ]);
    // Each row deleted once (on PostgreSQL another test file's background sweep may take some).
    const total = counts.reduce((a, b) => a + b, 0);
    if (process.env.TEST_DATABASE_URL) expect(total).toBeLessThanOrEqual(30);
    else expect(total).toBe(30);
    expect(await db().design.count({ where: { id: { in: expired } } })).toBe(0);
    expect((await get(kept)).status).toBe(200);
  });

  it('keeps SQLite designs saved before the retention migration: they start their 90 days on the day of the migration', async () => {
    const dir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'scalelab-migration-'));
    try {
      const file = path.join(dir, 'old.db');
      const sqlite = new Database(file);
      const migrations = path.join(root, 'prisma', 'migrations');
      const names = fs.readdirSync(migrations).filter((n) => fs.statSync(path.join(migrations, n)).isDirectory()).sort();
      const retention = names.findIndex((n) => n.endsWith('_design_retention'));
      expect(retention).toBeGreaterThan(0);
      for (const n of names.slice(0, retention)) sqlite.exec(fs.readFileSync(path.join(migrations, n, 'migration.sql'), 'utf8'));
      // A design saved by the previous version, a year ago.
      sqlite
        .prepare('INSERT INTO "Design" ("id", "title", "document", "schemaVersion", "createdAt") VALUES (?, ?, ?, 1, ?)')
        .run('savedLongAgo001', 'Old', JSON.stringify(small('Old')), '2025-12-07T10:00:00.000+00:00');
      sqlite.exec(fs.readFileSync(path.join(migrations, names[retention], 'migration.sql'), 'utf8'));
      sqlite.close();

      const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
      const { PrismaClient } = await import('@/lib/generated/sqlite/client');
      const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
      try {
        const row = await client.design.findUnique({ where: { id: 'savedLongAgo001' } });
        expect(row?.document).toBe(JSON.stringify(small('Old')));
        expect(row?.createdAt.toISOString()).toBe('2025-12-07T10:00:00.000Z');
        expect(Math.abs(row!.lastViewedAt.getTime() - Date.now())).toBeLessThan(60_000);
        // Not expired by the app's own comparison (the sweep's query).
        expect(await client.design.count({ where: { lastViewedAt: { lt: new Date(Date.now() - 60_000) } } })).toBe(0);
        expect(await client.design.count({ where: { lastViewedAt: { lt: new Date(Date.now() + 60_000) } } })).toBe(1);
      } finally {
        await client.$disconnect();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
