import type { APIRequestContext, Page } from '@playwright/test';
import { AUTOSAVE_KEY, expect, SandboxPage, test } from './fixtures';
import { freshCreationLimits } from './rate-limits';

// Its instructors create scenarios: each test starts from a fresh creation count (see e2e/rate-limits.ts).
test.beforeEach(() => freshCreationLimits());

/**
 * The same work open in two tabs of one browser: a tab that still shows an
 * older version takes up the newer save from the other tab (the `storage`
 * event), so its next edit cannot silently overwrite the other tab's work.
 * When both tabs have changes, the user chooses.
 */

const storedKinds = (page: Page, key: string) =>
  page.evaluate((k) => {
    const record = JSON.parse(localStorage.getItem(k) ?? 'null') as { design?: { nodes: { kind: string }[] } } | null;
    return (record?.design?.nodes ?? []).map((n) => n.kind).sort();
  }, key);

async function addFromPalette(page: Page, name: string) {
  await page.getByRole('complementary', { name: 'Components palette' }).getByRole('button', { name, exact: true }).click();
}

test('sandbox: the older tab follows the newer save, and its next edit keeps both tabs’ work', async ({ context }) => {
  const a = new SandboxPage(await context.newPage());
  const b = new SandboxPage(await context.newPage());
  await a.open();
  await b.open();

  await a.page.bringToFront();
  await addFromPalette(a.page, 'Users');
  await addFromPalette(a.page, 'Load balancer');
  await expect(a.nodes).toHaveCount(2);
  await expect.poll(() => storedKinds(a.page, AUTOSAVE_KEY)).toEqual(['load-balancer', 'users']);

  // Tab B opened before those edits: it now shows them, and says why.
  await b.page.bringToFront();
  await expect(b.nodes).toHaveCount(2);
  await expect(b.page.getByText(/This design was changed in another tab/)).toBeVisible();
  await addFromPalette(b.page, 'Database');
  await expect(b.nodes).toHaveCount(3);
  await expect.poll(() => storedKinds(b.page, AUTOSAVE_KEY)).toEqual(['database', 'load-balancer', 'users']);

  // And A follows B's edit in turn; a reload of either shows all three.
  await expect(a.nodes).toHaveCount(3);
  await a.page.reload();
  await expect(a.nodes).toHaveCount(3);

  // Undo in the tab that followed brings back what it showed before (and saves it, as the user asked).
  await b.page.bringToFront();
  await b.toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(b.nodes).toHaveCount(2);
});

test('sandbox: when both tabs have changes, the user chooses which version to keep', async ({ context }) => {
  const a = new SandboxPage(await context.newPage());
  const b = new SandboxPage(await context.newPage());
  await a.open();
  await b.open();
  await addFromPalette(a.page, 'Users');
  await expect.poll(() => storedKinds(a.page, AUTOSAVE_KEY)).toEqual(['users']);
  await expect(b.nodes).toHaveCount(1);

  // B's edit is still waiting to be saved when another tab's save arrives.
  await addFromPalette(b.page, 'Cache');
  await a.page.evaluate((key) => {
    const record = JSON.parse(localStorage.getItem(key)!) as { design: { nodes: unknown[] } };
    record.design.nodes.push({ id: 'db-from-a', kind: 'database', label: 'Database', position: { x: 300, y: 0 } });
    localStorage.setItem(key, JSON.stringify(record));
  }, AUTOSAVE_KEY);
  const banner = b.page.getByRole('alert').filter({ hasText: 'This design was also changed in another tab' });
  await expect(banner).toBeVisible();
  // Nothing is written over the other tab's save while the user decides.
  await b.page.waitForTimeout(800);
  expect(await storedKinds(b.page, AUTOSAVE_KEY)).toEqual(['database', 'users']);
  await expect(b.nodes).toHaveCount(2);

  // The other tab's version: shown, with B's own one step back in Undo.
  await banner.getByRole('button', { name: 'Show the other tab’s version' }).click();
  await expect(banner).toHaveCount(0);
  await expect(b.node('Database')).toBeVisible();
  await b.toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(b.node('Cache')).toBeVisible();
  await expect(b.node('Database')).toHaveCount(0);
  await expect.poll(() => storedKinds(b.page, AUTOSAVE_KEY)).toEqual(['cache', 'users']);
});

const LESSON = '/learn/stage-3-load-balancer';
const LESSON_KEY = 'scalelab:lesson:v1:stage-3-load-balancer';

async function openLesson(page: Page) {
  await page.goto(LESSON);
  await expect(page.getByRole('region', { name: 'Design canvas' }).locator('.react-flow__renderer')).toBeVisible();
  await page.waitForFunction(() => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true');
}

async function addInLesson(page: Page, name: string) {
  const palette = page.getByRole('complementary', { name: 'Components palette' });
  if (!(await palette.getByRole('button', { name, exact: true }).isVisible())) {
    await page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Components' }).click();
  }
  await palette.getByRole('button', { name, exact: true }).click();
}

test.describe('lesson', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a lesson open in two tabs: the older tab follows the newer save before its own edit', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await openLesson(a);
    await openLesson(b);
    const nodesOf = (p: Page) => p.getByRole('region', { name: 'Design canvas' }).locator('.react-flow__node');
    await expect(nodesOf(b)).toHaveCount(3);

    await a.bringToFront();
    await addInLesson(a, 'Load balancer');
    await expect(nodesOf(a)).toHaveCount(4);
    await expect.poll(() => storedKinds(a, LESSON_KEY)).toContain('load-balancer');

    await b.bringToFront();
    await expect(nodesOf(b)).toHaveCount(4);
    await addInLesson(b, 'Cache');
    await expect(nodesOf(b)).toHaveCount(5);
    await expect.poll(() => storedKinds(b, LESSON_KEY)).toEqual(expect.arrayContaining(['load-balancer', 'cache']));
    await a.reload();
    await expect(nodesOf(a)).toHaveCount(5);
  });

  test('a lesson changed in both tabs: the learner can show the other tab’s version, with their own one Undo away', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await openLesson(a);
    await openLesson(b);
    const nodesOf = (p: Page) => p.getByRole('region', { name: 'Design canvas' }).locator('.react-flow__node');

    // B's edit is still waiting to be saved when another tab's save arrives.
    await addInLesson(b, 'Cache');
    await a.evaluate((key) => {
      const design = { schemaVersion: 1, nodes: [{ id: 'lb-from-a', kind: 'load-balancer', label: 'Load balancer', position: { x: 0, y: 0 } }], edges: [] };
      localStorage.setItem(key, JSON.stringify({ version: 1, savedAt: new Date().toISOString(), design }));
    }, LESSON_KEY);
    const banner = b.getByRole('alert').filter({ hasText: 'This design was also changed in another tab' });
    await expect(banner).toBeVisible();
    await b.waitForTimeout(500);
    expect(await storedKinds(b, LESSON_KEY)).toEqual(['load-balancer']);

    await banner.getByRole('button', { name: 'Show the other tab’s version' }).click();
    await expect(banner).toHaveCount(0);
    await expect(nodesOf(b)).toHaveCount(1);
    // From the keyboard: a pointer press outside the open settings drawer may only close it.
    await b.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Undo' }).focus();
    await b.keyboard.press('Enter');
    await expect(nodesOf(b)).toHaveCount(4);
    await expect.poll(() => storedKinds(b, LESSON_KEY)).toContain('cache');
  });
});

test('an interview open in two tabs: the older tab takes up the newer notes before its own change', async ({ context }) => {
  const key = 'scalelab:interview:v1:active:url-shortener';
  const a = await context.newPage();
  await a.goto('/interview/url-shortener');
  await a.getByRole('button', { name: 'Start the interview' }).click();
  await expect(a.getByRole('button', { name: 'Requirements' })).toHaveAttribute('aria-current', 'step');
  const b = await context.newPage();
  await b.goto('/interview/url-shortener');
  await expect(b.getByRole('button', { name: 'Requirements' })).toHaveAttribute('aria-current', 'step');

  await a.bringToFront();
  await a.getByLabel(/Notes are not scored/).fill('Create a short link\nRedirect to the long URL');

  await b.bringToFront();
  await expect(b.getByLabel(/Notes are not scored/)).toHaveValue('Create a short link\nRedirect to the long URL');
  await expect(b.getByRole('status').filter({ hasText: 'continued in another tab' })).toBeVisible();
  // Questions are asked in the candidate's own words (answered by the server).
  await b.getByLabel('Your question').fill('Do links expire?');
  await b.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(b.getByText('an expired link answers 404')).toBeVisible();
  const stored = await b.evaluate((k) => JSON.parse(localStorage.getItem(k)!) as { notes: string; asked: unknown[] }, key);
  expect(stored.notes).toBe('Create a short link\nRedirect to the long URL');

  // A moves on to the estimation: B follows there too, with the question B asked.
  await a.bringToFront();
  await expect(a.getByText('an expired link answers 404')).toBeVisible();
  await a.getByRole('button', { name: 'Next: estimation' }).click();
  await expect(b.getByRole('button', { name: 'Estimation' })).toHaveAttribute('aria-current', 'step');
});

async function createScenario(request: APIRequestContext) {
  const res = await request.post('/api/scenarios', {
    data: { title: 'Two tabs', brief: 'Go.', config: { targets: [{ type: 'stage', stage: 2 }], allowedKinds: ['server', 'database', 'cache'], scoreVisibility: 'on-submit' } },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { studentUrl: string; slug: string };
}

test('a student’s scenario draft open in two tabs: the older tab follows the newer draft before its own edit', async ({ context, request }) => {
  const created = await createScenario(request);
  const a = await context.newPage();
  await a.goto(created.studentUrl);
  await a.getByLabel('Display name').fill('Ada');
  await a.getByRole('button', { name: 'Start designing' }).click();
  await expect(a.getByText('Working as Ada')).toBeVisible();
  const b = await context.newPage();
  await b.goto(created.studentUrl);
  await expect(b.getByText('Working as Ada')).toBeVisible();
  const key = `scalelab:scenario:${created.slug}:draft`;

  await a.bringToFront();
  await addFromPalette(a, 'Server');
  await addFromPalette(a, 'Database');
  await expect(a.locator('.react-flow__node')).toHaveCount(2);
  await expect.poll(() => storedKinds(a, key)).toEqual(['database', 'server']);

  await b.bringToFront();
  await expect(b.locator('.react-flow__node')).toHaveCount(2);
  await addFromPalette(b, 'Cache');
  await expect(b.locator('.react-flow__node')).toHaveCount(3);
  await expect.poll(() => storedKinds(b, key)).toEqual(['cache', 'database', 'server']);
  await a.reload();
  await expect(a.locator('.react-flow__node')).toHaveCount(3);
});

test('a student’s scenario draft changed in both tabs: the student keeps this tab’s version, and the other tab follows', async ({ context, request }) => {
  const created = await createScenario(request);
  const key = `scalelab:scenario:${created.slug}:draft`;
  const a = await context.newPage();
  await a.goto(created.studentUrl);
  await a.getByLabel('Display name').fill('Ada');
  await a.getByRole('button', { name: 'Start designing' }).click();
  await expect(a.getByText('Working as Ada')).toBeVisible();
  const b = await context.newPage();
  await b.goto(created.studentUrl);
  await expect(b.getByText('Working as Ada')).toBeVisible();

  // B's edit is still waiting to be written when another tab's draft arrives.
  await addFromPalette(b, 'Server');
  await a.evaluate((k) => {
    const design = { schemaVersion: 1, nodes: [{ id: 'db-from-a', kind: 'database', label: 'Database', position: { x: 0, y: 0 } }], edges: [] };
    localStorage.setItem(k, JSON.stringify({ design, savedAt: new Date().toISOString() }));
  }, key);
  const banner = b.getByRole('alert').filter({ hasText: 'This design was also changed in another tab' });
  await expect(banner).toBeVisible();
  await b.waitForTimeout(700);
  expect(await storedKinds(b, key)).toEqual(['database']);

  await banner.getByRole('button', { name: 'Keep this tab’s version' }).click();
  await expect(banner).toHaveCount(0);
  await expect.poll(() => storedKinds(b, key)).toEqual(['server']);
  await expect(a.locator('.react-flow__node')).toHaveCount(1);
  await expect(a.getByRole('group', { name: /^Server/ })).toBeVisible();
});

/** Starts a mock on the URL shortener in `a` and takes it to the design phase; `b` opens the same mock there. */
async function interviewDesignInTwoTabs(a: Page, b: Page) {
  await a.goto('/interview/url-shortener');
  await a.getByRole('button', { name: 'Start the interview' }).click();
  await a.getByRole('button', { name: 'Estimation', exact: true }).click();
  await a.getByRole('button', { name: 'Entities & API', exact: true }).click();
  await a.getByRole('button', { name: 'Design', exact: true }).click();
  const canvasOf = (p: Page) => p.getByRole('region', { name: 'Design canvas' });
  await expect(canvasOf(a)).toHaveAttribute('data-hydrated', 'true');
  await b.goto('/interview/url-shortener');
  await expect(b.getByRole('button', { name: 'Design', exact: true })).toHaveAttribute('aria-current', 'step');
  await expect(canvasOf(b)).toHaveAttribute('data-hydrated', 'true');
  await expect(canvasOf(a).locator('.react-flow__node')).toHaveCount(1);
  await expect(canvasOf(b).locator('.react-flow__node')).toHaveCount(1);
}

const INTERVIEW_KEY = 'scalelab:interview:v1:active:url-shortener';

test('an interview’s design changed in both tabs within a moment: the user chooses, and nothing is written over meanwhile', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await interviewDesignInTwoTabs(a, b);
  const nodesOf = (p: Page) => p.getByRole('region', { name: 'Design canvas' }).locator('.react-flow__node');

  // B's edit is still waiting to be taken into the attempt when A's save arrives (a click with no
  // waiting for the page to settle, so A's save surely comes within the canvas's moment).
  await b.bringToFront();
  await b.getByRole('complementary', { name: 'Components palette' }).getByRole('button', { name: 'Cache', exact: true }).evaluate((el: HTMLElement) => el.click());
  await a.evaluate((key) => {
    const attempt = JSON.parse(localStorage.getItem(key)!) as { design: { nodes: unknown[] } };
    attempt.design.nodes.push({ id: 'db-from-a', kind: 'database', label: 'Database', position: { x: 300, y: 0 } });
    localStorage.setItem(key, JSON.stringify(attempt));
  }, INTERVIEW_KEY);
  const banner = b.getByRole('alert').filter({ hasText: 'This design was also changed in another tab' });
  await expect(banner).toBeVisible();
  // Nothing is written over A's save while the user decides, and B still shows its own edit.
  await b.waitForTimeout(800);
  expect(await storedKinds(b, INTERVIEW_KEY)).toEqual(['database', 'users']);
  await expect(nodesOf(b)).toHaveCount(2);
  await expect(b.getByRole('group', { name: /^Cache/ })).toBeVisible();

  // The other tab's version: shown, with B's own design one Undo away.
  await banner.getByRole('button', { name: 'Show the other tab’s version' }).click();
  await expect(banner).toHaveCount(0);
  await expect(b.getByRole('group', { name: /^Database/ })).toBeVisible();
  await expect(b.getByRole('group', { name: /^Cache/ })).toHaveCount(0);
  await b.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Undo' }).click();
  await expect(b.getByRole('group', { name: /^Cache/ })).toBeVisible();
  await expect(b.getByRole('group', { name: /^Database/ })).toHaveCount(0);
  await expect.poll(() => storedKinds(b, INTERVIEW_KEY)).toEqual(['cache', 'users']);
});

test('an interview’s design edited in both tabs at nearly the same time: neither edit is lost without a choice', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await interviewDesignInTwoTabs(a, b);
  const bannerOf = (p: Page) => p.getByRole('alert').filter({ hasText: 'This design was also changed in another tab' });

  // Both edits land before either tab has saved (the canvas hands a change up a moment after it).
  await addFromPalette(a, 'Load balancer');
  await addFromPalette(b, 'Database');

  // One tab asks, the other has saved: each tab's edit is still somewhere.
  await expect.poll(async () => (await bannerOf(a).count()) + (await bannerOf(b).count())).toBe(1);
  const [asking, other, mineKind, theirKind] = (await bannerOf(b).count()) ? [b, a, 'Database', 'Load balancer'] : [a, b, 'Load balancer', 'Database'];
  await asking.waitForTimeout(800);
  const stored = await storedKinds(asking, INTERVIEW_KEY);
  expect(stored).toContain(theirKind === 'Database' ? 'database' : 'load-balancer');
  await expect(asking.getByRole('group', { name: new RegExp(`^${mineKind}`) })).toBeVisible();
  await expect(other.getByRole('group', { name: new RegExp(`^${theirKind}`) })).toBeVisible();

  // Keeping this tab's version: written, and the other tab shows it too.
  await bannerOf(asking).getByRole('button', { name: 'Keep this tab’s version' }).click();
  await expect(bannerOf(asking)).toHaveCount(0);
  await expect.poll(() => storedKinds(asking, INTERVIEW_KEY)).toContain(mineKind === 'Database' ? 'database' : 'load-balancer');
  await expect(other.getByRole('group', { name: new RegExp(`^${mineKind}`) })).toBeVisible();
  await expect(other.getByRole('status').filter({ hasText: 'continued in another tab' })).toBeVisible();
});
