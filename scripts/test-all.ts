/**
 * `npm test`: every check and test, in the order that fails fastest —
 * lint, types, unit and API tests (Vitest), then the browser tests
 * (Playwright against a production build) and the integration tests (Vitest
 * files that build and start the production app) — and last, that the run left
 * the checkout as it found it. Ends with one summary line,
 * `tests: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checkoutChanges, checkoutState } from './checkout-state';
import { tempDir } from './temp-dirs';
import { runE2e } from './test-e2e';
import { runIntegration } from './test-integration';

const root = path.resolve(__dirname, '..');
const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);

interface Step {
  name: string;
  ok: boolean;
  seconds: number;
}
const steps: Step[] = [];
let passed = 0;
let failed = 0;

function timed(name: string, fn: () => boolean): boolean {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const ok = fn();
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  if (!ok) failed++;
  return ok;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function countVitest(file: string): { passed: number; failed: number } {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    return { passed: j.numPassedTests, failed: j.numFailedTests };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

function countPlaywright(file: string): { passed: number; failed: number } {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
    return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

function gitCheckout(): boolean {
  return spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8' }).stdout?.trim() === 'true';
}

async function main() {
  const before = gitCheckout() ? checkoutState(root) : null;
  // The reports of Vitest and Playwright; removed when this script exits.
  const tmp = tempDir('scalelab-test-all-');
  timed('lint (ESLint)', () => run(process.execPath, [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']));
  // `next typegen` writes the route types (RouteContext, PageProps) that tsc needs on a clean clone.
  timed('typecheck (next typegen, tsc)', () =>
    run(process.execPath, [bin('next', 'dist/bin/next'), 'typegen']) &&
    run(process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit', '-p', '.']),
  );

  const vitestJson = path.join(tmp, 'vitest.json');
  timed('unit and API tests (Vitest)', () =>
    run(process.execPath, [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]),
  );
  const v = countVitest(vitestJson);
  passed += v.passed;
  failed += v.failed;

  const pwJson = path.join(tmp, 'playwright.json');
  const started = Date.now();
  console.log('\n▶ browser tests (Playwright, production build)');
  const code = await runE2e([], pwJson);
  steps.push({ name: 'browser tests (Playwright, production build)', ok: code === 0, seconds: (Date.now() - started) / 1000 });
  const p = countPlaywright(pwJson);
  passed += p.passed;
  failed += p.failed + (code !== 0 && p.failed === 0 ? 1 : 0);

  // The Vitest files that build and start the production app themselves (a
  // kill during a burst of submissions): with the browser tests, not the unit run.
  const integrationJson = path.join(tmp, 'integration.json');
  timed('integration tests (Vitest, production build)', () => runIntegration(integrationJson) === 0);
  const it = countVitest(integrationJson);
  passed += it.passed;
  failed += it.failed;

  // No test may rewrite a tracked file (not even with the same contents) or
  // leave a file behind that git would see.
  timed('checkout unchanged (git status, tracked files untouched)', () => {
    if (!before) {
      console.log('  not a git checkout: nothing to compare');
      return true;
    }
    const changes = checkoutChanges(before, checkoutState(root));
    for (const change of changes) console.log(`  ${change}`);
    if (changes.length === 0) console.log('  git status and every tracked file are as they were before the run');
    return changes.length === 0;
  });

  console.log('\nSummary');
  for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds.toFixed(1)} s)`);
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exit(steps.every((s) => s.ok) ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e);
  console.log(`\ntests: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
