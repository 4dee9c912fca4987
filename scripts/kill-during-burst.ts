/**
 * Durability under a crash: starts the production app, fires a burst of
 * submissions from many students at once, kills the server with SIGKILL in
 * the middle of the burst (requests still in flight), starts it again on the
 * same database, and checks that every submission the server acknowledged
 * (answered 201 with its id) is stored. Then, as the student page does, it
 * retries every request whose answer was lost with the same Idempotency-Key,
 * and checks that each request ends up stored exactly once: those committed
 * just before the kill are answered from the database, not stored again.
 *
 *   npx tsx scripts/kill-during-burst.ts            # SQLite, and PostgreSQL when TEST_DATABASE_URL is set
 *
 * tests/integration/scenarios-durability.test.ts runs the same check.
 */
import { distDirFor, ensureBuild, freshSqlite, holdDistDir, request, setUpScenario, startApp } from './app-process';

/** Where the harness builds and serves from (see app-process.ts). */
export const BURST_DIST_DIR = distDirFor('burst');
import { prepareDatabase } from './db-setup';

export interface BurstReport {
  database: string;
  /** Submissions answered 201 before the kill. */
  acknowledged: number;
  /** Requests that got no answer (in flight at the kill, or refused after it). */
  unanswered: number;
  /** Submissions stored after the restart (acknowledged ones plus any committed just before the kill). */
  stored: number;
  /** Acknowledged submissions missing after the restart: must be 0. */
  lost: string[];
  /** Unanswered requests retried after the restart with the same key that found their submission already stored. */
  replayed: number;
  /** Stored rows beyond one per request sent (acknowledged + unanswered), after the retries: must be 0. */
  duplicates: number;
}

export async function killDuringBurst(options: {
  databaseUrl: string;
  label: string;
  students?: number;
  concurrency?: number;
  killAfterAcks?: number;
  log?: (line: string) => void;
  /** The caller has built BURST_DIST_DIR already (a test file builds once for all its tests). */
  built?: boolean;
}): Promise<BurstReport> {
  const log = options.log ?? (() => {});
  const students = options.students ?? 80;
  const concurrency = options.concurrency ?? 40;
  const killAfter = options.killAfterAcks ?? 100;
  if (!options.built) await ensureBuild(BURST_DIST_DIR, log);
  // Limits out of the way: the burst is many submissions from one address.
  const env = { SCALELAB_RATE_LIMIT_SCALE: '1000' };
  const first = await startApp({ databaseUrl: options.databaseUrl, distDir: BURST_DIST_DIR, env });
  const { slug, manageKey, tokens, design } = await setUpScenario(first.url, students);
  const body = JSON.stringify({ design });

  const acknowledged: string[] = [];
  let unanswered = 0;
  const lostAnswers: { token: string; key: string }[] = [];
  let killing: Promise<void> | null = null;
  let n = 0;
  const worker = async () => {
    while (!killing || first.child.exitCode === null) {
      const token = tokens[n % tokens.length];
      const key = `burst-${n++}`;
      try {
        const res = await fetch(`${first.url}/api/scenarios/${slug}/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-student-token': token, 'idempotency-key': key },
          body,
        });
        const text = await res.text();
        if (res.status !== 201) throw new Error(`answered ${res.status}: ${text.slice(0, 200)}`);
        acknowledged.push((JSON.parse(text) as { submission: { id: string } }).submission.id);
        if (acknowledged.length >= killAfter && !killing) {
          log(`[burst] ${options.label}: ${acknowledged.length} acknowledged, killing the server (SIGKILL) with requests in flight`);
          killing = first.kill('SIGKILL');
        }
      } catch (e) {
        unanswered++;
        if (!killing) throw e; // a failure before the kill is a bug, not a crash
        lostAnswers.push({ token, key });
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await killing;
  log(`[burst] ${options.label}: server killed; ${acknowledged.length} acknowledged, ${unanswered} unanswered; restarting`);

  const second = await startApp({ databaseUrl: options.databaseUrl, distDir: BURST_DIST_DIR, env });
  try {
    const list = async () => {
      const listed = await request<{ submissions: { id: string }[] }>(`${second.url}/api/scenarios/${slug}/manage?all=1`, {
        headers: { 'x-manage-key': manageKey },
      });
      if (listed.status !== 200) throw new Error(`listing after the restart answered ${listed.status}`);
      return new Set(listed.body.submissions.map((s) => s.id));
    };
    const stored = await list();
    const lost = acknowledged.filter((id) => !stored.has(id));
    log(`[burst] ${options.label}: ${stored.size} stored after the restart, ${lost.length} acknowledged submissions lost`);

    // The retries a client makes after a lost answer, with the same key.
    let replayed = 0;
    for (const { token, key } of lostAnswers) {
      const res = await fetch(`${second.url}/api/scenarios/${slug}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-student-token': token, 'idempotency-key': key },
        body,
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`a retry after the restart answered ${res.status}: ${text.slice(0, 200)}`);
      if (res.headers.get('idempotent-replayed') === 'true') replayed++;
    }
    const after = await list();
    const duplicates = after.size - (acknowledged.length + lostAnswers.length);
    log(`[burst] ${options.label}: ${lostAnswers.length} lost answers retried with their keys (${replayed} found stored); ${duplicates} duplicates`);
    return { database: options.label, acknowledged: acknowledged.length, unanswered, stored: stored.size, lost, replayed, duplicates };
  } finally {
    await second.kill('SIGTERM');
  }
}

async function main() {
  const log = (line: string) => console.log(line);
  const release = await holdDistDir(BURST_DIST_DIR);
  process.on('exit', release);
  await ensureBuild(BURST_DIST_DIR, log);
  const reports: BurstReport[] = [await killDuringBurst({ databaseUrl: await freshSqlite(), label: 'SQLite', log, built: true })];
  const pg = process.env.TEST_DATABASE_URL;
  if (pg) {
    await prepareDatabase({ DATABASE_URL: pg });
    reports.push(await killDuringBurst({ databaseUrl: pg, label: 'PostgreSQL', log, built: true }));
  } else {
    log('[burst] PostgreSQL skipped: set TEST_DATABASE_URL=postgres://… to include it.');
  }
  console.table(reports.map((r) => ({ ...r, lost: r.lost.length })));
  if (reports.some((r) => r.lost.length > 0 || r.duplicates !== 0)) process.exit(1);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
