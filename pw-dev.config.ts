import { defineConfig, devices } from '@playwright/test';
export default defineConfig({
  testDir: 'e2e', workers: 1, timeout: 120_000, expect: { timeout: 20_000 }, reporter: [['list']],
  outputDir: '/tmp/hE-shots/pw-out',
  use: { baseURL: 'http://localhost:3105', launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] } },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
