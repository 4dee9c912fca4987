/**
 * `npx tsx scripts/screenshots.ts <baseUrl> <outDir> <path> [<path> …]`:
 * full-page screenshots of each path at desktop (1440×900), tablet (820×1180)
 * and phone (390×844) widths, for looking at what we build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './browser';

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tablet', width: 820, height: 1180 },
  { name: 'phone', width: 390, height: 844 },
];

async function main() {
  const [base, outDir, ...paths] = process.argv.slice(2);
  if (!base || !outDir || paths.length === 0) {
    console.error('usage: npx tsx scripts/screenshots.ts <baseUrl> <outDir> <path> [<path> …]');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const exe = findChromium();
  const browser = await chromium.launch({
    executablePath: exe.source === 'playwright' ? undefined : exe.path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    for (const p of paths) {
      await page.goto(new URL(p, base).toString(), { waitUntil: 'networkidle' });
      const file = path.join(outDir, `${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${size.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.close();
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
