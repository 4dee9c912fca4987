import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Page, type TestInfo } from '@playwright/test';
import { freshCreationLimits } from './rate-limits';

// Its instructors create scenarios: each test starts from a fresh creation count (see e2e/rate-limits.ts).
test.beforeEach(() => freshCreationLimits());

/**
 * A class meeting with several students: the instructor pastes the class
 * list, one student joins by personal link and one by the class code, the
 * dashboard shows who never joined; names are unique; "Not you?" on a shared
 * computer; a teaching assistant's key works until revoked; late work is
 * flagged; the leaderboard shows initials.
 */

const design = {
  schemaVersion: 1,
  name: 'Two servers',
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 80 } },
    { id: 'lb', kind: 'load-balancer', position: { x: 220, y: 80 } },
    { id: 'app', kind: 'app-server', params: { instances: 2, stateless: true }, position: { x: 440, y: 80 } },
    { id: 'db', kind: 'database', position: { x: 660, y: 80 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'db' },
  ],
};

async function newClass(request: APIRequestContext, config: Record<string, unknown> = {}) {
  const res = await request.post('/api/scenarios', {
    data: {
      title: 'Scale the shop, section A',
      brief: 'Serve the shop at stage 3.',
      config: {
        targets: [{ type: 'stage', stage: 3 }],
        allowedKinds: ['load-balancer', 'app-server', 'database'],
        startingDesign: design,
        scoreVisibility: 'on-submit',
        leaderboard: true,
        ...config,
      },
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { slug: string; manageUrl: string; studentUrl: string; manageKey: string };
}

/** Screenshots go to E2E_SHOTS when set (to look at them), else to the test's output folder. */
function shot(testInfo: TestInfo, name: string) {
  return process.env.E2E_SHOTS ? path.join(process.env.E2E_SHOTS, name) : testInfo.outputPath(name);
}

async function page(browser: Browser, width = 1440, height = 900): Promise<Page> {
  const phone = width < 600 ? { isMobile: true, hasTouch: true } : {};
  return (await browser.newContext({ viewport: { width, height }, ...phone })).newPage();
}

function classRow(p: Page, name: string) {
  return p.getByTestId('class-row').filter({ has: p.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
}

async function submitOnPage(p: Page) {
  await p.getByRole('button', { name: /^Submit (design|again)$/ }).click();
  await expect(p.getByText(/^Submitted at /)).toBeVisible();
}

test('the instructor pastes a class list; one student joins by link, one by class code; the dashboard shows who never joined; the leaderboard shows initials', async ({ browser, request }, testInfo) => {
  const c = await newClass(request);
  const teacher = await page(browser);
  await teacher.goto(`${c.manageUrl}&tab=roster`);
  const panel = teacher.getByRole('region', { name: 'Class', exact: true });
  await expect(panel.getByText('Nobody yet.')).toBeVisible();

  // A bad line is named and nothing is added.
  await panel.getByLabel('Add students to the class list').fill('Ava Smith\nBen Ode <ben@school>\nCleo Park');
  await panel.getByRole('button', { name: 'Add to the class list' }).click();
  await expect(panel.getByRole('alert')).toContainText('line 2 (“Ben Ode <ben@school>”) “ben@school” is not an email address');
  await expect(panel.getByText('Nobody yet.')).toBeVisible();

  await panel.getByLabel('Add students to the class list').fill('Ava Smith\nBen Ode <ben@school.edu>\nCleo Park\nava smith');
  await expect(panel.getByText('3 students, 1 repeated line left out')).toBeVisible();
  await panel.getByRole('button', { name: 'Add to the class list' }).click();
  const added = panel.getByTestId('added-links');
  await expect(added).toContainText('3 added.');
  await expect(added).toContainText('line 4 (“ava smith”) repeats line 1');
  const avaLink = await added.getByLabel('Ava Smith’s personal join link').inputValue();
  expect(avaLink).toMatch(new RegExp(`/s/${c.slug}#join=`));

  await panel.getByRole('button', { name: 'Turn on a class code' }).click();
  const code = (await panel.getByTestId('class-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(panel.getByTestId('class-counts')).toHaveText('3 on the list · 3 not joined · 0 joined, no submission · 0 submitted · 0 late');
  await panel.screenshot({ path: shot(testInfo, 'class-panel-1440.png') });

  // Ava opens her personal link: she is herself at once.
  const ava = await page(browser);
  await ava.goto(avaLink);
  await expect(ava.getByText('Working as Ava Smith')).toBeVisible();
  expect(new URL(ava.url()).hash).toBe('');

  // Ben types the class code and his email.
  const ben = await page(browser, 390, 844);
  await ben.goto(c.studentUrl);
  await ben.getByLabel('Your name or email').fill('ben@school.edu');
  await ben.getByLabel(/^Class code/).fill('WRONG-CODE');
  await ben.getByRole('button', { name: 'Start designing' }).click();
  await expect(ben.locator('form').getByRole('alert')).toContainText('That class code is not right');
  await ben.getByLabel(/^Class code/).fill(code.toLowerCase());
  await ben.screenshot({ path: shot(testInfo, 'student-join-390.png') });
  await ben.getByRole('button', { name: 'Start designing' }).click();
  await expect(ben.getByText('Working as Ben Ode')).toBeVisible();

  // Someone else cannot take a name on the list without its link or the code.
  const other = await page(browser);
  await other.goto(c.studentUrl);
  await other.getByLabel('Your name or email').fill('cleo park');
  await other.getByRole('button', { name: 'Start designing' }).click();
  await expect(other.locator('form').getByRole('alert')).toContainText('“Cleo Park” is on the class list: join with the personal link your instructor sent you, or enter the class code');

  await submitOnPage(ava);
  await submitOnPage(ben);

  await teacher.getByRole('button', { name: 'Refresh' }).click();
  await expect(classRow(teacher, 'Ava Smith')).toContainText('Submitted');
  await expect(classRow(teacher, 'Ben Ode')).toContainText('Submitted');
  await expect(classRow(teacher, 'Cleo Park')).toContainText('Not joined');
  await expect(panel.getByTestId('class-counts')).toHaveText('3 on the list · 1 not joined · 0 joined, no submission · 2 submitted · 0 late');
  await panel.screenshot({ path: shot(testInfo, 'class-panel-after-1440.png') });
  await teacher.screenshot({ path: shot(testInfo, 'dashboard-1440.png'), fullPage: true });

  // The leaderboard shows initials (the default), never the full names.
  await ava.getByRole('tab', { name: 'Leaderboard' }).click();
  const board = ava.getByRole('tabpanel');
  await expect(board.getByRole('row')).toHaveCount(3);
  await expect(board).toContainText('A. S.');
  await expect(board).toContainText('B. O.');
  await expect(board).not.toContainText('Ben Ode');
  await expect(board).not.toContainText('Ava Smith');
  await ava.screenshot({ path: shot(testInfo, 'student-leaderboard-1440.png') });
  const api = (await (await request.get(`/api/scenarios/${c.slug}/leaderboard`)).text());
  expect(api).not.toContain('Smith');

  const phone = await page(browser, 390, 844);
  await phone.goto(`${c.manageUrl}&tab=roster`);
  await expect(classRow(phone, 'Cleo Park')).toContainText('Not joined');
  await phone.getByRole('region', { name: 'Class', exact: true }).scrollIntoViewIfNeeded();
  await phone.screenshot({ path: shot(testInfo, 'dashboard-390.png'), fullPage: true });
  const box = (await phone.getByRole('region', { name: 'Class', exact: true }).boundingBox())!;
  expect(box.x + box.width, 'the Class panel fits a phone').toBeLessThanOrEqual(390);
  // Nothing sticks out sideways but what scrolls inside its own table.
  const outside = await phone.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.overflow-x-auto') && getComputedStyle(el).position !== 'fixed')
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} ${el.textContent?.slice(0, 30)}`)
      .slice(0, 5),
  );
  expect(outside).toEqual([]);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth), 'the dashboard does not scroll sideways').toBeLessThanOrEqual(390);
});

test('"Not you?" on a shared computer lets a second student join without touching the first one’s work; names cannot repeat', async ({ browser, request }, testInfo) => {
  const c = await newClass(request);
  const shared = await page(browser);
  await shared.goto(c.studentUrl);
  await shared.getByLabel('Display name').fill('Dana Lee');
  await shared.getByRole('button', { name: 'Start designing' }).click();
  await expect(shared.getByText('Working as Dana Lee')).toBeVisible();
  await submitOnPage(shared);
  const danaToken = await shared.evaluate((slug) => localStorage.getItem(`scalelab:scenario:${slug}:token`), c.slug);
  expect(danaToken).toBeTruthy();

  // Eli sits down at the same computer.
  await shared.getByRole('button', { name: 'Not you?' }).click();
  const dialog = shared.getByRole('dialog', { name: 'Not Dana Lee?' });
  await expect(dialog).toContainText('keeps everything Dana Lee submitted safe on the server');
  await shared.screenshot({ path: shot(testInfo, 'student-not-you-1440.png') });
  await dialog.getByRole('button', { name: 'Sign Dana Lee out of this browser' }).click();
  await expect(shared.getByLabel('Display name')).toBeVisible();

  // Dana's name is hers: a clash is refused with a clear message.
  await shared.getByLabel('Display name').fill('dana  LEE');
  await shared.getByRole('button', { name: 'Start designing' }).click();
  await expect(shared.locator('form').getByRole('alert')).toContainText('Someone in this scenario already uses the name “dana  LEE”');
  await shared.getByLabel('Display name').fill('Eli Moss');
  await shared.getByRole('button', { name: 'Start designing' }).click();
  await expect(shared.getByText('Working as Eli Moss')).toBeVisible();
  await expect(shared.getByRole('tab', { name: 'Submitted (0)' })).toBeVisible();
  await shared.screenshot({ path: shot(testInfo, 'student-workspace-1440.png') });

  // Dana's work is untouched; her token still opens it.
  const dana = await request.get(`/api/scenarios/${c.slug}/me`, { headers: { 'x-student-token': danaToken! } });
  expect(dana.status()).toBe(200);
  expect(((await dana.json()) as { submissions: unknown[] }).submissions).toHaveLength(1);

  const phone = await page(browser, 390, 844);
  await phone.goto(`${c.studentUrl}#resume=${danaToken}`);
  await expect(phone.getByText('Working as Dana Lee')).toBeVisible();
  await phone.screenshot({ path: shot(testInfo, 'student-workspace-390.png') });
});

test('a teaching assistant’s key opens the dashboard until the owner revokes it; then it is refused', async ({ browser, request }, testInfo) => {
  const c = await newClass(request);
  const owner = await page(browser);
  await owner.goto(`${c.manageUrl}&tab=roster`);
  const access = owner.getByRole('region', { name: 'Co-instructors', exact: true });
  await access.getByRole('button', { name: 'Create key' }).click();
  await expect(access.getByRole('alert')).toContainText('Name whose key this is');
  await access.getByLabel('Give a teaching assistant their own manage link').fill('TA Priya');
  await access.getByRole('button', { name: 'Create key' }).click();
  const link = await access.getByLabel('TA Priya’s manage link').inputValue();
  expect(link).toContain(`/s/${c.slug}/manage#key=`);
  expect(link).not.toContain(c.manageKey);

  const ta = await page(browser);
  await ta.goto(`${link}&tab=roster`);
  await expect(ta.getByRole('heading', { name: 'Scale the shop, section A' })).toBeVisible();
  await expect(ta.getByTestId('signed-in-as')).toContainText('co-instructor key “TA Priya”');
  await expect(ta.getByRole('region', { name: 'Class', exact: true })).toBeVisible();
  await expect(ta.getByRole('button', { name: 'Create key' })).toHaveCount(0);
  // Settings: the owner's own key and the scenario's deletion are not a teaching assistant's to use.
  await ta.getByRole('tab', { name: 'Settings' }).click();
  await expect(ta.getByRole('button', { name: 'Close submissions' })).toBeVisible();
  await expect(ta.getByRole('button', { name: 'Replace the manage key' })).toBeHidden();
  await expect(ta.getByRole('button', { name: 'Delete scenario' })).toBeHidden();

  await owner.reload();
  const row = access.getByTestId('key-row').filter({ hasText: 'TA Priya' });
  await expect(row).toContainText('last used');
  await access.screenshot({ path: shot(testInfo, 'access-panel-1440.png') });
  await row.getByRole('button', { name: /^Revoke/ }).click();
  await owner.getByRole('dialog', { name: 'Revoke TA Priya’s key?' }).getByRole('button', { name: 'Revoke the key' }).click();
  await expect(access.getByRole('status')).toContainText('TA Priya’s key is revoked');
  await expect(row).toContainText('revoked');

  await ta.reload();
  await expect(ta.getByRole('heading', { name: 'This manage link does not work' })).toBeVisible();
  await expect(ta.getByText(/This manage key was revoked by the scenario’s owner/)).toBeVisible();
  const refused = await request.get(`/api/scenarios/${c.slug}/manage`, { headers: { 'x-manage-key': new URL(link).hash.slice(5) } });
  expect(refused.status()).toBe(403);

  const phone = await page(browser, 390, 844);
  await phone.goto(`${c.manageUrl}&tab=roster`);
  await phone.getByRole('region', { name: 'Co-instructors', exact: true }).scrollIntoViewIfNeeded();
  await phone.getByRole('region', { name: 'Co-instructors', exact: true }).screenshot({ path: shot(testInfo, 'access-panel-390.png') });
});

test('after the deadline, with "accept and flag late", a submission is flagged late for the student and on the dashboard; an extension keeps another on time', async ({ browser, request }, testInfo) => {
  const past = new Date(Date.now() - 3600_000).toISOString();
  const c = await newClass(request, { deadline: past, latePolicy: 'accept' });
  const teacher = await page(browser);
  await teacher.goto(`${c.manageUrl}&tab=roster`);
  const panel = teacher.getByRole('region', { name: 'Class', exact: true });
  await panel.getByLabel('Add students to the class list').fill('Fay Ito\nGus Roy');
  await panel.getByRole('button', { name: 'Add to the class list' }).click();
  const fay = await panel.getByTestId('added-links').getByLabel('Fay Ito’s personal join link').inputValue();
  const gus = await panel.getByTestId('added-links').getByLabel('Gus Roy’s personal join link').inputValue();

  // Gus gets an extension.
  await classRow(teacher, 'Gus Roy').getByRole('button', { name: 'Extension for Gus Roy' }).click();
  const tomorrow = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await teacher.getByLabel('Gus Roy’s own deadline').fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T12:00`);
  await teacher.getByRole('button', { name: 'Save extension' }).click();
  await expect(classRow(teacher, 'Gus Roy')).toContainText('extended');

  const student = await page(browser);
  await student.goto(fay);
  await expect(student.getByText('Working as Fay Ito')).toBeVisible();
  await expect(student.getByText('Your deadline has passed. You can still submit, but your instructor sees the submission marked late.')).toBeVisible();
  await submitOnPage(student);
  await student.getByRole('tab', { name: 'Submitted (1)' }).click();
  await expect(student.getByRole('tabpanel').getByText('late', { exact: true })).toBeVisible();
  await student.screenshot({ path: shot(testInfo, 'student-late-1440.png') });

  const other = await page(browser);
  await other.goto(gus);
  await expect(other.getByText(/Your instructor extended your deadline/)).toBeVisible();
  await submitOnPage(other);

  await teacher.getByRole('button', { name: 'Refresh' }).click();
  await expect(classRow(teacher, 'Fay Ito')).toContainText('Submitted late');
  await expect(classRow(teacher, 'Gus Roy')).toContainText(/Submitted(?! late)/);
  await teacher.getByRole('tab', { name: 'Submissions' }).click();
  const subs = teacher.getByRole('region', { name: 'Submissions', exact: true });
  await expect(subs.getByRole('rowheader', { name: /^Fay Ito/ })).toContainText('late');
  await expect(subs.getByRole('rowheader', { name: /^Gus Roy/ })).not.toContainText('late');
  await teacher.screenshot({ path: shot(testInfo, 'dashboard-late-1440.png'), fullPage: true });
});
