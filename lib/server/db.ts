import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../generated/postgres/client';
import { env } from './env';

/*
 * One Prisma client per process. Both generated clients expose the same
 * models (the two schemas are twins), so the rest of the app uses one type.
 */
export type Db = SqliteClient;

const globalForDb = globalThis as unknown as { scalelabDb?: Db };

function createDb(): Db {
  const { databaseUrl, databaseKind } = env();
  if (databaseKind === 'postgres') {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // busy `timeout` lets concurrent writers wait for the lock instead of failing.
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 });
  return new SqliteClient({ adapter });
}

export function db(): Db {
  globalForDb.scalelabDb ??= createDb();
  return globalForDb.scalelabDb;
}
