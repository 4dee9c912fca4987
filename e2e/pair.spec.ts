import type { Page } from '@playwright/test';
import { expect, test, SandboxPage } from './fixtures';

async function seriousViolations(page: Page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Whether the page scrolls sideways at a phone's width. */
async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 720 });
  return width <= 390;
}

/**
 * A pair interview in two browsers (two contexts: nothing shared but the
 * server): the interviewer starts it from the problem's setup, the
 * candidate opens their link; the candidate's answers and canvas appear on
 * the interviewer's side within 2 s with the model's numbers, the
 * interviewer throws a curveball the candidate sees and scores a rubric
 * line, and a reload of either side keeps everything.
 */
test('a pair interview between two browsers', async ({ browser }) => {
  test.setTimeout(120_000);
  const interviewerContext = await browser.newContext();
  const candidateContext = await browser.newContext();
  const iv = await interviewerContext.newPage();
  const cd = await candidateContext.newPage();

  // The interviewer starts it from the problem's setup page and gets the two links.
  await iv.goto('/interview/url-shortener');
  await iv.getByRole('button', { name: 'Start a pair interview' }).click();
  const candidateUrl = await iv.getByLabel("Candidate's link").inputValue();
  expect(candidateUrl).toMatch(/\/interview\/pair\/[\w-]+\/candidate#token=[\w-]+$/);
  await expect(iv.getByLabel('Your interviewer link')).toHaveValue(/#key=/);
  await iv.getByRole('link', { name: "Open the interviewer's view" }).click();
  await expect(iv.getByText('Pair interview · Interviewer')).toBeVisible();
  await expect(iv.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  await cd.goto(candidateUrl);
  await expect(cd.getByText('Pair interview · Candidate')).toBeVisible();
  await expect(cd.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  // The candidate's requirements appear on the interviewer's side as they are typed.
  // Asked in the candidate's own words, as in the solo mock.
  await cd.getByLabel('Your question').fill('Will short links ever expire?');
  await cd.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(cd.getByRole('list', { name: 'Questions and answers' })).toContainText('Will short links ever expire?');
  await cd.getByLabel(/Notes are not scored/).fill('Create a short link\nRedirect fast: p95 under 100 ms');
  await expect(iv.getByTestId('pair-notes')).toHaveText('Create a short link\nRedirect fast: p95 under 100 ms', { timeout: 2000 });
  await expect(iv.getByText(/^1 of \d+ questions asked$/)).toBeVisible();

  // On to the design; the interviewer sees which phase the candidate is in.
  await cd.getByRole('button', { name: 'Next: estimation' }).click();
  await cd.getByRole('button', { name: 'Skip to entities & API' }).click();
  // The candidate's entities and endpoints reach the interviewer as they are written.
  await cd.getByRole('button', { name: '+ Add an entity' }).click();
  await cd.getByLabel('Entity name').last().fill('Link');
  await cd.getByRole('button', { name: '+ Add an endpoint' }).click();
  await cd.getByLabel('Method of endpoint 1').selectOption('POST');
  await cd.getByLabel('Path of endpoint 1').fill('/links');
  const ivApi = iv.getByTestId('pair-api');
  await expect(ivApi).toContainText('Link', { timeout: 2000 });
  await expect(ivApi).toContainText('POST /links', { timeout: 2000 });
  await cd.getByRole('button', { name: 'Next: design' }).click();
  await expect(iv.getByText('Now on:')).toContainText('Design');
  const canvas = new SandboxPage(cd);
  await expect(canvas.canvas).toHaveAttribute('data-hydrated', 'true');
  const design = iv.getByTestId('pair-design');
  await expect(design).toHaveAttribute('data-nodes', '1');

  // The candidate adds a component: the interviewer has it within 2 s, with the model's numbers.
  await canvas.palette.getByRole('button', { name: 'App server', exact: true }).click();
  await expect(canvas.nodes).toHaveCount(2);
  const added = Date.now();
  await expect(design).toHaveAttribute('data-nodes', '2', { timeout: 2000 });
  const delay = Date.now() - added;
  console.log(`pair: the interviewer saw the new component ${delay} ms after it was added`);
  await expect(design.getByText('App server').first()).toBeVisible();
  // Both see the same live check from the engine, line for line.
  await cd.getByRole('tab', { name: 'Interview' }).click();
  const ivChecks = iv.getByRole('region', { name: "The model's numbers" }).getByRole('listitem');
  const cdChecks = cd.getByRole('complementary', { name: 'Interview' }).getByRole('heading', { name: 'Live check' }).locator('xpath=../..').getByRole('listitem');
  await expect(ivChecks.first()).toBeVisible();
  await expect.poll(async () => (await ivChecks.allInnerTexts()).join('|')).toBe((await cdChecks.allInnerTexts()).join('|'));
  expect((await ivChecks.allInnerTexts()).join(' ')).toMatch(/\d/);

  // The interviewer throws a curveball when they choose; the candidate sees it at once.
  const curveball = iv.getByRole('button', { name: /^Deliver now: / }).first();
  const title = (await curveball.getAttribute('aria-label'))!.replace('Deliver now: ', '');
  await curveball.click();
  const dialog = cd.getByRole('dialog', { name: `Curveball: ${title}` });
  await expect(dialog).toBeVisible({ timeout: 2000 });
  await dialog.getByRole('button', { name: 'Back to my design' }).click();
  await expect(iv.getByText(/min in · read/)).toBeVisible();

  // The interviewer scores a rubric line beside the model's points, and keeps private notes.
  const capacity = iv.getByLabel(/Your score for Capacity at target scale/);
  await capacity.fill('12');
  await expect(iv.getByText(/^Interviewer 12 \(1 of \d+ lines\)/)).toBeVisible();
  await iv.getByLabel(/Only you see these/).fill('Did not ask about read/write ratio');
  await expect(iv.getByText('Saved', { exact: true })).toBeVisible();
  // …and cannot be changed from the candidate's side: its token is refused for a score.
  const refused = await cd.evaluate(async () => {
    const token = new URLSearchParams(location.hash.slice(1)).get('token')!;
    const id = location.pathname.split('/')[3];
    const res = await fetch(`/api/pair/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-pair-token': token }, body: JSON.stringify({ interviewerNotes: 'mine' }) });
    return res.status;
  });
  expect(refused).toBe(403);

  expect(await seriousViolations(iv)).toEqual([]);
  expect(await seriousViolations(cd)).toEqual([]);
  expect(await fitsPhone(iv)).toBe(true);

  // A reload of either side keeps everything.
  await cd.waitForFunction(() => !document.body.textContent?.includes('sending…'));
  await iv.reload();
  await cd.reload();
  await expect(iv.getByTestId('pair-design')).toHaveAttribute('data-nodes', '2');
  await expect(iv.getByTestId('pair-notes')).toContainText('Redirect fast');
  await expect(iv.getByLabel(/Your score for Capacity at target scale/)).toHaveValue('12');
  await expect(iv.getByLabel(/Only you see these/)).toHaveValue('Did not ask about read/write ratio');
  await expect(iv.getByText(/min in · read/)).toBeVisible();
  await expect(canvas.canvas).toHaveAttribute('data-hydrated', 'true');
  await expect(canvas.nodes).toHaveCount(2);
  await expect(cd.getByRole('dialog')).toHaveCount(0);
  await expect(cd.getByRole('complementary', { name: 'Interview' }).getByText(title)).toBeVisible();
  // The candidate never receives the interviewer's notes.
  expect(await cd.content()).not.toContain('read/write ratio');

  // After the reload the two stay live: a second component reaches the interviewer.
  await canvas.palette.getByRole('button', { name: 'Database', exact: true }).click();
  await expect(iv.getByTestId('pair-design')).toHaveAttribute('data-nodes', '3', { timeout: 2000 });

  // The interviewer ends it: both see the review with the interviewer's score beside the model's.
  await iv.getByRole('button', { name: 'End the interview' }).click();
  await iv.getByRole('dialog', { name: 'End the interview?' }).getByRole('button', { name: 'End it' }).click();
  await expect(iv.getByText('The interview has ended')).toBeVisible();
  await expect(cd.getByText('The interview has ended')).toBeVisible({ timeout: 2000 });
  await expect(cd.getByRole('region', { name: "The interviewer's scores" }).getByRole('listitem').filter({ hasText: 'Capacity at target scale' })).toContainText('12');
  expect(await cd.content()).not.toContain('read/write ratio');
  expect(await seriousViolations(iv)).toEqual([]);
  expect(await seriousViolations(cd)).toEqual([]);
  expect(await fitsPhone(cd)).toBe(true);

  await interviewerContext.close();
  await candidateContext.close();
});
