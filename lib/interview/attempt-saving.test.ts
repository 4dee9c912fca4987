import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { KEPT_MINE, SHOWING_THEIRS } from '@/lib/editor/other-tab';
import { createAttempt, type Attempt } from './attempt';
import {
  DESIGN_SAVE_DELAY_MS,
  ENDED_ELSEWHERE,
  FOLLOWED,
  SHOWING_THEIRS_ONLY,
  openAttemptTab,
  type AttemptTab,
} from './attempt-saving';
import { getProblem } from './problems';
import { activeKey, clearActive, readActive, writeActive } from './storage';
import { MemoryStorage, T0 } from './test-helpers';

const problem = getProblem('url-shortener')!;
const KEY = activeKey(problem.id);

/** One tab of the mock: what the page would show, the browser's storage shared with the other tabs. */
interface Tab {
  tab: AttemptTab;
  shows: () => Attempt | null;
  undoDesign: () => Design | null;
  synced: () => number;
  notices: string[];
  ended: string[];
  choosing: () => boolean;
  writes: () => number;
  /** An edit on this tab's canvas: a node of `kind` added to what it shows. */
  add(kind: string): void;
}

function openTab(storage: MemoryStorage): Tab {
  let shows: Attempt | null = null;
  let undo: Design | null = null;
  let synced = 0;
  let choosing = false;
  let writes = 0;
  const notices: string[] = [];
  const ended: string[] = [];
  let canvas: Design | null = null;
  const tab = openAttemptTab(storage, problem.id, {
    shown(a) {
      shows = a;
    },
    adopted(theirs, undoDesign) {
      shows = theirs;
      canvas = theirs.design;
      undo = undoDesign;
      synced += 1;
    },
    notify: (m) => notices.push(m),
    ended: (m) => {
      shows = null;
      ended.push(m);
    },
    choosing: (on) => {
      choosing = on;
    },
    wrote: (r) => {
      if (r.ok) writes += 1;
    },
  });
  const r = tab.load();
  shows = r.status === 'ok' ? r.attempt : null;
  canvas = shows?.design ?? null;
  return {
    tab,
    shows: () => shows,
    undoDesign: () => undo,
    synced: () => synced,
    notices,
    ended,
    choosing: () => choosing,
    writes: () => writes,
    add(kind) {
      const before = canvas!;
      canvas = {
        ...before,
        nodes: [
          ...before.nodes,
          { id: `${kind}-${before.nodes.length}`, kind: kind as never, position: { x: 0, y: 0 } },
        ],
      };
      const now = canvas;
      tab.saving.edit(() => now);
    },
  };
}

const kindsOf = (d: Design | undefined) => (d?.nodes ?? []).map((n) => n.kind).sort();
const storedKinds = (s: MemoryStorage) => {
  const r = readActive(s, problem.id);
  return r.status === 'ok' ? kindsOf(r.attempt.design) : null;
};

/** A mock on the design phase, stored, as both tabs open it. */
function designing(s: MemoryStorage) {
  const a = createAttempt(problem, { mode: 'practice', minutes: 45, now: T0, id: 'two-tabs' });
  writeActive(s, { ...a, phase: 'design', reached: 'design' });
}

describe('a mock open in two tabs', () => {
  let storage: MemoryStorage;
  let a: Tab;
  let b: Tab;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    designing(storage);
    a = openTab(storage);
    b = openTab(storage);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes a canvas edit into the attempt a moment after the last one, and writes it', () => {
    a.add('cache');
    expect(storedKinds(storage)).toEqual(['users']);
    vi.advanceTimersByTime(DESIGN_SAVE_DELAY_MS - 1);
    a.add('database');
    vi.advanceTimersByTime(DESIGN_SAVE_DELAY_MS);
    expect(storedKinds(storage)).toEqual(['cache', 'database', 'users']);
    expect(kindsOf(a.shows()?.design)).toEqual(['cache', 'database', 'users']);
    expect(a.writes()).toBe(1);
  });

  it('follows a newer save when it has nothing unsaved, and says so', () => {
    a.add('cache');
    vi.advanceTimersByTime(DESIGN_SAVE_DELAY_MS);
    b.tab.heard();
    expect(kindsOf(b.shows()?.design)).toEqual(['cache', 'users']);
    expect(b.synced()).toBe(1);
    expect(b.undoDesign()).toBeNull();
    expect(b.notices).toEqual([FOLLOWED]);
    expect(b.choosing()).toBe(false);
  });

  it('asks, and writes nothing, when another tab saves while a canvas edit of its own is still waiting', () => {
    b.add('cache');
    a.add('database');
    vi.advanceTimersByTime(DESIGN_SAVE_DELAY_MS - 100);
    // A's edit was made first and is saved first; B hears it with its own edit not yet taken in.
    a.tab.saving.flush();
    b.tab.heard();
    expect(b.choosing()).toBe(true);
    expect(b.synced()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(storedKinds(storage)).toEqual(['database', 'users']);
    // B still shows its own edit (taken into its attempt, not written).
    expect(kindsOf(b.shows()?.design)).toEqual(['cache', 'users']);
    // Further changes wait too, and a repeated save of the other tab is not asked about twice.
    b.tab.saving.apply({ type: 'notes', text: 'mine' });
    b.tab.heard();
    expect(storedKinds(storage)).toEqual(['database', 'users']);
    expect(readActive(storage, problem.id)).toMatchObject({ attempt: { notes: '' } });
  });

  it('does not write over another tab’s save it has not heard of yet: it asks instead', () => {
    a.add('database');
    vi.advanceTimersByTime(DESIGN_SAVE_DELAY_MS);
    expect(storedKinds(storage)).toEqual(['database', 'users']);
    // B's edit is taken in before the browser tells B about A's save.
    b.add('cache');
    vi.advanceTimersByTime(DESIGN_SAVE_DELAY_MS);
    expect(storedKinds(storage)).toEqual(['database', 'users']);
    expect(b.choosing()).toBe(true);
    expect(kindsOf(b.shows()?.design)).toEqual(['cache', 'users']);
    // The late event changes nothing while the user chooses.
    b.tab.heard();
    expect(b.synced()).toBe(0);
  });

  it('keeps this tab’s version when asked: written at once, and the other tab follows', () => {
    b.add('cache');
    a.add('database');
    a.tab.saving.flush();
    b.tab.heard();
    b.tab.keepMine();
    expect(b.choosing()).toBe(false);
    expect(storedKinds(storage)).toEqual(['cache', 'users']);
    expect(b.notices).toEqual([KEPT_MINE]);
    a.tab.heard();
    expect(kindsOf(a.shows()?.design)).toEqual(['cache', 'users']);
    expect(a.notices).toEqual([FOLLOWED]);
    // Saving goes on as before in B.
    b.tab.saving.apply({ type: 'notes', text: 'after' });
    expect(readActive(storage, problem.id)).toMatchObject({ attempt: { notes: 'after' } });
  });

  it('shows the other tab’s version when asked, with this tab’s design one Undo away, and writes nothing', () => {
    b.add('cache');
    a.add('database');
    a.tab.saving.flush();
    b.tab.heard();
    const writes = b.writes();
    b.tab.takeTheirs();
    expect(b.choosing()).toBe(false);
    expect(kindsOf(b.shows()?.design)).toEqual(['database', 'users']);
    expect(kindsOf(b.undoDesign() ?? undefined)).toEqual(['cache', 'users']);
    expect(b.notices).toEqual([SHOWING_THEIRS]);
    vi.advanceTimersByTime(1000);
    expect(b.writes()).toBe(writes);
    expect(storedKinds(storage)).toEqual(['database', 'users']);
  });

  it('promises no Undo when the other tab’s version is not on the design', () => {
    b.add('cache');
    a.tab.saving.apply({ type: 'go', phase: 'requirements', now: T0 + 1000 });
    b.tab.heard();
    b.tab.takeTheirs();
    expect(b.shows()?.phase).toBe('requirements');
    expect(b.undoDesign()).toBeNull();
    expect(b.notices).toEqual([SHOWING_THEIRS_ONLY]);
  });

  it('changes nothing when the other tab saved what this one already shows', () => {
    a.add('cache');
    b.add('cache');
    vi.advanceTimersByTime(DESIGN_SAVE_DELAY_MS);
    b.tab.heard();
    a.tab.heard();
    expect(a.choosing() || b.choosing()).toBe(false);
    expect(a.notices).toEqual([]);
    expect(b.notices).toEqual([]);
    // Nor does the next change in either tab ask: both have seen the stored copy.
    b.tab.saving.apply({ type: 'notes', text: 'b' });
    expect(b.choosing()).toBe(false);
    expect(readActive(storage, problem.id)).toMatchObject({ attempt: { notes: 'b' } });
  });

  it('goes back to the setup when the mock was finished or abandoned in another tab, with no choice left open', () => {
    b.add('cache');
    a.add('database');
    a.tab.saving.flush();
    b.tab.heard();
    expect(b.choosing()).toBe(true);
    clearActive(storage, problem.id);
    b.tab.heard();
    expect(b.choosing()).toBe(false);
    expect(b.ended).toEqual([ENDED_ELSEWHERE]);
    vi.advanceTimersByTime(1000);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('counts a change as unsaved while the storage is failing, so another tab’s save is not followed over it', () => {
    storage.failWrites = true;
    b.tab.saving.apply({ type: 'notes', text: 'not written' });
    storage.failWrites = false;
    a.add('database');
    a.tab.saving.flush();
    b.tab.heard();
    expect(b.choosing()).toBe(true);
    expect(b.tab.saving.mine()?.notes).toBe('not written');
  });
});
