import 'server-only';
import { db } from '../db';
import { env } from '../env';
import { ApiError } from '../http';
import { hitRateLimit, type RateRule } from '../../classroom/scenarios/rate-limit';
import { Hub } from './hub';
import { pgListener } from './pg-listener';

/**
 * The live channel: events on topics (`scenario:<id>`, `pair:<id>`), stored
 * as rows of the LiveEvent table and streamed to browsers as server-sent
 * events. The row is the truth; waking is only a hint to read rows:
 *
 * - PostgreSQL: `publish` inserts the row and sends `NOTIFY scalelab_live,
 *   '<topic>'` in one transaction (delivered on commit), under a per-topic
 *   advisory lock, so on one topic ids commit in order and a reader that has
 *   seen id X never later finds a smaller id appear. Each instance listens
 *   on one dedicated connection (lib/server/live/hub.ts) and wakes its streams.
 * - SQLite (one instance): the insert wakes this process's streams directly.
 * - Both: each process polls the newest id of the topics it streams about
 *   once a second (PostgreSQL: every 2 s), a backstop for a lost
 *   notification or another process writing to the same SQLite file
 *   (WEB_CONCURRENCY > 1).
 *
 * A stream sends every event after the client's Last-Event-ID (EventSource
 * resends it when it reconnects), so nothing is lost across a reconnect.
 * Events are pruned after LIVE_RETENTION_MS; a client whose last id is older
 * than what is kept gets the snapshot again.
 */

export interface LiveEvent {
  /** Decimal string of the LiveEvent row's autoincrement id: increasing, across every instance. */
  id: string;
  topic: string;
  type: string;
  data: unknown;
  /** ISO 8601 time the event was stored. */
  at: string;
}

/** Topics: letters, digits and `: . _ -`, up to 200 characters (`scenario:<id>`). */
export const TOPIC_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$/;
/** Event types: a letter, then letters, digits and `: . _ -`, up to 64 characters. */
export const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9:._-]{0,63}$/;
/** The largest payload one event may carry (JSON): events are notices, not documents. */
export const MAX_EVENT_DATA_BYTES = 64 * 1024;
/** Events are kept this long, then deleted (a reconnect after that gets a snapshot). */
export const LIVE_RETENTION_MS = 6 * 3600_000;
/** A quiet stream sends a comment this often, so proxies and browsers keep it open. */
export const HEARTBEAT_MS = 15_000;
/** A stream ends after this long (the browser reconnects at once, without loss): bounds a stream's life and spreads clients over instances. */
export const STREAM_MAX_MS = 30 * 60_000;
/** Streams one server process serves at once; past it, a 503 with Retry-After. */
export const MAX_STREAMS_PER_PROCESS = 5_000;
/** How long the browser waits before reconnecting after a dropped stream (the SSE `retry:` field). */
export const RECONNECT_MS = 1_000;
/** Events one read sends; a stream that is far behind catches up in batches of this many. */
const BATCH = 200;
/** An id as the API accepts it (Last-Event-ID, `after`). */
const ID_TEXT = /^\d{1,18}$/;

/** The PostgreSQL channel every instance LISTENs on; the payload is the topic alone. */
export const NOTIFY_CHANNEL = 'scalelab_live';
/** First key of the two-key advisory lock that orders one topic's inserts (the second is the topic's hash). */
const LOCK_CLASS = 0x4c495645; // "LIVE"

const isPostgres = () => env().databaseKind === 'postgres';

/** How often each process checks the newest id of the topics it streams, as a backstop to waking. */
export const BACKSTOP_POLL_MS = { sqlite: 1_000, postgres: 2_000 } as const;

const hubState = globalThis as unknown as { scalelabLiveHub?: Hub; scalelabLiveListener?: ReturnType<typeof pgListener> };

/** This process's hub (one per process, whichever route module asks: Next bundles routes apart). */
export function hub(): Hub {
  if (!hubState.scalelabLiveHub) {
    const { databaseKind, databaseUrl } = env();
    const listener = databaseKind === 'postgres' ? pgListener(databaseUrl, NOTIFY_CHANNEL) : undefined;
    hubState.scalelabLiveListener = listener;
    hubState.scalelabLiveHub = new Hub({ poll: newestIds, pollMs: BACKSTOP_POLL_MS[databaseKind], listener });
  }
  return hubState.scalelabLiveHub;
}

/** The backend pid of this process's listening connection (PostgreSQL; null while it is down), for tests. */
export function listenerPid(): number | null {
  return hubState.scalelabLiveListener?.pid() ?? null;
}

/** Stops the hub's poll and listening connection (tests, shutdown); the next stream starts them again. */
export async function stopLive(): Promise<void> {
  closeLiveStreams();
  const h = hubState.scalelabLiveHub;
  hubState.scalelabLiveHub = undefined;
  hubState.scalelabLiveListener = undefined;
  await h?.stop();
}

function checkTopic(topic: string): void {
  if (!TOPIC_PATTERN.test(topic)) throw new TypeError(`not a live topic: ${JSON.stringify(topic).slice(0, 80)}`);
}

type Row = { id: string; topic: string; type: string; data: string; createdAt: Date | string };

function toEvent(r: Row): LiveEvent {
  return { id: String(r.id), topic: r.topic, type: r.type, data: JSON.parse(r.data) as unknown, at: new Date(r.createdAt).toISOString() };
}

/**
 * Stores the event (one row), then wakes subscribers on every instance
 * (PostgreSQL: NOTIFY in the same transaction; SQLite: this process's own
 * waiters, plus the poll as a backstop). Returns the stored event. A
 * payload over MAX_EVENT_DATA_BYTES throws an ApiError 413.
 */
export async function publish(topic: string, type: string, data: unknown): Promise<LiveEvent> {
  checkTopic(topic);
  if (!TYPE_PATTERN.test(type)) throw new TypeError(`not a live event type: ${JSON.stringify(type).slice(0, 80)}`);
  const text = JSON.stringify(data ?? null);
  if (Buffer.byteLength(text) > MAX_EVENT_DATA_BYTES) {
    throw new ApiError(413, `A live update may be at most ${MAX_EVENT_DATA_BYTES / 1024} KB.`, { limitBytes: MAX_EVENT_DATA_BYTES });
  }
  const now = new Date();
  let row: Row;
  if (isPostgres()) {
    // One statement, so one commit and no round trip while the topic's lock is held: the lock first
    // (the insert's row comes from it, so its id is drawn after), then the row, then the notification,
    // which PostgreSQL delivers when the statement commits.
    const inserted = await db().$queryRaw<Row[]>`
      WITH "lock" AS (SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${topic})) AS "held"),
      "ins" AS (
        INSERT INTO "LiveEvent" ("topic", "type", "data", "createdAt")
        SELECT ${topic}, ${type}, ${text}, clock_timestamp() AT TIME ZONE 'UTC' FROM "lock"
        RETURNING "id", "topic", "type", "data", "createdAt"
      ),
      "note" AS (SELECT pg_notify(${NOTIFY_CHANNEL}, "ins"."topic") AS "sent" FROM "ins")
      SELECT "ins"."id"::text AS "id", "ins"."topic", "ins"."type", "ins"."data", "ins"."createdAt", (SELECT count(*) FROM "note")::int AS "notified" FROM "ins"`;
    row = inserted[0];
  } else {
    const inserted = await db().$queryRaw<Row[]>`INSERT INTO "LiveEvent" ("topic", "type", "data", "createdAt") VALUES (${topic}, ${type}, ${text}, ${now}) RETURNING CAST("id" AS TEXT) AS "id", "topic", "type", "data", "createdAt"`;
    row = inserted[0];
  }
  hub().wake(topic);
  sweepLiveEventsNowAndThen(now);
  return toEvent(row);
}

/** Events on `topic` with id > afterId (all retained ones when afterId is null), oldest first, at most `limit`. */
export async function eventsAfter(topic: string, afterId: string | null, limit = BATCH): Promise<LiveEvent[]> {
  checkTopic(topic);
  if (afterId !== null && !ID_TEXT.test(afterId)) throw new TypeError(`not a live event id: ${JSON.stringify(afterId).slice(0, 40)}`);
  const after = afterId ?? '0';
  const take = Math.max(1, Math.min(1000, Math.floor(limit)));
  const rows = isPostgres()
    ? await db().$queryRaw<Row[]>`SELECT "id"::text AS "id", "topic", "type", "data", "createdAt" FROM "LiveEvent" WHERE "topic" = ${topic} AND "id" > ${after}::bigint ORDER BY "LiveEvent"."id" LIMIT ${take}`
    : await db().$queryRaw<Row[]>`SELECT CAST("id" AS TEXT) AS "id", "topic", "type", "data", "createdAt" FROM "LiveEvent" WHERE "topic" = ${topic} AND "id" > CAST(${after} AS INTEGER) ORDER BY "LiveEvent"."id" LIMIT ${take}`;
  return rows.map(toEvent);
}

/** The newest id on each of `topics` that has any event (the hub's backstop poll). */
export async function newestIds(topics: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of topics) checkTopic(t);
  for (let i = 0; i < topics.length; i += 500) {
    const some = topics.slice(i, i + 500);
    const rows = isPostgres()
      ? await db().$queryRaw<{ topic: string; id: string }[]>`SELECT "topic", MAX("id")::text AS "id" FROM "LiveEvent" WHERE "topic" = ANY(${some}) GROUP BY "topic"`
      : await db().$queryRawUnsafe<{ topic: string; id: string }[]>(
          `SELECT "topic", CAST(MAX("id") AS TEXT) AS "id" FROM "LiveEvent" WHERE "topic" IN (${some.map(() => '?').join(', ')}) GROUP BY "topic"`,
          ...some,
        );
    for (const r of rows) out.set(r.topic, String(r.id));
  }
  return out;
}

/** The smallest and largest id kept (any topic); nulls when there are none. */
async function idRange(): Promise<{ min: bigint | null; max: bigint | null }> {
  const rows = isPostgres()
    ? await db().$queryRaw<{ min: string | null; max: string | null }[]>`SELECT MIN("id")::text AS "min", MAX("id")::text AS "max" FROM "LiveEvent"`
    : await db().$queryRaw<{ min: string | null; max: string | null }[]>`SELECT CAST(MIN("id") AS TEXT) AS "min", CAST(MAX("id") AS TEXT) AS "max" FROM "LiveEvent"`;
  const r = rows[0];
  return { min: r?.min == null ? null : BigInt(r.min), max: r?.max == null ? null : BigInt(r.max) };
}

/** The newest id on `topic`, "0" when it has none. */
async function newestId(topic: string): Promise<string> {
  return (await newestIds([topic])).get(topic) ?? '0';
}

// ---------------------------------------------------------------------------
// Pruning

/**
 * Deletes events older than LIVE_RETENTION_MS, in batches found by the
 * createdAt index, at most `maxBatches` a run. Safe on several instances at once.
 */
export async function sweepLiveEvents(now = new Date(), { batch = 5_000, maxBatches = 20 } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - LIVE_RETENTION_MS);
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    const count = isPostgres()
      ? await db().$executeRaw`DELETE FROM "LiveEvent" WHERE "id" IN (SELECT "id" FROM "LiveEvent" WHERE "createdAt" < ${cutoff} LIMIT ${batch})`
      : await db().$executeRaw`DELETE FROM "LiveEvent" WHERE "id" IN (SELECT "id" FROM "LiveEvent" WHERE "createdAt" < ${cutoff} LIMIT ${batch})`;
    deleted += count;
    if (count < batch) break;
  }
  return deleted;
}

/** One sweep per 10 minutes across all instances: the first to count a hit here runs it. */
const SWEEP_TURN: RateRule = { name: 'live-sweep', limit: 1, windowSeconds: 600 };
const sweepState = globalThis as unknown as { scalelabLiveSweepAt?: number };

function sweepLiveEventsNowAndThen(now: Date): void {
  if (now.getTime() < (sweepState.scalelabLiveSweepAt ?? 0)) return;
  sweepState.scalelabLiveSweepAt = now.getTime() + SWEEP_TURN.windowSeconds * 1000;
  void (async () => {
    const turn = await hitRateLimit(SWEEP_TURN, 'all', now);
    if (turn.ok) await sweepLiveEvents(now);
  })().catch((e: unknown) => console.error('the sweep of old live events failed (the next one tries again):', e));
}

// ---------------------------------------------------------------------------
// Server-sent events

export interface LiveResponseOptions {
  /** The current state, sent first (event type "snapshot") when the client has no usable Last-Event-ID. */
  snapshot?: () => Promise<unknown>;
  /** For tests: the heartbeat interval (default HEARTBEAT_MS). */
  heartbeatMs?: number;
  /** For tests: how long before the stream ends and the client reconnects (default STREAM_MAX_MS). */
  maxMs?: number;
}

const encoder = new TextEncoder();

function frame(e: LiveEvent, event = 'live'): string {
  return `id: ${e.id}\nevent: ${event}\ndata: ${JSON.stringify(e)}\n\n`;
}

function refusal(status: number, error: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

const streams = globalThis as unknown as { scalelabLiveStreams?: Set<() => void> };
function openStreams(): Set<() => void> {
  streams.scalelabLiveStreams ??= new Set();
  return streams.scalelabLiveStreams;
}

/** Ends every open stream of this process (the server is shutting down; browsers reconnect elsewhere). */
export function closeLiveStreams(): void {
  for (const close of [...openStreams()]) close();
}
(globalThis as Record<symbol, unknown>)[Symbol.for('scalelab.live.closeAll')] = closeLiveStreams;

/**
 * A text/event-stream Response for `topic`: every event after the request's
 * Last-Event-ID header (or its `after` query parameter), then new ones as
 * they are stored, each as
 *
 *     id: <id>
 *     event: live
 *     data: {"id","topic","type","data","at"}      (a LiveEvent as JSON)
 *
 * (the SSE event name is always "live", so one EventSource listener gets
 * every type; the LiveEvent's own `type` is in the data). With `snapshot`
 * and no usable Last-Event-ID (none, or older than what is kept), the
 * snapshot goes first as `event: snapshot`, `data: <JSON>`, with the id of
 * the newest event it includes, so a reconnect resumes after it. A comment
 * every 15 s while quiet; ends when the request is aborted (or after
 * STREAM_MAX_MS, when the browser reconnects by itself).
 *
 * The caller checks who may read the topic before calling this.
 */
export function liveResponse(request: Request, topic: string, options: LiveResponseOptions = {}): Response {
  checkTopic(topic);
  const header = request.headers.get('last-event-id')?.trim() || null;
  const query = new URL(request.url).searchParams.get('after')?.trim() || null;
  const given = header ?? query;
  if (given !== null && !ID_TEXT.test(given)) {
    return refusal(400, `Last-Event-ID (or ?after=) must be the id of a live event, a whole number (got ${JSON.stringify(given.slice(0, 40))}).`);
  }
  if (openStreams().size >= MAX_STREAMS_PER_PROCESS) {
    return refusal(503, 'This server is serving as many live streams as it can; the browser retries shortly.', { 'retry-after': '5' });
  }

  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const maxMs = options.maxMs ?? STREAM_MAX_MS;
  const subscription = hub().subscribe(topic);
  let cursor: string | null = given;
  let started = false;
  let closed = false;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  const openedAt = Date.now();

  const close = () => {
    if (closed) return;
    closed = true;
    subscription.close();
    openStreams().delete(close);
    request.signal.removeEventListener('abort', close);
    try {
      controllerRef?.close();
    } catch {
      /* already closed or cancelled */
    }
  };
  openStreams().add(close);
  if (request.signal.aborted) close();
  else request.signal.addEventListener('abort', close);

  /** What to send first: the reconnect delay, then a snapshot or nothing. */
  async function preamble(): Promise<string> {
    let out = `retry: ${RECONNECT_MS}\n\n`;
    if (!options.snapshot) return out;
    let stale = cursor === null;
    if (cursor !== null) {
      // Pruned past the client's position, or a position this database never reached: start over.
      const { min, max } = await idRange();
      const at = BigInt(cursor);
      stale = (min !== null && at < min - 1n) || at > (max ?? 0n);
    }
    if (!stale) return out;
    // The cursor is taken before the snapshot is read: an event stored in
    // between is sent again after it (applying it twice is harmless), never lost.
    const from = await newestId(topic);
    const data = await options.snapshot();
    cursor = from;
    out += `id: ${from}\nevent: snapshot\ndata: ${JSON.stringify(data ?? null)}\n\n`;
    return out;
  }

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
      },
      // Called whenever the queue is empty: the stream sends as fast as the client reads, no faster.
      async pull(controller) {
        const send = (text: string) => {
          if (!closed) controller.enqueue(encoder.encode(text));
        };
        try {
          if (!started) {
            started = true;
            send(await preamble());
            return;
          }
          for (;;) {
            if (closed) return;
            if (Date.now() - openedAt >= maxMs) return close();
            const generation = subscription.generation();
            const events = await eventsAfter(topic, cursor, BATCH);
            if (closed) return;
            if (events.length > 0) {
              cursor = events[events.length - 1].id;
              send(events.map((e) => frame(e)).join(''));
              return;
            }
            const woke = await subscription.wait(generation, Math.min(heartbeatMs, Math.max(1, maxMs - (Date.now() - openedAt))));
            if (closed) return;
            if (!woke && Date.now() - openedAt < maxMs) {
              send(': heartbeat\n\n');
              return;
            }
          }
        } catch (e) {
          // The database failed mid-stream: end it; the browser reconnects with its Last-Event-ID.
          if (!closed) console.warn(`[live] a stream on ${topic} ended after an error (the browser reconnects):`, e);
          close();
        }
      },
      cancel() {
        close();
      },
    },
    { highWaterMark: 1 },
  );

  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: Next's compression (and any proxy's) must pass each frame on at once, not buffer it.
      'cache-control': 'no-cache, no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
