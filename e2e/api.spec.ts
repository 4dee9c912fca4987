import { expect, test } from '@playwright/test';

test('a design saved through the API reads back unchanged', async ({ request }) => {
  const design = {
    schemaVersion: 1,
    name: 'E2E round trip',
    workload: { users: 10000 },
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'app', kind: 'app-server', params: { instances: 2 } },
      { id: 'db', kind: 'database' },
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'app' },
      { id: 'e2', source: 'app', target: 'db' },
    ],
  };
  const saved = await request.post('/api/designs', { data: design });
  expect(saved.status()).toBe(201);
  const { id, url } = await saved.json();
  expect(url).toBe(`/d/${id}`);
  const back = await request.get(`/api/designs/${id}`);
  expect(back.status()).toBe(200);
  expect(await back.json()).toEqual(design);
});

test('an invalid design is refused with a message naming the field', async ({ request }) => {
  const res = await request.post('/api/designs', {
    data: { schemaVersion: 1, nodes: [{ id: 'a', kind: 'mainframe' }], edges: [] },
  });
  expect(res.status()).toBe(422);
  expect((await res.json()).error).toContain('nodes[0].kind: unknown kind "mainframe"');
});

test('the health check reports the embedded database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(await res.json()).toEqual({ ok: true, database: 'sqlite' });
});

test('a path whose percent-encoding is broken answers 400 in JSON, not a bare 500', async ({ request }) => {
  for (const path of ['/api/designs/%E0%A4%A', '/api/scenarios/%ZZ']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error).toMatch(/not validly percent-encoded/);
  }
});

test('an unknown API path answers 404 in JSON for every method, naming the path', async ({ request }) => {
  const paths = ['/api', '/api/nope', '/api/designs/abcdefghijkl/extra', '/api/scenarios/sample-scale-out/nope', '/api/health/x'];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    for (const path of paths) {
      const res = await request.fetch(path, { method, maxRedirects: 0 });
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect(res.headers()['content-type'], `${method} ${path}`).toMatch(/^application\/json/);
      expect(await res.json(), `${method} ${path}`).toEqual({ error: `No API endpoint at ${path}` });
    }
  }
  const head = await request.head('/api/nope');
  expect(head.status()).toBe(404);
  expect(head.headers()['content-type']).toMatch(/^application\/json/);

  // A very long path is named by its start only.
  const long = `/api/${'x'.repeat(6000)}`;
  const res = await request.get(long);
  expect(res.status()).toBe(404);
  expect(await res.json()).toEqual({ error: `No API endpoint at ${long.slice(0, 80)}…` });
});

test('the catch-all for unknown API paths leaves every real endpoint answering as before', async ({ request }) => {
  expect((await request.get('/api/health')).status()).toBe(200);
  const design = await request.get('/api/designs/doesNotExist123');
  expect(design.status()).toBe(404);
  expect((await design.json()).error).toBe('No design with id "doesNotExist123".');
  const scenario = await request.get('/api/scenarios/sample-scale-out');
  expect(scenario.status()).toBe(200);
  expect((await scenario.json()).slug).toBe('sample-scale-out');
  const unknownScenario = await request.get('/api/scenarios/no-such-scenario');
  expect(unknownScenario.status()).toBe(404);
  expect((await unknownScenario.json()).error).toBe('Not found. Check that the link is complete and current.');
  // A real endpoint asked with a method it does not take still says so, not "no endpoint".
  const wrongMethod = await request.fetch('/api/health', { method: 'DELETE' });
  expect(wrongMethod.status()).toBe(405);
  expect((await request.post('/api/designs', { data: {} })).status()).toBe(422);
});

test('a wrong method answers 405 in JSON naming the methods the endpoint takes, with Allow', async ({ request }) => {
  const wrong: [string, string, string][] = [
    ['DELETE', '/api/designs', 'POST, OPTIONS'],
    ['GET', '/api/designs', 'POST, OPTIONS'],
    ['PUT', '/api/health', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/health', 'GET, HEAD, OPTIONS'],
    ['POST', '/api/scenarios/sample-scale-out', 'GET, HEAD, OPTIONS'],
    ['PUT', '/api/scenarios/sample-scale-out/manage', 'GET, HEAD, PATCH, DELETE, OPTIONS'],
  ];
  for (const [method, path, allow] of wrong) {
    const res = await request.fetch(path, { method });
    expect(res.status(), `${method} ${path}`).toBe(405);
    expect(res.headers()['allow'], `${method} ${path}`).toBe(allow);
    expect(res.headers()['content-type']).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: `${method} is not allowed on ${path}; it answers ${allow}.`, allowed: allow.split(', ') });
  }
  const head = await request.head('/api/designs');
  expect(head.status()).toBe(405);
  expect(head.headers()['allow']).toBe('POST, OPTIONS');
  // OPTIONS lists only what the endpoint serves, and a served HEAD still answers as GET does.
  const options = await request.fetch('/api/health', { method: 'OPTIONS' });
  expect(options.status()).toBe(204);
  expect(options.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  expect((await request.head('/api/health')).status()).toBe(200);
});

test('a body sent as text or as a form is refused with 415 and stores nothing; JSON still works', async ({ request }) => {
  const design = { schemaVersion: 1, name: 'Typed', nodes: [{ id: 'u', kind: 'users' }], edges: [] };
  const asText = await request.post('/api/designs', { data: JSON.stringify(design), headers: { 'content-type': 'text/plain' } });
  expect(asText.status()).toBe(415);
  expect(await asText.json()).toEqual({ error: 'Send the body as JSON: Content-Type must be application/json (got text/plain).' });
  const asForm = await request.post('/api/designs', { form: { design: JSON.stringify(design) } });
  expect(asForm.status()).toBe(415);
  expect((await asForm.json()).error).toBe('Send the body as JSON: Content-Type must be application/json (got application/x-www-form-urlencoded).');
  const asJson = await request.post('/api/designs', { data: JSON.stringify(design), headers: { 'content-type': 'application/json; charset=utf-8' } });
  expect(asJson.status()).toBe(201);

  // A student's submission sent as text is not stored: their own list stays empty.
  const slug = 'sample-scale-out';
  const refusedJoin = await request.post(`/api/scenarios/${slug}/students`, { form: { displayName: 'Mallory' } });
  expect(refusedJoin.status()).toBe(415);
  const joined = await request.post(`/api/scenarios/${slug}/students`, { data: { displayName: 'Typed' } });
  expect(joined.status()).toBe(201);
  const { resumeToken } = await joined.json();
  const start = (await (await request.get(`/api/scenarios/${slug}`)).json()).startingDesign;
  const submitted = await request.post(`/api/scenarios/${slug}/submissions`, {
    data: JSON.stringify({ design: start }),
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-student-token': resumeToken },
  });
  expect(submitted.status()).toBe(415);
  const me = await request.get(`/api/scenarios/${slug}/me`, { headers: { 'x-student-token': resumeToken } });
  expect(me.status()).toBe(200);
  expect((await me.json()).submissions).toEqual([]);
});

test('a 10,000-character unknown field name comes back only by its start', async ({ request }) => {
  const key = `${'k'.repeat(40)}${'z'.repeat(9960)}`;
  const res = await request.post('/api/designs', { data: { schemaVersion: 1, nodes: [], edges: [], [key]: 1 } });
  expect(res.status()).toBe(422);
  const text = await res.text();
  expect(text.length).toBeLessThan(1000);
  expect(JSON.parse(text).issues).toEqual([{ path: '', message: `unknown field "${'k'.repeat(40)}…"; the fields are schemaVersion, name, workload, nodes, edges` }]);
});
