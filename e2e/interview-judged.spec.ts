import type { Page } from '@playwright/test';
import { expect, test, SandboxPage } from './fixtures';

/**
 * The interview judged by the model rather than by keywords (issue 21):
 * requirements found by asking in one's own words, hidden ones never on the
 * page before they are asked for, the keyword stuffing scoring
 * nothing, and a deep-dive question about the candidate's own design
 * answered and checked by the engine.
 */

/** Hidden Pastebin requirements and the answers that reveal them: none may reach the page unasked. */
const HIDDEN = [
  'expires after the time its author chooses',
  'reachable only by their unguessable link',
  'A paste is at most 1 MB',
  'ten minutes, a day, a month or a year',
  'Up to 1 MB. Most are about 10 KB',
];

async function openFresh(page: Page, problemId: string) {
  await page.clock.install({ time: new Date('2026-03-02T10:00:00Z') });
  await page.goto(`/interview/${problemId}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

/** Everything the browser holds of the mock: the page as rendered, the stored attempt, and the page as served. */
async function everythingVisible(page: Page): Promise<string> {
  const served = await (await page.request.get('/interview/pastebin')).text();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  return `${await page.content()}\n${stored}\n${served}`;
}

async function ask(page: Page, question: string) {
  await page.getByLabel('Your question').fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Questions and answers' })).toContainText(question);
}

test('a candidate who asks nothing never has hidden requirement text on the page or in storage', async ({ page }) => {
  test.setTimeout(90_000);
  await openFresh(page, 'pastebin');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  for (const step of ['requirements', 'estimation', 'api', 'design', 'deepdive', 'tradeoffs']) {
    if (step === 'estimation') await page.getByRole('button', { name: 'Next: estimation' }).click();
    if (step === 'api') await page.getByRole('button', { name: 'Skip to entities & API' }).click();
    if (step === 'design') {
      await page.getByRole('button', { name: 'Next: design' }).click();
      await expect(new SandboxPage(page).canvas).toHaveAttribute('data-hydrated', 'true');
    }
    if (step === 'deepdive') {
      await page.getByRole('button', { name: 'Next: deep dive' }).click();
      await page.getByRole('button', { name: 'Next change' }).click();
      await page.getByRole('button', { name: 'Continue to deep dive' }).click();
    }
    if (step === 'tradeoffs') await page.getByRole('button', { name: 'Next: trade-offs' }).click();
    await expect(page.locator(`[data-phase="${step}"]`)).toBeVisible();
    const all = await everythingVisible(page);
    for (const text of HIDDEN) expect(all, `${step}: ${text}`).not.toContain(text);
  }
});

test('asking in one’s own words reveals a requirement; keyword stuffing scores nothing; a deep-dive answer is checked', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openFresh(page, 'pastebin');
  await expect(page.getByRole('radio', { name: /Blind/ })).toBeChecked();
  await page.getByRole('button', { name: 'Start the interview' }).click();

  // No list of questions to pick from: a box to type in.
  await expect(page.getByRole('button', { name: /^Ask: / })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /expires/ })).toHaveCount(0);

  // A paraphrase finds the interviewer's answer, and the requirement it reveals joins the list, in scope.
  await ask(page, 'Do pastes expire at some point?');
  const qa = page.getByRole('list', { name: 'Questions and answers' });
  await expect(qa).toContainText('The author chooses: ten minutes, a day, a month or a year.');
  await expect(qa).toContainText('New requirement: A paste expires after the time its author chooses');
  const requirements = page.getByRole('list', { name: 'Requirements' });
  await expect(
    requirements.getByRole('checkbox', { name: /A paste expires after the time its author chooses/ }),
  ).toBeChecked();

  // Something the interviewer has nothing on, and the keyword list typed as a question: no answer, no requirement.
  await ask(page, 'Which database should I use?');
  await expect(qa.getByRole('listitem').nth(1)).toContainText('The interviewer doesn’t have more to say on that.');
  await ask(page, 'create read expire private limit fast availability cdn');
  await expect(qa.getByRole('listitem').nth(2)).toContainText('That reads as a statement.');
  await expect(page.getByText(/unguessable link/)).toHaveCount(0);
  await expect(page.getByText(/at most 1 MB/)).toHaveCount(0);

  // Asked questions survive a reload.
  await page.reload();
  await expect(qa.getByRole('listitem')).toHaveCount(3);
  await expect(requirements.getByRole('checkbox', { name: /A paste expires/ })).toBeChecked();

  // The notes: keywords, nothing asked about the other hidden requirements.
  await page.getByLabel(/Assumptions and scope/).fill('create read expire private limit fast availability cdn');
  await page.getByRole('button', { name: 'Next: estimation' }).click();
  await page.getByRole('button', { name: 'Skip to entities & API' }).click();
  await page.getByRole('button', { name: 'Next: design' }).click();

  // A small design: load balancer → app servers → database.
  const canvas = new SandboxPage(page);
  await expect(canvas.canvas).toHaveAttribute('data-hydrated', 'true');
  for (const kind of ['Load balancer', 'App server', 'Database'])
    await canvas.palette.getByRole('button', { name: kind, exact: true }).click();
  await canvas.toolbar.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForTimeout(500);
  await canvas.connect('Users', 'Load balancer');
  await canvas.connect('Load balancer', 'App server');
  await canvas.connect('App server', 'Database');
  await expect(canvas.edges).toHaveCount(3);

  // The deep dive asks about this design; the first answer is handed in.
  await page.getByRole('button', { name: 'Next: deep dive' }).click();
  await page.getByRole('button', { name: 'Next change' }).click();
  await page.getByRole('button', { name: 'Continue to deep dive' }).click();
  const first = page.locator('form li').first();
  await expect(first).toContainText(/What peak load, in requests per second, reaches|At what utilisation/);
  const prompt = (await first.locator('label').innerText()).replace(/^1\.\s*/, '');
  await first.getByRole('textbox').fill('1,000');
  await page.getByRole('button', { name: 'Hand in answers' }).click();
  await expect(page.getByText('Answers handed in: you will see how close they were in the review.')).toBeVisible();
  await expect(first.getByRole('textbox')).toBeDisabled();

  // The trade-offs: one line pasted 14 times.
  await page.getByRole('button', { name: 'Next: trade-offs' }).click();
  await page
    .getByLabel(/Explain your design/)
    .fill(Array.from({ length: 14 }, () => 'cache s3 expire base62 replica').join(' '));
  await page.getByRole('button', { name: 'Finish and see the review' }).click();

  // The review: nothing for the stuffing, credit for the one requirement found by asking.
  await expect(page).toHaveURL(/\/interview\/pastebin\/review\//);
  const rubric = page.getByRole('region', { name: 'Score by rubric item' });
  const item = (name: string) =>
    rubric.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  // 7.2 of 100 with the Entities & API step in the rubric (8 before it).
  await expect(item('Trade-offs written')).toContainText(/(?<!\d)0 \/ 7\.2(?!\d)/);
  await expect(item('Trade-offs written')).toContainText('None of your 1 sentence ties a component of your design');
  await expect(item('Trade-offs written')).not.toContainText(/weighed|the choices an interviewer wants/);
  await expect(item('Requirements covered')).toContainText(
    'You asked 3 questions and found 1 of 3 requirements the brief left out',
  );
  await expect(item('Requirements covered')).toContainText(
    'a question such as “Are pastes public?” would have brought it out',
  );
  const tradeoffs = page.getByRole('region', { name: 'Your trade-offs' });
  await expect(tradeoffs.getByRole('list', { name: 'Trade-off sentences' })).toContainText(
    'Not credited: names no component of your design',
  );

  // The deep dive: the question, the answer given and the engine's figure for this design.
  const deep = page.getByRole('region', { name: 'Deep dive' });
  await expect(deep).toContainText(prompt);
  await expect(deep).toContainText(/You: 1,000( req\/s|%) · the model: [\d,]+( req\/s|%)/);
  await expect(item('Deep dive')).toBeVisible();
});
