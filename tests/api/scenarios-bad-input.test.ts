/**
 * Bad input to the scenario API: each refusal is a 4xx whose message names
 * the field or the problem in plain words, and leaves what was saved as it was.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './test-db';
import { call, newAddress, scaledDesign, scenarioInput, type Handler } from './scenarios-helpers';

vi.mock('@/lib/classroom/scenarios/engine', async () => ({ evaluateDesign: (await import('./scenarios-helpers')).fakeEvaluate }));
vi.mock('@/lib/classroom/scenarios/grading-pool', async (importOriginal) => (await import('./scenarios-helpers')).gradingPoolWithFakeEngine(importOriginal));

const routes = {} as Record<'create' | 'join' | 'submit' | 'patch' | 'manage', Handler>;
let db: typeof import('@/lib/server/db').db;

beforeAll(async () => {
  await useTestDatabase();
  routes.create = (await import('@/app/api/scenarios/route')).POST;
  routes.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST;
  routes.submit = (await import('@/app/api/scenarios/[slug]/submissions/route')).POST;
  routes.patch = (await import('@/app/api/scenarios/[slug]/manage/route')).PATCH;
  routes.manage = (await import('@/app/api/scenarios/[slug]/manage/route')).GET;
  ({ db } = await import('@/lib/server/db'));
});

interface Refusal {
  error: string;
  issues: { path: string; message: string }[];
}

async function refusal(res: Response, status = 422): Promise<Refusal> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as Refusal;
}

/** A scenario with one student who has submitted once: something saved to lose. */
async function saved() {
  const created = await call(routes.create, { body: scenarioInput(), address: newAddress() });
  expect(created.status).toBe(201);
  const { slug, manageKey } = (await created.json()) as { slug: string; manageKey: string };
  const joined = await call(routes.join, { body: { displayName: 'Ada' }, params: { slug }, address: newAddress() });
  const { resumeToken } = (await joined.json()) as { resumeToken: string };
  const first = await call(routes.submit, { body: { design: scaledDesign(2) }, params: { slug }, headers: { 'x-student-token': resumeToken }, address: newAddress() });
  expect(first.status).toBe(201);
  return { slug, manageKey, token: resumeToken };
}

/** Everything stored in the database, to compare before and after a refused request. */
async function snapshot() {
  const [scenarios, students, submissions] = await Promise.all([
    db().scenario.findMany({ orderBy: { id: 'asc' } }),
    db().student.findMany({ orderBy: { id: 'asc' } }),
    db().submission.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return { scenarios, students, submissions };
}

describe(`scenario API bad input (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('says the body must be a JSON object, naming its fields, when it is an array, a string, a number or null', async () => {
    const { slug, manageKey, token } = await saved();
    const before = await snapshot();
    const sends: [Handler, Record<string, string>, Record<string, string>, RegExp][] = [
      [routes.create, {}, {}, /title, brief, config/],
      [routes.join, { slug }, {}, /displayName/],
      [routes.submit, { slug }, { 'x-student-token': token }, /design/],
      [routes.patch, { slug }, { 'x-manage-key': manageKey }, /status, scoresReleased, leaderboard, liveView, deadline/],
    ];
    for (const [handler, params, headers, fields] of sends) {
      for (const [raw, what] of [
        ['[]', 'a list'],
        ['"Ada"', 'text'],
        ['42', 'a number'],
        ['null', 'null'],
      ]) {
        const method = handler === routes.patch ? 'PATCH' : 'POST';
        const body = await refusal(await call(handler, { method, rawBody: raw, params, headers, address: newAddress() }));
        expect(body.issues).toHaveLength(1);
        expect(body.issues[0].path).toBe('');
        expect(body.issues[0].message).toMatch(/^the request body must be a JSON object/);
        expect(body.issues[0].message).toMatch(fields);
        expect(body.issues[0].message).toContain(`not ${what}`);
        expect(body.error).not.toMatch(/Invalid input|expected object|received/);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('names a missing required field as required, not as "received undefined"', async () => {
    const before = await snapshot();
    const noConfig = await refusal(await call(routes.create, { body: { title: 'T', brief: 'B' }, address: newAddress() }));
    expect(noConfig.issues).toEqual([{ path: 'config', message: 'config is required' }]);
    const notObject = await refusal(await call(routes.create, { body: scenarioInput({ config: ['users'] }), address: newAddress() }));
    expect(notObject.issues).toEqual([{ path: 'config', message: 'config must be a JSON object, not a list' }]);
    const { slug, token } = await saved();
    const mid = await snapshot();
    const noDesign = await refusal(await call(routes.submit, { body: {}, params: { slug }, headers: { 'x-student-token': token }, address: newAddress() }));
    expect(noDesign.issues).toEqual([{ path: 'design', message: 'design is required' }]);
    expect(await snapshot()).toEqual(mid);
    expect(before.scenarios.length + 1).toBe(mid.scenarios.length);
  });

  it('names an unknown field with the fields that are allowed there', async () => {
    const { slug, manageKey } = await saved();
    const before = await snapshot();
    const joinExtra = await refusal(await call(routes.join, { body: { displayName: 'Bob', role: 'admin' }, params: { slug }, address: newAddress() }));
    expect(joinExtra.issues).toEqual([{ path: '', message: 'unknown field "role"; the fields are displayName, classCode' }]);
    const patchExtra = await refusal(
      await call(routes.patch, { method: 'PATCH', body: { status: 'closed', title: 'New' }, params: { slug }, headers: { 'x-manage-key': manageKey } }),
    );
    expect(patchExtra.issues).toEqual([{ path: '', message: 'unknown field "title"; the fields are status, scoresReleased, leaderboard, liveView, deadline, leaderboardNames, latePolicy, rosterOnly' }]);
    const usersInWorkload = await refusal(await call(routes.create, { body: scenarioInput({}, { workload: { users: 5000 } }), address: newAddress() }));
    expect(usersInWorkload.issues).toHaveLength(1);
    expect(usersInWorkload.issues[0]).toMatchObject({ path: 'config.workload', message: expect.stringMatching(/^unknown field "users"; the fields are requestsPerUserPerDay, peakFactor/) });
    // The refused PATCH closed nothing.
    expect(await snapshot()).toEqual(before);
  });

  it('quotes only the start of a very long unknown field name or kind', async () => {
    const { slug, manageKey } = await saved();
    const before = await snapshot();
    // 3,000 characters: the join and change bodies may be 4 KB at most.
    const longKey = `${'r'.repeat(40)}${'z'.repeat(2960)}`;
    const expected = `unknown field "${'r'.repeat(40)}…"`;
    const join = await call(routes.join, { body: { displayName: 'Bob', [longKey]: 'admin' }, params: { slug }, address: newAddress() });
    const joinText = await join.clone().text();
    expect(joinText.length).toBeLessThan(500);
    expect((await refusal(join)).issues).toEqual([{ path: '', message: `${expected}; the fields are displayName, classCode` }]);
    const create = await call(routes.create, { body: scenarioInput({}, { startingDesign: { ...scaledDesign(1), [longKey]: 1 } }), address: newAddress() });
    expect((await create.clone().text()).length).toBeLessThan(500);
    expect((await refusal(create)).issues).toEqual([
      { path: 'config.startingDesign', message: `${expected}; the fields are schemaVersion, name, workload, nodes, edges` },
    ]);
    const kinds = await call(routes.create, { body: scenarioInput({}, { allowedKinds: ['users', longKey] }), address: newAddress() });
    expect((await kinds.clone().text()).length).toBeLessThan(1000);
    expect((await refusal(kinds)).issues).toEqual([
      { path: 'config.allowedKinds[1]', message: expect.stringMatching(new RegExp(`^unknown kind "${'r'.repeat(39)}…; expected one of users, `)) },
    ]);
    const patch = await call(routes.patch, { method: 'PATCH', body: { status: 'closed', [longKey]: true }, params: { slug }, headers: { 'x-manage-key': manageKey } });
    expect((await patch.clone().text()).length).toBeLessThan(500);
    expect((await refusal(patch)).error).toContain(expected);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a design with a field it does not know, in a submission or a new scenario, instead of dropping it', async () => {
    const { slug, token } = await saved();
    const before = await snapshot();
    const design = scaledDesign(3) as unknown as { nodes: Record<string, unknown>[] } & Record<string, unknown>;
    design.nodes[1].replicas = 3;
    const sub = await refusal(await call(routes.submit, { body: { design }, params: { slug }, headers: { 'x-student-token': token }, address: newAddress() }));
    expect(sub.issues).toEqual([{ path: 'design.nodes[1]', message: 'unknown field "replicas"; the fields are id, kind, label, position, params' }]);
    const starting = { ...scaledDesign(1), workLoad: { users: 10 } };
    const created = await refusal(await call(routes.create, { body: scenarioInput({}, { startingDesign: starting }), address: newAddress() }));
    expect(created.issues).toEqual([
      { path: 'config.startingDesign', message: 'unknown field "workLoad"; the fields are schemaVersion, name, workload, nodes, edges' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a param that does not apply to its kind in a submission or a new scenario, and still loads a stored scenario that has one (MODEL.md §9.5)', async () => {
    const { slug, manageKey, token } = await saved();
    const before = await snapshot();
    const design = scaledDesign(3) as unknown as { nodes: { params?: Record<string, unknown> }[] };
    design.nodes[2].params = { size: 'large', instances: 2 };
    const sub = await refusal(await call(routes.submit, { body: { design }, params: { slug }, headers: { 'x-student-token': token }, address: newAddress() }));
    expect(sub.issues).toEqual([
      { path: 'design.nodes[2].params.instances', message: expect.stringMatching(/^nodes\[2\]\.params\.instances does not apply to a database; a database takes: size, shards, /) },
    ]);
    const created = await refusal(await call(routes.create, { body: scenarioInput({}, { referenceDesign: design }), address: newAddress() }));
    expect(created.issues).toEqual([{ path: 'config.referenceDesign.nodes[2].params.instances', message: expect.stringContaining('does not apply to a database') }]);
    expect(await snapshot()).toEqual(before);

    // A scenario stored before the rule, whose reference design carries one, still loads: the param is dropped.
    const row = await db().scenario.findFirstOrThrow({ where: { slug } });
    const config = JSON.parse(row.config) as { referenceDesign: { nodes: { params?: Record<string, unknown> }[] } };
    config.referenceDesign.nodes[2].params = { size: 'large', instances: 2 };
    await db().scenario.update({ where: { id: row.id }, data: { config: JSON.stringify(config) } });
    const listed = await call(routes.manage, { params: { slug }, headers: { 'x-manage-key': manageKey }, url: `http://test.local/api/scenarios/${slug}/manage?all=1` });
    expect(listed.status, await listed.clone().text()).toBe(200);
  });

  it('refuses every body sent as text or as a form with 415, as a cross-site page could send it, and stores nothing', async () => {
    const { slug, manageKey, token } = await saved();
    const before = await snapshot();
    const sends: [string, Handler, string, unknown, Record<string, string>][] = [
      ['create', routes.create, 'POST', scenarioInput(), {}],
      ['join', routes.join, 'POST', { displayName: 'Mallory' }, {}],
      ['submit', routes.submit, 'POST', { design: scaledDesign(3) }, { 'x-student-token': token }],
      ['patch', routes.patch, 'PATCH', { status: 'closed' }, { 'x-manage-key': manageKey }],
    ];
    for (const [what, handler, method, value, headers] of sends) {
      const json = JSON.stringify(value);
      for (const [rawBody, type, got] of [
        [json, 'text/plain', 'text/plain'],
        [json, 'text/plain; charset=utf-8', 'text/plain'],
        [`body=${encodeURIComponent(json)}`, 'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
        ['--b\r\nContent-Disposition: form-data; name="body"\r\n\r\n{}\r\n--b--\r\n', 'multipart/form-data; boundary=b', 'multipart/form-data'],
      ]) {
        const res = await call(handler, { method, rawBody, params: { slug }, headers: { ...headers, 'content-type': type }, address: newAddress() });
        expect(res.status, `${what} as ${type}`).toBe(415);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(await res.json()).toEqual({ error: `Send the body as JSON: Content-Type must be application/json (got ${got}).` });
      }
    }
    expect(await snapshot()).toEqual(before);
    // The dashboard lists the one submission from before, and the scenario is still open.
    const listed = await call(routes.manage, { params: { slug }, headers: { 'x-manage-key': manageKey }, url: `http://test.local/api/scenarios/${slug}/manage?all=1` });
    expect(listed.status).toBe(200);
    const dashboard = (await listed.json()) as { scenario: { status: string }; submissions: unknown[] };
    expect(dashboard.submissions).toHaveLength(1);
    expect(dashboard.scenario.status).toBe('open');

    // The same bodies as JSON (any case, with a charset) are accepted.
    const jsonType = { 'content-type': 'Application/JSON; charset=UTF-8' };
    const joined = await call(routes.join, { method: 'POST', rawBody: JSON.stringify({ displayName: 'Bob' }), params: { slug }, headers: jsonType, address: newAddress() });
    expect(joined.status, await joined.clone().text()).toBe(201);
    const patched = await call(routes.patch, { method: 'PATCH', rawBody: '{"status":"closed"}', params: { slug }, headers: { ...jsonType, 'x-manage-key': manageKey } });
    expect(patched.status, await patched.clone().text()).toBe(200);
  });

  it('refuses a body that is not UTF-8 instead of storing replacement characters in its place', async () => {
    const { slug } = await saved();
    const before = await snapshot();
    // {"displayName":"Ad\xff"}: 0xFF never occurs in UTF-8 (a Latin-1 "ÿ").
    const bytes = new Uint8Array([...new TextEncoder().encode('{"displayName":"Ad'), 0xff, ...new TextEncoder().encode('"}')]);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes);
        c.close();
      },
    });
    const res = await call(routes.join, { rawBody: stream, params: { slug }, headers: { 'content-type': 'application/json' }, address: newAddress() });
    expect(res.status, await res.clone().text()).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not valid UTF-8/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a name or title made only of invisible characters, which would show as a blank on the dashboard', async () => {
    const { slug } = await saved();
    const before = await snapshot();
    for (const displayName of ['\u200b', '\u2060\u00ad', '\u3164', ' \u200b\u200c ']) {
      const body = await refusal(await call(routes.join, { body: { displayName }, params: { slug }, address: newAddress() }));
      expect(body.issues, JSON.stringify(displayName)).toEqual([{ path: 'displayName', message: 'displayName must have at least one visible character' }]);
    }
    const title = await refusal(await call(routes.create, { body: scenarioInput({ title: '\u200b\u200b' }), address: newAddress() }));
    expect(title.issues).toEqual([{ path: 'title', message: 'title must have at least one visible character' }]);
    expect(await snapshot()).toEqual(before);
    // Joiners inside a visible name are fine: an emoji sequence keeps its zero-width joiner.
    const ok = await call(routes.join, { body: { displayName: '👩\u200d💻 Ada' }, params: { slug }, address: newAddress() });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { displayName: string }).displayName).toBe('👩\u200d💻 Ada');
  });
});
