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
