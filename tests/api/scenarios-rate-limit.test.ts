import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '@/lib/server/client-address';
import { useTestDatabase } from './test-db';

let rl: typeof import('@/lib/classroom/scenarios/rate-limit');
let dbUrl = '';

beforeAll(async () => {
  dbUrl = (await useTestDatabase()).url;
  rl = await import('@/lib/classroom/scenarios/rate-limit');
});

const subject = () => `subject-${process.pid}-${Date.now()}-${Math.random()}`;

describe(`rate limits in the database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('counts by the address the app server handed over, never by X-Forwarded-For', () => {
    const req = (headers: Record<string, string>) => new Request('http://app/api', { headers });
    expect(rl.clientAddress(req({ [CLIENT_ADDRESS_HEADER]: '10.0.0.7' }))).toBe('10.0.0.7');
    // A forged header that reached the route (no app server in front) moves nobody.
    expect(rl.clientAddress(req({ 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.7' }))).toBe('unknown');
    expect(rl.clientAddress(req({ [CLIENT_ADDRESS_HEADER]: '10.0.0.7', 'x-forwarded-for': '6.6.6.6' }))).toBe('10.0.0.7');
  });

  it('lets exactly `limit` of many simultaneous hits through', async () => {
    const rule = { name: 'test-burst', limit: 20, windowSeconds: 60 };
    const who = subject();
    const decisions = await Promise.all(Array.from({ length: 60 }, () => rl.hitRateLimit(rule, who)));
    expect(decisions.filter((d) => d.ok)).toHaveLength(20);
    const refused = decisions.find((d) => !d.ok);
    expect(refused).toMatchObject({ ok: false, limit: 20 });
  });

  it('starts counting again in the next window and says when that is', async () => {
    const rule = { name: 'test-window', limit: 2, windowSeconds: 60 };
    const who = subject();
    const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 45_000); // 15 s before the window ends
    expect((await rl.hitRateLimit(rule, who, t0)).ok).toBe(true);
    expect((await rl.hitRateLimit(rule, who, t0)).ok).toBe(true);
    expect(await rl.hitRateLimit(rule, who, t0)).toEqual({ ok: false, retryAfterSeconds: 15, limit: 2, rule: 'test-window' });
    const next = new Date(t0.getTime() + 20_000);
    expect(await rl.hitRateLimit(rule, who, next)).toEqual({ ok: true, remaining: 1 });
    // A lagging clock (another instance) counts into the newer window instead of resetting it.
    expect(await rl.hitRateLimit(rule, who, t0)).toEqual({ ok: true, remaining: 0 });
    expect((await rl.hitRateLimit(rule, who, next)).ok).toBe(false);
  });

  it('holds across separate database clients, as across app instances', async () => {
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const { PrismaClient: SqliteClient } = await import('@/lib/generated/sqlite/client');
    const { PrismaClient: PgClient } = await import('@/lib/generated/postgres/client');
    const other = dbUrl.startsWith('file:')
      ? new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: dbUrl, timeout: 10_000 }) })
      : new PgClient({ adapter: new PrismaPg({ connectionString: dbUrl }) });
    const rule = { name: 'test-shared', limit: 10, windowSeconds: 60 };
    const who = subject();
    // Five hits through this process's client…
    for (let i = 0; i < 5; i++) expect((await rl.hitRateLimit(rule, who)).ok).toBe(true);
    // …then the same counter is found through the other client.
    const { createHash } = await import('node:crypto');
    const key = `test-shared:${createHash('sha256').update(who).digest('base64url').slice(0, 32)}`;
    const row = await (other as unknown as import('@/lib/server/db').Db).rateLimit.findUnique({ where: { key } });
    expect(row?.count).toBe(5);
    await other.$disconnect();
    for (let i = 0; i < 5; i++) expect((await rl.hitRateLimit(rule, who)).ok).toBe(true);
    expect((await rl.hitRateLimit(rule, who)).ok).toBe(false);
  });

  it('counts a backstop only for hits the per-subject rule admitted, and refuses from the over-share pool only subjects beyond their fair share', async () => {
    const name = `test-pool-${process.pid}-${Date.now()}`;
    const perSubject = { name: `${name}-each`, limit: 4, windowSeconds: 3600 };
    const backstop = { name, windowSeconds: 3600, limit: 10, perSubject, fairShare: 2, overShareLimit: 3 };
    const t0 = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 1000);
    const hit = (who: string) => rl.hitRateLimits([{ rule: perSubject, subject: who }, { rule: backstop, subject: 'all' }], { now: t0 });
    // A flood from one subject: 2 within its share, 2 beyond (pool 2 of 3), then refused by its own limit.
    expect((await Promise.all([hit('a'), hit('a'), hit('a'), hit('a')])).every((d) => d.ok)).toBe(true);
    for (let i = 0; i < 20; i++) expect(await hit('a')).toMatchObject({ ok: false, limit: 4, rule: perSubject.name });
    // Subject b: its first two are within its share; the third takes the pool's last; the fourth is refused by the pool.
    expect((await hit('b')).ok).toBe(true);
    expect((await hit('b')).ok).toBe(true);
    expect((await hit('b')).ok).toBe(true);
    expect(await hit('b')).toEqual({ ok: false, limit: 3, rule: `${name}-over`, retryAfterSeconds: 3599 });
    // c and d, within their shares, are not refused by the empty pool…
    for (const who of ['c', 'c', 'd']) expect((await hit(who)).ok).toBe(true);
    // …until the ceiling (10 admitted hits from everyone: a 4, b 3, c 2, d 1) refuses everyone.
    expect(await hit('e')).toEqual({ ok: false, limit: 10, rule: name, retryAfterSeconds: 3599 });
    // Neither the 20 hits a's own limit refused nor the one the pool refused reached the ceiling: 10 admitted and e's.
    const { createHash } = await import('node:crypto');
    const key = `${name}:${createHash('sha256').update('all').digest('base64url').slice(0, 32)}`;
    expect(rl.counterKey(name, 'all')).toBe(key);
    const { db } = await import('@/lib/server/db');
    expect((await db().rateLimit.findUnique({ where: { key } }))?.count).toBe(11);
  });

  it('counts IPv6 addresses by their /64 and IPv4-mapped ones as IPv4', () => {
    expect(rl.addressSubject('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(rl.addressSubject('198.51.100.7')).toBe('198.51.100.7');
    expect(rl.addressSubject('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(rl.addressSubject('2001:DB8:0001:0002::ffff')).toBe('2001:db8:1:2::/64');
    expect(rl.addressSubject('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(rl.addressSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rl.addressSubject('::1')).toBe('0:0:0:0::/64');
    expect(rl.addressSubject('unknown')).toBe('unknown');
    expect(rl.addressSubject('10.0.0.7-123-456')).toBe('10.0.0.7-123-456');
  });

  it('sweeps counters whose window ended long ago', async () => {
    const rule = { name: 'test-sweep', limit: 1, windowSeconds: 60 };
    await rl.hitRateLimit(rule, subject(), new Date(Date.now() - 3 * 86_400_000));
    expect(await rl.sweepExpired()).toBeGreaterThanOrEqual(1);
  });
});
