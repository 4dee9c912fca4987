import { expect, test } from './fixtures';

test('a component\'s technology is chosen in the inspector, and the results show what it does to consistency', async ({ sandbox, page }) => {
  await sandbox.open();
  await sandbox.chooseFromMenu('Start from', /^Stage 5/);
  await sandbox.node('Cache').click();
  await sandbox.inspect();
  const technology = sandbox.inspector.getByLabel('Technology');
  // Generic (today's behaviour) until one is chosen; the choices are the kind's own.
  await expect(technology).toHaveValue('');
  await expect(technology.locator('option')).toHaveText(['Generic', 'Redis', 'Valkey', 'Memcached', 'Serverless cache']);
  await technology.selectOption('memcached');
  // A blank field shows the technology's default: two worker threads on a 2-vCPU node.
  await expect(sandbox.inspector.getByLabel('Cores')).toHaveAttribute('placeholder', '2');

  await sandbox.node('Primary database').click();
  await sandbox.inspect();
  await sandbox.inspector.getByLabel('Technology').selectOption('aurora');
  await sandbox.node('Read replicas').click();
  await sandbox.inspect();
  await expect(sandbox.inspector.getByTestId('replica-technology')).toHaveText('Technology: Aurora, as its primary Primary database.');

  await page.getByRole('tab', { name: 'Results' }).click();
  const consistency = page.getByTestId('consistency');
  await expect(consistency.getByTestId('consistency-ryw')).toContainText('broken');
  await expect(consistency.getByTestId('consistency-stale')).toContainText('% of reads');
  await expect(consistency.getByTestId('consistency-replica-replicas')).toContainText('aurora: shared storage');
  await expect(consistency.getByTestId('consistency-replica-replicas')).toContainText('20.0 ms');
});
