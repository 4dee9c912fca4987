import { expect, test } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

test('a stream processor and a data warehouse come from the palette, wire behind a queue, and show their numbers', async ({ sandbox, page }) => {
  await sandbox.open();
  // The canvas is about 770 px wide between the palette and the side panel: two rows of cards.
  await sandbox.dragFromPalette('Users', { x: 120, y: 160 });
  await sandbox.dragFromPalette('App server', { x: 120, y: 420 });
  await sandbox.dragFromPalette('Queue', { x: 360, y: 420 });
  await sandbox.dragFromPalette('Stream processor', { x: 360, y: 160 });
  await sandbox.dragFromPalette('Data warehouse', { x: 600, y: 160 });
  await expect(sandbox.nodes).toHaveCount(5);

  await sandbox.connect('Users', 'App server');
  await sandbox.connect('App server', 'Queue');
  await sandbox.connect('Queue', 'Stream processor');
  await sandbox.connect('Stream processor', 'Data warehouse');
  await expect(sandbox.edges).toHaveCount(4);
  await expect(sandbox.edge('Queue', 'Stream processor')).toBeAttached();
  await expect(sandbox.edge('Stream processor', 'Data warehouse')).toBeAttached();

  // The request path cannot feed the warehouse directly: the wire is refused.
  await sandbox.connect('App server', 'Data warehouse');
  await expect(sandbox.edges).toHaveCount(4);

  // The inspector takes the stream processor's slots (cores) and instances.
  await sandbox.node('Stream processor').click();
  await sandbox.inspect();
  await expect(sandbox.inspector.getByRole('heading', { name: 'Stream processor' })).toBeVisible();
  await expect(sandbox.inspector.getByLabel('Instances')).toHaveAttribute('placeholder', '1');

  // Its numbers in the results panel: parallelism = 1 instance × 2 slots, 10,000 events/s each.
  await page.getByRole('tab', { name: 'Results' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Results' });
  await expect(panel.getByTestId('node-focus-pipeline').first()).toHaveText('Parallelism 2 of 2 slots: 20,000 events/s.');
  await sandbox.node('Data warehouse').click();
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(panel.getByTestId('node-focus-pipeline').first()).toContainText(/^Loads [\d,]+ events\/s: \+[\d.]+ [MGTP]B a month/);
});
