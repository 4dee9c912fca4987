import { expect, test } from './fixtures';

test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });

test('on a tablet, the side panels fold into toggles and a tapped palette item lands in the middle of the view', async ({ sandbox }) => {
  await sandbox.open();
  await expect(sandbox.palette).toBeHidden();
  await expect(sandbox.inspector).toBeHidden();

  await sandbox.toolbar.getByRole('button', { name: 'Components' }).tap();
  await expect(sandbox.palette).toBeVisible();
  await sandbox.palette.getByRole('button', { name: 'Load balancer', exact: true }).tap();
  await expect(sandbox.palette).toBeHidden();
  const card = sandbox.node('Load balancer');
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  const canvas = (await sandbox.canvas.boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(40);
  expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(40);

  await sandbox.toolbar.getByRole('button', { name: 'Inspector' }).tap();
  await sandbox.inspector.getByRole('tab', { name: 'Inspect' }).tap();
  await expect(sandbox.inspector.getByRole('heading', { name: 'Load balancer' })).toBeVisible();
  await expect(sandbox.inspector.getByLabel('Instances')).toBeVisible();
});
