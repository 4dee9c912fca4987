import { describe, expect, it } from 'vitest';
import { TECHNOLOGIES, technologyParams, type Kind, type Design } from '@/lib/engine/data';
import { runEngineRequest } from './scoring-engine';
import { createEditorStore } from './store';
import {
  changeSummary,
  GENERIC,
  metricCells,
  technologyChoices,
  technologyList,
  technologyName,
  technologyPatch,
  technologyTag,
  type TechnologyComparison,
  type TechnologyRow,
} from './technology-view';

/** Users → load balancer → 8 app servers → a cache and a database (compared at stage 5's million users). */
const withCache = (technology?: string): Design => ({
  schemaVersion: 1,
  nodes: [
    { id: 'users', kind: 'users' },
    { id: 'lb', kind: 'load-balancer' },
    { id: 'app', kind: 'app-server', params: { instances: 8 } },
    { id: 'cache', kind: 'cache', params: technology ? { technology } : {} },
    { id: 'db', kind: 'database', params: { size: 'xlarge' } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'cache' },
    { id: 'e4', source: 'app', target: 'db' },
  ],
});

function compare(design: Design, nodeId: string, users = 1_000_000, stage = 5): TechnologyComparison {
  const result = runEngineRequest({ type: 'technologies', design, nodeId, users, stage });
  if (!result.ok) throw new Error(result.message);
  return result.value as TechnologyComparison;
}

const row = (over: Partial<TechnologyRow>): TechnologyRow => ({
  technology: 'redis',
  capacityRps: 10_000,
  p95Ms: 20,
  p99Ms: 40,
  availability: 0.999,
  monthlyUsd: 1_000,
  staleReadShare: 0,
  passes: true,
  ...over,
});

describe('technology names, as the card, the palette and the results say them', () => {
  it('a kind with choices lists Generic first, then the registry’s order; a kind without has none', () => {
    expect(technologyChoices('cache')).toEqual([GENERIC, ...TECHNOLOGIES.cache]);
    expect(technologyChoices('app-server')).toEqual([]);
  });

  it('the card says "generic" for a cache without a technology, the product’s name with one, and nothing for an app server', () => {
    expect(technologyTag('cache', undefined)).toEqual({ text: 'generic', generic: true });
    expect(technologyTag('cache', 'memcached')).toEqual({ text: technologyName('cache', 'memcached'), generic: false });
    expect(technologyName('cache', 'memcached')).toBe('Memcached');
    expect(technologyTag('app-server', undefined)).toBeNull();
  });

  it('the palette’s tooltip and search know the cache’s products', () => {
    expect(technologyList('cache')).toMatch(/^Redis, .*Memcached.* or /);
    expect(technologyList('app-server')).toBe('');
  });
});

describe('choosing a technology is one edit', () => {
  it('sets the technology, or removes it for generic', () => {
    expect(technologyPatch('cache', undefined, 'redis')).toEqual({ technology: 'redis' });
    expect(technologyPatch('cache', 'redis', GENERIC)).toEqual({ technology: undefined });
  });

  it('removes the settings only the old technology takes, so the switch is never refused for a leftover', () => {
    for (const [kind, ids] of Object.entries(TECHNOLOGIES) as [Kind, readonly string[]][]) {
      for (const from of ids) {
        for (const to of [GENERIC, ...ids]) {
          const patch = technologyPatch(kind, from, to) as Record<string, unknown>;
          const kept = new Set<string>(technologyParams(kind, to));
          for (const key of technologyParams(kind, from)) {
            if (kept.has(key)) expect(patch).not.toHaveProperty(key);
            else expect(patch).toHaveProperty(key, undefined);
          }
        }
      }
    }
  });

  it('in the editor, Redis then Memcached are two undo steps: Undo restores Redis, then generic', () => {
    const store = createEditorStore();
    store.getState().loadDesign(withCache(), 'reset');
    const tech = () => store.getState().graph.nodes.find((n) => n.id === 'cache')!.data.params.technology;
    expect(store.getState().updateNodeParams('cache', technologyPatch('cache', tech(), 'redis'))).toEqual({ ok: true });
    expect(store.getState().updateNodeParams('cache', technologyPatch('cache', tech(), 'memcached'))).toEqual({ ok: true });
    expect(tech()).toBe('memcached');
    store.getState().undo();
    expect(tech()).toBe('redis');
    store.getState().undo();
    expect(tech()).toBeUndefined();
    expect(store.getState().graph.nodes.find((n) => n.id === 'cache')!.data.params).toEqual({});
  });
});

describe('the compare view’s numbers (the worker’s "technologies" request)', () => {
  it('lists generic and every cache technology, and Memcached’s capacity is shown as better than Redis’s', () => {
    const c = compare(withCache('redis'), 'cache');
    expect(c.rows.map((r) => r.technology)).toEqual(technologyChoices('cache'));
    const redis = c.rows.find((r) => r.technology === 'redis')!;
    const memcached = c.rows.find((r) => r.technology === 'memcached')!;
    expect(memcached.capacityRps!).toBeGreaterThan(redis.capacityRps!);
    const capacity = metricCells(memcached, redis).find((m) => m.key === 'capacityRps')!;
    expect(capacity.change).toMatchObject({ better: true });
    // Every row is judged at the stage asked for.
    for (const r of c.rows) expect(typeof r.passes).toBe('boolean');
  });

  it('comparing does not change the design it was given', () => {
    const design = withCache('redis');
    const before = JSON.stringify(design);
    compare(design, 'cache');
    expect(JSON.stringify(design)).toBe(before);
  });

  it('a kind without choices compares nothing', () => {
    expect(compare(withCache(), 'app').rows).toEqual([]);
  });

  it('refuses a component that is not in the design, with a message', () => {
    const result = runEngineRequest({ type: 'technologies', design: withCache(), nodeId: 'gone', users: 1000, stage: 1 });
    expect(result).toMatchObject({ ok: false });
  });
});

describe('differences: what is marked better or worse against the technology in use', () => {
  const base = row({});

  it('more capacity is better, written as a ratio when large', () => {
    const cells = metricCells(row({ technology: 'memcached', capacityRps: 36_000 }), base);
    expect(cells.find((c) => c.key === 'capacityRps')!.change).toEqual({ text: '3.6×', better: true });
  });

  it('lower latency and lower cost are better; higher are worse', () => {
    const cells = metricCells(row({ technology: 'valkey', p95Ms: 15, p99Ms: 55, monthlyUsd: 1_500 }), base);
    expect(cells.find((c) => c.key === 'p95Ms')!.change).toMatchObject({ better: true });
    expect(cells.find((c) => c.key === 'p99Ms')!.change).toMatchObject({ better: false });
    expect(cells.find((c) => c.key === 'monthlyUsd')!.change).toEqual({ text: '+$500', better: false });
  });

  it('higher availability is better, in percentage points', () => {
    const cell = metricCells(row({ technology: 'valkey', availability: 0.9999 }), base).find((c) => c.key === 'availability')!;
    expect(cell.change).toEqual({ text: '+0.09 pts', better: true });
  });

  it('differences under 1% are not pointed out, nor anything on the row in use', () => {
    expect(metricCells(row({ technology: 'valkey', capacityRps: 10_050, monthlyUsd: 1_004 }), base).every((c) => c.change === null)).toBe(true);
    expect(metricCells(base, base).every((c) => c.change === null)).toBe(true);
  });

  it('a component without a capacity figure shows a dash and no difference', () => {
    const cell = metricCells(row({ technology: 'valkey', capacityRps: null }), base).find((c) => c.key === 'capacityRps')!;
    expect(cell).toMatchObject({ text: '—', change: null });
  });

  it('the summary sentence names what is better, what is worse and a stage that now fails', () => {
    const text = changeSummary('cache', row({ technology: 'memcached', capacityRps: 36_000, monthlyUsd: 2_000, passes: false }), base);
    expect(text).toBe('Memcached against Redis: Capacity 3.6× (better), Cost / month +$1,000 (worse), fails the stage.');
  });
});
