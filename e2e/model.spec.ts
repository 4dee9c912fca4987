import { expect, test } from '@playwright/test';

test('the model page shows the calibration table, largest departures first, with a known row', async ({ page }) => {
  await page.goto('/model');
  await expect(page.getByRole('heading', { level: 2, name: /Calibration against published figures/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Calibration: catalog figures against published figures' });
  await expect(table).toBeVisible();

  // Failover: 1.5 min in the catalog = 90 s, inside RDS Multi-AZ's published 60–120 s.
  const failover = table.getByRole('row', { name: /Failover to a standby or replica/ });
  await expect(failover).toContainText('90');
  await expect(failover).toContainText('60–120');
  await expect(failover).toContainText('inside');

  // Largest departure first: the first row departs, the last rows have no published counterpart.
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toContainText(/[+−]\d+%/);
  await expect(rows.last()).toContainText('no published figure');

  // Grouped by area: a group heading row appears and the known row is still there.
  await page.getByRole('button', { name: 'By area' }).click();
  await expect(page.getByRole('button', { name: 'By area' })).toHaveAttribute('aria-pressed', 'true');
  await expect(table.getByRole('columnheader', { name: 'availability' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Failover to a standby or replica/ })).toContainText('inside');
});

test('the model page explains the version 2 mechanisms with engine-computed figures', async ({ page }) => {
  await page.goto('/model');
  await expect(page.getByRole('heading', { level: 2, name: /Latency as users see it/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Walls and soft transitions/ })).toBeVisible();
  // A lone app instance repaired by hand with one 2-min deploy a day: 1440/(1440+1.5)·(1−2/1440).
  await expect(page.getByText(/= 99\.757%/)).toBeVisible();
  // The reference document, one part per section.
  await expect(page.getByText('13. Known limits', { exact: true })).toBeVisible();
});
