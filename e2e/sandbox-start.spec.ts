import { expect, test, THREE_TIER, type SeedDesign } from './fixtures';

test('start from a stage’s reference design, and undo back to your own', async ({ sandbox }) => {
  await sandbox.seed(THREE_TIER);
  await sandbox.open();
  await expect(sandbox.nodes).toHaveCount(5);

  await sandbox.chooseFromMenu('Start from', /^Stage 3: Load balancer/);
  await expect(sandbox.nodes).toHaveCount(4);
  await expect(sandbox.toolbar.getByLabel('Design name')).toHaveValue(/^Stage 3 reference/);
  await expect(sandbox.node('App servers')).toContainText('×3');

  await sandbox.toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(sandbox.nodes).toHaveCount(5);
  await expect(sandbox.toolbar.getByLabel('Design name')).toHaveValue('Three tiers');
});

test('auto-layout arranges the design left to right by traffic flow, in one undo step', async ({ sandbox, page }) => {
  const tangled: SeedDesign = {
    ...THREE_TIER,
    nodes: THREE_TIER.nodes.map((n, i) => ({ ...n, position: { x: (4 - i) * 240, y: (i % 2) * 300 } })),
  };
  await sandbox.seed(tangled);
  await sandbox.open();
  await expect(sandbox.nodes).toHaveCount(5);
  const x = async (name: string) => (await sandbox.node(name).boundingBox())!.x;
  expect(await x('Users')).toBeGreaterThan(await x('Database'));

  await sandbox.toolbar.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(async () => (await x('Users')) < (await x('Load balancer'))).toBe(true);
  expect(await x('Load balancer')).toBeLessThan(await x('App server'));
  expect(await x('App server')).toBeLessThan(await x('Database'));
  expect(Math.abs((await x('App server')) - (await x('App server 2')))).toBeLessThan(2);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await x('Users')) > (await x('Database'))).toBe(true);
});
