import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// Used only for `prisma generate` and `prisma migrate diff` of the PostgreSQL
// twin schema; both run offline. Migrations are applied by scripts/migrate-pg.mjs.
export default defineConfig({
  experimental: { adapter: true },
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgres://localhost/scalelab' }),
});
