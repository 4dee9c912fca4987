/**
 * Inputs that used to answer a bare 500: a body nested 200,000 levels deep
 * (refused before parsing, token or not) and half a character (a lone
 * UTF-16 surrogate) in any string the API would store (refused naming the
 * field). Nothing saved is touched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-db';
import { call, newAddress, scaledDesign, scenarioInput, type Handler } from './scenarios-helpers';

const routes = {} as Record<'create' | 'join' | 'submit' | 'patch' | 'design', Handler>;
let db: typeof import('@/lib/server/db').db;

beforeAll(async () => {
  await useTestDatabase();
  routes.create = (await import('@/app/api/scenarios/route')).POST as Handler;
  routes.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST as Handler;
  routes.submit = (await import('@/app/api/scenarios/[slug]/submissions/route')).POST as Handler;
  routes.patch = (await import('@/app/api/scenarios/[slug]/manage/route')).PATCH as Handler;
  routes.design = (await import('@/app/api/designs/route')).POST as unknown as Handler;
  ({ db } = await import('@/lib/server/db'));
});

async function saved() {
  const created = await call(routes.create, { body: scenarioInput(), address: newAddress() });
  const { slug, manageKey } = (await created.json()) as { slug: string; manageKey: string };
  const joined = await call(routes.join, { body: { displayName: 'Ada' }, params: { slug }, address: newAddress() });
  const { resumeToken } = (await joined.json()) as { resumeToken: string };
  expect((await call(routes.submit, { body: { design: scaledDesign(2) }, params: { slug }, headers: { 'x-student-token': resumeToken }, address: newAddress() })).status).toBe(201);
  return { slug, manageKey, token: resumeToken };
}

async function snapshot() {
  const [scenarios, students, submissions, designs] = await Promise.all([
    db().scenario.findMany({ orderBy: { id: 'asc' } }),
    db().student.findMany({ orderBy: { id: 'asc' } }),
    db().submission.findMany({ orderBy: { id: 'asc' } }),
    db().design.count(),
  ]);
  return { scenarios, students, submissions, designs };
}

const deep = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

describe('deep nesting', () => {
  it('a submission nested 200,000 levels deep answers 400 naming the limit, with a token or without, on every body route', async () => {
    const { slug, manageKey, token } = await saved();
    const before = await snapshot();
    const bodies = [`{"design":${deep(200_000)}}`, `{"design":${deep(60_000, '{"a":', '}')}}`, deep(200_000), `{"title":"x","brief":"y","config":${deep(100_000)}}`];
    const sends: [Handler, Record<string, string>, Record<string, string>, string][] = [
      [routes.submit, { slug }, { 'x-student-token': token }, 'POST'],
      [routes.submit, { slug }, {}, 'POST'],
      [routes.create, {}, {}, 'POST'],
      [routes.join, { slug }, {}, 'POST'],
      [routes.patch, { slug }, { 'x-manage-key': manageKey }, 'PATCH'],
      [routes.design, {}, {}, 'POST'],
    ];
    let refusedForDepth = 0;
    for (const [handler, params, headers, method] of sends) {
      for (const rawBody of bodies) {
        const res = await call(handler, { method, rawBody, params, headers, address: newAddress() });
        // A route whose size limit is below this body refuses it for its size first; never the submissions route.
        if (res.status === 413 && handler !== routes.submit) continue;
        refusedForDepth++;
        expect(res.status, await res.clone().text()).toBe(400);
        const body = (await res.json()) as { error: string; limitDepth: number };
        expect(body.error).toMatch(/^The request body is nested more than 64 levels deep \(lists and objects within each other, at character \d+\); at most 64 levels are allowed\.$/);
        expect(body.limitDepth).toBe(64);
      }
    }
    expect(refusedForDepth).toBeGreaterThanOrEqual(2 * bodies.length);
    expect(await snapshot()).toEqual(before);
  });

  it('65 levels is refused and 64 is parsed, and brackets inside strings do not count', async () => {
    const { nestingDepthOver } = await import('@/lib/server/http');
    expect(nestingDepthOver(deep(64), 64)).toBeNull();
    expect(nestingDepthOver(deep(65), 64)).toEqual({ at: 64 });
    expect(nestingDepthOver(`{"name":"${'['.repeat(500)}","x":"\\"[[[["}`, 64)).toBeNull();
    const res = await call(routes.design, { rawBody: JSON.stringify({ ...scaledDesign(2), name: '['.repeat(150) }) });
    expect(res.status, await res.clone().text()).toBe(201);
  });
});

describe('lone surrogates', () => {
  it('a lone surrogate in a display name answers 422 naming displayName, and stores nothing', async () => {
    const { slug } = await saved();
    const before = await snapshot();
    for (const name of ['Ada\\ud800', '\\udc00', 'x\\ud83d y']) {
      const res = await call(routes.join, { rawBody: `{"displayName":"${name}"}`, params: { slug }, address: newAddress() });
      expect(res.status, await res.clone().text()).toBe(422);
      const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
      expect(body.issues).toHaveLength(1);
      expect(body.issues[0].path).toBe('displayName');
      expect(body.issues[0].message).toMatch(/^displayName contains half a character \(a lone surrogate, \\uD[89A-F][0-9A-F]{2}, at character \d+\); send well-formed Unicode text$/);
      expect(body.error).toBe(`The request is not valid:\ndisplayName: ${body.issues[0].message}`);
    }
    // A whole emoji (a surrogate pair) is fine.
    const ok = await call(routes.join, { rawBody: '{"displayName":"Ada \\ud83d\\ude00"}', params: { slug }, address: newAddress() });
    expect(ok.status).toBe(201);
    const after = await snapshot();
    expect(after.students).toHaveLength(before.students.length + 1);
  });

  it('in any other stored string: a title, a brief, a node label, a field name, a design to share', async () => {
    const { slug, token } = await saved();
    const before = await snapshot();
    const label = scaledDesign(2);
    label.nodes[1].label = 'LONE';
    const cases: [Handler, Record<string, string>, Record<string, string>, string, string][] = [
      [routes.create, {}, {}, JSON.stringify(scenarioInput({ title: 'LONE' })), 'title'],
      [routes.create, {}, {}, JSON.stringify(scenarioInput({ brief: '## LONE' })), 'brief'],
      [routes.create, {}, {}, JSON.stringify(scenarioInput({}, { startingDesign: label })), 'config.startingDesign.nodes[1].label'],
      [routes.submit, { slug }, { 'x-student-token': token }, JSON.stringify({ design: label }), 'design.nodes[1].label'],
      [routes.design, {}, {}, JSON.stringify(label), 'nodes[1].label'],
      [routes.design, {}, {}, JSON.stringify({ ...scaledDesign(2), name: 'LONE' }), 'name'],
    ];
    for (const [handler, params, headers, json, path] of cases) {
      const res = await call(handler, { rawBody: json.replace('LONE', 'x\\udfff'), params, headers, address: newAddress() });
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(422);
      const body = (await res.json()) as { issues: { path: string; message: string }[] };
      expect(body.issues[0].path).toBe(path);
      expect(body.issues[0].message).toContain(`${path} contains half a character`);
    }
    const key = await call(routes.join, { rawBody: '{"displayName":"Ada","\\ud800":1}', params: { slug }, address: newAddress() });
    expect(key.status).toBe(422);
    expect(((await key.json()) as { error: string }).error).toMatch(/a field name in the request body contains half a character/);
    expect(await snapshot()).toEqual(before);
  });
});
