/**
 * UI benchmark of the editor (`npx tsx scripts/bench-ui.ts`): serves the
 * production build on a free port and drives it in Chromium at 1440 × 900.
 * Prints one JSON line per measure:
 *
 *   {"name":"drag-300-nodes","fps":N,"targetFps":50}
 *   {"name":"play-first-load-js","kbGzip":N,"targetKb":350}
 *   {"name":"rescore-100-nodes","medianMs":N,"targetMs":100}
 *   {"name":"compare-technologies-100-nodes","medianMs":N,"roundTripMs":N,"targetMs":500}
 *   {"name":"drag-300-traffic","mode":M,"fps":N,"traffic":true,"targetFps":50}
 *   {"name":"stage-switch-300","mode":M,"medianMs":N,"targetMs":150}
 *   {"name":"score-update-100","mode":M,"medianMs":N,"targetMs":100}
 *
 * The first four are the sandbox's (/play, the design given through its
 * autosave key). The last three run in each of the four modes (M): the
 * sandbox (/play), a lesson (/learn/…), the interview (practice mode, at its
 * design phase) and a student scenario (/s/sample-scale-out). In each, the
 * design reaches the canvas the way a user can bring one to every mode: it
 * is pasted (the editor's clipboard format), then fitted to the view. They
 * use the pages' roles and the canvas' own attributes, not a mode's markup:
 *
 * - drag-300-traffic: the "Traffic" toggle on (when the mode has it; the
 *   line says `"traffic":false` otherwise), one card dragged for 3 s with a
 *   125 Hz mouse while animation frames are counted.
 * - stage-switch-300: a click on another stage of the "Stage" radio group,
 *   timed to the last frame painted in the canvas' section before it goes
 *   quiet (the cards recoloured and relabelled); `null` in a mode without one.
 * - score-update-100: an app server's Instances committed in the inspector
 *   (Enter), timed to the first frame painted with the card's new
 *   utilisation.
 *
 * The first drag measure moves one card of a 300-node design with nothing
 * animated. rescore-100-nodes clicks the results panel's instance stepper (a
 * committed change, as an inspector edit is) again and again, timing each
 * click to the first frame painted after the panel shows the numbers for
 * the new graph (its data-revision). compare-technologies-100-nodes opens
 * the inspector's "Compare technologies" on a cache of the 100-node design,
 * again and again, timing each open to the frame painted with every
 * choice's numbers (the comparison runs in the scoring worker: five
 * evaluations of the whole design, each judged at the stage).
 *
 * `BENCH_MODES=sandbox,lesson` runs only those modes' measures.
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
function generatedDesign(NODES = 300, kinds = ['load-balancer', 'app-server', 'service', 'cache', 'database', 'queue', 'worker', 'search']) {
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

type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;
type ModeName = 'sandbox' | 'lesson' | 'interview' | 'scenario';
const MODES: readonly ModeName[] = ['sandbox', 'lesson', 'interview', 'scenario'];
const LESSON = '/learn/stage-3-load-balancer';
const INTERVIEW = '/interview/url-shortener';
const SCENARIO = '/s/sample-scale-out';

async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx compiles with esbuild's keepNames, which wraps functions passed to page.evaluate in `__name(...)`.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  return page;
}

/** Puts a design on the canvas the way a user can in every mode: a paste of the editor's clipboard format. */
async function pasteDesign(page: Page, design: ReturnType<typeof generatedDesign>): Promise<void> {
  const before = await page.locator('.react-flow__node').count();
  // A click on the canvas' empty corner first: a lesson's editor takes keys (and pastes) once the learner works in it.
  const pane = (await page.locator('.react-flow__pane').first().boundingBox())!;
  await page.mouse.click(pane.x + 12, pane.y + 12);
  const text = JSON.stringify({ type: 'scalelab/clipboard', version: 1, nodes: design.nodes, edges: design.edges });
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const target = document.querySelector('.react-flow') ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, before + design.nodes.length, { timeout: 60_000 });
}

/** Puts the whole design in view (the worst case: every card is drawn on screen) and lets the view settle. */
async function fitAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(600);
  // A fit stops at a readable zoom; zoom out from there until every card is inside the canvas.
  const allInView = () =>
    page.evaluate(() => {
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      return [...document.querySelectorAll('.react-flow__node')].every((el) => {
        const r = el.getBoundingClientRect();
        return r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom;
      });
    });
  const zoomOut = page.getByRole('button', { name: 'Zoom out' });
  for (let i = 0; i < 12 && !(await allInView()) && (await zoomOut.isEnabled()); i++) {
    await zoomOut.click();
    await page.waitForTimeout(250);
  }
  await page.waitForTimeout(1200);
}

/** Opens a mode with `n` generated components on its canvas, fitted to the view. */
async function openMode(browser: Browser, base: string, mode: ModeName, n: number): Promise<Page> {
  const page = await newPage(browser);
  // The student scenario allows only some kinds (lib/classroom/scenarios/sample-definitions.ts).
  const design = mode === 'scenario' ? generatedDesign(n, ['load-balancer', 'app-server', 'server', 'database']) : generatedDesign(n);
  if (mode === 'sandbox') {
    await page.addInitScript(
      ([key, value]) => localStorage.setItem(key, value),
      [AUTOSAVE_KEY, JSON.stringify({ version: 1, savedAt: new Date().toISOString(), design })] as const,
    );
    await page.goto(`${base}/play`);
    await page.waitForFunction((count) => document.querySelectorAll('.react-flow__node').length >= count, n, { timeout: 60_000 });
    await fitAll(page);
    return page;
  }
  if (mode === 'lesson') {
    await page.goto(`${base}${LESSON}`);
  } else if (mode === 'interview') {
    await page.goto(`${base}${INTERVIEW}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('radio', { name: /Practice/ }).check();
    await page.getByRole('button', { name: /^Start the interview/ }).click();
    // On through the phases before the design, by their own buttons.
    for (let i = 0; i < 8 && (await page.locator('.react-flow').count()) === 0; i++) {
      const next = page.getByRole('button', { name: /^(Skip to|Next: )/, disabled: false }).first();
      await next.click({ timeout: 10_000 });
      await page.waitForTimeout(300);
    }
  } else {
    await page.goto(`${base}${SCENARIO}`);
    await page.getByLabel('Display name').fill('Bench');
    await page.getByRole('button', { name: 'Start designing' }).click();
  }
  await page.locator('.react-flow').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(800);
  await pasteDesign(page, design);
  await fitAll(page);
  return page;
}

/** Frames per second while one card near the canvas' centre is dragged around for DRAG_MS; also says whether the card moved. */
async function dragFps(page: Page): Promise<{ fps: number; moved: number }> {
  const canvas = (await page.locator('.react-flow').first().boundingBox())!;
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

  const card = page.locator(`.react-flow__node[data-id="${target.id}"]`);
  const before = await card.boundingBox();
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
  const after = await card.boundingBox();
  const moved = before && after ? Math.hypot(after.x - before.x, after.y - before.y) : 0;
  if (moved < 20) console.error(`[bench-ui] warning: the node did not move (${moved.toFixed(1)} px); the drag measured nothing`);
  const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
  const fps = frames.length > 1 ? Math.round(((frames.length - 1) / seconds) * 10) / 10 : 0;
  return { fps, moved };
}

/** Turns the traffic animation on where the mode offers it, and waits for its dots; false when there is no toggle. */
async function trafficOn(page: Page): Promise<boolean> {
  const toggle = page.getByRole('button', { name: 'Traffic', exact: true });
  if ((await toggle.count()) === 0) return false;
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.locator('[data-traffic]').first().waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(500);
  return true;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
};

/**
 * Median ms from a click on another stage to the last frame painted in the
 * canvas' section before it stays quiet for QUIET_MS; null when the mode has
 * no stage to switch.
 */
async function stageSwitchLatency(page: Page, runs = 6): Promise<number | null> {
  // Nothing selected, and the Results tab: the right panel shows the results (a drag ends with its card selected).
  await page.keyboard.press('Escape');
  const results = page.getByRole('tab', { name: 'Results' });
  if ((await results.count()) > 0) await results.first().click();
  await page.waitForTimeout(300);
  const group = page.getByRole('radiogroup', { name: 'Stage' });
  if ((await group.count()) === 0) return null;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Two stages with different users and results, in turn.
    const stage = i % 2 === 0 ? 7 : 3;
    const ms = await page.evaluate(async (n) => {
      const QUIET_MS = 700;
      const radio = [...document.querySelectorAll<HTMLElement>('[role="radiogroup"][aria-label="Stage"] [role="radio"]')][n - 1];
      if (!radio) throw new Error(`no stage ${n} in the Stage radio group`);
      const section = document.querySelector('.react-flow')!.closest('[data-editor-canvas]') ?? document.querySelector('.react-flow')!;
      return new Promise<number>((resolve, reject) => {
        let painted = -1;
        let quiet: ReturnType<typeof setTimeout> | null = null;
        const done = () => {
          observer.disconnect();
          clearTimeout(timeout);
          resolve(painted - t0);
        };
        const observer = new MutationObserver(() => {
          requestAnimationFrame(() => {
            painted = performance.now();
            if (quiet) clearTimeout(quiet);
            quiet = setTimeout(done, QUIET_MS);
          });
        });
        const timeout = setTimeout(() => reject(new Error('the canvas did not change within 20 s')), 20_000);
        observer.observe(section, { subtree: true, childList: true, attributes: true, characterData: true });
        const t0 = performance.now();
        radio.click();
      });
    }, stage);
    samples.push(ms);
    await page.waitForTimeout(200);
  }
  return median(samples);
}

/** Median ms from committing an app server's Instances in the inspector (Enter) to the first frame painted with its card's new utilisation. */
async function scoreUpdateLatency(page: Page, runs = 9): Promise<number> {
  // A stage with a large load first, where the mode has a stage to choose, so the app servers are busy.
  const stages = page.getByRole('radiogroup', { name: 'Stage' }).getByRole('radio');
  if ((await stages.count()) > 0) {
    await stages.last().click();
    await page.waitForTimeout(2500);
  }
  // The busiest app server (its card's utilisation: data-utilisation, or the pill's figure).
  const id = await page.evaluate(() => {
    let best: { id: string; u: number } | null = null;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const name = el.querySelector('[data-node-name]')?.textContent ?? '';
      const card = el.querySelector<HTMLElement>('[data-utilisation]');
      const u = card ? Number(card.dataset.utilisation) : parseInt(el.querySelector('[title^="Utilisation"]')?.textContent ?? '', 10) / 100;
      if (name.startsWith('app-server') && u > 0 && (!best || u > best.u)) best = { id: el.dataset.id!, u };
    }
    return best?.id ?? null;
  });
  if (!id) throw new Error('no app server with a utilisation on the canvas');
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  const field = page.getByLabel('Instances', { exact: true });
  await field.waitFor({ timeout: 10_000 });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await field.fill(String(i % 2 === 0 ? 6 : 2));
    await page.evaluate((nodeId) => {
      const w = window as unknown as { __update: Promise<number> };
      const card = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`)!;
      const pill = () => card.querySelector<HTMLElement>('[data-utilisation]')?.dataset.utilisation ?? card.querySelector('[title^="Utilisation"]')?.textContent ?? '';
      const before = pill();
      let t0 = -1;
      w.__update = new Promise<number>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('the card did not show a new utilisation within 10 s')), 10_000);
        const onKey = (e: KeyboardEvent) => {
          if (e.key === 'Enter') t0 = performance.now();
        };
        window.addEventListener('keydown', onKey, true);
        const observer = new MutationObserver(() => {
          if (t0 < 0 || pill() === before) return;
          observer.disconnect();
          clearTimeout(timeout);
          window.removeEventListener('keydown', onKey, true);
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(card, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    }, id);
    await field.press('Enter');
    samples.push(await page.evaluate(() => (window as unknown as { __update: Promise<number> }).__update));
    await page.waitForTimeout(200);
  }
  return median(samples);
}

async function sandboxMeasures(browser: Browser, base: string) {
  const page = await openMode(browser, base, 'sandbox', NODES);
  const { fps } = await dragFps(page);
  await page.close();
  console.log(JSON.stringify({ name: 'drag-300-nodes', fps, targetFps: 50 }));
  console.log(JSON.stringify({ name: 'play-first-load-js', kbGzip: (await firstLoadJs(base, '/play')).kbGzip, targetKb: PLAY_FIRST_LOAD_BUDGET_KB }));
  console.log(JSON.stringify({ name: 'rescore-100-nodes', medianMs: await rescoreLatency(browser, base), targetMs: 100 }));
  console.log(JSON.stringify({ name: 'compare-technologies-100-nodes', ...(await compareLatency(browser, base)), targetMs: 500 }));
}

/** The three measures of one mode; a measure that cannot run there prints its error instead of a number. */
async function modeMeasures(browser: Browser, base: string, mode: ModeName) {
  const attempt = async (name: string, target: Record<string, number>, run: () => Promise<Record<string, unknown>>) => {
    try {
      console.log(JSON.stringify({ name, mode, ...(await run()), ...target }));
    } catch (e) {
      console.log(JSON.stringify({ name, mode, error: e instanceof Error ? e.message.split('\n')[0] : String(e), ...target }));
    }
  };
  let big: Page | null = null;
  await attempt('drag-300-traffic', { targetFps: 50 }, async () => {
    big = await openMode(browser, base, mode, NODES);
    const traffic = await trafficOn(big);
    const { fps } = await dragFps(big);
    return { fps, traffic };
  });
  await attempt('stage-switch-300', { targetMs: 150 }, async () => {
    if (!big) throw new Error('the mode did not open');
    return { medianMs: await stageSwitchLatency(big) };
  });
  await (big as Page | null)?.close();
  await attempt('score-update-100', { targetMs: 100 }, async () => {
    const page = await openMode(browser, base, mode, 100);
    try {
      return { medianMs: await scoreUpdateLatency(page) };
    } finally {
      await page.close();
    }
  });
}

async function main() {
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    console.error('[bench-ui] no production build: building first…');
    build();
  }
  const found = findChromium();
  if (!found.path) throw new Error('no Chromium found (see scripts/browser.ts)');
  const only = process.env.BENCH_MODES?.split(',').map((m) => m.trim()).filter(Boolean);
  for (const m of only ?? []) if (!MODES.includes(m as ModeName)) throw new Error(`BENCH_MODES: "${m}" is not a mode (${MODES.join(', ')})`);

  // BENCH_URL: measure a server that is already running (no build check, no server of its own).
  if (process.env.BENCH_URL) {
    const browser = await chromium.launch({ executablePath: found.path, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      if (!only) await sandboxMeasures(browser, process.env.BENCH_URL);
      for (const mode of MODES) if (!only || only.includes(mode)) await modeMeasures(browser, process.env.BENCH_URL, mode);
    } finally {
      await browser.close();
    }
    return;
  }
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
    if (!only) await sandboxMeasures(browser, base);
    for (const mode of MODES) if (!only || only.includes(mode)) await modeMeasures(browser, base, mode);
  } finally {
    await browser.close();
    stopServer(server);
  }
}

main().catch((e: unknown) => {
  console.error(`[bench-ui] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
