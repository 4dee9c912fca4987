/**
 * `npm run bench:api`: load test of the scenario API with autocannon against
 * the production build — requests per second and latency percentiles for
 * reading a scenario (GET /api/scenarios/{slug}) and for submitting a design
 * (POST /api/scenarios/{slug}/submissions, graded and stored), on a fresh
 * SQLite database and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names
 * one, on PostgreSQL. Rate limits are scaled out of the way
 * (SCALELAB_RATE_LIMIT_SCALE) so the numbers are the app's, not the 429 path's.
 *
 *   npm run bench:api [-- --duration 10 --connections 20]
 *   BENCH_DATABASE_URL=postgres://scalelab:scalelab@127.0.0.1:5432/scalelab_bench npm run bench:api
 *
 * The PostgreSQL database gets migrated and keeps the rows written.
 */
import autocannon from 'autocannon';
import { prepareDatabase } from './db-setup';
import { distDirFor, ensureBuild, freshSqlite, holdDistDir, setUpScenario, startApp } from './app-process';

const DIST_DIR = distDirFor('bench');

interface Row {
  database: string;
  endpoint: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

async function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function summarise(database: string, endpoint: string, r: autocannon.Result): Row {
  return {
    database,
    endpoint,
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

async function benchDatabase(label: string, databaseUrl: string, duration: number, connections: number): Promise<Row[]> {
  console.log(`\n[bench:api] ${label}: starting the app…`);
  const app = await startApp({ databaseUrl, distDir: DIST_DIR, env: { SCALELAB_RATE_LIMIT_SCALE: '100000' } });
  try {
    const { slug, tokens, design } = await setUpScenario(app.url, 200);
    // Warm up both routes (compilation caches, connection pools).
    await run({ url: `${app.url}/api/scenarios/${slug}`, connections: 4, amount: 200 });

    console.log(`[bench:api] ${label}: GET /api/scenarios/{slug} for ${duration} s with ${connections} connections…`);
    const read = await run({ url: `${app.url}/api/scenarios/${slug}`, connections, duration });

    console.log(`[bench:api] ${label}: POST /api/scenarios/{slug}/submissions for ${duration} s with ${connections} connections…`);
    const body = JSON.stringify({ design });
    let next = 0;
    const submit = await run({
      url: `${app.url}/api/scenarios/${slug}/submissions`,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
          // Each request as another student, round robin.
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-student-token': tokens[next++ % tokens.length] } }),
        },
      ],
    });
    return [summarise(label, 'GET scenario', read), summarise(label, 'POST submission', submit)];
  } finally {
    await app.kill('SIGTERM');
  }
}

async function main() {
  const duration = arg('duration', 10);
  const connections = arg('connections', 20);
  const release = await holdDistDir(DIST_DIR);
  process.on('exit', release);
  await ensureBuild(DIST_DIR);
  const rows: Row[] = [];
  rows.push(...(await benchDatabase('SQLite', await freshSqlite(), duration, connections)));
  const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pg) {
    await prepareDatabase({ DATABASE_URL: pg });
    rows.push(...(await benchDatabase('PostgreSQL', pg, duration, connections)));
  } else {
    console.log('\n[bench:api] PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://… to include it.');
  }

  console.log(`\nScenario API, ${duration} s per endpoint, ${connections} connections (autocannon)\n`);
  const header = ['database', 'endpoint', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors'];
  const lines = rows.map((r) => [r.database, r.endpoint, String(r.requests), r.rps.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), String(r.errors)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  if (rows.some((r) => r.errors > 0)) {
    console.log('\nSome requests failed (errors, timeouts or non-2xx answers); see the counts above.');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(`[bench:api] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
