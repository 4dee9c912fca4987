import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCURACY_CASES, LIMIT_CASES, TOLERANCE, accuracyCaseReport, referenceCases } from '../../lib/engine';
import type { Design } from '../../lib/engine/data';
import committed from './accuracy.json';

const stages = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => JSON.parse(readFileSync(path.resolve(__dirname, '../stages', `stage-${n}.json`), 'utf8')) as Design);

describe('content/model/accuracy.json (the accuracy table on /model)', () => {
  it('lists every check case and every stage reference, with the tolerances and seed the tests use', () => {
    expect(committed.seed).toBe(1);
    expect(committed.tolerance).toEqual(TOLERANCE);
    expect(committed.generatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(committed.cases.map((c) => c.name)).toEqual([
      ...ACCURACY_CASES.map((c) => c.name),
      ...stages.map((_, i) => `Stage ${i + 1} reference`),
      ...LIMIT_CASES.map((c) => c.name),
    ]);
    for (const c of committed.cases.filter((x) => x.group === 'check')) expect(c.passed, c.name).toBe(true);
  });

  it('holds what the engine and the simulator produce now for the stage references (regenerate: npx tsx scripts/accuracy.ts)', () => {
    for (const c of referenceCases(stages)) {
      expect(committed.cases.find((x) => x.name === c.name), c.name).toEqual(accuracyCaseReport(c, 'reference'));
    }
    for (const c of LIMIT_CASES) {
      expect(committed.cases.find((x) => x.name === c.name), c.name).toEqual(accuracyCaseReport(c, 'limit'));
    }
  });

  it('judges a figure only where the simulation measured enough of it (sampling error of a utilisation at most a third of its tolerance; 5,000 visits for a response time)', () => {
    let shownOnly = 0;
    for (const c of committed.cases) {
      for (const r of c.rows) {
        if (r.metric === 'utilization') {
          const absolute = r.analytic < TOLERANCE.utilizationFloor;
          const tolerance = absolute ? TOLERANCE.utilization * TOLERANCE.utilizationFloor : TOLERANCE.utilization;
          const noise = Math.sqrt(2 / r.samples) * (absolute ? r.analytic : 1);
          // Rows are rounded to 4 significant figures: leave the boundary itself out.
          if (Math.abs(noise / (tolerance * TOLERANCE.maxNoiseShare) - 1) > 0.01) {
            expect(r.tolerance !== null, `${c.name} ${r.where}`).toBe(noise <= tolerance * TOLERANCE.maxNoiseShare);
          }
          if (r.tolerance === null) shownOnly++;
          if (!absolute && r.samples >= 20_000) expect(r.tolerance, `${c.name} ${r.where}: 20,000 visits are enough at 3%`).not.toBeNull();
        }
        if (r.metric === 'mean' || r.metric === 'p99') expect(r.samples, `${c.name} ${r.where} ${r.metric}`).toBeGreaterThanOrEqual(TOLERANCE.minVisits);
      }
    }
    // The rule bites on the references' low-traffic components (workers behind a queue), not nowhere.
    expect(shownOnly).toBeGreaterThan(0);
  });
});
