/**
 * The database tests alone (tests/api, and tests/integration, which builds
 * and starts the production app), against TEST_DATABASE_URL when set
 * (PostgreSQL in CI) or a fresh SQLite file. Ends with
 * `tests: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp-dirs';
import { INTEGRATION_ENV } from './test-integration';

const root = path.resolve(__dirname, '..');
// Removed when this script exits (scripts/temp-dirs.ts).
const out = path.join(tempDir('scalelab-db-'), 'vitest.json');
const r = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/api', 'tests/integration', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ...INTEGRATION_ENV } },
);
let passed = 0;
let failed = 1;
try {
  const j = JSON.parse(fs.readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed = j.numPassedTests;
  failed = j.numFailedTests;
} catch {
  /* no report: count the run as one failure */
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(r.status === 0 && failed === 0 ? 0 : 1);
