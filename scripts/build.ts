import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sourceHash, stampBuild } from './source-hash';

/**
 * `next build`, then records which sources the build was made from: their
 * hash as it was when the build started, so an edit made during the build
 * still counts as a change.
 */
export function build(): void {
  const root = path.resolve(__dirname, '..');
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const hash = sourceHash();
  const run = spawnSync(process.execPath, [next, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  stampBuild(undefined, hash);
}

if (require.main === module) build();
