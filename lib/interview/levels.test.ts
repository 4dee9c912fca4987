import { describe, expect, it } from 'vitest';
import { attemptReducer, createAttempt, parseAttempt, type CompletedAttempt } from './attempt';
import { trendsByMode } from './history';
import { LEVEL_RUBRIC, levelWeights, overtimePenalty, overtimeRule } from './levels';
import { getProblem } from './problems';
import { DEFAULT_WEIGHTS, RUBRIC_ITEMS } from './schema';
import { reviewAttempt, snapshotOf, weightsOf } from './scoring';
import { HISTORY_KEY, readHistory } from './storage';
import { MemoryStorage, T0, idealAttempt } from './test-helpers';

const problem = getProblem('url-shortener')!;
const MIN = 60_000;
/** The weights before the Entities & API step (those of the judged interview with its deep dive). */
const OLD_WEIGHTS = {
  requirements: 15,
  estimation: 12,
  capacity: 18,
  availability: 13,
  cost: 9,
  curveballs: 15,
  deepdive: 10,
  tradeoffs: 8,
};

describe('levels', () => {
  it('keep senior as the rubric was, and move weight to the curveballs at staff', () => {
    expect(levelWeights(DEFAULT_WEIGHTS, 'senior')).toEqual(DEFAULT_WEIGHTS);
    const mid = levelWeights(DEFAULT_WEIGHTS, 'mid');
    const staff = levelWeights(DEFAULT_WEIGHTS, 'staff');
    for (const w of [mid, staff]) expect(RUBRIC_ITEMS.reduce((s, k) => s + w[k], 0)).toBeCloseTo(100, 0);
    expect(mid.curveballs).toBe(8);
    expect(staff.curveballs).toBe(21.8);
    expect(staff.deepdive).toBeGreaterThan(DEFAULT_WEIGHTS.deepdive);
    expect(mid.api).toBeGreaterThan(DEFAULT_WEIGHTS.api);
    expect(staff.api).toBeLessThan(DEFAULT_WEIGHTS.api);
    // An attempt saved before the Entities & API step is scored without it, on the weights it had then (at every level).
    const before = { ...DEFAULT_WEIGHTS, api: 0 };
    expect(levelWeights(before, 'senior')).toEqual({ ...OLD_WEIGHTS, api: 0 });
    for (const level of ['mid', 'senior', 'staff'] as const)
      expect(levelWeights(before, level)).toEqual(levelWeights({ ...OLD_WEIGHTS, api: 0 }, level));
    expect(levelWeights(before, 'mid').curveballs).toBe(9.1);
    expect(levelWeights(before, 'staff').curveballs).toBe(23.5);
    expect(staff.curveballs).toBeGreaterThan(DEFAULT_WEIGHTS.curveballs);
    expect(mid.estimation).toBeGreaterThan(DEFAULT_WEIGHTS.estimation);
  });

  it('judge estimates against each level’s thresholds: 2.5× off is on target at mid, close at senior and off at staff', () => {
    const ideal = idealAttempt(problem);
    const estimates = { ...ideal.estimates, peakRps: ideal.estimates.peakRps! * 2.5 };
    const verdict = (level: 'mid' | 'senior' | 'staff') =>
      reviewAttempt(problem, { ...ideal, level, estimates, estimateTries: [{ inputs: estimates, atMs: 0 }] })
        .estimates[0].verdict;
    expect([verdict('mid'), verdict('senior'), verdict('staff')]).toEqual(['on-target', 'close', 'close']);
    const e4 = { ...ideal.estimates, peakRps: ideal.estimates.peakRps! * 4 };
    expect(
      reviewAttempt(problem, { ...ideal, level: 'staff', estimates: e4, estimateTries: [{ inputs: e4, atMs: 0 }] })
        .estimates[0].verdict,
    ).toBe('off');
  });

  it('hold a staff attempt to every curveball, and say what keeps it below the bar', () => {
    // The reference without its cache: the viral link's hot key lands on a database partition.
    const noCache = {
      ...problem.reference.design,
      nodes: problem.reference.design.nodes.filter((n) => n.kind !== 'cache'),
      edges: problem.reference.design.edges.filter((e) => e.source !== 'cache' && e.target !== 'cache'),
    };
    const base = { ...idealAttempt(problem), design: noCache };
    const staff = reviewAttempt(problem, { ...base, level: 'staff' });
    const mid = reviewAttempt(problem, { ...base, level: 'mid' });
    expect(staff.bar.met).toBe(false);
    expect(staff.bar.missing.join()).toMatch(/every curveball held \(\d of 2\)/);
    expect(staff.headline).toMatch(/Below the staff bar: needs/);
    expect(mid.total).toBeGreaterThan(staff.total);
    const ideal = reviewAttempt(problem, { ...idealAttempt(problem), level: 'staff' });
    expect(ideal.total).toBe(100);
    expect(ideal.bar).toEqual({ score: 80, met: true, missing: [] });
    expect(ideal.headline).toMatch(/Meets the staff bar\.$/);
  });
});

describe('overtime', () => {
  it('costs points per started minute over, capped, per level', () => {
    expect(overtimePenalty(0, 'senior')).toBe(0);
    expect(overtimePenalty(1, 'senior')).toBe(2);
    expect(overtimePenalty(4.5 * MIN, 'senior')).toBe(10);
    expect(overtimePenalty(60 * MIN, 'senior')).toBe(LEVEL_RUBRIC.senior.overtimeCap);
    expect(overtimePenalty(4.5 * MIN, 'mid')).toBe(5);
    expect(overtimePenalty(4.5 * MIN, 'staff')).toBe(15);
    expect(overtimeRule('senior')).toBe('−2 points per minute (or part of one) over the clock, at most −20');
  });

  it('shows in the review as its own line and comes off the total', () => {
    const ideal = idealAttempt(problem);
    const late = { ...ideal, clock: { elapsedMs: ideal.durationMs + 4.5 * MIN, runningSince: null } };
    const r = reviewAttempt(problem, late);
    expect(r.overtime).toEqual({ minutes: 5, penalty: 10 });
    expect(r.total).toBe(90);
    const item = r.items.find((i) => i.id === 'overtime')!;
    expect(item).toMatchObject({ score: -10, max: 0 });
    expect(item.sentence).toMatch(/^You ran 5 minutes over the clock: −2 points per minute/);
    expect(snapshotOf(r).items.at(-1)).toEqual({ id: 'overtime', label: 'Overtime', score: -10, max: 0 });
    // An attempt saved before the rule is not charged.
    expect(reviewAttempt(problem, { ...late, penalizeOvertime: false }).total).toBe(100);
  });
});

describe('attempts saved before levels (version 1)', () => {
  const v1 = () => {
    const a = idealAttempt(problem);
    const { level: _l, penalizeOvertime: _p, estimateTries: _t, ...rest } = a;
    void _l;
    void _p;
    void _t;
    const review = snapshotOf(reviewAttempt(problem, a));
    return {
      ...rest,
      version: 1,
      finishedAt: T0 + 50 * MIN,
      review,
      clock: { elapsedMs: 50 * MIN, runningSince: null },
    };
  };

  it('are read as senior, without the overtime rule, their one check the first try', () => {
    const a = parseAttempt(v1())!;
    expect(a).not.toBeNull();
    expect(a.version).toBe(2);
    expect(a.level).toBe('senior');
    expect(a.penalizeOvertime).toBe(false);
    expect(a.estimateTries).toEqual([{ inputs: a.estimates, atMs: 8 * MIN }]);
    // Re-reviewed, it scores as it did when it was saved, 5 minutes over or not.
    expect(reviewAttempt(problem, a).total).toBe(100);
  });

  it('stay in the stored history', () => {
    const s = new MemoryStorage();
    s.setItem(HISTORY_KEY, JSON.stringify({ version: 1, attempts: [v1()] }));
    const list = readHistory(s);
    expect(list.map((a) => [a.id, a.level, a.review.total])).toEqual([[`ideal-${problem.id}`, 'senior', 100]]);
    expect(s.getItem(`${HISTORY_KEY}:unreadable`)).toBeNull();
  });
});

describe('history per mode', () => {
  const done = (id: string, mode: 'blind' | 'practice', total: number, at: number): CompletedAttempt => {
    const a = { ...createAttempt(problem, { mode, minutes: 45, now: at, id }) };
    return { ...a, finishedAt: at, review: { total, items: [], passedTarget: total > 50 } };
  };

  it('keeps Practice and Blind apart in Best and Trend', () => {
    const t = trendsByMode([
      done('p1', 'practice', 95, T0),
      done('b1', 'blind', 40, T0 + 1),
      done('p2', 'practice', 90, T0 + 2),
      done('b2', 'blind', 60, T0 + 3),
    ]);
    expect(t.practice.best?.total).toBe(95);
    expect(t.blind.best?.total).toBe(60);
    expect(t.blind.change).toBe(20);
    expect(t.practice.change).toBe(-5);
    expect(t.blind.points.map((p) => p.attemptId)).toEqual(['b1', 'b2']);
  });

  it('keeps the level chosen at setup', () => {
    const a = createAttempt(problem, { mode: 'blind', minutes: 45, now: T0, level: 'staff' });
    expect(a.level).toBe('staff');
    expect(attemptReducer(a, { type: 'notes', text: 'x' }).level).toBe('staff');
    expect(weightsOf(problem, 'staff').curveballs).toBeGreaterThan(weightsOf(problem).curveballs);
  });
});
