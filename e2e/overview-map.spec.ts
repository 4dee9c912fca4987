import stage6Json from '../content/stages/stage-6.json';
import { expect, test, type SeedDesign } from './fixtures';

const stage6 = stage6Json as unknown as SeedDesign;

const LESSON = '/learn/stage-6-async-queues';

test.describe('the overview map', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('shows on a roomy sandbox canvas once a design has eight components', async ({ sandbox }) => {
    await sandbox.seed(stage6);
    await sandbox.open();
    await expect(sandbox.nodes).toHaveCount(stage6.nodes.length);
    await expect(sandbox.canvas.locator('.react-flow__minimap')).toBeVisible();
  });
});

test.describe('in a lesson on a laptop screen', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the overview map stays out of the small canvas, so no card sits under it', async ({ page }) => {
    await page.goto(LESSON);
    const canvas = page.getByRole('region', { name: 'Design canvas' });
    await page.waitForFunction(() => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true');
    await page.waitForFunction(() => document.querySelector('.react-flow')?.hasAttribute('data-fitted'));
    expect(await canvas.locator('.react-flow__node').count()).toBeGreaterThanOrEqual(8);
    await expect(canvas.locator('.react-flow__minimap')).toHaveCount(0);
    // Every card is inside the canvas and is the element under its own centre.
    const pane = (await canvas.locator('.react-flow').boundingBox())!;
    for (const card of await canvas.locator('.react-flow__node').all()) {
      const box = (await card.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
      const onTop = await card.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
      });
      expect(onTop, `${await card.innerText()} is not covered`).toBe(true);
    }
  });
});
