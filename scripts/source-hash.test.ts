import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, sourceFiles, sourceHash, stampBuild } from './source-hash';
import { tempDir } from './temp-dirs';

/** A checkout of its own (app/, lib/, tsconfig.json) in a temporary folder. */
let base: string;
const file = (rel: string) => path.join(base, rel);
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
  fs.writeFileSync(file(rel), text);
};
/** Sets a file's mtime `seconds` ahead, as a later edit or `touch` would. */
const age = (rel: string, seconds: number) => {
  const t = new Date(Date.now() + seconds * 1000);
  fs.utimesSync(file(rel), t, t);
};

beforeEach(() => {
  base = tempDir('scalelab-source-hash-');
  write('app/page.tsx', 'export default function Page() { return <p>one</p>; }\n');
  write('lib/rules.ts', 'export const LIMIT = 10;\n');
  write('tsconfig.json', '{}\n');
});

describe('the build fingerprint', () => {
  it('stays the same when files are only touched', () => {
    const before = sourceHash(base);
    age('lib/rules.ts', 60);
    age('app/page.tsx', 120);
    expect(sourceHash(base)).toBe(before);
  });

  it('changes on an edit that keeps the size and the mtime', () => {
    const stat = fs.statSync(file('lib/rules.ts'));
    const before = sourceHash(base);
    write('lib/rules.ts', 'export const LIMIT = 99;\n');
    fs.utimesSync(file('lib/rules.ts'), stat.atime, stat.mtime);
    expect(fs.statSync(file('lib/rules.ts')).size).toBe(stat.size);
    expect(sourceHash(base)).not.toBe(before);
  });

  it('changes when a file is renamed, added or removed', () => {
    const before = sourceHash(base);
    fs.renameSync(file('lib/rules.ts'), file('lib/limits.ts'));
    const renamed = sourceHash(base);
    expect(renamed).not.toBe(before);
    write('lib/extra.ts', '');
    const added = sourceHash(base);
    expect(added).not.toBe(renamed);
    fs.rmSync(file('lib/extra.ts'));
    expect(sourceHash(base)).toBe(renamed);
  });

  it('covers the proxy and leaves tests out', () => {
    write('proxy.ts', 'export function proxy() {}\n');
    write('lib/rules.test.ts', 'it("x", () => {});\n');
    const files = sourceFiles(base).map((f) => path.relative(base, f));
    expect(files).toContain('proxy.ts');
    expect(files).not.toContain('lib/rules.test.ts');
  });

  it('marks a build current until the sources change, and not when only touched', () => {
    fs.mkdirSync(file('.next-x'));
    expect(buildIsCurrent('.next-x', base)).toBe(false); // never built
    write('.next-x/BUILD_ID', 'b1');
    stampBuild('.next-x', sourceHash(base), base);
    expect(buildIsCurrent('.next-x', base)).toBe(true);
    age('app/page.tsx', 60);
    expect(buildIsCurrent('.next-x', base)).toBe(true);
    write('app/page.tsx', 'export default function Page() { return <p>two</p>; }\n');
    expect(buildIsCurrent('.next-x', base)).toBe(false);
  });
});
