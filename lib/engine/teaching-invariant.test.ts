/**
 * The teaching invariant of MODEL.md §9.1: each technique pays off in the
 * numbers exactly where it pays off in real systems.
 *
 * - Every reference design passes its own stage with nothing saturated.
 * - At a wall, reference K fails stage K+1 on a numeric check, no "more of
 *   the same" variant (counts and sizes of what it already has) passes every
 *   numeric check of stage K+1 within its budget, and the failing check's
 *   finding names the technique lesson K+1 teaches, in numbers.
 * - At a soft transition, the practice check carries the engine's with/without
 *   comparison.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { StageResult } from './evaluation';
import { numericChecks, searchMoreOfTheSame } from './more-of-the-same';
import { STAGES } from './stages';
import type { Design } from './types';

const reference = (k: number): Design => JSON.parse(readFileSync(path.join(__dirname, '../../content/stages', `stage-${k}.json`), 'utf8'));
const stagesOf = (k: number): StageResult[] => evaluate(reference(k)).stages;

/** MODEL.md §9.1 table: the transitions that are walls, and the category of check that must fail. */
const WALLS: { from: number; category: 'availability' | 'latency'; check: string }[] = [
  { from: 2, category: 'availability', check: 'availability' },
  { from: 3, category: 'availability', check: 'availability' },
  { from: 4, category: 'latency', check: 'latency-static-user' },
  { from: 5, category: 'latency', check: 'latency-write' },
  { from: 7, category: 'availability', check: 'availability' },
];

describe('teaching invariant (MODEL.md §9.1)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('reference %i passes its own stage with nothing saturated', (k) => {
    const s = stagesOf(k)[k - 1];
    expect(s.checks.filter((c) => !c.passed).map((c) => c.label)).toEqual([]);
    expect(s.passed).toBe(true);
    expect(s.checks.find((c) => c.id === 'capacity')!.value!).toBeLessThan(1);
  });

  describe.each(WALLS)('wall $from → next: $check', ({ from, category, check }) => {
    const next = from + 1;
    it(`reference ${from} fails stage ${next} on the ${check} check, and its finding teaches lesson ${next} in numbers`, () => {
      const s = stagesOf(from)[next - 1];
      const failing = numericChecks(s).filter((c) => !c.passed);
      const wall = failing.find((c) => c.id === check);
      expect(wall, `stage ${next} checks: ${failing.map((c) => c.label).join('; ')}`).toBeDefined();
      expect(wall!.category).toBe(category);
      expect(s.passed).toBe(false);
      expect(s.score).toBeLessThan(100);
      const code = check === 'availability' ? 'slo-availability' : check === 'latency-write' ? 'slo-latency-write' : 'slo-latency-static-user';
      const finding = s.findings.find((f) => f.code === code);
      expect(finding, s.findings.map((f) => f.code).join(', ')).toBeDefined();
      expect(finding!.lessonId).toBe(STAGES[next - 1].lessonId);
      // In numbers: the measured figure and why more of the same cannot help.
      expect(finding!.message).toMatch(/\d/);
      expect(finding!.message).toMatch(/more or bigger|no number|no design|cannot|just as often/i);
    });

    it(`no "more of the same" variant of reference ${from} passes every numeric check of stage ${next}`, () => {
      const r = searchMoreOfTheSame(reference(from), next);
      expect(r.passing).toBeNull();
      expect(r.tried).toBeGreaterThan(50);
      expect(r.failing).toContain(check);
    });
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('reference %i + 1 passes stage %i + 1', (k) => {
    expect(stagesOf(k + 1)[k].passed).toBe(true);
  });

  describe('soft transitions carry the engine’s with/without comparison', () => {
    it('1 → 2: keeping the database on its own node, against app and database on one box', () => {
      const c = stagesOf(2)[1].checks.find((x) => x.id === 'practice:separate-data-store')!.comparison!;
      expect(c).toBeDefined();
      expect(c.with.label).toMatch(/own node/);
      expect(c.without.label).toMatch(/one box/);
      // One box doing both is busier than either half.
      expect(c.without.maxUtilization).toBeGreaterThan(c.with.maxUtilization);
      expect(c.summary).toMatch(/\d+%/);
    });

    it('4 → 5 cache: with a cache the data tier needs fewer replicas and costs less', () => {
      const c = stagesOf(5)[4].checks.find((x) => x.id === 'practice:cache-for-reads')!.comparison!;
      expect(c).toBeDefined();
      expect(c.without.replicaInstances!).toBeGreaterThan(c.with.replicaInstances!);
      expect(c.without.dataTierUsd).toBeGreaterThan(c.with.dataTierUsd);
      expect(c.summary).toMatch(/read replicas?, \$[\d,]+ a month/);
    });

    it('6 → 7 services: a bad deploy of one service fails fewer requests than a monolith’s', () => {
      const c = stagesOf(7)[6].checks.find((x) => x.id === 'practice:services-own-data')!.comparison!;
      expect(c).toBeDefined();
      expect(c.without.blastRadius!).toBeGreaterThan(c.with.blastRadius!);
      expect(c.summary).toMatch(/monolith fails \d+%/);
    });

    it('soft transitions let more of the same through: reference 1 passes stage 2’s numbers, reference 6 can grow into stage 7’s', () => {
      expect(numericChecks(stagesOf(1)[1]).every((c) => c.passed)).toBe(true);
      expect(searchMoreOfTheSame(reference(6), 7).passing).not.toBeNull();
    });
  });
});
