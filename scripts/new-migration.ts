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

const sqliteDir = path.join(root, 'prisma', 'migrations');
const before = new Set(fs.readdirSync(sqliteDir));
// The JS schema engine sometimes crashes ("null pointer passed to rust")
// after writing the migration; what counts is whether the file appeared.
const dev = spawnSync(process.execPath, [prisma, 'migrate', 'dev', '--create-only', '--name', name], { cwd: root, env, encoding: 'utf8' });
const created = fs.readdirSync(sqliteDir).filter((d) => !before.has(d));
if (created.length !== 1 || !fs.existsSync(path.join(sqliteDir, created[0], 'migration.sql'))) {
  console.error('prisma migrate dev --create-only wrote no SQLite migration:', dev.stdout, dev.stderr);
  process.exit(1);
}

const pgDir = path.join(root, 'prisma', 'postgres', 'migrations');
const previous = fs.readdirSync(pgDir).filter((d) => fs.statSync(path.join(pgDir, d)).isDirectory()).sort().at(-1);
const from = previous ? path.join(pgDir, previous, 'schema.snapshot.prisma') : null;
const sql = run([
  'migrate', 'diff',
  ...(from ? ['--from-schema-datamodel', from] : ['--from-empty']),
  '--to-schema-datamodel', 'prisma/postgres/schema.prisma', '--script',
]);
const dir = path.join(pgDir, created[0]);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
fs.copyFileSync(path.join(root, 'prisma', 'postgres', 'schema.prisma'), path.join(dir, 'schema.snapshot.prisma'));
console.log(`wrote prisma/migrations/${created[0]} and prisma/postgres/migrations/${created[0]}`);
