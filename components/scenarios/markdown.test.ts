import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BriefMarkdown, safeUrl } from './markdown';

const render = (source: string) => renderToStaticMarkup(createElement(BriefMarkdown, { source }));

/** Markup that would run script if it reached the page as HTML. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '[x](//evil.example/path)',
];

describe('brief Markdown', () => {
  it('renders headings, lists, emphasis, tables and safe links', () => {
    const html = render('## Task\n\n- **one**\n- _two_\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://example.com/x) and [here](#task)');
    expect(html).toContain('<h3');
    expect(html).toContain('<strong>one</strong>');
    expect(html).toContain('<table');
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('href="#task"');
  });

  it.each(PAYLOADS)('runs no script from %j', (payload) => {
    const html = render(`Intro\n\n${payload}\n\nOutro`).toLowerCase();
    expect(html).not.toMatch(/<script|<iframe|<svg|<form|<div style|onerror=|onload=/);
    expect(html).not.toMatch(/(href|src|action)="\s*(javascript|vbscript|data):/);
    expect(html).not.toMatch(/(href|src)="\/\//);
    expect(html).toContain('intro');
    expect(html).toContain('outro');
  });

  it('keeps only http(s), mailto and same-site URLs', () => {
    expect(safeUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeUrl('mailto:t@example.com')).toBe('mailto:t@example.com');
    expect(safeUrl('/learn')).toBe('/learn');
    expect(safeUrl('#part-2')).toBe('#part-2');
    for (const bad of ['javascript:alert(1)', ' javascript:x', 'java\nscript:x', 'data:text/html,x', '//evil.example', '/\\evil.example', 'ftp://x', 'relative/path']) {
      expect(safeUrl(bad), bad).toBe('');
    }
  });

  it('shows a remote image as a link naming it, so no reader’s browser fetches it', () => {
    const html = render('Look:\n\n![the rack diagram](https://images.example.net/rack.png?reader=1)\n\n![](http://tracker.example/p.gif)');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="https://images.example.net/rack.png?reader=1"');
    expect(html).toContain('the rack diagram (image on images.example.net)');
    expect(html).toContain('Image (image on tracker.example)');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('still shows this site’s own images', () => {
    expect(render('![logo](/icon.svg)')).toMatch(/<img src="\/icon\.svg" alt="logo"/);
  });
});
