import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_DIR, ROOT, acquireLock, distDirFor, missingTsconfigIncludes } from './app-process';
import { tempDir } from './temp-dirs';

describe('build locks', () => {
  it('live in this checkout, not in the system temporary folder', async () => {
    expect(LOCK_DIR.startsWith(ROOT + path.sep)).toBe(true);
    expect(LOCK_DIR.startsWith(os.tmpdir())).toBe(false);
    const name = `unit-${process.pid}`;
    const release = await acquireLock(name);
    try {
      expect(fs.readFileSync(path.join(LOCK_DIR, `${name}.lock`, 'pid'), 'utf8')).toBe(String(process.pid));
    } finally {
      release();
    }
    expect(fs.existsSync(path.join(LOCK_DIR, `${name}.lock`))).toBe(false);
  });

  it('make a second holder wait until the first releases', async () => {
    const dir = tempDir('scalelab-locks-');
    const first = await acquireLock('build', dir);
    let second: (() => void) | undefined;
    const waiting = acquireLock('build', dir).then((release) => (second = release));
    await new Promise((r) => setTimeout(r, 1200));
    expect(second).toBeUndefined();
    first();
    await waiting;
    expect(second).toBeDefined();
    second!();
  });

  it('take over a lock whose holder is gone', async () => {
    const dir = tempDir('scalelab-locks-');
    fs.mkdirSync(path.join(dir, 'build.lock'));
    // A pid no process has: above the kernel's maximum.
    fs.writeFileSync(path.join(dir, 'build.lock', 'pid'), String(2 ** 22 + 1));
    const release = await acquireLock('build', dir);
    expect(fs.readFileSync(path.join(dir, 'build.lock', 'pid'), 'utf8')).toBe(String(process.pid));
    release();
  });
});

describe('builds into a harness dist directory', () => {
  it('need no change to tsconfig.json, so `next build` leaves it alone', () => {
    // Every harness named anywhere in the scripts and tests (distDirFor('…')).
    const harnesses = new Set(['burst', 'multi', 'bench']);
    for (const dir of ['scripts', 'tests']) {
      for (const file of fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
        if (!/\.tsx?$/.test(file)) continue;
        for (const m of fs.readFileSync(path.join(ROOT, dir, file), 'utf8').matchAll(/distDirFor\('([\w-]+)'\)/g)) harnesses.add(m[1]);
      }
    }
    for (const harness of harnesses) expect(missingTsconfigIncludes(distDirFor(harness)), harness).toEqual([]);
    expect(missingTsconfigIncludes('.next')).toEqual([]);
  });

  it('name what tsconfig.json lacks for a dist directory it does not list', () => {
    expect(missingTsconfigIncludes('.next-elsewhere')).toEqual(['.next-elsewhere/types/**/*.ts', '.next-elsewhere/dev/types/**/*.ts']);
  });
});
