import { expect, SandboxPage, test, THREE_TIER } from './fixtures';

test('share a design, open the link in a fresh browser: read-only; open a copy: editable', async ({ sandbox, page, browser, baseURL }) => {
  await sandbox.seed(THREE_TIER);
  await sandbox.open();
  const verdict = page.getByTestId('canvas-verdict');
  await expect(verdict).toContainText(/Stage \d · \S+:\s*(passes|fails)\s*\d+\/100/);
  const sharedVerdict = (await verdict.textContent())!;
  await sandbox.toolbar.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  const link = dialog.getByLabel('Link');
  await expect(link).toHaveValue(/\/d\/[A-Za-z0-9_-]{10,}$/);
  const url = await link.inputValue();
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByText('Link copied to the clipboard.')).toBeVisible();

  // A stranger opens the link.
  const stranger = await browser.newContext({ baseURL });
  const view = await stranger.newPage();
  await view.goto(new URL(url).pathname);
  await expect(view.getByRole('heading', { level: 1, name: 'Three tiers' })).toBeVisible();
  await expect(view.getByText('Read-only')).toBeVisible();
  const canvas = view.getByRole('region', { name: 'Design canvas (read-only)' });
  await expect(canvas.locator('.react-flow__node')).toHaveCount(5);
  await expect(canvas.getByRole('group', { name: /^Connection from / })).toHaveCount(5);
  await expect(view.getByRole('complementary', { name: 'Components palette' })).toHaveCount(0);
  await expect(view.getByRole('button', { name: 'Undo' })).toHaveCount(0);

  // The stranger sees the score the sharer saw, and the results behind it, without making a copy.
  await expect(view.getByTestId('canvas-verdict')).toHaveText(sharedVerdict);
  const results = view.getByRole('complementary', { name: 'Score and components' }).getByTestId('results-panel');
  await expect(results.getByTestId('scorecard')).toBeVisible();
  await expect(results.getByRole('tab', { name: /Scorecard/ })).toBeVisible();

  // No dragging: pressing on a card and moving pans the view at most; the card keeps its place beside its neighbour.
  const card = canvas.getByRole('group', { name: 'Database', exact: true });
  const neighbour = canvas.getByRole('group', { name: 'Load balancer', exact: true });
  const offset = async () => {
    const [a, b] = [(await card.boundingBox())!, (await neighbour.boundingBox())!];
    return { dx: Math.round(a.x - b.x), dy: Math.round(a.y - b.y) };
  };
  const before = await offset();
  const box = (await card.boundingBox())!;
  await view.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await view.mouse.down();
  await view.mouse.move(box.x + 200, box.y + 150, { steps: 8 });
  await view.mouse.up();
  expect(await offset()).toEqual(before);
  await expect(canvas.getByTitle(/^Connect from/)).toHaveCount(0);

  // Open a copy: it lands in the stranger's sandbox, editable.
  await view.getByRole('link', { name: 'Open a copy in the sandbox' }).click();
  await expect(view).toHaveURL(/\/play$/);
  const copy = new SandboxPage(view);
  await expect(copy.nodes).toHaveCount(5);
  await expect(view.getByText(/Opened a copy of “Three tiers”/)).toBeVisible();
  await copy.node('App server 2').click();
  await copy.inspect();
  const instances = copy.inspector.getByLabel('Instances');
  await instances.fill('4');
  await instances.press('Enter');
  await expect(copy.node('App server 2')).toContainText('×4');
  await view.reload();
  await expect(copy.node('App server 2')).toContainText('×4');
  await stranger.close();
});

test('an unknown share link answers 404 with a way back', async ({ page }) => {
  const res = await page.goto('/d/doesNotExist123');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'No design at this link' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the sandbox' }).last()).toBeVisible();
});

test('an empty canvas cannot be shared, and an old link to an empty design says so', async ({ sandbox, page, request }) => {
  await sandbox.open();
  await expect(sandbox.nodes).toHaveCount(0);
  await sandbox.toolbar.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'nothing to share' })).toContainText('Add a component first: there is nothing to share.');
  await expect(page.getByRole('dialog', { name: 'Share this design' })).toHaveCount(0);

  // Links made before the refusal still open: the page says it is empty instead of showing a blank canvas.
  const res = await request.post('/api/designs', { data: { schemaVersion: 1, name: 'Nothing yet', nodes: [], edges: [] } });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await page.goto(`/d/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nothing yet' })).toBeVisible();
  await expect(page.getByTestId('shared-empty')).toContainText('This shared design is empty');
  await expect(page.getByRole('link', { name: 'Start a design in the sandbox' })).toHaveAttribute('href', '/play');
});

test('opening a shared copy over a design of your own asks first; keeping yours or saving it loses nothing', async ({ sandbox, page, request }) => {
  await sandbox.seed(THREE_TIER);
  const res = await request.post('/api/designs', {
    data: { schemaVersion: 1, name: 'Theirs', nodes: [{ id: 'u', kind: 'users', label: 'Their users', position: { x: 0, y: 0 } }], edges: [] },
  });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };

  await page.goto(`/d/${id}`);
  await page.getByRole('link', { name: 'Open a copy in the sandbox' }).click();
  await expect(page).toHaveURL(/\/play$/);
  const offer = page.getByRole('alert').filter({ hasText: 'Opening a copy of “Theirs” replaces your own design' });
  await expect(offer).toContainText('Three tiers');
  await expect(sandbox.nodes).toHaveCount(5);

  // Keep mine: nothing changes, not even after a reload.
  await offer.getByRole('button', { name: 'Keep my design' }).click();
  await expect(offer).toHaveCount(0);
  await expect(sandbox.nodes).toHaveCount(5);
  await page.reload();
  await expect(sandbox.nodes).toHaveCount(5);

  // Save mine as a file, then open the copy: the file holds the whole design, and Undo still brings it back.
  await page.goto(`/d/${id}`);
  await page.getByRole('link', { name: 'Open a copy in the sandbox' }).click();
  const download = page.waitForEvent('download');
  await offer.getByRole('button', { name: 'Save mine as a file, then open the copy' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('three-tiers.json');
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  expect((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { nodes: unknown[] }).nodes).toHaveLength(5);
  await expect(sandbox.nodes).toHaveCount(1);
  await expect(sandbox.node('Their users')).toBeVisible();
  await expect(page.getByText(/Opened a copy of “Theirs”/)).toBeVisible();
  await sandbox.toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(sandbox.nodes).toHaveCount(5);
});
