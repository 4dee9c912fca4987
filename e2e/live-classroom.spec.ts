import { expect, test, type Browser, type Page } from '@playwright/test';
import { freshCreationLimits } from './rate-limits';

// Its instructors create scenarios: each test starts from a fresh creation count (see e2e/rate-limits.ts).
test.beforeEach(() => freshCreationLimits());

/**
 * The live classroom, one instance on the SQLite default: students edit in
 * browser contexts of their own, and the instructor's dashboard and the
 * read-only live canvas follow within 2 s, through the live stream.
 */

const startingDesign = {
  schemaVersion: 1,
  name: 'Class starting point',
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 80 } },
    { id: 'app', kind: 'app-server', label: 'App', position: { x: 260, y: 80 } },
    { id: 'db', kind: 'database', label: 'Database', position: { x: 520, y: 80 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'app' },
    { id: 'e2', source: 'app', target: 'db' },
  ],
};

async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function joinAs(page: Page, slug: string, name: string) {
  await page.goto(`/s/${slug}`);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Start designing' }).click();
  await expect(page.getByText(`Working as ${name}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your design' }).locator('.react-flow__node')).toHaveCount(3);
}

/** Sets the App node's instance count in the inspector, as a student would. */
async function setInstances(page: Page, n: number) {
  const canvas = page.getByRole('region', { name: 'Your design' });
  await canvas.getByRole('group', { name: /^App/ }).focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  if (!(await inspector.isVisible())) await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  const input = inspector.getByLabel('Instances', { exact: true });
  await input.fill(String(n));
  await input.press('Enter');
  await expect(input).toHaveValue(String(n));
}

test('with live view on, the dashboard and the live canvas follow a student’s edits within 2 s; students are told', async ({ browser, request }) => {
  const created = await request.post('/api/scenarios', {
    data: {
      title: 'Live lab',
      brief: 'Scale it while we watch.',
      config: {
        targets: [{ type: 'users', users: 200_000 }],
        allowedKinds: ['load-balancer', 'app-server', 'database'],
        startingDesign,
        lockedNodeIds: ['users'],
        scoreVisibility: 'on-submit',
        liveView: true,
      },
    },
  });
  expect(created.status()).toBe(201);
  const { slug, manageKey } = (await created.json()) as { slug: string; manageKey: string };

  const teacher = await person(browser);
  await teacher.goto(`/s/${slug}/manage#key=${manageKey}&tab=live`);
  const panel = teacher.getByTestId('live-panel');
  await expect(panel.getByRole('heading', { name: 'Live classroom' })).toBeVisible();
  await expect(panel.locator('[data-live-status="open"]')).toBeVisible();
  await expect(panel.getByText('No drafts yet')).toBeVisible();

  const ada = await person(browser);
  await joinAs(ada, slug, 'Ada');
  await expect(ada.getByTestId('live-view-notice')).toContainText('Live view is on: your instructor sees your design and its score as you work.');
  const bo = await person(browser);
  await joinAs(bo, slug, 'Bo');

  // The starting design shows up as soon as each student's page has it.
  const adaRow = panel.locator('tr[data-student="Ada"]');
  const score = adaRow.getByTestId('draft-score');
  await expect(score).toHaveText(/^\d/, { timeout: 5_000 });
  const before = await score.textContent();
  await expect(panel.locator('tr[data-student="Bo"]')).toBeVisible();

  // The instructor opens Ada's canvas, read-only, in a tab of its own.
  const [canvasPage] = await Promise.all([teacher.context().waitForEvent('page'), adaRow.getByRole('link', { name: /Watch/ }).click()]);
  await expect(canvasPage.getByRole('heading', { name: 'Ada' })).toBeVisible();
  await expect(canvasPage.locator('[data-live-status="open"]')).toBeVisible();
  const liveScore = canvasPage.getByTestId('live-score');
  await expect(liveScore).toHaveText(before!);
  await expect(canvasPage.getByRole('region', { name: /read-only, live/ }).locator('.react-flow__node')).toHaveCount(3);

  // Ada scales the app tier: the dashboard's score and the live canvas change within 2 s.
  await setInstances(ada, 4);
  const changedAt = Date.now();
  await expect(score).not.toHaveText(before!, { timeout: 2_000 });
  expect(Date.now() - changedAt).toBeLessThan(2_000);
  const after = await score.textContent();
  await expect(liveScore).toHaveText(after!, { timeout: 2_000 });

  // A new component appears on the live canvas (and nothing there can be edited).
  const palette = ada.getByRole('complementary', { name: 'Components palette' });
  if (!(await palette.isVisible())) await ada.getByRole('button', { name: 'Components', exact: true }).click();
  await palette.getByRole('button', { name: 'Load balancer', exact: true }).click();
  await expect(canvasPage.getByRole('region', { name: /read-only, live/ }).locator('.react-flow__node')).toHaveCount(4, { timeout: 2_000 });
  await expect(adaRow.getByRole('cell').nth(2)).toHaveText('4');
  await expect(canvasPage.getByRole('complementary', { name: 'Components palette' })).toHaveCount(0);

  // Bo's edits land on Bo's row only.
  await setInstances(bo, 2);
  await expect(panel.locator('tr[data-student="Bo"]').getByTestId('draft-score')).toHaveText(/^\d/);

  // The instructor turns live view off: the students' pages stop sending and stop saying it is on.
  await panel.getByRole('button', { name: 'Turn live view off' }).click();
  await expect(panel.getByRole('button', { name: 'Turn live view on' })).toBeVisible();
  await setInstances(ada, 5);
  await expect(ada.getByTestId('live-view-notice')).toHaveCount(0, { timeout: 5_000 });
});

test('the dashboard reconnects after the stream drops and shows what changed meanwhile', async ({ browser, request }) => {
  const created = await request.post('/api/scenarios', {
    data: {
      title: 'Reconnect lab',
      brief: 'Drop and resume.',
      config: { targets: [{ type: 'users', users: 200_000 }], allowedKinds: ['app-server', 'database'], startingDesign, liveView: true },
    },
  });
  const { slug, manageKey } = (await created.json()) as { slug: string; manageKey: string };
  const joined = await request.post(`/api/scenarios/${slug}/students`, { data: { displayName: 'Cy' } });
  const { resumeToken } = (await joined.json()) as { resumeToken: string };
  const design = (n: number) => ({ ...startingDesign, nodes: startingDesign.nodes.map((x) => (x.id === 'app' ? { ...x, params: { instances: n } } : x)) });
  const send = async (n: number) => {
    const r = await request.post(`/api/scenarios/${slug}/draft`, { data: { design: design(n) }, headers: { 'x-student-token': resumeToken } });
    expect(r.status()).toBe(200);
    return ((await r.json()) as { draft: { score: number } }).draft.score;
  };

  const teacher = await person(browser);
  await teacher.goto(`/s/${slug}/manage#key=${manageKey}&tab=live`);
  const panel = teacher.getByTestId('live-panel');
  await expect(panel.locator('[data-live-status="open"]')).toBeVisible();
  const first = await send(1);
  const cell = panel.locator('tr[data-student="Cy"]').getByTestId('draft-score');
  await expect(cell).toHaveText(String(Math.round(first * 10) / 10));

  // The network drops (the browser goes offline and its open stream is cut): the indicator says so,
  // and a change made meanwhile arrives once it is back.
  await teacher.context().setOffline(true);
  await teacher.evaluate(() => window.stop());
  await expect(panel.locator('[data-live-status="reconnecting"]')).toBeVisible({ timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 1_100));
  const second = await send(4);
  expect(second).not.toBe(first);
  await teacher.context().setOffline(false);
  await expect(panel.locator('[data-live-status="open"]')).toBeVisible({ timeout: 15_000 });
  await expect(cell).toHaveText(String(Math.round(second * 10) / 10));
});
