import { describe, expect, it } from 'vitest';
import { capacitySentence, cutsCapacity, projectInstances } from './capacity-warning';
import { READABLE_ZOOM, readableFit } from './fit';
import type { ComparisonSummary } from './scoring-engine';
import { edgeMark, nodeMark, shownComparison, whatIfMarks } from './what-if-view';

describe('readableFit', () => {
  it('fits a small design whole, centred, at most at the largest zoom', () => {
    const v = readableFit({ x: 0, y: 0, width: 400, height: 100 }, { width: 1000, height: 800 });
    expect(v.fits).toBe(true);
    expect(v.zoom).toBe(1.25);
    expect(v.x + (400 * v.zoom) / 2).toBeCloseTo(500);
    expect(v.y + (100 * v.zoom) / 2).toBeCloseTo(400);
  });

  it('stops at the readable zoom for a large design and starts from its left edge, centred on the entry’s row', () => {
    const v = readableFit({ x: 100, y: -200, width: 4000, height: 2000 }, { width: 900, height: 700 }, 300);
    expect(v.fits).toBe(false);
    expect(v.zoom).toBe(READABLE_ZOOM);
    // The left edge of the design is 32 px inside the canvas.
    expect(v.x + 100 * v.zoom).toBeCloseTo(32);
    // The entry's row is in the middle of the view.
    expect(v.y + 300 * v.zoom).toBeCloseTo(350);
  });

  it('keeps the view inside the design when the entry is near its top', () => {
    const v = readableFit({ x: 0, y: 0, width: 4000, height: 2000 }, { width: 900, height: 700 }, 10);
    expect(v.y).toBeCloseTo(32);
  });
});

const comparison = (over: Partial<ComparisonSummary> = {}): ComparisonSummary => {
  const snap = { availability: 1, errorRate: 0, p95Ms: { read: 1, write: 1, overall: 1 }, shedRps: 0, monthlyCostUsd: 1, bottleneck: { nodeId: null, utilization: 0 }, saturated: [], spofs: [] };
  return {
    whatIf: { type: 'fail-node', nodeId: 'a' },
    description: 'App A fails',
    users: 1000,
    baseline: snap,
    scenario: { ...snap, saturated: ['db'] },
    newlySaturated: ['db'],
    failed: ['a'],
    edges: { la: { before: 50, after: 0 }, lb: { before: 50, after: 100 }, ad: { before: 50, after: 0 }, bd: { before: 50, after: 100 }, ul: { before: 100, after: 100 } },
    ...over,
  };
};

describe('what-if marks', () => {
  const edges = [
    { id: 'ul', source: 'users', target: 'lb' },
    { id: 'la', source: 'lb', target: 'a' },
    { id: 'lb', source: 'lb', target: 'b' },
    { id: 'ad', source: 'a', target: 'db' },
    { id: 'bd', source: 'b', target: 'db' },
  ];

  it('marks the failed component, the one it overloads, lost, rerouted and overloading traffic; unchanged connections carry no mark', () => {
    const c = comparison();
    expect(nodeMark(c, 'a')).toBe('failed');
    expect(nodeMark(c, 'db')).toBe('saturates');
    expect(nodeMark(c, 'b')).toBeNull();
    const marks = whatIfMarks(c, edges);
    expect(Object.fromEntries(Object.entries(marks.edges).map(([id, m]) => [id, m.kind]))).toEqual({ la: 'lost', ad: 'lost', lb: 'rerouted', bd: 'overload' });
    expect(marks.edges.la).toEqual({ kind: 'lost', before: 50, after: 0 });
  });

  it('calls more traffic under a bigger load "more", not rerouted', () => {
    const c = comparison({ whatIf: { type: 'flash-crowd' }, failed: [], newlySaturated: [], scenario: { ...comparison().scenario, saturated: [] } });
    expect(edgeMark(c, 'lb', 'lb', 'b')?.kind).toBe('more');
  });

  it('is shown only for the chosen what-if, in the What if section', () => {
    const value = comparison();
    const chaos = { key: 'k', status: 'ready' as const, value };
    expect(shownComparison({ whatIf: value.whatIf, section: 'chaos', chaos })).toBe(value);
    expect(shownComparison({ whatIf: value.whatIf, section: 'scorecard', chaos })).toBeNull();
    expect(shownComparison({ whatIf: null, section: 'chaos', chaos })).toBeNull();
    expect(shownComparison({ whatIf: { type: 'fail-node', nodeId: 'b' }, section: 'chaos', chaos })).toBeNull();
  });
});

describe('capacity warning', () => {
  const now = { utilization: 0.85, instances: 8, arrivalRps: 1000 };

  it('scales utilisation by the instance count and drops what exceeds the capacity', () => {
    const p = projectInstances(now, 2);
    expect(p.utilization).toBeCloseTo(3.4);
    expect(p.dropsRps).toBeCloseTo(1000 * (1 - 1 / 3.4));
    expect(capacitySentence(p)).toBe('2 instances would run at 340% busy (drops 706 req/s)');
    expect(capacitySentence({ ...p, instances: 1 }, true)).toMatch(/^1 instance runs at/);
  });

  it('warns only for a cut that leaves the component hot or worse', () => {
    expect(cutsCapacity(now, projectInstances(now, 2))).toBe(true);
    expect(cutsCapacity(now, projectInstances(now, 12))).toBe(false);
    const idle = { utilization: 0.1, instances: 8, arrivalRps: 10 };
    expect(cutsCapacity(idle, projectInstances(idle, 4))).toBe(false);
  });
});
