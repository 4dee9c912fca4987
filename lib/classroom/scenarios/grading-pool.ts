/**
 * Grading off the request thread: a pool of worker threads (piscina) runs
 * the capacity engine, so a large design being graded never holds up
 * `/api/health`, other requests or the database connections they hold.
 *
 * Every job has a time limit counted from when a worker picks it up (time
 * spent waiting in the queue does not count against the design); a job over
 * it is stopped by terminating its worker, and a fresh worker takes its
 * place. A job that waits in the queue too long, or finds the queue full,
 * is refused as "busy" (the caller answers 503 with Retry-After).
 *
 * The component cap (MAX_GRADED_COMPONENTS) is checked by callers before
 * validation, so an oversized design costs neither validation nor grading.
 */
import 'server-only';
import * as nodeModule from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Piscina as PiscinaClass } from 'piscina';
import type { Design } from '../../engine/data';
import { env } from '../../server/env';
import type { GradingJob, GradingOutcome, GradingTask, SubmissionOutcome, SubmissionRules } from './grading-job';
import type { ScenarioGrade } from './grading';
import type { ScenarioConfig } from './schema';

export { gradingCapMessage, MAX_GRADED_COMPONENTS, MAX_GRADED_CONNECTIONS, overGradingCap } from './grading-limits';

/** Most time one grading job may run on a worker. */
export const GRADING_TIME_LIMIT_MS = 2_000;
/** How much lower the workers' CPU priority is than the request thread's (nice 0 → 10; about a tenth of the CPU when both compete). */
const GRADING_NICE_INCREMENT = 10;
/** Most time a job may wait for a free worker before the pool is called busy. */
export const GRADING_QUEUE_WAIT_MS = 10_000;

export class GradingTimeout extends Error {
  constructor(readonly limitMs: number) {
    super(`Grading this design took longer than the ${limitMs / 1000} s limit, so it was stopped.`);
    this.name = 'GradingTimeout';
  }
}

export class GradingBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Grading is busy with other submissions; try again in a few seconds.');
    this.name = 'GradingBusy';
  }
}

export interface GradingPoolOptions {
  threads?: number;
  timeLimitMs?: number;
  queueWaitMs?: number;
  maxQueue?: number;
}

type Config = Pick<ScenarioConfig, 'targets' | 'slo' | 'workload'>;

export interface GradingPool {
  grade(design: Design, config: Config): Promise<GradingOutcome>;
  /**
   * A submission's body as the client sent it (text): parsed, checked
   * against the size, the cap and the scenario's rules, and graded, all in a
   * worker, so a large body costs the request thread nothing but reading it.
   */
  checkAndGrade(text: string, rules: SubmissionRules, config: Config): Promise<SubmissionOutcome>;
  /** The worker threads alive now (for tests: a stopped job's worker is replaced). */
  threadIds(): number[];
  destroy(): Promise<void>;
}

const WORKER_ENTRY = path.join(process.cwd(), 'lib', 'classroom', 'scenarios', 'grading-worker.ts');

/**
 * The workers' code: grading-worker.ts and everything it imports, bundled by
 * esbuild into one ES module in the checkout's cache folder (named by the
 * bundle's content, so processes and deploys never overwrite a file another
 * process is loading). esbuild runs once per process, before the first
 * worker starts (instrumentation.ts starts the pool with the server).
 */
function workerBundle(): string {
  const { createRequire } = process.getBuiltinModule?.('node:module') ?? nodeModule;
  const req = createRequire(path.join(process.cwd(), 'package.json'));
  const fs = req('node:fs') as typeof import('node:fs');
  const crypto = req('node:crypto') as typeof import('node:crypto');
  const { execFileSync } = req('node:child_process') as typeof import('node:child_process');
  const dir = path.join(process.cwd(), 'node_modules', '.cache', 'scalelab');
  fs.mkdirSync(dir, { recursive: true });
  // esbuild's command line in a child process: its JavaScript API would keep
  // a worker thread of its own alive in the server for the process's life.
  const partial = path.join(dir, `grading-worker.${process.pid}.${Date.now()}.tmp.mjs`);
  // bin/esbuild is the native binary once installed, or a script with a #! line: either runs as it is.
  execFileSync(
    req.resolve('esbuild/bin/esbuild'),
    [WORKER_ENTRY, '--bundle', '--platform=node', '--format=esm', '--target=node20', '--log-level=error', `--outfile=${partial}`],
    { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const out = fs.readFileSync(partial);
  const file = path.join(dir, `grading-worker-${crypto.createHash('sha256').update(out).digest('hex').slice(0, 16)}.mjs`);
  // Named by content and moved into place whole, so a process loading it at the same moment never sees half a file.
  if (fs.existsSync(file)) fs.rmSync(partial);
  else fs.renameSync(partial, file);
  return file;
}

/**
 * piscina loaded by Node itself, from node_modules, at run time: bundled
 * into a route by Next, it looks for its own worker script under the
 * bundle's placeholder directory ("/ROOT/node_modules/piscina/dist/worker.js")
 * and no worker ever starts. (`serverExternalPackages: ['piscina']` in
 * next.config.js would do the same; this keeps the fix beside its reason.)
 */
function loadPiscina(): typeof PiscinaClass {
  // Not a plain `createRequire` import: the bundler would follow that call too.
  const { createRequire } = process.getBuiltinModule?.('node:module') ?? nodeModule;
  return (createRequire(path.join(process.cwd(), 'package.json'))('piscina') as typeof import('piscina')).Piscina;
}

/** A pool of grading workers; the app uses one per process (`gradingPool()`). */
export function createGradingPool(options: GradingPoolOptions = {}): GradingPool {
  const timeLimitMs = options.timeLimitMs ?? GRADING_TIME_LIMIT_MS;
  const queueWaitMs = options.queueWaitMs ?? GRADING_QUEUE_WAIT_MS;
  // One worker per core (shared among the WEB_CONCURRENCY server processes),
  // at a lower CPU priority than the request thread (niceIncrement, Linux):
  // when both want a core, the OS runs the thread answering requests first,
  // so grading uses the CPU that is left over.
  const threads = options.threads ?? Math.max(1, Math.floor(os.availableParallelism() / env().webConcurrency));
  const Piscina = loadPiscina();
  const pool = new Piscina<GradingTask, GradingOutcome | SubmissionOutcome>({
    filename: workerBundle(),
    // One worker stays loaded; the others start when grading queues up and
    // stop after a minute idle. Each loaded worker holds the engine and its
    // own heap: keeping all of them at rest cost about 65 MB a worker.
    minThreads: 1,
    // A small young generation: a grade allocates little that lives long, and
    // V8's default semi-spaces let a resting worker keep tens of MB.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
    maxThreads: threads,
    idleTimeout: 60_000,
    niceIncrement: GRADING_NICE_INCREMENT,
    maxQueue: options.maxQueue ?? 1_000,
  });
  // A worker that fails to start or dies is replaced by piscina; say why in the server's log.
  pool.on('error', (e: unknown) => console.error('grading pool: a worker failed:', e));

  async function run<T extends GradingOutcome | SubmissionOutcome>(task: GradingJob): Promise<T> {
    if (pool.queueSize >= pool.options.maxQueue) throw new GradingBusy(Math.ceil(queueWaitMs / 1000));
    const started = new SharedArrayBuffer(8);
    const startedAt = new BigInt64Array(started);
    const controller = new AbortController();
    const queuedAt = Date.now();
    let reason: GradingTimeout | GradingBusy | null = null;
    // One timer per job: re-armed until the job has run timeLimitMs, or
    // waited queueWaitMs without starting.
    let timer: NodeJS.Timeout;
    const check = () => {
      const t0 = Number(Atomics.load(startedAt, 0));
      const now = Date.now();
      if (t0 === 0) {
        if (now - queuedAt >= queueWaitMs) {
          reason = new GradingBusy(Math.ceil(queueWaitMs / 1000));
          controller.abort(reason);
        } else timer = setTimeout(check, Math.min(timeLimitMs, queuedAt + queueWaitMs - now));
      } else if (now - t0 >= timeLimitMs) {
        reason = new GradingTimeout(timeLimitMs);
        controller.abort(reason); // piscina terminates the worker and starts a new one
      } else timer = setTimeout(check, t0 + timeLimitMs - now);
    };
    timer = setTimeout(check, Math.min(timeLimitMs, queueWaitMs));
    try {
      return (await pool.run({ ...task, started } as GradingTask, { signal: controller.signal })) as T;
    } catch (e) {
      if (reason) throw reason;
      if (e instanceof Error && /queue is at limit/i.test(e.message)) throw new GradingBusy(Math.ceil(queueWaitMs / 1000));
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    grade: (design, config) => run<GradingOutcome>({ kind: 'grade', design, config }),
    checkAndGrade: (text, rules, config) => run<SubmissionOutcome>({ kind: 'submission', text, rules, config }),
    threadIds: () => pool.threads.map((w) => w.threadId),
    destroy: () => pool.destroy(),
  };
}

const globalForPool = globalThis as unknown as { scalelabGradingPool?: GradingPool };

/** The process's grading pool, started on first use. */
export function gradingPool(): GradingPool {
  globalForPool.scalelabGradingPool ??= createGradingPool();
  return globalForPool.scalelabGradingPool;
}

/** Grades `design` against a scenario in the process's pool. */
export async function gradeInPool(design: Design, config: Config): Promise<ScenarioGrade> {
  return (await gradingPool().grade(design, config)).grade;
}
