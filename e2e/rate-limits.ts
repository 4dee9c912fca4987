import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Rate limits count per client address, and every browser test talks to one
 * server from this machine. Every connection from here arrives from
 * 127.0.0.1: Linux gives a loopback connection the source address 127.0.0.1
 * whichever 127.x address it dials (`ip route show table local`: "src
 * 127.0.0.1"), so dialling another loopback address does not make another
 * school. The spec files together create more than the 20 scenarios an hour
 * one address may, so a spec that creates scenarios starts each test from a
 * fresh hour: it deletes the creation counters from the server's database,
 * as the turn of the hour would. The limit itself is tested from a fresh
 * count (e2e/server.spec.ts, tests/api/rate-limit-policy.test.ts).
 */
export async function freshCreationLimits(): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the browser tests with npm run test:e2e');
  // Counter keys are "<rule>:<hashed subject>"; the creation rules are create, create-all and create-all-over.
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length), { timeout: 5_000 });
    try {
      db.prepare(`DELETE FROM "RateLimit" WHERE "key" LIKE 'create:%' OR "key" LIKE 'create-all:%' OR "key" LIKE 'create-all-over:%'`).run();
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DELETE FROM "RateLimit" WHERE "key" LIKE 'create:%' OR "key" LIKE 'create-all:%' OR "key" LIKE 'create-all-over:%'`);
  } finally {
    await client.end();
  }
}
