/**
 * Database set-up shared by `npm start`, `npm run dev` and the tests:
 * SQLite through Prisma's JavaScript schema engine (`prisma migrate deploy`),
 * PostgreSQL through a small runner over `pg`, because Prisma 6's JavaScript
 * schema engine cannot read a PostgreSQL catalogue yet (prisma/orm#27403).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { parseEnv } from '../lib/server/env';

const root = path.resolve(__dirname, '..');

export function sqlitePath(url: string): string {
  return path.resolve(root, url.replace(/^file:/, ''));
}

export function migrateSqlite(url: string): void {
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const prisma = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
  const run = spawnSync(process.execPath, [prisma, 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}`, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`prisma migrate deploy failed for ${file}:\n${run.stdout}\n${run.stderr}`);
  }
  // WAL lets readers and the writer work at the same time; it is a property
  // of the database file, so setting it once here is enough.
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
}

const PG_LOCK_KEY = 72_410_531; // any constant: serialises concurrent migrators

export async function migratePostgres(url: string, log: (line: string) => void = () => {}): Promise<number> {
  const dir = path.join(root, 'prisma', 'postgres', 'migrations');
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let applied = 0;
  try {
    // Several app instances may start at once; one migrates, the others wait.
    await client.query('SELECT pg_advisory_lock($1)', [PG_LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_scalelab_migrations" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM "_scalelab_migrations"')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    );
    for (const name of names) {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      if (done.has(name)) {
        if (done.get(name) !== checksum) {
          throw new Error(`migration ${name} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO "_scalelab_migrations" (name, checksum) VALUES ($1, $2)', [name, checksum]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      applied++;
      log(`applied ${name}`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PG_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}

/** Validates the environment and brings the database up to date. */
export async function prepareDatabase(source: Record<string, string | undefined> = process.env): Promise<string> {
  const { databaseUrl, databaseKind } = parseEnv(source);
  if (databaseKind === 'sqlite') {
    migrateSqlite(databaseUrl);
    return `SQLite database ready at ${sqlitePath(databaseUrl)}`;
  }
  const applied = await migratePostgres(databaseUrl);
  const { host, pathname } = new URL(databaseUrl);
  return `PostgreSQL database ready at ${host}${pathname} (${applied} migration${applied === 1 ? '' : 's'} applied)`;
}
