import { describe, expect, it } from 'vitest';
import { groupError } from '@/lib/editor/param-meta';
import { autoscaleStart, planGroupCommit } from './group-commit';

const cross = (edited: string, values: Readonly<Record<string, unknown>>) => groupError('autoscale', edited, values);

describe('committing an autoscale field', () => {
  const start = { min: 1, max: 8, target: 0.6 };

  it('keeps a minimum typed before the maximum was raised (was dropped: "auto 1–250")', () => {
    const first = planGroupCommit(start, {}, 'min', 20, cross);
    expect(first).toEqual({ ok: false, error: 'Minimum must be at most the maximum (8)', pending: { min: 20 } });
    if (first.ok) return;
    const second = planGroupCommit(start, first.pending, 'max', 250, cross);
    expect(second).toEqual({ ok: true, values: { min: 20, max: 250, target: 0.6 }, adopted: ['min'] });
  });

  it('leaves a pending minimum pending while the maximum is still below it, and says so', () => {
    const r = planGroupCommit(start, { min: 20 }, 'max', 10, cross);
    // The maximum alone is valid with the stored minimum; the pending 20 is not adopted.
    expect(r).toEqual({ ok: true, values: { min: 1, max: 10, target: 0.6 }, adopted: [] });
  });

  it('commits a valid single field as before', () => {
    expect(planGroupCommit(start, {}, 'target', 0.7, cross)).toEqual({
      ok: true,
      values: { min: 1, max: 8, target: 0.7 },
      adopted: [],
    });
  });
});

describe('switching autoscale on', () => {
  it('starts from the instances running now, never below them', () => {
    expect(autoscaleStart(80)).toEqual({ min: 80, max: 160, target: 0.6 });
    expect(autoscaleStart(1)).toEqual({ min: 1, max: 8, target: 0.6 });
    expect(autoscaleStart(700)).toEqual({ min: 700, max: 1000, target: 0.6 });
  });
});
