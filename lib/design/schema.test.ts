import { describe, expect, it } from 'vitest';
import { CATALOG, KINDS } from '../engine/data';
import { describeIssues, describeNotices, dropInapplicableParams, parseDesign, paramsOfKind } from './schema';

interface LooseDoc {
  schemaVersion: number;
  name: string;
  workload: { users: number };
  nodes: { id: string; kind: string; label?: string; position?: unknown; params?: unknown }[];
  edges: { id: string; source: string; target: string; params?: unknown }[];
}

const valid: LooseDoc = {
  schemaVersion: 1,
  name: 'Stage 3 reference',
  workload: { users: 100000 },
  nodes: [
    { id: 'users', kind: 'users' },
    { id: 'lb', kind: 'load-balancer' },
    { id: 'app', kind: 'app-server', params: { instances: 3, stateless: true } },
    { id: 'db', kind: 'database', params: { size: 'large' } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'db' },
  ],
};

function clone<T>(v: T): T {
  return structuredClone(v);
}

function issuesOf(doc: unknown, options?: Parameters<typeof parseDesign>[1]) {
  const r = parseDesign(doc, options);
  if (r.ok) throw new Error('expected the design to be rejected');
  return r.issues;
}

describe('design schema', () => {
  it('accepts the MODEL.md §1.1 example unchanged', () => {
    const r = parseDesign(valid);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.design.nodes[2].params?.instances).toBe(3);
  });

  it('accepts labels, positions, every param and edge params', () => {
    const doc = clone(valid);
    doc.nodes[3].params = {
      instances: 1, size: 'xlarge', cores: 8, serviceMs: { read: 2, write: 5 }, hitRatio: 0.5, latencyMs: 1,
      availability: 0.999, hourlyUsd: 1.2, shards: 4, shardSkew: 0.2, standby: true, applyFactor: 0.5,
      replicationFactor: 3, limitRps: 1000, stateless: false, region: 'eu-1', maxStorageGB: 1000,
    };
    doc.nodes[1].params = { algorithm: 'least-connections' };
    doc.nodes[2].params = { autoscale: { min: 2, max: 10, target: 0.6 } };
    doc.nodes[0].label = 'Visitors';
    doc.nodes[0].position = { x: 10, y: -20 };
    doc.edges[0].params = { latencyMs: 30, share: 1 };
    expect(parseDesign(doc)).toMatchObject({ ok: true });
  });

  it('migrates a document without schemaVersion instead of rejecting it', () => {
    const doc: Partial<LooseDoc> = clone(valid);
    delete doc.schemaVersion;
    const r = parseDesign(doc);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.design.schemaVersion).toBe(1);
  });

  it('rejects a newer schemaVersion, naming it', () => {
    const issues = issuesOf({ ...clone(valid), schemaVersion: 7 });
    expect(issues[0]).toEqual({ path: 'schemaVersion', message: expect.stringContaining('schemaVersion 7 is newer') });
  });

  it('rejects non-objects', () => {
    expect(issuesOf(null)[0].message).toMatch(/must be a JSON object/);
    expect(issuesOf([1, 2])[0].message).toMatch(/must be a JSON object/);
    expect(issuesOf('x')[0].message).toMatch(/must be a JSON object/);
  });

  it('rejects an unknown kind, naming the node and the kind', () => {
    const doc = clone(valid);
    doc.nodes[1].kind = 'teleporter';
    const [issue] = issuesOf(doc);
    expect(issue.path).toBe('nodes[1].kind');
    expect(issue.message).toContain('unknown kind "teleporter"');
  });

  it('rejects an unknown param, naming it', () => {
    const doc = clone(valid);
    doc.nodes[2].params = { instances: 2, turbo: true };
    const [issue] = issuesOf(doc);
    expect(issue.path).toBe('nodes[2].params');
    expect(issue.message).toContain('turbo');
  });

  it.each([
    ['negative instances', { instances: -1 }, 'nodes[2].params.instances', /at least 1/],
    ['fractional instances', { instances: 1.5 }, 'nodes[2].params.instances', /whole number/],
    ['non-numeric cores', { cores: 'four' }, 'nodes[2].params.cores', /must be a number/],
    ['infinite service time', { serviceMs: { read: Infinity } }, 'nodes[2].params.serviceMs.read', /must be a number/],
    ['NaN latency', { latencyMs: NaN }, 'nodes[2].params.latencyMs', /must be a number/],
    ['hit ratio above 1', { hitRatio: 1.5 }, 'nodes[2].params.hitRatio', /between 0 and 1/],
    ['negative skew', { shardSkew: -0.1 }, 'nodes[2].params.shardSkew', /zero or more/],
    ['unknown size', { size: 'huge' }, 'nodes[2].params.size', /one of small, medium, large, xlarge/],
    ['autoscale max below min', { autoscale: { min: 5, max: 2, target: 0.5 } }, 'nodes[2].params.autoscale', /max must be at least/],
  ])('rejects %s with the field named', (_name, params, path, message) => {
    const doc = clone(valid);
    doc.nodes[2].params = params;
    const issues = issuesOf(doc);
    expect(issues[0].path).toBe(path);
    expect(issues[0].message).toMatch(message);
  });

  it('rejects duplicate node ids', () => {
    const doc = clone(valid);
    doc.nodes[3].id = 'app';
    const issues = issuesOf(doc);
    expect(issues.some((i) => i.path === 'nodes[3].id' && /duplicate node id "app"/.test(i.message))).toBe(true);
  });

  it('rejects duplicate edge ids', () => {
    const doc = clone(valid);
    doc.edges[2].id = 'e1';
    expect(issuesOf(doc)).toContainEqual({ path: 'edges[2].id', message: expect.stringContaining('duplicate edge id "e1"') });
  });

  it('rejects a dangling edge, naming the missing node', () => {
    const doc = clone(valid);
    doc.edges[2].target = 'cache';
    expect(issuesOf(doc)).toContainEqual({ path: 'edges[2].target', message: 'edge "e3" ends at "cache", which is not a node' });
  });

  it('rejects a cycle, naming its nodes in order', () => {
    const doc = clone(valid);
    doc.edges.push({ id: 'e4', source: 'db', target: 'lb' });
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('lb → app → db → lb');
  });

  it('rejects a self-loop', () => {
    const doc = clone(valid);
    doc.edges.push({ id: 'loop', source: 'app', target: 'app' });
    expect(issuesOf(doc)).toContainEqual({ path: 'edges[3]', message: 'edge "loop" connects "app" to itself' });
  });

  it('rejects a bad workload field', () => {
    const issues = issuesOf({ ...clone(valid), workload: { users: -5 } });
    expect(issues[0].path).toBe('workload.users');
    expect(describeIssues(issues)).toBe('workload.users must be between 0 and 10,000,000,000 (10 billion); got -5');
  });

  describe('workload values (MODEL.md §9.5)', () => {
    const withWorkload = (workload: Record<string, unknown>) => ({ ...clone(valid), workload: { users: 1000, ...workload } });

    // A new design is refused; a stored one loads at 24 with a notice (below).
    it('refuses a peakFactor above 24 in a new design: a peak hour cannot carry more than the day', () => {
      expect(issuesOf(withWorkload({ peakFactor: 1000 }), { newDesign: true })).toEqual([
        { path: 'workload.peakFactor', message: 'workload.peakFactor must be between 1 and 24 (a peak hour cannot carry more than the day); got 1000' },
      ]);
      expect(issuesOf(withWorkload({ peakFactor: 24.5 }), { newDesign: true })[0].message).toMatch(/^workload\.peakFactor must be between 1 and 24 .*; got 24\.5$/);
      expect(parseDesign(withWorkload({ peakFactor: 24 })).ok).toBe(true);
      expect(parseDesign(withWorkload({ peakFactor: 1 })).ok).toBe(true);
    });

    it.each([
      ['users', -1, 'workload.users must be between 0 and 10,000,000,000 (10 billion); got -1'],
      ['requestsPerUserPerDay', -0.5, 'workload.requestsPerUserPerDay must be between 0 and 1,000,000; got -0.5'],
      ['peakFactor', 0.5, 'workload.peakFactor must be between 1 and 24 (a peak hour cannot carry more than the day); got 0.5'],
      ['staticShare', -0.1, 'workload.staticShare must be between 0 and 1; got -0.1'],
      ['jobServiceMs', -1, 'workload.jobServiceMs must be between 0 and 3,600,000 (an hour); got -1'],
      ['dataPerUserMB', -2, 'workload.dataPerUserMB must be between 0 and 1,000,000 (a terabyte); got -2'],
      ['peakFactor', Infinity, 'workload.peakFactor must be a number between 1 and 24 (a peak hour cannot carry more than the day); got Infinity'],
      ['users', NaN, 'workload.users must be a number between 0 and 10,000,000,000 (10 billion); got NaN'],
      ['readRatio', -Infinity, 'workload.readRatio must be a number between 0 and 1; got -Infinity'],
      ['asyncShare', '0.2', 'workload.asyncShare must be a number between 0 and 1; got "0.2"'],
    ])('refuses workload.%s = %s, naming the field and the range', (field, value, message) => {
      expect(issuesOf(withWorkload({ [field]: value }))).toEqual([{ path: `workload.${field}`, message }]);
    });

    it('accepts the version 2 workload fields within their ranges', () => {
      const r = parseDesign(withWorkload({ queriesPerRead: 10, queriesPerWrite: 5, deploysPerDay: 0, flashFactor: 100, audience: 'global' }));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.design.workload).toEqual({ users: 1000, queriesPerRead: 10, queriesPerWrite: 5, deploysPerDay: 0, flashFactor: 100, audience: 'global' });
      expect(parseDesign(withWorkload({ queriesPerRead: 1, queriesPerWrite: 1000, deploysPerDay: 1000, flashFactor: 1, audience: 'regional' })).ok).toBe(true);
    });

    it.each([
      ['queriesPerRead', 0, 'workload.queriesPerRead must be between 1 and 1,000; got 0'],
      ['queriesPerRead', 1001, 'workload.queriesPerRead must be between 1 and 1,000; got 1001'],
      ['queriesPerWrite', 0.5, 'workload.queriesPerWrite must be between 1 and 1,000; got 0.5'],
      ['queriesPerWrite', 5000, 'workload.queriesPerWrite must be between 1 and 1,000; got 5000'],
      ['deploysPerDay', -1, 'workload.deploysPerDay must be between 0 and 1,000; got -1'],
      ['deploysPerDay', 1e6, 'workload.deploysPerDay must be between 0 and 1,000; got 1000000'],
      ['flashFactor', 0.9, 'workload.flashFactor must be between 1 and 100; got 0.9'],
      ['flashFactor', 101, 'workload.flashFactor must be between 1 and 100; got 101'],
      ['flashFactor', NaN, 'workload.flashFactor must be a number between 1 and 100; got NaN'],
      ['audience', 'mars', 'workload.audience must be "regional" or "global"; got "mars"'],
      ['audience', 3, 'workload.audience must be "regional" or "global"; got 3'],
    ])('refuses the version 2 field workload.%s = %s', (field, value, message) => {
      expect(issuesOf(withWorkload({ [field]: value }))).toEqual([{ path: `workload.${field}`, message }]);
    });
  });

  it('rejects missing nodes and edges lists', () => {
    const issues = issuesOf({ schemaVersion: 1 });
    expect(issues.map((i) => i.path).sort()).toEqual(['edges', 'nodes']);
  });

  describe('params that do not apply to a kind (MODEL.md §9.5)', () => {
    const withParams = (i: number, params: Record<string, unknown>) => {
      const doc = clone(valid);
      doc.nodes[i].params = params;
      return doc;
    };

    it('takes the allowed params from the catalog, the one list', () => {
      for (const kind of KINDS) expect(paramsOfKind(kind)).toBe(CATALOG[kind].params);
    });

    it('refuses them in a new design, naming the kind’s params', () => {
      const r = parseDesign(withParams(3, { size: 'large', instances: 3 }), { newDesign: true });
      expect(r).toEqual({
        ok: false,
        issues: [
          {
            path: 'nodes[3].params.instances',
            message: `nodes[3].params.instances does not apply to a database; a database takes: ${CATALOG.database.params.join(', ')}`,
          },
        ],
      });
      const app = parseDesign(withParams(2, { instances: 3, hitRatio: 0.5 }), { newDesign: true });
      expect(app.ok ? [] : app.issues).toEqual([
        { path: 'nodes[2].params.hitRatio', message: `nodes[2].params.hitRatio does not apply to an app-server; an app-server takes: ${CATALOG['app-server'].params.join(', ')}` },
      ]);
      const users = parseDesign(withParams(0, { instances: 2 }), { strict: true });
      expect(users.ok ? [] : users.issues).toEqual([{ path: 'nodes[0].params.instances', message: 'nodes[0].params.instances does not apply to a users node; a users node takes no params' }]);
    });

    it('refuses them in strict (API) parsing by default', () => {
      expect(parseDesign(withParams(3, { instances: 3 }), { strict: true }).ok).toBe(false);
      expect(parseDesign(withParams(3, { instances: 3 }), { strict: true, newDesign: false }).ok).toBe(true);
    });

    it('accepts every param a kind takes in a new design', () => {
      const r = parseDesign(withParams(3, { size: 'large', shards: 2, shardSkew: 0.1, standby: true, maxStorageGB: 100, cores: 8, region: 'eu-1', availability: 0.999, hourlyUsd: 1 }), {
        newDesign: true,
      });
      expect(r).toMatchObject({ ok: true, notices: [] });
    });

    it('still loads an older design: the param is dropped and a notice says so', () => {
      const r = parseDesign(withParams(3, { size: 'large', instances: 3 }));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.design.nodes[3]).toEqual({ id: 'db', kind: 'database', params: { size: 'large' } });
      expect(r.notices).toEqual([
        { path: 'nodes[3].params.instances', message: `dropped instances from "db": it does not apply to a database (a database takes: ${CATALOG.database.params.join(', ')})` },
      ]);
      expect(describeNotices(r.notices)).toBe(`One setting did not apply and was dropped: instances from "db": it does not apply to a database (a database takes: ${CATALOG.database.params.join(', ')}).`);
    });

    it('loads a clean design with no notices and unchanged', () => {
      const r = parseDesign(valid);
      expect(r).toMatchObject({ ok: true, notices: [] });
      const d = { schemaVersion: 1 as const, nodes: [{ id: 'c', kind: 'cache' as const, params: { hitRatio: 0.5 } }], edges: [] };
      expect(dropInapplicableParams(d).design).toBe(d);
    });

    it('still reports a bad value of such a param, as before', () => {
      expect(issuesOf(withParams(2, { hitRatio: 1.5 }))[0]).toEqual({ path: 'nodes[2].params.hitRatio', message: 'hitRatio must be between 0 and 1' });
    });
  });
});

describe('a stored design from before version 2', () => {
  it('loads with a peak factor above 24 lowered to 24, and says so; a new design with one is refused', () => {
    const doc = { schemaVersion: 1, workload: { users: 1000, peakFactor: 1000 }, nodes: [{ id: 'users', kind: 'users' }], edges: [] };
    const loaded = parseDesign(doc);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.design.workload?.peakFactor).toBe(24);
    expect(loaded.notices).toEqual([{ path: 'workload.peakFactor', message: 'was 1000, above 24 (a peak hour cannot carry more than the day): loaded as 24' }]);
    const fresh = parseDesign(doc, { strict: true });
    expect(fresh.ok).toBe(false);
  });
});
