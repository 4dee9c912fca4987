import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';
import { evaluate } from '@/lib/engine';
import { designArb } from '@/lib/engine/testing';
import { costRows, roundToTotal } from './cost-lines';

describe('the bill shown in the results panel', () => {
  it('rounds lines to whole dollars that sum exactly to the rounded total', () => {
    expect(roundToTotal([0.4, 0.4, 0.4], 1.2)).toEqual([1, 0, 0]);
    expect(roundToTotal([10.7, 20.6, 30.7], 62)).toEqual([11, 20, 31]);
    expect(roundToTotal([0, 5], 5)).toEqual([0, 5]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { maxLength: 40 }), (values) => {
        const total = values.reduce((a, b) => a + b, 0);
        const out = roundToTotal(values, total);
        expect(out.reduce((a, b) => a + b, 0)).toBe(Math.round(total));
        // Every value moves by less than a dollar.
        out.forEach((d, i) => expect(Math.abs(d - values[i])).toBeLessThan(1 + 1e-9 * total));
      }),
    );
  });

  it('shows rows that add up to the total shown, on random designs', () => {
    fc.assert(
      fc.property(designArb({ autoscale: true }), (d) => {
        const rows = costRows(evaluate(d, undefined, { stages: false }).cost);
        const shown = [...rows.components, ...(rows.other ? [rows.other] : []), ...rows.shared];
        expect(shown.reduce((a, r) => a + r.dollars, 0)).toBe(rows.totalDollars);
        if (rows.other) expect(rows.other.children!.reduce((a, r) => a + r.dollars, 0)).toBe(rows.other.dollars);
        expect(rows.shared.map((r) => r.type)).toEqual(['egress', 'cdn', 'storage', 'transfer']);
      }),
      { numRuns: 100 },
    );
  });

  it('folds the stage-8 reference beyond its five dearest components into "Other components"', () => {
    const e = evaluate(REFERENCE_DESIGNS.find((r) => r.stage === 8)!.design, undefined, { stages: false });
    const rows = costRows(e.cost);
    expect(rows.components).toHaveLength(5);
    expect(rows.components[0].label).toBe('Logging');
    expect(rows.other?.label).toMatch(/^Other components \(\d+\)$/);
    expect(rows.totalDollars).toBe(Math.round(e.endToEnd.monthlyCostUsd));
  });
});
