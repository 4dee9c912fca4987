/**
 * `npm run test:integration`: the Vitest files that build and start the
 * production app themselves (tests/integration), kept out of the unit run
 * (`npm run test:unit`, vitest.config.mts) because a build takes minutes.
 * `npm test` runs them after the browser tests; CI's PostgreSQL pass
 * (scripts/test-db.ts) runs them against PostgreSQL too.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** The switch vitest.config.mts reads to include tests/integration. */
export const INTEGRATION_ENV = { SCALELAB_INTEGRATION: '1' };

/** Runs tests/integration (and `extraDirs`) in Vitest; answers the exit code. `jsonOutput`: Vitest's JSON report. */
export function runIntegration(jsonOutput?: string, extraDirs: string[] = []): number {
  const args = [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/integration', ...extraDirs];
  if (jsonOutput) args.push('--reporter=default', '--reporter=json', `--outputFile.json=${jsonOutput}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...INTEGRATION_ENV } });
  return r.status ?? 1;
}

if (require.main === module) process.exit(runIntegration());
