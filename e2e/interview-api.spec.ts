import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The "Entities & API" phase on the chat problem, as a candidate fills it:
 * entities with typed fields, endpoints, keys and a partition key, mostly
 * from the keyboard, surviving a reload; then the review judges the API by
 * structure and the partition key by the model's hot-partition check.
 */

async function readStored(page: Page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('scalelab:interview:v1:active:chat') ?? 'null'));
}

/** Adds an entity from the keyboard and names it; focus lands on its name. */
async function addEntity(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: '+ Add an entity' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Entity name').last()).toBeFocused();
  await page.keyboard.type(name);
  return page.getByRole('group', { name: `Entity ${name}` });
}

/** Adds a field from the keyboard: the new name box takes focus. */
async function addField(page: Page, entity: Locator, name: string, type: string, ref?: string) {
  await entity.getByRole('button', { name: /^\+ Add a field/ }).focus();
  await page.keyboard.press('Enter');
  await expect(entity.getByLabel(/^Field name/).last()).toBeFocused();
  await page.keyboard.type(name);
  await entity.getByLabel(`Type of ${name}`).selectOption({ label: type });
  if (ref) await entity.getByLabel(`Entity ${name} refers to`).selectOption({ label: ref });
}

async function addEndpoint(
  page: Page,
  n: number,
  e: { method: string; path: string; serves: RegExp; request?: string; response?: string },
) {
  await page.getByRole('button', { name: '+ Add an endpoint' }).focus();
  await page.keyboard.press('Enter');
  const method = page.getByLabel(`Method of endpoint ${n}`);
  await expect(method).toBeFocused();
  await method.selectOption(e.method);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(`Path of endpoint ${n}`)).toBeFocused();
  await page.keyboard.type(e.path);
  const row = page.getByRole('group', { name: `Endpoint ${n}` });
  const options = await row.getByLabel('Serves').locator('option').allInnerTexts();
  await row.getByLabel('Serves').selectOption({ label: options.find((o) => e.serves.test(o))! });
  if (e.request) await row.getByLabel('Request fields').fill(e.request);
  if (e.response) await row.getByLabel('Response fields').fill(e.response);
}

test('entities, API and data model on the chat problem, judged in the review with the model’s numbers', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-03-02T10:00:00Z') });
  await page.goto('/interview/chat');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await page.getByRole('button', { name: 'Next: estimation' }).click();
  await page.getByRole('button', { name: 'Skip to entities & API' }).click();
  await expect(page.getByRole('button', { name: 'Entities & API' })).toHaveAttribute('aria-current', 'step');

  // Empty states say what to do.
  await expect(page.getByText('No entities yet.')).toBeVisible();
  await expect(page.getByText('No endpoints yet.')).toBeVisible();
  // Only the requirements the candidate knows of are offered: group chats need a question first.
  const known = page.getByRole('complementary', { name: 'Requirements you know of' });
  await expect(known).toContainText('Send a text message to another user.');
  await expect(known).not.toContainText('Group chats');

  // Step 1: entities with typed fields, from the keyboard.
  const user = await addEntity(page, 'User');
  await expect(user.getByLabel('Type of id')).toHaveValue('id');
  const conversation = await addEntity(page, 'Conversation');
  const message = await addEntity(page, 'Message');
  await addField(page, message, 'conversation_id', 'Reference', 'Conversation');
  await addField(page, message, 'sender_id', 'Reference', 'User');
  await addField(page, message, 'text', 'Text');
  await addField(page, message, 'created_at', 'Timestamp');
  // A reference must say what it refers to: the message says so until it does.
  await addField(page, conversation, 'owner', 'Reference');
  const owner = conversation.getByLabel(/^Field name/).last();
  await expect(owner).toHaveAccessibleDescription('Choose the entity this field refers to.');
  // Removing a row from the keyboard puts focus back on the list's add button.
  await conversation.getByRole('button', { name: 'Remove field owner of Conversation' }).focus();
  await page.keyboard.press('Enter');
  await expect(conversation.getByRole('button', { name: '+ Add a field to Conversation' })).toBeFocused();

  // Step 2: endpoints. A path without a leading slash is flagged.
  await addEndpoint(page, 1, {
    method: 'POST',
    path: 'conversations/{conversation_id}/messages',
    serves: /^Send a text message/,
    request: 'text',
    response: 'message_id, created_at',
  });
  await expect(page.getByLabel('Path of endpoint 1')).toHaveAccessibleDescription('A path starts with “/”.');
  await page.getByLabel('Path of endpoint 1').fill('/conversations/{conversation_id}/messages');
  await expect(page.getByText('A path starts with “/”.')).toHaveCount(0);
  // The read is sent as POST by mistake, and its response lacks the sender.
  await addEndpoint(page, 2, {
    method: 'POST',
    path: '/conversations/{conversation_id}/messages/list',
    serves: /^Recipients get messages/,
    response: 'id, text, created_at',
  });
  await addEndpoint(page, 3, { method: 'DELETE', path: '/oops', serves: /^Send/ });
  await page.getByRole('button', { name: 'Remove endpoint 3 DELETE /oops' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '+ Add an endpoint' })).toBeFocused();
  await expect(page.getByLabel('Path of endpoint 3')).toHaveCount(0);

  // Step 3: the Message table: key, an index for reading a conversation in time order, and time as the partition key.
  const table = page.getByRole('group', { name: 'Table Message' });
  await expect(table.getByLabel('Primary key of Message')).toHaveValue(/.+/);
  await table.getByRole('button', { name: '+ Add an index to Message' }).focus();
  await page.keyboard.press('Enter');
  await expect(table.getByLabel('Index 1 on')).toBeFocused();
  await table.getByLabel('Index 1 on').selectOption({ label: 'conversation_id' });
  await table.getByLabel('then by', { exact: true }).selectOption({ label: 'created_at' });
  await table.getByLabel('Partition key of Message').selectOption({ label: 'created_at' });

  // A reload keeps every row.
  await expect.poll(async () => (await readStored(page))?.api?.entities?.[2]?.partitionKey ?? null).not.toBeNull();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Entity Message' }).getByLabel(/^Field name/)).toHaveCount(5);
  await expect(page.getByLabel('Path of endpoint 2')).toHaveValue('/conversations/{conversation_id}/messages/list');
  await expect(page.getByRole('group', { name: 'Table Message' }).getByLabel('Partition key of Message')).toHaveValue(
    /.+/,
  );

  // On through the design (left empty), the curveballs and the deep dive to the review.
  await page.getByRole('button', { name: 'Next: design' }).click();
  await page.getByRole('button', { name: 'Next: deep dive' }).click();
  for (;;) {
    const d = page.getByRole('dialog', { name: /^Curveball:/ });
    await expect(d).toBeVisible();
    const next = d.getByRole('button', { name: 'Next change' });
    if (await next.isVisible()) await next.click();
    else {
      await d.getByRole('button', { name: 'Continue to deep dive' }).click();
      break;
    }
  }
  await page.getByRole('button', { name: 'Next: trade-offs' }).click();
  await page.getByRole('button', { name: 'Finish and see the review' }).click();
  await expect(page).toHaveURL(/\/interview\/chat\/review\//);

  const rubric = page.getByRole('region', { name: 'Score by rubric item' });
  await expect(rubric.getByRole('heading', { name: 'Entities & API', exact: true })).toBeVisible();
  const section = page.getByRole('region', { name: 'Entities & API' });
  // The partition key in the model's numbers: every write on the newest partition, many times its limit.
  await expect(section).toContainText(
    /Partition by created_at: all [\d,]+ writes\/s land on one partition, \d+\.\d× its limit on the reference design’s Message store/,
  );
  await expect(section.getByText('Hot partition')).toBeVisible();
  // The structural checks name what is wrong.
  await expect(section).toContainText(
    'POST /conversations/{conversation_id}/messages/list: a read is GET: safe, cacheable, no side effects, not POST',
  );
  await expect(section).toContainText('the response lacks the sender');
  await expect(section).toContainText('Mark a conversation delivered or read up to a message');
  await expect(section).toContainText(
    'Fetch a conversation’s new messages, newest first: served by Message’s key or an index on (conversation id, then time).',
  );
});
