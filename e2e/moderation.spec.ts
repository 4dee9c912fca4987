import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { freshCreationLimits } from './rate-limits';

// Its instructors create scenarios: each test starts from a fresh creation count (see e2e/rate-limits.ts).
test.beforeEach(() => freshCreationLimits());

/**
 * An instructor removes a student (with their submissions) from the
 * dashboard, after a confirmation dialog; the student's browser then says
 * why their work is gone.
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

async function classWithTwoStudents(request: APIRequestContext) {
  const res = await request.post('/api/scenarios', {
    data: {
      title: 'Moderation class',
      brief: 'Scale it.',
      config: { targets: [{ type: 'stage', stage: 3 }], allowedKinds: ['load-balancer', 'app-server', 'database'], scoreVisibility: 'on-submit', leaderboard: true, leaderboardNames: 'full' },
    },
  });
  expect(res.status()).toBe(201);
  const created = (await res.json()) as { slug: string; manageUrl: string; studentUrl: string };
  const tokens: Record<string, string> = {};
  for (const name of ['Ada', 'Spammer']) {
    const joined = await request.post(`/api/scenarios/${created.slug}/students`, { data: { displayName: name } });
    expect(joined.status()).toBe(201);
    tokens[name] = ((await joined.json()) as { resumeToken: string }).resumeToken;
    for (let i = 0; i < (name === 'Spammer' ? 2 : 1); i++) {
      const sent = await request.post(`/api/scenarios/${created.slug}/submissions`, { data: { design }, headers: { 'x-student-token': tokens[name] } });
      expect(sent.status()).toBe(201);
    }
  }
  return { ...created, tokens };
}

function row(page: Page, name: string) {
  // The submissions table (the Class panel lists the same names).
  return page
    .getByRole('region', { name: 'Submissions', exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
}

test('an instructor removes a student from the dashboard after confirming; the student is told why', async ({ browser, request }, testInfo) => {
  const c = await classWithTwoStudents(request);
  const student = await (await browser.newContext()).newPage();
  await student.goto(`${c.studentUrl}#resume=${c.tokens.Spammer}`);
  await expect(student.getByText('Working as Spammer')).toBeVisible();

  const teacher = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await teacher.goto(c.manageUrl);
  await expect(teacher.getByText('2 students · 3 submissions')).toBeVisible();

  // Cancel removes nothing.
  await row(teacher, 'Spammer').getByRole('button', { name: /^Remove…/ }).click();
  const dialog = teacher.getByRole('dialog', { name: 'Remove Spammer’s work?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Remove this submission' })).toBeVisible();
  await expect(dialog).toContainText('Or remove Spammer from the scenario with all 2 submissions');
  await teacher.screenshot({ path: testInfo.outputPath('dialog-wide.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(teacher.getByText('2 students · 3 submissions')).toBeVisible();

  // Remove the student.
  await row(teacher, 'Spammer').getByRole('button', { name: /^Remove…/ }).click();
  await dialog.getByRole('button', { name: 'Remove Spammer and all their submissions' }).click();
  await expect(teacher.getByRole('status')).toContainText('Spammer was removed with 2 submissions; their resume link no longer works.');
  await expect(teacher.getByText('1 student · 1 submission')).toBeVisible();
  await expect(row(teacher, 'Spammer')).toHaveCount(0);
  await expect(row(teacher, 'Ada')).toHaveCount(1);
  await teacher.screenshot({ path: testInfo.outputPath('after-wide.png'), fullPage: true });

  // The removed student's browser says why on its next load; the leaderboard no longer lists them.
  await student.reload();
  await expect(student.getByText(/Your instructor removed you from this scenario, with your submissions/)).toBeVisible();
  await expect(student.getByLabel('Display name')).toBeVisible();
  const board = await (await request.get(`/api/scenarios/${c.slug}/leaderboard`)).json();
  expect((board as { entries: { displayName: string }[] }).entries.map((e) => e.displayName)).toEqual(['Ada']);
});

test('on a phone, the Remove button and its dialog fit the screen, and removing one submission keeps the student', async ({ browser, request }, testInfo) => {
  const c = await classWithTwoStudents(request);
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto(c.manageUrl);
  const spammer = row(phone, 'Spammer');
  // Scroll the page (not the table) to the row: Remove is on screen beside Open, without scrolling sideways.
  await spammer.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 200));
  const remove = spammer.getByRole('button', { name: /^Remove…/ });
  const at = (await remove.boundingBox())!;
  expect(at.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(at.x + at.width, 'right edge').toBeLessThanOrEqual(390);
  const onTop = await remove.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
  expect(onTop, 'Remove is the element under its own centre').toBe(true);
  await remove.click();
  const dialog = phone.getByRole('dialog', { name: 'Remove Spammer’s work?' });
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: testInfo.outputPath('dialog-narrow.png') });
  await dialog.getByRole('button', { name: 'Remove this submission' }).click();
  await expect(phone.getByRole('status')).toContainText('Spammer’s submission from');
  await expect(phone.getByText('2 students · 2 submissions')).toBeVisible();
  await expect(row(phone, 'Spammer')).toHaveCount(1);
});

test('a public sample says its leaderboard shows the demo students and you, and a stranger’s work is not on it', async ({ browser, request }) => {
  const joined = await request.post('/api/scenarios/sample-daily-byte/students', { data: { displayName: 'Stranger graffiti' } });
  expect(joined.status()).toBe(201);
  const sample = (await (await request.get('/api/scenarios/sample-daily-byte')).json()) as { startingDesign: unknown };
  const token = ((await joined.json()) as { resumeToken: string }).resumeToken;
  expect((await request.post('/api/scenarios/sample-daily-byte/submissions', { data: { design: sample.startingDesign }, headers: { 'x-student-token': token } })).status()).toBe(201);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/s/sample-daily-byte');
  await visitor.getByLabel('Display name').fill('Visitor');
  await visitor.getByRole('button', { name: 'Start designing' }).click();
  await expect(visitor.getByText('Working as Visitor')).toBeVisible();
  await visitor.getByRole('tab', { name: 'Leaderboard' }).click();
  await expect(visitor.getByTestId('leaderboard-note')).toContainText('This is a public sample: its leaderboard shows the demo students and you, never other visitors');
  await expect(visitor.getByRole('cell', { name: 'Ada (demo)' })).toBeVisible();
  await expect(visitor.getByText('Stranger graffiti')).toHaveCount(0);

  await visitor.goto('/teach');
  await expect(visitor.getByText(/what you submit to one is shown to you alone .* deleted after 24 hours/)).toBeVisible();
});
