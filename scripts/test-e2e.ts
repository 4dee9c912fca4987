/**
 * `npm run test:e2e`: a fresh database, a production build (rebuilt only when
 * the sources changed), then Playwright against `next start`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './browser';
import { build } from './build';
import { prepareDatabase } from './db-setup';
import { buildIsCurrent } from './source-hash';

export async function runE2e(extraArgs: string[] = [], jsonOutput?: string): Promise<number> {
  const root = path.resolve(__dirname, '..');
  if (!ensureChromium()) return 1;
  // One database per port, so parallel runs on one machine keep apart.
  const dbUrl = process.env.E2E_DATABASE_URL ?? `file:${path.join(root, 'data', `e2e-${process.env.E2E_PORT ?? 3100}.db`)}`;
  if (dbUrl.startsWith('file:')) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbUrl.slice(5) + suffix, { force: true });
  }
  await prepareDatabase({ DATABASE_URL: dbUrl });
  if (!buildIsCurrent()) build();
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_DATABASE_URL: dbUrl, ...(jsonOutput ? { PW_JSON_OUTPUT: jsonOutput } : {}) },
  });
  return run.status ?? 1;
}

if (require.main === module) {
  runE2e(process.argv.slice(2)).then((code) => process.exit(code));
}
