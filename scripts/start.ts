/**
 * `npm start`: brings the database up to date, builds the app if its sources
 * changed since the last build, and serves the production build.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from './build';
import { parseEnv } from '../lib/server/env';
import { seedSampleScenariosAt } from '../lib/classroom/scenarios/seed';
import { prepareDatabase } from './db-setup';
import { buildIsCurrent } from './source-hash';

async function main() {
  console.log(`[scalelab] ${await prepareDatabase()}`);
  const seeded = await seedSampleScenariosAt(parseEnv(process.env).databaseUrl);
  if (seeded.created + seeded.updated > 0) {
    console.log(`[scalelab] sample scenarios: ${seeded.created} added, ${seeded.updated} updated (try them at /teach)`);
  }
  if (!buildIsCurrent()) {
    console.log('[scalelab] building the app (first start, or the sources changed)…');
    build();
  }
  const root = path.resolve(__dirname, '..');
  const port = process.env.PORT ?? '3000';
  // The app server in front of Next.js (scripts/serve.ts), in place of `next start`.
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(root, 'scripts', 'serve.ts'), '-p', port, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(`[scalelab] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
