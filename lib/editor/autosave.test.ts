import { describe, expect, it, vi } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { AUTOSAVE_BACKUP_KEY, AUTOSAVE_KEY, readAutosave, sameDesign, startAutosave, writeAutosave } from './autosave';
import { createEditorStore } from './store';
import { MemoryStorage } from '@/lib/testing/test-storage';

const design: Design = {
  schemaVersion: 1,
  name: 'Saved',
  nodes: [{ id: 'users', kind: 'users', position: { x: 0, y: 0 } }],
  edges: [],
};

describe('autosave', () => {
  it('writes a versioned record and reads the same design back', () => {
    const storage = new MemoryStorage();
    expect(readAutosave(storage)).toEqual({ status: 'empty' });
    expect(writeAutosave(storage, design, new Date('2026-01-02T03:04:05Z'))).toEqual({ ok: true });
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!)).toMatchObject({ version: 1, savedAt: '2026-01-02T03:04:05.000Z' });
    expect(readAutosave(storage)).toEqual({ status: 'ok', design, savedAt: '2026-01-02T03:04:05.000Z', notices: [] });
  });

  it('restores an older draft whose node carries a param its kind does not take: dropped, with a notice (MODEL.md §9.5)', () => {
    const storage = new MemoryStorage();
    const old = { schemaVersion: 1, nodes: [{ id: 'db', kind: 'database', params: { instances: 2, standby: true } }], edges: [] };
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 1, savedAt: 'then', design: old }));
    const read = readAutosave(storage);
    expect(read).toMatchObject({ status: 'ok', design: { nodes: [{ id: 'db', kind: 'database', params: { standby: true } }] } });
    expect(read.status === 'ok' && read.notices.map((n) => n.path)).toEqual(['nodes[0].params.instances']);
    expect(storage.getItem(AUTOSAVE_BACKUP_KEY)).toBeNull();
  });

  it('sets an unreadable copy aside instead of losing it', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 1, design: { schemaVersion: 1, nodes: [{ id: 'x', kind: 'mainframe' }], edges: [] } }));
    const read = readAutosave(storage);
    expect(read.status).toBe('unreadable');
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(storage.getItem(AUTOSAVE_BACKUP_KEY)).toContain('mainframe');
    storage.setItem(AUTOSAVE_KEY, '{not json');
    expect(readAutosave(storage).status).toBe('unreadable');
  });

  it('reports a full storage instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.quotaBytes = 10;
    expect(writeAutosave(storage, design)).toEqual({ ok: false, error: 'the browser storage is full' });
  });

  it('saves a moment after the last graph change, and at once on flush', () => {
    vi.useFakeTimers();
    try {
      const storage = new MemoryStorage();
      const store = createEditorStore();
      const autosave = startAutosave(store, storage, () => {}, 400);
      store.getState().addNode('users', { x: 0, y: 0 });
      store.getState().selectAll();
      vi.advanceTimersByTime(300);
      expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
      store.getState().addNode('cache', { x: 0, y: 100 });
      vi.advanceTimersByTime(300);
      expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
      vi.advanceTimersByTime(200);
      const saved = readAutosave(storage);
      expect(saved.status === 'ok' && saved.design.nodes.map((n) => n.kind)).toEqual(['users', 'cache']);
      store.getState().renameDesign('Flushed');
      autosave.flush();
      const flushed = readAutosave(storage);
      expect(flushed.status === 'ok' && flushed.design.name).toBe('Flushed');
      autosave.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a design another tab saved without writing it back, and holds its own change while the user chooses', () => {
    vi.useFakeTimers();
    try {
      const storage = new MemoryStorage();
      const store = createEditorStore();
      const autosave = startAutosave(store, storage, () => {}, 400);
      expect(autosave.unsaved()).toBe(false);
      const theirs: Design = { schemaVersion: 1, name: 'Theirs', nodes: [{ id: 'u', kind: 'users', position: { x: 0, y: 0 } }], edges: [] };
      writeAutosave(storage, theirs);
      const written = storage.getItem(AUTOSAVE_KEY);
      autosave.adopt(theirs);
      vi.advanceTimersByTime(1000);
      expect(store.getState().graph.nodes.map((n) => n.id)).toEqual(['u']);
      expect(storage.getItem(AUTOSAVE_KEY)).toBe(written);
      expect(autosave.unsaved()).toBe(false);
      // Undo brings back what the tab showed before, and saves it like any change.
      store.getState().undo();
      expect(store.getState().graph.nodes).toHaveLength(0);
      vi.advanceTimersByTime(1000);
      expect(autosave.unsaved()).toBe(false);
      const undone = readAutosave(storage);
      expect(undone.status === 'ok' && undone.design.nodes).toEqual([]);
      writeAutosave(storage, theirs);
      autosave.adopt(theirs);

      store.getState().addNode('cache', { x: 0, y: 0 });
      expect(autosave.unsaved()).toBe(true);
      autosave.hold();
      store.getState().addNode('database', { x: 0, y: 100 });
      vi.advanceTimersByTime(1000);
      autosave.flush();
      expect(readAutosave(storage).status === 'ok' && sameDesign((readAutosave(storage) as { design: Design }).design, theirs)).toBe(true);
      autosave.release(true);
      const mine = readAutosave(storage);
      expect(mine.status === 'ok' && mine.design.nodes.map((n) => n.kind)).toEqual(['users', 'cache', 'database']);
      autosave.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('compares designs whatever their key order', () => {
    const a: Design = { schemaVersion: 1, nodes: [{ id: 'u', kind: 'users', position: { x: 0, y: 0 } }], edges: [] };
    const b = JSON.parse('{"edges":[],"nodes":[{"position":{"y":0,"x":0},"kind":"users","id":"u"}],"schemaVersion":1}') as Design;
    expect(sameDesign(a, b)).toBe(true);
    expect(sameDesign(a, { ...b, name: 'Other' })).toBe(false);
  });
});

