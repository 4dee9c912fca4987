import { compile, run } from '@mdx-js/mdx';
import type { MDXContent } from 'mdx/types';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import * as runtime from 'react/jsx-runtime';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { ContentError } from './parse';

/** A heading of a content page, for the table of contents and link checks. */
export interface ContentHeading {
  depth: 2 | 3;
  /** The anchor rehype-slug gave it (github-slugger, as on GitHub). */
  id: string;
  text: string;
}

export interface CompiledMdx {
  /** The compiled function body (`outputFormat: 'function-body'`). */
  code: string;
  /** Every h2 and h3, in order. */
  headings: ContentHeading[];
  /** Every anchor id on the page (headings of any depth). */
  anchors: string[];
  /** Every link target written in the content: markdown links and `href` attributes. */
  links: string[];
}

interface AnyNode {
  type: string;
  children?: AnyNode[];
  [key: string]: unknown;
}

function walk(node: AnyNode, visit: (node: AnyNode) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as ElementContent)).join('');
  return '';
}

/** Collects link targets from markdown links and JSX `href="…"` attributes. */
function remarkCollectLinks(out: string[]) {
  return () => (tree: MdastRoot) => {
    walk(tree as unknown as AnyNode, (node) => {
      if (node.type === 'link' && typeof node.url === 'string') out.push(node.url);
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attr of (node.attributes as AnyNode[] | undefined) ?? []) {
          if (attr.type === 'mdxJsxAttribute' && attr.name === 'href' && typeof attr.value === 'string') out.push(attr.value);
        }
      }
    });
  };
}

/** Collects heading ids after rehype-slug has set them. */
function rehypeCollectHeadings(headings: ContentHeading[], anchors: string[]) {
  return () => (tree: HastRoot) => {
    walk(tree as unknown as AnyNode, (node) => {
      if (node.type !== 'element') return;
      const el = node as unknown as Element;
      const id = el.properties?.id;
      if (typeof id !== 'string' || !/^h[1-6]$/.test(el.tagName)) return;
      anchors.push(id);
      if (el.tagName === 'h2' || el.tagName === 'h3') {
        headings.push({ depth: el.tagName === 'h2' ? 2 : 3, id, text: textOf(el).trim() });
      }
    });
  };
}

/**
 * Compiles an MDX body (GitHub-flavoured markdown, slugged headings) to a
 * function body, collecting its headings and links on the way.
 * @param file the path shown in error messages
 * @throws ContentError naming the file, line and column of a syntax error
 */
export async function compileMdx(body: string, file: string): Promise<CompiledMdx> {
  const headings: ContentHeading[] = [];
  const anchors: string[] = [];
  const links: string[] = [];
  try {
    const code = await compile(
      { value: body, path: file },
      {
        outputFormat: 'function-body',
        development: false,
        remarkPlugins: [remarkGfm, remarkCollectLinks(links)],
        rehypePlugins: [rehypeSlug, rehypeCollectHeadings(headings, anchors)],
      },
    );
    return { code: String(code), headings, anchors, links };
  } catch (err) {
    // A VFileMessage carries the position in its reason or in line/column.
    const e = err as { reason?: string; line?: number; column?: number; message?: string };
    const reason = e.reason ?? e.message ?? String(err);
    const place = e.line && !/\(\d+:\d+/.test(reason) ? ` at line ${e.line}:${e.column ?? 1}` : '';
    throw new ContentError(file, `MDX does not compile${place}: ${reason}`);
  }
}

/** Turns compiled MDX into a React component that takes `components`. */
export async function runMdx(code: string): Promise<MDXContent> {
  const mod = await run(code, { ...runtime, baseUrl: undefined });
  return mod.default;
}
