import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { db, type Db } from '../db';
import { CLIENT_ADDRESS_HEADER } from '../client-address';
import { Prisma } from '../generated/sqlite/client';

/**
 * Fixed-window rate limits kept in the database, so a limit holds across
 * every app instance. One `INSERT … ON CONFLICT … DO UPDATE … RETURNING`
 * statement counts a hit atomically on SQLite and PostgreSQL alike: no read
 * before the write, so two instances can never both see "one left".
 */
export interface RateRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export const RATE_RULES = {
  /** Scenarios created from one address. */
  createScenario: { name: 'create', limit: 20, windowSeconds: 3600 },
  /** Scenarios created in all, a backstop when addresses are spoofed. */
  createScenarioGlobal: { name: 'create-all', limit: 2000, windowSeconds: 3600 },
  /** Students joining from one address (a classroom shares one). */
  join: { name: 'join', limit: 400, windowSeconds: 600 },
  /** Submissions by one student. */
  submitStudent: { name: 'submit', limit: 30, windowSeconds: 60 },
  /** Submissions from one address (a classroom shares one). */
  submitAddress: { name: 'submit-ip', limit: 2000, windowSeconds: 60 },
} as const satisfies Record<string, RateRule>;

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

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number; limit: number };

export interface RateHit {
  rule: RateRule;
  /** Who is counted: an address, a student id, "all". */
  subject: string;
}

/** What the counters are written with: the app's client or a transaction's. */
type RawClient = Pick<Db, '$queryRaw'>;

/**
 * Counts one hit of each rule by its subject, in one statement (one commit),
 * and says whether all are within their limits; when not, the refusal with
 * the longest wait. Pass a transaction's client to count inside it (a refused
 * request then rolls back and is not counted).
 */
export async function hitRateLimits(hits: readonly RateHit[], options: { now?: Date; client?: RawClient } = {}): Promise<RateDecision> {
  const now = options.now ?? new Date();
  const rows = hits.map(({ rule, subject }) => {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    // Hashed, so the table holds no addresses or tokens.
    const key = `${rule.name}:${createHash('sha256').update(subject).digest('base64url').slice(0, 32)}`;
    return { key, rule, windowStart, windowMs, limit: Math.max(1, Math.floor(rule.limit * limitScale())) };
  });
  // Both CASEs read the row as it was; an instance whose clock lags a little
  // counts into the newer window instead of resetting it.
  const counted = await (options.client ?? db()).$queryRaw<{ key: string; count: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES ${Prisma.join(rows.map((r) => Prisma.sql`(${r.key}, ${r.windowStart}, 1)`))}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < excluded."windowStart" THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < excluded."windowStart" THEN excluded."windowStart" ELSE "RateLimit"."windowStart" END
    RETURNING "key", "count"`;
  const counts = new Map(counted.map((c) => [c.key, Number(c.count)]));
  if (Math.random() < 0.005) void sweepExpired(now);
  let refused: RateDecision | null = null;
  let remaining = Infinity;
  for (const r of rows) {
    const count = counts.get(r.key) ?? 1;
    if (count <= r.limit) {
      remaining = Math.min(remaining, r.limit - count);
      continue;
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((r.windowStart.getTime() + r.windowMs - now.getTime()) / 1000));
    if (!refused || (!refused.ok && retryAfterSeconds > refused.retryAfterSeconds)) refused = { ok: false, retryAfterSeconds, limit: r.limit };
  }
  return refused ?? { ok: true, remaining };
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
