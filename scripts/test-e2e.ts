/**
 * `npm run test:e2e`: a fresh database, a production build (rebuilt only when
 * the sources changed), then Playwright against the production server.
 *
 * The server listens on E2E_PORT, or on a free port picked here, so a run
 * never fails because something else holds a fixed port; the database is a
 * SQLite file in a temporary folder of the run's own (or E2E_DATABASE_URL),
 * removed when the run ends.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './browser';
import { build } from './build';
import { prepareDatabase } from './db-setup';
import { freePort } from './free-port';
import { buildIsCurrent } from './source-hash';
import { removeTempDir, tempDir } from './temp-dirs';

const root = path.resolve(__dirname, '..');

/** The port the browser tests' server listens on: E2E_PORT, or a free one. */
export async function e2ePort(env: Record<string, string | undefined> = process.env): Promise<number> {
  if (env.E2E_PORT) {
    const port = Number(env.E2E_PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`E2E_PORT must be a TCP port number (1–65535), not "${env.E2E_PORT}"`);
    return port;
  }
  return freePort();
}

export async function runE2e(extraArgs: string[] = [], jsonOutput?: string): Promise<number> {
  if (!ensureChromium()) return 1;
  const port = await e2ePort();
  const scratch = process.env.E2E_DATABASE_URL ? null : tempDir('scalelab-e2e-');
  const dbUrl = process.env.E2E_DATABASE_URL ?? `file:${path.join(scratch!, 'e2e.db')}`;
  try {
    await prepareDatabase({ DATABASE_URL: dbUrl });
    if (!buildIsCurrent()) build();
    console.log(`[scalelab] browser tests against the production server on port ${port}`);
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...extraArgs], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, E2E_PORT: String(port), E2E_DATABASE_URL: dbUrl, ...(jsonOutput ? { PW_JSON_OUTPUT: jsonOutput } : {}) },
    });
    const code = run.status ?? 1;
    // Traces and screenshots stay for a failed run; a passing one leaves nothing.
    if (code === 0) removeOutput(port);
    return code;
  } finally {
    if (scratch) removeTempDir(scratch);
  }
}

/** Playwright's output folder for `port` (playwright.config.ts), and test-results/ once empty. */
function removeOutput(port: number) {
  const results = path.join(root, 'test-results');
  fs.rmSync(path.join(results, String(port)), { recursive: true, force: true });
  try {
    fs.rmdirSync(results);
  } catch {
    /* not empty, or not there */
  }
}

if (require.main === module) {
  runE2e(process.argv.slice(2)).then((code) => process.exit(code));
}
