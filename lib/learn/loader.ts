import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { MDXContent } from 'mdx/types';
import { GUIDE_GROUPS } from './guide-groups';
import { compileMdx, runMdx, type ContentHeading } from './mdx';
import { ContentError, parseContent } from './parse';
import type { GuideFrontmatter, LessonFrontmatter } from './schema';

/**
 * Reads the lessons and topic guides in `content/` at build time. Pages call
 * these functions from server components; nothing here reaches the browser.
 */

export const CONTENT_ROOT = path.join(process.cwd(), 'content');
const DIRS = { lesson: 'lessons', guide: 'guides' } as const;

interface EntryBase {
  /** Path relative to the project root, for messages. */
  file: string;
  body: string;
}
export interface LessonEntry extends EntryBase {
  frontmatter: LessonFrontmatter;
}
export interface GuideEntry extends EntryBase {
  frontmatter: GuideFrontmatter;
}
export type ContentEntry = LessonEntry | GuideEntry;

export interface ContentIndex {
  /** Lessons by stage, 1 to 8. */
  lessons: LessonEntry[];
  /** Guides in learning-path order (GUIDE_GROUPS), then any others by id. */
  guides: GuideEntry[];
  byId: Map<string, ContentEntry>;
}

function readDir(kind: keyof typeof DIRS): ContentEntry[] {
  const dir = path.join(CONTENT_ROOT, DIRS[kind]);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const file = path.relative(process.cwd(), path.join(dir, name));
      const { frontmatter, body } = parseContent(fs.readFileSync(path.join(dir, name), 'utf8'), file);
      const expected = name.slice(0, -'.mdx'.length);
      if (frontmatter.id !== expected) {
        throw new ContentError(file, `field "id" is "${frontmatter.id}" but the file name says "${expected}"`);
      }
      if (frontmatter.kind !== kind) {
        throw new ContentError(file, `field "kind" is "${frontmatter.kind}" but files in content/${DIRS[kind]} must be "${kind}"`);
      }
      return { file, body, frontmatter } as ContentEntry;
    });
}

/** Reads and validates every content file. Throws ContentError on the first bad one. */
export function readContentIndex(): ContentIndex {
  const lessons = (readDir('lesson') as LessonEntry[]).sort((a, b) => a.frontmatter.stage - b.frontmatter.stage);
  const order = new Map(GUIDE_GROUPS.flatMap((g) => g.ids).map((id, i) => [id, i]));
  const guides = (readDir('guide') as GuideEntry[]).sort(
    (a, b) =>
      (order.get(a.frontmatter.id) ?? Infinity) - (order.get(b.frontmatter.id) ?? Infinity) ||
      a.frontmatter.id.localeCompare(b.frontmatter.id),
  );
  const byId = new Map<string, ContentEntry>();
  for (const entry of [...lessons, ...guides]) {
    const other = byId.get(entry.frontmatter.id);
    if (other) throw new ContentError(entry.file, `id "${entry.frontmatter.id}" is already used by ${other.file}`);
    byId.set(entry.frontmatter.id, entry);
  }
  for (let i = 1; i < lessons.length; i++) {
    if (lessons[i].frontmatter.stage === lessons[i - 1].frontmatter.stage) {
      throw new ContentError(lessons[i].file, `stage ${lessons[i].frontmatter.stage} already has a lesson (${lessons[i - 1].file})`);
    }
  }
  return { lessons, guides, byId };
}

let cached: ContentIndex | undefined;

/** The content index; read once per production server, fresh on every call in development. */
export function getContentIndex(): ContentIndex {
  if (process.env.NODE_ENV !== 'production') return readContentIndex();
  cached ??= readContentIndex();
  return cached;
}

/** Every page in reading order: the eight lessons, then the guides. */
export function getReadingOrder(): ContentEntry[] {
  const { lessons, guides } = getContentIndex();
  return [...lessons, ...guides];
}

export function getEntry(id: string): ContentEntry | undefined {
  return getContentIndex().byId.get(id);
}

/** The pages before and after `id` in reading order. */
export function getNeighbours(id: string): { prev?: ContentEntry; next?: ContentEntry } {
  const order = getReadingOrder();
  const i = order.findIndex((e) => e.frontmatter.id === id);
  if (i < 0) return {};
  return { prev: order[i - 1], next: order[i + 1] };
}

export interface LoadedPage {
  entry: ContentEntry;
  Content: MDXContent;
  headings: ContentHeading[];
}

/**
 * Pages compiled so far in this process. Every page is rendered per request
 * (its Content-Security-Policy carries a fresh nonce), and the content does
 * not change while a production server runs, so each page's MDX is compiled
 * once per process instead of on every request. `next dev` compiles afresh,
 * so an edited lesson shows on reload.
 */
const compiledPages = new Map<string, Promise<LoadedPage | undefined>>();

/** Compiles one page's MDX into a component; the page passes it the MDX components. */
export function loadPage(id: string): Promise<LoadedPage | undefined> {
  // Only pages that exist are remembered, so made-up addresses cannot grow the map.
  if (process.env.NODE_ENV !== 'production' || !getEntry(id)) return compilePage(id);
  let page = compiledPages.get(id);
  if (!page) {
    page = compilePage(id);
    compiledPages.set(id, page);
    // A failed compile is not remembered: the next request tries again and reports it.
    page.catch(() => compiledPages.delete(id));
  }
  return page;
}

async function compilePage(id: string): Promise<LoadedPage | undefined> {
  const entry = getEntry(id);
  if (!entry) return undefined;
  const compiled = await compileMdx(entry.body, entry.file);
  return { entry, Content: await runMdx(compiled.code), headings: compiled.headings };
}
