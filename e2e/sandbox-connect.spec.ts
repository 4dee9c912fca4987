import { expect, test, type SeedDesign } from './fixtures';

const PARTS: SeedDesign = {
  schemaVersion: 1,
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 0 } },
    { id: 'cache', kind: 'cache', label: 'Cache', position: { x: 320, y: 0 } },
    { id: 'queue', kind: 'queue', label: 'Queue', position: { x: 320, y: 192 } },
  ],
  edges: [],
};

test('a connection the model cannot use is refused with its reason, where the user is looking', async ({ sandbox, page }) => {
  await sandbox.seed(PARTS);
  await sandbox.open();
  await expect(sandbox.nodes).toHaveCount(3);

  // Cache → Users: dragged from the cache's output onto the users card.
  await sandbox.dragBetween(sandbox.canvas.getByTitle('Connect from Cache'), sandbox.node('Users'));
  const alert = page.getByRole('alert').filter({ hasText: 'Can’t connect' });
  await expect(alert).toContainText('Can’t connect: Users only send traffic; nothing can flow into them.');
  await expect(sandbox.edges).toHaveCount(0);
  // The message appears beside the pointer, over the canvas.
  const where = (await alert.locator('div').first().boundingBox())!;
  const users = (await sandbox.node('Users').boundingBox())!;
  expect(Math.abs(where.x - (users.x + users.width / 2))).toBeLessThan(200);

  // Cache → Queue: a queue takes only background jobs.
  await sandbox.connect('Cache', 'Queue');
  await expect(alert).toContainText('Cache sends reads; Queue accepts only background jobs.');
  await expect(sandbox.edges).toHaveCount(0);

  // Users → Cache is fine.
  await sandbox.connect('Users', 'Cache');
  await expect(sandbox.edges).toHaveCount(1);
});
