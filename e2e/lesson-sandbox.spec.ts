/**
 * A lesson's canvas is the sandbox's editor: the same results panel at the
 * lesson's stage beside it, a side panel that stays where the learner left
 * it, and the design going to the sandbox and back with one click each way,
 * never silently replacing the sandbox's own design.
 */
import { expect, test, type Page } from '@playwright/test';
import { SandboxPage, type SeedDesign } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

const LESSON = '/learn/stage-3-load-balancer';

async function openLesson(page: Page) {
  await page.goto(LESSON);
  await expect(page.getByRole('region', { name: 'Design canvas' }).locator('.react-flow__renderer')).toBeVisible();
  await page.waitForFunction(() => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true');
  return new SandboxPage(page);
}

test('the lesson canvas shows the sandbox’s results at the lesson’s stage, and the check agrees with them', async ({ page }) => {
  const lesson = await openLesson(page);
  const side = page.getByRole('complementary', { name: 'Inspector and results' });
  await expect(side.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
  const panel = side.getByTestId('results-panel');
  // Judged at stage 3's load: 100K users, the scorecard of stage 3.
  await expect(panel).toHaveAttribute('data-users', '100000');
  const scorecard = panel.getByTestId('scorecard');
  await expect(scorecard).toHaveAttribute('data-stage', '3');
  await expect(scorecard).toHaveAttribute('data-passed', 'false');
  await expect(page.getByTestId('challenge-check').getByRole('heading')).toHaveText('Stage 3: not yet');
  // Findings with their causes, the cost lines and the end-to-end numbers, as in the sandbox.
  await expect(scorecard.getByRole('list', { name: 'Findings for stage 3' })).toBeVisible();
  await expect(panel.getByTestId('end-to-end')).toBeVisible();
  await expect(panel.getByTestId('e2e-cost')).toBeVisible();
  // The cards carry their utilisation.
  await expect(lesson.node('App server')).toContainText('%');

  // The reference solution passes: the check and the scorecard say so together, with the next stage one click away.
  await page.getByRole('button', { name: 'Load the reference solution' }).click();
  await expect(page.getByTestId('challenge-check').getByRole('heading')).toHaveText('Stage 3: passed ✓');
  await expect(scorecard).toHaveAttribute('data-passed', 'true');
  await expect(scorecard.getByRole('button', { name: /Try stage 4/ })).toBeVisible();
});

test('selecting a component keeps the Results tab; one click reaches its settings, and the panel stays there', async ({ page }) => {
  const lesson = await openLesson(page);
  const side = page.getByRole('complementary', { name: 'Inspector and results' });
  const results = side.getByRole('tab', { name: 'Results' });
  const inspect = side.getByRole('tab', { name: 'Inspect' });
  await lesson.node('App server').click();
  await expect(results).toHaveAttribute('aria-selected', 'true');
  await expect(side.getByTestId('selection-bar')).toContainText('“App server” is selected.');
  // The selected card's numbers show on Results.
  await expect(side.getByTestId('node-focus')).toContainText('App server');

  await side.getByRole('button', { name: 'Edit its settings' }).click();
  await expect(inspect).toHaveAttribute('aria-selected', 'true');
  await expect(side.getByRole('heading', { name: 'App server' })).toBeVisible();
  // Where the learner left it: another selection keeps the inspector, clearing it too.
  await lesson.node('Database').click();
  await expect(side.getByRole('heading', { name: 'Database' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(inspect).toHaveAttribute('aria-selected', 'true');

  await results.click();
  await lesson.node('Users').click();
  await expect(results).toHaveAttribute('aria-selected', 'true');
});

test('the sandbox’s Results tab stays when a card is selected', async ({ page }) => {
  const sandbox = new SandboxPage(page);
  await sandbox.open();
  await sandbox.chooseFromMenu('Start from', /^Stage 3/);
  const results = sandbox.inspector.getByRole('tab', { name: 'Results' });
  await expect(results).toHaveAttribute('aria-selected', 'true');
  await sandbox.node('Load balancer').click();
  await expect(results).toHaveAttribute('aria-selected', 'true');
  await expect(sandbox.inspector.getByTestId('selection-bar')).toContainText('“Load balancer” is selected.');
});

test('a lesson’s design opens in the sandbox with one click and comes back with its changes', async ({ page }) => {
  const lesson = await openLesson(page);
  await expect(lesson.nodes).toHaveCount(3);
  await page.getByRole('button', { name: 'Open in the sandbox' }).click();
  await expect(page).toHaveURL(/\/play$/);
  const sandbox = new SandboxPage(page);
  await expect(sandbox.nodes).toHaveCount(3);
  await expect(page.getByText(/Opened your design from the lesson “A load balancer and a horizontal app tier”/)).toBeVisible();
  const bar = page.getByRole('region', { name: 'From a lesson' });
  await expect(bar).toContainText('This design came from the lesson');

  // A change in the sandbox: a load balancer from the palette.
  await sandbox.palette.getByRole('button', { name: 'Load balancer', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(sandbox.nodes).toHaveCount(4);
  // The way back survives a reload of the sandbox.
  await page.reload();
  await expect(sandbox.nodes).toHaveCount(4);

  await bar.getByRole('button', { name: 'Back to the lesson with this design' }).click();
  await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
  await page.waitForFunction(() => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true');
  await expect(lesson.nodes).toHaveCount(4);
  await expect(page.getByText('Brought your design back from the sandbox.')).toBeVisible();
  // Kept by the lesson: a reload shows it again.
  await page.reload();
  await expect(lesson.nodes).toHaveCount(4);
});

test('opening a lesson’s design never silently replaces the sandbox’s own design', async ({ page }) => {
  const own: SeedDesign = {
    schemaVersion: 1,
    name: 'My own design',
    nodes: [
      { id: 'u', kind: 'users', position: { x: 0, y: 0 } },
      { id: 'a', kind: 'app-server', position: { x: 300, y: 0 } },
    ],
    edges: [{ id: 'e', source: 'u', target: 'a' }],
  };
  await new SandboxPage(page).seed(own);
  await openLesson(page);
  await page.getByRole('button', { name: 'Open in the sandbox' }).click();
  await expect(page).toHaveURL(/\/play$/);
  const sandbox = new SandboxPage(page);
  const offer = page.getByRole('alert').filter({ hasText: 'replaces your own design' });
  await expect(offer).toContainText('“My own design”, 2 components');
  await offer.getByRole('button', { name: 'Keep my design' }).click();
  await expect(sandbox.nodes).toHaveCount(2);
  await expect(page.getByText('Kept your design. “A load balancer and a horizontal app tier” is still in its lesson.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'From a lesson' })).toHaveCount(0);
});
