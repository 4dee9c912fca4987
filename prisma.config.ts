import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

// The Prisma CLI runs only against the embedded SQLite database; PostgreSQL
// migrations are applied by scripts/migrate-pg.mjs (see prisma/postgres).
const url = process.env.DATABASE_URL?.startsWith('file:')
  ? process.env.DATABASE_URL
  : `file:${path.join(process.cwd(), 'data', 'scalelab.db')}`;

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  engine: 'js',
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
