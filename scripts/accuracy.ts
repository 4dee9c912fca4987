/**
 * `npx tsx scripts/accuracy.ts`: runs the accuracy cases and the stages'
 * reference designs through `evaluate` and `simulate` and writes
 * content/model/accuracy.json, the table on the model page. The test in
 * lib/engine/simulate.test.ts checks that the committed file is what the
 * code produces now; rerun this after changing the engine or the simulator.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACCURACY_CASES, LIMIT_CASES, TOLERANCE, accuracyCaseReport, formatAccuracyReport, referenceCases, type AccuracyReport } from '../lib/engine';
import type { Design } from '../lib/engine/data';

const root = path.resolve(__dirname, '..');
export const ACCURACY_FILE = path.join(root, 'content/model/accuracy.json');

export function stageDesigns(): Design[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].map((n) => JSON.parse(readFileSync(path.join(root, 'content/stages', `stage-${n}.json`), 'utf8')));
}

function main() {
  const started = Date.now();
  const report: AccuracyReport & { generatedOn: string } = {
    generatedOn: new Date().toISOString().slice(0, 10),
    seed: 1,
    tolerance: TOLERANCE,
    cases: [],
  };
  for (const c of ACCURACY_CASES) {
    report.cases.push(accuracyCaseReport(c, 'check'));
    console.log(`${c.name}: done`);
  }
  for (const c of referenceCases(stageDesigns())) {
    report.cases.push(accuracyCaseReport(c, 'reference'));
    console.log(`${c.name}: done`);
  }
  for (const c of LIMIT_CASES) {
    report.cases.push(accuracyCaseReport(c, 'limit'));
    console.log(`${c.name}: done`);
  }
  mkdirSync(path.dirname(ACCURACY_FILE), { recursive: true });
  writeFileSync(ACCURACY_FILE, formatAccuracyReport(report));
  console.log(`wrote ${path.relative(root, ACCURACY_FILE)} (${report.cases.length} cases) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && /accuracy\.ts$/.test(process.argv[1])) main();
