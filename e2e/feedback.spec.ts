import fs from 'node:fs';
import { expect, test as base, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { freshCreationLimits } from './rate-limits';

/**
 * Issue 19, feedback and reuse, with an instructor and students each in a
 * browser of their own: feedback released to a student; a budget edited,
 * every submission re-graded with a history and the student told what
 * changed; a scenario duplicated and archived; the class's analytics with
 * two submissions side by side.
 */

const test = base;

// These tests create scenarios (and a duplicate): each starts from a fresh creation count (see e2e/rate-limits.ts).
test.beforeEach(() => freshCreationLimits());

// The real engine: this design costs about $380 a month at 10,000 users, over a $300 budget and within $400.
const design = (instances = 1) => ({
  schemaVersion: 1,
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 80 } },
    { id: 'app', kind: 'app-server', params: { instances }, position: { x: 240, y: 80 } },
    { id: 'db', kind: 'database', position: { x: 480, y: 80 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'app' },
    { id: 'e2', source: 'app', target: 'db' },
  ],
});

/** Screenshots for the report, when SHOTS_DIR names a folder (kept out of the checkout). */
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function classOf(request: APIRequestContext, names: string[], config: Record<string, unknown> = {}, instances = (i: number) => 1 + (i % 2)) {
  const res = await request.post('/api/scenarios', {
    data: {
      title: 'Feedback class',
      brief: '## Task\n\nServe 10,000 users within the budget.',
      config: {
        targets: [{ type: 'users', users: 10_000 }],
        slo: { monthlyBudgetUsd: 300, availability: 0.99 },
        allowedKinds: ['app-server', 'database'],
        scoreVisibility: 'on-submit',
        rubric: [{ id: 'cache', label: 'Explains the cache choice', maxPoints: 10 }],
        ...config,
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const created = (await res.json()) as { slug: string; manageUrl: string; studentUrl: string };
  const tokens: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const joined = await request.post(`/api/scenarios/${created.slug}/students`, { data: { displayName: name } });
    expect(joined.status()).toBe(201);
    tokens[name] = ((await joined.json()) as { resumeToken: string }).resumeToken;
    const sent = await request.post(`/api/scenarios/${created.slug}/submissions`, { data: { design: design(instances(i)) }, headers: { 'x-student-token': tokens[name] } });
    expect(sent.status(), await sent.text()).toBe(201);
  }
  return { ...created, tokens };
}

let origin = '';
test.beforeEach(({ baseURL }) => {
  origin = baseURL!;
});

async function open(browser: Browser, url: string, width = 1440) {
  const page = await (await browser.newContext({ baseURL: origin, viewport: { width, height: 900 } })).newPage();
  await page.goto(url);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

function row(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
}

test('the instructor comments on and adjusts a submission and releases it; the student sees the comment and the adjusted score', async ({ browser, request }) => {
  const c = await classOf(request, ['Ada', 'Bob'], { scoreVisibility: 'after-release' });
  const ada = await open(browser, `${c.studentUrl}#resume=${c.tokens.Ada}`);
  await expect(ada.getByText('Working as Ada')).toBeVisible();

  const teacher = await open(browser, c.manageUrl);
  await expect(teacher.getByRole('tab', { name: 'Submissions', selected: true })).toBeVisible();
  await row(teacher, 'Ada').getByRole('button', { name: /^Open/ }).click();
  const panel = teacher.getByRole('region', { name: 'Your feedback' });
  await expect(panel.getByLabel('Comment to the student')).toBeVisible();
  expect(await seriousViolations(teacher)).toEqual([]);
  await panel.getByLabel('Comment to the student').fill('Good shape. Say why no cache.');
  // An adjustment without its reason is refused, saying why, and nothing typed is lost.
  await panel.getByLabel(/^Adjustment/).fill('-6');
  await panel.getByRole('button', { name: 'Save feedback' }).click();
  await expect(panel.getByRole('alert')).toContainText('say why you adjust the score');
  await expect(panel.getByLabel('Comment to the student')).toHaveValue('Good shape. Say why no cache.');
  await panel.getByLabel(/^Reason/).fill('No cache explained');
  await panel.getByLabel('Explains the cache choice').fill('4');
  await panel.getByRole('button', { name: 'Save feedback' }).click();
  await expect(panel.getByRole('status')).toContainText('Students see it once you release feedback');
  const model = Number((await panel.getByTestId('final-preview').textContent())!.match(/Model score ([\d.]+)/)![1]);
  const final = Math.round((model - 6) * 10) / 10;
  await expect(panel.getByTestId('final-preview')).toContainText(`final ${final}`);
  await expect(row(teacher, 'Ada')).toContainText(`model ${model} −6`);
  await shot(teacher, 'feedback-dashboard-1440');

  // Not released: the student sees neither the score nor the comment.
  await ada.reload();
  await ada.getByRole('tab', { name: 'Results' }).click();
  await expect(ada.getByText('Your instructor will release the scores later.')).toBeVisible();
  await expect(ada.getByText('Good shape. Say why no cache.')).toHaveCount(0);

  await teacher.getByRole('button', { name: 'Release feedback' }).click();
  await expect(teacher.getByRole('button', { name: 'Hide feedback' })).toBeVisible();
  await expect(teacher.getByText('— released.')).toBeVisible();

  await ada.reload();
  await ada.getByRole('tab', { name: 'Results' }).click();
  const mine = ada.getByRole('region', { name: 'Your instructor’s feedback' });
  await expect(mine).toContainText('Good shape. Say why no cache.');
  await expect(mine).toContainText(`Final score ${final} (model ${model}, −6: No cache explained)`);
  await expect(mine.getByRole('row', { name: /Explains the cache choice/ })).toContainText('4 / 10');
  await shot(ada, 'feedback-student-1440');
  await ada.setViewportSize({ width: 390, height: 844 });
  await shot(ada, 'feedback-student-390');
  // Bob's browser shows nothing of Ada's feedback.
  const bob = await open(browser, `${c.studentUrl}#resume=${c.tokens.Bob}`);
  await bob.getByRole('tab', { name: 'Results' }).click();
  await expect(bob.getByText('Good shape. Say why no cache.')).toHaveCount(0);
  await teacher.setViewportSize({ width: 390, height: 844 });
  await shot(teacher, 'feedback-dashboard-390');
});

test('the instructor raises the budget: every submission is re-graded with a history, and students read “budget $300 → $400”', async ({ browser, request }) => {
  const c = await classOf(request, ['Ada', 'Bob', 'Cy'], {}, () => 1);
  const teacher = await open(browser, c.manageUrl);
  for (const name of ['Ada', 'Bob', 'Cy']) await expect(row(teacher, name)).toContainText('Fail');
  await teacher.getByRole('tab', { name: 'Settings' }).click();
  // The tab is kept in the address: a reload stays on it.
  await teacher.reload();
  await expect(teacher.getByRole('tab', { name: 'Settings', selected: true })).toBeVisible();
  await teacher.getByLabel('Monthly budget ($)').fill('400');
  await teacher.getByLabel(/^Why/).fill('The budget was a typo');
  await teacher.getByRole('button', { name: 'Save changes' }).click();
  await expect(teacher.getByRole('status').first()).toContainText('Saved: budget $300 → $400. Every submission was re-graded (3).');
  await expect(teacher.getByTestId('revisions')).toContainText('budget $300 → $400');
  await expect(teacher.getByTestId('revisions')).toContainText('Re-graded 3 of 3 submissions');
  await shot(teacher, 'edit-settings-1440');

  await teacher.getByRole('tab', { name: 'Submissions' }).click();
  for (const name of ['Ada', 'Bob', 'Cy']) await expect(row(teacher, name)).toContainText('Pass');
  await row(teacher, 'Ada').getByRole('button', { name: /^Open/ }).click();
  const history = teacher.getByTestId('regrade-history');
  await expect(history).toContainText(/\d+(\.\d)? → 100/);
  await expect(history).toContainText('10K users: Monthly cost now passes ✓');
  await expect(history).toContainText('Because: budget $300 → $400');
  await expect(history).toContainText('“The budget was a typo”');

  const ada = await open(browser, `${c.studentUrl}#resume=${c.tokens.Ada}`);
  await expect(ada.getByTestId('scenario-updated')).toContainText('Updated');
  await expect(ada.getByTestId('scenario-updated')).toContainText('budget $300 → $400');
  await ada.getByRole('tab', { name: 'Results' }).click();
  await expect(ada.getByRole('region', { name: 'Re-graded after the scenario changed' })).toContainText('Monthly cost now passes ✓');
  await shot(ada, 'updated-student-1440');
  await ada.setViewportSize({ width: 390, height: 844 });
  await shot(ada, 'updated-student-390');
});

test('duplicate makes a new scenario with no students; archive makes it read-only and moves it to Archived; restore brings it back', async ({ browser, request }) => {
  const c = await classOf(request, ['Ada']);
  const teacher = await open(browser, c.manageUrl);
  await teacher.getByRole('tab', { name: 'Settings' }).click();
  await teacher.getByRole('button', { name: 'Duplicate this scenario' }).click();
  await expect(teacher.getByText('Duplicated. Keep the new manage link:')).toBeVisible();
  const copyUrl = await teacher.getByLabel('The copy’s manage link').inputValue();
  expect(copyUrl).not.toContain(c.slug);

  await teacher.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(teacher.getByRole('status').first()).toContainText('Archived');
  await expect(teacher.getByRole('button', { name: 'Restore from the archive' })).toBeVisible();
  await shot(teacher, 'archive-settings-1440');

  const ada = await open(browser, `${c.studentUrl}#resume=${c.tokens.Ada}`);
  await expect(ada.getByText('The instructor has archived this scenario; it is read-only.')).toBeVisible();
  await expect(ada.getByRole('button', { name: /^Submit/ })).toBeDisabled();
  // A newcomer is told it is archived instead of a form that could never submit.
  const newcomer = await open(browser, c.studentUrl);
  await expect(newcomer.getByRole('heading', { name: 'This scenario is archived' })).toBeVisible();
  await expect(newcomer.getByRole('button', { name: 'Start designing' })).toHaveCount(0);

  const teach = await teacher.context().newPage();
  await teach.goto('/teach');
  await expect(teach.getByText('Archived (1)')).toBeVisible();
  await expect(teach.getByRole('link', { name: 'Dashboard for Feedback class (copy)' })).toBeVisible();
  await expect(teach.getByRole('link', { name: 'Dashboard for Feedback class', exact: true })).toBeHidden();

  const copy = await open(browser, copyUrl);
  await expect(copy.getByRole('heading', { name: 'Feedback class (copy)' })).toBeVisible();
  await expect(copy.getByText('0 students · 0 submissions')).toBeVisible();

  await teacher.getByRole('button', { name: 'Restore from the archive' }).click();
  await expect(teacher.getByRole('button', { name: 'Archive', exact: true })).toBeVisible();
  await ada.reload();
  await expect(ada.getByRole('button', { name: /^Submit/ })).toBeEnabled();
});

test('analytics shows the score distribution, pass rates and two submissions side by side', async ({ browser, request }) => {
  const c = await classOf(request, ['Ada', 'Bob', 'Cy', 'Dee']);
  const teacher = await open(browser, c.manageUrl);
  await teacher.getByRole('tab', { name: 'Analytics' }).click();
  const analytics = teacher.getByTestId('analytics');
  await expect(analytics).toContainText('4 students');
  const histogram = teacher.getByTestId('histogram');
  await expect(histogram.getByRole('row')).toHaveCount(11); // header + ten bands
  await expect(analytics.getByRole('row', { name: /^Monthly cost/ })).toContainText('0% (0/4)');
  await teacher.getByLabel('Left').selectOption({ label: (await teacher.getByLabel('Left').locator('option', { hasText: 'Ada' }).textContent())! });
  await teacher.getByLabel('Right').selectOption({ label: (await teacher.getByLabel('Right').locator('option', { hasText: 'Bob' }).textContent())! });
  const table = teacher.getByTestId('side-by-side');
  await expect(table.getByRole('columnheader', { name: 'Ada' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Bob' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Monthly cost/ })).toContainText('$');
  await expect(teacher.getByRole('region', { name: 'Ada’s design (read-only)' })).toBeVisible();
  await expect(teacher.getByRole('region', { name: 'Bob’s design (read-only)' })).toBeVisible();
  expect(await seriousViolations(teacher)).toEqual([]);
  await shot(teacher, 'analytics-1440');
  // The tabs work from the keyboard: arrow keys move between them and select.
  await teacher.getByRole('tab', { name: 'Analytics' }).focus();
  await teacher.keyboard.press('ArrowRight');
  await expect(teacher.getByRole('tab', { name: 'Live', selected: true })).toBeFocused();
  await teacher.keyboard.press('ArrowRight');
  await expect(teacher.getByRole('tab', { name: 'Settings', selected: true })).toBeFocused();
  await expect(teacher.getByRole('heading', { name: 'Edit the scenario' })).toBeVisible();
  expect(await seriousViolations(teacher)).toEqual([]);
  await teacher.keyboard.press('Home');
  await expect(teacher.getByRole('tab', { name: 'Submissions', selected: true })).toBeFocused();
  await teacher.getByRole('tab', { name: 'Analytics' }).click();
  await teacher.setViewportSize({ width: 390, height: 844 });
  await shot(teacher, 'analytics-390');
  const overflow = await teacher.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the analytics tab scrolls sideways on a phone').toBeLessThanOrEqual(0);
});
