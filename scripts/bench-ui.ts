/**
 * UI benchmark of the sandbox (`npx tsx scripts/bench-ui.ts`): serves the
 * production build on a free port, opens /play in Chromium with a generated
 * 300-node design (through the autosave key), drags one node across the
 * canvas with mouse moves while counting animation frames, and measures the
 * first-load JavaScript of /play. Prints one JSON line per measure:
 *
 *   {"name":"drag-300-nodes","fps":N,"targetFps":50}
 *   {"name":"play-first-load-js","kbGzip":N,"targetKb":350}
 *   {"name":"rescore-100-nodes","medianMs":N,"targetMs":100}
 *   {"name":"compare-technologies-100-nodes","medianMs":N,"roundTripMs":N,"targetMs":500}
 *
 * The last opens a 100-node design, selects an app server, and clicks the
 * results panel's instance stepper (a committed change, as an inspector
 * edit is) again and again, timing each click to the first frame painted
 * after the panel shows the numbers for the new graph (its data-revision).
 *
 * The last but one opens the inspector's "Compare technologies" on a cache
 * of the 100-node design, again and again, timing each open to the frame
 * painted with every choice's numbers (the comparison runs in the scoring
 * worker: five evaluations of the whole design, each judged at the stage).
 *
 * A benchmark prints numbers; it does not pass or fail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './browser';
import { build } from './build';
import { firstLoadJs, PLAY_FIRST_LOAD_BUDGET_KB } from './first-load';
import { freePort } from './free-port';

const root = path.resolve(__dirname, '..');
const AUTOSAVE_KEY = 'scalelab:sandbox:v1';
const NODES = 300;
/** How long the drag lasts, and how often the mouse reports a move (a 125 Hz mouse). */
const DRAG_MS = 3000;
const MOVE_EVERY_MS = 8;

/** Stops `next start` and the server process it forked (the whole process group it leads). */
function stopServer(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** 300 nodes in 20 columns, each wired to the next column: a design as big as a large lesson's. */
function generatedDesign(NODES = 300) {
  const kinds = ['load-balancer', 'app-server', 'service', 'cache', 'database', 'queue', 'worker', 'search'];
  const cols = 20;
  const rows = Math.ceil(NODES / cols);
  const nodes: { id: string; kind: string; label: string; position: { x: number; y: number }; params?: { instances: number } }[] = [];
  const edges: { id: string; source: string; target: string }[] = [];
  for (let i = 0; i < NODES; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const kind = col === 0 ? 'users' : kinds[(col + row) % kinds.length];
    nodes.push({ id: `n${i}`, kind, label: `${kind} ${i}`, position: { x: col * 288, y: row * 128 }, params: kind === 'users' ? undefined : { instances: 1 + (i % 4) } });
    if (col > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, target: `n${i}` });
    if (col > 1 && row + 1 < rows && i % 3 === 0) edges.push({ id: `x${i}`, source: `n${i - 1}`, target: `n${i + cols}` });
  }
  return { schemaVersion: 1, name: `Benchmark: ${NODES} nodes`, nodes, edges };
}

/** Median ms from a committed instances change to the results panel painting the new numbers, on a 100-node design. */
async function rescoreLatency(browser: import('playwright-core').Browser, base: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  const design = generatedDesign(100);
  await page.addInitScript(
    ([key, value]) => localStorage.setItem(key, value),
    [AUTOSAVE_KEY, JSON.stringify({ version: 1, savedAt: new Date().toISOString(), design })] as const,
  );
  await page.goto(`${base}/play`);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 100, undefined, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  // n1 is an app server fed by the users: select it, then show the Results tab with its stepper.
  await page.locator('.react-flow__node[data-id="n1"]').click();
  await page.getByRole('tab', { name: 'Results' }).click();
  await page.getByTestId('node-focus-utilisation').waitFor({ timeout: 30_000 });
  const samples = await page.evaluate(async (runs) => {
    const out: number[] = [];
    // The panel carries the revision of the graph its numbers are for.
    const text = () => document.querySelector('[data-testid="results-panel"]')?.getAttribute('data-revision') ?? '';
    for (let i = 0; i < runs; i++) {
      const name = i % 2 === 0 ? 'More instances' : 'Fewer instances';
      const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="node-focus"] button')].find((b) => b.getAttribute('aria-label')?.startsWith(name));
      if (!button) throw new Error('no instance stepper in the results panel');
      const before = text();
      const t0 = performance.now();
      const painted = new Promise<number>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('the results did not change within 5 s')), 5000);
        const check = () => {
          if (text() === before) return false;
          observer.disconnect();
          clearTimeout(timeout);
          requestAnimationFrame(() => resolve(performance.now() - t0));
          return true;
        };
        const observer = new MutationObserver(check);
        observer.observe(document.querySelector('[data-testid="results-panel"]')!, { attributes: true, attributeFilter: ['data-revision'] });
      });
      button.click();
      out.push(await painted);
      await new Promise((r) => setTimeout(r, 150));
    }
    return out;
  }, 15);
  await page.close();
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)] * 10) / 10;
}

/** Median ms from opening "Compare technologies" on a cache of a 100-node design to the choices painted, and the median round trip of the request to the worker and back. */
async function compareLatency(browser: import('playwright-core').Browser, base: string): Promise<{ medianMs: number; roundTripMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  const design = generatedDesign(100);
  await page.addInitScript(
    ([key, value]) => localStorage.setItem(key, value),
    [AUTOSAVE_KEY, JSON.stringify({ version: 1, savedAt: new Date().toISOString(), design })] as const,
  );
  await page.goto(`${base}/play`);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 100, undefined, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  // n3 is a cache (the generator's fourth column).
  await page.locator('.react-flow__node[data-id="n3"]').click();
  await page.getByRole('button', { name: 'Compare technologies' }).waitFor({ timeout: 30_000 });
  const samples = await page.evaluate(async (runs) => {
    const out: { total: number; worker: number }[] = [];
    const toggle = () => [...document.querySelectorAll<HTMLButtonElement>('button[aria-expanded]')].find((b) => b.textContent?.includes('Compare technologies'))!;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const painted = new Promise<{ total: number; worker: number }>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('the comparison did not appear within 10 s')), 10_000);
        const check = () => {
          const view = document.querySelector('[data-testid="technology-compare"][data-compare-ms]');
          if (!view) return;
          observer.disconnect();
          clearTimeout(timeout);
          const worker = Number(view.getAttribute('data-compare-ms'));
          requestAnimationFrame(() => resolve({ total: performance.now() - t0, worker }));
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-compare-ms'] });
      });
      toggle().click();
      out.push(await painted);
      // Close it again for the next run.
      toggle().click();
      await new Promise((r) => setTimeout(r, 150));
    }
    return out;
  }, 9);
  await page.close();
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
  };
  return { medianMs: median(samples.map((s) => s.total)), roundTripMs: median(samples.map((s) => s.worker)) };
}

async function main() {
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    console.error('[bench-ui] no production build: building first…');
    build();
  }
  const found = findChromium();
  if (!found.path) throw new Error('no Chromium found (see scripts/browser.ts)');

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Its own process group: `next start` runs the server in a child process, which must be stopped too.
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: process.env.DATABASE_URL ?? 'file:./data/scalelab.db' },
  });
  const browser = await (async () => {
    await waitForServer(`${base}/play`, server);
    return chromium.launch({
      executablePath: found.path,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  })().catch((e) => {
    stopServer(server);
    throw e;
  });

  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx compiles with esbuild's keepNames, which wraps functions passed to page.evaluate in `__name(...)`.
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    const design = generatedDesign();
    await page.addInitScript(
      ([key, value]) => localStorage.setItem(key, value),
      [AUTOSAVE_KEY, JSON.stringify({ version: 1, savedAt: new Date().toISOString(), design })] as const,
    );
    await page.goto(`${base}/play`);
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n, NODES, { timeout: 60_000 });
    // Let the first fit-to-view and measuring settle.
    await page.waitForTimeout(1500);

    // The whole design is in view (the worst case: every card is rendered); drag the card nearest the centre.
    const canvas = (await page.locator('[data-editor-canvas]').boundingBox())!;
    const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    const target = await page.evaluate(({ x, y }) => {
      let best: { id: string; x: number; y: number; d: number } | null = null;
      for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
        const r = el.getBoundingClientRect();
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const d = Math.hypot(cx - x, cy - y);
        if (!best || d < best.d) best = { id: el.dataset.id!, x: cx, y: cy, d };
      }
      return best!;
    }, centre);

    const before = await page.locator(`.react-flow__node[data-id="${target.id}"]`).boundingBox();
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __counting: boolean };
      w.__frames = [];
      w.__counting = true;
      const tick = (t: number) => {
        if (!w.__counting) return;
        w.__frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // Move across the canvas and back, one mouse report every MOVE_EVERY_MS.
    const span = Math.min(canvas.width, canvas.height) * 0.35;
    const started = Date.now();
    for (let i = 0; Date.now() - started < DRAG_MS; i++) {
      const t = (Date.now() - started) / DRAG_MS;
      const angle = t * Math.PI * 2;
      await page.mouse.move(target.x + Math.sin(angle) * span, target.y + (1 - Math.cos(angle)) * span * 0.5);
      const next = started + (i + 1) * MOVE_EVERY_MS;
      const wait = next - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __counting: boolean };
      w.__counting = false;
      return w.__frames;
    });
    await page.mouse.move(target.x + span, target.y + span / 2, { steps: 4 });
    await page.mouse.up();
    const after = await page.locator(`.react-flow__node[data-id="${target.id}"]`).boundingBox();
    const moved = before && after ? Math.hypot(after.x - before.x, after.y - before.y) : 0;
    if (moved < 20) console.error(`[bench-ui] warning: the node did not move (${moved.toFixed(1)} px); the drag measured nothing`);

    const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
    const fps = frames.length > 1 ? Math.round(((frames.length - 1) / seconds) * 10) / 10 : 0;
    console.log(JSON.stringify({ name: 'drag-300-nodes', fps, targetFps: 50 }));
    console.log(JSON.stringify({ name: 'play-first-load-js', kbGzip: (await firstLoadJs(base, '/play')).kbGzip, targetKb: PLAY_FIRST_LOAD_BUDGET_KB }));
    console.log(JSON.stringify({ name: 'rescore-100-nodes', medianMs: await rescoreLatency(browser, base), targetMs: 100 }));
    console.log(JSON.stringify({ name: 'compare-technologies-100-nodes', ...(await compareLatency(browser, base)), targetMs: 500 }));
  } finally {
    await browser.close();
    stopServer(server);
  }
}

main().catch((e: unknown) => {
  console.error(`[bench-ui] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
