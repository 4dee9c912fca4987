/**
 * `npm run bench:memory`: the app server's memory under oversized bodies.
 * Starts the production app (scripts/serve.ts) on a fresh SQLite database,
 * then fires 300 concurrent `POST /api/scenarios` of 10 MB each, first with a
 * declared Content-Length and then chunked, and prints the server's peak
 * resident memory during each burst. Exits non-zero when the declared burst
 * peaks above 300 MB or any answer is not the JSON 413 a body that size must
 * get. The chunked burst is measured too but not held to the bound: the
 * server passes each chunked body on up to the largest the API takes (about
 * 1 MB), which the route reads before it refuses, so 300 at once cost up to
 * 300 × 1 MB by design.
 *
 *   npm run bench:memory [-- --requests 300 --mb 10 --limit-mb 300]
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { distDirFor, ensureBuild, freshSqlite, holdDistDir, startApp, type AppProcess } from './app-process';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const REQUESTS = option('requests', 300);
const BODY_MB = option('mb', 10);
const LIMIT_MB = option('limit-mb', 300);

/** The server's processes: the one started and, with WEB_CONCURRENCY, its workers. */
function processTree(root: number): number[] {
  const all = [root];
  for (let i = 0; i < all.length; i++) {
    try {
      const children = fs.readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, 'utf8').trim();
      if (children) all.push(...children.split(/\s+/).map(Number));
    } catch {
      /* gone */
    }
  }
  return all;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of the whole server, in MB. */
function rssMb(root: number): number {
  return processTree(root).reduce((s, pid) => s + statusKb(pid, 'VmRSS'), 0) / 1024;
}

/** Resets each process's peak-RSS counter (VmHWM), so the next reading is the peak since now; false where Linux does not allow it. */
function resetPeaks(root: number): boolean {
  try {
    for (const pid of processTree(root)) fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function peakMb(root: number): number {
  return processTree(root).reduce((s, pid) => s + statusKb(pid, 'VmHWM'), 0) / 1024;
}

type Outcome = { status: number; json: boolean } | { error: string };

/** One POST of `body` (a shared buffer, so this process stays small), declared or chunked. */
function post(app: AppProcess, agent: http.Agent, body: Buffer, chunked: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (o: Outcome) => {
      if (!done) {
        done = true;
        resolve(o);
      }
    };
    const req = http.request(
      {
        host: '127.0.0.1',
        port: app.port,
        method: 'POST',
        path: '/api/scenarios',
        agent,
        headers: { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': body.length }) },
      },
      (res) => {
        const type = res.headers['content-type'] ?? '';
        res.resume();
        res.on('end', () => finish({ status: res.statusCode ?? 0, json: type.startsWith('application/json') }));
        res.on('error', (e) => finish({ error: e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => finish({ error: e.code ?? e.message }));
    if (!chunked) {
      req.end(body);
      return;
    }
    const step = 64 * 1024;
    let at = 0;
    const send = () => {
      while (at < body.length && !req.destroyed) {
        const ok = req.write(body.subarray(at, at + step));
        at += step;
        if (!ok) return void req.once('drain', send);
      }
      req.end();
    };
    send();
  });
}

async function burst(app: AppProcess, label: string, chunked: boolean, bounded: boolean): Promise<boolean> {
  const body = Buffer.alloc(BODY_MB * 1024 * 1024, 0x20);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const pid = app.child.pid!;
  const before = rssMb(pid);
  const exact = resetPeaks(pid);
  let sampled = before;
  const sampler = setInterval(() => (sampled = Math.max(sampled, rssMb(pid))), 20);
  const started = Date.now();
  const outcomes = await Promise.all(Array.from({ length: REQUESTS }, () => post(app, agent, body, chunked)));
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const peak = Math.max(sampled, exact ? peakMb(pid) : 0);
  await new Promise((r) => setTimeout(r, 1000));
  const after = rssMb(pid);
  agent.destroy();

  const tally = new Map<string, number>();
  for (const o of outcomes) {
    const key = 'error' in o ? `error ${o.error}` : `${o.status}${o.json ? ' JSON' : ' not JSON'}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const answers = [...tally].map(([k, n]) => `${n}× ${k}`).join(', ');
  const within = peak <= LIMIT_MB;
  const ok = (within || !bounded) && tally.get('413 JSON') === REQUESTS;
  console.log(
    `${label.padEnd(28)} ${REQUESTS} × ${BODY_MB} MB in ${seconds.toFixed(1)} s | RSS before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB${exact ? '' : ' (sampled)'} (+${(peak - before).toFixed(0)}), after ${after.toFixed(0)} MB | ${answers} | ${ok ? 'ok' : 'FAIL'}${bounded ? '' : ` (peak not bounded; ${within ? 'under' : 'over'} ${LIMIT_MB} MB)`}`,
  );
  return ok;
}

/** The server's RSS once it changed by under 2 MB over 2 s (at most 30 s of waiting). */
async function settledRss(pid: number): Promise<number> {
  let last = rssMb(pid);
  for (let waited = 0; waited < 30_000; waited += 2_000) {
    await new Promise((r) => setTimeout(r, 2_000));
    const now = rssMb(pid);
    if (Math.abs(now - last) < 2) return now;
    last = now;
  }
  return last;
}

async function main() {
  const distDir = distDirFor('memory');
  const release = await holdDistDir(distDir);
  let app: AppProcess | null = null;
  let databaseUrl = '';
  try {
    await ensureBuild(distDir);
    databaseUrl = await freshSqlite();
    app = await startApp({ databaseUrl, distDir });
    // Warm: the routes and pages a burst touches are loaded before measuring.
    for (const path of ['/api/health', '/api/scenarios/sample-scale-out', '/']) await fetch(`${app.url}${path}`).then((r) => r.arrayBuffer());
    // …and the server at rest: the grading pool's workers start with it and load the engine, so wait until its memory holds still.
    const settled = await settledRss(app.child.pid!);
    console.log(`[bench:memory] server pid ${app.child.pid} at ${app.url}; at rest ${settled.toFixed(0)} MB; bound ${LIMIT_MB} MB`);
    const declared = await burst(app, 'Content-Length declared', false, true);
    const chunked = await burst(app, 'chunked (no Content-Length)', true, false);
    process.exitCode = declared && chunked ? 0 : 1;
  } finally {
    await app?.kill('SIGTERM');
    if (databaseUrl) fs.rmSync(path.dirname(databaseUrl.slice('file:'.length)), { recursive: true, force: true });
    release();
  }
}

main().catch((e: unknown) => {
  console.error(`[bench:memory] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
