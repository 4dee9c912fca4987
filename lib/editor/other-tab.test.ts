import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { AUTOSAVE_BACKUP_KEY, AUTOSAVE_KEY, readAutosave, sameDesign, startAutosave, writeAutosave, type Autosave } from './autosave';
import { KEPT_MINE, otherTabSync, SHOWING_THEIRS, THEIRS_UNREADABLE, type OtherTabSync } from './other-tab';
import { createEditorStore, designOf, type EditorStore, type NoticeTone } from './store';
import { MemoryStorage } from '@/lib/testing/test-storage';

const FOLLOWED = 'This design was changed in another tab, so this tab now shows that version. Undo brings back what was here.';

/** One tab of the sandbox: its own store and autosave, the browser's storage shared with the other tabs. */
interface Tab {
  store: EditorStore;
  autosave: Autosave;
  sync: OtherTabSync;
  notices: [string, NoticeTone][];
  choosing: () => boolean;
  kinds: () => string[];
}

function openTab(storage: Storage): Tab {
  const store = createEditorStore();
  const saved = readAutosave(storage);
  if (saved.status === 'ok') store.getState().loadDesign(saved.design, 'reset');
  const autosave = startAutosave(store, storage, () => {}, 400);
  const notices: [string, NoticeTone][] = [];
  let open = false;
  const sync = otherTabSync(
    {
      read: () => {
        const r = readAutosave(storage);
        return r.status === 'ok' ? r.design : null;
      },
      mine: () => designOf(store.getState()),
      same: sameDesign,
      saving: autosave,
      notify: (message, tone) => notices.push([message, tone]),
      followed: FOLLOWED,
    },
    {
      isOpen: () => open,
      setOpen: (on) => {
        open = on;
      },
    },
  );
  return { store, autosave, sync, notices, choosing: () => open, kinds: () => designOf(store.getState()).nodes.map((n) => n.kind) };
}

const storedKinds = (storage: Storage) => {
  const r = readAutosave(storage);
  return r.status === 'ok' ? r.design.nodes.map((n) => n.kind) : null;
};

describe('the two-tab watcher', () => {
  let storage: MemoryStorage;
  let a: Tab;
  let b: Tab;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    a = openTab(storage);
    b = openTab(storage);
  });
  afterEach(() => {
    a.autosave.stop();
    b.autosave.stop();
    vi.useRealTimers();
  });

  it('follows another tab’s save when nothing here is unsaved, without writing it back', () => {
    a.store.getState().addNode('users', { x: 0, y: 0 });
    vi.advanceTimersByTime(500);
    const written = storage.getItem(AUTOSAVE_KEY);
    expect(storedKinds(storage)).toEqual(['users']);

    b.sync.heard();
    expect(b.kinds()).toEqual(['users']);
    expect(b.notices).toEqual([[FOLLOWED, 'info']]);
    expect(b.choosing()).toBe(false);
    expect(b.autosave.unsaved()).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(written);

    // Its next edit keeps both tabs' work; Undo brings back what it showed before following.
    b.store.getState().addNode('cache', { x: 0, y: 100 });
    vi.advanceTimersByTime(500);
    expect(storedKinds(storage)).toEqual(['users', 'cache']);
    b.store.getState().undo();
    b.store.getState().undo();
    expect(b.kinds()).toEqual([]);
  });

  it('ignores a save of what this tab already shows, even with a change of its own waiting', () => {
    a.store.getState().addNode('users', { x: 0, y: 0 });
    vi.advanceTimersByTime(500);
    b.sync.heard();
    b.notices.length = 0;

    // A tab hears its own version back when the other tab saves it again.
    const mine = designOf(b.store.getState());
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(mine).reverse()))) as Design;
    writeAutosave(storage, reordered);
    const before = b.store.getState().graph;
    b.store.getState().addNode('cache', { x: 0, y: 100 });
    b.store.getState().undo();
    b.sync.heard();
    expect(b.notices).toEqual([]);
    expect(b.choosing()).toBe(false);
    expect(b.store.getState().graph.nodes).toEqual(before.nodes);
  });

  it('ignores a removed or unreadable save', () => {
    b.store.getState().addNode('cache', { x: 0, y: 0 });
    storage.setItem(AUTOSAVE_KEY, '{not json');
    b.sync.heard();
    storage.removeItem(AUTOSAVE_KEY);
    b.sync.heard();
    expect(b.notices).toEqual([]);
    expect(b.choosing()).toBe(false);
    expect(b.kinds()).toEqual(['cache']);
  });

  it('holds this tab’s unsaved change and asks, writing nothing over the other tab’s save meanwhile', () => {
    a.store.getState().addNode('users', { x: 0, y: 0 });
    vi.advanceTimersByTime(500);
    b.sync.heard();
    b.notices.length = 0;

    // B's edit is still waiting to be saved when A's save arrives.
    a.store.getState().addNode('database', { x: 300, y: 0 });
    vi.advanceTimersByTime(500);
    b.store.getState().addNode('cache', { x: 0, y: 100 });
    b.sync.heard();
    expect(b.choosing()).toBe(true);
    expect(b.notices).toEqual([]);
    expect(b.kinds()).toEqual(['users', 'cache']);
    vi.advanceTimersByTime(1000);
    b.autosave.flush();
    expect(storedKinds(storage)).toEqual(['users', 'database']);

    // A further save changes nothing while the user chooses, not even one that matches this tab.
    a.store.getState().addNode('queue', { x: 300, y: 100 });
    vi.advanceTimersByTime(500);
    b.sync.heard();
    writeAutosave(storage, designOf(b.store.getState()));
    b.sync.heard();
    expect(b.choosing()).toBe(true);
    expect(b.kinds()).toEqual(['users', 'cache']);
    expect(b.notices).toEqual([]);
    // One that no longer reads is set aside at once, before an answer could write over it.
    storage.setItem(AUTOSAVE_KEY, '{"version":2}');
    b.sync.heard();
    expect(storage.getItem(AUTOSAVE_BACKUP_KEY)).toBe('{"version":2}');
    expect(b.choosing()).toBe(true);
  });

  it('keeps this tab’s version: written at once, and the other tab follows it', () => {
    a.store.getState().addNode('users', { x: 0, y: 0 });
    vi.advanceTimersByTime(500);
    b.sync.heard();
    a.store.getState().addNode('database', { x: 300, y: 0 });
    vi.advanceTimersByTime(500);
    b.store.getState().addNode('cache', { x: 0, y: 100 });
    b.sync.heard();
    expect(b.choosing()).toBe(true);
    b.notices.length = 0;

    b.sync.keepMine();
    expect(b.choosing()).toBe(false);
    expect(b.notices).toEqual([[KEPT_MINE, 'success']]);
    expect(storedKinds(storage)).toEqual(['users', 'cache']);
    a.sync.heard();
    expect(a.kinds()).toEqual(['users', 'cache']);
    // Saving goes on as before.
    b.store.getState().addNode('queue', { x: 0, y: 200 });
    vi.advanceTimersByTime(500);
    expect(storedKinds(storage)).toEqual(['users', 'cache', 'queue']);
  });

  it('takes the other tab’s version: shown without writing, with this tab’s own one Undo away', () => {
    a.store.getState().addNode('database', { x: 300, y: 0 });
    vi.advanceTimersByTime(500);
    b.store.getState().addNode('cache', { x: 0, y: 100 });
    b.sync.heard();
    expect(b.choosing()).toBe(true);
    const theirs = storage.getItem(AUTOSAVE_KEY);

    b.sync.takeTheirs();
    expect(b.choosing()).toBe(false);
    expect(b.notices).toEqual([[SHOWING_THEIRS, 'success']]);
    expect(b.kinds()).toEqual(['database']);
    expect(b.autosave.unsaved()).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(theirs);
    b.store.getState().undo();
    expect(b.kinds()).toEqual(['cache']);
    vi.advanceTimersByTime(500);
    expect(storedKinds(storage)).toEqual(['cache']);
  });

  it('keeps this tab’s version when the other one can no longer be read', () => {
    a.store.getState().addNode('database', { x: 300, y: 0 });
    vi.advanceTimersByTime(500);
    b.store.getState().addNode('cache', { x: 0, y: 100 });
    b.sync.heard();
    expect(b.choosing()).toBe(true);
    storage.setItem(AUTOSAVE_KEY, '{"version":1,"design":{"nodes":"no"}}');

    b.sync.takeTheirs();
    expect(b.choosing()).toBe(false);
    expect(b.notices).toEqual([[THEIRS_UNREADABLE, 'error']]);
    expect(b.kinds()).toEqual(['cache']);
    expect(storedKinds(storage)).toEqual(['cache']);
  });

  it('follows nothing while the user chooses, even once this tab has nothing unsaved left', () => {
    let stored = 1;
    let unsaved = true;
    const adopt = vi.fn();
    const hold = vi.fn();
    const sync = otherTabSync<number>({
      read: () => stored,
      mine: () => 0,
      same: (x, y) => x === y,
      saving: { unsaved: () => unsaved, hold, release: () => {}, adopt },
      notify: () => {},
      followed: FOLLOWED,
    });
    sync.heard();
    expect(hold).toHaveBeenCalledTimes(1);
    // Say the user undid their change: the next save still waits for their answer.
    unsaved = false;
    stored = 2;
    sync.heard();
    expect(adopt).not.toHaveBeenCalled();
    expect(hold).toHaveBeenCalledTimes(1);
    sync.takeTheirs();
    expect(adopt).toHaveBeenCalledWith(2);
    stored = 3;
    sync.heard();
    expect(adopt).toHaveBeenLastCalledWith(3);
  });

  it('compares nothing before the page has something to show', () => {
    const notices: string[] = [];
    const adopt = vi.fn();
    const hold = vi.fn();
    const sync = otherTabSync<Design>({
      read: () => ({ schemaVersion: 1, nodes: [], edges: [] }),
      mine: () => null,
      same: sameDesign,
      saving: { unsaved: () => true, hold, release: () => {}, adopt },
      notify: (m) => notices.push(m),
      followed: FOLLOWED,
    });
    sync.heard();
    expect(adopt).not.toHaveBeenCalled();
    expect(hold).not.toHaveBeenCalled();
    expect(notices).toEqual([]);
  });
});
