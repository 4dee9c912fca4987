import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The sandbox's autosave key (lib/editor/autosave.ts); tests seed designs through it. */
export const AUTOSAVE_KEY = 'scalelab:sandbox:v1';

export interface SeedDesign {
  schemaVersion: 1;
  name?: string;
  nodes: { id: string; kind: string; label?: string; position?: { x: number; y: number }; params?: Record<string, unknown> }[];
  edges: { id: string; source: string; target: string; params?: Record<string, unknown> }[];
}

/** The sandbox page as a user sees it: palette, canvas, inspector, toolbar. */
export class SandboxPage {
  constructor(readonly page: Page) {}

  get canvas(): Locator {
    return this.page.getByRole('region', { name: 'Design canvas' });
  }
  get palette(): Locator {
    return this.page.getByRole('complementary', { name: 'Components palette' });
  }
  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }
  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Design tools' });
  }
  /**
   * Shows the side panel's Inspect tab. The panel stays where the user left
   * it (Results when the page opens): selecting a card never switches it, so
   * a user who wants the settings picks Inspect, and it stays there.
   */
  async inspect() {
    const tab = this.inspector.getByRole('tab', { name: 'Inspect' });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }
  /** A component card on the canvas, by its name ("App server 2" is announced as "App server 2 (App server)"). */
  node(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.canvas.getByRole('group', { name: new RegExp(`^${escaped}(?: \\(.*\\))?$`) });
  }
  /** Every component card on the canvas. */
  get nodes(): Locator {
    return this.canvas.locator('.react-flow__node');
  }
  /** A connection, by the names of its ends. */
  edge(from: string, to: string): Locator {
    return this.canvas.getByRole('group', { name: `Connection from ${from} to ${to}` });
  }
  get edges(): Locator {
    return this.canvas.getByRole('group', { name: /^Connection from / });
  }

  /** Opens the sandbox and waits until the editor has restored any saved design. */
  async open(path = '/play') {
    await this.page.goto(path);
    await expect(this.canvas.locator('.react-flow__renderer')).toBeVisible();
    await this.page.waitForFunction(() => document.querySelector('[data-editor-canvas]')?.getAttribute('data-hydrated') === 'true');
    // A loaded design is fitted to the view once its cards are measured; until then they move, and a drag aimed at one misses.
    await this.page.waitForFunction(() => !document.querySelector('.react-flow__node') || document.querySelector('.react-flow')?.hasAttribute('data-fitted'));
  }

  /** Puts a design where the autosave keeps it, before the page loads. */
  async seed(design: SeedDesign) {
    await this.page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('e2e-seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('e2e-seeded', '1');
        }
      },
      [AUTOSAVE_KEY, JSON.stringify({ version: 1, savedAt: new Date().toISOString(), design })] as const,
    );
  }

  /** Drags a palette item onto the canvas with real mouse moves; `at` is relative to the canvas' top-left. */
  async dragFromPalette(name: string, at: { x: number; y: number }) {
    const item = this.palette.getByRole('button', { name, exact: true });
    await item.scrollIntoViewIfNeeded();
    const from = (await item.boundingBox())!;
    const box = (await this.canvas.boundingBox())!;
    await this.page.mouse.move(from.x + 30, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 60, from.y + from.height / 2, { steps: 4 });
    await this.page.mouse.move(box.x + at.x, box.y + at.y, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Connects two cards by dragging from one's output handle to the other's input handle. */
  async connect(from: string, to: string) {
    const source = this.canvas.getByTitle(`Connect from ${from}`, { exact: true });
    const target = this.node(to);
    await this.dragBetween(source, target.getByTitle(`Connect to ${to}`, { exact: true }));
  }

  async dragBetween(a: Locator, b: Locator) {
    const p = (await a.boundingBox())!;
    const q = (await b.boundingBox())!;
    await this.page.mouse.move(p.x + p.width / 2, p.y + p.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(p.x + p.width / 2 + 20, p.y + p.height / 2 + 5, { steps: 3 });
    await this.page.mouse.move(q.x + q.width / 2, q.y + q.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  async chooseFromMenu(menu: string | RegExp, item: string | RegExp) {
    await this.toolbar.getByRole('button', { name: menu }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Exports the design file and returns its parsed JSON. */
  async exportJson(): Promise<SeedDesign> {
    const download = this.page.waitForEvent('download');
    await this.chooseFromMenu('Export', /Design file/);
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  }

  async importFile(name: string, contents: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.toolbar.getByRole('button', { name: 'Import' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
  }
}

export const test = base.extend<{ sandbox: SandboxPage }>({
  // `provide` is Playwright's `use`, renamed so lint does not take it for a React hook.
  sandbox: async ({ page }, provide) => {
    await provide(new SandboxPage(page));
  },
});

export { expect };

/** A small valid design: users → load balancer → two app servers → database. */
export const THREE_TIER: SeedDesign = {
  schemaVersion: 1,
  name: 'Three tiers',
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 96 } },
    { id: 'lb', kind: 'load-balancer', label: 'Load balancer', position: { x: 288, y: 96 } },
    { id: 'app', kind: 'app-server', label: 'App server', position: { x: 576, y: 0 }, params: { instances: 2 } },
    { id: 'app-2', kind: 'app-server', label: 'App server 2', position: { x: 576, y: 192 } },
    { id: 'db', kind: 'database', label: 'Database', position: { x: 864, y: 96 }, params: { size: 'large' } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'lb', target: 'app-2', params: { share: 0.5 } },
    { id: 'e4', source: 'app', target: 'db' },
    { id: 'e5', source: 'app-2', target: 'db' },
  ],
};
