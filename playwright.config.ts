import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/browser';
import { freePortSync } from './scripts/free-port';

// The server's port: E2E_PORT (scripts/test-e2e.ts sets it), or a free one
// picked once here and handed to Playwright's workers through the
// environment — never a fixed port that something else may hold.
if (!process.env.E2E_PORT) process.env.E2E_PORT = String(freePortSync());
const port = Number(process.env.E2E_PORT);
const chromium = findChromium();

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : [['list']],
  outputDir: `test-results/${port}`,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium when present (Playwright's own download is not
      // possible everywhere); otherwise Playwright's default browser.
      executablePath: chromium.source === 'playwright' ? undefined : chromium.path,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // scripts/test-e2e.ts builds the app and migrates this database first.
    command: `node --require tsx/cjs scripts/serve.ts -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${port}.db`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
