import { describe, expect, it } from 'vitest';
import stage5 from '@/content/stages/stage-5.json';
import { evaluate } from '@/lib/engine';
import type { PracticeComparison, StageCheck, Design } from '@/lib/engine/data';
import { categoryOf, comparisonRows, displayPart, displayScore, failingParts, groupChecks, objectivePhrases } from './stage-view';

const check = (id: string, passed = true, category?: StageCheck['category']): StageCheck =>
  ({ id, category, label: id, passed, value: null, limit: null, unit: 'boolean' }) as StageCheck;

describe('stage view', () => {
  it('never shows 100 for a failing stage, and rounds a passing one', () => {
    expect(displayScore(100, false)).toBe(99);
    expect(displayScore(99.7, false)).toBe(99);
    expect(displayScore(46.9, false)).toBe(46);
    expect(displayScore(99.6, true)).toBe(100);
    expect(displayScore(100, true)).toBe(100);
    expect(displayScore(NaN, true)).toBe(0);
  });

  it('never shows full marks for a score part one of whose checks fails', () => {
    expect(displayPart(20, 20, true)).toBe(19);
    expect(displayPart(19.96, 20, true)).toBe(19);
    expect(displayPart(12.4, 30, true)).toBe(12);
    expect(displayPart(0, 15, true)).toBe(0);
    expect(displayPart(19.6, 20, false)).toBe(20);
    const parts = failingParts([check('latency-write', false, 'latency'), check('routing', false, 'errors'), check('flash-crowd', false, 'errors'), check('practice:logging', false, 'practice'), check('cost')]);
    expect([...parts].sort()).toEqual(['availability', 'capacity', 'latency', 'practices']);
  });

  it('groups checks by category in a fixed order, and places older checks without one by their id', () => {
    const groups = groupChecks([check('capacity', true, 'capacity'), check('practice:cdn-for-static', false, 'practice'), check('latency'), check('latency-write', false, 'latency'), check('flash-crowd')]);
    expect(groups.map((g) => [g.category, g.checks.map((c) => c.id), g.passed])).toEqual([
      ['capacity', ['capacity'], true],
      ['latency', ['latency', 'latency-write'], false],
      ['errors', ['flash-crowd'], true],
      ['practice', ['practice:cdn-for-static'], false],
    ]);
    expect(categoryOf({ id: 'storage' })).toBe('capacity');
    expect(categoryOf({ id: 'availability' })).toBe('availability');
  });

  it('lists a stage’s objectives', () => {
    const e = evaluate(stage5 as unknown as Design, { users: 10_000_000 });
    const s6 = e.stages.find((s) => s.stage === 6)!;
    expect(objectivePhrases(s6.objectives, s6.users)).toEqual([
      '10M users',
      'p95 read ≤ 200 ms',
      'p95 write ≤ 200 ms',
      'static for users ≤ 400 ms',
      '99.95% available',
      '$200,000 a month',
      'global audience',
    ]);
  });

  it('tabulates a practice’s comparison, with replicas and blast radius only where reported', () => {
    const side = (over: Partial<PracticeComparison['with']>): PracticeComparison['with'] => ({
      label: 'x',
      maxUtilization: 0.5,
      saturated: false,
      p95ReadMs: 38,
      p95WriteMs: 50,
      availability: 0.999,
      monthlyCostUsd: 1000,
      dataTierUsd: 1050,
      replicaInstances: null,
      blastRadius: null,
      ...over,
    });
    const cache: PracticeComparison = { with: side({ replicaInstances: 2 }), without: side({ replicaInstances: 9, dataTierUsd: 4100, p95ReadMs: 61, maxUtilization: 1.2, saturated: true }), summary: 's' };
    expect(comparisonRows(cache)).toEqual([
      { label: 'Read replicas', with: '2', without: '9' },
      { label: 'Data tier, a month', with: '$1,050', without: '$4,100' },
      { label: 'p95 read', with: '38.0 ms', without: '61.0 ms' },
      { label: 'Busiest component', with: '50%', without: '120% (saturated)' },
    ]);
    const deploy: PracticeComparison = { with: side({ blastRadius: 0.25 }), without: side({ blastRadius: 1 }), summary: 's' };
    expect(comparisonRows(deploy).map((r) => r.label)).toEqual(['Data tier, a month', 'p95 read', 'Busiest component', 'Blast radius of a bad deploy']);
    expect(comparisonRows(deploy).at(-1)).toEqual({ label: 'Blast radius of a bad deploy', with: '25%', without: '100%' });
  });

  it('carries the engine’s comparison on the stage-5 cache check', () => {
    const e = evaluate(stage5 as unknown as Design, { users: 5_000_000 });
    const c = e.stages.find((s) => s.stage === 5)!.checks.find((x) => x.id === 'practice:cache-for-reads')!;
    expect(c.category).toBe('practice');
    expect(c.comparison).toBeDefined();
    expect(comparisonRows(c.comparison!)[0].label).toBe('Read replicas');
  });
});
