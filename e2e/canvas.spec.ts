import type { Locator, Page } from '@playwright/test';
import { expect, test, type SeedDesign } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

/** The results panel (the right-hand panel's Results tab). */
function results(page: Page) {
  return page.getByRole('tabpanel', { name: 'Results' });
}

/** Shows the inspector of the selected card (the side panel may stay on Results when a card is selected). */
async function showInspector(page: Page) {
  const tab = page.getByRole('tab', { name: 'Inspect' });
  if ((await tab.count()) > 0 && (await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/** A card name's font size on screen, px: its CSS size times the canvas' zoom. */
async function nameSizeOnScreen(card: Locator): Promise<number> {
  return card.locator('[data-node-name]').evaluate((el) => {
    const css = parseFloat(getComputedStyle(el).fontSize);
    const card = el.closest<HTMLElement>('.react-flow__node')!;
    return (css * card.getBoundingClientRect().width) / card.offsetWidth;
  });
}

test('the stage 8 reference design is readable after fit-to-view at 1440 × 900, with the overview map for the rest', async ({ sandbox, page }) => {
  await sandbox.open();
  await page.locator('button', { hasText: /^Stage 8\b/ }).first().click();
  await expect(page.locator('.react-flow')).toHaveAttribute('data-fitted', /\d+/);
  const cards = sandbox.nodes;
  expect(await cards.count()).toBeGreaterThan(20);
  for (const i of [0, 5, 10]) expect(await nameSizeOnScreen(cards.nth(i))).toBeGreaterThanOrEqual(11);
  // The whole design is not in view at that zoom: the overview map shows it, and the view's place in it.
  await expect(page.getByTestId('rf__minimap')).toBeVisible();
  // The users (where traffic enters) are in view.
  await expect(sandbox.node('Users')).toBeInViewport();

  // "Fit view" in the zoom controls does the same, after zooming out.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom out' }).click();
  expect(await nameSizeOnScreen(cards.first())).toBeLessThan(11);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect.poll(() => nameSizeOnScreen(cards.first())).toBeGreaterThanOrEqual(11);
});

test('a small design still fits whole', async ({ sandbox, page }) => {
  await sandbox.open();
  await page.locator('button', { hasText: /^Stage 3\b/ }).first().click();
  await expect(page.locator('.react-flow')).toHaveAttribute('data-fitted', /\d+/);
  for (const name of ['Users', 'Load balancer', 'App servers', 'Database']) await expect(sandbox.node(name)).toBeInViewport();
});

/** Users → a load balancer → two app servers → one database. */
const TWO_SERVERS: SeedDesign = {
  schemaVersion: 1,
  name: 'Two app servers',
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 120 } },
    { id: 'lb', kind: 'load-balancer', label: 'Load balancer', position: { x: 288, y: 120 } },
    { id: 'a', kind: 'app-server', label: 'App A', position: { x: 576, y: 0 }, params: { instances: 2 } },
    { id: 'b', kind: 'app-server', label: 'App B', position: { x: 576, y: 240 }, params: { instances: 2 } },
    { id: 'db', kind: 'database', label: 'Database', position: { x: 864, y: 120 }, params: { size: 'large' } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'a' },
    { id: 'e3', source: 'lb', target: 'b' },
    { id: 'e4', source: 'a', target: 'db' },
    { id: 'e5', source: 'b', target: 'db' },
  ],
};

test('a what-if is drawn on the canvas: the failed component, its lost traffic and the rerouted traffic; clearing it clears the canvas', async ({ sandbox, page }) => {
  await sandbox.seed(TWO_SERVERS);
  await sandbox.open();
  const panel = results(page);
  await expect(panel.getByTestId('scorecard')).toBeVisible();
  await panel.getByRole('tab', { name: 'What if' }).click();
  await panel.getByRole('radio', { name: /A component fails/ }).check();
  await panel.getByRole('combobox', { name: 'Component' }).selectOption({ label: 'App A' });
  await expect(panel.getByTestId('chaos-result')).toContainText('If App A fails:');

  const failed = sandbox.node('App A');
  await expect(failed.locator('[data-what-if]')).toHaveAttribute('data-what-if', 'failed');
  await expect(failed.locator('[data-badge="what-if-failed"]')).toContainText('Failed');
  await expect(failed.locator('[data-node-name]')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(sandbox.node('App B').locator('[data-what-if]')).toHaveCount(0);
  // Its connections lose their traffic; its sibling's carry what was rerouted.
  await expect(sandbox.edge('Load balancer', 'App A').locator('[data-what-if]')).toHaveAttribute('data-what-if', 'lost');
  await expect(sandbox.edge('App A', 'Database').locator('[data-what-if]')).toHaveAttribute('data-what-if', 'lost');
  await expect(sandbox.edge('Load balancer', 'App B').locator('[data-what-if]')).toHaveAttribute('data-what-if', /rerouted|overload/);
  await expect(page.locator('[data-edge-note="e2"]')).toContainText('lost');
  await expect(page.locator('[data-edge-note="e3"]')).toContainText(/^\+.*req\/s/);
  const legend = page.getByTestId('what-if-legend');
  await expect(legend).toContainText('What if App A fails: 1 component failed');
  await expect(legend).toContainText('2 connections lose traffic');

  // Another section of the results: the canvas shows the design as it is.
  await panel.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.locator('.react-flow [data-what-if]')).toHaveCount(0);
  await panel.getByRole('tab', { name: 'What if' }).click();
  await expect(failed.locator('[data-what-if]')).toHaveAttribute('data-what-if', 'failed');

  // Clear (on the canvas, or in the panel): nothing is drawn any more.
  await legend.getByRole('button', { name: 'Clear' }).click();
  await expect(page.locator('.react-flow [data-what-if]')).toHaveCount(0);
  await expect(legend).toHaveCount(0);
  await expect(panel.getByRole('radio', { name: /A component fails/ })).not.toBeChecked();
});

/** Stage 3's shape with eight app servers: at stage 4 (1M users) they run at about 56%. */
const EIGHT_SERVERS: SeedDesign = {
  schemaVersion: 1,
  name: 'Eight app servers',
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 0 } },
    { id: 'lb', kind: 'load-balancer', label: 'Load balancer', position: { x: 288, y: 0 } },
    { id: 'app', kind: 'app-server', label: 'App servers', position: { x: 576, y: 0 }, params: { instances: 8, stateless: true } },
    { id: 'db', kind: 'database', label: 'Database', position: { x: 864, y: 0 }, params: { size: 'large' } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'db' },
  ],
};

test('the inspector warns when fewer instances cut capacity, before and after the change is committed', async ({ sandbox, page }) => {
  await sandbox.seed(EIGHT_SERVERS);
  await sandbox.open();
  await results(page).getByRole('radio', { name: /^Stage 4,/ }).click();
  await expect(results(page).getByTestId('results-panel')).toHaveAttribute('data-users', '1000000');
  const card = sandbox.node('App servers');
  const busy = card.locator('[data-utilisation]');
  await expect(busy).toHaveAttribute('data-utilisation', /^0\.5/);
  const utilisation = Number(await busy.getAttribute('data-utilisation'));
  await card.click();
  await showInspector(page);
  const field = sandbox.inspector.getByLabel('Instances', { exact: true });
  await expect(field).toHaveValue('8');
  const warning = sandbox.inspector.getByTestId('capacity-warning');
  await expect(warning).toHaveCount(0);

  // Typed, not committed: the latest evaluation scaled by the instance count (the load spreads over the instances).
  await field.fill('2');
  const projected = Math.round(((utilisation * 8) / 2) * 100);
  await expect(warning).toContainText(`2 instances would run at ${projected}% busy (drops `);
  await expect(warning).toContainText(`8 now run at ${Math.round(utilisation * 100)}%`);
  // Committed: the evaluation of two instances speaks for itself.
  await field.press('Enter');
  await expect(warning).toContainText(/^2 instances run at \d+% busy \(drops .+ req\/s\) \(cut from 8\)\.$/);
  await expect(card.locator('[data-band]')).toHaveAttribute('data-band', 'saturated');

  // More instances than the evaluation's is no cut.
  await field.fill('12');
  await expect(warning).toHaveCount(0);
});

test('the inspector warns when an autoscale maximum is below what the peak needs', async ({ sandbox, page }) => {
  await sandbox.seed(EIGHT_SERVERS);
  await sandbox.open();
  await results(page).getByRole('radio', { name: /^Stage 4,/ }).click();
  await expect(results(page).getByTestId('results-panel')).toHaveAttribute('data-users', '1000000');
  await sandbox.node('App servers').click();
  await showInspector(page);
  // Switched on, autoscale starts from the eight running now (no cut).
  await sandbox.inspector.getByLabel('Scale automatically').check();
  await expect(sandbox.node('App servers')).toContainText('auto 8–16');
  await expect(sandbox.inspector.getByTestId('capacity-warning')).toHaveCount(0);
  await sandbox.inspector.getByLabel(/^Maximum/).fill('2');
  await expect(sandbox.inspector.getByTestId('capacity-warning')).toContainText(/^2 instances would run at \d+% busy/);
});

test('traffic dots travel the connections once the Traffic toggle is on', async ({ sandbox, page }) => {
  await sandbox.open();
  await page.locator('button', { hasText: /^Stage 3\b/ }).first().click();
  await expect(sandbox.node('App servers')).toBeVisible();
  await page.getByRole('button', { name: 'Traffic', exact: true }).click();
  const layer = page.locator('canvas[data-traffic]');
  await expect(layer).toHaveCount(1);
  // Dots are painted on the layer (one canvas for every connection's dots), and they move.
  const painted = () =>
    layer.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
  await expect.poll(painted).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Traffic', exact: true }).click();
  await expect(layer).toHaveCount(0);
});
