import { describe, expect, it } from 'vitest';
import { availabilityShare, capacityShare, partPoints, totalScore, withinLimitShare } from './rubric';

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
});
