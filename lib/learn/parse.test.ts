import { describe, expect, it } from 'vitest';
import { compileMdx } from './mdx';
import { ContentError, parseContent } from './parse';

const FILE = 'content/guides/guide-example.mdx';
const guide = (extra = '') => `---\nid: guide-example\nkind: guide\ntitle: Example\nsummary: One sentence.\nminutes: 3\n${extra}---\n\n## Hello\n`;

describe('parseContent', () => {
  it('returns the frontmatter and keeps MDX line numbers aligned with the file', () => {
    const { frontmatter, body } = parseContent(guide(), FILE);
    expect(frontmatter).toMatchObject({ id: 'guide-example', kind: 'guide', minutes: 3, related: [] });
    expect(body.split('\n')[8]).toBe('## Hello');
  });

  it('names the file and the field when a field is invalid', () => {
    expect(() => parseContent(guide().replace('minutes: 3', 'minutes: 30'), FILE)).toThrow(
      `${FILE}: invalid frontmatter: field "minutes" must be at most 12`,
    );
  });

  it('names a missing field', () => {
    expect(() => parseContent(guide().replace('summary: One sentence.\n', ''), FILE)).toThrow(/field "summary" is required/);
  });

  it('names an unknown field', () => {
    expect(() => parseContent(guide('colour: blue\n'), FILE)).toThrow(/unknown field "colour"/);
  });

  it('checks lesson-only fields and the hint count', () => {
    const lesson = `---\nid: stage-2-x\nkind: lesson\ntitle: X\nsummary: S.\nminutes: 5\nstage: 9\nsymptom: S.\nchallenge: C.\nhints: [a, b]\n---\n`;
    let error: unknown;
    try {
      parseContent(lesson, FILE);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect(String(error)).toMatch(/field "stage" must be between 1 and 8/);
    expect(String(error)).toMatch(/field "hints" must have at least 3 hints/);
  });

  it('rejects a file without frontmatter and YAML that does not parse', () => {
    expect(() => parseContent('# Title\n', FILE)).toThrow(`${FILE}: must start with a YAML frontmatter block`);
    expect(() => parseContent('---\ntitle: [unclosed\n---\n', FILE)).toThrow(/frontmatter is not valid YAML/);
  });
});

describe('compileMdx', () => {
  it('collects slugged headings and links', async () => {
    const out = await compileMdx('## Pros and cons\n\n### Trade-offs\n\nSee [caching](/learn/guide-caching#invalidation).\n', FILE);
    expect(out.headings).toEqual([
      { depth: 2, id: 'pros-and-cons', text: 'Pros and cons' },
      { depth: 3, id: 'trade-offs', text: 'Trade-offs' },
    ]);
    expect(out.links).toEqual(['/learn/guide-caching#invalidation']);
  });

  it('reports a syntax error with the file and line', async () => {
    await expect(compileMdx('\n\n<Callout>\n', FILE)).rejects.toThrow(/^content\/guides\/guide-example\.mdx: MDX does not compile.*\b3:1/);
  });
});
