import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type SandboxPage, type SeedDesign } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Users → load balancer → 100 large app servers → database: at stage 7's users they send a cache enough reads for its technology to show. */
const READ_HEAVY: SeedDesign = {
  schemaVersion: 1,
  name: 'Reads',
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 96 } },
    { id: 'lb', kind: 'load-balancer', label: 'Load balancer', position: { x: 288, y: 96 } },
    { id: 'app', kind: 'app-server', label: 'App servers', position: { x: 576, y: 96 }, params: { instances: 100, size: 'xlarge' } },
    { id: 'db', kind: 'database', label: 'Database', position: { x: 864, y: 192 }, params: { size: 'xlarge' } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'db' },
  ],
};

/** The compare view's card of one technology. */
function choice(sandbox: SandboxPage, technology: string): Locator {
  return sandbox.inspector.getByTestId('technology-compare').locator(`li[data-technology="${technology}"]`);
}

async function capacityOf(sandbox: SandboxPage, technology: string): Promise<string> {
  return (await choice(sandbox, technology).locator('[data-metric="capacityRps"] .font-mono').first().innerText()).trim();
}

/** The utilisation shown on a card ("Utilisation 18 % (healthy)"), or "" before scoring. */
async function pillOf(sandbox: SandboxPage, name: string): Promise<string> {
  const pill = sandbox.node(name).locator('[title^="Utilisation"]');
  return (await pill.count()) ? ((await pill.getAttribute('title')) ?? '') : '';
}

test('a learner compares cache technologies, chooses Memcached, undoes back to Redis and generic, and finds the choice after a reload', async ({
  sandbox,
  page,
}) => {
  await sandbox.seed(READ_HEAVY);
  await sandbox.open();
  await expect(sandbox.nodes).toHaveCount(4);
  // Score at stage 7's users (the results panel shows while nothing is selected).
  await page.getByRole('radio', { name: /^Stage 7,/ }).click();
  await expect(page.getByRole('radio', { name: /^Stage 7,/ })).toHaveAttribute('aria-checked', 'true');

  // Add a cache and wire the app servers to it.
  await sandbox.palette.getByRole('button', { name: 'Cache', exact: true }).click();
  await expect(sandbox.node('Cache')).toBeVisible();
  await sandbox.node('App servers').click();
  await sandbox.inspect();
  await sandbox.inspector.getByLabel('Connect to…').selectOption({ label: 'Cache' });
  await sandbox.inspector.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(sandbox.edge('App servers', 'Cache')).toBeAttached();

  // A new cache is generic: the card says so, and so does the inspector.
  await sandbox.node('Cache').click();
  await expect(sandbox.node('Cache').locator('[data-node-technology]')).toHaveText('generic');
  const section = sandbox.inspector.getByTestId('technology-section');
  const select = sandbox.inspector.getByLabel('Technology', { exact: true });
  await expect(select.locator('option:checked')).toHaveText('Generic');

  // Compare before committing: every choice with its numbers, Generic first, the one in use marked.
  await section.getByRole('button', { name: 'Compare technologies' }).click();
  const list = sandbox.inspector.getByRole('list', { name: /Technologies for cache/ });
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(list.getByRole('button', { name: 'Generic, in use' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Use Redis' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Use Memcached' })).toBeVisible();
  await expect(sandbox.inspector.getByTestId('technology-compare')).toHaveAttribute('aria-busy', 'false');
  // Memcached's many threads serve more than Redis's one command thread: the two capacities differ.
  const redisCapacity = await capacityOf(sandbox, 'redis');
  const memcachedCapacity = await capacityOf(sandbox, 'memcached');
  expect(memcachedCapacity).not.toBe(redisCapacity);
  // Comparing changed nothing yet.
  await expect(select.locator('option:checked')).toHaveText('Generic');
  await expect(sandbox.node('Cache').locator('[data-node-technology]')).toHaveText('generic');

  // One click commits Redis.
  await list.getByRole('button', { name: 'Use Redis' }).click();
  await expect(select).toHaveValue('redis');
  await expect(sandbox.node('Cache').locator('[data-node-technology]')).toHaveText('Redis');
  await expect(list.getByRole('button', { name: 'Redis, in use' })).toBeVisible();
  // Against Redis, Memcached's capacity is marked as the better one.
  await expect(choice(sandbox, 'memcached').locator('[data-metric="capacityRps"]')).toHaveAttribute('data-change', 'better');
  await expect.poll(() => pillOf(sandbox, 'Cache')).toMatch(/^Utilisation [1-9]\d* %/);
  const redisPill = await pillOf(sandbox, 'Cache');

  // Enter on Memcached (reached with the arrow keys) commits it.
  await list.getByRole('button', { name: 'Redis, in use' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('button', { name: 'Use Memcached' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(select).toHaveValue('memcached');
  await expect(sandbox.node('Cache').locator('[data-node-technology]')).toHaveText('Memcached');
  // The card's utilisation changes with it, and the results name the technology.
  await expect.poll(() => pillOf(sandbox, 'Cache')).not.toBe(redisPill);
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(page.getByTestId('node-focus').getByRole('heading')).toHaveText('Cache · Memcached');

  // Undo: Redis; undo again: generic.
  await sandbox.toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(sandbox.node('Cache').locator('[data-node-technology]')).toHaveText('Redis');
  await expect.poll(() => pillOf(sandbox, 'Cache')).toBe(redisPill);
  await sandbox.toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(sandbox.node('Cache').locator('[data-node-technology]')).toHaveText('generic');
  // Redo twice, then reload: the autosave kept Memcached.
  await sandbox.toolbar.getByRole('button', { name: 'Redo' }).click();
  await sandbox.toolbar.getByRole('button', { name: 'Redo' }).click();
  await expect(sandbox.node('Cache').locator('[data-node-technology]')).toHaveText('Memcached');
  await page.reload();
  await expect(sandbox.node('Cache').locator('[data-node-technology]')).toHaveText('Memcached');
  await sandbox.node('Cache').click();
  await sandbox.inspect();
  await expect(sandbox.inspector.getByLabel('Technology', { exact: true })).toHaveValue('memcached');
});

test('a design saved before technologies shows its cache as generic, and a kind without choices says so', async ({ sandbox }) => {
  await sandbox.seed({
    ...READ_HEAVY,
    nodes: [...READ_HEAVY.nodes, { id: 'cache', kind: 'cache', label: 'Sessions', position: { x: 864, y: 0 }, params: { hitRatio: 0.9 } }],
    edges: [...READ_HEAVY.edges, { id: 'e4', source: 'app', target: 'cache' }],
  });
  await sandbox.open();
  await expect(sandbox.node('Sessions').locator('[data-node-technology]')).toHaveText('generic');
  await sandbox.node('Sessions').click();
  await sandbox.inspect();
  await expect(sandbox.inspector.getByLabel('Technology', { exact: true }).locator('option:checked')).toHaveText('Generic');
  await sandbox.inspector.getByRole('button', { name: 'Compare technologies' }).click();
  await expect(sandbox.inspector.getByRole('button', { name: 'Generic, in use' })).toBeVisible();

  await sandbox.node('App servers').click();
  await sandbox.inspect();
  await expect(sandbox.inspector.getByTestId('technology-none')).toContainText('no technologies to choose or compare');
  await expect(sandbox.inspector.getByRole('button', { name: 'Compare technologies' })).toHaveCount(0);
});

test('the compare view has no serious axe violations and fits a 390 px phone without scrolling sideways', async ({ sandbox, page }) => {
  await sandbox.seed({
    ...READ_HEAVY,
    nodes: [...READ_HEAVY.nodes, { id: 'cache', kind: 'cache', label: 'Cache', position: { x: 864, y: 0 }, params: { technology: 'redis' } }],
    edges: [...READ_HEAVY.edges, { id: 'e4', source: 'app', target: 'cache' }],
  });
  await sandbox.open();
  await sandbox.node('Cache').click();
  await sandbox.inspect();
  await sandbox.inspector.getByRole('button', { name: 'Compare technologies' }).click();
  await expect(sandbox.inspector.getByRole('button', { name: 'Redis, in use' })).toBeVisible();
  await expect(sandbox.inspector.getByTestId('technology-compare')).toHaveAttribute('aria-busy', 'false');
  expect(await seriousViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  const inspector = page.locator('#editor-inspector');
  if (!(await sandbox.inspector.getByTestId('technology-compare').isVisible())) {
    await sandbox.toolbar.getByRole('button', { name: 'Inspector', exact: true }).click();
  }
  const compare = sandbox.inspector.getByTestId('technology-compare');
  await expect(compare).toBeVisible();
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    panel: (() => {
      const el = document.querySelector<HTMLElement>('[data-testid="technology-compare"]')!;
      let p: HTMLElement | null = el;
      let worst = 0;
      while (p && p.id !== 'editor-inspector') {
        worst = Math.max(worst, p.scrollWidth - p.clientWidth);
        p = p.parentElement;
      }
      return worst;
    })(),
  }));
  expect(overflow.page, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
  expect(overflow.panel, 'the compare view does not scroll sideways').toBeLessThanOrEqual(0);
  const box = (await compare.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(inspector).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
