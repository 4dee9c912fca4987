/**
 * Every stage lesson's challenge, completed in the browser by doing what the
 * lesson teaches, on the lesson's own canvas: the palette, the inspector's
 * fields and its "Connect to…", the canvas' selection and duplicate. Each test
 * first shows the check "not yet" with the lesson's technique left out (and
 * the figure that fails), then adds the technique and sees "passed ✓".
 *
 * The figures are the engine's (model v2); lib/learn/lesson-challenges.test.ts
 * pins the same designs without a browser.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

const LESSONS = {
  1: 'stage-1-single-server',
  2: 'stage-2-separate-database',
  3: 'stage-3-load-balancer',
  4: 'stage-4-replication-sharding',
  5: 'stage-5-cache-cdn',
  6: 'stage-6-async-queues',
  7: 'stage-7-microservices',
  8: 'stage-8-web-scale',
} as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lesson page as a learner uses it. */
class Lesson {
  constructor(
    readonly page: Page,
    readonly stage: keyof typeof LESSONS,
  ) {}

  get canvas(): Locator {
    return this.page.getByRole('region', { name: 'Design canvas' });
  }
  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }
  get check(): Locator {
    return this.page.getByTestId('challenge-check');
  }
  get failing(): Locator {
    return this.check.getByRole('list', { name: 'Checks not met yet' });
  }
  get nodes(): Locator {
    return this.canvas.locator('.react-flow__node');
  }

  async open() {
    await this.page.goto(`/learn/${LESSONS[this.stage]}`);
    await expect(this.canvas.locator('.react-flow__renderer')).toBeVisible();
    await this.page.waitForFunction(
      () => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true',
    );
  }

  async expectNotYet() {
    await expect(this.check.getByRole('heading')).toHaveText(`Stage ${this.stage}: not yet`);
  }

  async expectPassed() {
    await expect(this.check.getByRole('heading')).toHaveText(`Stage ${this.stage}: passed ✓`);
    await expect(this.check.getByRole('status')).toContainText('The lesson is marked done.');
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Design tools' });
  }

  /** Opens the settings drawer if the palette's drawer took its place. */
  async showSettings(label: string) {
    if (!(await this.inspector.isVisible())) await this.toolbar.getByRole('button', { name: 'Settings' }).click();
    // The side panel stays where the learner left it (Results when the lesson opens): pick Inspect once.
    const tab = this.inspector.getByRole('tab', { name: 'Inspect' });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(this.inspector.getByRole('heading', { name: label, exact: true })).toBeVisible();
  }

  /** Adds a component from the palette with the keyboard; it comes in selected. */
  async add(item: string, label = item) {
    const count = await this.nodes.count();
    await this.toolbar.getByRole('button', { name: 'Components' }).click();
    const entry = this.page
      .getByRole('complementary', { name: 'Components palette' })
      .getByRole('button', { name: item, exact: true });
    await entry.focus();
    await this.page.keyboard.press('Enter');
    await expect(this.nodes).toHaveCount(count + 1);
    await this.showSettings(label);
  }

  node(label: string): Locator {
    return this.canvas.getByRole('group', { name: new RegExp(`^${escape(label)}(?: \\(.*\\))?$`) });
  }

  /** Selects a component on the canvas with the keyboard; the inspector shows it. */
  async select(label: string) {
    await this.node(label).focus();
    await this.page.keyboard.press('Enter');
    await this.showSettings(label);
  }

  /** Types a value into one of the selected component's fields and commits it with Enter. */
  async fill(field: string | RegExp, value: string | number) {
    const input = this.inspector.getByLabel(field, { exact: true });
    await input.fill(String(value));
    await input.press('Enter');
    await expect(input).toHaveValue(String(value));
  }

  /** Sets fields of a component: selects it, then fills each. */
  async set(label: string, fields: Record<string, string | number>) {
    await this.select(label);
    for (const [field, value] of Object.entries(fields)) await this.fill(field, value);
  }

  /** Connects the selected component to another with the inspector's "Connect to…". */
  async connect(from: string, to: string) {
    await this.select(from);
    await this.inspector.getByLabel('Connect to…').selectOption({ label: to });
    await this.inspector.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(this.inspector.getByRole('button', { name: `Remove connection to ${to}`, exact: true })).toBeVisible();
  }

  async disconnect(from: string, to: string) {
    await this.select(from);
    await this.inspector.getByRole('button', { name: `Remove connection to ${to}`, exact: true }).click();
    await expect(this.inspector.getByRole('button', { name: `Remove connection to ${to}`, exact: true })).toHaveCount(
      0,
    );
  }

  async remove(label: string) {
    const count = await this.nodes.count();
    await this.select(label);
    await this.inspector.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(this.nodes).toHaveCount(count - 1);
  }

  /** A failing check's sentence, e.g. "Not met: availability 99.9454% < 99.99%." */
  async expectFailing(...texts: (string | RegExp)[]) {
    for (const t of texts) await expect(this.failing).toContainText(t);
  }
}

test('stage 1: users wired to one server pass; a server nobody reaches does not', async ({ page }) => {
  const lesson = new Lesson(page, 1);
  await lesson.open();
  await expect(lesson.nodes).toHaveCount(0);
  await lesson.add('Users');
  await lesson.add('Server');
  // Left out: the connection. Every request has nowhere to go.
  await lesson.expectNotYet();
  await lesson.expectFailing('100% of requests have nowhere to go', 'availability 0% < 99%');
  await lesson.connect('Users', 'Server');
  await lesson.expectPassed();
});

test('stage 2: an app server and a database on their own nodes pass; the one server does not', async ({ page }) => {
  const lesson = new Lesson(page, 2);
  await lesson.open();
  await expect(lesson.nodes).toHaveCount(2);
  // The starting design, one server for everything, is the lesson's technique left out.
  await lesson.expectNotYet();
  await lesson.expectFailing('Missing: the data store runs on its own node.');
  await expect(lesson.failing.getByRole('listitem')).toHaveCount(1);
  await lesson.add('App server');
  await lesson.add('Database');
  // A medium managed database alone would take the design over the $300 budget: the hint says small.
  await lesson.inspector.getByLabel('Size').selectOption('small');
  await lesson.connect('Users', 'App server');
  await lesson.disconnect('Users', 'Web, app and database server');
  await lesson.connect('App server', 'Database');
  await lesson.remove('Web, app and database server');
  await lesson.expectPassed();
});

test('stage 3: two stateless instances behind a load balancer pass; three instances without one do not', async ({
  page,
}) => {
  const lesson = new Lesson(page, 3);
  await lesson.open();
  // More instances, stateless, but no load balancer: nothing routes around a failed one.
  await lesson.set('App server', { Instances: 3 });
  await lesson.inspector.getByLabel('Stateless').check();
  await lesson.expectNotYet();
  await lesson.expectFailing(
    'Not met: availability 99.592% < 99.8%.',
    'Missing: at least 2 app instances behind a load balancer.',
  );
  await lesson.add('Load balancer');
  await lesson.connect('Load balancer', 'App server');
  await lesson.connect('Users', 'Load balancer');
  await lesson.disconnect('Users', 'App server');
  await lesson.set('App server', { Instances: 2 });
  await lesson.expectPassed();
});

test('stage 4: read replicas and a standby pass; eight app instances with a lone primary do not', async ({ page }) => {
  const lesson = new Lesson(page, 4);
  await lesson.open();
  // Ten times the users: eight app instances carry them, but the primary is alone.
  await lesson.set('App servers', { Instances: 8 });
  await lesson.expectNotYet();
  await lesson.expectFailing(
    'Not met: availability 99.829% < 99.9%.',
    'Missing: no data store is a single point of failure.',
    'Missing: reads served by replicas.',
  );
  await lesson.add('Read replica');
  await lesson.fill('Instances', 2);
  await lesson.connect('Database', 'Read replica');
  await lesson.select('Database');
  await lesson.inspector.getByLabel('Standby').check();
  await lesson.expectPassed();
});

test('stage 5: a CDN passes; with the cache and 44 app instances but no CDN a far user waits 696 ms for a static file', async ({
  page,
}) => {
  const lesson = new Lesson(page, 5);
  await lesson.open();
  await lesson.set('App servers', { Instances: 44 });
  await lesson.add('Cache');
  await lesson.fill('Instances', 2);
  await lesson.connect('App servers', 'Cache');
  await lesson.connect('Cache', 'Primary database');
  // Everything but the CDN: static files still cross the ocean three round trips at a time.
  await lesson.expectNotYet();
  await lesson.expectFailing(
    'Not met: user-perceived p95 of a static asset (global audience) 696 ms > 400 ms.',
    'Missing: a CDN for static files.',
  );
  await expect(lesson.failing.getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('stage-5-without-cdn.png') });
  await lesson.add('CDN');
  await lesson.add('Object storage');
  await lesson.fill('Instances', 2);
  await lesson.connect('CDN', 'Object storage');
  await lesson.connect('Users', 'CDN');
  await lesson.expectPassed();
  await page.screenshot({ path: test.info().outputPath('stage-5-with-cdn.png') });
});

test('stage 6: a queue and workers pass; with jobs inline the write p95 is 1,662 ms', async ({ page }) => {
  const lesson = new Lesson(page, 6);
  await lesson.open();
  await lesson.expectNotYet();
  await lesson.expectFailing(
    'Not met: server-side p95 write latency 1,662 ms > 200 ms.',
    'Missing: background jobs go through a queue to workers.',
  );
  await lesson.add('Queue');
  await lesson.add('Worker');
  await lesson.fill('Instances', 10);
  await lesson.connect('App servers', 'Queue');
  await lesson.connect('Queue', 'Worker');
  await lesson.connect('Worker', 'Primary database');
  await lesson.expectPassed();
});

test('stage 7: a gateway in front of two services that own their data passes; a scaled-up monolith fails only the practices', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const lesson = new Lesson(page, 7);
  await lesson.open();
  // The monolith scaled for fifty million users: it carries the load, and only the practices fail.
  await lesson.set('App servers', { Instances: 170 });
  await lesson.set('Primary database (2 shards)', { Shards: 8 });
  await lesson.set('Workers', { Instances: 50 });
  await lesson.set('Read replicas', { Instances: 4 });
  await lesson.set('Cache', { Instances: 4 });
  await lesson.set('Static assets', { Instances: 4 });
  await lesson.expectNotYet();
  await lesson.expectFailing(
    'Missing: an API gateway in front of the services.',
    'Missing: at least 2 services, each owning its data.',
  );
  await expect(lesson.failing.getByRole('listitem')).toHaveCount(2);

  // An API gateway where the load balancer meets the app tier.
  await lesson.add('API gateway');
  await lesson.fill('Instances', 4);
  await lesson.connect('Load balancer', 'API gateway');
  await lesson.disconnect('Load balancer', 'App servers');
  // The monolith's work becomes a service with its cache, database and queue…
  await lesson.add('Service');
  await lesson.fill('Instances', 170);
  await lesson.connect('API gateway', 'Service');
  await lesson.connect('Service', 'Cache');
  await lesson.connect('Service', 'Primary database (2 shards)');
  await lesson.connect('Service', 'Job queue');
  await lesson.remove('App servers');
  // …and a second service owns a database of its own, for a tenth of the traffic.
  await lesson.add('Service', 'Service 2');
  await lesson.fill('Instances', 30);
  await lesson.add('Database');
  await lesson.fill('Shards', 4);
  await lesson.inspector.getByLabel('Standby').check();
  await lesson.connect('API gateway', 'Service 2');
  await lesson.connect('Service 2', 'Database');
  await lesson.connect('Service 2', 'Job queue');
  for (const [to, share] of [
    ['Service', 0.9],
    ['Service 2', 0.1],
  ] as const) {
    await lesson.canvas.getByRole('group', { name: `Connection from API gateway to ${to}`, exact: true }).focus();
    await page.keyboard.press('Enter');
    await lesson.fill('Share', share);
  }
  await lesson.expectPassed();
});

test('stage 8: a second region behind geo DNS passes; one region with limiter, monitoring and logging caps availability at 99.9454%', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const lesson = new Lesson(page, 8);
  await lesson.open();
  // Everything but the second region: geo DNS, a rate limiter at the entry, monitoring and logging.
  await lesson.add('DNS');
  await lesson.inspector.getByLabel('Routing').selectOption('geo');
  await lesson.add('Rate limiter');
  await lesson.fill('Instances', 5);
  await lesson.fill(/^Rate limit/, 120000);
  await lesson.add('Monitoring');
  await lesson.add('Logging');
  await lesson.connect('Users', 'DNS');
  await lesson.disconnect('Users', 'API gateway');
  await lesson.connect('DNS', 'Rate limiter');
  await lesson.connect('Rate limiter', 'API gateway');
  await lesson.set('API gateway', { Instances: 6 });
  await lesson.expectNotYet();
  await lesson.expectFailing(
    'Not met: availability 99.9454% < 99.99%.',
    'Missing: at least 2 regions, each with its own compute and copy of the data serving users.',
  );

  // The second region: a copy of everything regional, placed in eu-west.
  const global = ['Users', 'CDN', 'DNS', 'Monitoring', 'Logging'];
  const count = await lesson.nodes.count();
  await lesson.node('Users').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+d');
  await expect(lesson.nodes).toHaveCount(count * 2);
  // The copies come in selected; clear the selection so Enter selects one instead of renaming it.
  await page.keyboard.press('Escape');
  for (const g of global) await lesson.remove(`${g} 2`);
  const regional = (await lesson.nodes.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).map(
    (l) => l.replace(/ \([^()]*\)$/, ''),
  );
  const copies = regional.filter((l) => / 2$/.test(l) && !global.includes(l.replace(/ 2$/, '')));
  expect(copies).toHaveLength(count - global.length);
  for (const copy of copies) await lesson.set(copy, { Region: 'eu-west' });
  await lesson.connect('DNS', 'Rate limiter 2');
  await lesson.connect('CDN', 'Static assets 2');
  await lesson.expectPassed();
});
