import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';
import { evaluate, sweep } from './evaluate';
import { KINDS } from '../design/kinds';
import { LESSON_IDS } from './lessons';
import { STAGES } from './stages';
import type { Design } from './types';
import { validateDesign } from './validate';

const dir = path.resolve(__dirname, '../../content/stages');

function reference(stage: number): Design {
  const raw = JSON.parse(readFileSync(path.join(dir, `stage-${stage}.json`), 'utf8'));
  const parsed = validateDesign(raw);
  if (!parsed.ok) throw new Error(`stage-${stage}.json is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.design;
}

const evaluations = STAGES.map((s) => evaluate(reference(s.stage)));

describe('stage reference designs (MODEL.md §6 invariant)', () => {
  for (const spec of STAGES) {
    const e = evaluations[spec.stage - 1];
    const design = reference(spec.stage);

    it(`stage ${spec.stage} reference is a valid, laid-out, named design document`, () => {
      expect(design.schemaVersion).toBe(1);
      expect(design.name).toMatch(new RegExp(`^Stage ${spec.stage} reference: `));
      expect(design.workload?.users).toBe(spec.users);
      for (const n of design.nodes) {
        expect(n.label, n.id).toBeTruthy();
        expect(n.position, n.id).toBeDefined();
      }
      // Left to right: every edge points rightwards.
      const x = new Map(design.nodes.map((n) => [n.id, n.position!.x]));
      for (const ed of design.edges) expect(x.get(ed.target)!, ed.id).toBeGreaterThan(x.get(ed.source)!);
    });

    it(`stage ${spec.stage} reference passes stage ${spec.stage} within its $${spec.budgetUsd.toLocaleString('en-US')} budget`, () => {
      const own = e.stages[spec.stage - 1];
      expect(own.checks.filter((c) => !c.passed).map((c) => c.label)).toEqual([]);
      expect(own.passed).toBe(true);
      expect(own.score).toBe(100);
      expect(own.checks.find((c) => c.id === 'cost')!.value!).toBeLessThanOrEqual(spec.budgetUsd);
    });

    const next = STAGES[spec.stage];
    if (next) {
      it(`stage ${spec.stage} reference fails stage ${next.stage}, and a finding points to ${next.lessonId}`, () => {
        const r = e.stages[next.stage - 1];
        expect(r.passed).toBe(false);
        expect(r.findings.some((f) => f.lessonId === next.lessonId)).toBe(true);
      });
    }
  }

  it('every check is a sentence naming what it measured, with numbers where it measured one', () => {
    const s4 = evaluations[3].stages[3];
    const latency = s4.checks.find((c) => c.id === 'latency')!;
    expect(latency.label).toMatch(/^server-side p95 read latency [\d.]+ ms ≤ 300 ms$/);
    expect(s4.checks.find((c) => c.id === 'availability')!.label).toMatch(/^availability [\d.]+% ≥ 99\.9%$/);
    expect(s4.checks.find((c) => c.id === 'cost')!.label).toMatch(/^monthly cost \$[\d,]+ ≤ \$20,000 budget$/);
    for (const r of evaluations.flatMap((x) => x.stages)) for (const c of r.checks) expect(c.label.length).toBeGreaterThan(8);
  });

  it('scores add up to the parts, within 0–100', () => {
    for (const r of evaluations.flatMap((x) => x.stages)) {
      const p = r.scoreParts;
      expect(r.score).toBe(Math.round(p.capacity + p.latency + p.availability + p.cost + p.practices));
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
    }
  });
});

describe('lessons', () => {
  it('every finding of every reference design, at every stage, points to a known lesson', () => {
    for (const e of evaluations) {
      for (const f of [...e.findings, ...e.stages.flatMap((s) => s.findings)]) expect(LESSON_IDS).toContain(f.lessonId);
    }
  });

  it('every stage has its lesson', () => {
    for (const s of STAGES) expect(LESSON_IDS).toContain(s.lessonId);
  });
});

describe('catalog', () => {
  it('has one entry per kind with a source for every default', () => {
    for (const k of KINDS) {
      const spec = CATALOG[k];
      expect(spec.kind).toBe(k);
      expect(spec.label.length).toBeGreaterThan(1);
      expect(spec.description).toMatch(/\.$/);
      for (const [key, d] of Object.entries(spec.defaults)) expect((d as { source: string }).source, `${k}.${key}`).toBeTruthy();
    }
  });
});

describe('findings name the dominant load and the technique that removes it', () => {
  const base = (nodes: Design['nodes'], edges: [string, string][], users: number): Design => ({
    schemaVersion: 1,
    workload: { users },
    nodes,
    edges: edges.map(([s, t], i) => ({ id: `e${i}`, source: s, target: t })),
  });

  it('static on app servers → CDN', () => {
    const d = base(
      [
        { id: 'users', kind: 'users' },
        { id: 'app', kind: 'app-server', params: { serviceMs: { static: 20 }, instances: 4 } },
        { id: 'db', kind: 'database' },
        { id: 'q', kind: 'queue' },
      ],
      [
        ['users', 'app'],
        ['app', 'db'],
        ['app', 'q'],
      ],
      1_000_000,
    );
    const f = evaluate(d, undefined, { stages: false }).findings.find((x) => x.nodeId === 'app' && x.code === 'saturated')!;
    expect(f.message).toMatch(/Static files make up/);
    expect(f.message).toMatch(/CDN/);
    expect(f.lessonId).toBe('stage-5-cache-cdn');
  });

  it('reads on a database → read replicas', () => {
    const d = base(
      [
        { id: 'users', kind: 'users' },
        { id: 'app', kind: 'app-server', params: { instances: 60 } },
        { id: 'db', kind: 'database', params: { size: 'small', serviceMs: { read: 10 } } },
      ],
      [
        ['users', 'app'],
        ['app', 'db'],
      ],
      3_000_000,
    );
    const db = evaluate(d, undefined, { stages: false }).findings.find((x) => x.nodeId === 'db' && x.code === 'saturated')!;
    expect(db.message).toMatch(/Reads make up/);
    expect(db.message).toMatch(/read replicas/);
    expect(db.lessonId).toBe('stage-4-replication-sharding');
  });

  it('background jobs run inline → queue and workers; one instance → load balancer', () => {
    const d = base(
      [
        { id: 'users', kind: 'users' },
        { id: 'app', kind: 'app-server' },
        { id: 'db', kind: 'database' },
      ],
      [
        ['users', 'app'],
        ['app', 'db'],
      ],
      1_000_000,
    );
    const inline = evaluate(d, { readRatio: 0.5 }, { stages: false });
    const app = inline.findings.find((x) => x.nodeId === 'app' && x.code === 'saturated')!;
    expect(app.message).toMatch(/Background jobs run inline make up/);
    expect(app.lessonId).toBe('stage-6-async-queues');
    expect(inline.nodes.app.dominantLoad).toBe('inline-job');
    const reads = evaluate(d, { staticShare: 0, readRatio: 1 }, { stages: false });
    const one = reads.findings.find((x) => x.nodeId === 'app' && x.code === 'saturated')!;
    expect(one.message).toMatch(/Reads make up 100%.*more instances behind a load balancer/);
    expect(one.lessonId).toBe('stage-3-load-balancer');
  });

  it('unhandled traffic fails and says what to connect', () => {
    const d = base(
      [
        { id: 'users', kind: 'users' },
        { id: 'app', kind: 'app-server' },
      ],
      [['users', 'app']],
      10_000,
    );
    const e = evaluate(d, undefined, { stages: false });
    const f = e.findings.find((x) => x.code === 'unhandled-traffic')!;
    expect(f.message).toMatch(/Connect it to a database/);
    expect(e.endToEnd.errorRate).toBeCloseTo((e.offered.read + e.offered.write) / e.offered.total, 10);
  });

  it('a design without users is reported, not evaluated as healthy', () => {
    const e = evaluate({ schemaVersion: 1, workload: { users: 1000 }, nodes: [{ id: 's', kind: 'server' }], edges: [] }, undefined, { stages: false });
    expect(e.findings[0].code).toBe('no-users');
    expect(e.endToEnd.errorRate).toBe(1);
    expect(e.endToEnd.availability).toBe(0);
  });
});

describe('kind behaviour', () => {
  it('a cache serves its hit ratio; read replicas take all reads and apply writes; a CDN serves static at the edge', () => {
    const e = evaluations[4];
    const o = e.offered;
    expect(e.nodes.cache.arrivalRps.read).toBeCloseTo(o.read, 8);
    expect(e.nodes.replicas.arrivalRps.read).toBeCloseTo(o.read * 0.2, 8);
    expect(e.nodes.db.servedRps.read).toBeCloseTo(o.read * 0.2, 8); // routed on, not processed
    expect(e.nodes.db.dominantLoad).toBe('write');
    expect(e.nodes.replicas.dominantLoad === 'replica-apply' || e.nodes.replicas.dominantLoad === 'read').toBe(true);
    expect(e.nodes.assets.arrivalRps.static).toBeCloseTo(o.static * 0.1, 8);
    expect(e.nodes.app.arrivalRps.static).toBe(0);
  });

  it('workers behind a queue run at the average job rate; the backlog and drain time are reported', () => {
    const e = evaluations[5];
    const jobs = e.offered.write * 0.2;
    expect(e.nodes.queue.arrivalRps.job).toBeCloseTo(jobs, 8);
    expect(e.nodes.workers.arrivalRps.job).toBeCloseTo(jobs / 3, 8);
    expect(e.nodes.db.arrivalRps.job).toBeCloseTo(jobs / 3, 8);
    const q = e.nodes.queue.queue!;
    const capacity = 10 * 2 * (1000 / 200);
    expect(q.workerCapacityRps).toBeCloseTo(capacity, 8);
    expect(q.backlogJobs).toBeCloseTo((jobs - capacity) * 3600, 6);
    expect(q.drainSeconds!).toBeCloseTo(q.backlogJobs / (capacity - jobs / 3), 6);
    expect(e.jobs.inlineRps).toBe(0);
  });

  it('shards split the data and a database holds at most maxStorageGB per shard', () => {
    const d = reference(6);
    const e = evaluations[5];
    expect(e.nodes.db.storageFull).toBe(false);
    const one = structuredClone(d);
    one.nodes.find((n) => n.id === 'db')!.params!.shards = 1;
    // 40M users × 2 MB = 80 TB: more than one instance's 64 TiB (MODEL.md §9.2).
    const e1 = evaluate(one, { users: 40_000_000 }, { stages: false });
    expect(e1.nodes.db.storageFull).toBe(true);
    expect(e1.findings.some((f) => f.code === 'storage-full' && f.lessonId === 'guide-sharding')).toBe(true);
  });

  it('geo DNS over two regions that each carry the other counts the regions in parallel', () => {
    const e = evaluations[7];
    expect(e.regions.parallel).toBe(true);
    expect(e.regions.checks.every((c) => c.carried)).toBe(true);
    // Shrink one region's gateway: it can no longer take the other's users.
    const d = reference(8);
    d.nodes.find((n) => n.id === 'west-gateway')!.params!.instances = 3;
    const e2 = evaluate(d, undefined, { stages: false });
    expect(e2.regions.parallel).toBe(false);
    expect(e2.findings.some((f) => f.code === 'region-not-covered')).toBe(true);
    expect(e2.endToEnd.availability).toBeLessThan(e.endToEnd.availability);
  });

  it('a rate limiter sheds above its limit, reported as shed, not failed', () => {
    const d = reference(8);
    for (const n of d.nodes) if (n.kind === 'rate-limiter') n.params!.limitRps = 20_000;
    const e = evaluate(d, undefined, { stages: false });
    expect(e.endToEnd.shedRps).toBeGreaterThan(0);
    expect(e.endToEnd.errorRate).toBe(0);
    expect(e.findings.some((f) => f.code === 'shedding')).toBe(true);
  });

  it('a saturated node serves at capacity, fails the excess, reports the timeout and uncapped utilisation', () => {
    const e = evaluations[2].stages[3];
    expect(e.passed).toBe(false);
    const x = evaluate(reference(3), { users: 1_000_000 }, { stages: false });
    expect(x.nodes.app.saturated).toBe(true);
    expect(x.nodes.app.utilization).toBeGreaterThan(1);
    expect(x.nodes.app.responseMs.p99).toBe(10_000);
    expect(x.endToEnd.errorRate).toBeCloseTo(1 - 1 / x.nodes.app.utilization, 8);
    // Only the served rate flows on.
    expect(x.nodes.db.arrivalRps.read).toBeCloseTo(x.offered.read / x.nodes.app.utilization, 6);
  });

  it('least-connections pools instances (lower wait); round-robin smooths arrivals (lower than random)', () => {
    const d = reference(4);
    const p95 = (alg: 'round-robin' | 'random' | 'least-connections') => {
      const x = structuredClone(d);
      x.nodes.find((n) => n.id === 'lb')!.params = { algorithm: alg };
      return evaluate(x, { users: 1_400_000 }, { stages: false }).nodes.app.responseMs.p95;
    };
    const rr = p95('round-robin');
    const random = p95('random');
    const lc = p95('least-connections');
    expect(rr).toBeLessThan(random);
    expect(lc).toBeLessThan(random);
  });
});

describe('sweep', () => {
  it('finds the first failing user count and the component, at log-spaced users', () => {
    const r = sweep(reference(3), 10_000, 10_000_000, 13);
    expect(r.points).toHaveLength(13);
    expect(r.points[0].users).toBe(10_000);
    expect(r.points[12].users).toBe(10_000_000);
    expect(r.points[6].users).toBe(Math.round(10_000 * Math.pow(1000, 0.5)));
    expect(r.failingNodeId).toBe('app');
    expect(r.firstFailingUsers).toBeGreaterThan(100_000);
    expect(r.firstFailingUsers).toBeLessThanOrEqual(1_000_000);
    expect(r.capacityLimitUsers).toBeGreaterThan(600_000);
    expect(r.capacityLimitUsers).toBeLessThanOrEqual(r.firstFailingUsers!);
    expect(r.points.every((p) => p.evaluation.stages.length === 0)).toBe(true);
  });
});

describe('names in checks and findings', () => {
  it('name components as the canvas does: their own label, else the kind, never the id', () => {
    // No labels, ids the learner never sees: the canvas shows "Users", "App server", "Database".
    const design: Design = {
      schemaVersion: 1,
      name: 'unlabelled',
      nodes: [
        { id: 'u', kind: 'users' },
        { id: 'a', kind: 'app-server' },
        { id: 'd', kind: 'database', params: { size: 'small' } },
      ],
      edges: [
        { id: 'e1', source: 'u', target: 'a' },
        { id: 'e2', source: 'a', target: 'd' },
      ],
    };
    const e = evaluate(design, { users: 5_000_000 });
    const capacity = e.stages[3].checks.find((c) => c.id === 'capacity')!;
    expect(capacity.passed).toBe(false);
    expect(capacity.label).toMatch(/^(App server|Database)(, (App server|Database))* saturated/);
    const spof = e.findings.find((f) => f.code === 'spof' && f.nodeId === 'a')!;
    expect(spof.message).toMatch(/^App server is a single point of failure/);
    for (const f of e.findings) expect(f.message, f.message).not.toMatch(/"[aud]"/);
    // A label of its own is quoted after the kind.
    const named = evaluate({ ...design, nodes: design.nodes.map((n) => (n.id === 'a' ? { ...n, label: 'checkout' } : n)) }, { users: 5_000_000 });
    expect(named.findings.find((f) => f.code === 'spof' && f.nodeId === 'a')!.message).toMatch(/^App server "checkout" is a single point of failure/);
  });
});
