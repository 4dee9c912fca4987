import { describe, expect, it } from 'vitest';
import { createAttempt, isCompleted, type CompletedAttempt } from './attempt';
import { getProblem } from './problems';
import { reviewAttempt, snapshotOf } from './scoring';
import {
  HISTORY_KEY,
  HISTORY_LIMIT,
  activeKey,
  attemptExport,
  deleteAttempt,
  findAttempt,
  listActive,
  readActive,
  readHistory,
  sameAttempt,
  saveCompleted,
  writeActive,
} from './storage';
import { MemoryStorage, T0, idealAttempt } from './test-helpers';

const problem = getProblem('pastebin')!;

function completed(id: string, finishedAt: number): CompletedAttempt {
  const a = { ...idealAttempt(problem), id };
  return { ...a, finishedAt, review: snapshotOf(reviewAttempt(problem, a)) };
}

describe('the active attempt', () => {
  it('is written under a versioned key per problem and read back', () => {
    const s = new MemoryStorage();
    const a = createAttempt(problem, { mode: 'practice', minutes: 30, now: T0, id: 'x' });
    expect(writeActive(s, a)).toEqual({ ok: true });
    expect(activeKey('pastebin')).toBe('scalelab:interview:v1:active:pastebin');
    expect(readActive(s, 'pastebin')).toEqual({ status: 'ok', attempt: a });
    expect(listActive(s, ['pastebin', 'chat']).map((x) => x.id)).toEqual(['x']);
  });

  it('sets an unreadable copy aside instead of losing it', () => {
    const s = new MemoryStorage();
    s.setItem(activeKey('pastebin'), '{"version":1,"broken":true}');
    expect(readActive(s, 'pastebin')).toEqual({ status: 'unreadable' });
    expect(s.getItem(activeKey('pastebin'))).toBeNull();
    expect(s.getItem(`${activeKey('pastebin')}:unreadable`)).toBe('{"version":1,"broken":true}');
  });

  it('counts two copies that differ only in key order as the same attempt', () => {
    const a = idealAttempt(problem);
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const b = { ...reversed(a), estimates: reversed(a.estimates), asked: a.asked.map(reversed) } as typeof a;
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(sameAttempt(a, b)).toBe(true);
    expect(sameAttempt(a, { ...b, notes: `${a.notes}\n- more` })).toBe(false);
    expect(sameAttempt(a, { ...b, asked: a.asked.slice(1) })).toBe(false);
  });

  it('reports a full storage instead of throwing', () => {
    const s = new MemoryStorage();
    s.failWrites = true;
    expect(writeActive(s, createAttempt(problem, { mode: 'blind', minutes: 45, now: T0 }))).toEqual({
      ok: false,
      error: 'the browser storage is full',
    });
  });
});

describe('the history', () => {
  it('files a finished attempt and clears the active one', () => {
    const s = new MemoryStorage();
    const a = completed('done', T0 + 1);
    writeActive(s, { ...a, finishedAt: null, review: null });
    expect(saveCompleted(s, a)).toEqual({ ok: true });
    expect(readActive(s, 'pastebin')).toEqual({ status: 'none' });
    expect(findAttempt(s, 'done')?.review.total).toBe(100);
    expect(isCompleted(readHistory(s)[0])).toBe(true);
  });

  it('keeps attempts in the order they finished and drops the oldest beyond the limit', () => {
    const s = new MemoryStorage();
    for (let i = 0; i < HISTORY_LIMIT + 3; i++) saveCompleted(s, completed(`a${i}`, T0 + i));
    const h = readHistory(s);
    expect(h).toHaveLength(HISTORY_LIMIT);
    expect(h[0].id).toBe('a3');
    expect(deleteAttempt(s, 'a3')).toEqual({ ok: true });
    expect(findAttempt(s, 'a3')).toBeNull();
  });

  it('skips a single bad entry without losing the rest', () => {
    const s = new MemoryStorage();
    saveCompleted(s, completed('good', T0));
    const raw = JSON.parse(s.getItem(HISTORY_KEY)!);
    raw.attempts.push({ nonsense: true });
    s.setItem(HISTORY_KEY, JSON.stringify(raw));
    expect(readHistory(s).map((a) => a.id)).toEqual(['good']);
  });

  it('exports an attempt as a self-describing JSON file', () => {
    const a = completed('exp', T0);
    const file = JSON.parse(attemptExport(a, problem.title));
    expect(file).toMatchObject({ kind: 'scalelab-interview-attempt', version: 1, problemTitle: 'Pastebin' });
    expect(file.attempt.id).toBe('exp');
  });
});
