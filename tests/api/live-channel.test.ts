/**
 * The live channel (lib/server/live/channel.ts) on the test database: SQLite by
 * default, PostgreSQL in CI's second pass (then also LISTEN/NOTIFY from
 * another connection, and the listening connection's reconnect).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-db';
import { eventOf, sseReader } from './live-helpers';

let live: typeof import('@/lib/server/live/channel');
let db: typeof import('@/lib/server/db').db;
let kind: 'sqlite' | 'postgres';
let topicCounter = 0;
const newTopic = () => `test:${process.pid}-${Date.now()}-${++topicCounter}`;

beforeAll(async () => {
  ({ kind } = await useTestDatabase());
  live = await import('@/lib/server/live/channel');
  ({ db } = await import('@/lib/server/db'));
});

afterAll(async () => {
  await live?.stopLive();
});

function open(topic: string, init: { lastEventId?: string; after?: string; snapshot?: () => Promise<unknown>; heartbeatMs?: number; maxMs?: number } = {}) {
  const controller = new AbortController();
  const url = new URL('http://test.local/api/live');
  if (init.after) url.searchParams.set('after', init.after);
  const headers: Record<string, string> = init.lastEventId ? { 'last-event-id': init.lastEventId } : {};
  const res = live.liveResponse(new Request(url, { headers, signal: controller.signal }), topic, {
    snapshot: init.snapshot,
    heartbeatMs: init.heartbeatMs,
    maxMs: init.maxMs,
  });
  return { res, controller, reader: res.status === 200 && res.body ? sseReader(res.body) : null };
}

describe('publish and eventsAfter', () => {
  it('stores events in order with increasing ids, per topic', async () => {
    const a = newTopic();
    const b = newTopic();
    const e1 = await live.publish(a, 'draft', { n: 1 });
    const other = await live.publish(b, 'draft', { n: 99 });
    const e2 = await live.publish(a, 'draft', { n: 2 });
    expect(BigInt(e2.id) > BigInt(e1.id)).toBe(true);
    expect(e1).toMatchObject({ topic: a, type: 'draft', data: { n: 1 } });
    expect(Date.parse(e1.at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await live.eventsAfter(a, null)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    expect((await live.eventsAfter(a, e1.id)).map((e) => e.id)).toEqual([e2.id]);
    expect(await live.eventsAfter(a, e2.id)).toEqual([]);
    expect((await live.eventsAfter(b, null)).map((e) => e.id)).toEqual([other.id]);
    expect(await live.eventsAfter(a, null, 1)).toHaveLength(1);
  });

  it('keeps order under concurrent publishing: a reader never sees an id appear behind one it has read', async () => {
    const topic = newTopic();
    const seen: string[] = [];
    let cursor: string | null = null;
    let publishing = true;
    const reading = (async () => {
      while (publishing) {
        const got = await live.eventsAfter(topic, cursor);
        for (const e of got) seen.push(e.id);
        if (got.length) cursor = got[got.length - 1].id;
      }
    })();
    const published = await Promise.all(Array.from({ length: 60 }, (_, i) => live.publish(topic, 'n', { i })));
    publishing = false;
    await reading;
    const rest = await live.eventsAfter(topic, cursor, 1000);
    seen.push(...rest.map((e) => e.id));
    // Every event, once each, in increasing order.
    expect(seen.map(BigInt)).toEqual(published.map((e) => BigInt(e.id)).sort((x, y) => (x < y ? -1 : 1)));
  });

  it('refuses bad topics, types, ids and oversized payloads', async () => {
    await expect(live.publish('no spaces', 't', {})).rejects.toThrow(/topic/);
    await expect(live.publish(newTopic(), 'line\nbreak', {})).rejects.toThrow(/type/);
    await expect(live.eventsAfter(newTopic(), '12x')).rejects.toThrow(/id/);
    await expect(live.publish(newTopic(), 't', { big: 'x'.repeat(live.MAX_EVENT_DATA_BYTES) })).rejects.toMatchObject({ status: 413 });
  });

  it('prunes events older than the retention, and only those', async () => {
    const topic = newTopic();
    const kept = await live.publish(topic, 't', { keep: true });
    const old = new Date(Date.now() - live.LIVE_RETENTION_MS - 60_000);
    await db().$executeRawUnsafe(
      kind === 'postgres'
        ? `INSERT INTO "LiveEvent" ("topic", "type", "data", "createdAt") VALUES ($1, 't', '{"old":true}', $2)`
        : `INSERT INTO "LiveEvent" ("topic", "type", "data", "createdAt") VALUES (?, 't', '{"old":true}', ?)`,
      topic,
      old,
    );
    expect(await live.eventsAfter(topic, null)).toHaveLength(2);
    expect(await live.sweepLiveEvents()).toBeGreaterThanOrEqual(1);
    expect((await live.eventsAfter(topic, null)).map((e) => e.id)).toEqual([kept.id]);
  });
});

describe('liveResponse', () => {
  it('streams retained events, then new ones as they are published, as id/event/data frames', async () => {
    const topic = newTopic();
    const first = await live.publish(topic, 'draft', { n: 1 });
    const { res, controller, reader } = open(topic);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toContain('no-transform');
    const [hello, f1] = await reader!.next(2);
    expect(hello.retry).toBe(String(live.RECONNECT_MS));
    expect(f1).toMatchObject({ id: first.id, event: 'live' });
    expect(eventOf(f1)).toEqual(first);
    const t0 = Date.now();
    const second = await live.publish(topic, 'score', { n: 2 });
    const [f2] = await reader!.next(1, 2_000);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(eventOf(f2)).toMatchObject({ id: second.id, type: 'score', data: { n: 2 } });
    controller.abort();
    expect(await reader!.endsWithin(1_000)).toBe(true);
  });

  it('after a reconnect with Last-Event-ID sends exactly what was missed, nothing twice', async () => {
    const topic = newTopic();
    const a = open(topic);
    await a.reader!.next(1); // retry
    const e1 = await live.publish(topic, 'n', { n: 1 });
    const [got1] = await a.reader!.next(1);
    expect(got1.id).toBe(e1.id);
    // The connection drops; three updates are published while it is down.
    a.controller.abort();
    expect(await a.reader!.endsWithin(1_000)).toBe(true);
    const missed = [];
    for (let n = 2; n <= 4; n++) missed.push(await live.publish(topic, 'n', { n }));
    // EventSource reconnects with the last id it saw.
    const b = open(topic, { lastEventId: got1.id, snapshot: async () => ({ never: 'sent' }) });
    const frames = await b.reader!.next(4);
    expect(frames[0].retry).toBeDefined();
    expect(frames.slice(1).map((f) => eventOf(f).data)).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
    const e5 = await live.publish(topic, 'n', { n: 5 });
    const [f5] = await b.reader!.next(1);
    expect(f5.id).toBe(e5.id);
    b.controller.abort();
    // ?after= does the same for a client that reconnects by hand.
    const c = open(topic, { after: missed[1].id });
    const cf = await c.reader!.next(3);
    expect(cf.slice(1).map((f) => f.id)).toEqual([missed[2].id, e5.id]);
    c.controller.abort();
  });

  it('sends a snapshot first to a new client, with the id to resume after, and the events after it', async () => {
    const topic = newTopic();
    const before = await live.publish(topic, 'n', { n: 1 });
    let taken = 0;
    const { reader, controller } = open(topic, { snapshot: async () => ({ state: 'as of now', taken: ++taken }) });
    const [, snap] = await reader!.next(2);
    expect(snap).toMatchObject({ event: 'snapshot', id: before.id });
    expect(JSON.parse(snap.data!)).toEqual({ state: 'as of now', taken: 1 });
    const after = await live.publish(topic, 'n', { n: 2 });
    const [next] = await reader!.next(1);
    expect(next.id).toBe(after.id);
    controller.abort();
    if (kind === 'sqlite') {
      // A client whose last id is older than anything kept gets the snapshot again. (This file's own
      // SQLite database: every event up to `before` is deleted, as pruning would; on PostgreSQL other
      // test files share the table.)
      await db().$executeRawUnsafe('DELETE FROM "LiveEvent" WHERE "id" <= ?', Number(before.id));
      const stale = open(topic, { lastEventId: String(BigInt(before.id) - 1n), snapshot: async () => ({ again: true }) });
      const [, again] = await stale.reader!.next(2);
      expect(again).toMatchObject({ event: 'snapshot', id: after.id, data: '{"again":true}' });
      stale.controller.abort();
      // One that is merely up to date does not.
      const current = open(topic, { lastEventId: after.id, snapshot: async () => ({ again: true }) });
      const [, quiet] = await Promise.all([current.reader!.next(1), live.publish(topic, 'n', { n: 3 })]);
      const [third] = await current.reader!.next(1);
      expect(third).toMatchObject({ event: 'live', id: quiet.id });
      current.controller.abort();
    }
    // An id this database never reached (another deployment's) also starts over from a snapshot.
    const newest = (await live.eventsAfter(topic, after.id)).at(-1)?.id ?? after.id;
    const future = open(topic, { lastEventId: '999999999999', snapshot: async () => ({ fresh: true }) });
    const [, fresh] = await future.reader!.next(2);
    expect(fresh).toMatchObject({ event: 'snapshot', id: newest });
    future.controller.abort();
  });

  it('sends heartbeats while quiet and ends when the request is aborted', async () => {
    const topic = newTopic();
    const { reader, controller } = open(topic, { heartbeatMs: 100 });
    const frames = await reader!.next(3, 3_000, { comments: true });
    expect(frames.slice(1).every((f) => f.comment === 'heartbeat')).toBe(true);
    controller.abort();
    expect(await reader!.endsWithin(1_000)).toBe(true);
    expect(live.hub().activeTopics()).not.toContain(topic);
  });

  it('ends after its maximum life, so the browser reconnects (and loses nothing, by Last-Event-ID)', async () => {
    const { reader } = open(newTopic(), { maxMs: 300 });
    expect(await reader!.endsWithin(3_000)).toBe(true);
  });

  it('refuses a malformed Last-Event-ID with a 400 naming it', async () => {
    const { res } = open(newTopic(), { lastEventId: 'abc' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/Last-Event-ID/);
  });

  it('wakes a stream when another process stores an event (the backstop poll), within the poll interval', async () => {
    const topic = newTopic();
    const { reader, controller } = open(topic);
    await reader!.next(1);
    // A row written behind this process's back (another SQLite process; a lost notification on PostgreSQL).
    await db().$executeRawUnsafe(
      kind === 'postgres'
        ? `INSERT INTO "LiveEvent" ("topic", "type", "data", "createdAt") VALUES ($1, 'n', '{"elsewhere":true}', now())`
        : `INSERT INTO "LiveEvent" ("topic", "type", "data", "createdAt") VALUES (?, 'n', '{"elsewhere":true}', ?)`,
      topic,
      ...(kind === 'postgres' ? [] : [new Date()]),
    );
    const t0 = Date.now();
    const [f] = await reader!.next(1, 5_000);
    expect(eventOf(f).data).toEqual({ elsewhere: true });
    expect(Date.now() - t0).toBeLessThan(live.BACKSTOP_POLL_MS[kind] + 1_000);
    controller.abort();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL: LISTEN/NOTIFY', () => {
  async function otherInstancePublishes(topic: string, data: unknown) {
    // What another instance's publish does: insert, then NOTIFY with the topic, on its own connection.
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query('BEGIN');
    await c.query(`INSERT INTO "LiveEvent" ("topic", "type", "data", "createdAt") VALUES ($1, 'n', $2, now() AT TIME ZONE 'utc')`, [topic, JSON.stringify(data)]);
    await c.query(`SELECT pg_notify($1, $2)`, [live.NOTIFY_CHANNEL, topic]);
    await c.query('COMMIT');
    await c.end();
  }

  it('publish notifies every listening instance, with the topic as the payload', async () => {
    const pg = (await import('pg')).default;
    const other = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await other.connect();
    await other.query(`LISTEN ${live.NOTIFY_CHANNEL}`);
    const topic = newTopic();
    const heard = new Promise<string>((resolve) => other.on('notification', (m) => m.payload === topic && resolve(m.payload)));
    const e = await live.publish(topic, 'n', { hello: 'other instance' });
    expect(await Promise.race([heard, new Promise((r) => setTimeout(() => r('nothing'), 2_000))])).toBe(topic);
    expect((await live.eventsAfter(topic, null)).map((x) => x.id)).toEqual([e.id]);
    await other.end();
  });

  it('wakes a stream at once on a notification from another connection (well before the poll)', async () => {
    const topic = newTopic();
    const { reader, controller } = open(topic);
    await reader!.next(1);
    await new Promise((r) => setTimeout(r, 300)); // listening
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await otherInstancePublishes(topic, { i });
      const [f] = await reader!.next(1, 5_000);
      expect(eventOf(f).data).toEqual({ i });
      expect(Date.now() - t0).toBeLessThan(500);
    }
    controller.abort();
  });

  it('reconnects its listening connection after it is killed, and misses nothing sent meanwhile', async () => {
    const topic = newTopic();
    const { reader, controller } = open(topic);
    await reader!.next(1);
    const deadline = Date.now() + 5_000;
    while (live.listenerPid() === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const pid = live.listenerPid();
    expect(pid).not.toBeNull();
    await db().$executeRawUnsafe('SELECT pg_terminate_backend($1)', pid);
    await otherInstancePublishes(topic, { during: 'the outage' });
    const [f] = await reader!.next(1, 5_000);
    expect(eventOf(f).data).toEqual({ during: 'the outage' });
    // Listening again, on a new connection: a notification wakes the stream at once.
    while ((live.listenerPid() === null || live.listenerPid() === pid) && Date.now() < deadline + 5_000) await new Promise((r) => setTimeout(r, 50));
    expect(live.listenerPid()).not.toBe(pid);
    const t0 = Date.now();
    await otherInstancePublishes(topic, { after: 'reconnect' });
    const [g] = await reader!.next(1, 5_000);
    expect(eventOf(g).data).toEqual({ after: 'reconnect' });
    expect(Date.now() - t0).toBeLessThan(500);
    controller.abort();
  });
});
