import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, SandboxPage } from './fixtures';
import { freshCreationLimits } from './rate-limits';

/**
 * The interview (practice mode) and a student's scenario with live scores
 * show the sandbox's results panel, scored in the worker against the mode's
 * own judge: its verdict at the judge's load, the per-component utilisation
 * on the cards, the findings and the cost lines, all from one evaluation.
 * A timed (blind) interview and a scenario that scores on submit show no
 * figures at all.
 */

test.beforeEach(() => freshCreationLimits());

const ACTIVE = (problemId: string) => `scalelab:interview:v1:active:${problemId}`;

/** Users → load balancer → app servers → database, small enough that the URL shortener's load saturates it. */
const design = {
  schemaVersion: 1,
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 80 } },
    { id: 'lb', kind: 'load-balancer', label: 'Load balancer', position: { x: 240, y: 80 } },
    { id: 'app', kind: 'app-server', label: 'App', params: { instances: 4, stateless: true }, position: { x: 480, y: 80 } },
    { id: 'db', kind: 'database', label: 'DB', position: { x: 720, y: 80 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'db' },
  ],
};

/** Starts a mock in `mode` and puts `design` on its canvas (as the attempt keeps it), then opens the design phase. */
async function mockWithDesign(page: Page, mode: 'Practice' | 'Blind') {
  await page.goto('/interview/url-shortener');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('radio', { name: new RegExp(mode) }).check();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await page.getByRole('button', { name: 'Next: estimation' }).click();
  await page.getByRole('button', { name: 'Skip to entities & API' }).click();
  await page.getByRole('button', { name: 'Next: design' }).click();
  const canvas = new SandboxPage(page);
  await expect(canvas.canvas).toHaveAttribute('data-hydrated', 'true');
  await page.evaluate(
    ([key, d]) => {
      const a = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...a, design: d }));
    },
    [ACTIVE('url-shortener'), design] as const,
  );
  await page.reload();
  await expect(canvas.canvas).toHaveAttribute('data-hydrated', 'true');
  await expect(canvas.nodes).toHaveCount(4);
  return canvas;
}

/** The first whole percentage in a text. */
const percent = (text: string | null) => Number(/(\d+)%/.exec(text ?? '')?.[1]);

test('a practice interview shows the results panel at the problem’s load, agreeing with its live check; a blind one shows no figures', async ({
  page,
}) => {
  const canvas = await mockWithDesign(page, 'Practice');
  const side = page.getByRole('complementary', { name: 'Interview' });

  // The live check, the cards and the panel come from one evaluation at the problem's load.
  const capacity = side.getByRole('heading', { name: 'Live check' }).locator('xpath=../..').getByRole('listitem').first();
  await expect(capacity).toContainText(/\d+%/);
  await expect(canvas.canvas.locator('[data-band]')).not.toHaveCount(0);
  await side.getByRole('tab', { name: 'Results' }).click();
  const panel = side.getByTestId('results-panel');
  const verdict = panel.getByTestId('verdict-card');
  await expect(verdict).toBeVisible();
  await expect(verdict.getByRole('heading')).toHaveText(/^The interview's target at [\d.]+[KM]? users$/);
  await expect(verdict.getByTestId('verdict')).toHaveText('Fails');
  // Line for line the live check's.
  const checks = verdict.getByRole('list', { name: 'Target checks' }).getByRole('listitem');
  await side.getByRole('tab', { name: 'Interview' }).click();
  const live = await side.getByRole('heading', { name: 'Live check' }).locator('xpath=../..').getByRole('listitem').allInnerTexts();
  await side.getByRole('tab', { name: 'Results' }).click();
  // Each check's label and figure (the marks before them differ: a word in one panel, a sign in the other).
  const lines = (texts: string[]) => texts.map((t) => t.split('\n').slice(-2).join('\n'));
  expect(lines(await checks.allInnerTexts())).toEqual(lines(live));
  // The busiest component's figure is the same in the check, in the panel and on its card.
  const busiest = percent(live[0]);
  expect(busiest).toBeGreaterThan(0);
  await expect(panel.getByTestId('bottleneck-utilisation')).toHaveText(`${busiest}%`);
  const cards = await canvas.nodes.allInnerTexts();
  expect(cards.some((t) => t.includes(`${busiest}%`))).toBe(true);
  // The findings with their causes, and the cost lines.
  await expect(panel.getByRole('list', { name: 'Findings' })).toBeVisible();
  await expect(panel.getByTestId('cost-breakdown')).toBeVisible();
  await expect(panel.getByTestId('cost-line-usd').first()).toHaveText(/\$/);

  // Selecting a component keeps the panel on Results.
  await canvas.node('App').click();
  await expect(side.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByTestId('node-focus')).toContainText('App');

  // A timed interview keeps every figure for its review.
  const blind = await mockWithDesign(page, 'Blind');
  await expect(page.getByText('Blind mode: the model scores your design')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Results' })).toHaveCount(0);
  await expect(page.getByTestId('results-panel')).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(blind.canvas.locator('[data-band]')).toHaveCount(0);
  await expect(blind.nodes.filter({ hasText: /\d+%/ })).toHaveCount(0);
});

async function studentOn(page: Page, request: APIRequestContext, scoreVisibility: 'live' | 'on-submit') {
  const res = await request.post('/api/scenarios', {
    data: {
      title: `Judged ${scoreVisibility}`,
      brief: 'Serve the campaign.',
      config: {
        targets: [
          { type: 'users', users: 50_000, label: 'Launch' },
          { type: 'users', users: 250_000, label: 'Peak' },
        ],
        allowedKinds: ['load-balancer', 'app-server', 'database', 'cache'],
        startingDesign: { ...design, nodes: design.nodes.map((n) => (n.id === 'app' ? { ...n, params: { instances: 2 } } : n)) },
        scoreVisibility,
      },
    },
  });
  expect(res.status()).toBe(201);
  const { studentUrl } = (await res.json()) as { studentUrl: string };
  await page.goto(studentUrl);
  await page.getByLabel('Display name').fill('Ada');
  await page.getByRole('button', { name: 'Start designing' }).click();
  await expect(page.getByText('Working as Ada')).toBeVisible();
  const canvas = page.getByRole('region', { name: 'Your design' });
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  return canvas;
}

test('a student’s live scenario shows the results panel with its grade at the largest target; one that scores on submit shows no figures', async ({
  page,
  request,
}) => {
  const canvas = await studentOn(page, request, 'live');
  // The toolbar's score, the Score tab and the results panel give one grade.
  const toolbarScore = page.getByRole('toolbar', { name: 'Design tools' }).locator('[aria-live="polite"]');
  await expect(toolbarScore).toContainText(/\d/);
  const score = (await toolbarScore.locator('.tabular-nums').textContent())!.trim();
  await expect(canvas.locator('[data-band]')).not.toHaveCount(0);
  const side = page.getByRole('complementary', { name: 'Inspector and results' });
  if (!(await side.isVisible())) await page.getByRole('button', { name: 'Results', exact: true }).click();
  await side.getByRole('tab', { name: 'Results' }).click();
  const panel = side.getByTestId('results-panel');
  const verdict = panel.getByTestId('verdict-card');
  await expect(verdict.getByRole('heading', { name: "The scenario's grade" })).toBeVisible();
  await expect(verdict.getByTestId('verdict-score')).toHaveText(`${score}/100`);
  await expect(verdict.getByRole('list', { name: 'Targets' }).getByRole('listitem').filter({ hasText: /users/ })).toHaveCount(2);
  // At the largest target (250K users), as the cards are.
  await expect(panel).toHaveAttribute('data-users', '250000');
  await expect(panel.getByTestId('cost-breakdown')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Findings' })).toBeVisible();
  await page.getByRole('tab', { name: 'Score', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Score of the design on the canvas' })).toContainText(score);

  // An edit is graded again: more app servers change the grade everywhere at once.
  const before = score;
  // (The open drawer covers part of the canvas below 2xl: the card is chosen from the keyboard.)
  await canvas.getByRole('group', { name: /^App/ }).focus();
  await page.keyboard.press('Enter');
  await side.getByRole('tab', { name: 'Inspect' }).click();
  const instances = side.getByLabel('Instances', { exact: true });
  await instances.fill('8');
  await instances.press('Enter');
  await expect(toolbarScore.locator('.tabular-nums')).not.toHaveText(before);
  const after = (await toolbarScore.locator('.tabular-nums').textContent())!.trim();
  await side.getByRole('tab', { name: 'Results' }).click();
  await expect(panel.getByTestId('verdict-score')).toHaveText(`${after}/100`);

  // A scenario that scores on submit shows nothing of the kind.
  const quiet = await studentOn(page, request, 'on-submit');
  await expect(page.getByRole('complementary', { name: 'Inspector and results' })).toHaveCount(0);
  await expect(page.getByTestId('results-panel')).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(quiet.locator('[data-band]')).toHaveCount(0);
  await expect(quiet.locator('.react-flow__node').filter({ hasText: /\d+%/ })).toHaveCount(0);
});
