import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every visible button of `toolbar` ends within `width` px (the screen's right edge). */
async function expectButtonsOnScreen(toolbar: Locator, width: number) {
  const buttons = toolbar.getByRole('button');
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    const b = buttons.nth(i);
    if (!(await b.isVisible())) continue;
    const box = (await b.boundingBox())!;
    const name = (await b.getAttribute('title')) ?? (await b.getAttribute('aria-label')) ?? (await b.innerText());
    expect(box.x + box.width, `${name} is on screen`).toBeLessThanOrEqual(width);
  }
}

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

test('on a phone, the toolbar fits the screen: the less used tools fold into a menu that still exports the design', async ({ sandbox, page }) => {
  await sandbox.open();
  await page.locator('button', { hasText: /^Stage 3\b/ }).first().tap();
  await expect(sandbox.node('App servers')).toBeVisible();
  // Nothing hangs off the right edge of the page.
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  for (const name of ['Components', 'Undo', 'More tools', 'Share', 'Inspector']) {
    const box = (await sandbox.toolbar.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(box.x + box.width, `${name} is on screen`).toBeLessThanOrEqual(360);
  }
  await expect(sandbox.toolbar.getByRole('button', { name: 'Auto-layout' })).toBeHidden();

  await sandbox.toolbar.getByRole('button', { name: 'More tools' }).tap();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: /Auto-layout/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await menu.getByRole('menuitem', { name: /Export: Design file/ }).tap();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
});

for (const width of [640, 700, 768, 1024]) {
  test(`at ${width} px wide every toolbar button is on screen`, async ({ sandbox, page }) => {
    await page.setViewportSize({ width, height: 900 });
    await sandbox.open();
    await expectButtonsOnScreen(sandbox.toolbar, width);
  });
}

test('the lesson’s and a scenario’s editor toolbars fit a phone too', async ({ page }) => {
  const toolbar = page.getByRole('toolbar', { name: 'Design tools' });
  await page.goto('/learn/stage-3-load-balancer');
  await toolbar.scrollIntoViewIfNeeded();
  await expectButtonsOnScreen(toolbar, 360);
  await page.goto('/s/sample-scale-out');
  await page.getByLabel('Display name').fill('Lin');
  await page.getByRole('button', { name: 'Start designing' }).click();
  await expect(page.getByText('Working as Lin')).toBeVisible();
  await toolbar.scrollIntoViewIfNeeded();
  await expectButtonsOnScreen(toolbar, 360);
});

for (const width of [640, 768, 1024]) {
  test(`at ${width} px a student's editor toolbar, with its live score and Submit, is all on screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const toolbar = page.getByRole('toolbar', { name: 'Design tools' });
    await page.goto('/s/sample-daily-byte');
    await page.getByLabel('Display name').fill('Lin');
    await page.getByRole('button', { name: 'Start designing' }).click();
    await expect(page.getByText('Working as Lin')).toBeVisible();
    await expect(toolbar.getByText('Fail')).toBeVisible();
    await toolbar.scrollIntoViewIfNeeded();
    await expectButtonsOnScreen(toolbar, width);
    expect(await toolbar.evaluate((el) => el.scrollWidth - el.clientWidth), 'the toolbar does not scroll sideways').toBeLessThanOrEqual(0);
  });
}

for (const width of [360, 390]) {
  test(`at ${width} px every toolbar menu opens inside the screen`, async ({ sandbox, page }) => {
    await page.setViewportSize({ width, height: 844 });
    await sandbox.open();
    const buttons = sandbox.toolbar.locator('button[aria-haspopup="menu"]');
    const count = await buttons.count();
    let opened = 0;
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      if (!(await button.isVisible())) continue;
      const name = (await button.getAttribute('title')) ?? String(i);
      await button.tap();
      const menu = page.getByRole('menu');
      await expect(menu, name).toBeVisible();
      const box = (await menu.boundingBox())!;
      expect(box.x, `${name}: menu's left edge`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${name}: menu's right edge`).toBeLessThanOrEqual(width);
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      opened++;
    }
    // "Start from" and "More tools" at least.
    expect(opened).toBeGreaterThanOrEqual(2);
  });
}

test('on a 390 px phone the empty-canvas card leaves the zoom controls free to use', async ({ sandbox, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await sandbox.open();
  const card = page.getByRole('heading', { name: 'Start your design' }).locator('..');
  await expect(card).toBeVisible();
  const zoomIn = sandbox.canvas.locator('.react-flow__controls-zoomin');
  const [a, b] = [(await card.boundingBox())!, (await zoomIn.boundingBox())!];
  const overlaps = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlaps, 'the card covers the zoom "+" button').toBe(false);
  // The button is the element under its own centre, and it zooms.
  const hit = await zoomIn.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
  expect(hit).toBe(true);
  const before = await sandbox.canvas.locator('.react-flow__viewport').getAttribute('style');
  await zoomIn.tap();
  await expect(sandbox.canvas.locator('.react-flow__viewport')).not.toHaveAttribute('style', before!);
});

test('at 320 px the page does not scroll sideways and every toolbar button is on screen and answers a tap', async ({ sandbox, page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await sandbox.open();
  await page.locator('button', { hasText: /^Stage 3\b/ }).first().tap();
  await expect(sandbox.node('App servers')).toBeVisible();
  // A mobile browser widens its layout viewport to whatever is too wide, so innerWidth is checked against the screen too.
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.inner, 'the page is laid out wider than the screen').toBe(320);
  expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.inner);

  // The same actions as on a 360 px phone, each a named button.
  for (const name of ['Components', 'Undo', 'Redo', 'More tools', 'Share', 'Inspector']) {
    await expect(sandbox.toolbar.getByRole('button', { name, exact: true }), name).toBeVisible();
  }
  await expect(sandbox.toolbar.getByRole('button', { name: /^Start from/ })).toBeVisible();
  await expect(sandbox.toolbar.getByLabel('Design name')).toBeVisible();

  // Every visible button lies inside the screen and is the element under its own centre.
  const buttons = sandbox.toolbar.getByRole('button');
  const count = await buttons.count();
  let seen = 0;
  for (let i = 0; i < count; i++) {
    const b = buttons.nth(i);
    if (!(await b.isVisible())) continue;
    const name = (await b.getAttribute('title')) ?? (await b.innerText());
    const box = (await b.boundingBox())!;
    expect(box.x, `${name}: left edge`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name}: right edge`).toBeLessThanOrEqual(320);
    const hit = await b.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    expect(hit, `${name} is under its own centre`).toBe(true);
    seen++;
  }
  expect(seen, 'Components, Undo, Redo, Start from, More tools, Share and Inspector').toBe(7);

  // The last of them, the inspector's toggle, opens the inspector.
  await sandbox.toolbar.getByRole('button', { name: 'Inspector', exact: true }).tap();
  await expect(sandbox.toolbar.getByRole('button', { name: 'Inspector', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('complementary', { name: 'Inspector and results' })).toBeInViewport();
});

test('on a phone, every component tapped in the palette lands where it can be seen', async ({ sandbox }) => {
  await sandbox.open();
  const canvas = (await sandbox.canvas.boundingBox())!;
  const names = ['Users', 'Load balancer', 'App server', 'Database', 'Cache'];
  for (const name of names) {
    await sandbox.toolbar.getByRole('button', { name: 'Components' }).tap();
    await sandbox.palette.getByRole('button', { name, exact: true }).tap();
    await expect(sandbox.palette).toBeHidden();
    const card = sandbox.node(name);
    await expect(card).toBeVisible();
    // Let any pan to the new card finish, then the whole card is inside the canvas.
    await expect
      .poll(async () => {
        const box = (await card.boundingBox())!;
        return (
          box.x >= canvas.x - 1 &&
          box.y >= canvas.y - 1 &&
          box.x + box.width <= canvas.x + canvas.width + 1 &&
          box.y + box.height <= canvas.y + canvas.height + 1
        );
      }, `${name} is inside the canvas`)
      .toBe(true);
  }
});

/** Whether `item` is the element under its own centre, so a tap on it reaches it (not a panel lying over it). */
async function onTop(item: Locator): Promise<boolean> {
  await item.scrollIntoViewIfNeeded();
  return item.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
}

test('on a phone, the palette opened while the side panel is open is on top and answers a tap, in the sandbox and in a lesson', async ({ sandbox, page }) => {
  await sandbox.open();
  await sandbox.toolbar.getByRole('button', { name: 'Inspector', exact: true }).tap();
  await sandbox.toolbar.getByRole('button', { name: 'Components' }).tap();
  const lb = sandbox.palette.getByRole('button', { name: 'Load balancer', exact: true });
  await expect.poll(() => onTop(lb), 'the sandbox palette is on top').toBe(true);
  await lb.tap();
  await expect(sandbox.node('Load balancer')).toBeVisible();

  // In a lesson, a selected card's settings open in the side drawer; the palette then opens over them, not under.
  await page.goto('/learn/stage-2-separate-database');
  const canvas = page.getByRole('region', { name: 'Design canvas' });
  await expect(canvas).toHaveAttribute('data-hydrated', 'true');
  await canvas.getByRole('group', { name: /^Users(?: \(.*\))?$/ }).tap();
  await page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Settings and results' }).tap();
  const side = page.getByRole('complementary', { name: 'Inspector' });
  await side.getByRole('button', { name: 'Edit its settings' }).tap();
  await expect(side.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Components' }).tap();
  const db = page.getByRole('complementary', { name: 'Components palette' }).getByRole('button', { name: 'Database', exact: true });
  await expect.poll(() => onTop(db), 'the lesson palette is on top').toBe(true);
  await db.tap();
  await expect(canvas.getByRole('group', { name: /^Database(?: \(.*\))?$/ })).toBeVisible();
});
