/**
 * `npx tsx scripts/new-migration.ts <name>`: writes the next migration for
 * both databases after the models in prisma/schema.prisma and
 * prisma/postgres/schema.prisma were changed (keep them twins).
 *
 * Both diffs run offline: SQLite's from the last applied migration via
 * `prisma migrate dev --create-only`, PostgreSQL's from the schema snapshot
 * kept beside its last migration, via `prisma migrate diff`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npx tsx scripts/new-migration.ts <name_in_snake_case>');
  process.exit(2);
}
const prisma = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const env = { ...process.env, DATABASE_URL: 'file:./data/scalelab.db', PRISMA_HIDE_UPDATE_MESSAGE: '1' };

function run(args: string[]) {
  const r = spawnSync(process.execPath, [prisma, ...args], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  return r.stdout;
}

run(['migrate', 'dev', '--create-only', '--name', name]);

const pgDir = path.join(root, 'prisma', 'postgres', 'migrations');
const previous = fs.readdirSync(pgDir).filter((d) => fs.statSync(path.join(pgDir, d)).isDirectory()).sort().at(-1);
const from = previous ? path.join(pgDir, previous, 'schema.snapshot.prisma') : null;
const sql = run([
  'migrate', 'diff',
  ...(from ? ['--from-schema-datamodel', from] : ['--from-empty']),
  '--to-schema-datamodel', 'prisma/postgres/schema.prisma', '--script',
]);
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(pgDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
fs.copyFileSync(path.join(root, 'prisma', 'postgres', 'schema.prisma'), path.join(dir, 'schema.snapshot.prisma'));
console.log(`wrote ${path.relative(root, dir)}/migration.sql and the SQLite migration`);
