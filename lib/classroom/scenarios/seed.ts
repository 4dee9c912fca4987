/**
 * Seeds the built-in sample scenarios, idempotently: a missing sample is
 * created, a changed one is updated in place, an unchanged one is left
 * alone. Safe to run from several instances at once. No `server-only` here,
 * so `npm start` can run it before the server starts (scripts/start.ts).
 */
import { randomBytes, createHash } from 'node:crypto';
import type { Db } from '../../server/db';
import { randomId } from '../../shared/ids';
import { SAMPLE_SCENARIOS } from './sample-definitions';
import { createScenarioSchema } from './schema';

export async function seedSampleScenarios(client: Db): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (const sample of SAMPLE_SCENARIOS) {
    const input = createScenarioSchema.parse(sample.scenario);
    const config = JSON.stringify(input.config);
    const existing = await client.scenario.findUnique({ where: { slug: sample.slug } });
    if (existing) {
      if (!existing.isSample) continue; // never touch someone's own scenario
      if (existing.title !== input.title || existing.brief !== input.brief || existing.config !== config) {
        await client.scenario.update({ where: { id: existing.id }, data: { title: input.title, brief: input.brief, config } });
        updated++;
      }
      continue;
    }
    try {
      await client.scenario.create({
        data: {
          id: randomId(),
          slug: sample.slug,
          // Samples are templates nobody manages: the key is thrown away.
          manageKeyHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
          title: input.title,
          brief: input.brief,
          config,
          isSample: true,
        },
      });
      created++;
    } catch (e) {
      // Another instance seeded it first (unique slug): nothing to do.
      if ((e as { code?: string }).code !== 'P2002') throw e;
    }
  }
  return { created, updated };
}

/** Seeds with a client of its own, for scripts that run outside Next.js. */
export async function seedSampleScenariosAt(databaseUrl: string): Promise<{ created: number; updated: number }> {
  let client: Db;
  if (databaseUrl.startsWith('file:')) {
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    const { PrismaClient } = await import('../../generated/sqlite/client');
    client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 }) });
  } else {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const { PrismaClient } = await import('../../generated/postgres/client');
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) }) as unknown as Db;
  }
  try {
    return await seedSampleScenarios(client);
  } finally {
    await client.$disconnect();
  }
}
