import { expect, test, THREE_TIER } from './fixtures';

test('export JSON, clear, import it back: the same design', async ({ sandbox, page }) => {
  await sandbox.seed(THREE_TIER);
  await sandbox.open();
  await expect(sandbox.nodes).toHaveCount(5);

  const exported = await sandbox.exportJson();
  expect(exported).toEqual(THREE_TIER);

  await sandbox.chooseFromMenu('Start from', 'Blank canvas');
  await expect(page.getByRole('heading', { name: 'Start your design' })).toBeVisible();
  await expect(sandbox.nodes).toHaveCount(0);

  await sandbox.importFile('three-tiers.json', JSON.stringify(exported));
  await expect(sandbox.nodes).toHaveCount(5);
  await expect(sandbox.edges).toHaveCount(5);
  await expect(sandbox.node('App server')).toContainText('×2');
  expect(await sandbox.exportJson()).toEqual(THREE_TIER);
});

test('a broken file is refused with every problem named, and the design is untouched', async ({ sandbox, page }) => {
  await sandbox.seed(THREE_TIER);
  await sandbox.open();
  await expect(sandbox.nodes).toHaveCount(5);

  const broken = {
    schemaVersion: 1,
    nodes: [
      { id: 'a', kind: 'mainframe' },
      { id: 'b', kind: 'database', params: { instances: -2 } },
    ],
    edges: [{ id: 'e1', source: 'b', target: 'ghost' }],
  };
  await sandbox.importFile('broken.json', JSON.stringify(broken));
  const dialog = page.getByRole('dialog', { name: 'This file is not a valid design' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('broken.json could not be imported. Your current design has not changed.');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'nodes[0].kind' })).toContainText('unknown kind "mainframe"');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'nodes[1].params.instances' })).toContainText('instances must be at least 1');
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();

  const dangling = {
    schemaVersion: 1,
    nodes: [
      { id: 'a', kind: 'app-server' },
      { id: 'b', kind: 'database' },
    ],
    edges: [
      { id: 'e1', source: 'a', target: 'ghost' },
      { id: 'e2', source: 'a', target: 'b' },
      { id: 'e3', source: 'b', target: 'a' },
    ],
  };
  await sandbox.importFile('dangling.json', JSON.stringify(dangling));
  await expect(dialog.getByRole('listitem').filter({ hasText: 'edges[0].target' })).toContainText('"ghost", which is not a node');
  await expect(dialog.getByRole('listitem').filter({ hasText: /^edges/ }).last()).toContainText('the design has a cycle');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await sandbox.importFile('not-json.json', '{"schemaVersion": 1, nodes: ');
  await expect(page.getByRole('dialog')).toContainText('the file is not valid JSON');
  await page.keyboard.press('Escape');

  await expect(sandbox.nodes).toHaveCount(5);
  expect(await sandbox.exportJson()).toEqual(THREE_TIER);
});

test('export pictures of the design as PNG and SVG: vector shapes, with the title, stage and score', async ({ sandbox, page }) => {
  await sandbox.seed(THREE_TIER);
  await sandbox.open();
  await expect(sandbox.nodes).toHaveCount(5);
  // The verdict the canvas shows is the one the pictures carry.
  const verdict = page.getByTestId('canvas-verdict');
  await expect(verdict).toContainText(/Stage \d · \S+:\s*(passes|fails)\s*\d+\/100/);
  const [, stage, users, outcome, score] = (await verdict.innerText()).match(/Stage (\d) · (\S+):\s*(passes|fails)\s*(\d+)\/100/)!;

  const png = page.waitForEvent('download');
  await sandbox.chooseFromMenu('Export', 'Image (PNG)');
  const pngFile = await png;
  expect(pngFile.suggestedFilename()).toBe('three-tiers.png');
  const pngBytes = await streamToBuffer(await pngFile.createReadStream());
  expect(pngBytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(pngBytes.length).toBeGreaterThan(5_000);
  // Drawn at twice the picture's size: five cards side by side and the header above them.
  expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(2 * 1000);
  expect(pngBytes.readUInt32BE(20)).toBeGreaterThan(2 * 150);

  const svg = page.waitForEvent('download');
  await sandbox.chooseFromMenu('Export', 'Vector image (SVG)');
  const svgFile = await svg;
  expect(svgFile.suggestedFilename()).toBe('three-tiers.svg');
  const svgText = (await streamToBuffer(await svgFile.createReadStream())).toString('utf8');
  expect(svgText).toMatch(/^<svg[\s\S]*<\/svg>$/);
  expect(svgText).toContain('Load balancer');
  expect(svgText).toContain('>Three tiers</text>');
  expect(svgText).toContain(`>Stage ${stage} · ${users} users: ${outcome}, ${score}/100</text>`);
  // Shapes, not a copy of the page's HTML: one card per component, one curve per connection.
  expect(svgText).not.toContain('foreignObject');
  expect(svgText.match(/<rect [^>]*rx="8"/g)).toHaveLength(5);
  expect(svgText.match(/<path [^>]*marker-end=/g)).toHaveLength(5);
  expect(svgText.length).toBeLessThan(20_000);
});

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
