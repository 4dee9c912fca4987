import { describe, expect, it } from 'vitest';
import { availabilityShare, capacityShare, judgeObjectives, partPoints, totalScore, withinLimitShare } from './rubric';
import { plainSlo } from './slo';
import { stageSpec } from './stages';

describe('the one score rubric', () => {
  it('scales a within-limit figure linearly to none at twice the limit', () => {
    expect(withinLimitShare(300, 300)).toBe(1);
    expect(withinLimitShare(450, 300)).toBe(0.5);
    expect(withinLimitShare(600, 300)).toBe(0);
  });

  it('scores capacity from the busiest utilisation, none when blocked', () => {
    expect(capacityShare(false, 0.7)).toBe(1);
    expect(capacityShare(false, 0.9)).toBeCloseTo(0.5);
    expect(capacityShare(true, 0.1)).toBe(0);
  });

  it('scores availability log-linearly: half marks at √10 times the allowed downtime', () => {
    expect(availabilityShare(0.9995, 0.999)).toBe(1);
    expect(availabilityShare(1 - 0.001 * Math.sqrt(10), 0.999)).toBeCloseTo(0.5);
  });

  it('never gives a failing part full marks, however close it is', () => {
    expect(partPoints(withinLimitShare(301, 300), 15, true)).toBe(14.9);
    expect(partPoints(withinLimitShare(301, 300), 15, false)).toBe(15);
    expect(partPoints(1, 20, true)).toBe(19.9);
  });

  it('never shows a failing total of 100', () => {
    expect(totalScore(99.96, false, 1)).toBe(99);
    expect(totalScore(99.6, false, 0)).toBe(99);
    expect(totalScore(99.96, true, 1)).toBe(100);
    expect(totalScore(57.46, false, 1)).toBe(57.5);
  });

  it('judges a target’s service levels once: a missing figure fails, a flash crowd costs availability, the worst latency sets the part', () => {
    const stage8 = stageSpec(8)!;
    const m = { p95ReadMs: 150, p95WriteMs: 300, userStaticP95Ms: 100, availability: 0.99995, flashErrorRate: 0.1, monthlyCostUsd: 1_000_000 };
    const v = judgeObjectives(stage8, m);
    expect(v.read.passed).toBe(true);
    expect(v.write).toMatchObject({ passed: false, share: 0.5 });
    expect(v.latency).toEqual({ passed: false, share: 0.5 });
    // Ten times the tolerated flash-crowd errors: no availability points although availability itself holds.
    expect(v.availability.passed).toBe(true);
    expect(v.availabilityPart).toEqual({ passed: false, share: 0 });
    expect(v.cost).toMatchObject({ passed: true, share: 1 });
    const plain = judgeObjectives(plainSlo({ p95ReadMs: 200, availability: 0.999, budgetUsd: 100 }), { ...m, p95ReadMs: null });
    expect(plain.write).toBeNull();
    expect(plain.flash).toBeNull();
    expect(plain.read).toEqual({ passed: false, value: null, limit: 200, share: 0 });
    expect(plain.availabilityPart).toEqual({ passed: true, share: 1 });
  });
});
