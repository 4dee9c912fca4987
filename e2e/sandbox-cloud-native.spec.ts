import { expect, test } from './fixtures';

test.use({ viewport: { width: 1600, height: 1000 } });

test('a serverless function and a meshed container cluster come from the palette, take their own params and show their numbers', async ({ sandbox, page }) => {
  await sandbox.open();
  await sandbox.dragFromPalette('Users', { x: 130, y: 300 });
  await sandbox.dragFromPalette('Serverless function', { x: 420, y: 180 });
  await sandbox.dragFromPalette('Container cluster', { x: 420, y: 440 });
  await sandbox.dragFromPalette('NoSQL store', { x: 740, y: 300 });
  await expect(sandbox.nodes).toHaveCount(4);
  await sandbox.connect('Users', 'Serverless function');
  await sandbox.connect('Users', 'Container cluster');
  await sandbox.connect('Serverless function', 'NoSQL store');
  await sandbox.connect('Container cluster', 'NoSQL store');
  await expect(sandbox.edges).toHaveCount(4);

  // The function's own params, with the published defaults as placeholders.
  await sandbox.node('Serverless function').click();
  await sandbox.inspect();
  await expect(sandbox.inspector.getByRole('heading', { name: 'Serverless function' })).toBeVisible();
  await expect(sandbox.inspector.getByLabel('Concurrency limit')).toHaveAttribute('placeholder', '1000');
  await expect(sandbox.inspector.getByLabel('Cold start')).toHaveAttribute('placeholder', '180');
  await expect(sandbox.inspector.getByLabel('Memory')).toHaveAttribute('placeholder', '512');
  await expect(sandbox.inspector.getByLabel('Instances')).toHaveCount(0);

  // Its numbers: environments against the concurrency limit, the 10,000 req/s ceiling, cold starts.
  await page.getByRole('tab', { name: 'Results' }).click();
  const facts = page.getByRole('tabpanel', { name: 'Results' }).getByTestId('cloud-native-facts');
  await expect(facts).toContainText(/of 1,000 environments at peak · at most 10K req\/s/);
  await expect(facts).toContainText(/cold starts \(\+180 ms each\)/);

  // The cluster: pods per node from the node size, and a sidecar mesh that brings mTLS.
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await sandbox.node('Container cluster').click();
  await sandbox.inspect();
  await expect(sandbox.inspector.getByLabel('Pods per node')).toHaveAttribute('placeholder', '4');
  await sandbox.inspector.getByLabel('Service mesh').check();
  await expect(sandbox.inspector.getByLabel('Service mesh')).toBeChecked();
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(facts).toContainText(/2 pods on 1 node \(4 a node\) · control plane \$73 a month/);
  await expect(facts).toContainText('mTLS by a sidecar proxy');
});
