import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWhatIf, compareWhatIf, describeWhatIf, designRegions, regionOf } from './what-if';
import { WORKLOAD_DEFAULTS } from './workload';
import type { Design } from './types';

const stage = (n: number): Design =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'content', 'stages', `stage-${n}.json`), 'utf8'));

function spof(design: Design): string {
  const id = design.nodes.find((n) => n.kind === 'database')?.id;
  if (!id) throw new Error('no database in the design');
  return id;
}

describe('what-if scenarios', () => {
  it('failing the only database of stage 3 makes reads and writes fail', () => {
    const d = stage(3);
    const c = compareWhatIf(d, { type: 'fail-node', nodeId: spof(d) });
    expect(c.baseline.endToEnd.availability).toBeGreaterThan(0.99);
    expect(c.scenario.endToEnd.availability).toBeLessThan(0.6);
    expect(c.delta.errorRate).toBeGreaterThan(0.4);
    expect(c.description).toMatch(/fails$/);
  });

  it('losing one of several app instances at stage 3 costs nothing visible', () => {
    const d = stage(3);
    const app = d.nodes.find((n) => n.kind === 'app-server' && (n.params?.instances ?? 1) > 1);
    expect(app).toBeDefined();
    const c = compareWhatIf(d, { type: 'fail-instance', nodeId: app!.id });
    expect(c.newlySaturated).toEqual([]);
    expect(c.scenario.endToEnd.errorRate).toBe(0);
    expect(c.scenario.nodes[app!.id].instances).toBe(c.baseline.nodes[app!.id].instances - 1);
    expect(c.scenario.nodes[app!.id].utilization).toBeGreaterThan(c.baseline.nodes[app!.id].utilization);
  });

  it('a flash crowd of ten times the peak saturates the stage-3 design', () => {
    const d = stage(3);
    const c = compareWhatIf(d, { type: 'flash-crowd', factor: 10 });
    expect(c.scenario.offered.total).toBeCloseTo(c.baseline.offered.total * 10, 6);
    expect(c.newlySaturated.length).toBeGreaterThan(0);
    expect(c.delta.errorRate).toBeGreaterThan(0);
  });

  it('a flash crowd never lowers the monthly bill: the month’s traffic is the same, only the peak hour is worse', () => {
    // Before, usage was billed as the served peak scaled down, so a tier overloaded by the crowd
    // billed a month of failures: stage 3's bill fell from $1,218 to $970 (QA).
    for (const users of [undefined, 1_000_000]) {
      const c = compareWhatIf(stage(3), { type: 'flash-crowd', factor: 10 }, users ? { users } : undefined);
      expect(c.newlySaturated.length + Object.values(c.baseline.nodes).filter((n) => n.saturated).length).toBeGreaterThan(0);
      expect(c.scenario.endToEnd.monthlyCostUsd).toBeCloseTo(c.baseline.endToEnd.monthlyCostUsd, 6);
    }
  });

  it('a failed instance lowers the bill by at most what the instance costs, even when the rest saturate', () => {
    const d = stage(3);
    const app = d.nodes.find((n) => n.kind === 'app-server')!;
    const c = compareWhatIf(d, { type: 'fail-instance', nodeId: app.id }, { users: 1_000_000 });
    expect(c.scenario.nodes[app.id].saturated).toBe(true);
    const perInstance = c.baseline.nodes[app.id].monthlyCostUsd / c.baseline.nodes[app.id].averageInstances;
    expect(c.delta.monthlyCostUsd).toBeGreaterThanOrEqual(-perInstance - 1e-6);
    expect(c.delta.monthlyCostUsd).toBeLessThan(0);
  });

  it('a cache flush sends every read to the data store behind the cache (stage 5)', () => {
    const d = stage(5);
    const cache = d.nodes.find((n) => n.kind === 'cache')!;
    const c = compareWhatIf(d, { type: 'cache-flush' });
    const behind = d.edges.filter((e) => e.source === cache.id).map((e) => e.target);
    expect(behind.length).toBeGreaterThan(0);
    const reads = (e: typeof c.baseline) => behind.reduce((s, id) => s + e.nodes[id].arrivalRps.read, 0);
    expect(reads(c.scenario)).toBeGreaterThan(reads(c.baseline) * 2);
  });

  it('a five times slower database raises read latency', () => {
    const d = stage(2);
    const c = compareWhatIf(d, { type: 'slow-database' });
    expect(c.delta.p95Ms.read).toBeGreaterThan(0);
    const db = spof(d);
    // Five times the CPU a query takes; its page reads from storage are not slower (MODEL.md §9.2).
    expect(c.scenario.nodes[db].storageIo!.cpuUtilization).toBeCloseTo(c.baseline.nodes[db].storageIo!.cpuUtilization * 5, 6);
  });

  it('failing a region removes exactly the nodes in it', () => {
    const d = stage(8);
    const regions = designRegions(d);
    expect(regions.length).toBeGreaterThanOrEqual(2);
    const { design } = applyWhatIf(d, { type: 'fail-region', region: regions[0] });
    expect(design.nodes.length).toBeLessThan(d.nodes.length);
    expect(design.nodes.every((n) => regionOf(n) !== regions[0])).toBe(true);
    // Global kinds belong to no region and survive.
    for (const n of d.nodes.filter((x) => regionOf(x) === null)) expect(design.nodes).toContainEqual(n);
    const c = compareWhatIf(d, { type: 'fail-region', region: regions[0] });
    // Stage 8 is built to survive a region: the survivors carry the load.
    expect(c.scenario.endToEnd.errorRate).toBeLessThan(0.01);
  });

  it('never changes the design it is given', () => {
    const d = stage(5);
    const before = JSON.stringify(d);
    for (const w of [
      { type: 'cache-flush' },
      { type: 'slow-database' },
      { type: 'flash-crowd' },
      { type: 'fail-node', nodeId: d.nodes[1].id },
    ] as const) {
      applyWhatIf(d, w);
    }
    expect(JSON.stringify(d)).toBe(before);
  });
});

describe('flash crowd default', () => {
  it('brings the workload’s flashFactor (5×) times the peak, as the stage 8 check does, and says so', () => {
    expect(WORKLOAD_DEFAULTS.flashFactor).toBe(5);
    expect(describeWhatIf({ type: 'flash-crowd' })).toBe('a flash crowd brings 5× the peak traffic');
    const d: Design = { schemaVersion: 1, workload: { users: 1000 }, nodes: [{ id: 'users', kind: 'users' }], edges: [] };
    expect(applyWhatIf(d, { type: 'flash-crowd' }).workload?.peakFactor).toBe(15);
  });
});
