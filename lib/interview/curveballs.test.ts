import { describe, expect, it } from 'vitest';
import type { Design } from '@/lib/engine/types';
import { applyEffect, judgeCurveball, primaryRegion, scenarioFor } from './curveballs';
import { problemWorkload } from './model';
import { getProblem } from './problems';
import type { Curveball } from './schema';

const problem = getProblem('url-shortener')!;
const w = problemWorkload(problem);

/**
 * A small single-region design that carries the URL shortener's load only just.
 * Its cache is set to a 90% hit ratio: with the default, the misses' storage
 * reads put the large database at 134% (its IOPS, MODEL.md §9.2), and it would
 * not carry the load at all.
 */
const single: Design = {
  schemaVersion: 1,
  nodes: [
    { id: 'users', kind: 'users' },
    { id: 'lb', kind: 'load-balancer' },
    { id: 'app', kind: 'app-server', label: 'App', params: { instances: 30, stateless: true } },
    { id: 'cache', kind: 'cache', label: 'Cache', params: { hitRatio: 0.9 } },
    { id: 'db', kind: 'database', label: 'DB', params: { size: 'large' } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'cache' },
    { id: 'e4', source: 'cache', target: 'db' },
    { id: 'e5', source: 'app', target: 'db' },
  ],
};

const curveball = (effects: Curveball['effects'], expect: Curveball['expect'] = {}): Curveball => ({
  id: 'test',
  title: 'Test',
  atMinute: 20,
  message: 'Test.',
  effects,
  expect,
  strongResponse: 'Do better.',
  lessonId: 'guide-reliability',
});

describe('curveball effects', () => {
  it('multiply workload fields (launch day: peak factor ×10)', () => {
    const s = applyEffect(
      { design: single, workload: w, notes: [] },
      { type: 'workload', multiply: { peakFactor: 10 } },
    );
    expect(s.workload.peakFactor).toBe(30);
    expect(s.design).toBe(single);
  });

  it('take the busiest region down, keeping global components', () => {
    const two: Design = {
      schemaVersion: 1,
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'dns', kind: 'dns', params: { routing: 'geo' } },
        { id: 'a', kind: 'app-server', params: { instances: 10, region: 'a' } },
        { id: 'b', kind: 'app-server', params: { instances: 10, region: 'b' } },
      ],
      edges: [
        { id: 'e1', source: 'users', target: 'dns' },
        { id: 'e2', source: 'dns', target: 'a' },
        { id: 'e3', source: 'dns', target: 'b' },
      ],
    };
    expect(primaryRegion(two, w)).toBe('a');
    const s = applyEffect({ design: two, workload: w, notes: [] }, { type: 'region-down' });
    expect(s.design.nodes.map((n) => n.id)).toEqual(['users', 'dns', 'b']);
    expect(s.design.edges.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(s.notes[0]).toMatch(/Region a is down/);
  });

  it('take a zone down: half the instances, standbys used, lone instances lost', () => {
    const design: Design = {
      ...single,
      nodes: single.nodes.map((n) => (n.id === 'db' ? { ...n, params: { ...n.params, standby: true } } : n)),
    };
    const s = applyEffect({ design, workload: w, notes: [] }, { type: 'zone-down', fraction: 0.5 });
    const byId = new Map(s.design.nodes.map((n) => [n.id, n]));
    expect(byId.get('app')!.params!.instances).toBe(15);
    expect(byId.has('cache')).toBe(false);
    expect(byId.get('db')!.params!.standby).toBe(false);
    expect(byId.get('lb')).toBeDefined();
    const noStandby = applyEffect({ design: single, workload: w, notes: [] }, { type: 'zone-down', fraction: 0.5 });
    expect(noStandby.design.nodes.some((n) => n.id === 'db')).toBe(false);
  });

  it('slow a dependency down by multiplying its service times', () => {
    const s = applyEffect(
      { design: single, workload: w, notes: [] },
      { type: 'slow', kinds: ['database', 'worker'], factor: 5 },
    );
    // Model v2 (MODEL.md §9.2) states a database's service times per query:
    // 0.12 ms a read query, 0.17 ms a write statement, and a request makes
    // workload.queriesPerRead (or queriesPerWrite) of them. A slow dependency
    // makes each query 5× slower; the number of queries a request makes stays
    // the same, so a read request's database time grows 5× as before.
    const svc = s.design.nodes.find((n) => n.id === 'db')!.params!.serviceMs!;
    expect(svc.static).toBeCloseTo(0.6, 10);
    expect(svc.read).toBeCloseTo(0.6, 10);
    expect(svc.write).toBeCloseTo(0.85, 10);
    expect(s.workload.queriesPerRead).toBe(w.queriesPerRead);
    expect(s.workload.queriesPerWrite).toBe(w.queriesPerWrite);
    expect(s.workload.jobServiceMs).toBe(w.jobServiceMs * 5);
  });

  it('set parameters on every node of a kind (a cold cache)', () => {
    const s = scenarioFor(problem, single, curveball([{ type: 'params', kinds: ['cache'], set: { hitRatio: 0.3 } }]));
    expect(s.design.nodes.find((n) => n.id === 'cache')!.params).toEqual({ hitRatio: 0.3 });
  });
});

describe('judging a curveball', () => {
  it('fails a single-region design when its region goes down', () => {
    const r = judgeCurveball(problem, single, curveball([{ type: 'region-down' }]));
    expect(r.outcome).toBe('failed');
    expect(r.errorRate).toBeGreaterThan(0.9);
  });

  it('names the component that gave way under a surge', () => {
    const r = judgeCurveball(problem, single, curveball([{ type: 'workload', multiply: { peakFactor: 10 } }]));
    expect(r.outcome).not.toBe('held');
    expect(r.reasons[0]).toMatch(/saturated at \d+% of capacity/);
  });

  it('counts shedding as graceful only where the curveball allows it', () => {
    const limited: Design = {
      ...single,
      nodes: [...single.nodes, { id: 'rl', kind: 'rate-limiter', params: { instances: 3, limitRps: 7000 } }],
      edges: [
        { id: 'e0', source: 'users', target: 'rl' },
        { id: 'e1', source: 'rl', target: 'lb' },
        ...single.edges.slice(1),
      ],
    };
    const surge = [{ type: 'workload' as const, multiply: { peakFactor: 3 } }];
    expect(judgeCurveball(problem, limited, curveball(surge)).reasons.join()).toMatch(/rate limiting turned away/);
    const allowed = judgeCurveball(problem, limited, curveball(surge, { maxShedShare: 1, p95ReadMs: 200 }));
    expect(allowed.reasons).toEqual([]);
    expect(allowed.outcome).toBe('held');
  });
});
