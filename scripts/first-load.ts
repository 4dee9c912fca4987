import { gzipSync } from 'node:zlib';

/** /play's budget: the first-load JavaScript, gzipped, in KB (issue #17). */
export const PLAY_FIRST_LOAD_BUDGET_KB = 350;

/** One script the page's HTML makes the browser fetch before it can run, gzipped. */
export interface FirstLoadChunk {
  src: string;
  kbGzip: number;
}

/**
 * The script chunks a page's HTML makes a browser fetch on first load: every
 * `<script src>` and script preload, except `noModule` scripts (the legacy
 * polyfills, which a browser that runs modules never downloads). Pure: takes
 * the HTML, answers the URLs.
 */
export function firstLoadScripts(html: string): string[] {
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const attrs = m[1];
    if (/\snomodule\b/i.test(attrs)) continue;
    const src = /\ssrc="([^"]+)"/.exec(attrs);
    if (src) srcs.add(src[1].replace(/&amp;/g, '&'));
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/g)) {
    const attrs = m[1];
    if (!/\sas="script"/.test(attrs) || !/\srel="(preload|modulepreload)"/.test(attrs)) continue;
    const href = /\shref="([^"]+)"/.exec(attrs);
    if (href) srcs.add(href[1].replace(/&amp;/g, '&'));
  }
  return [...srcs];
}

/**
 * The first-load JavaScript of `page` on the server at `base`: each chunk
 * the HTML references, gzipped as a server would send it. Answers the total
 * in KB (one decimal) and the chunks, largest first.
 */
export async function firstLoadJs(base: string, page = '/play'): Promise<{ kbGzip: number; chunks: FirstLoadChunk[] }> {
  const res = await fetch(new URL(page, base));
  if (!res.ok) throw new Error(`${page} answered ${res.status}`);
  const chunks: FirstLoadChunk[] = [];
  for (const src of firstLoadScripts(await res.text())) {
    const body = await fetch(new URL(src, base));
    if (!body.ok) throw new Error(`${src} answered ${body.status}`);
    chunks.push({ src, kbGzip: gzipSync(Buffer.from(await body.arrayBuffer())).length / 1024 });
  }
  chunks.sort((a, b) => b.kbGzip - a.kbGzip);
  const total = chunks.reduce((sum, c) => sum + c.kbGzip, 0);
  return { kbGzip: Math.round(total * 10) / 10, chunks };
}
