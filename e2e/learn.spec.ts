import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';

/** The learn pages, located the way a reader finds things: by role and label. */
class LearnPages {
  constructor(readonly page: Page) {}

  async openPath() {
    await this.page.goto('/learn');
  }

  async open(id: string) {
    await this.page.goto(`/learn/${id}`);
  }

  lessons(): Locator {
    return this.page.getByRole('list', { name: 'Lessons' }).getByRole('listitem');
  }

  /** A number shown by a live example, by its label. */
  stat(label: string): Locator {
    return this.page.locator(`[data-stat="${label}"]`);
  }
}

const test = base.extend<{ learn: LearnPages }>({
  // Playwright's fixture callback is conventionally named `use`; React's hook rule misreads it.
  learn: async ({ page }, provide) => {
    await provide(new LearnPages(page));
  },
});

test('the learning path lists the eight stage lessons in order', async ({ learn, page }) => {
  await learn.openPath();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/one server to a hundred million users/);
  const lessons = learn.lessons();
  await expect(lessons).toHaveCount(8);
  const users = ['1K', '10K', '100K', '1M', '5M', '10M', '50M', '100M'];
  for (let i = 0; i < 8; i++) {
    await expect(lessons.nth(i)).toContainText(`Stage ${i + 1}`);
    await expect(lessons.nth(i)).toContainText(`${users[i]} users`);
  }
  await lessons.nth(2).getByRole('link').click();
  await expect(page).toHaveURL(/\/learn\/stage-3-load-balancer$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/load balancer/i);
});

test('moving a guide’s slider changes the numbers the model computes', async ({ learn, page }) => {
  await learn.open('guide-caching');
  const slider = page.getByRole('slider', { name: 'Cache hit ratio' });
  const utilisation = learn.stat('Database utilisation');
  const reads = learn.stat('Reads reaching the database');
  await expect(utilisation).toHaveText(/^\d+%$/);
  const before = { utilisation: await utilisation.textContent(), reads: await reads.textContent() };

  // No cache hits at all: every read reaches the database, which saturates.
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', '0%');
  await expect(utilisation).not.toHaveText(before.utilisation!);
  await expect(reads).not.toHaveText(before.reads!);
  await expect(page.getByText('saturated: requests fail')).toBeVisible();
});

test('the rate-limit example counts rejected requests as failing, as the guide says', async ({ learn, page }) => {
  await learn.open('guide-rate-limiting');
  const failing = learn.stat('Requests failing');
  const p95 = learn.stat('Read latency, p95 (admitted)');
  // The default: a 3× spike against a limit of 3,500 requests/s. A third are rejected, and they count.
  await expect(failing).toHaveText('32.8%');
  await expect(p95).toHaveText('501 ms');
  // No limiter: the app tier saturates; the model fails the excess and the rest wait for the timeout.
  const slider = page.getByRole('slider', { name: 'Rate limit' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'no limiter');
  await expect(failing).toHaveText('11.7%');
  await expect(p95).toHaveText('10.0 s');
});

test('a lesson reveals its hints one at a time', async ({ learn, page }) => {
  await learn.open('stage-5-cache-cdn');
  const panel = page.getByRole('region', { name: /Make the stage-4 design pass stage 5/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(0);
  await panel.getByRole('button', { name: /Show a hint \(1 of \d\)/ }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await panel.getByRole('button', { name: /Show the next hint \(2 of \d\)/ }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(2);
});

test('every lesson and guide linked from the path opens', async ({ learn, page, request }) => {
  await learn.openPath();
  const hrefs = await page.locator('main a[href^="/learn/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThanOrEqual(8 + 20);
  for (const href of new Set(hrefs)) {
    const res = await request.get(href);
    expect(res.status(), `${href} answers`).toBe(200);
  }
});

test('the path, a lesson and a guide have no axe violations', async ({ learn, page }) => {
  for (const open of [() => learn.openPath(), () => learn.open('stage-4-replication-sharding'), () => learn.open('guide-sharding')]) {
    await open();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${page.url()}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('a lesson with every hint revealed has no axe violations', async ({ learn, page }) => {
  await learn.open('stage-3-load-balancer');
  const panel = page.getByRole('region', { name: /^Make the stage-2 design pass stage 3/ });
  const more = panel.getByRole('button', { name: /Show (a|the next) hint/ });
  while (await more.isVisible()) await more.click();
  await expect(panel.getByText('That is every hint.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Hide hints' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
