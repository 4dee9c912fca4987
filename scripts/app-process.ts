/**
 * Starting and stopping the production app (`next start`) from scripts and
 * tests: the load test, the two-instance set-up and the kill-during-burst
 * harness. Builds first when the sources changed since the last build.
 *
 * Each harness builds into a dist directory of its own (`.next-scenarios-…`,
 * or NEXT_DIST_DIR), so that a build started by someone else, or by another
 * test file running in parallel, never pulls the build out from under a
 * running server. Builds take turns through locks kept in this checkout
 * (LOCK_DIR) and never rewrite tsconfig.json; the SQLite files made here
 * live in temporary folders removed when the process exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getTypeDefinitionGlobPatterns } from 'next/dist/lib/typescript/type-paths';
import { prepareDatabase } from './db-setup';
import { freePort } from './free-port';
import { buildIsCurrent, sourceHash, stampBuild } from './source-hash';
import { tempDir } from './temp-dirs';

export const ROOT = path.resolve(__dirname, '..');

/**
 * Where this checkout keeps its build locks: inside the checkout (ignored by
 * git with node_modules), so that two clones on one machine never wait for,
 * or take over, each other's locks.
 */
export const LOCK_DIR = path.join(ROOT, 'node_modules', '.cache', 'scalelab', 'locks');

/** The dist directory a harness builds into and serves from. */
export function distDirFor(harness: string): string {
  return process.env.NEXT_DIST_DIR || `.next-scenarios-${harness}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock held by one process at a time: a directory holding the owner's
 * pid, under LOCK_DIR. A lock whose owner is gone (killed, crashed) is taken
 * over.
 */
export async function acquireLock(name: string, lockDir: string = LOCK_DIR): Promise<() => void> {
  fs.mkdirSync(lockDir, { recursive: true });
  const dir = path.join(lockDir, `${name.replace(/[^\w-]/g, '_')}.lock`);
  const pidFile = path.join(dir, 'pid');
  for (;;) {
    try {
      fs.mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(pidFile, 'utf8') || NaN);
      } catch {
        /* just released, or its owner has not written its pid yet */
      }
      if (Number.isFinite(owner) && !isAlive(owner)) fs.rmSync(dir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    fs.writeFileSync(pidFile, String(process.pid));
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reserves a dist directory for this process until the returned function is
 * called: two runs of the same harness (say, two people running the whole
 * test suite at once) take turns instead of rebuilding under each other's
 * servers.
 */
export function holdDistDir(distDir: string): Promise<() => void> {
  return acquireLock(`dist-${distDir}`);
}

/**
 * The include patterns `next build` wants in tsconfig.json for `distDir`
 * (Next's own list). When one is missing, Next rewrites tsconfig.json.
 */
export function tsconfigIncludesFor(distDir: string): string[] {
  return getTypeDefinitionGlobPatterns(distDir);
}

/** The patterns for `distDir` that tsconfig.json lacks (none: `next build` leaves it alone). */
export function missingTsconfigIncludes(distDir: string, tsconfigFile = path.join(ROOT, 'tsconfig.json')): string[] {
  const { include = [] } = JSON.parse(fs.readFileSync(tsconfigFile, 'utf8')) as { include?: string[] };
  return tsconfigIncludesFor(distDir).filter((p) => !include.includes(p));
}

/** Builds the app into `distDir` unless its last build matches the sources; throws when the build fails. */
export async function ensureBuild(distDir: string, log: (line: string) => void = console.log): Promise<void> {
  if (buildIsCurrent(distDir)) return;
  // tsconfig.json is tracked: no build may rewrite it, and `next build`
  // does unless it already lists the dist directory's type folders.
  const missing = missingTsconfigIncludes(distDir);
  if (missing.length > 0) {
    throw new Error(`tsconfig.json does not list ${missing.map((p) => `"${p}"`).join(', ')} in "include"; add them, or \`next build\` into ${distDir} rewrites tsconfig.json`);
  }
  // One build at a time in this checkout: `next build` points next-env.d.ts
  // (generated, not tracked) at its dist directory, whichever that is.
  const release = await acquireLock('build');
  try {
    if (buildIsCurrent(distDir)) return; // built by whoever held the lock
    log(`[scalelab] building the app into ${distDir} (the sources changed since its last build)…`);
    const hash = sourceHash();
    // Next always writes next-env.d.ts (generated, not tracked) for the dist
    // directory it builds; put back what the type check (`npm run
    // typecheck`) reads, which points at the default dist directory.
    const nextEnv = path.join(ROOT, 'next-env.d.ts');
    const nextEnvBefore = fs.existsSync(nextEnv) ? fs.readFileSync(nextEnv, 'utf8') : null;
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir },
    });
    if (nextEnvBefore === null) fs.rmSync(nextEnv, { force: true });
    else if (fs.readFileSync(nextEnv, 'utf8') !== nextEnvBefore) fs.writeFileSync(nextEnv, nextEnvBefore);
    if (run.status !== 0) throw new Error(`next build failed (exit ${run.status})`);
    // The hash of the sources as they were when the build started.
    stampBuild(distDir, hash);
  } finally {
    release();
  }
}

/** A free TCP port on loopback. */
export { freePort };

/** A fresh, migrated SQLite database file in a temporary directory. */
export async function freshSqlite(): Promise<string> {
  // Removed when this process exits, or by removeTempDirs() (scripts/temp-dirs.ts).
  const dir = tempDir('scalelab-app-');
  const url = `file:${path.join(dir, 'app.db')}`;
  await prepareDatabase({ DATABASE_URL: url });
  return url;
}

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Kills the whole process group with `signal` and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Everything the server printed, for error messages. */
  output(): string;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the app at ${url} was not healthy within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts `next start` on `port` (a free one by default) against
 * `databaseUrl`, in a process group of its own so that a kill reaches every
 * process of it, and waits until /api/health answers.
 */
export async function startApp(options: { databaseUrl: string; distDir: string; port?: number; env?: Record<string, string>; timeoutMs?: number }): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'scripts', 'serve.ts'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', NEXT_DIST_DIR: options.distDir, DATABASE_URL: options.databaseUrl, ...options.env },
  });
  let log = '';
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const app: AppProcess = {
    url,
    port,
    child,
    output: () => log,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          /* already gone */
        }
      }
      await exited;
    },
  };
  try {
    await waitForHealth(url, child, app.output, options.timeoutMs ?? 60_000);
  } catch (e) {
    await app.kill('SIGKILL');
    throw e;
  }
  return app;
}

/** JSON over HTTP with the headers the scenario API reads. */
export async function request<T = unknown>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as T };
}

/** A scenario for load and durability runs, with `students` joined; answers the tokens. */
export async function setUpScenario(
  baseUrl: string,
  students: number,
): Promise<{ slug: string; manageKey: string; tokens: string[]; design: unknown }> {
  const design = {
    schemaVersion: 1,
    name: 'Load test',
    nodes: [
      { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
      { id: 'lb', kind: 'load-balancer', position: { x: 200, y: 0 } },
      { id: 'app', kind: 'app-server', params: { instances: 3, stateless: true }, position: { x: 400, y: 0 } },
      { id: 'db', kind: 'database', params: { size: 'large' }, position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'lb' },
      { id: 'e2', source: 'lb', target: 'app' },
      { id: 'e3', source: 'app', target: 'db' },
    ],
  };
  const created = await request<{ slug: string; manageKey: string }>(`${baseUrl}/api/scenarios`, {
    body: {
      title: 'Load test',
      brief: '## Load test\n\nServe the target.',
      config: {
        targets: [{ type: 'stage', stage: 3 }, { type: 'users', users: 250_000 }],
        allowedKinds: ['load-balancer', 'app-server', 'database', 'cache'],
        startingDesign: design,
        lockedNodeIds: ['users'],
        scoreVisibility: 'on-submit',
      },
    },
  });
  if (created.status !== 201) throw new Error(`creating the scenario answered ${created.status}: ${JSON.stringify(created.body)}`);
  const { slug, manageKey } = created.body;
  const tokens: string[] = [];
  for (let i = 0; i < students; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, students - i) }, (_, j) =>
        request<{ resumeToken: string }>(`${baseUrl}/api/scenarios/${slug}/students`, { body: { displayName: `Student ${i + j + 1}` } }),
      ),
    );
    for (const r of batch) {
      if (r.status !== 201) throw new Error(`joining answered ${r.status}: ${JSON.stringify(r.body)}`);
      tokens.push(r.body.resumeToken);
    }
  }
  return { slug, manageKey, tokens, design };
}
