import { expect, test } from '@playwright/test';

test('the home page says what ScaleLab is and shows the eight growth stages', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/ScaleLab/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/one server to a hundred million users/);
  const stages = page.getByRole('list').filter({ hasText: 'Single server' }).getByRole('listitem');
  await expect(stages).toHaveCount(8);
  await expect(stages.first()).toContainText('1K users');
  await expect(stages.last()).toContainText('100M users');
});

test('each growth stage on the home page opens its lesson', async ({ page }) => {
  await page.goto('/');
  const stage3 = page.getByRole('link', { name: /Stage 3.*Load balancer/ });
  await stage3.click();
  await expect(page).toHaveURL(/\/learn\/stage-3-load-balancer$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/load balancer/i);
});

test('every link on the home page leads to a working page', async ({ page, request }) => {
  await page.goto('/');
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of new Set(hrefs)) {
    const res = await request.get(href);
    expect(res.status(), `${href} answers`).toBe(200);
  }
});

test('a shared link to the site previews with its image, and crawlers are kept off unlisted links', async ({ page, request }) => {
  await page.goto('/');
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  // Absolute, on the address the page was served from, so a chat app can fetch it.
  expect(image).toBe(new URL('/og.png', page.url()).href);
  const png = await request.get(image!);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/site.webmanifest');
  const manifest = await (await request.get('/site.webmanifest')).json();
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);

  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  const rules = await robots.text();
  // Designs shared by link and instructors' scenarios are unlisted; the lessons are not.
  for (const path of ['/d/', '/s/', '/api/']) expect(rules).toContain(`Disallow: ${path}`);
  expect(rules).not.toMatch(/Disallow: \/learn/);
});

test('an unknown address, problem or lesson answers 404 with a page that says so and a way home', async ({ page }) => {
  for (const path of ['/no-such-page', '/interview/no-such-problem', '/learn/no-such-lesson']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'No page at this address' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Go to the home page' })).toBeVisible();
    await expect(page).toHaveTitle('Page not found · ScaleLab');
  }
});

test('a page address with broken percent-encoding answers the not-found page, not a bare 500', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const path of ['/d/%E0', '/s/%E0', '/s/%E0%A4%A/manage', '/learn/%', '/%C3']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'No page at this address' }), path).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Go to the home page' }), path).toBeVisible();
    await expect(page, path).toHaveTitle('Page not found · ScaleLab');
    // The app's own page, header and all, at the address that was asked for.
    await expect(page.getByRole('banner').getByRole('link', { name: 'ScaleLab home' }), path).toBeVisible();
    expect(new URL(page.url()).pathname, path).toBe(path);
  }
  expect(errors, 'script errors on the not-found pages').toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the header menu closes once a page is chosen, on Escape and on a tap outside it', async ({ page }) => {
    await page.goto('/');
    const menuButton = page.locator('header summary', { hasText: 'Menu' });
    const menu = page.getByRole('banner').getByRole('navigation', { name: 'Main' });

    await menuButton.click();
    await menu.getByRole('link', { name: 'Learn' }).click();
    await expect(page).toHaveURL(/\/learn$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(menu).toBeHidden();

    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();

    await menuButton.click();
    await expect(menu).toBeVisible();
    // A tap on the page below the open menu.
    await page.getByRole('main').click({ position: { x: 10, y: 400 } });
    await expect(menu).toBeHidden();
  });
});
