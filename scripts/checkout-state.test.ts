import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkoutChanges, checkoutState } from './checkout-state';
import { tempDir } from './temp-dirs';

/** A git repository of its own with two committed files. */
let repo: string;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo });
beforeEach(() => {
  repo = tempDir('scalelab-checkout-');
  git('init', '-q');
  fs.writeFileSync(path.join(repo, 'tsconfig.json'), '{}\n');
  fs.writeFileSync(path.join(repo, '.gitignore'), 'build/\n');
  git('add', '.');
  git('commit', '-qm', 'start');
});
const later = (file: string) => {
  const t = new Date(Date.now() + 60_000);
  fs.utimesSync(path.join(repo, file), t, t);
};

describe('the checkout check', () => {
  it('finds nothing when only ignored files changed', () => {
    const before = checkoutState(repo);
    fs.mkdirSync(path.join(repo, 'build'));
    fs.writeFileSync(path.join(repo, 'build', 'out.js'), 'x');
    expect(checkoutChanges(before, checkoutState(repo))).toEqual([]);
  });

  it('names a tracked file rewritten with the same contents', () => {
    const before = checkoutState(repo);
    fs.writeFileSync(path.join(repo, 'tsconfig.json'), '{}\n');
    later('tsconfig.json');
    expect(checkoutChanges(before, checkoutState(repo))).toEqual(['tsconfig.json was rewritten (its mtime or size changed)']);
  });

  it('names an edited tracked file and a new untracked one', () => {
    const before = checkoutState(repo);
    fs.writeFileSync(path.join(repo, 'tsconfig.json'), '{"include":[]}\n');
    fs.writeFileSync(path.join(repo, 'stray.db'), '');
    const changes = checkoutChanges(before, checkoutState(repo));
    expect(changes).toContain('git status now shows " M tsconfig.json"');
    expect(changes).toContain('git status now shows "?? stray.db"');
    expect(changes).toContain('tsconfig.json was rewritten (its mtime or size changed)');
  });
});
