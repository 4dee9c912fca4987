import AxeBuilder from '@axe-core/playwright';
import { expect, test, THREE_TIER, type SandboxPage } from './fixtures';
import type { Page } from '@playwright/test';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('no serious or critical axe violations on /play: empty, with a design, with the inspector and dialogs open', async ({ sandbox, page }) => {
  await sandbox.open();
  expect(await seriousViolations(page)).toEqual([]);

  await sandbox.importFile('three-tiers.json', JSON.stringify(THREE_TIER));
  await expect(sandbox.nodes).toHaveCount(5);
  await sandbox.node('Database').click();
  await sandbox.inspect();
  await expect(sandbox.inspector.getByLabel('Shards')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

async function tabTo(page: Page, predicate: () => boolean, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  throw new Error('never reached the element with Tab');
}

async function focusedName(page: Page) {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
}

test('keyboard only: add components from the palette with Enter, connect, rename and delete them', async ({ sandbox, page }) => {
  await sandbox.open();
  const s: SandboxPage = sandbox;

  // Tab into the palette, arrow to Load balancer, Enter adds it.
  await tabTo(page, () => document.activeElement?.getAttribute('aria-label') === 'Users');
  await page.keyboard.press('Enter');
  await expect(s.node('Users')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toBe('Load balancer');
  await page.keyboard.press('Enter');
  await expect(s.node('Load balancer')).toBeVisible();
  // The side panel stays on Results, naming the new selection.
  await expect(s.inspector.getByTestId('selection-bar')).toContainText('“Load balancer” is selected.');

  // Typing in the search box and pressing Enter adds the first match.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('datab');
  await page.keyboard.press('Enter');
  await expect(s.node('Database')).toBeVisible();

  // Select Users with the keyboard: Tab to its card, Enter.
  await tabTo(page, () => document.activeElement?.getAttribute('aria-label') === 'Users' && !!document.activeElement?.closest('.react-flow__node'));
  await page.keyboard.press('Enter');
  // Its settings are one key away: Tab to "Edit its settings", Enter; focus lands on the Inspect tab.
  await tabTo(page, () => document.activeElement?.textContent === 'Edit its settings');
  await page.keyboard.press('Enter');
  await expect(s.inspector.getByRole('tab', { name: 'Inspect' })).toBeFocused();
  await expect(s.inspector.getByRole('heading', { name: 'Users' })).toBeVisible();

  // Connect through the inspector.
  await tabTo(page, () => document.activeElement?.id !== '' && document.activeElement?.tagName === 'SELECT');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, () => document.activeElement?.textContent === 'Connect');
  await page.keyboard.press('Enter');
  await expect(s.edge('Users', 'Load balancer')).toBeAttached();
  await expect(s.inspector.getByRole('list', { name: 'Users sends to' })).toContainText('Load balancer');

  // Rename the focused card with F2.
  await s.node('Load balancer').focus();
  await page.keyboard.press('F2');
  await page.keyboard.type('Front door');
  await page.keyboard.press('Enter');
  await expect(s.node('Front door')).toBeVisible();

  // Delete the focused, selected card with Delete.
  await s.node('Database').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(s.nodes).toHaveCount(2);
  // Focus stays on the canvas, not the page, and Undo brings the card back.
  await expect(page.getByRole('region', { name: 'Design canvas' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(s.nodes).toHaveCount(3);
  await page.keyboard.press('Control+Shift+z');
  await expect(s.nodes).toHaveCount(2);

  // The shortcut list opens with ?.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('keyboard only: the empty canvas’s buttons hand focus to the design they start, not to the page', async ({ sandbox, page }) => {
  await sandbox.open();
  const empty = page.getByTestId('empty-canvas');

  await tabTo(page, () => document.activeElement?.textContent === 'Add Users, where traffic starts');
  await page.keyboard.press('Enter');
  await expect(sandbox.node('Users')).toBeFocused();
  // Keyboard work carries on from the new, selected card: Delete removes it.
  await expect(sandbox.inspector.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(sandbox.nodes).toHaveCount(0);

  await empty.getByRole('button', { name: /^Stage 3/ }).focus();
  await page.keyboard.press('Enter');
  await expect(sandbox.nodes).toHaveCount(4);
  await expect(sandbox.node('Users')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.react-flow'))).toBe(true);
});

test.describe('in a narrow window', () => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test('keyboard only: a side drawer opened with Enter takes focus, so Tab does not wander the toolbar first', async ({ sandbox, page }) => {
    await sandbox.open();
    await sandbox.toolbar.getByRole('button', { name: 'Components' }).focus();
    await page.keyboard.press('Enter');
    await expect(sandbox.palette.getByRole('searchbox', { name: 'Search components' })).toBeFocused();
    await page.keyboard.press('Escape');
    await sandbox.toolbar.getByRole('button', { name: 'Inspector' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('#editor-inspector'))).toBe(true);
  });

  test('keyboard only: closing a side drawer gives focus back to its toggle', async ({ sandbox, page }) => {
    await sandbox.open();
    const components = sandbox.toolbar.getByRole('button', { name: 'Components' });
    const inspector = sandbox.toolbar.getByRole('button', { name: 'Inspector' });

    // Escape in the palette drawer.
    await components.focus();
    await page.keyboard.press('Enter');
    await sandbox.palette.getByRole('searchbox').focus();
    await page.keyboard.press('Escape');
    await expect(sandbox.palette).toBeHidden();
    await expect(components).toBeFocused();

    // Adding a component closes the drawer too.
    await page.keyboard.press('Enter');
    await sandbox.palette.getByRole('button', { name: 'Users', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(sandbox.node('Users')).toBeVisible();
    await expect(sandbox.palette).toBeHidden();
    await expect(components).toBeFocused();

    // Escape in the inspector drawer.
    await inspector.focus();
    await page.keyboard.press('Enter');
    await sandbox.inspector.getByRole('tab', { name: 'Inspect' }).focus();
    await page.keyboard.press('Escape');
    await expect(sandbox.inspector).toBeHidden();
    await expect(inspector).toBeFocused();
  });
});

test('keyboard only: a lesson’s Components toggle opens the palette with focus in its search, so typing a name and Enter adds it', async ({ page }) => {
  await page.goto('/learn/stage-3-load-balancer');
  const canvas = page.getByRole('region', { name: 'Design canvas' });
  await expect(canvas).toHaveAttribute('data-hydrated', 'true');
  const toggle = page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Components' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const palette = page.getByRole('complementary', { name: 'Components palette' });
  await expect(palette.getByRole('searchbox', { name: 'Search components' })).toBeFocused();
  await page.keyboard.type('load bal');
  await page.keyboard.press('Enter');
  await expect(canvas.getByRole('group', { name: /^Load balancer(?: \(.*\))?$/ })).toBeVisible();
  // The drawer closed after the add and focus is back on its toggle, where the next Enter opens it again.
  await expect(palette).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('no serious or critical axe violations on a shared design', async ({ page, request }) => {
  const res = await request.post('/api/designs', { data: THREE_TIER });
  expect(res.status()).toBe(201);
  const { url } = await res.json();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Three tiers' })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  expect(await seriousViolations(page)).toEqual([]);
});
