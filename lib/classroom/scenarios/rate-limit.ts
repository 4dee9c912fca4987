import 'server-only';
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { z } from 'zod';
import { db, type Db } from '../../server/db';
import { CLIENT_ADDRESS_HEADER } from '../../server/client-address';
import { Prisma } from '../../generated/sqlite/client';

/**
 * Fixed-window rate limits kept in the database, so a limit holds across
 * every app instance. One `INSERT … ON CONFLICT … DO UPDATE … RETURNING`
 * statement counts a hit atomically on SQLite and PostgreSQL alike: no read
 * before the write, so two instances can never both see "one left".
 *
 * Two kinds of rule:
 * - a plain rule counts hits per subject (an address, a student id);
 * - a backstop counts, for everyone together, only the hits its per-subject
 *   rule already admitted, in two pools: every admitted hit (`limit`, the
 *   ceiling sized to what the database absorbs), and the hits beyond each
 *   subject's fair share (`overShareLimit`). A subject still within its fair
 *   share is never refused by the second pool, so a flood from a few
 *   addresses, which is over its share at once, can use up only the
 *   over-share pool and never locks out an instructor who created a few
 *   scenarios or a class that joined from one school address. Hits a
 *   per-subject limit refused never reach a backstop: hammering from one
 *   address cannot fill a global counter (the old single `create-all`
 *   counter was filled by refused hits too).
 */
export interface RateRule {
  name: string;
  limit: number;
  windowSeconds: number;
  /**
   * `address`: the subject is a client address; an IPv6 address counts by
   * its /64 (one customer's allocation, which a client can change at will)
   * and an IPv4-mapped one as IPv4.
   */
  per?: 'address';
}

export interface BackstopRule {
  name: string;
  windowSeconds: number;
  /** The ceiling: hits admitted from everyone together in one window. */
  limit: number;
  /** The per-subject rule whose count, in the same call, decides the fair share. */
  perSubject: RateRule;
  /** A subject's first `fairShare` hits in its window never count toward `overShareLimit`. */
  fairShare: number;
  /** Hits beyond their subject's fair share, from everyone together, in one window. */
  overShareLimit: number;
}

const MINUTE = 60;
const TEN_MINUTES = 600;
const HOUR = 3600;
const DAY = 86_400;

const createScenario = { name: 'create', per: 'address', limit: 20, windowSeconds: HOUR } as const satisfies RateRule;
const join = { name: 'join', per: 'address', limit: 300, windowSeconds: TEN_MINUTES } as const satisfies RateRule;
const saveDesignDaily = { name: 'design-day', per: 'address', limit: 1000, windowSeconds: DAY } as const satisfies RateRule;

/**
 * The figures, as a performance engineer sizes them (README, "Limits and
 * retention"). Measured on this 2-core machine with SQLite, the app writes
 * about 200 rows a second (`npm run bench:api`, submitting); every ceiling
 * below is a small fraction of that, so a ceiling protects the database's
 * size and leaves its throughput to honest work.
 */
export const RATE_RULES = {
  /**
   * Interview questions put to the interviewer from one address: 600 in 10
   * minutes. A candidate asks a few dozen in a mock; a classroom of 40
   * behind one address asking 15 each stays within it. The limit is what
   * stops a script from walking a dictionary against the matcher.
   */
  interviewAsk: { name: 'interview-ask', per: 'address', limit: 600, windowSeconds: TEN_MINUTES } as const satisfies RateRule,
  /** Interview reviews scored from one address: 300 an hour (one per finished mock; a class finishing together). */
  interviewReview: { name: 'interview-review', per: 'address', limit: 300, windowSeconds: HOUR } as const satisfies RateRule,
  /**
   * Scenarios created from one address: 20 an hour. An instructor creates a
   * few a term; 20 covers a department sharing one address preparing a course.
   */
  createScenario,
  /**
   * Backstop on creating scenarios. Fair share 5 an hour per address: an
   * honest instructor is never counted against the over-share pool. The
   * pool (500 an hour) is what all busier addresses share: a flood from a
   * few addresses uses it up (each adds at most 15) and is then held to 5
   * an hour each, while everyone within 5 goes on. The ceiling, 5,000 an
   * hour (1.4 a second, under 1% of the write rate above), bounds what the
   * database takes (a scenario is typically 5–20 KB, at most about 1 MB):
   * reaching it needs about 900 distinct addresses each at its fair share.
   */
  createScenarioGlobal: {
    name: 'create-all',
    windowSeconds: HOUR,
    limit: 5000,
    perSubject: createScenario,
    fairShare: 5,
    overShareLimit: 500,
  } as const satisfies BackstopRule,
  /**
   * Students joining from one address, any scenario: 300 in 10 minutes. A
   * school NAT puts a class of 30–200 behind one address, all joining in
   * the first minutes; 300 leaves room for a second class or rejoins.
   */
  join,
  /**
   * Students joining one scenario from one address: 250 an hour (a class of
   * 200 plus rejoins on another device). Bounds what one address can add to
   * one class's leaderboard (the issue's flood added 150 fake students; one
   * address can no longer add more than a class's worth an hour, and the
   * instructor can remove them).
   */
  joinScenario: { name: 'join-scenario', per: 'address', limit: 250, windowSeconds: HOUR } as const satisfies RateRule,
  /**
   * Backstop on joining. Fair share 250 per address in 10 minutes, so a
   * whole class from one school address is never counted against the
   * over-share pool (2,000 in 10 minutes); ceiling 20,000 in 10 minutes
   * (33 a second; a student row is under 300 bytes, so at most 6 MB).
   */
  joinGlobal: {
    name: 'join-all',
    windowSeconds: TEN_MINUTES,
    limit: 20_000,
    perSubject: join,
    fairShare: 250,
    overShareLimit: 2000,
  } as const satisfies BackstopRule,
  /**
   * Edits of one published scenario: 30 in 10 minutes. An edit of its
   * targets re-grades every submission (a class of 200 is a few seconds of
   * the grading pool); an instructor fixing a typo or a target a few times
   * stays far below.
   */
  editScenario: { name: 'edit', limit: 30, windowSeconds: TEN_MINUTES } as const satisfies RateRule,
  /** Submissions by one student: 30 a minute (one every 2 s). */
  submitStudent: { name: 'submit', limit: 30, windowSeconds: MINUTE } as const satisfies RateRule,
  /**
   * Submissions from one address: 2,000 a minute. A class of 200 behind one
   * NAT, each submitting every 10 s at the busiest, makes 1,200.
   */
  submitAddress: { name: 'submit-ip', per: 'address', limit: 2000, windowSeconds: MINUTE } as const satisfies RateRule,
  /**
   * Live drafts by one student (lib/classroom/scenarios/live.ts): 12 in 10 s. The
   * student's page sends at most one a second; in any 10-second window that
   * is at most 11, so an honest page is never refused, and no student can
   * send more than 1.2 a second on average.
   */
  draftStudent: { name: 'draft', limit: 12, windowSeconds: 10 } as const satisfies RateRule,
  /**
   * Live drafts from one address: 20,000 a minute. A class of 200 behind
   * one NAT, each sending one a second, makes 12,000.
   */
  draftAddress: { name: 'draft-ip', per: 'address', limit: 20_000, windowSeconds: MINUTE } as const satisfies RateRule,
  /**
   * Designs saved for sharing from one address: 300 an hour (a class of 200
   * behind one NAT sharing a design or two each in a lesson).
   */
  saveDesign: { name: 'design', per: 'address', limit: 300, windowSeconds: HOUR } as const satisfies RateRule,
  /**
   * …and 1,000 a day: at most 64 MB a day from one address at the largest
   * design (64 KB, lib/server/designs.ts), about 5 MB at a typical one.
   */
  saveDesignDaily,
  /**
   * Backstop on saved designs, by the day. Fair share 300 a day per address
   * (a class's day); over-share pool 10,000 a day; ceiling 20,000 a day:
   * at most 1.3 GB a day even if every design had the largest size (about
   * 100 MB at a typical 5 KB), and designs nobody opens expire after 90 days.
   */
  saveDesignGlobal: {
    name: 'design-all',
    windowSeconds: DAY,
    limit: 20_000,
    perSubject: saveDesignDaily,
    fairShare: 300,
    overShareLimit: 10_000,
  } as const satisfies BackstopRule,
} as const;

const scaleSchema = z.coerce
  .number({ error: 'SCALELAB_RATE_LIMIT_SCALE must be a number' })
  .positive({ error: 'SCALELAB_RATE_LIMIT_SCALE must be above 0 (1 = the normal limits; benchmarks use 1000)' })
  .default(1);

let scale: number | undefined;

/** Multiplies every limit; `SCALELAB_RATE_LIMIT_SCALE=1000` for load tests. */
function limitScale(): number {
  if (scale === undefined) {
    const parsed = scaleSchema.safeParse(process.env.SCALELAB_RATE_LIMIT_SCALE || undefined);
    if (!parsed.success) throw new Error(parsed.error.issues[0].message);
    scale = parsed.data;
  }
  return scale;
}

const scaled = (limit: number) => Math.max(1, Math.floor(limit * limitScale()));

export type RateDecision =
  | { ok: true; remaining: number }
  | {
      ok: false;
      retryAfterSeconds: number;
      limit: number;
      /** The refusing rule's name; a backstop's pools are `<name>` (ceiling) and `<name>-over`. */
      rule: string;
    };

export interface RateHit {
  rule: RateRule | BackstopRule;
  /** Who is counted: an address, a student id; ignored by a backstop, which counts everyone. */
  subject: string;
  /** Narrows the count to one thing, such as a scenario id: `subject` counted per `scope`. */
  scope?: string;
}

/** What the counters are written with: the app's client or a transaction's. */
type RawClient = Pick<Db, '$queryRaw'>;

function isBackstop(rule: RateRule | BackstopRule): rule is BackstopRule {
  return 'perSubject' in rule;
}

/**
 * The subject an address is counted as: an IPv4-mapped IPv6 address as its
 * IPv4, any other IPv6 address as its /64 (a client given a /64 can use any
 * of its 2^64 addresses), anything else unchanged.
 */
export function addressSubject(address: string): string {
  const plain = address.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(plain);
  if (mapped) return mapped[1];
  if (isIPv6(plain.split('%')[0])) return `${expandIPv6(plain.split('%')[0]).slice(0, 4).join(':')}::/64`;
  return plain;
}

function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  // A trailing IPv4 part (::1.2.3.4) is two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}

/** The key a counter is stored under: hashed, so the table holds no addresses or tokens. */
export function counterKey(name: string, subject: string): string {
  return `${name}:${createHash('sha256').update(subject).digest('base64url').slice(0, 32)}`;
}

interface Counter {
  key: string;
  name: string;
  windowStart: Date;
  windowMs: number;
  limit: number;
}

function counter(name: string, subject: string, windowSeconds: number, limit: number, now: Date): Counter {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return { key: counterKey(name, subject), name, windowStart, windowMs, limit: scaled(limit) };
}

/** Counts one hit on each counter in one statement; answers each counter's count. */
async function countHits(client: RawClient, counters: Counter[]): Promise<Map<string, number>> {
  // Both CASEs read the row as it was; an instance whose clock lags a little
  // counts into the newer window instead of resetting it.
  const counted = await client.$queryRaw<{ key: string; count: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES ${Prisma.join(counters.map((c) => Prisma.sql`(${c.key}, ${c.windowStart}, 1)`))}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < excluded."windowStart" THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < excluded."windowStart" THEN excluded."windowStart" ELSE "RateLimit"."windowStart" END
    RETURNING "key", "count"`;
  return new Map(counted.map((c) => [c.key, Number(c.count)]));
}

/** Of the counters over their limits, the refusal with the longest wait; or how many are left. */
function decide(counters: Counter[], counts: Map<string, number>, now: Date): RateDecision {
  let refused: Extract<RateDecision, { ok: false }> | null = null;
  let remaining = Infinity;
  for (const c of counters) {
    const count = counts.get(c.key) ?? 1;
    if (count <= c.limit) {
      remaining = Math.min(remaining, c.limit - count);
      continue;
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((c.windowStart.getTime() + c.windowMs - now.getTime()) / 1000));
    if (!refused || retryAfterSeconds > refused.retryAfterSeconds) refused = { ok: false, retryAfterSeconds, limit: c.limit, rule: c.name };
  }
  return refused ?? { ok: true, remaining };
}

/**
 * Counts one hit of each rule by its subject and says whether all are
 * within their limits; when not, the refusal with the longest wait. The
 * plain rules are counted in one statement; only when all of them admit
 * the request are the backstops counted, one more statement each (two for
 * a hit beyond its subject's fair share), so a request a per-address limit
 * refused never fills a global counter. Pass a
 * transaction's client to count inside it (a refused request then rolls
 * back and is not counted).
 */
export async function hitRateLimits(hits: readonly RateHit[], options: { now?: Date; client?: RawClient } = {}): Promise<RateDecision> {
  const now = options.now ?? new Date();
  const client = options.client ?? db();
  const plain: { hit: RateHit; rule: RateRule; counter: Counter }[] = [];
  const backstops: BackstopRule[] = [];
  for (const hit of hits) {
    if (isBackstop(hit.rule)) {
      backstops.push(hit.rule);
      continue;
    }
    const rule = hit.rule;
    const who = rule.per === 'address' ? addressSubject(hit.subject) : hit.subject;
    const subject = hit.scope === undefined ? who : `${hit.scope}\u0000${who}`;
    plain.push({ hit, rule, counter: counter(rule.name, subject, rule.windowSeconds, rule.limit, now) });
  }
  const counts = plain.length > 0 ? await countHits(client, plain.map((p) => p.counter)) : new Map<string, number>();
  if (Math.random() < 0.005) void sweepExpired(now);
  const first = decide(
    plain.map((p) => p.counter),
    counts,
    now,
  );
  if (!first.ok || backstops.length === 0) return first;

  let remaining = first.remaining;
  for (const b of backstops) {
    // The subject's own count decides whether this hit is beyond its fair share;
    // without the per-subject hit in this call, it is counted as beyond.
    const own = plain.find((p) => p.rule.name === b.perSubject.name && p.hit.scope === undefined);
    const ownCount = own ? (counts.get(own.counter.key) ?? 1) : Infinity;
    // Beyond the fair share, the over-share pool is asked first: a hit it
    // refuses is not counted toward the ceiling, so a flood held back by
    // the pool cannot fill the ceiling that everyone else needs.
    const steps = [counter(b.name, 'all', b.windowSeconds, b.limit, now)];
    if (ownCount > scaled(b.fairShare)) steps.unshift(counter(`${b.name}-over`, 'all', b.windowSeconds, b.overShareLimit, now));
    for (const step of steps) {
      const decision = decide([step], await countHits(client, [step]), now);
      if (!decision.ok) return decision;
      remaining = Math.min(remaining, decision.remaining);
    }
  }
  return { ok: true, remaining };
}

/** Counts one hit of `rule` by `subject` and says whether it is within the limit. */
export function hitRateLimit(rule: RateRule, subject: string, now = new Date()): Promise<RateDecision> {
  return hitRateLimits([{ rule, subject }], { now });
}

/** Drops counters whose window ended more than a day ago. */
export async function sweepExpired(now = new Date()): Promise<number> {
  try {
    return await db().$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < ${new Date(now.getTime() - 86_400_000)}`;
  } catch {
    return 0; // housekeeping only; the next sweep tries again
  }
}

/**
 * The client's address, for per-address limits, as the app server
 * (scripts/serve.ts) worked it out from the connection and
 * TRUSTED_PROXY_HOPS: the socket's peer by default, the address the
 * outermost trusted proxy saw when proxies are configured. The server
 * replaces any copy of the header a client sends, so X-Forwarded-For cannot
 * move a client to another address's counters. Without that server (`next
 * dev`) every client counts as one address, "unknown".
 */
export function clientAddress(req: Request): string {
  return req.headers.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown';
}

/** What joining a scenario counts: the address overall, the address in this scenario, and the backstop. */
export function joinHits(scenarioId: string, address: string): RateHit[] {
  return [
    { rule: RATE_RULES.join, subject: address },
    { rule: RATE_RULES.joinScenario, subject: address, scope: scenarioId },
    { rule: RATE_RULES.joinGlobal, subject: 'all' },
  ];
}
