/**
 * A cited figure's source stands on its own: no editorial tags left from
 * drafting ("verify", "unverified", "TODO", "?"), which read to a learner as
 * doubts about the number. Sources come from the project's SOURCES.md, where
 * such tags are notes for whoever gathers figures, not for readers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const EDITORIAL = /\b(verify|verified\?|unverified|todo|tbd|fixme|check|citation needed|source\?)\b|\?|\(approx/i;

const files = ['lessons', 'guides'].flatMap((dir) =>
  fs
    .readdirSync(path.join('content', dir))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => path.join('content', dir, f)),
);

describe('citations', () => {
  it.each(files)('%s: every <Figure> source is free of editorial tags', (file) => {
    const body = fs.readFileSync(file, 'utf8');
    const sources = [...body.matchAll(/<Figure\s+source=(?:"([^"]*)"|'([^']*)'|\{[^}]*\})/g)].map((m) => m[1] ?? m[2] ?? m[0]);
    for (const source of sources) {
      expect(source.trim().length, `${file}: empty source`).toBeGreaterThan(0);
      expect(source, `${file}: editorial tag in the source "${source}"`).not.toMatch(EDITORIAL);
    }
  });

  it('no prose outside citations carries a drafting tag either', () => {
    const tagged = files.filter((file) => /\((?:verify|unverified|todo|tbd)\)/i.test(fs.readFileSync(file, 'utf8')));
    expect(tagged).toEqual([]);
  });
});
