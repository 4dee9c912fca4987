import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heavyDesign } from '@/scripts/heavy-design';
import { useTestDatabase } from './test-db';
import { call, newAddress, scaledDesign, scenarioInput, type Handler } from './scenarios-helpers';

/**
 * Submitting through the route with the real grading pool (no stand-in
 * engine): the component cap, and idempotency keys, on SQLite or, with
 * TEST_DATABASE_URL, PostgreSQL.
 */
const routes = {} as Record<'create' | 'join' | 'submit' | 'me', Handler>;
let db: typeof import('@/lib/server/db').db;

beforeAll(async () => {
  await useTestDatabase();
  routes.create = (await import('@/app/api/scenarios/route')).POST;
  routes.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST;
  routes.submit = (await import('@/app/api/scenarios/[slug]/submissions/route')).POST;
  routes.me = (await import('@/app/api/scenarios/[slug]/me/route')).GET;
  ({ db } = await import('@/lib/server/db'));
});

afterAll(async () => {
  await (await import('@/lib/classroom/scenarios/grading-pool')).gradingPool().destroy();
});

async function scenario(): Promise<string> {
  const res = await call(routes.create, { body: scenarioInput(), address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { slug: string }).slug;
}

async function join(slug: string, displayName = 'Ada'): Promise<string> {
  const res = await call(routes.join, { body: { displayName }, params: { slug }, address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { resumeToken: string }).resumeToken;
}

function submit(slug: string, token: string, design: unknown, key?: string) {
  return call(routes.submit, {
    body: { design },
    params: { slug },
    headers: { 'x-student-token': token, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    address: newAddress(),
  });
}

const stored = (slug: string) => db().submission.count({ where: { scenario: { slug } } });

/** A valid design of `components` + 1 nodes: the scenario’s locked Users and database kept, the rest a large design. */
function largeDesign(components: number) {
  const d = heavyDesign(components) as { nodes: { id: string; kind: string; params?: unknown; label?: string; position?: unknown }[]; edges: unknown[] };
  const base = scaledDesign(1);
  d.nodes = d.nodes.filter((n) => n.kind !== 'users' && n.id !== 'db');
  d.nodes.unshift(base.nodes[0], base.nodes[2]);
  return d;
}

describe(`submissions with the grading pool (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('grades a submission in the pool and stores it', async () => {
    const slug = await scenario();
    const res = await submit(slug, await join(slug), scaledDesign(3));
    expect(res.status, await res.clone().text()).toBe(201);
    const { submission } = (await res.json()) as { submission: { id: string; grade: { targets: unknown[] } } };
    expect(submission.grade.targets).toHaveLength(2);
    expect(await stored(slug)).toBe(1);
  });

  it('refuses a design over the component cap with 413 naming the limit, and stores nothing', async () => {
    const slug = await scenario();
    const res = await submit(slug, await join(slug), largeDesign(3_400));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: string; limitComponents: number; limitConnections: number };
    expect(body.error).toMatch(/has 3,401 components .*at most 500 components/);
    expect(body.limitComponents).toBe(500);
    expect(body.limitConnections).toBe(2_000);
    expect(await stored(slug)).toBe(0);
  });

  it('refuses a scenario whose reference design is over the cap (it is graded for the dashboard) with 413', async () => {
    const before = await db().scenario.count();
    const res = await call(routes.create, { body: scenarioInput({}, { referenceDesign: largeDesign(3_400) }), address: newAddress() });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/^The reference design: The design has 3,401 components .*at most 500 components/);
    expect(await db().scenario.count()).toBe(before);
  });

  it('stores a retry with the same Idempotency-Key once and answers the original submission', async () => {
    const slug = await scenario();
    const token = await join(slug);
    const first = await submit(slug, token, scaledDesign(2), 'attempt-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const original = ((await first.json()) as { submission: { id: string; createdAt: string } }).submission;

    const retry = await submit(slug, token, scaledDesign(2), 'attempt-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { submission: unknown }).submission).toEqual(original);
    expect(await stored(slug)).toBe(1);

    // The student's own list shows one submission.
    const me = await call(routes.me, { params: { slug }, headers: { 'x-student-token': token } });
    expect(((await me.json()) as { submissions: { id: string }[] }).submissions.map((s) => s.id)).toEqual([original.id]);

    // A new key is a new submission.
    const next = await submit(slug, token, scaledDesign(2), 'attempt-2');
    expect(next.status).toBe(201);
    expect(((await next.json()) as { submission: { id: string } }).submission.id).not.toBe(original.id);
    expect(await stored(slug)).toBe(2);
  });

  it('stores one row when retries with one key arrive at the same time', async () => {
    const slug = await scenario();
    const token = await join(slug);
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit(slug, token, scaledDesign(2), 'same-key')));
    const ids = new Set<string>();
    for (const res of answers) {
      expect(res.status, await res.clone().text()).toBe(201);
      ids.add(((await res.json()) as { submission: { id: string } }).submission.id);
    }
    expect(ids.size).toBe(1);
    expect(await stored(slug)).toBe(1);
  });

  it('refuses a reused key with a different design with 422 naming the problem, keeping the first', async () => {
    const slug = await scenario();
    const token = await join(slug);
    expect((await submit(slug, token, scaledDesign(2), 'k-1')).status).toBe(201);
    const res = await submit(slug, token, scaledDesign(5), 'k-1');
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/Idempotency-Key was already used for a different design/);
    expect(await stored(slug)).toBe(1);
  });

  it('keeps keys per student: the same key from another student is their own submission', async () => {
    const slug = await scenario();
    const a = await submit(slug, await join(slug, 'Ada'), scaledDesign(2), 'shared');
    const b = await submit(slug, await join(slug, 'Grace'), scaledDesign(2), 'shared');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(await stored(slug)).toBe(2);
  });

  it('refuses a malformed Idempotency-Key with 400 and stores nothing', async () => {
    const slug = await scenario();
    const res = await submit(slug, await join(slug), scaledDesign(2), 'x'.repeat(256));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/Idempotency-Key header must be 1 to 255 visible ASCII characters/);
    expect(await stored(slug)).toBe(0);
  });
});
