import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mdxComponents } from '@/components/content/mdx-components';
import { EXAMPLE_COMPONENTS } from '@/components/content/examples';
import { LESSONS } from '@/lib/engine/data';
import { GUIDE_GROUPS } from '@/lib/learn/guide-groups';
import { CONTENT_ROOT, readContentIndex, type ContentEntry, type ContentIndex } from '@/lib/learn/loader';
import { compileMdx, runMdx, type CompiledMdx } from '@/lib/learn/mdx';
import { parseContent } from '@/lib/learn/parse';

const DIRS = ['lessons', 'guides'];
const files = DIRS.flatMap((dir) =>
  fs
    .readdirSync(path.join(CONTENT_ROOT, dir))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => path.join('content', dir, f)),
);

const LESSON_SECTIONS = ['symptom', 'architecture', 'pros-and-cons', 'trade-offs', 'challenge'];

let index: ContentIndex;
const compiled = new Map<string, CompiledMdx>();
// Loading errors are kept rather than thrown here, so the per-file tests
// still run and name the file that is wrong.
let loadError: unknown;

beforeAll(async () => {
  try {
    index = readContentIndex();
    for (const entry of index.byId.values()) compiled.set(entry.frontmatter.id, await compileMdx(entry.body, entry.file));
  } catch (err) {
    loadError = err;
  }
});

beforeEach((ctx) => {
  if (loadError && !ctx.task.name.endsWith('has valid frontmatter')) throw loadError;
});

describe('content files', () => {
  it.each(files)('%s has valid frontmatter', (file) => {
    const { frontmatter } = parseContent(fs.readFileSync(file, 'utf8'), file);
    expect(frontmatter.id).toBe(path.basename(file, '.mdx'));
    expect(frontmatter.kind).toBe(file.includes('/lessons/') ? 'lesson' : 'guide');
  });

  it('have unique ids that match their file names', () => {
    const ids = files.map((f) => path.basename(f, '.mdx'));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...index.byId.keys()].sort()).toEqual([...ids].sort());
  });

  it('have exactly one lesson per stage, 1 to 8, in order', () => {
    expect(index.lessons.map((l) => l.frontmatter.stage)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('cover every lesson id the engine points learners to', () => {
    const missing = LESSONS.map((l) => l.id).filter((id) => !index.byId.has(id));
    expect(missing, 'lib/engine/lessons.ts ids without a content file').toEqual([]);
  });

  it('put every guide in exactly one learning-path group', () => {
    const grouped = GUIDE_GROUPS.flatMap((g) => g.ids);
    expect(new Set(grouped).size, 'a guide is listed in two groups').toBe(grouped.length);
    expect([...grouped].sort()).toEqual(index.guides.map((g) => g.frontmatter.id).sort());
  });
});

describe('MDX', () => {
  it('every file compiles and renders with the site components', async () => {
    for (const entry of index.byId.values()) {
      const Content = await runMdx(compiled.get(entry.frontmatter.id)!.code);
      let html = '';
      try {
        html = renderToStaticMarkup(createElement(Content, { components: mdxComponents }));
      } catch (err) {
        throw new Error(`${entry.file} does not render: ${err instanceof Error ? err.message : String(err)}`);
      }
      expect(html.length, entry.file).toBeGreaterThan(500);
    }
  });

  it('every lesson has the Symptom, Architecture, Pros and cons, Trade-offs and Challenge sections, in that order', () => {
    for (const lesson of index.lessons) {
      const h2 = compiled.get(lesson.frontmatter.id)!.headings.filter((h) => h.depth === 2).map((h) => h.id);
      const found = h2.filter((id) => LESSON_SECTIONS.includes(id));
      expect(found, lesson.file).toEqual(LESSON_SECTIONS);
    }
  });

  it('every guide embeds at least one live example', () => {
    const names = Object.keys(EXAMPLE_COMPONENTS);
    for (const guide of index.guides) {
      const used = names.filter((n) => new RegExp(`<${n}[\\s/>]`).test(guide.body));
      expect(used.length, `${guide.file} uses none of ${names.join(', ')}`).toBeGreaterThan(0);
    }
  });

  it('every internal link points to a page and heading that exist', () => {
    const broken: string[] = [];
    const check = (from: ContentEntry, href: string) => {
      const own = compiled.get(from.frontmatter.id)!;
      if (href.startsWith('#')) {
        if (!own.anchors.includes(href.slice(1))) broken.push(`${from.file}: ${href} (no such heading here)`);
        return;
      }
      const m = /^\/learn(?:\/([^#?]+))?(?:#(.+))?$/.exec(href);
      if (!m) {
        if (href.startsWith('/')) broken.push(`${from.file}: ${href} (internal links must go to /learn/<id>)`);
        return;
      }
      const [, id, anchor] = m;
      if (!id) {
        if (anchor) broken.push(`${from.file}: ${href} (the learn index has no content anchors)`);
        return;
      }
      const target = compiled.get(id);
      if (!target) broken.push(`${from.file}: ${href} (no page "${id}")`);
      else if (anchor && !target.anchors.includes(anchor)) broken.push(`${from.file}: ${href} (no heading "#${anchor}" on ${id})`);
    };
    for (const entry of index.byId.values()) {
      for (const href of compiled.get(entry.frontmatter.id)!.links) check(entry, href);
      for (const id of entry.frontmatter.related) {
        if (!index.byId.has(id)) broken.push(`${entry.file}: related "${id}" (no such page)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('reading times are honest: within a few minutes of the word count at 180 words a minute', () => {
    for (const entry of index.byId.values()) {
      const words = entry.body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
      const estimate = words / 180;
      expect(Math.abs(entry.frontmatter.minutes - estimate), `${entry.file}: ${words} words, says ${entry.frontmatter.minutes} min`).toBeLessThanOrEqual(3);
    }
  });
});
