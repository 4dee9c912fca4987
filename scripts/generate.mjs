// Generates both Prisma clients (SQLite and PostgreSQL twins) offline.
// The schemas read DATABASE_URL; without one the CLI cannot load the schema
// and falls back to downloading a native engine, which fails offline. The
// URL is never dialled by `generate`, so a placeholder of the right kind is
// enough.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prisma = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const runs = [
  { args: ['generate'], url: 'file:./data/scalelab.db' },
  { args: ['generate', '--config', 'prisma/postgres/prisma.config.ts'], url: 'postgres://localhost:5432/scalelab' },
];
for (const { args, url } of runs) {
  const r = spawnSync(process.execPath, [prisma, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
