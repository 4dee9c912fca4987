/**
 * Finds a Chromium for the browser tests: Debian's /usr/bin/chromium first,
 * then Playwright's own download; installs Debian's when neither exists and
 * this is root with apt-get; otherwise says what to install.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function playwrightBrowser(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): { path: string | undefined; source: 'env' | 'system' | 'playwright' | 'none' } {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return { path: fromEnv, source: 'env' };
  const system = SYSTEM_PATHS.find((p) => fs.existsSync(p));
  if (system) return { path: system, source: 'system' };
  const own = playwrightBrowser();
  if (own) return { path: own, source: 'playwright' };
  return { path: undefined, source: 'none' };
}

export function ensureChromium(): string | undefined {
  let found = findChromium();
  if (found.path) return found.path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    console.log('[scalelab] no Chromium found: installing Debian\'s chromium with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    found = findChromium();
    if (found.path) return found.path;
  }
  console.error(
    [
      '[scalelab] The browser tests need Chromium, and none was found.',
      '  On Debian or Ubuntu:  sudo apt-get install chromium',
      '  Or Playwright\'s own:  npx playwright install chromium',
      '  Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
  return undefined;
}

if (require.main === module) {
  const p = ensureChromium();
  if (!p) process.exit(1);
  console.log(p);
}
