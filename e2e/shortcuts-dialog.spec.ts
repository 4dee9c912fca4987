import { expect, test, type Page } from '@playwright/test';

/**
 * Opens the keyboard shortcuts dialog from a lesson's canvas. (The dialog is
 * the same on every editor; the lesson page is used because at 320 px the
 * sandbox's own toolbar is wider than the window, which is another matter.)
 */
async function openShortcuts(page: Page) {
  await page.goto('/learn/stage-3-load-balancer');
  await page.waitForFunction(
    () => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true',
  );
  await page.getByRole('region', { name: 'Design canvas' }).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  return dialog;
}

for (const { width, height } of [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
]) {
  test(`at ${width} px the keyboard shortcuts dialog shows every key on one line, with nothing off the side`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const dialog = await openShortcuts(page);

    const layout = await dialog.evaluate((d) => {
      const box = d.getBoundingClientRect();
      const keys = [...d.querySelectorAll('kbd')].map((k) => {
        const s = getComputedStyle(k);
        const oneLine =
          parseFloat(s.lineHeight) +
          parseFloat(s.paddingTop) +
          parseFloat(s.paddingBottom) +
          parseFloat(s.borderTopWidth) +
          parseFloat(s.borderBottomWidth);
        const r = k.getBoundingClientRect();
        return { label: k.textContent, height: r.height, oneLine, left: r.left, right: r.right };
      });
      const body = [...d.querySelectorAll<HTMLElement>('*')].find((el) => getComputedStyle(el).overflowY === 'auto')!;
      return {
        dialog: { left: box.left, right: box.right },
        keys,
        bodySideways: body.scrollWidth - body.clientWidth,
        pageSideways: document.documentElement.scrollWidth - window.innerWidth,
      };
    });

    expect(layout.keys.map((k) => k.label)).toContain('Ctrl / ⌘');
    for (const k of layout.keys) {
      expect(k.height, `"${k.label}" is on one line`).toBeLessThanOrEqual(k.oneLine + 0.5);
      expect(k.left, `"${k.label}" starts inside the dialog`).toBeGreaterThanOrEqual(layout.dialog.left);
      expect(k.right, `"${k.label}" ends inside the dialog`).toBeLessThanOrEqual(layout.dialog.right);
    }
    expect(layout.dialog.left).toBeGreaterThanOrEqual(0);
    expect(layout.dialog.right).toBeLessThanOrEqual(width);
    expect(layout.bodySideways, 'the dialog does not scroll sideways').toBeLessThanOrEqual(0);
    expect(layout.pageSideways, 'the page does not scroll sideways').toBeLessThanOrEqual(0);

    // Taller than the window on a phone: the list scrolls to its last shortcut.
    const last = dialog.getByText('Show these shortcuts');
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
  });
}
