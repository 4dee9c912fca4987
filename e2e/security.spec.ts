import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import { freshCreationLimits } from './rate-limits';

/**
 * Security headers and the Content-Security-Policy, as a browser meets them:
 * every page and API answer carries them, the pages still work under the
 * policy (no script, style or image refused), no other site can frame a
 * page, and a brief's remote image is never fetched.
 */

/** A host no page may ever contact; any request to it is recorded and refused. */
const REMOTE_HOST = 'images.remote-host.test';
const REMOTE_IMAGE = `http://${REMOTE_HOST}/diagram.png?who=reader`;

interface Watched {
  /** Everything the page's Content-Security-Policy refused, as the browser reported it. */
  violations(): Promise<string[]>;
  /** Requests to REMOTE_HOST. */
  remoteRequests: string[];
  /** Uncaught errors thrown by the page's script. */
  errors: string[];
}

const test = base.extend<{ watched: Watched }>({
  watched: async ({ page }, provide) => {
    const logged: string[] = [];
    const errors: string[] = [];
    const remoteRequests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) logged.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`http://${REMOTE_HOST}/**`, (route) => {
      remoteRequests.push(route.request().url());
      return route.abort();
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
    });
    await provide({
      remoteRequests,
      errors,
      async violations() {
        const fromPage = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
        return [...fromPage, ...logged];
      },
    });
  },
});

// Its instructors create scenarios: each test starts from a fresh creation count (see e2e/rate-limits.ts).
test.beforeEach(() => freshCreationLimits());

function expectSecurityHeaders(headers: Record<string, string>, what: string, page: boolean) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['permissions-policy'], what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  const csp = headers['content-security-policy'];
  expect(csp, what).toContain("frame-ancestors 'none'");
  if (page) {
    expect(csp, what).toContain("object-src 'none'");
    expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp, what).toContain("img-src 'self' data: blob:");
  } else {
    expect(csp, what).toContain("default-src 'none'");
  }
}

/** A scenario whose brief shows a remote image, made through the API. */
async function scenarioWithRemoteImage(request: APIRequestContext): Promise<{ studentUrl: string; manageUrl: string }> {
  const design = {
    schemaVersion: 1,
    name: 'Start',
    nodes: [
      { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
      { id: 'app', kind: 'app-server', position: { x: 240, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'users', target: 'app' }],
  };
  const res = await request.post('/api/scenarios', {
    data: {
      title: 'Scale the photo shop',
      brief: `## Your task\n\nServe the shop at stage 3. Here is the current rack:\n\n![the current rack](${REMOTE_IMAGE})\n\nGood luck.`,
      config: { targets: [{ type: 'stage', stage: 3 }], allowedKinds: ['load-balancer', 'app-server', 'database'], startingDesign: design, scoreVisibility: 'on-submit' },
    },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

/** Joins a scenario as a student: the page's script loads the scenario, posts the name and shows the editor. */
async function join(page: Page, studentUrl: string, name: string) {
  await page.goto(studentUrl);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Start designing' }).click();
  await expect(page.getByText(`Working as ${name}`)).toBeVisible();
}

test('every main page and API answer carries the security headers', async ({ request }) => {
  const { studentUrl, manageUrl } = await scenarioWithRemoteImage(request);
  const pages = ['/', '/play', '/learn', '/learn/stage-3-load-balancer', '/interview', '/interview/url-shortener', '/teach', '/model', studentUrl, manageUrl.split('#')[0], '/no-such-page'];
  const nonces = new Set<string>();
  for (const path of pages) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(path === '/no-such-page' ? 404 : 200);
    expectSecurityHeaders(res.headers(), path, true);
    nonces.add(/'nonce-([^']+)'/.exec(res.headers()['content-security-policy'])![1]);
  }
  // A fresh nonce for every page served.
  expect(nonces.size).toBe(pages.length);
  for (const path of ['/api/health', '/api/scenarios/sample-scale-out', '/api/no-such-endpoint', '/api/designs/%E0']) {
    const res = await request.get(path);
    expectSecurityHeaders(res.headers(), path, false);
    expect(res.headers()['content-type'], path).toMatch(/^application\/json/);
  }
});

for (const path of ['/', '/learn', '/interview', '/model', '/interview/history', '/no-such-page']) {
  test(`${path} loads under the policy with nothing refused`, async ({ page, watched }) => {
    await page.goto(path);
    // The page's script has run: React has taken over the navigation links.
    await page.waitForFunction(() => Object.keys(document.querySelector('nav[aria-label="Main"] a') ?? {}).some((k) => k.startsWith('__react')));
    expect(await watched.violations()).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
}

test('the sandbox works under the policy: it hydrates and a palette button adds a component', async ({ page, watched }) => {
  await page.goto('/play');
  await page.waitForFunction(() => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true');
  const canvas = page.getByRole('region', { name: 'Design canvas' });
  const before = await canvas.locator('.react-flow__node').count();
  await page.getByRole('complementary', { name: 'Components palette' }).getByRole('button', { name: 'Cache', exact: true }).click();
  await expect(canvas.locator('.react-flow__node')).toHaveCount(before + 1);
  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);
});

test('a lesson works under the policy: its hints open one at a time', async ({ page, watched }) => {
  await page.goto('/learn/stage-5-cache-cdn');
  const panel = page.getByRole('region', { name: /Make the stage-4 design pass stage 5/ });
  await panel.getByRole('button', { name: /Show a hint \(1 of \d\)/ }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);
});

test('the interview works under the policy: it starts and its clock runs', async ({ page, watched }) => {
  await page.goto('/interview/url-shortener');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Requirements' })).toHaveAttribute('aria-current', 'step');
  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);
});

test('/teach works under the policy: the brief preview renders as it is typed, a remote image as a link', async ({ page, watched }) => {
  await page.goto('/teach');
  await page.getByLabel('Brief (Markdown)').fill(`## Preview check\n\n![rack photo](${REMOTE_IMAGE})`);
  await page.getByRole('group', { name: 'Brief view' }).getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { name: 'Preview check' })).toBeVisible();
  await expect(page.getByRole('link', { name: `rack photo (image on ${REMOTE_HOST})` })).toBeVisible();
  expect(watched.remoteRequests).toEqual([]);
  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);
});

test('a student page and its dashboard work under the policy, and a brief’s remote image is never fetched', async ({ page, watched, request }, testInfo) => {
  const { studentUrl, manageUrl } = await scenarioWithRemoteImage(request);

  // The student: the page's script loads the scenario, shows the brief and joins.
  await page.goto(studentUrl);
  const imageLink = page.getByRole('link', { name: `the current rack (image on ${REMOTE_HOST})` });
  await expect(imageLink).toBeVisible();
  await expect(imageLink).toHaveAttribute('href', REMOTE_IMAGE);
  await expect(page.locator(`img[src*="${REMOTE_HOST}"]`)).toHaveCount(0);
  const shot = testInfo.outputPath('student-page-remote-image.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('student page with a remote image in its brief', { path: shot, contentType: 'image/png' });
  await join(page, studentUrl, 'Grace Hopper');

  // The instructor's dashboard: its script reads the key from the address's
  // fragment and loads the scenario; it shows the brief too.
  await page.goto(manageUrl);
  // Its scripts run: the tabs work and the Settings tab shows its settings.
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('region', { name: 'Settings' })).toBeVisible();
  await page.getByText('Brief and rules, as students see them').click();
  await expect(page.getByRole('link', { name: `the current rack (image on ${REMOTE_HOST})` })).toBeVisible();

  expect(watched.remoteRequests).toEqual([]);
  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);
});

test('the policy itself refuses a remote image and an inline script slipped into a page’s markup', async ({ page, watched, baseURL }) => {
  // The page as served, headers and all, with markup an attacker might have got into it.
  await page.route(`${baseURL}/teach`, async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace('<main', `<script>window.__injected = true</script><img src="${REMOTE_IMAGE}" alt=""><main`);
    await route.fulfill({ response: res, body: html });
  });
  await page.goto('/teach');
  // The page's own scripts run…
  await page.getByLabel('Brief (Markdown)').fill('## Still works');
  await page.getByRole('group', { name: 'Brief view' }).getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { name: 'Still works' })).toBeVisible();
  // …the slipped-in ones do not, and the image is never asked for.
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(watched.remoteRequests).toEqual([]);
  const refused = await watched.violations();
  expect(refused.some((v) => v.startsWith('img-src refused') && v.includes(REMOTE_HOST)), refused.join('\n')).toBe(true);
  expect(refused.some((v) => v.startsWith('script-src-elem refused inline')), refused.join('\n')).toBe(true);
});

test('no other site can frame a page', async ({ page, baseURL }) => {
  // Another site: another origin, served from this machine so that the
  // browser's local-network rules, not the app's headers, cannot be what
  // keeps the frame empty.
  const other = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      req.url === '/own'
        ? '<p id="own">A page of the other site itself</p>'
        : `<h1>Another site</h1><iframe name="own" src="/own"></iframe><iframe name="victim" src="${baseURL}/teach" width="800" height="600"></iframe>`,
    );
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  try {
    const failed = page.waitForEvent('requestfailed', (r) => r.url() === `${baseURL}/teach`);
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    // The browser refuses the app's answer because of its headers…
    expect((await failed).failure()?.errorText).toBe('net::ERR_BLOCKED_BY_RESPONSE');
    // …and shows its own error page in the frame, never the app, while a frame without the headers shows.
    await expect(page.frame({ name: 'own' })!.locator('#own')).toBeVisible();
    const victim = page.frame({ name: 'victim' })!;
    await expect.poll(() => victim.url()).toMatch(/^chrome-error:/);
    await expect(victim.getByText('Skip to content')).toHaveCount(0);
  } finally {
    other.closeAllConnections();
    await new Promise((r) => other.close(r));
  }
});
