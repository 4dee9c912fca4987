import path from 'node:path';
import { prepareDatabase } from '@/scripts/db-setup';
import { tempDir } from '@/scripts/temp-dirs';

/**
 * Points the app at a fresh, migrated database for one test file: a new
 * SQLite file by default, or the PostgreSQL database in TEST_DATABASE_URL
 * (CI's PostgreSQL pass). Call before the first import of anything that
 * touches lib/server/db. The SQLite file's folder is removed after the test file
 * (tests/setup.ts).
 */
export async function useTestDatabase(): Promise<{ kind: 'sqlite' | 'postgres'; url: string }> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    process.env.DATABASE_URL = pgUrl;
    await prepareDatabase({ DATABASE_URL: pgUrl });
    return { kind: 'postgres', url: pgUrl };
  }
  const dir = tempDir('scalelab-test-');
  const url = `file:${path.join(dir, 'test.db')}`;
  process.env.DATABASE_URL = url;
  await prepareDatabase({ DATABASE_URL: url });
  return { kind: 'sqlite', url };
}
