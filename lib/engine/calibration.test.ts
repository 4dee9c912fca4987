/**
 * The calibration registry (MODEL.md §9.2): every engine value is read from
 * the catalog modules (changing the catalog changes the row), and every row
 * outside its published range says why.
 */
import { describe, expect, it } from 'vitest';
import { AUDIENCE, CATALOG, NETWORK } from './catalog';
import { CALIBRATION, calibrationResults, departure, type CalibrationResult } from './calibration';
import { HOURLY_PRICES, USAGE_PRICES } from './prices';
import { TECHNOLOGY_SPECS } from './technologies';
import { WORKLOAD_DEFAULTS } from './workload';
import { DYNAMODB, KAFKA, PROXIES, RABBITMQ, SQS } from './tech-figures';

const ROOTS: Record<string, unknown> = { CATALOG, NETWORK, AUDIENCE, HOURLY_PRICES, USAGE_PRICES, WORKLOAD_DEFAULTS, TECHNOLOGY_SPECS, DYNAMODB, KAFKA, PROXIES, RABBITMQ, SQS };

/**
 * Resolves a dotted path to its parent object and key. Keys may contain dots
 * themselves ("ec2-m6g.large"), so at each step the longest matching key wins.
 */
function resolve(path: string): { parent: Record<string, unknown>; key: string } {
  const dot = path.indexOf('.');
  const rootName = path.slice(0, dot);
  let obj = ROOTS[rootName] as Record<string, unknown>;
  if (!obj) throw new Error(`unknown root in ${path}`);
  let rest = path.slice(dot + 1);
  for (;;) {
    const keys = Object.keys(obj)
      .filter((k) => rest === k || rest.startsWith(`${k}.`))
      .sort((a, b) => b.length - a.length);
    if (keys.length === 0) throw new Error(`${path}: no key matches "${rest}"`);
    const key = keys[0];
    if (rest === key) return { parent: obj, key };
    obj = obj[key] as Record<string, unknown>;
    rest = rest.slice(key.length + 1);
  }
}

function fmt(r: CalibrationResult): string {
  const d = r.departure === null ? 'no published figure' : `${(r.departure * 100).toFixed(1)}%`;
  return `${r.row.id}: engine ${r.engineValue} ${r.row.unit}, published ${r.row.published ? `${r.row.published.low}–${r.row.published.high}` : '—'}, departure ${d}`;
}

describe('calibration registry', () => {
  it('has unique ids and a source for every row', () => {
    const ids = CALIBRATION.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of CALIBRATION) {
      expect(r.source.length, r.id).toBeGreaterThan(0);
      expect(r.reads.length, r.id).toBeGreaterThan(0);
      expect(Number.isFinite(r.engine()), r.id).toBe(true);
    }
  });

  it('reads every engine value from the catalog: changing a listed figure changes the row', () => {
    for (const r of CALIBRATION) {
      for (const path of r.reads) {
        const { parent, key } = resolve(path);
        const original = parent[key];
        expect(typeof original, `${r.id} reads ${path}`).toBe('number');
        const before = r.engine();
        try {
          parent[key] = (original as number) * 2 + 1;
          expect(r.engine(), `${r.id} must follow ${path}`).not.toBe(before);
        } finally {
          parent[key] = original;
        }
        expect(r.engine()).toBe(before);
      }
    }
  });

  it('computes departures outside the published range only', () => {
    const range = { low: 10, high: 20, text: '' };
    expect(departure(15, range)).toBe(0);
    expect(departure(10, range)).toBe(0);
    expect(departure(5, range)).toBeCloseTo(-0.5, 12);
    expect(departure(30, range)).toBeCloseTo(0.5, 12);
    expect(departure(30, null)).toBeNull();
  });

  it('explains every row outside its published range, and every row without one', () => {
    const results = calibrationResults();
    const outside = results.filter((r) => r.departure !== 0);
    // The report: largest departures first (visible in the test output).
    console.info(`Calibration rows outside their published range or without one:\n${outside.map(fmt).join('\n')}`);
    const unexplained = outside.filter((r) => !r.row.acceptedBecause);
    expect(unexplained.map(fmt)).toEqual([]);
  });

  it('keeps acceptedBecause for rows that depart (not for rows inside their range)', () => {
    // An explanation on a row inside its range is stale: the figure was fixed, so drop the excuse.
    const stale = calibrationResults().filter((r) => r.departure === 0 && r.row.acceptedBecause);
    expect(stale.map(fmt)).toEqual([]);
  });

  it('sorts the largest departures first', () => {
    const results = calibrationResults();
    const sizes = results.filter((r) => r.departure !== null).map((r) => Math.abs(r.departure!));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('matches the figures docs/model.md quotes for the v2 calibration', () => {
    // The failover figure is 1.5 min = 90 s, inside RDS's 60–120 s.
    const byId = new Map(calibrationResults().map((r) => [r.row.id, r]));
    expect(byId.get('failover')!.engineValue).toBeCloseTo(90, 9);
    expect(byId.get('failover')!.departure).toBe(0);
    expect(byId.get('db-write-statement')!.departure).toBe(0);
    expect(byId.get('db-read-query')!.departure).toBe(0);
  });
});
