/**
 * What a test run must leave as it found it: the checkout's `git status`
 * and every tracked file untouched — not even rewritten with the same
 * contents, which changes its mtime and makes `npm start` think the sources
 * changed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface CheckoutState {
  /** `git status --porcelain`, untracked files listed one by one. */
  status: string[];
  /** Tracked file → its mtime (ms) and size. */
  tracked: Map<string, string>;
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function checkoutState(root: string): CheckoutState {
  const status = git(root, ['status', '--porcelain=v1', '--untracked-files=all', '-z']).split('\0').filter(Boolean);
  const tracked = new Map<string, string>();
  for (const file of git(root, ['ls-files', '-z']).split('\0').filter(Boolean)) {
    try {
      const stat = fs.statSync(path.join(root, file));
      tracked.set(file, `${stat.mtimeMs}:${stat.size}`);
    } catch {
      tracked.set(file, 'missing');
    }
  }
  return { status, tracked };
}

/** Sentences naming what changed between two states (none: the checkout is as it was). */
export function checkoutChanges(before: CheckoutState, after: CheckoutState): string[] {
  const changes: string[] = [];
  const was = new Set(before.status);
  const is = new Set(after.status);
  for (const line of after.status) if (!was.has(line)) changes.push(`git status now shows "${line}"`);
  for (const line of before.status) if (!is.has(line)) changes.push(`git status no longer shows "${line}"`);
  for (const [file, stamp] of after.tracked) {
    const old = before.tracked.get(file);
    if (old !== undefined && old !== stamp) changes.push(`${file} was rewritten (its mtime or size changed)`);
  }
  return changes;
}
