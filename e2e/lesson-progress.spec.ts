import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

const LESSON = '/learn/stage-3-load-balancer';

async function openLesson(page: Page, path = LESSON) {
  await page.goto(path);
  const canvas = page.getByRole('region', { name: 'Design canvas' });
  await expect(canvas.locator('.react-flow__renderer')).toBeVisible();
  await page.waitForFunction(() => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true');
  return canvas;
}

test('a new user solves the stage 3 challenge on the lesson canvas, and the learn overview shows it done', async ({ page }) => {
  // A new user: nothing done yet, and the overview says where to start.
  await page.goto('/learn');
  const lessons = page.getByRole('list', { name: 'Lessons' });
  await expect(lessons.locator('[data-lesson="stage-1-single-server"]')).toHaveAttribute('data-status', 'not-started');
  await expect(lessons.locator('[data-lesson="stage-1-single-server"]')).toContainText('Continue here');

  // The lesson opens with the stage 2 design, which does not pass stage 3.
  const canvas = await openLesson(page);
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3);
  const check = page.getByTestId('challenge-check');
  await expect(check.getByRole('heading')).toHaveText('Stage 3: not yet');
  const failing = check.getByRole('list', { name: 'Checks not met yet' });
  await expect(failing).toContainText('Missing: at least 2 app instances behind a load balancer.');
  await expect(failing).toContainText('Missing: a stateless app tier.');

  // The resizable separator answers the keyboard.
  const separator = page.getByRole('separator', { name: 'Resize the guide and the canvas' });
  const before = Number(await separator.getAttribute('aria-valuenow'));
  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 2));

  // Take the first hint, one at a time.
  await page.getByRole('button', { name: /Show a hint/ }).click();
  await expect(page.getByRole('button', { name: /Show the next hint/ })).toBeVisible();

  // Follow it on the canvas: a load balancer from the palette, with the keyboard.
  await page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Components' }).click();
  const palette = page.getByRole('complementary', { name: 'Components palette' });
  const lbItem = palette.getByRole('button', { name: 'Load balancer', exact: true });
  await lbItem.focus();
  await page.keyboard.press('Enter');
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);

  // The new load balancer is selected; the side panel stays on Results until the learner picks Inspect: connect it to the app server.
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByTestId('selection-bar')).toContainText('“Load balancer” is selected.');
  await inspector.getByRole('button', { name: 'Edit its settings' }).click();
  await expect(inspector.getByRole('heading', { name: 'Load balancer' })).toBeVisible();
  await inspector.getByLabel('Connect to…').selectOption({ label: 'App server' });
  await inspector.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(inspector.getByRole('list', { name: 'Load balancer sends to' })).toContainText('App server');

  // Users now go through the load balancer.
  await canvas.getByRole('group', { name: /^Users(?: \(.*\))?$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { name: 'Users' })).toBeVisible();
  await inspector.getByLabel('Connect to…').selectOption({ label: 'Load balancer' });
  await inspector.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(inspector.getByRole('list', { name: 'Users sends to' })).toContainText('Load balancer');
  await inspector.getByRole('button', { name: 'Remove connection to App server' }).click();

  // Still not enough: one instance is not a pool.
  await expect(check.getByRole('heading')).toHaveText('Stage 3: not yet');

  // Two stateless app instances.
  await canvas.getByRole('group', { name: /^App server(?: \(.*\))?$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { name: 'App server' })).toBeVisible();
  const instances = inspector.getByLabel('Instances');
  await instances.fill('2');
  await instances.press('Enter');
  await expect(failing).not.toContainText('at least 2 app instances');
  await inspector.getByLabel('Stateless').check();

  // Passed, and the lesson is marked done.
  await expect(check.getByRole('heading')).toHaveText('Stage 3: passed ✓');
  await expect(check.getByRole('status')).toContainText('The lesson is marked done.');

  // A reload keeps the design (the lesson's own autosave) and the pass.
  await page.reload();
  await openLesson(page);
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  await expect(check.getByRole('heading')).toHaveText('Stage 3: passed ✓');

  // The overview shows stage 3 done and points at the first lesson not done.
  await page.goto('/learn');
  await expect(lessons.locator('[data-lesson="stage-3-load-balancer"]')).toHaveAttribute('data-status', 'done');
  await expect(lessons.locator('[data-lesson="stage-3-load-balancer"]')).toContainText('Done ✓');
  await expect(lessons.locator('[data-lesson="stage-1-single-server"]')).toContainText('Continue here');
  await expect(page.getByTestId('path-progress')).toContainText('1 of 8 lessons done');
});

test('the reference solution loads as one undo step, earns no credit, and reset goes back to the starting design', async ({ page }) => {
  const canvas = await openLesson(page);
  const check = page.getByTestId('challenge-check');
  await expect(check.getByRole('heading')).toHaveText('Stage 3: not yet');
  await page.getByRole('button', { name: 'Load the reference solution' }).click();
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  await expect(check.getByRole('heading')).toHaveText('Stage 3: passed ✓');
  // Looking at the answer is not solving it: the lesson stays open.
  await expect(check.getByRole('status')).toContainText('This is the reference solution');
  await expect(check.getByRole('status')).not.toContainText('marked done');
  await page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Undo' }).click();
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3);
  await expect(check.getByRole('heading')).toHaveText('Stage 3: not yet');
  await page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('button', { name: 'Reset to the starting design' }).click();
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3);
  await expect(check.getByRole('heading')).toHaveText('Stage 3: not yet');
  // The reference passed twice on this canvas, and the lesson is still not done.
  await page.goto('/learn');
  await expect(page.getByTestId('path-progress')).toContainText('0 of 8 lessons done');
});

test('a saved lesson design that no longer reads is reported and kept, not overwritten by the next edit', async ({ page }) => {
  const corrupt = '{"version":1,"design":{"schemaVersion":1,"nodes":"not a list"}}';
  await page.goto('/learn');
  await page.evaluate((text) => localStorage.setItem('scalelab:lesson:v1:stage-3-load-balancer', text), corrupt);
  const canvas = await openLesson(page);
  await expect(page.getByText('Your saved design for this lesson could not be read', { exact: false })).toBeVisible();
  // The lesson starts from its starting design…
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3);
  // …and an edit autosaves without touching the old copy.
  await canvas.locator('.react-flow__node').first().click();
  await page.keyboard.press('Delete');
  await expect(canvas.locator('.react-flow__node')).toHaveCount(2);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('scalelab:lesson:v1:stage-3-load-balancer')))
    .toContain('"nodes":[');
  expect(await page.evaluate(() => localStorage.getItem('scalelab:lesson-unreadable:v1:stage-3-load-balancer'))).toBe(corrupt);
});

test('a reload keeps the hints revealed and where the split was, per lesson; unreadable stored values fall back to the defaults', async ({ page }) => {
  await openLesson(page);
  const hints = page.getByRole('region', { name: /^Make the stage-2 design pass stage 3/ }).getByRole('listitem');
  const separator = page.getByRole('separator', { name: 'Resize the guide and the canvas' });
  const prose = page.locator('#lesson-prose');
  const proseShare = async () => {
    const [p, grid] = await prose.evaluate((el) => [el.getBoundingClientRect().width, el.parentElement!.getBoundingClientRect().width]);
    return Math.round((p / grid) * 100);
  };

  // Two hints, and the guide made narrower with the keyboard.
  await page.getByRole('button', { name: /Show a hint \(1 of \d\)/ }).click();
  await page.getByRole('button', { name: /Show the next hint \(2 of \d\)/ }).click();
  await expect(hints).toHaveCount(2);
  await expect(separator).toHaveAttribute('aria-valuenow', '40');
  await separator.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(separator).toHaveAttribute('aria-valuenow', '34');

  await page.reload();
  await openLesson(page);
  await expect(hints).toHaveCount(2);
  await expect(page.getByRole('button', { name: /Show the next hint \(3 of \d\)/ })).toBeVisible();
  await expect(separator).toHaveAttribute('aria-valuenow', '34');
  expect(await proseShare()).toBeLessThanOrEqual(35);
  // The keyboard still moves it after a reload.
  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', '36');

  // A drag with the mouse is kept too.
  const grid = await prose.evaluate((el) => {
    const b = el.parentElement!.getBoundingClientRect();
    return { left: b.left, width: b.width };
  });
  const handle = (await separator.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(grid.left + grid.width * 0.5, handle.y + handle.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(separator).toHaveAttribute('aria-valuenow', '50');
  await page.reload();
  await openLesson(page);
  await expect(separator).toHaveAttribute('aria-valuenow', '50');
  expect(await proseShare()).toBeGreaterThanOrEqual(49);
  await expect(hints).toHaveCount(2);

  // Another lesson keeps its own: none of this one's hints, the default split.
  await page.goto('/learn/stage-4-replication-sharding');
  await page.waitForFunction(() => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true');
  await expect(page.getByRole('button', { name: /Show a hint \(1 of \d\)/ })).toBeVisible();
  await expect(separator).toHaveAttribute('aria-valuenow', '40');

  // Values that no longer read are ignored: the lesson opens with no hints and the default split, and works.
  await page.evaluate(() => {
    localStorage.setItem('scalelab:lesson-hints:v1:stage-3-load-balancer', '{"shown":"two"');
    localStorage.setItem('scalelab:lesson-split:v1:stage-3-load-balancer', '{"guide":"wide"}');
  });
  await openLesson(page);
  await expect(page.getByTestId('challenge-check').getByRole('heading')).toHaveText('Stage 3: not yet');
  await expect(page.getByRole('button', { name: /Show a hint \(1 of \d\)/ })).toBeVisible();
  await expect(hints).toHaveCount(0);
  await expect(separator).toHaveAttribute('aria-valuenow', '40');
  await separator.focus();
  await page.keyboard.press('End');
  await expect(separator).toHaveAttribute('aria-valuenow', '65');
  await page.getByRole('button', { name: /Show a hint \(1 of \d\)/ }).click();
  await expect(hints).toHaveCount(1);
  await page.reload();
  await openLesson(page);
  await expect(separator).toHaveAttribute('aria-valuenow', '65');
  await expect(hints).toHaveCount(1);
});

test('opening a lesson and reloading it leaves it "Not started"; the first real change starts it and outlives an immediate reload', async ({ page }) => {
  const lessons = page.getByRole('list', { name: 'Lessons' });
  const stage3 = lessons.locator('[data-lesson="stage-3-load-balancer"]');
  const saved = () => page.evaluate(() => localStorage.getItem('scalelab:lesson:v1:stage-3-load-balancer'));

  // Open the lesson and look, without touching the canvas; then reload it.
  const canvas = await openLesson(page);
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.getByTestId('challenge-check').getByRole('heading')).toHaveText('Stage 3: not yet');
  await page.reload();
  await openLesson(page);
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.getByTestId('challenge-check').getByRole('heading')).toHaveText('Stage 3: not yet');
  expect(await saved(), 'nothing is saved for a lesson nobody touched').toBeNull();
  await page.goto('/learn');
  await expect(stage3).toHaveAttribute('data-status', 'not-started');
  await expect(stage3).toContainText('Not started');

  // Add a component and reload straight away: the change is kept and the lesson is started.
  await openLesson(page);
  await page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Components' }).click();
  const lbItem = page.getByRole('complementary', { name: 'Components palette' }).getByRole('button', { name: 'Load balancer', exact: true });
  await lbItem.focus();
  await page.keyboard.press('Enter');
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  await page.reload();
  await openLesson(page);
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  await page.goto('/learn');
  await expect(stage3).toHaveAttribute('data-status', 'in-progress');
  await expect(stage3).toContainText('In progress');

  // Opening it again without touching it keeps both the design and the status.
  await openLesson(page);
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  await page.reload();
  await openLesson(page);
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  await page.goto('/learn');
  await expect(stage3).toHaveAttribute('data-status', 'in-progress');

  // Resetting an untouched lesson is a choice too: it starts the lesson.
  const stage4 = lessons.locator('[data-lesson="stage-4-replication-sharding"]');
  await expect(stage4).toHaveAttribute('data-status', 'not-started');
  await page.goto('/learn/stage-4-replication-sharding');
  await page.waitForFunction(() => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true');
  await page.getByRole('button', { name: 'Reset to the starting design' }).click();
  await page.goto('/learn');
  await expect(stage4).toHaveAttribute('data-status', 'in-progress');
});

test('dragging a component to a new place starts the lesson, and the place is kept across a reload', async ({ page }) => {
  const canvas = await openLesson(page);
  const node = canvas.locator('.react-flow__node').first();
  // A card's transform is its position on the canvas, whatever the zoom.
  const place = () => node.evaluate((el) => (el as HTMLElement).style.transform);
  const start = await place();
  const box = (await node.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 20, y + 10, { steps: 3 });
  await page.mouse.move(x + 60, y + 90, { steps: 8 });
  await page.mouse.up();
  await expect.poll(place).not.toBe(start);
  const moved = await place();
  await page.reload();
  await openLesson(page);
  await expect.poll(place).toBe(moved);
  await page.goto('/learn');
  await expect(page.getByRole('list', { name: 'Lessons' }).locator('[data-lesson="stage-3-load-balancer"]')).toHaveAttribute('data-status', 'in-progress');
});

test('a lesson design the browser cannot store is reported once, and the canvas keeps the change', async ({ page }) => {
  // Browser storage that is full for lesson designs (as a quota would make it).
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('scalelab:lesson:v1:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const canvas = await openLesson(page);
  await expect(canvas.locator('.react-flow__node')).toHaveCount(3);
  const failed = page.getByText('This lesson’s design could not be saved: the browser storage is full. Your changes stay on this page until you leave or reload it.');
  await expect(failed, 'opening a lesson saves nothing, so nothing fails').toHaveCount(0);

  await page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Components' }).click();
  const palette = page.getByRole('complementary', { name: 'Components palette' });
  await palette.getByRole('button', { name: 'Load balancer', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  await expect(failed).toBeVisible();

  // Dismissed, it stays away: the next change fails the same way and is not reported again.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(failed).toHaveCount(0);
  await page.getByRole('toolbar', { name: 'Design tools' }).getByRole('button', { name: 'Components' }).click();
  await palette.getByRole('button', { name: 'Cache', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(canvas.locator('.react-flow__node')).toHaveCount(5);
  // The write comes 150 ms after the change; give it several times that before looking.
  await page.waitForTimeout(600);
  await expect(failed).toHaveCount(0);
});

/**
 * Whether an element is fully on screen with nothing scrolled: inside the
 * viewport and inside the visible area of every ancestor that clips it, each
 * of them at its top. The learner sees it without scrolling anything.
 */
async function shownWithoutScrolling(page: Page, selector: ReturnType<Page['locator']>) {
  return selector.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const problems: string[] = [];
    if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth) {
      problems.push(`outside the viewport: ${JSON.stringify(box)} in ${window.innerWidth}×${window.innerHeight}`);
    }
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
      const r = a.getBoundingClientRect();
      if (a.scrollTop !== 0) problems.push(`${a.tagName}.${a.className} is scrolled`);
      if (box.top < r.top - 0.5 || box.bottom > r.bottom + 0.5) {
        problems.push(`clipped by ${a.tagName}.${a.className}: button ${box.top}–${box.bottom}, box ${r.top}–${r.bottom}`);
      }
    }
    return problems;
  });
}

/**
 * Opens the stage 6 lesson on a saved design with four checks failing: the
 * stage-5 reference with its cache cut to one instance (server-side read and
 * write p95, availability with the lone cache, the queue practice). The
 * lesson's own starting design fails three since a cache falls back on its
 * primary's replicas.
 */
async function openStage6WithFourFailing(page: Page) {
  const design = JSON.parse(readFileSync(path.join(process.cwd(), 'content/stages/stage-5.json'), 'utf8'));
  design.nodes.find((n: { id: string }) => n.id === 'cache').params.instances = 1;
  await page.goto('/learn');
  await page.evaluate(
    (text) => {
      localStorage.clear();
      localStorage.setItem('scalelab:lesson:v1:stage-6-async-queues', text);
    },
    JSON.stringify({ version: 1, savedAt: new Date().toISOString(), design }),
  );
  await openLesson(page, '/learn/stage-6-async-queues');
}

for (const height of [720, 800]) {
  test.describe(`a laptop screen 1280×${height}`, () => {
    test.use({ viewport: { width: 1280, height } });

    test('with four checks failing, the hints are in sight without scrolling the check panel', async ({ page }) => {
      await openStage6WithFourFailing(page);
      const failing = page.getByTestId('challenge-check').getByRole('list', { name: 'Checks not met yet' });
      await expect(failing.getByRole('listitem')).toHaveCount(4);
      const hint = page.getByRole('button', { name: /Show a hint \(1 of \d\)/ });
      await expect(hint).toBeVisible();
      expect(await shownWithoutScrolling(page, hint)).toEqual([]);
      // Every failing check is in sight too, and the canvas keeps about half the pane.
      for (const item of await failing.getByRole('listitem').all()) expect(await shownWithoutScrolling(page, item)).toEqual([]);
      const canvas = (await page.getByRole('region', { name: 'Design canvas' }).boundingBox())!;
      expect(canvas.height).toBeGreaterThanOrEqual(height * 0.38);

      // After a hint is revealed, the next one is still a click away.
      await hint.click();
      const more = page.getByRole('button', { name: /Show the next hint \(2 of \d\)/ });
      await expect(more).toBeVisible();
      expect(await shownWithoutScrolling(page, more)).toEqual([]);
    });
  });
}

test.describe('a phone 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the checks, the hints and a tall canvas stack in the page', async ({ page }) => {
    await openStage6WithFourFailing(page);
    await expect(page.getByTestId('challenge-check').getByRole('listitem')).toHaveCount(4);
    const hint = page.getByRole('button', { name: /Show a hint \(1 of \d\)/ });
    await hint.scrollIntoViewIfNeeded();
    const box = (await hint.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const canvas = (await page.getByRole('region', { name: 'Design canvas' }).boundingBox())!;
    expect(canvas.height).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
