import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './test-db';
import { baseDesign, call, freshWindow, WAITS_FOR_WINDOW, newAddress, scaledDesign, scenarioInput, type Handler } from './scenarios-helpers';

vi.mock('@/lib/classroom/scenarios/engine', async () => ({ evaluateDesign: (await import('./scenarios-helpers')).fakeEvaluate }));
vi.mock('@/lib/classroom/scenarios/grading-pool', async (importOriginal) => (await import('./scenarios-helpers')).gradingPoolWithFakeEngine(importOriginal));

const routes = {} as Record<
  'create' | 'read' | 'join' | 'me' | 'submit' | 'leaderboard' | 'copy' | 'manage' | 'patch' | 'remove' | 'rotate' | 'exportCsv' | 'detail',
  Handler
>;
let db: typeof import('@/lib/server/db').db;

beforeAll(async () => {
  await useTestDatabase();
  routes.create = (await import('@/app/api/scenarios/route')).POST;
  routes.read = (await import('@/app/api/scenarios/[slug]/route')).GET;
  routes.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST;
  routes.me = (await import('@/app/api/scenarios/[slug]/me/route')).GET;
  routes.submit = (await import('@/app/api/scenarios/[slug]/submissions/route')).POST;
  routes.leaderboard = (await import('@/app/api/scenarios/[slug]/leaderboard/route')).GET;
  routes.copy = (await import('@/app/api/scenarios/[slug]/copy/route')).POST;
  const manage = await import('@/app/api/scenarios/[slug]/manage/route');
  routes.manage = manage.GET;
  routes.patch = manage.PATCH;
  routes.remove = manage.DELETE;
  routes.rotate = (await import('@/app/api/scenarios/[slug]/manage/key/route')).POST;
  routes.exportCsv = (await import('@/app/api/scenarios/[slug]/manage/export/route')).GET;
  routes.detail = (await import('@/app/api/scenarios/[slug]/manage/submissions/[id]/route')).GET;
  ({ db } = await import('@/lib/server/db'));
});

interface Created {
  slug: string;
  manageKey: string;
  studentUrl: string;
  manageUrl: string;
}

async function create(input: unknown = scenarioInput(), address = newAddress()): Promise<Created> {
  const res = await call(routes.create, { body: input, address });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Created;
}

async function join(slug: string, displayName = 'Ada'): Promise<string> {
  const res = await call(routes.join, { body: { displayName }, params: { slug }, address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { resumeToken: string }).resumeToken;
}

function submit(slug: string, token: string | null, design: unknown = scaledDesign(2), address = newAddress()) {
  return call(routes.submit, { body: { design }, params: { slug }, headers: token ? { 'x-student-token': token } : {}, address });
}

function manage(slug: string, key: string, query = '') {
  return call(routes.manage, { params: { slug }, headers: { 'x-manage-key': key }, url: `http://test.local/api/scenarios/${slug}/manage${query}` });
}

async function submissionCount(slug: string): Promise<number> {
  return db().submission.count({ where: { scenario: { slug } } });
}

describe(`scenarios API (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  describe('creating', () => {
    it('answers the student and manage links; stores only a SHA-256 hash of a 256-bit key', async () => {
      const created = await create();
      expect(created.slug).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 random bits
      expect(created.manageKey).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
      expect(created.studentUrl).toBe(`/s/${created.slug}`);
      expect(created.manageUrl).toBe(`/s/${created.slug}/manage#key=${created.manageKey}`);
      const row = await db().scenario.findUniqueOrThrow({ where: { slug: created.slug } });
      expect(row.manageKeyHash).toBe(createHash('sha256').update(created.manageKey).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(created.manageKey);
    });

    it('gives every scenario a different slug and key', async () => {
      const a = await create();
      const b = await create();
      expect(a.slug).not.toBe(b.slug);
      expect(a.manageKey).not.toBe(b.manageKey);
    });

    it('answers 400 for malformed JSON and an empty body, storing nothing', async () => {
      const before = await db().scenario.count();
      const res = await call(routes.create, { rawBody: '{"title": "x", "brief": ', address: newAddress() });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/not valid JSON/);
      expect((await call(routes.create, { rawBody: '', address: newAddress() })).status).toBe(400);
      expect(await db().scenario.count()).toBe(before);
    });

    it('answers 422 naming each invalid field, storing nothing', async () => {
      const before = await db().scenario.count();
      const bad = scenarioInput({ title: '   ' }, { targets: [{ type: 'stage', stage: 9 }], allowedKinds: ['mainframe'], scoreVisibility: 'sometimes' });
      const res = await call(routes.create, { body: bad, address: newAddress() });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
      const paths = body.issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['title', 'config.targets[0].stage', 'config.allowedKinds[0]', 'config.scoreVisibility']));
      expect(body.error).toContain('title: title must not be empty');
      expect(await db().scenario.count()).toBe(before);
    });

    it('checks the starting design like any design, and locked nodes against it', async () => {
      const badDesign = structuredClone(baseDesign) as { nodes: { params?: unknown }[] };
      badDesign.nodes[1].params = { instances: 0 };
      const res = await call(routes.create, { body: scenarioInput({}, { startingDesign: badDesign, lockedNodeIds: ['users', 'ghost'] }), address: newAddress() });
      expect(res.status).toBe(422);
      const { issues } = (await res.json()) as { issues: { path: string; message: string }[] };
      expect(issues).toContainEqual({ path: 'config.startingDesign.nodes[1].params.instances', message: 'instances must be at least 1' });
      const res2 = await call(routes.create, { body: scenarioInput({}, { lockedNodeIds: ['users', 'ghost'] }), address: newAddress() });
      expect(((await res2.json()) as { issues: { path: string; message: string }[] }).issues).toContainEqual({
        path: 'config.lockedNodeIds[1]',
        message: 'locked node "ghost" is not in the starting design',
      });
    });

    it('refuses unknown fields rather than storing them', async () => {
      const res = await call(routes.create, { body: { ...scenarioInput(), isSample: true }, address: newAddress() });
      expect(res.status).toBe(422);
    });

    it('answers 413 for a brief over 20 KB and a design over 512 KB', async () => {
      const before = await db().scenario.count();
      const briefRes = await call(routes.create, { body: scenarioInput({ brief: 'é'.repeat(10 * 1024 + 1) }), address: newAddress() });
      expect(briefRes.status).toBe(413);
      expect(((await briefRes.json()) as { error: string }).error).toMatch(/brief is larger than 20 KB/);
      const huge = { ...baseDesign, name: 'x'.repeat(100), nodes: [...baseDesign.nodes, ...Array.from({ length: 6000 }, (_, i) => ({ id: `n${i}`, kind: 'cache', label: 'padding'.repeat(10) }))] };
      const designRes = await call(routes.create, { body: scenarioInput({}, { referenceDesign: huge }), address: newAddress() });
      expect(designRes.status).toBe(413);
      expect(((await designRes.json()) as { error: string }).error).toMatch(/reference design is larger than 512 KB/);
      const bodyRes = await call(routes.create, { rawBody: JSON.stringify({ title: 'x', brief: 'y'.repeat(2 * 1024 * 1024) }), address: newAddress() });
      expect(bodyRes.status).toBe(413);
      expect(await db().scenario.count()).toBe(before);
    });

    it('stores titles and briefs with markup verbatim, as text', async () => {
      const payload = '<script>alert(1)</script><img src=x onerror=alert(1)>';
      const created = await create(scenarioInput({ title: `Title ${payload}`, brief: `# Brief\n\n${payload}\n\n[x](javascript:alert(1))` }));
      const res = await call(routes.read, { params: { slug: created.slug } });
      const body = (await res.json()) as { title: string; brief: string };
      expect(body.title).toBe(`Title ${payload}`);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
    });

    it('limits scenarios created from one address (429 with Retry-After), counted in the database', { timeout: WAITS_FOR_WINDOW }, async () => {
      const address = newAddress();
      await freshWindow(3600, 30);
      for (let i = 0; i < 20; i++) await create(scenarioInput(), address);
      const res = await call(routes.create, { body: scenarioInput(), address });
      expect(res.status).toBe(429);
      const retry = Number(res.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(3600);
      // Another address is not affected.
      await create(scenarioInput(), newAddress());
    });
  });

  describe('students', () => {
    it('shows the scenario to students without the reference design or any secret', async () => {
      const created = await create();
      const res = await call(routes.read, { params: { slug: created.slug } });
      expect(res.status).toBe(200);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body.title).toBe('Scale the shop');
      expect(body).not.toHaveProperty('referenceDesign');
      expect(body).not.toHaveProperty('manageKeyHash');
      expect(body.lockedNodeIds).toEqual(['users', 'db']);
      expect(body.allowedKinds).toEqual(['users', 'load-balancer', 'app-server', 'cache', 'database']);
      expect(body.targets).toMatchObject([
        { key: 'users-100000', users: 100_000, slo: { p95ReadMs: 300 } },
        { key: 'users-200000', users: 200_000 },
      ]);
      expect(JSON.stringify(body)).not.toContain(created.manageKey);
    });

    it('answers 404 for an unknown or malformed slug', async () => {
      expect((await call(routes.read, { params: { slug: 'doesNotExist1234567890' } })).status).toBe(404);
      expect((await call(routes.read, { params: { slug: '../../etc/passwd' } })).status).toBe(404);
    });

    it('validates display names', async () => {
      const { slug } = await create();
      for (const displayName of ['', '   ', 'a'.repeat(61), 'bad\u0000name', 'evil\u202Eeman', 42]) {
        const res = await call(routes.join, { body: { displayName }, params: { slug }, address: newAddress() });
        expect(res.status, JSON.stringify(displayName)).toBe(422);
      }
      expect((await call(routes.join, { rawBody: 'not json', params: { slug }, address: newAddress() })).status).toBe(400);
      expect(await db().student.count({ where: { scenario: { slug } } })).toBe(0);
    });

    it('grades and stores a submission; every submission is kept and the latest counts', async () => {
      const { slug, manageKey } = await create();
      const token = await join(slug, 'Ada');
      const first = await submit(slug, token, scaledDesign(1));
      expect(first.status).toBe(201);
      const firstBody = (await first.json()) as { submission: { id: string; score: number; passed: boolean; grade: { targets: unknown[] } } };
      expect(firstBody.submission.grade.targets).toHaveLength(2);
      expect(firstBody.submission.passed).toBe(false); // 1 instance saturates at 200K in the stand-in
      const second = await submit(slug, token, scaledDesign(4));
      const secondBody = (await second.json()) as { submission: { id: string; score: number; passed: boolean } };
      expect(secondBody.submission.passed).toBe(true);
      expect(secondBody.submission.score).toBeGreaterThan(firstBody.submission.score);
      expect(await submissionCount(slug)).toBe(2);

      const latest = (await (await manage(slug, manageKey)).json()) as { submissions: { id: string; attempts: number; displayName: string }[] };
      expect(latest.submissions).toHaveLength(1);
      expect(latest.submissions[0]).toMatchObject({ id: secondBody.submission.id, attempts: 2, displayName: 'Ada' });
      const all = (await (await manage(slug, manageKey, '?all=1')).json()) as { submissions: { id: string; latest: boolean }[] };
      expect(all.submissions.map((s) => [s.id, s.latest])).toEqual([
        [secondBody.submission.id, true],
        [firstBody.submission.id, false],
      ]);
    });

    it('lets a student resume: their own submissions and latest design, nobody else’s', async () => {
      const { slug } = await create();
      const ada = await join(slug, 'Ada');
      const bob = await join(slug, 'Bob');
      await submit(slug, ada, scaledDesign(3));
      const adaMe = (await (await call(routes.me, { params: { slug }, headers: { 'x-student-token': ada } })).json()) as {
        student: { displayName: string };
        submissions: unknown[];
        latestDesign: { nodes: { params?: { instances?: number } }[] };
      };
      expect(adaMe.student.displayName).toBe('Ada');
      expect(adaMe.submissions).toHaveLength(1);
      expect(adaMe.latestDesign.nodes[1].params?.instances).toBe(3);
      const bobMe = (await (await call(routes.me, { params: { slug }, headers: { 'x-student-token': bob } })).json()) as {
        submissions: unknown[];
        latestDesign: unknown;
      };
      expect(bobMe.submissions).toEqual([]);
      expect(bobMe.latestDesign).toBeNull();
    });

    it('refuses a missing, wrong or other scenario’s token with 404, storing nothing', async () => {
      const a = await create();
      const b = await create();
      const tokenForB = await join(b.slug);
      const notFound = [
        await submit(a.slug, null),
        await submit(a.slug, 'x'.repeat(43)),
        await submit(a.slug, tokenForB),
        await call(routes.me, { params: { slug: a.slug }, headers: { 'x-student-token': tokenForB } }),
      ];
      for (const res of notFound) expect(res.status).toBe(404);
      expect(await submissionCount(a.slug)).toBe(0);
    });

    it('refuses designs that break the scenario’s rules with 422, storing nothing', async () => {
      const { slug } = await create();
      const token = await join(slug);
      const withQueue = structuredClone(baseDesign);
      withQueue.nodes.push({ id: 'q', kind: 'queue' });
      const res = await submit(slug, token, withQueue);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { issues: { path: string; message: string }[] }).issues[0]).toMatchObject({ path: 'nodes[3].kind' });

      const movedDb = structuredClone(baseDesign);
      movedDb.nodes[2].position = { x: 999, y: 0 };
      const moved = await submit(slug, token, movedDb);
      expect(moved.status).toBe(422);
      expect(((await moved.json()) as { error: string }).error).toMatch(/node "db" is locked; its position cannot change/);

      const resized = structuredClone(baseDesign);
      resized.nodes[2].params = { size: 'xlarge' };
      expect((await submit(slug, token, resized)).status).toBe(422);

      const removed = structuredClone(baseDesign);
      removed.nodes = removed.nodes.filter((n) => n.id !== 'db');
      removed.edges = removed.edges.filter((e) => e.target !== 'db');
      expect((await submit(slug, token, removed)).status).toBe(422);

      const invalidDesign = await submit(slug, token, { schemaVersion: 1, nodes: [{ id: 'a', kind: 'users' }], edges: [{ id: 'e', source: 'a', target: 'zzz' }] });
      expect(invalidDesign.status).toBe(422);
      expect(((await invalidDesign.json()) as { issues: { path: string }[] }).issues[0].path).toBe('design.edges[0].target');

      expect((await call(routes.submit, { rawBody: '{"design":', params: { slug }, headers: { 'x-student-token': token } })).status).toBe(400);
      expect((await call(routes.submit, { body: { design: baseDesign, extra: 1 }, params: { slug }, headers: { 'x-student-token': token } })).status).toBe(422);
      expect(await submissionCount(slug)).toBe(0);
    });

    it('refuses an empty design or Users alone with 422 naming the problem, storing nothing', async () => {
      // No starting design and no locked nodes: only the empty-design rule can refuse these.
      const { slug } = await create(scenarioInput({}, { startingDesign: undefined, lockedNodeIds: [] }));
      const token = await join(slug);
      const empty = await submit(slug, token, { schemaVersion: 1, nodes: [], edges: [] });
      expect(empty.status).toBe(422);
      const emptyBody = (await empty.json()) as { error: string; issues: { path: string; message: string }[] };
      expect(emptyBody.error).toMatch(/nothing to grade/i);
      expect(emptyBody.issues[0]).toMatchObject({ path: 'nodes', message: expect.stringMatching(/^The canvas is empty/) });
      const usersOnly = await submit(slug, token, { schemaVersion: 1, nodes: [{ id: 'users', kind: 'users' }], edges: [] });
      expect(usersOnly.status).toBe(422);
      expect(((await usersOnly.json()) as { issues: { message: string }[] }).issues[0].message).toMatch(/^Your design has only Users/);
      expect(await submissionCount(slug)).toBe(0);
      expect((await submit(slug, token, scaledDesign(2))).status).toBe(201);
    });

    it('answers 413 for a design over 512 KB, storing nothing', async () => {
      const { slug } = await create();
      const token = await join(slug);
      const big = structuredClone(baseDesign);
      big.name = 'x'.repeat(200);
      for (let i = 0; i < 9000; i++) big.nodes.push({ id: `cache-${i}`, kind: 'cache', label: 'a cache node label here' });
      expect((await submit(slug, token, big)).status).toBe(413);
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode(JSON.stringify({ design: big })));
          c.close();
        },
      });
      expect((await call(routes.submit, { rawBody: stream, params: { slug }, headers: { 'x-student-token': token } })).status).toBe(413);
      expect(await submissionCount(slug)).toBe(0);
    });

    it('limits submissions per student (429 with Retry-After)', { timeout: WAITS_FOR_WINDOW }, async () => {
      const { slug } = await create();
      const token = await join(slug);
      await freshWindow(60, 20);
      for (let i = 0; i < 30; i++) expect((await submit(slug, token)).status).toBe(201);
      const res = await submit(slug, token);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await submissionCount(slug)).toBe(30);
      // Another student is not held back.
      expect((await submit(slug, await join(slug, 'Other'))).status).toBe(201);
    });

    it('stores all of 200 simultaneous submissions', async () => {
      const { slug, manageKey } = await create();
      const tokens = await Promise.all(Array.from({ length: 200 }, (_, i) => join(slug, `Student ${i + 1}`)));
      const address = newAddress();
      const results = await Promise.all(tokens.map((t, i) => submit(slug, t, scaledDesign((i % 4) + 1), address)));
      expect(results.map((r) => r.status)).toEqual(Array(200).fill(201));
      const ids = await Promise.all(results.map(async (r) => ((await r.json()) as { submission: { id: string } }).submission.id));
      expect(new Set(ids).size).toBe(200);
      expect(await submissionCount(slug)).toBe(200);
      const listed = (await (await manage(slug, manageKey)).json()) as { submissions: { id: string }[] };
      expect(new Set(listed.submissions.map((s) => s.id))).toEqual(new Set(ids));
    });
  });

  describe('score visibility and the leaderboard', () => {
    it('hides scores until released when the scenario says so', async () => {
      const { slug, manageKey } = await create(scenarioInput({}, { scoreVisibility: 'after-release' }));
      const token = await join(slug);
      const res = await submit(slug, token, scaledDesign(4));
      const { submission } = (await res.json()) as { submission: { score: unknown; passed: unknown; grade: unknown } };
      expect(submission).toMatchObject({ score: null, passed: null, grade: null });
      const me = async () =>
        ((await (await call(routes.me, { params: { slug }, headers: { 'x-student-token': token } })).json()) as { submissions: { score: number | null }[] })
          .submissions[0].score;
      expect(await me()).toBeNull();
      expect((await call(routes.leaderboard, { params: { slug } })).status).toBe(404);
      // The instructor sees the score all along.
      const dash = (await (await manage(slug, manageKey)).json()) as { submissions: { score: number }[] };
      expect(dash.submissions[0].score).toBeGreaterThan(0);

      const patch = await call(routes.patch, { method: 'PATCH', body: { scoresReleased: true }, params: { slug }, headers: { 'x-manage-key': manageKey } });
      expect(patch.status).toBe(200);
      expect(await me()).toBe(dash.submissions[0].score);
      expect((await call(routes.leaderboard, { params: { slug } })).status).toBe(200);
    });

    it('shows names and latest scores only on the leaderboard', async () => {
      const { slug } = await create();
      const ada = await join(slug, 'Ada');
      const bob = await join(slug, 'Bob');
      await submit(slug, ada, scaledDesign(1));
      await submit(slug, bob, scaledDesign(4));
      await submit(slug, ada, scaledDesign(2));
      const res = await call(routes.leaderboard, { params: { slug } });
      const { entries } = (await res.json()) as { entries: Record<string, unknown>[] };
      expect(entries.map((e) => e.displayName)).toEqual(['Bob', 'Ada']);
      for (const e of entries) expect(Object.keys(e).sort()).toEqual(['displayName', 'rank', 'score']);
    });

    it('has no leaderboard unless the instructor turns it on', async () => {
      const { slug } = await create(scenarioInput({}, { leaderboard: false }));
      expect((await call(routes.leaderboard, { params: { slug } })).status).toBe(404);
    });
  });

  describe('managing', () => {
    it('answers 404 alike for a wrong key, a student token and an unknown scenario', async () => {
      const { slug, manageKey } = await create();
      const token = await join(slug);
      const answers = [
        await manage(slug, 'A'.repeat(43)),
        await manage(slug, token),
        await manage(slug, ''),
        await manage(slug, manageKey.slice(0, -1)),
        await manage('unknownScenario12345678', manageKey),
        await call(routes.manage, { params: { slug } }),
      ];
      const bodies = await Promise.all(answers.map((r) => r.text()));
      for (const r of answers) expect(r.status).toBe(404);
      expect(new Set(bodies).size).toBe(1);
      expect((await manage(slug, manageKey)).status).toBe(200);
    });

    it('rotates the key: the old one stops working at once', async () => {
      const { slug, manageKey } = await create();
      const res = await call(routes.rotate, { method: 'POST', params: { slug }, headers: { 'x-manage-key': manageKey } });
      expect(res.status).toBe(200);
      const { manageKey: fresh, manageUrl } = (await res.json()) as { manageKey: string; manageUrl: string };
      expect(fresh).not.toBe(manageKey);
      expect(manageUrl).toBe(`/s/${slug}/manage#key=${fresh}`);
      expect((await manage(slug, manageKey)).status).toBe(404);
      expect((await manage(slug, fresh)).status).toBe(200);
      expect((await call(routes.rotate, { method: 'POST', params: { slug }, headers: { 'x-manage-key': manageKey } })).status).toBe(404);
    });

    it('closes and reopens submissions; a passed deadline closes them too', async () => {
      const { slug, manageKey } = await create();
      const token = await join(slug);
      const patch = (body: unknown) => call(routes.patch, { method: 'PATCH', body, params: { slug }, headers: { 'x-manage-key': manageKey } });
      expect((await patch({ status: 'closed' })).status).toBe(200);
      const closed = await submit(slug, token);
      expect(closed.status).toBe(409);
      expect(((await closed.json()) as { error: string }).error).toMatch(/closed/);
      expect((await patch({ status: 'open' })).status).toBe(200);
      expect((await submit(slug, token)).status).toBe(201);
      expect((await patch({ deadline: new Date(Date.now() - 1000).toISOString() })).status).toBe(200);
      expect((await submit(slug, token)).status).toBe(409);
      const view = (await (await call(routes.read, { params: { slug } })).json()) as { acceptingSubmissions: boolean; closedReason: string };
      expect(view.acceptingSubmissions).toBe(false);
      expect(view.closedReason).toMatch(/deadline/);
      expect((await patch({ deadline: null })).status).toBe(200);
      expect((await submit(slug, token)).status).toBe(201);
      expect((await patch({})).status).toBe(422);
      expect((await patch({ status: 'archived' })).status).toBe(422);
    });

    it('opens one submission read-only with its grade and the reference', async () => {
      const { slug, manageKey } = await create();
      const token = await join(slug, 'Ada');
      const { submission } = (await (await submit(slug, token, scaledDesign(2))).json()) as { submission: { id: string } };
      const res = await call(routes.detail, { params: { slug, id: submission.id }, headers: { 'x-manage-key': manageKey } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        submission: { displayName: string; design: { nodes: unknown[] }; grade: { targets: unknown[] } };
        reference: { grade: { passed: boolean } };
      };
      expect(body.submission.displayName).toBe('Ada');
      expect(body.submission.design.nodes).toHaveLength(3);
      expect(body.submission.grade.targets).toHaveLength(2);
      expect(body.reference.grade.passed).toBe(true);
      // Not with a student's token, not from another scenario.
      expect((await call(routes.detail, { params: { slug, id: submission.id }, headers: { 'x-student-token': token } })).status).toBe(404);
      const other = await create();
      expect((await call(routes.detail, { params: { slug: other.slug, id: submission.id }, headers: { 'x-manage-key': other.manageKey } })).status).toBe(404);
    });

    it('exports CSV, guarding against spreadsheet formulas', async () => {
      const { slug, manageKey } = await create();
      await submit(slug, await join(slug, '=HYPERLINK("http://evil","x")'), scaledDesign(4));
      await submit(slug, await join(slug, 'Grace, "G" Hopper'), scaledDesign(1));
      const res = await call(routes.exportCsv, { params: { slug }, headers: { 'x-manage-key': manageKey }, url: `http://test.local/x` });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/attachment/);
      const lines = (await res.text()).trim().split('\r\n');
      expect(lines[0]).toBe('student,student_id,submission_id,submitted_at,attempts,latest,score,passed,late,100K users: passed,100K users: score,200K users: passed,200K users: score,comment,adjustment,adjustment_reason,final_score');
      expect(lines).toHaveLength(3);
      expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""http://evil"",""x"")"`))).toBe(true);
      expect(lines.some((l) => l.startsWith('"Grace, ""G"" Hopper"'))).toBe(true);
      expect((await call(routes.exportCsv, { params: { slug }, headers: { 'x-manage-key': 'nope' } })).status).toBe(404);
    });

    it('deletes a scenario with its students and submissions', async () => {
      const { slug, manageKey } = await create();
      const token = await join(slug);
      await submit(slug, token);
      const res = await call(routes.remove, { method: 'DELETE', params: { slug }, headers: { 'x-manage-key': manageKey } });
      expect(res.status).toBe(200);
      expect((await call(routes.read, { params: { slug } })).status).toBe(404);
      expect((await manage(slug, manageKey)).status).toBe(404);
      expect(await submissionCount(slug)).toBe(0);
      expect(await db().student.count({ where: { scenario: { slug } } })).toBe(0);
    });
  });

  describe('samples', () => {
    it('seeds the samples idempotently and serves them to students', async () => {
      const { ensureSampleScenarios } = await import('@/lib/classroom/scenarios/repository');
      const { seedSampleScenarios } = await import('@/lib/classroom/scenarios/seed');
      await ensureSampleScenarios();
      const again = await seedSampleScenarios(db());
      expect(again).toEqual({ created: 0, updated: 0 });
      expect(await db().scenario.count({ where: { isSample: true, slug: { in: ['sample-daily-byte', 'sample-scale-out'] } } })).toBe(2);
      const res = await call(routes.read, { params: { slug: 'sample-daily-byte' } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { isSample: boolean }).isSample).toBe(true);
    });

    it('copies a sample into a scenario of one’s own, with graded demo submissions', async () => {
      const res = await call(routes.copy, { method: 'POST', body: {}, params: { slug: 'sample-daily-byte' }, address: newAddress() });
      expect(res.status).toBe(201);
      const copy = (await res.json()) as Created;
      expect(copy.slug).not.toBe('sample-daily-byte');
      const dash = (await (await manage(copy.slug, copy.manageKey)).json()) as { submissions: { displayName: string }[]; scenario: { isSample: boolean } };
      expect(dash.scenario.isSample).toBe(false);
      expect(dash.submissions.map((s) => s.displayName).sort()).toEqual(['Ada (demo)', 'Grace (demo)', 'Linus (demo)']);
      // Only samples can be copied.
      const own = await create();
      expect((await call(routes.copy, { method: 'POST', body: {}, params: { slug: own.slug }, address: newAddress() })).status).toBe(404);
    });

    it('copies only when asked as JSON: a cross-site form post (no preflight) copies nothing', async () => {
      const before = await db().scenario.count();
      const variants: Record<string, string>[] = [{}, { 'content-type': 'application/x-www-form-urlencoded' }, { 'content-type': 'text/plain' }];
      for (const headers of variants) {
        const res = await call(routes.copy, { method: 'POST', headers, params: { slug: 'sample-daily-byte' }, address: newAddress() });
        expect(res.status).toBe(415);
        expect(((await res.json()) as { error: string }).error).toMatch(/^Send the body as JSON: Content-Type must be application\/json \(got (none|application\/x-www-form-urlencoded|text\/plain)\)\.$/);
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      }
      expect(await db().scenario.count()).toBe(before);
    });
  });
});
