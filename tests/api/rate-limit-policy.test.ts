/**
 * The rate-limit policy (lib/classroom/scenarios/rate-limit.ts RATE_RULES, README
 * "Limits and retention"): a flood from a few addresses is stopped by
 * per-address limits, the global backstops still protect the database, and
 * an honest instructor or a class behind one school address is never
 * refused because of someone else's flood. Real requests against the route
 * handlers; where a test needs "a flood from many addresses", it sets the
 * shared counter a real request made to what such a flood leaves behind.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './test-db';
import { call, freshWindow, scaledDesign, scenarioInput, WAITS_FOR_WINDOW, type Handler } from './scenarios-helpers';

vi.mock('@/lib/classroom/scenarios/engine', async () => ({ evaluateDesign: (await import('./scenarios-helpers')).fakeEvaluate }));

// The addresses these tests name arrive as scripts/serve.ts hands them to
// the app: in the x-scalelab-client-address header.

const routes = {} as Record<'create' | 'copy' | 'join' | 'submit', Handler>;
let db: typeof import('@/lib/server/db').db;
let rl: typeof import('@/lib/classroom/scenarios/rate-limit');

let n = 0;
/** A fresh IPv4 documentation address (RFC 5737) per call. */
const newAddress = () => {
  n++;
  return `203.0.${(process.pid % 100) + Math.floor(n / 250)}.${(n % 250) + 1}`;
};

beforeAll(async () => {
  await useTestDatabase();
  routes.create = (await import('@/app/api/scenarios/route')).POST;
  routes.copy = (await import('@/app/api/scenarios/[slug]/copy/route')).POST;
  routes.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST;
  routes.submit = (await import('@/app/api/scenarios/[slug]/submissions/route')).POST;
  ({ db } = await import('@/lib/server/db'));
  rl = await import('@/lib/classroom/scenarios/rate-limit');
  // The same backstops under names only this file uses, so that filling one
  // here cannot refuse another test file sharing a PostgreSQL database.
  for (const rule of Object.values(rl.RATE_RULES)) if ('perSubject' in rule) (rule as { name: string }).name += `-${process.pid}-${Date.now()}`;
});

const createAll = () => rl.RATE_RULES.createScenarioGlobal.name;
const joinAll = () => rl.RATE_RULES.joinGlobal.name;

const createFrom = (address: string) => call(routes.create, { body: scenarioInput(), address });
const joinFrom = (slug: string, address: string, displayName = 'Student') => call(routes.join, { body: { displayName }, params: { slug }, address });

async function newScenario(): Promise<string> {
  const res = await createFrom(newAddress());
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { slug: string }).slug;
}

/** Seconds until the current fixed window of `windowSeconds` ends. */
const windowLeft = (windowSeconds: number) => Math.ceil((windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000))) / 1000);

async function expect429(res: Response, windowSeconds: number) {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const retry = Number(res.headers.get('retry-after'));
  expect(Math.abs(retry - windowLeft(windowSeconds)), `Retry-After ${retry} is the end of the ${windowSeconds} s window`).toBeLessThanOrEqual(2);
  const body = (await res.json()) as { error: string; retryAfterSeconds: number };
  expect(body.retryAfterSeconds).toBe(retry);
  expect(body.error).toContain(`${retry} s`);
}

const counterOf = async (name: string) => (await db().rateLimit.findUnique({ where: { key: rl.counterKey(name, 'all') } }))?.count ?? 0;

/**
 * Makes a shared counter read `count`, as a flood from many addresses
 * would leave it: counts one real hit (so the row is in the current
 * window) and sets the count. Answers a function that puts back what was there.
 */
async function fillShared(name: string, windowSeconds: number, count: number): Promise<() => Promise<void>> {
  const before = await counterOf(name);
  await rl.hitRateLimit({ name, limit: Number.MAX_SAFE_INTEGER, windowSeconds }, 'all');
  const key = rl.counterKey(name, 'all');
  await db().rateLimit.update({ where: { key }, data: { count } });
  return async () => {
    await db().rateLimit.update({ where: { key }, data: { count: before } });
  };
}

describe(`rate-limit policy (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, { timeout: WAITS_FOR_WINDOW }, () => {
  it('stops a flood from a few addresses at 20 scenarios an hour each, without touching the global counters; an honest instructor goes on', async () => {
    await freshWindow(3600, 120);
    const flooders = [newAddress(), newAddress(), newAddress()];
    const ceilingBefore = await counterOf(createAll());
    for (const address of flooders) {
      for (let i = 0; i < 20; i++) expect((await createFrom(address)).status).toBe(201);
      // Hammering on: every attempt is refused with the wait to the hour's end.
      for (let i = 0; i < 30; i++) await expect429(await createFrom(address), 3600);
    }
    // Only the 60 admitted creations reached the backstop, not the 90 refused ones.
    expect((await counterOf(createAll())) - ceilingBefore).toBe(60);
    const honest = await createFrom(newAddress());
    expect(honest.status).toBe(201);
  });

  it('when a flood from many addresses used up the shared pool, an instructor within the fair share of 5 still creates (and copies a sample); beyond it, 429', async () => {
    await freshWindow(3600, 60);
    const restore = await fillShared(`${createAll()}-over`, 3600, 500); // the pool beyond fair shares, used up
    try {
      const instructor = newAddress();
      for (let i = 0; i < 4; i++) expect((await createFrom(instructor)).status).toBe(201);
      const copied = await call(routes.copy, { params: { slug: 'sample-scale-out' }, address: instructor, headers: { 'content-type': 'application/json' } });
      expect(copied.status, await copied.clone().text()).toBe(201);
      // Its 6th in the hour is beyond its fair share, and the pool is empty.
      await expect429(await createFrom(instructor), 3600);
      // Another honest instructor is untouched.
      for (let i = 0; i < 5; i++) expect((await createFrom(newAddress())).status).toBe(201);
    } finally {
      await restore();
    }
  });

  it('the ceiling of 5,000 scenarios an hour from everyone protects the database: then every request gets 429 with Retry-After', async () => {
    const restore = await fillShared(createAll(), 3600, 5000);
    try {
      const title = `Refused at the ceiling ${process.pid}`;
      await expect429(await call(routes.create, { body: scenarioInput({ title }), address: newAddress() }), 3600);
      expect(await db().scenario.count({ where: { title } })).toBe(0);
    } finally {
      await restore();
    }
    expect((await createFrom(newAddress())).status).toBe(201);
  });

  it('lets a class of 200 join and submit from one school address while a flood from other addresses used up the shared join pool', async () => {
    const slug = await newScenario();
    const school = newAddress();
    await freshWindow(600, 90);
    const restore = await fillShared(`${joinAll()}-over`, 600, 2000);
    try {
      const tokens: string[] = [];
      for (let i = 0; i < 200; i++) {
        const res = await joinFrom(slug, school, `Student ${i + 1}`);
        expect(res.status, await res.clone().text()).toBe(201);
        tokens.push(((await res.json()) as { resumeToken: string }).resumeToken);
      }
      for (const token of tokens) {
        const res = await call(routes.submit, { body: { design: scaledDesign(2) }, params: { slug }, headers: { 'x-student-token': token }, address: school });
        expect(res.status, await res.clone().text()).toBe(201);
      }
      expect(await db().submission.count({ where: { scenario: { slug } } })).toBe(200);
    } finally {
      await restore();
    }
  });

  it('bounds a leaderboard flood: one address adds at most 250 students to one scenario an hour and joins at most 300 in 10 minutes', async () => {
    const target = await newScenario();
    const other = await newScenario();
    const flooder = newAddress();
    await freshWindow(3600, 90);
    await freshWindow(600, 90);
    for (let i = 0; i < 250; i++) expect((await joinFrom(target, flooder, `Fake ${i}`)).status).toBe(201);
    await expect429(await joinFrom(target, flooder, 'Fake 251'), 3600);
    expect(await db().student.count({ where: { scenario: { slug: target } } })).toBe(250);
    // The class itself, from its own address, still joins.
    expect((await joinFrom(target, newAddress(), 'Real student')).status).toBe(201);
    // The flooder can still join another scenario, up to 300 joins in 10 minutes in all (251 counted so far).
    for (let i = 0; i < 49; i++) expect((await joinFrom(other, flooder, `Fake ${i}`)).status).toBe(201);
    await expect429(await joinFrom(other, flooder, 'One more'), 600);
    expect(await db().student.count({ where: { scenario: { slug: other } } })).toBe(49);
  });

  it('the join ceiling of 20,000 in 10 minutes from everyone protects the database: then 429 with Retry-After', async () => {
    const slug = await newScenario();
    const restore = await fillShared(joinAll(), 600, 20_000);
    try {
      await expect429(await joinFrom(slug, newAddress()), 600);
    } finally {
      await restore();
    }
    expect((await joinFrom(slug, newAddress())).status).toBe(201);
  });

  it('takes 2,000 submissions a minute from one school address, then 429 until the minute ends; other addresses go on', async () => {
    const slug = await newScenario();
    const school = newAddress();
    // Names are unique within a scenario.
    const join = async (address: string, name: string) => ((await (await joinFrom(slug, address, name)).json()) as { resumeToken: string }).resumeToken;
    const [a, b] = [await join(school, 'Student A'), await join(school, 'Student B')];
    const elsewhere = await join(newAddress(), 'Student C');
    const send = (token: string, address: string) =>
      call(routes.submit, { body: { design: scaledDesign(2) }, params: { slug }, headers: { 'x-student-token': token }, address });
    await freshWindow(60, 20);
    expect((await send(a, school)).status).toBe(201);
    // As if the class had sent 1,999 more this minute (the counter the real submission made).
    const key = rl.counterKey(rl.RATE_RULES.submitAddress.name, school);
    await db().rateLimit.update({ where: { key }, data: { count: 2000 } });
    const before = await db().submission.count({ where: { scenario: { slug } } });
    await expect429(await send(b, school), 60);
    expect(await db().submission.count({ where: { scenario: { slug } } })).toBe(before); // refused in the same transaction: nothing stored
    expect((await send(elsewhere, newAddress())).status).toBe(201);
  });

  it('counts an IPv6 client by its /64, so rotating addresses inside it does not escape the per-address limit', async () => {
    await freshWindow(3600, 60);
    const g4 = Date.now() % 65_000;
    const at = (group: number) => `2001:db8:${(process.pid % 65_000).toString(16)}:${group.toString(16)}`;
    const prefix = at(g4);
    for (let i = 1; i <= 20; i++) expect((await createFrom(`${prefix}::${i.toString(16)}`)).status).toBe(201);
    await expect429(await createFrom(`${prefix}:0:ffff:abcd:1`), 3600);
    await expect429(await createFrom(`${prefix.toUpperCase()}:0000::99`), 3600);
    expect((await createFrom(`${at(g4 + 1)}::1`)).status).toBe(201); // the next /64 is another customer
  });
});
