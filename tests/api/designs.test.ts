import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-db';

let POST: (req: Request) => Promise<Response>;
let GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let db: typeof import('@/lib/server/db').db;
let dbKind = 'sqlite';

const design = {
  schemaVersion: 1,
  name: 'Round trip',
  workload: { users: 1000 },
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
    { id: 'app', kind: 'server', label: 'The box', params: { instances: 1 } },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'app' }],
};

function post(body: string, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://test.local/api/designs', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    }),
  );
}

function get(id: string) {
  return GET(new Request(`http://test.local/api/designs/${id}`), { params: Promise.resolve({ id }) });
}

/**
 * The designs this file saves (all named "Round trip"): other test files
 * sharing a PostgreSQL database save designs at the same time.
 */
const ownRows = () => db().design.findMany({ where: { title: design.name }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  dbKind = (await useTestDatabase()).kind;
  ({ POST } = await import('@/app/api/designs/route'));
  ({ GET } = await import('@/app/api/designs/[id]/route'));
  ({ db } = await import('@/lib/server/db'));
});

describe(`designs API (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('saves a design and reads the same document back', async () => {
    const res = await post(JSON.stringify(design));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; url: string };
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{10,}$/);
    expect(body.url).toBe(`/d/${body.id}`);
    const back = await get(body.id);
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual(design);
    expect(dbKind).toMatch(/sqlite|postgres/);
  });

  it('gives every saved design a different id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add(((await (await post(JSON.stringify(design))).json()) as { id: string }).id);
    expect(ids.size).toBe(20);
  });

  it('answers 400 with the parser message for malformed JSON', async () => {
    const res = await post('{"schemaVersion": 1, "nodes": [');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not valid JSON/);
  });

  it('answers 400 for an empty body', async () => {
    const res = await post('');
    expect(res.status).toBe(400);
  });

  it('answers 422 naming the field for an invalid design, and stores nothing', async () => {
    const bad = structuredClone(design) as { nodes: { params?: unknown }[] };
    bad.nodes[1].params = { instances: -2 };
    const res = await post(JSON.stringify(bad));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.issues).toContainEqual({ path: 'nodes[1].params.instances', message: 'instances must be at least 1' });
    expect(body.error).toContain('nodes[1].params.instances');
  });

  it('answers 422 naming an unknown field instead of silently dropping it, and stores nothing', async () => {
    const saved = ((await (await post(JSON.stringify(design))).json()) as { id: string }).id;
    const before = await ownRows();
    const typo = { ...design, workLoad: { users: 5000 } };
    const res = await post(JSON.stringify(typo));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.issues).toEqual([{ path: '', message: 'unknown field "workLoad"; the fields are schemaVersion, name, workload, nodes, edges' }]);
    expect(body.error).toContain('unknown field "workLoad"');

    const deeper = structuredClone(design) as Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
    deeper.nodes[0].paramz = { instances: 3 };
    deeper.nodes[0].position = { x: 0, y: 0, z: 1 };
    deeper.edges[0].weight = 2;
    const deep = (await (await post(JSON.stringify(deeper))).json()) as { issues: { path: string; message: string }[] };
    expect(deep.issues).toEqual(
      expect.arrayContaining([
        { path: 'nodes[0]', message: 'unknown field "paramz"; the fields are id, kind, label, position, params' },
        { path: 'nodes[0].position', message: 'unknown field "z"; the fields are x, y' },
        { path: 'edges[0]', message: 'unknown field "weight"; the fields are id, source, target, params' },
      ]),
    );
    expect(await ownRows()).toEqual(before);
    // What was saved before still reads back unchanged.
    expect(await (await get(saved)).json()).toEqual(design);
  });

  it('quotes only the start of a very long unknown field name, and only the first few of many', async () => {
    const before = await ownRows();
    const longKey = `${'k'.repeat(40)}${'z'.repeat(9960)}`;
    const res = await post(JSON.stringify({ ...design, [longKey]: 1 }));
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(1000);
    expect(text).not.toContain('z');
    const body = JSON.parse(text) as { error: string; issues: { path: string; message: string }[] };
    expect(body.issues).toEqual([{ path: '', message: `unknown field "${'k'.repeat(40)}…"; the fields are schemaVersion, name, workload, nodes, edges` }]);

    // Deeper down too, and 500 unknown fields (50 KB, under the 64 KB cap) are counted, not listed.
    const deeper = structuredClone(design) as { nodes: Record<string, unknown>[] };
    for (let i = 0; i < 500; i++) deeper.nodes[1][`${'p'.repeat(100)}${i}`] = i;
    const many = await post(JSON.stringify(deeper));
    expect(many.status).toBe(422);
    const manyText = await many.text();
    expect(manyText.length).toBeLessThan(1500);
    const manyBody = JSON.parse(manyText) as { issues: { path: string; message: string }[] };
    const p40 = `"${'p'.repeat(40)}…"`;
    expect(manyBody.issues).toEqual([
      { path: 'nodes[1]', message: `unknown fields ${[p40, p40, p40, p40, p40].join(', ')} and 495 more; the fields are id, kind, label, position, params` },
    ]);
    expect(await ownRows()).toEqual(before);
  });

  it('quotes only the start of a very long unknown kind', async () => {
    const bad = structuredClone(design) as { nodes: { kind: unknown }[] };
    bad.nodes[1].kind = `${'q'.repeat(39)}${'z'.repeat(9961)}`;
    const res = await post(JSON.stringify(bad));
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain('z');
    const body = JSON.parse(text) as { issues: { path: string; message: string }[] };
    expect(body.issues).toEqual([{ path: 'nodes[1].kind', message: expect.stringMatching(new RegExp(`^unknown kind "${'q'.repeat(39)}…; expected one of users, `)) }]);
  });

  it('says which node or edge is not an object, in plain words', async () => {
    const res = await post(JSON.stringify({ ...design, nodes: ['users'], edges: [7] }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.issues).toEqual([
      { path: 'nodes[0]', message: 'nodes[0] must be a JSON object, not text' },
      { path: 'edges[0]', message: 'edges[0] must be a JSON object, not a number' },
    ]);
    expect(body.error).not.toMatch(/Invalid input/);
  });

  it('refuses a design sent as text, as a form or without a type with 415 naming the rule, and stores nothing', async () => {
    const before = await ownRows();
    const json = JSON.stringify(design);
    const sends: [BodyInit, Record<string, string>, string][] = [
      // What a cross-site page can send without a CORS preflight.
      [json, { 'content-type': 'text/plain' }, 'text/plain'],
      [json, { 'content-type': 'text/plain;charset=UTF-8' }, 'text/plain'],
      [`design=${encodeURIComponent(json)}`, { 'content-type': 'application/x-www-form-urlencoded' }, 'application/x-www-form-urlencoded'],
      [new Blob([json]), {}, 'none'],
      [json, { 'content-type': 'application/jsonp' }, 'application/jsonp'],
      [json, { 'content-type': `text/${'x'.repeat(5000)}` }, `text/${'x'.repeat(35)}…`],
    ];
    for (const [body, headers, got] of sends) {
      const res = await POST(new Request('http://test.local/api/designs', { method: 'POST', body, headers }));
      expect(res.status, got).toBe(415);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: `Send the body as JSON: Content-Type must be application/json (got ${got}).` });
    }
    // A fetch with a string body and no headers is sent as text/plain too.
    const bare = await POST(new Request('http://test.local/api/designs', { method: 'POST', body: json }));
    expect(bare.status).toBe(415);
    expect(await ownRows()).toEqual(before);
  });

  it('accepts application/json in any case and with parameters', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;Charset=UTF-8', ' application/json ']) {
      const res = await post(JSON.stringify(design), { 'content-type': type });
      expect(res.status, type).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect(await (await get(id)).json()).toEqual(design);
    }
  });

  it('answers 413 naming the limit for a body over 64 KB, even without a content-length', async () => {
    const huge = JSON.stringify({ ...design, name: 'x'.repeat(600 * 1024) });
    const declared = await post(huge);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: 'The design is larger than 64 KB, the most a shared design may be.', limitBytes: 65_536 });
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(huge));
        c.close();
      },
    });
    const res = await POST(
      new Request('http://test.local/api/designs', {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { limitBytes: number }).limitBytes).toBe(65_536);
  });

  it('answers 422 for a param that does not apply to its kind, naming the kind’s params, and stores nothing (MODEL.md §9.5)', async () => {
    const before = await ownRows();
    const bad = structuredClone(design) as { nodes: { id: string; kind: string; params?: unknown }[] };
    bad.nodes.push({ id: 'db', kind: 'database', params: { size: 'large', instances: 3 } });
    bad.nodes[1].params = { instances: 1, hitRatio: 0.5 };
    const res = await post(JSON.stringify(bad));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.issues).toEqual([
      {
        path: 'nodes[1].params.hitRatio',
        message: 'nodes[1].params.hitRatio does not apply to a server; a server takes: size, instances, cores, serviceMs, maxStorageGB, region, availability, hourlyUsd',
      },
      {
        path: 'nodes[2].params.instances',
        message:
          'nodes[2].params.instances does not apply to a database; a database takes: size, shards, shardSkew, standby, maxStorageGB, cores, serviceMs, region, availability, hourlyUsd',
      },
    ]);
    expect(body.error).toContain('nodes[2].params.instances does not apply to a database; a database takes: size, shards');
    expect(await ownRows()).toEqual(before);
  });

  it('still loads an older stored design that carries such a param: dropped, with a notice', async () => {
    const { loadDesign } = await import('@/lib/server/designs');
    const old = structuredClone(design) as { nodes: { id: string; kind: string; params?: unknown }[] };
    old.nodes.push({ id: 'db', kind: 'database', params: { size: 'large', instances: 3 } });
    const id = 'olderDesign0001';
    await db().design.create({ data: { id, title: 'Older', document: JSON.stringify(old), schemaVersion: 1 } });
    const saved = await loadDesign(id);
    expect(saved?.design.nodes[2]).toEqual({ id: 'db', kind: 'database', params: { size: 'large' } });
    expect(saved?.notices).toEqual([
      { path: 'nodes[2].params.instances', message: expect.stringMatching(/^dropped instances from "db": it does not apply to a database \(a database takes: size, shards, /) },
    ]);
    const res = await get(id);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { nodes: unknown[] }).nodes[2]).toEqual({ id: 'db', kind: 'database', params: { size: 'large' } });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await get('doesNotExist123')).status).toBe(404);
    expect((await get('../../etc')).status).toBe(404);
  });

  it('names a short unknown id whole, and only the start of a very long one', async () => {
    const short = await get('doesNotExist123');
    expect(((await short.json()) as { error: string }).error).toBe('No design with id "doesNotExist123".');

    const long = await get(`${'x'.repeat(40)}${'y'.repeat(5960)}`);
    expect(long.status).toBe(404);
    const { error } = (await long.json()) as { error: string };
    expect(error).toBe(`No design with id "${'x'.repeat(40)}…".`);
    expect(error).not.toContain('y');

    // Cut by characters, never through the middle of one.
    const emoji = await get('🙂'.repeat(100));
    expect(((await emoji.json()) as { error: string }).error).toBe(`No design with id "${'🙂'.repeat(40)}…".`);
  });
});
