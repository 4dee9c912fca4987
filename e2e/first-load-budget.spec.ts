import { expect, test } from '@playwright/test';
import { firstLoadJs, PLAY_FIRST_LOAD_BUDGET_KB } from '../scripts/first-load';

/**
 * The sandbox's first-load JavaScript stays within its budget (issue #17):
 * what a browser must fetch before /play runs, gzipped. Heavy parts (the
 * engine, the Growth and What-if views, auto-layout, dialogs) load when used.
 */
test(`/play's first-load JavaScript is at most ${PLAY_FIRST_LOAD_BUDGET_KB} KB gzipped`, async ({ baseURL }) => {
  const { kbGzip, chunks } = await firstLoadJs(baseURL!, '/play');
  const list = chunks.map((c) => `${c.kbGzip.toFixed(1)} KB ${c.src}`).join('\n');
  expect(kbGzip, `first load ${kbGzip} KB:\n${list}`).toBeLessThanOrEqual(PLAY_FIRST_LOAD_BUDGET_KB);
});
