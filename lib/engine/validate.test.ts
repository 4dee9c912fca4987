import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { InvalidDesignError } from './compile';
import type { Design } from './types';
import { validateDesign } from './validate';

const good = {
  schemaVersion: 1,
  workload: { users: 1000 },
  nodes: [
    { id: 'users', kind: 'users' },
    { id: 'app', kind: 'app-server' },
    { id: 'db', kind: 'database' },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'app' },
    { id: 'e2', source: 'app', target: 'db' },
  ],
};

function messages(raw: unknown): string {
  const r = validateDesign(raw);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}

describe('validate rejects invalid designs with messages naming the problem', () => {
  it('accepts a valid design', () => {
    expect(validateDesign(good).ok).toBe(true);
  });

  it('unknown kind', () => {
    const d = structuredClone(good);
    d.nodes[1].kind = 'mainframe';
    expect(messages(d)).toMatch(/nodes\[1\]\.kind: unknown kind "mainframe"/);
  });

  it('numbers past their ceiling, which would overflow the model to NaN (1e308 requests a day did)', () => {
    const d = structuredClone(good) as Design;
    d.workload = { users: 1000, requestsPerUserPerDay: 1e308, peakFactor: 5000 };
    d.nodes[1].params = { serviceMs: { read: 1e300 } };
    d.edges[0].params = { share: 1e308 };
    const text = messages(d);
    expect(text).toMatch(/workload\.requestsPerUserPerDay must be between 0 and 1,000,000; got 1e\+308/);
    expect(text).toMatch(/workload\.peakFactor must be between 1 and 24 \(a peak hour cannot carry more than the day\); got 5000/);
    expect(text).toMatch(/nodes\[1\]\.params\.serviceMs\.read: serviceMs\.read must be at most 3,600,000 \(an hour\)/);
    expect(text).toMatch(/edges\[0\]\.params\.share: share must be at most 1,000,000/);
  });

  it('cycle', () => {
    const d = structuredClone(good);
    d.edges.push({ id: 'e3', source: 'db', target: 'app' });
    expect(messages(d)).toMatch(/cycle: app → db → app/);
  });

  it('dangling edge', () => {
    const d = structuredClone(good);
    d.edges.push({ id: 'e3', source: 'app', target: 'ghost' });
    expect(messages(d)).toMatch(/edge "e3" ends at "ghost", which is not a node/);
  });

  it('duplicate id', () => {
    const d = structuredClone(good);
    d.nodes.push({ id: 'db', kind: 'cache' });
    expect(messages(d)).toMatch(/duplicate node id "db"/);
  });

  it('negative and non-finite params', () => {
    const d = structuredClone(good) as unknown as { nodes: { params?: unknown }[] };
    d.nodes[1].params = { instances: -2 };
    expect(messages(d)).toMatch(/nodes\[1\]\.params\.instances: instances must be at least 1/);
    d.nodes[1].params = { latencyMs: Infinity };
    expect(messages(d)).toMatch(/nodes\[1\]\.params\.latencyMs/);
    d.nodes[1].params = { hitRatio: NaN };
    expect(messages(d)).toMatch(/nodes\[1\]\.params\.hitRatio/);
  });

  it('unknown params', () => {
    const d = structuredClone(good) as unknown as { nodes: { params?: unknown }[] };
    d.nodes[1].params = { turbo: true };
    expect(messages(d)).toMatch(/turbo/);
  });
});

describe('evaluate guards its own input', () => {
  it('throws InvalidDesignError naming the problem instead of evaluating', () => {
    const cyclic = structuredClone(good) as Design;
    cyclic.edges.push({ id: 'e3', source: 'db', target: 'app' });
    expect(() => evaluate(cyclic)).toThrow(InvalidDesignError);
    expect(() => evaluate(cyclic)).toThrow(/cycle/);
    const dangling = structuredClone(good) as Design;
    dangling.edges.push({ id: 'e3', source: 'app', target: 'ghost' });
    expect(() => evaluate(dangling)).toThrow(/"ghost", which is not a node/);
    const negative = structuredClone(good) as Design;
    negative.nodes[1].params = { instances: -1 };
    expect(() => evaluate(negative)).toThrow(/instances must be a finite number/);
    const nan = structuredClone(good) as Design;
    nan.nodes[1].params = { hitRatio: NaN };
    expect(() => evaluate(nan)).toThrow(/hitRatio/);
    const dup = structuredClone(good) as Design;
    dup.nodes.push({ id: 'app', kind: 'cache' });
    expect(() => evaluate(dup)).toThrow(/duplicate node id "app"/);
    const unknown = structuredClone(good) as unknown as Design;
    (unknown.nodes[1] as { kind: string }).kind = 'mainframe';
    expect(() => evaluate(unknown)).toThrow(/unknown kind "mainframe"/);
  });
});
