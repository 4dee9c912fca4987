import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { MemoryStorage } from '@/lib/testing/test-storage';
import { readLessonDesign } from '@/lib/learn/progress';
import { HANDOFF_KEY, lessonSlot, readSandboxLesson, SAVE_DELAY_MS, startSession, takeHandoff, writeHandoff, writeSandboxLesson } from './session';
import { createEditorStore, designOf } from './store';

const start: Design = { schemaVersion: 1, name: 'Start', nodes: [{ id: 'users', kind: 'users', position: { x: 0, y: 0 } }], edges: [] };
const saved: Design = {
  schemaVersion: 1,
  name: 'Saved',
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
    { id: 'app', kind: 'app-server', position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'app' }],
};

describe('a design session', () => {
  let win: EventTarget;
  beforeEach(() => {
    vi.useFakeTimers();
    win = new EventTarget();
    vi.stubGlobal('window', win);
    vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('restores the slot’s design, saves nothing on opening, then saves one debounce after a change', () => {
    const storage = new MemoryStorage();
    const slot = lessonSlot(storage, 'l1');
    slot.write(saved);
    const before = storage.getItem('scalelab:lesson:v1:l1');
    const store = createEditorStore({ design: start });
    const session = startSession(store, { slot });
    expect(designOf(store.getState()).nodes).toHaveLength(2);
    expect(store.getState().ui.hydrated).toBe(true);
    vi.advanceTimersByTime(SAVE_DELAY_MS * 2);
    expect(storage.getItem('scalelab:lesson:v1:l1')).toBe(before);

    store.getState().renameDesign('Renamed');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(readLessonDesign(storage, 'l1')).toMatchObject({ design: { name: 'Saved' } });
    vi.advanceTimersByTime(1);
    expect(readLessonDesign(storage, 'l1')).toMatchObject({ design: { name: 'Renamed' } });
    session.stop();
  });

  it('reports changes to its page once per pause, at once when the page hides, and what waits when it stops', () => {
    const store = createEditorStore({ design: start });
    const heard: string[] = [];
    const session = startSession(store, { onChange: (d) => heard.push(d.name ?? '') });
    store.getState().renameDesign('a');
    store.getState().renameDesign('b');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(heard).toEqual(['b']);
    store.getState().renameDesign('c');
    win.dispatchEvent(new Event('pagehide'));
    expect(heard).toEqual(['b', 'c']);
    store.getState().renameDesign('d');
    session.stop();
    expect(heard).toEqual(['b', 'c', 'd']);
    store.getState().renameDesign('e');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(heard).toEqual(['b', 'c', 'd']);
  });
});

describe('a lesson’s design to the sandbox and back', () => {
  it('is taken once, only by the page and the lesson it is for', () => {
    const storage = new MemoryStorage();
    const ref = { lessonId: 'l1', title: 'Lesson one', href: '/learn/l1' };
    expect(writeHandoff(storage, { to: 'sandbox', ...ref, design: saved })).toEqual({ ok: true });
    expect(takeHandoff(storage, 'lesson', 'l1')).toBeNull();
    expect(takeHandoff(storage, 'sandbox', 'l2')).toBeNull();
    expect(takeHandoff(storage, 'sandbox', 'l1')).toMatchObject({ ...ref, design: { name: 'Saved' } });
    expect(storage.getItem(HANDOFF_KEY)).toBeNull();
    expect(takeHandoff(storage, 'sandbox', 'l1')).toBeNull();
  });

  it('drops a design that no longer reads, and remembers the lesson for the way back', () => {
    const storage = new MemoryStorage();
    storage.setItem(HANDOFF_KEY, JSON.stringify({ version: 1, to: 'lesson', lessonId: 'l1', title: 't', href: '/learn/l1', design: { nodes: 'no' } }));
    expect(takeHandoff(storage, 'lesson', 'l1')).toBeNull();
    expect(storage.getItem(HANDOFF_KEY)).toBeNull();
    expect(readSandboxLesson(storage)).toBeNull();
    writeSandboxLesson(storage, { lessonId: 'l1', title: 't', href: '/learn/l1' });
    expect(readSandboxLesson(storage)).toEqual({ lessonId: 'l1', title: 't', href: '/learn/l1' });
    writeSandboxLesson(storage, null);
    expect(readSandboxLesson(storage)).toBeNull();
  });
});
