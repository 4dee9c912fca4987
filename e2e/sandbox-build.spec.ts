import { expect, SandboxPage, test } from './fixtures';

test.use({ viewport: { width: 1600, height: 1000 } });

test('a new user builds users → load balancer → two app servers → database with the mouse, edits, undoes, and finds it all after a reload', async ({
  sandbox,
  page,
}) => {
  await sandbox.open();
  await expect(page.getByRole('heading', { name: 'Start your design' })).toBeVisible();

  // Drag five components out of the palette onto the canvas.
  await sandbox.dragFromPalette('Users', { x: 130, y: 300 });
  await expect(sandbox.node('Users')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Start your design' })).toBeHidden();
  await sandbox.dragFromPalette('Load balancer', { x: 380, y: 300 });
  await sandbox.dragFromPalette('App server', { x: 630, y: 180 });
  await sandbox.dragFromPalette('App server', { x: 630, y: 420 });
  await sandbox.dragFromPalette('Database', { x: 880, y: 300 });
  await expect(sandbox.nodes).toHaveCount(5);
  await expect(sandbox.node('App server 2')).toBeVisible();

  // Wire them by dragging from handle to handle.
  await sandbox.connect('Users', 'Load balancer');
  await sandbox.connect('Load balancer', 'App server');
  await sandbox.connect('Load balancer', 'App server 2');
  await sandbox.connect('App server', 'Database');
  await sandbox.connect('App server 2', 'Database');
  await expect(sandbox.edges).toHaveCount(5);
  await expect(sandbox.edge('Load balancer', 'App server 2')).toBeAttached();

  // Three instances for the first app server, from the inspector.
  await sandbox.node('App server').click();
  await sandbox.inspect();
  await expect(sandbox.inspector.getByRole('heading', { name: 'App server' })).toBeVisible();
  const instances = sandbox.inspector.getByLabel('Instances');
  await expect(instances).toHaveAttribute('placeholder', '1');
  await instances.fill('3');
  await instances.press('Enter');
  await expect(sandbox.node('App server')).toContainText('×3');

  // An impossible value is refused under the field and never reaches the card.
  await instances.fill('0');
  await expect(sandbox.inspector.getByText('Instances must be at least 1')).toBeVisible();
  await instances.press('Enter');
  await expect(sandbox.node('App server')).toContainText('×3');
  await instances.press('Escape');
  await expect(instances).toHaveValue('3');

  // Undo and redo, with the keyboard and the toolbar.
  await sandbox.canvas.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('Control+z');
  await expect(sandbox.node('App server')).toContainText('×1');
  await page.keyboard.press('Control+Shift+z');
  await expect(sandbox.node('App server')).toContainText('×3');
  await sandbox.toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(sandbox.node('App server')).toContainText('×1');
  await page.keyboard.press('Control+y');
  await expect(sandbox.node('App server')).toContainText('×3');

  // A drag is one undo step. (Positions are compared with a neighbour's: dragging near the edge may pan the view.)
  const offset = async () => {
    const [db, lb] = [(await sandbox.node('Database').boundingBox())!, (await sandbox.node('Load balancer').boundingBox())!];
    return { dx: Math.round(db.x - lb.x), dy: Math.round(db.y - lb.y) };
  };
  const before = await offset();
  await sandbox.dragBetween(sandbox.node('Database').getByText('Database'), sandbox.canvas.locator('.react-flow__pane'));
  const moved = await offset();
  expect(Math.abs(moved.dx - before.dx) + Math.abs(moved.dy - before.dy)).toBeGreaterThan(20);
  await page.keyboard.press('Control+z');
  await expect.poll(offset).toEqual(before);
  await expect(sandbox.edges).toHaveCount(5);

  // Reload: the design is still there.
  await page.reload();
  await expect(sandbox.nodes).toHaveCount(5);
  await expect(sandbox.edges).toHaveCount(5);
  await expect(sandbox.node('App server')).toContainText('×3');
  await expect(sandbox.edge('Users', 'Load balancer')).toBeAttached();
  await expect(sandbox.edge('App server 2', 'Database')).toBeAttached();
});

test('copy and paste, duplicate and delete work on the selection', async ({ sandbox, page }) => {
  await sandbox.open();
  await sandbox.palette.getByRole('button', { name: 'Cache', exact: true }).click();
  await expect(sandbox.node('Cache')).toBeVisible();
  await sandbox.node('Cache').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(sandbox.node('Cache 2')).toBeVisible();
  await page.keyboard.press('Control+d');
  await expect(sandbox.node('Cache 3')).toBeVisible();
  await expect(sandbox.nodes).toHaveCount(3);
  await page.keyboard.press('Delete');
  await expect(sandbox.nodes).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(sandbox.nodes).toHaveCount(3);
});

test('copy in one tab, paste in another', async ({ sandbox, page, context }) => {
  await sandbox.open();
  await sandbox.palette.getByRole('button', { name: 'Queue', exact: true }).click();
  await sandbox.node('Queue').click();
  await page.keyboard.press('Control+c');

  const other = new SandboxPage(await context.newPage());
  await other.open();
  await other.chooseFromMenu('Start from', 'Blank canvas');
  await expect(other.nodes).toHaveCount(0);
  await other.canvas.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await other.page.keyboard.press('Control+v');
  await expect(other.node('Queue')).toBeVisible();
  await expect(other.nodes).toHaveCount(1);
});

test('a what-if whose component is deleted moves to a component that is still there, and one that cannot apply is explained', async ({ sandbox, page }) => {
  await sandbox.open();
  await page.locator('button', { hasText: /^Stage 3\b/ }).first().click();
  await expect(sandbox.node('App servers')).toBeVisible();
  const panel = page.getByRole('tabpanel', { name: 'Results' });
  await panel.getByRole('tab', { name: 'What if' }).click();
  await panel.getByRole('radio', { name: /A component fails/ }).check();
  const component = panel.getByRole('combobox', { name: 'Component' });
  await component.selectOption({ label: 'App servers (single point of failure)' });
  await expect(panel.getByTestId('chaos-result')).toContainText('If App servers fails:');

  // Stage 3 has no cache: flushing one is not offered, and says why.
  await expect(panel.getByRole('radio', { name: /Cache flush/ })).toBeDisabled();
  await expect(panel.locator('[data-scenario="cache-flush"]')).toContainText('No cache in this design');

  await sandbox.node('App servers').click();
  await page.keyboard.press('Delete');
  await expect(sandbox.node('App servers')).toHaveCount(0);
  await panel.getByRole('tab', { name: 'What if' }).click();
  const chosen = await component.locator('option:checked').innerText();
  expect(chosen).not.toMatch(/App servers/);
  const name = chosen.replace(/ \(single point of failure\)$/, '');
  const result = panel.getByTestId('chaos-result');
  await expect(result).toContainText(`If ${name} fails:`);
  await expect(result).not.toContainText(/\bapp\b/);
});

test('with the utilisation pills showing, default names fit on their cards and the cards keep their size', async ({ sandbox, page }) => {
  await sandbox.open();
  await page.locator('button', { hasText: /^Stage 3\b/ }).first().click();
  await expect(sandbox.node('Load balancer').getByTitle(/^Utilisation/)).toBeVisible();
  for (const name of ['Load balancer', 'App servers', 'Database']) {
    const node = sandbox.node(name);
    await expect(node.getByTitle(/^Utilisation/), name).toBeVisible();
    const fit = await node.locator('[data-node-name]').evaluate((el) => ({
      text: el.textContent,
      wide: el.scrollWidth <= el.clientWidth,
      tall: el.scrollHeight <= el.clientHeight,
    }));
    expect(fit, `${name} is shown whole`).toEqual({ text: name, wide: true, tall: true });
    const size = await node.locator('[data-band]').evaluate((el) => [(el as HTMLElement).offsetWidth, (el as HTMLElement).offsetHeight]);
    expect(size, `${name}'s card is the size auto-layout plans for`).toEqual([208, 80]);
  }
});

test('a paste lands at the pointer, and a duplicate clear of its original', async ({ sandbox, page }) => {
  await sandbox.open();
  await sandbox.palette.getByRole('button', { name: 'Cache', exact: true }).click();
  const original = sandbox.node('Cache');
  await expect(original).toBeVisible();
  await original.click();
  await page.keyboard.press('Control+c');

  // The pointer rests on an empty part of the canvas: the copy's corner lands there (on the 16 px grid).
  // Compared in canvas units, so a change of zoom after the paste does not matter.
  const zoom = async () => Number((await sandbox.canvas.locator('.react-flow__viewport').getAttribute('style'))!.match(/scale\(([\d.]+)\)/)![1]);
  const box = (await original.boundingBox())!;
  const [dx, dy] = [40, box.height + 160];
  const before = await zoom();
  await page.mouse.move(box.x + dx, box.y + dy);
  await page.keyboard.press('Control+v');
  await expect(sandbox.node('Cache 2')).toBeVisible();
  const after = await zoom();
  const [o, p] = [(await original.boundingBox())!, (await sandbox.node('Cache 2').boundingBox())!];
  expect(Math.abs((p.x - o.x) / after - dx / before)).toBeLessThanOrEqual(8 + 1);
  expect(Math.abs((p.y - o.y) / after - dy / before)).toBeLessThanOrEqual(8 + 1);

  // Duplicate (no pointer involved): below the original, not on top of it.
  await original.click();
  await page.keyboard.press('Control+d');
  const [copy, first] = [(await sandbox.node('Cache 3').boundingBox())!, (await original.boundingBox())!];
  const overlaps = copy.x < first.x + first.width && first.x < copy.x + copy.width && copy.y < first.y + first.height && first.y < copy.y + copy.height;
  expect(overlaps).toBe(false);
});

test('the side panels fold away for a canvas-first screen, one at a time or both at once (Ctrl+\\)', async ({ sandbox, page }) => {
  await sandbox.open();
  const palette = page.getByRole('complementary', { name: 'Components palette' });
  const inspector = page.getByRole('complementary', { name: 'Inspector and results' });
  await expect(palette).toBeVisible();
  await expect(inspector).toBeVisible();
  const width = async () => (await sandbox.canvas.boundingBox())!.width;
  const docked = await width();

  // Focus mode: both panels away, the canvas takes the room; the same key brings them back.
  await page.keyboard.press('Control+\\');
  await expect(palette).toBeHidden();
  await expect(inspector).toBeHidden();
  await expect(sandbox.toolbar.getByRole('button', { name: 'Show the side panels' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(width).toBeGreaterThan(docked + 600);
  await page.keyboard.press('Control+\\');
  await expect(palette).toBeVisible();
  await expect(inspector).toBeVisible();

  // One panel: the toolbar's toggle folds the inspector away and back; the palette stays.
  const toggle = sandbox.toolbar.getByRole('button', { name: 'Inspector' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(inspector).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(palette).toBeVisible();
  await toggle.click();
  await expect(inspector).toBeVisible();
});
