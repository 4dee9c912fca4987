import { describe, expect, it } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import type { Design } from '@/lib/engine/data';
import { createEditorStore, designOf, HISTORY_LIMIT, onlyMeasured, type EditorStore } from './store';
import { CLIPBOARD_TYPE, offsetToPoint } from './clipboard';
import type { EditorNode } from './types';

const small: Design = {
  schemaVersion: 1,
  name: 'Small',
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
    { id: 'app', kind: 'app-server', position: { x: 300, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'app' }],
};

function loaded(): EditorStore {
  const store = createEditorStore();
  store.getState().loadDesign(small, 'reset');
  return store;
}

const past = (s: EditorStore) => s.temporal.getState().pastStates.length;
const future = (s: EditorStore) => s.temporal.getState().futureStates.length;
const pos = (s: EditorStore, id: string) => s.getState().graph.nodes.find((n) => n.id === id)!.position;
const drag = (id: string, x: number, y: number, dragging: boolean): NodeChange<EditorNode> => ({
  id,
  type: 'position',
  position: { x, y },
  dragging,
});

describe('editor store: undo policy', () => {
  it('restoring the autosave resets history; loading a design later is one undo step', () => {
    const store = loaded();
    expect(past(store)).toBe(0);
    store.getState().loadDesign({ schemaVersion: 1, nodes: [{ id: 'db', kind: 'database' }], edges: [] }, 'record');
    expect(past(store)).toBe(1);
    expect(store.getState().graph.nodes.map((n) => n.id)).toEqual(['db']);
    store.getState().undo();
    expect(designOf(store.getState())).toEqual(small);
  });

  it('records each edit as one step, and undo/redo walk them', () => {
    const store = loaded();
    const id = store.getState().addNode('database', { x: 600, y: 0 });
    expect(store.getState().connectNodes('app', id)).toEqual({ ok: true });
    expect(store.getState().updateNodeParams('app', { instances: 3 })).toEqual({ ok: true });
    expect(past(store)).toBe(3);
    store.getState().undo();
    expect(store.getState().graph.nodes[1].data.params).toEqual({});
    store.getState().undo();
    expect(store.getState().graph.edges).toHaveLength(1);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().graph.edges).toHaveLength(2);
    expect(store.getState().graph.nodes[1].data.params).toEqual({ instances: 3 });
    expect(future(store)).toBe(0);
  });

  it('records a drag once, on drop, never per pointer move', () => {
    const store = loaded();
    const { applyNodeChanges } = store.getState();
    for (let i = 1; i <= 30; i++) applyNodeChanges([drag('app', 300 + i * 10, i * 5, true)]);
    expect(past(store)).toBe(0);
    expect(pos(store, 'app')).toEqual({ x: 600, y: 150 });
    applyNodeChanges([drag('app', 608, 160, false)]);
    expect(past(store)).toBe(1);
    store.getState().undo();
    expect(pos(store, 'app')).toEqual({ x: 300, y: 0 });
    store.getState().redo();
    expect(pos(store, 'app')).toEqual({ x: 608, y: 160 });
  });

  it('a drag that ends without a final change is closed by finishDrag', () => {
    const store = loaded();
    store.getState().applyNodeChanges([drag('app', 400, 40, true)]);
    store.getState().finishDrag();
    expect(past(store)).toBe(1);
    store.getState().undo();
    expect(pos(store, 'app')).toEqual({ x: 300, y: 0 });
  });

  it('does not record selection, measuring, results or UI changes', () => {
    const store = loaded();
    const s = store.getState();
    s.applyNodeChanges([{ id: 'app', type: 'select', selected: true }]);
    s.applyNodeChanges([{ id: 'app', type: 'dimensions', dimensions: { width: 192, height: 80 } }]);
    s.selectAll();
    s.clearSelection();
    s.setResults({ nodes: { app: { utilization: 0.7, band: 'warm' } } });
    s.notify('hello');
    s.setShortcutsOpen(true);
    expect(past(store)).toBe(0);
    expect(store.getState().graph.nodes[1].measured).toEqual({ width: 192, height: 80 });
  });

  it('keeps selection out of the graph and prunes it after undo', () => {
    const store = loaded();
    const id = store.getState().addNode('cache', { x: 0, y: 200 });
    expect(store.getState().selection.nodeIds).toEqual([id]);
    expect(store.getState().graph.nodes.every((n) => n.selected === undefined)).toBe(true);
    store.getState().undo();
    expect(store.getState().selection.nodeIds).toEqual([]);
  });

  it('deletes nodes with their edges in one step', () => {
    const store = loaded();
    store.getState().selectElements(['app']);
    store.getState().deleteSelection();
    expect(store.getState().graph.nodes.map((n) => n.id)).toEqual(['users']);
    expect(store.getState().graph.edges).toEqual([]);
    expect(past(store)).toBe(1);
    store.getState().undo();
    expect(designOf(store.getState())).toEqual(small);
  });

  it('refuses invalid parameter values and leaves the design alone', () => {
    const store = loaded();
    const before = store.getState().graph;
    const result = store.getState().updateNodeParams('app', { instances: 0 });
    expect(result).toEqual({ ok: false, issues: [{ path: 'instances', message: 'instances must be at least 1' }] });
    expect(store.getState().updateNodeParams('app', { hitRatio: 2 }).ok).toBe(false);
    expect(store.getState().updateEdgeParams('e1', { share: -1 }).ok).toBe(false);
    expect(store.getState().graph).toBe(before);
    expect(past(store)).toBe(0);
  });

  it('removing an override goes back to the default and is one step', () => {
    const store = loaded();
    store.getState().updateNodeParams('app', { instances: 4 });
    store.getState().updateNodeParams('app', { instances: undefined });
    expect(store.getState().graph.nodes[1].data.params).toEqual({});
    expect(past(store)).toBe(2);
    // Setting the same value again is not a step.
    store.getState().updateNodeParams('app', {});
    expect(past(store)).toBe(2);
  });

  it('refuses a connection the model cannot use, with its reason', () => {
    const store = loaded();
    const verdict = store.getState().connectNodes('app', 'users');
    expect(verdict.ok).toBe(false);
    expect(past(store)).toBe(0);
  });

  it('auto-layout is one step', () => {
    const store = loaded();
    store.getState().applyLayout(
      new Map([
        ['users', { x: 10, y: 10 }],
        ['app', { x: 400, y: 10 }],
      ]),
    );
    expect(past(store)).toBe(1);
    store.getState().undo();
    expect(pos(store, 'app')).toEqual({ x: 300, y: 0 });
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    const store = loaded();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store.getState().renameDesign(`Name ${i}`);
    expect(past(store)).toBe(HISTORY_LIMIT);
  });
});

describe('editor store: telling measuring from edits', () => {
  it('React Flow measuring the cards is not an edit; adding, moving, renaming or loading the same design again is', () => {
    const store = loaded();
    const graph = () => store.getState().graph;
    const s = store.getState();

    const before = graph();
    s.applyNodeChanges([
      { id: 'users', type: 'dimensions', dimensions: { width: 192, height: 80 } },
      { id: 'app', type: 'dimensions', dimensions: { width: 192, height: 80 } },
    ]);
    expect(graph()).not.toBe(before);
    expect(onlyMeasured(before, graph())).toBe(true);
    expect(onlyMeasured(graph(), graph())).toBe(true);

    const edits: [string, () => void][] = [
      ['a drag', () => s.applyNodeChanges([drag('app', 340, 20, true)])],
      ['the drop', () => s.applyNodeChanges([drag('app', 360, 40, false)])],
      ['an add', () => void s.addNode('database', { x: 600, y: 0 })],
      ['a rename', () => s.renameDesign('Renamed')],
      ['loading the same design again', () => s.loadDesign(small, 'record')],
    ];
    for (const [what, edit] of edits) {
      const prev = graph();
      edit();
      expect(graph(), what).not.toBe(prev);
      expect(onlyMeasured(prev, graph()), what).toBe(false);
    }
  });
});

describe('editor store: duplicate and paste', () => {
  it('duplicates the selection with fresh ids, rewired edges and one step', () => {
    const store = loaded();
    store.getState().selectAll();
    store.getState().duplicateSelection();
    const { nodes, edges } = store.getState().graph;
    expect(nodes.map((n) => n.id)).toEqual(['users', 'app', 'users-2', 'app-server']);
    expect(edges.map((e) => [e.source, e.target])).toEqual([
      ['users', 'app'],
      ['users-2', 'app-server'],
    ]);
    expect(store.getState().selection.nodeIds).toEqual(['users-2', 'app-server']);
    // Straight below the originals, clear of them (cards are under 120 px tall), not on top.
    expect(nodes[3].position).toEqual({ x: 300, y: 120 });
    expect(past(store)).toBe(1);
  });

  it('puts each further paste of the same fragment clear of the copies before it, and a paste at a point there', () => {
    const store = loaded();
    store.getState().selectAll();
    const payload = store.getState().copySelection()!;
    store.getState().pasteClipboard(payload);
    store.getState().pasteClipboard(payload);
    const ys = store.getState().graph.nodes.filter((n) => n.data.kind === 'app-server').map((n) => n.position.y);
    expect(ys).toEqual([0, 120, 240]);
    // At the pointer: the fragment's top-left card lands on the point, on the canvas grid (16 px).
    store.getState().pasteClipboard(payload, offsetToPoint(payload, { x: 1003, y: 498 }));
    const added = store.getState().selection.nodeIds.map((id) => store.getState().graph.nodes.find((n) => n.id === id)!.position);
    expect(added).toEqual([
      { x: 1008, y: 496 },
      { x: 1308, y: 496 },
    ]);
  });

  it('labels new nodes uniquely', () => {
    const store = createEditorStore();
    const a = store.getState().addNode('app-server', { x: 0, y: 0 });
    const b = store.getState().addNode('app-server', { x: 0, y: 100 });
    const labels = store.getState().graph.nodes.map((n) => n.data.label);
    expect([a, b]).toEqual(['app-server', 'app-server-2']);
    expect(labels).toEqual(['App server', 'App server 2']);
  });
});

describe('editor store: a scenario’s locked nodes and allowed kinds', () => {
  const start: Design = {
    schemaVersion: 1,
    nodes: [
      { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
      { id: 'lb', kind: 'load-balancer', label: 'Front door', position: { x: 200, y: 0 } },
      { id: 'db', kind: 'database', label: 'Database', position: { x: 600, y: 0 } },
      { id: 'app', kind: 'app-server', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'u-lb', source: 'users', target: 'lb' },
      { id: 'lb-db', source: 'lb', target: 'db' },
      { id: 'lb-app', source: 'lb', target: 'app' },
    ],
  };
  const make = () => createEditorStore({ design: start, lockedNodeIds: ['lb', 'db'], allowedKinds: ['load-balancer', 'app-server', 'database'] });

  it('refuses to remove a locked node, says why, and still removes the rest of the request', () => {
    const store = make();
    store.getState().deleteElements({ nodeIds: ['db', 'app'] });
    const ids = store.getState().graph.nodes.map((n) => n.id);
    expect(ids).toContain('db');
    expect(ids).not.toContain('app');
    expect(store.getState().ui.notice?.message).toMatch(/“Database” is locked by the instructor/);
  });

  it('refuses to change or rename a locked node, and leaves its settings as they were', () => {
    const store = make();
    const r = store.getState().updateNodeParams('lb', { instances: 4 });
    expect(r.ok).toBe(false);
    expect(store.getState().renameNode('db', 'Mine').ok).toBe(false);
    expect(designOf(store.getState()).nodes.find((n) => n.id === 'lb')?.params).toBeUndefined();
    expect(designOf(store.getState()).nodes.find((n) => n.id === 'db')?.label).toBe('Database');
    // An unlocked node is the student's to change.
    expect(store.getState().updateNodeParams('app', { instances: 4 }).ok).toBe(true);
  });

  it('keeps a locked node in place through a drag, a nudge and auto-layout, with one notice per gesture', () => {
    const store = make();
    const move = (dragging: boolean, x: number): NodeChange<EditorNode>[] => [
      { type: 'position', id: 'db', position: { x, y: 40 }, dragging },
      { type: 'position', id: 'app', position: { x: x - 200, y: 40 }, dragging },
    ];
    store.getState().applyNodeChanges(move(true, 620));
    const first = store.getState().ui.notice?.id;
    store.getState().applyNodeChanges(move(true, 640));
    expect(store.getState().ui.notice?.id).toBe(first);
    store.getState().applyNodeChanges(move(false, 660));
    const pos = (id: string) => store.getState().graph.nodes.find((n) => n.id === id)!.position;
    expect(pos('db')).toEqual({ x: 600, y: 0 });
    expect(pos('app')).toEqual({ x: 460, y: 40 });
    store.getState().applyLayout(new Map([['db', { x: 10, y: 10 }], ['app', { x: 20, y: 20 }]]));
    expect(pos('db')).toEqual({ x: 600, y: 0 });
    expect(pos('app')).toEqual({ x: 20, y: 20 });
  });

  it('keeps the starting connections between locked nodes, but not ones the student adds or ones to their own nodes', () => {
    const store = make();
    store.getState().deleteElements({ edgeIds: ['lb-db'] });
    expect(store.getState().graph.edges.map((e) => e.id)).toContain('lb-db');
    expect(store.getState().ui.notice?.message).toBe('That connection is locked by the instructor.');
    expect(store.getState().updateEdgeParams('lb-db', { share: 0.5 }).ok).toBe(false);
    store.getState().deleteElements({ edgeIds: ['lb-app'] });
    expect(store.getState().graph.edges.map((e) => e.id)).not.toContain('lb-app');
  });

  it('adds only the kinds the scenario allows (and Users), and refuses a paste that carries another kind', () => {
    const store = make();
    expect(store.getState().addNode('cache', { x: 0, y: 200 })).toBe('');
    expect(store.getState().ui.notice?.message).toBe('Cache is not allowed in this scenario.');
    expect(store.getState().addNode('app-server', { x: 0, y: 200 })).not.toBe('');
    expect(store.getState().addNode('users', { x: 0, y: 300 })).not.toBe('');
    const before = store.getState().graph.nodes.length;
    store.getState().pasteClipboard({ type: CLIPBOARD_TYPE, version: 1, nodes: [{ id: 'q', kind: 'queue', position: { x: 0, y: 0 } }], edges: [] });
    expect(store.getState().graph.nodes.length).toBe(before);
    expect(store.getState().ui.notice?.message).toBe('Queue is not allowed in this scenario.');
  });
});

describe('editor store: a technology change', () => {
  it('drops the params the new technology does not take, and keeps the rest', () => {
    const store = createEditorStore();
    store.getState().loadDesign({ schemaVersion: 1, nodes: [{ id: 'q', kind: 'queue', params: { technology: 'kafka', partitions: 12, latencyMs: 3 } }], edges: [] }, 'reset');
    expect(store.getState().updateNodeParams('q', { technology: 'sqs' })).toEqual({ ok: true });
    expect(designOf(store.getState()).nodes[0].params).toEqual({ technology: 'sqs', latencyMs: 3 });
    // Generic again: the kind's own params stay, SQS's go.
    store.getState().updateNodeParams('q', { fifo: true });
    store.getState().updateNodeParams('q', { technology: undefined });
    expect(designOf(store.getState()).nodes[0].params).toEqual({ latencyMs: 3 });
  });
});
