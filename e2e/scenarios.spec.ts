import { expect, test as base, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { freshCreationLimits } from './rate-limits';

/**
 * Instructor-shared scenarios, end to end: authoring on /teach, students in
 * their own browser contexts, the instructor's dashboard.
 */

const startingDesign = {
  schemaVersion: 1,
  name: 'Class starting point',
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 80 } },
    { id: 'app', kind: 'app-server', label: 'App', position: { x: 260, y: 80 } },
    { id: 'db', kind: 'database', label: 'Database', position: { x: 520, y: 80 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'app' },
    { id: 'e2', source: 'app', target: 'db' },
  ],
};

const referenceDesign = {
  schemaVersion: 1,
  name: 'Reference',
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 80 } },
    { id: 'lb', kind: 'load-balancer', position: { x: 220, y: 80 } },
    { id: 'app', kind: 'app-server', params: { instances: 3, stateless: true }, position: { x: 440, y: 80 } },
    { id: 'db', kind: 'database', params: { size: 'large' }, position: { x: 660, y: 80 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'db' },
  ],
};

/**
 * People, each in a browser context of their own (another person on another
 * computer). Any alert, confirm or prompt a page opens is recorded: none may
 * appear, since one would mean script from a brief, a title or a name ran.
 */
const test = base.extend<{ people: { open(): Promise<Page> } }>({
  people: async ({ browser }, provide) => {
    const dialogs: string[] = [];
    const contexts: BrowserContext[] = [];
    await provide({
      async open() {
        const context = await browser.newContext();
        contexts.push(context);
        const page = await context.newPage();
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        return page;
      },
    });
    for (const c of contexts) await c.close();
    expect(dialogs, 'dialogs opened by pages').toEqual([]);
  },
});

// Its instructors create scenarios: each test starts from a fresh creation count (see e2e/rate-limits.ts).
test.beforeEach(() => freshCreationLimits());

/** Publishes a scenario through the API, as the teach form does; returns its links and slug. */
async function createScenario(request: APIRequestContext, data: { title: string; brief: string; config: Record<string, unknown> }) {
  const res = await request.post('/api/scenarios', { data });
  expect(res.status(), res.ok() ? '' : await res.text()).toBe(201);
  return res.json();
}

async function joinAs(page: Page, studentUrl: string, name: string) {
  await page.goto(studentUrl);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Start designing' }).click();
  await expect(page.getByText(`Working as ${name}`)).toBeVisible();
}

/** Adds a server and a database from the palette, without a pause after the second. */
async function addServerAndDatabase(page: Page) {
  const palette = page.getByRole('complementary', { name: 'Components palette' });
  await palette.getByRole('button', { name: 'Server', exact: true }).click();
  await palette.getByRole('button', { name: 'Database', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
}

test('an instructor publishes a scenario, a student submits, the instructor sees it graded; another student sees none of it', async ({ people }) => {
  const teacher = await people.open();
  await teacher.goto('/teach');
  await teacher.getByLabel('Title').fill('Scale the bookshop');
  await teacher.getByLabel('Brief (Markdown)').fill('## Your task\n\nServe **100,000** readers at stage 3.');
  // Stage 3 is chosen by default; allow a small palette.
  await teacher.getByRole('button', { name: 'Clear' }).click();
  for (const kind of ['Load balancer', 'App server', 'Database']) await teacher.getByRole('checkbox', { name: kind, exact: true }).check();

  const start = teacher.getByRole('group', { name: 'Starting design' });
  await start.getByRole('button', { name: 'Paste JSON' }).click();
  await start.getByLabel('Design JSON').fill(JSON.stringify(startingDesign));
  await start.getByRole('button', { name: 'Use this JSON' }).click();
  await expect(start.getByText('Class starting point')).toBeVisible();
  await start.getByRole('checkbox', { name: /Users \(users\)/ }).check();
  await start.getByRole('checkbox', { name: /Database \(db\)/ }).check();

  const reference = teacher.getByRole('group', { name: 'Reference design' });
  await reference.getByRole('button', { name: 'Paste JSON' }).click();
  await reference.getByLabel('Design JSON').fill(JSON.stringify(referenceDesign));
  await reference.getByRole('button', { name: 'Use this JSON' }).click();

  await teacher.getByRole('button', { name: 'Publish scenario' }).click();
  await expect(teacher.getByRole('heading', { name: 'Published: Scale the bookshop' })).toBeVisible();
  const studentUrl = await teacher.getByLabel('Student link').inputValue();
  const manageUrl = await teacher.getByLabel(/Manage link/).inputValue();
  expect(studentUrl).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
  expect(manageUrl).toMatch(/\/s\/[A-Za-z0-9_-]{22}\/manage#key=[A-Za-z0-9_-]{43}$/);

  // The instructor's dashboard starts empty.
  await teacher.goto(manageUrl);
  await expect(teacher.getByText('No submissions yet — share the student link.')).toBeVisible();

  // Ada, in her own browser, designs and submits.
  const ada = await people.open();
  await joinAs(ada, studentUrl, 'Ada Lovelace');
  await expect(ada.getByRole('heading', { name: 'Your task' })).toBeVisible();
  const palette = ada.getByRole('complementary', { name: 'Components palette' });
  // Kinds the scenario leaves out are not in the palette.
  await expect(palette.getByRole('button', { name: 'Load balancer' })).toBeVisible();
  await expect(palette.getByRole('button', { name: 'Queue' })).toHaveCount(0);
  await expect(palette.getByRole('button', { name: 'Cache' })).toHaveCount(0);
  // The same palette as the sandbox: a search over the allowed kinds only.
  await palette.getByRole('searchbox', { name: 'Search components' }).fill('queue');
  await expect(palette.getByText('No component matches “queue”.')).toBeVisible();
  await palette.getByRole('searchbox', { name: 'Search components' }).fill('');
  await palette.getByRole('button', { name: 'Load balancer' }).click();
  const canvas = ada.getByRole('region', { name: 'Your design' });
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  // A locked node says so on its card, and cannot be deleted: the reason is given instead.
  await expect(canvas.getByRole('group', { name: /^Database/ }).locator('[data-badge="locked"]')).toBeVisible();
  await canvas.getByRole('group', { name: /^Database/ }).click();
  await ada.keyboard.press('Delete');
  await expect(ada.getByText('“Database” is locked by the instructor', { exact: false })).toBeVisible();
  const locked = canvas.getByRole('group', { name: /^Database/ });
  await expect(locked).toBeVisible();
  await expect(canvas.locator('.react-flow__node')).toHaveCount(4);
  // Nor moved: dropped somewhere else, it goes back.
  await ada.getByRole('button', { name: 'Dismiss' }).click();
  await expect(ada.getByText('is locked by the instructor', { exact: false })).toHaveCount(0);
  const before = (await locked.boundingBox())!;
  await ada.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await ada.mouse.down();
  await ada.mouse.move(before.x + 160, before.y + 140, { steps: 8 });
  await ada.mouse.up();
  await expect(ada.getByText('“Database” is locked by the instructor', { exact: false })).toBeVisible();
  await expect.poll(async () => Math.round((await locked.boundingBox())!.y)).toBe(Math.round(before.y));
  await ada.getByRole('button', { name: 'Submit design' }).click();
  await expect(ada.getByText(/Submitted at .*latest submission is the one that counts/)).toBeVisible();
  await expect(ada.getByRole('region', { name: 'Your latest submission' }).getByText(/\/ 100/).first()).toBeVisible();
  await ada.getByRole('tab', { name: 'Submitted (1)' }).click();
  await expect(ada.getByRole('tabpanel').getByText('counts')).toBeVisible();

  // The instructor sees the graded submission and opens it read-only.
  await teacher.getByRole('button', { name: 'Refresh' }).click();
  const row = teacher.getByRole('region', { name: 'Submissions', exact: true }).getByRole('row', { name: /Ada Lovelace/ });
  await expect(row).toBeVisible();
  await expect(row.getByText(/Pass|Fail/)).toBeVisible();
  await row.getByRole('button', { name: /Open/ }).click();
  const detail = teacher.getByRole('region', { name: 'Ada Lovelace' });
  await expect(detail.getByText(/read-only/).first()).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Submitted design (read-only)' })).toBeVisible();
  await expect(detail.getByText('Stage 3: Load balancer, horizontal app tier').first()).toBeVisible();
  await detail.getByRole('button', { name: 'Compare with reference' }).click();
  await expect(detail.getByRole('table', { name: 'Components (instances)' })).toBeVisible();

  // Bob, in another browser, sees the scenario but none of Ada's work…
  const bob = await people.open();
  await joinAs(bob, studentUrl, 'Bob');
  await bob.getByRole('tab', { name: 'Submitted (0)' }).click();
  await expect(bob.getByText('No submissions yet.', { exact: false })).toBeVisible();
  await expect(bob.getByText('Ada Lovelace')).toHaveCount(0);
  // …not through the API with his own token…
  const slug = new URL(studentUrl).pathname.split('/')[2];
  const bobToken = await bob.evaluate((s) => localStorage.getItem(`scalelab:scenario:${s}:token`), slug);
  const own = await bob.request.get(`/api/scenarios/${slug}/me`, { headers: { 'x-student-token': bobToken! } });
  expect((await own.json()).submissions).toEqual([]);
  const asManager = await bob.request.get(`/api/scenarios/${slug}/manage`, { headers: { 'x-manage-key': bobToken! } });
  expect(asManager.status()).toBe(404);
  // …and not through the dashboard without the key.
  await bob.goto(`/s/${slug}/manage`);
  await expect(bob.getByRole('heading', { name: 'This link has no manage key' })).toBeVisible();
  await bob.goto(`/s/${slug}/manage#key=${'A'.repeat(43)}`);
  await expect(bob.getByRole('heading', { name: 'This manage link does not work' })).toBeVisible();
});

test('a resume link brings a student back to their work in another browser', async ({ people, request }) => {
  const created = await createScenario(request, { title: 'Resume me', brief: 'Go.', config: { targets: [{ type: 'stage', stage: 2 }], allowedKinds: ['server', 'database', 'app-server'], scoreVisibility: 'after-release' } });
  const first = await people.open();
  await joinAs(first, created.studentUrl, 'Grace');
  // In the student's voice, not the instructor's form label lower-cased ("after i release them").
  await expect(first.getByText('Scores: after your instructor releases them.')).toBeVisible();
  const resumeUrl = await first.getByLabel('Your personal resume link').inputValue();
  expect(resumeUrl).toContain('#resume=');
  await first.getByRole('complementary', { name: 'Components palette' }).getByRole('button', { name: 'Server', exact: true }).click();
  await first.getByRole('button', { name: 'Submit design' }).click();
  await expect(first.getByText(/will release the scores later/).first()).toBeVisible();

  const later = await people.open();
  await later.goto(resumeUrl);
  await expect(later.getByText('Working as Grace')).toBeVisible();
  // The token left the address bar once it was kept.
  expect(later.url()).not.toContain('resume=');
  await later.getByRole('tab', { name: 'Submitted (1)' }).click();
  await expect(later.getByText('score not released')).toBeVisible();
});

test('a student link to no scenario answers 404 and says what to do', async ({ people }) => {
  const page = await people.open();
  const res = await page.goto('/s/no-such-scenario');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'No scenario at this link' })).toBeVisible();
  await expect(page.getByText('Ask your instructor for the full student link.')).toBeVisible();
  await expect(page).toHaveTitle('Scenario not found · ScaleLab');
});

test('a student’s last change survives a reload made at once', async ({ people, request }) => {
  const created = await createScenario(request, { title: 'Reload me', brief: 'Go.', config: { targets: [{ type: 'stage', stage: 2 }], allowedKinds: ['server', 'database'], scoreVisibility: 'on-submit' } });
  const page = await people.open();
  await joinAs(page, created.studentUrl, 'Lin');
  await addServerAndDatabase(page);
  // No pause: the reload comes before the editor's debounce would have reported the change.
  await page.reload();
  await expect(page.getByText('Working as Lin')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
});

test('a student’s last change survives leaving by a link at once, and Back brings it', async ({ people, request }) => {
  const created = await createScenario(request, { title: 'Leave me', brief: 'Go.', config: { targets: [{ type: 'stage', stage: 2 }], allowedKinds: ['server', 'database'], scoreVisibility: 'on-submit' } });
  const page = await people.open();
  await joinAs(page, created.studentUrl, 'Lin');
  await addServerAndDatabase(page);
  // No pause: the page is left (in the app, without a reload) before the editor's debounce would have reported the change.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await page.goBack();
  await expect(page.getByText('Working as Lin')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
});

test('markup in a brief, a title or a name runs no script anywhere', async ({ people, request }) => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const created = await createScenario(request, {
    title: `Title ${payload}`,
    brief: `# Brief ${payload}\n\n${payload}\n\n[click me](javascript:window.__xss=3)\n\n<svg onload="window.__xss=4"></svg>`,
    config: { targets: [{ type: 'stage', stage: 1 }], allowedKinds: ['server'], scoreVisibility: 'on-submit', leaderboard: true, leaderboardNames: 'full' },
  });
  const student = await people.open();
  await joinAs(student, created.studentUrl, 'Mallory <img src=x onerror="window.__xss=5">');
  await expect(student.getByRole('heading', { level: 1 })).toContainText('Title <img src=x');
  await expect(student.getByRole('link', { name: 'click me' })).toHaveCount(0);
  // An empty canvas is not submitted: give the design a component first.
  await student.getByRole('complementary', { name: 'Components palette' }).getByRole('button', { name: 'Server', exact: true }).click();
  await student.getByRole('button', { name: 'Submit design' }).click();
  await expect(student.getByText(/Submitted at/)).toBeVisible();
  await student.getByRole('tab', { name: 'Leaderboard' }).click();
  await expect(student.getByRole('cell', { name: /Mallory <img/ })).toBeVisible();

  const teacher = await people.open();
  await teacher.goto(created.manageUrl);
  await expect(teacher.getByRole('region', { name: 'Submissions', exact: true }).getByRole('row', { name: /Mallory <img/ })).toBeVisible();
  await teacher.getByText('Brief and rules, as students see them').click();

  for (const page of [student, teacher]) {
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main img[src="x"], main svg[onload]').count()).toBe(0);
  }
});

test('the samples let a new user try both sides at once', async ({ people }) => {
  const teacher = await people.open();
  await teacher.goto('/teach');
  await teacher.getByRole('button', { name: /Manage a copy.*The Daily Byte/ }).click();
  await teacher.waitForURL(/\/manage#key=/);
  await expect(teacher.getByRole('region', { name: 'Submissions', exact: true }).getByRole('row', { name: /Ada \(demo\)/ })).toBeVisible();
  await expect(teacher.getByRole('region', { name: 'Submissions', exact: true }).getByRole('row')).toHaveCount(4);
  const studentUrl = await teacher.getByLabel('Student link').inputValue();

  const student = await people.open();
  await joinAs(student, studentUrl, 'Newcomer');
  // This sample scores live, while the student designs.
  await student.getByRole('tab', { name: 'Score' }).click();
  await expect(student.getByRole('region', { name: 'Score of the design on the canvas' })).toBeVisible();
  await student.getByRole('button', { name: 'Submit design' }).click();
  await expect(student.getByText(/Submitted at/)).toBeVisible();

  await teacher.getByRole('button', { name: 'Refresh' }).click();
  await expect(teacher.getByRole('region', { name: 'Submissions', exact: true }).getByRole('row', { name: /Newcomer/ })).toBeVisible();
});

test('on a phone, each submission’s Open button is on screen without scrolling the table sideways', async ({ people }) => {
  const teacher = await people.open();
  await teacher.setViewportSize({ width: 390, height: 844 });
  await teacher.goto('/teach');
  await teacher.getByRole('button', { name: /Manage a copy.*The Daily Byte/ }).click();
  await teacher.waitForURL(/\/manage#key=/);
  const row = teacher.getByRole('region', { name: 'Submissions', exact: true }).getByRole('row', { name: /Ada \(demo\)/ });
  await expect(row).toBeVisible();
  // Scroll the page (not the table) to the row.
  await row.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 200));
  const open = row.getByRole('button', { name: /Open/ });
  const box = (await open.boundingBox())!;
  expect(box.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge').toBeLessThanOrEqual(390);
  const onTop = await open.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
  expect(onTop, 'Open is the element under its own centre').toBe(true);
  // The Score column scrolls out of sight with the rest of the row: the score rides beside Open.
  const scoreHere = row.getByTestId('score-beside-open');
  await expect(scoreHere).toBeVisible();
  const scoreBox = (await scoreHere.boundingBox())!;
  expect(scoreBox.x, 'score on screen').toBeGreaterThanOrEqual(0);
  expect(scoreBox.x + scoreBox.width, 'score on screen').toBeLessThanOrEqual(390);
  await expect(scoreHere).toHaveText((await row.locator('td').nth(-2).innerText()).trim());
  await open.click();
  await expect(teacher.getByRole('region', { name: 'Ada (demo)' })).toBeVisible();
});

test('a student cannot submit an empty canvas or Users alone, and a design that carries nothing earns nothing for cost', async ({ people, request }) => {
  const created = await createScenario(request, { title: 'Fifty thousand', brief: 'Go.', config: { targets: [{ type: 'users', users: 50_000 }], allowedKinds: ['app-server'], scoreVisibility: 'on-submit' } });
  const student = await people.open();
  await joinAs(student, created.studentUrl, 'Blank');
  const slug: string = created.slug;
  const token = await student.evaluate((s) => localStorage.getItem(`scalelab:scenario:${s}:token`), slug);
  const submissions = async () => (await (await student.request.get(`/api/scenarios/${slug}/me`, { headers: { 'x-student-token': token! } })).json()).submissions;

  await student.getByRole('button', { name: 'Submit design' }).click();
  const refusal = student.getByRole('alert').filter({ hasText: 'Nothing to submit yet' });
  await expect(refusal).toContainText('Nothing to submit yet. The canvas is empty. Add Users and the components that serve them');
  const palette = student.getByRole('complementary', { name: 'Components palette' });
  await palette.getByRole('button', { name: 'Users', exact: true }).click();
  await expect(student.getByRole('region', { name: 'Your design' }).locator('.react-flow__node')).toHaveCount(1);
  await student.getByRole('button', { name: 'Submit design' }).click();
  await expect(refusal).toContainText('Nothing to submit yet. Your design has only Users. Add the components that serve them');
  expect(await submissions()).toEqual([]);
  await expect(student.getByRole('tab', { name: 'Submitted (0)' })).toBeVisible();

  // A lone app server, not connected to the users, is accepted but carries nothing: no credit for being cheap.
  await palette.getByRole('button', { name: 'App server', exact: true }).click();
  await expect(student.getByRole('region', { name: 'Your design' }).locator('.react-flow__node')).toHaveCount(2);
  await student.getByRole('button', { name: 'Submit design' }).click();
  await expect(student.getByText(/Submitted at/)).toBeVisible();
  const latest = student.getByRole('region', { name: 'Your latest submission' });
  await expect(latest.getByText(/cost is judged once the design carries the traffic/)).toBeVisible();
  const [only] = await submissions();
  expect(only.score).toBe(0);
});

test('the teach form names fields as labelled, in their units, and opens the workload section to show its errors', async ({ people }) => {
  const page = await people.open();
  await page.goto('/teach');
  await page.getByLabel('Availability (%)').fill('150');
  await page.getByLabel('Monthly budget (US $)').fill('1e30');
  const workload = page.locator('details#f-workload');
  await workload.locator('summary').click();
  const staticShare = page.getByLabel('Static share of requests (%)');
  await staticShare.fill('150');
  await page.getByLabel('Requests per user per day').fill('abc');
  await workload.locator('summary').click();
  await expect(workload).not.toHaveAttribute('open');

  await page.getByRole('button', { name: 'Publish scenario' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'to publish' });
  // Every problem, top to bottom as the fields appear, in the form's words and units.
  await expect(summary.getByRole('link')).toHaveText([
    'Title must not be empty',
    'Brief must not be empty',
    'Availability must be below 100%',
    'Monthly budget must be at most $1,000,000,000',
    'Requests per user per day must be a number',
    'Static share of requests must be between 0% and 100%',
  ]);
  await expect(summary).not.toContainText('config.');
  await expect(summary).not.toContainText('staticShare');
  // The workload section opened by itself, with the bad inputs marked and explained.
  await expect(workload).toHaveAttribute('open');
  await expect(staticShare).toBeVisible();
  await expect(staticShare).toHaveAttribute('aria-invalid', 'true');
  await expect(staticShare).toHaveAccessibleDescription('Static share of requests must be between 0% and 100%');
  await expect(page.getByLabel('Requests per user per day')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Availability (%)')).toHaveAccessibleDescription('Availability must be below 100%');

  // Collapsed again, following the error link opens it and lands on the field.
  await workload.locator('summary').click();
  await expect(workload).not.toHaveAttribute('open');
  await summary.getByRole('link', { name: 'Static share of requests must be between 0% and 100%' }).click();
  await expect(workload).toHaveAttribute('open');
  await expect(staticShare).toBeFocused();
  await expect(staticShare).toBeInViewport();
});

test('the teach form survives a reload until it is published, and Start over clears it', async ({ people }) => {
  const page = await people.open();
  await page.goto('/teach');
  await page.getByLabel('Title').fill('Scale the bakery');
  await page.getByLabel('Brief (Markdown)').fill('## Your task\n\nServe the morning rush.');
  await page.getByRole('radio', { name: 'Numbers of users' }).check();
  await page.getByLabel('Availability (%)').fill('99.9');
  const start = page.getByRole('group', { name: 'Starting design' });
  await start.getByRole('button', { name: 'Paste JSON' }).click();
  await start.getByLabel('Design JSON').fill(JSON.stringify(startingDesign));
  await start.getByRole('button', { name: 'Use this JSON' }).click();
  await expect(start.getByText('Class starting point')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('Scale the bakery');
  await expect(page.getByText('Your unpublished draft from this browser is back.')).toBeVisible();
  await expect(page.getByLabel('Brief (Markdown)')).toHaveValue('## Your task\n\nServe the morning rush.');
  await expect(page.getByRole('radio', { name: 'Numbers of users' })).toBeChecked();
  await expect(page.getByLabel('Availability (%)')).toHaveValue('99.9');
  await expect(start.getByText('Class starting point')).toBeVisible();

  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await expect(page.getByText('Your unpublished draft from this browser is back.')).toBeHidden();

  // Once published, the draft is gone: the next scenario starts blank.
  await page.getByLabel('Title').fill('Scale the bakery');
  await page.reload();
  await page.getByLabel('Brief (Markdown)').fill('Go.');
  await page.getByRole('button', { name: 'Publish scenario' }).click();
  await expect(page.getByRole('heading', { name: 'Published: Scale the bakery' })).toBeVisible();
  await page.getByRole('button', { name: 'Create another' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await expect(page.getByText('Your unpublished draft from this browser is back.')).toBeHidden();
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await expect(page.getByLabel('Brief (Markdown)')).toHaveValue('');
});

test('when the dashboard cannot refresh, it says so and keeps what it showed', async ({ people, request }) => {
  const created = await createScenario(request, { title: 'Refresh check', brief: 'Go.', config: { targets: [{ type: 'stage', stage: 1 }], allowedKinds: ['server'], scoreVisibility: 'on-submit' } });
  const page = await people.open();
  await page.clock.install({ time: new Date('2026-03-02T10:00:00Z') });
  await page.goto(created.manageUrl);
  await expect(page.getByText('No submissions yet — share the student link.')).toBeVisible();

  // The server goes away mid-session: the next refresh fails.
  await page.route('**/api/scenarios/**', (route) => route.abort('connectionrefused'));
  await page.clock.runFor(15_000);
  const stale = page.getByRole('alert').filter({ hasText: 'could not be refreshed' });
  await expect(stale).toContainText('The server could not be reached.');
  await expect(stale).toContainText('tries again every 15 seconds');
  await expect(page.getByRole('heading', { level: 1, name: 'Refresh check' })).toBeVisible();
  await expect(page.getByText('No submissions yet — share the student link.')).toBeVisible();

  // Back again: the next refresh clears the warning.
  await page.unroute('**/api/scenarios/**');
  await page.clock.runFor(15_000);
  await expect(stale).toBeHidden();
});

test('when the dashboard cannot load at first, it says it will retry and Try again loads it', async ({ people, request }) => {
  const created = await createScenario(request, { title: 'First load check', brief: 'Go.', config: { targets: [{ type: 'stage', stage: 1 }], allowedKinds: ['server'], scoreVisibility: 'on-submit' } });
  const page = await people.open();
  await page.route('**/api/scenarios/**', (route) => route.abort('connectionrefused'));
  await page.goto(created.manageUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'The dashboard could not be loaded' })).toBeVisible();
  await expect(page.getByText('It tries again every 15 seconds while this page is open.')).toBeVisible();
  await page.unroute('**/api/scenarios/**');
  await page.getByRole('button', { name: 'Try again now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'First load check' })).toBeVisible();
});

test('with both design canvases open on the teach form, Delete and Undo act on the one with focus', async ({ people }) => {
  const page = await people.open();
  await page.goto('/teach');
  const start = page.getByRole('group', { name: 'Starting design' });
  const reference = page.getByRole('group', { name: 'Reference design' });
  await start.getByRole('button', { name: 'Draw on a canvas' }).click();
  await reference.getByRole('button', { name: 'Draw on a canvas' }).click();
  await start.getByRole('button', { name: 'Users', exact: true }).click();
  await reference.getByRole('button', { name: 'Users', exact: true }).click();
  await reference.getByRole('button', { name: 'App server', exact: true }).click();
  const startNodes = start.locator('.react-flow__node');
  const referenceNodes = reference.locator('.react-flow__node');
  await expect(startNodes).toHaveCount(1);
  await expect(referenceNodes).toHaveCount(2);

  // A card selected in each; Delete on the reference card removes that one only.
  await startNodes.first().click();
  await referenceNodes.first().click();
  await page.keyboard.press('Delete');
  await expect(referenceNodes).toHaveCount(1);
  await expect(startNodes).toHaveCount(1);

  // Undo there brings it back, and leaves the starting design alone.
  await page.keyboard.press('Control+z');
  await expect(referenceNodes).toHaveCount(2);
  await expect(startNodes).toHaveCount(1);

  await startNodes.first().click();
  await page.keyboard.press('Control+z');
  await expect(startNodes).toHaveCount(0);
  await expect(referenceNodes).toHaveCount(2);
});

test('the dashboard does not scroll sideways on a phone', async ({ people, request }) => {
  // Stage 3's "Failed: Stage 3: Load balancer, horizontal app tier" is the longest Result filter option.
  const created = await createScenario(request, { title: 'Phone check', brief: 'Go.', config: { targets: [{ type: 'stage', stage: 3 }], allowedKinds: ['app-server'], scoreVisibility: 'after-release' } });
  const page = await people.open();
  for (const width of [320, 360, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(created.manageUrl);
    const filter = page.getByLabel('Result');
    await expect(filter).toBeVisible();
    await expect(filter.locator('option', { hasText: 'Failed: Stage 3: Load balancer, horizontal app tier' })).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
    // Every card ends inside the window (at 320 px two stuck out by half a pixel).
    for (const card of await page.locator('main section, main details').all()) {
      const b = await card.boundingBox();
      if (b) expect(b.x + b.width, `a dashboard card inside the ${width} px viewport`).toBeLessThanOrEqual(width);
    }
    const box = (await filter.boundingBox())!;
    expect(box.x + box.width, `Result filter inside the ${width} px viewport`).toBeLessThanOrEqual(width);
    // The instructor reads the setting in their own voice.
    await expect(page.getByText('Students see scores: after you release them')).toBeVisible();
  }
});

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });

  test('the student start page does not scroll sideways and shows every column of the targets', async ({ page }) => {
    await page.goto('/s/sample-scale-out');
    await expect(page.getByLabel('Display name')).toBeVisible();
    // A mobile browser widens its layout viewport to whatever is too wide, so innerWidth is checked against the screen too.
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(widths.inner, 'the page is laid out wider than the screen').toBe(320);
    expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.inner);
    for (const name of ['Target', 'p95 read', 'Availability', 'Budget']) {
      const box = (await page.getByRole('columnheader', { name, exact: true }).boundingBox())!;
      expect(box.x + box.width, `the ${name} column ends on screen`).toBeLessThanOrEqual(320 - 16);
    }
    for (const field of [page.getByLabel('Display name'), page.getByRole('button', { name: 'Start designing' })]) {
      const box = (await field.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
  });
});

test('the teach form fits a phone: every field and design picker stays inside the form', async ({ people }) => {
  const page = await people.open();
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/teach');
    await expect(page.getByRole('group', { name: 'Starting design' })).toBeVisible();
    const outside = await page.evaluate(() => {
      const form = document.querySelector('form')!.getBoundingClientRect();
      return [...document.querySelectorAll('form fieldset, form input, form select, form textarea, form button')]
        .filter((el) => el.getBoundingClientRect().right > form.right + 0.5)
        .map((el) => el.getAttribute('aria-label') ?? el.querySelector('legend')?.textContent ?? el.textContent?.trim());
    });
    expect(outside, `past the form's right edge at ${width} px`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
  }
});

async function seriousViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('no serious or critical axe violations on the teach page, the student page and the dashboard', async ({ people, request }) => {
  const page = await people.open();
  await page.goto('/teach');
  await expect(page.getByRole('heading', { name: 'Share a scenario with your class' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const created = await (await request.post('/api/scenarios/sample-scale-out/copy', { data: {} })).json();
  await page.goto(created.studentUrl);
  await expect(page.getByLabel('Display name')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Display name').fill('Axe');
  await page.getByRole('button', { name: 'Start designing' }).click();
  await page.getByRole('button', { name: 'Submit design' }).click();
  await expect(page.getByText(/Submitted at/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(created.manageUrl);
  await page.getByRole('region', { name: 'Submissions', exact: true }).getByRole('row', { name: /Axe/ }).getByRole('button', { name: /Open/ }).click();
  await expect(page.getByRole('region', { name: 'Axe' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
