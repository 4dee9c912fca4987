import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stampBuild } from './source-hash';

/** `next build`, then records which sources the build was made from. */
export function build(): void {
  const root = path.resolve(__dirname, '..');
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const run = spawnSync(process.execPath, [next, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  stampBuild();
}

if (require.main === module) build();
