/**
 * The editor store: one per mounted editor, made by `createEditorStore` and
 * handed down by `EditorProvider` (components/editor/editor-provider.tsx).
 *
 * Shape (slices; actions live at the root, verb-first):
 *
 *   graph      { nodes, edges, meta }   the design being edited: canvas nodes
 *                                       and edges (React Flow shape, without
 *                                       `selected`) plus name and workload.
 *                                       The only slice undo/redo records.
 *   selection  { nodeIds, edgeIds }     what is selected; merged into the
 *                                       nodes React Flow renders.
 *   results    EditorResults | null     live scoring per node; null until a
 *                                       scorer calls `setResults`.
 *   ui         { readOnly, lockedNodeIds, hydrated, editingNodeId, notice,
 *                announcement, shortcutsOpen, panels }  view state shared
 *                                       between panels.
 *
 * Scenario rules (`createEditorStore({ lockedNodeIds, allowedKinds })`): the
 * store itself refuses, with a notice, any change that would move, edit or
 * remove a locked node or the connections between locked nodes, and any
 * component of a kind the scenario leaves out (Users are always allowed).
 *
 * Undo policy (zundo `temporal`, `partialize` = the graph slice, `limit` =
 * HISTORY_LIMIT):
 * - Every action that changes the graph is one undo step: add, connect,
 *   delete, duplicate, paste, rename, a committed inspector edit, auto-layout,
 *   a keyboard nudge of the selected nodes.
 * - A node drag is one step, recorded on drop: pointer moves are applied with
 *   tracking paused, and on drop the graph as it was before the drag is
 *   pushed as the step.
 * - Selection, results and UI changes are never recorded: the history
 *   compares only the graph slice (by reference), so they leave it alone.
 * - React Flow's measuring of node sizes is not recorded.
 * - Loading a design (start from a stage, import a file, open a shared copy)
 *   is ONE undo step, so a mistaken load is undone with Ctrl+Z and nothing is
 *   lost. Restoring the autosaved design when the editor opens RESETS the
 *   history instead: there is nothing before it to go back to.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { temporal, type TemporalState } from 'zundo';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { CATALOG, type Kind, type Design, type EdgeParams, type NodeParams } from '@/lib/engine/data';
import { edgeSchema, formatPath, nodeParamsSchema, nodeSchema, paramsOfNode, type DesignIssue } from '@/lib/design/schema';
import { fromDesign, toDesign, toEditorNode, EDGE_TYPE } from './adapter';
import { copyPayload, instantiatePayload, offsetClearOf, type ClipboardPayload } from './clipboard';
import { checkConnection, type ConnectionVerdict } from './connection-rules';
import { edgeIdFor, uniqueId, uniqueLabel } from './ids';
import { displayLabel } from './labels';
import type { DesignMeta, EditorEdge, EditorNode, EditorResults, NodeResult, XY } from './types';

/** How many undo steps are kept. */
export const HISTORY_LIMIT = 100;

export interface GraphSlice {
  nodes: EditorNode[];
  edges: EditorEdge[];
  meta: DesignMeta;
}

export interface SelectionSlice {
  nodeIds: string[];
  edgeIds: string[];
}

export type NoticeTone = 'info' | 'success' | 'error';

/** A short message shown near where the user is looking (`at`, screen px) or in the corner. */
export interface Notice {
  id: number;
  tone: NoticeTone;
  message: string;
  at?: XY;
}

export type PanelName = 'palette' | 'inspector';

export interface UiSlice {
  /** The shared-design view: no palette, no editing, no dragging. */
  readOnly: boolean;
  /** Nodes an instructor locked: they can be connected to, not moved, changed or removed. */
  lockedNodeIds: readonly string[];
  /** False until the autosaved design (or a shared copy) has been restored. */
  hydrated: boolean;
  /** The node whose label is being edited in place. */
  editingNodeId: string | null;
  notice: Notice | null;
  /** The latest screen-reader announcement (the id changes even when the text repeats). */
  announcement: { id: number; text: string };
  shortcutsOpen: boolean;
  /** Side panels on narrow screens, where they collapse into toggles. */
  panels: Record<PanelName, boolean>;
  /** Side panels folded away where they stand beside the canvas (wide screens): both folded is focus mode. */
  collapsed: Record<PanelName, boolean>;
  /** Bumped to ask the canvas to fit the view once the nodes are measured. */
  fitRequest: number;
}

export interface EditorActions {
  addNode(kind: Kind, position: XY): string;
  connectNodes(source: string, target: string): ConnectionVerdict;
  deleteSelection(): void;
  deleteElements(ids: { nodeIds?: readonly string[]; edgeIds?: readonly string[] }): void;
  duplicateSelection(): void;
  copySelection(): ClipboardPayload | null;
  pasteClipboard(payload: ClipboardPayload, offset?: XY): void;
  /**
   * Sets parameter overrides; `undefined` removes one (back to the catalog
   * default). Checked against `nodeParamsSchema`: an invalid value is refused
   * with the schema's messages and the design is left as it was.
   */
  updateNodeParams(id: string, patch: Partial<Record<keyof NodeParams, unknown>>): EditResult;
  renameNode(id: string, label: string): EditResult;
  updateEdgeParams(id: string, patch: Partial<Record<keyof EdgeParams, unknown>>): EditResult;
  renameDesign(name: string): void;
  loadDesign(design: Design, history: 'record' | 'reset'): void;
  applyLayout(positions: ReadonlyMap<string, XY>): void;
  applyNodeChanges(changes: NodeChange<EditorNode>[]): void;
  applyEdgeChanges(changes: EdgeChange<EditorEdge>[]): void;
  /** Closes a pointer drag that ended without a final position change. */
  finishDrag(): void;
  selectElements(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  selectAll(): void;
  clearSelection(): void;
  undo(): void;
  redo(): void;
  setResults(results: EditorResults | null): void;
  startEditingLabel(id: string): void;
  stopEditingLabel(): void;
  notify(message: string, tone?: NoticeTone, at?: XY): void;
  dismissNotice(): void;
  announce(text: string): void;
  setShortcutsOpen(open: boolean): void;
  setPanel(panel: PanelName, open: boolean): void;
  setCollapsed(panel: PanelName, collapsed: boolean): void;
  /** Folds both docked side panels away, or brings both back if either was folded. */
  toggleFocusMode(): void;
  setHydrated(): void;
  requestFit(): void;
}

export type EditResult = { ok: true } | { ok: false; issues: DesignIssue[] };

export interface EditorState extends EditorActions {
  graph: GraphSlice;
  selection: SelectionSlice;
  results: EditorResults | null;
  ui: UiSlice;
}

type HistoryState = Pick<EditorState, 'graph'>;
export type EditorStore = StoreApi<EditorState> & { temporal: StoreApi<TemporalState<HistoryState>> };

export interface EditorStoreOptions {
  design?: Design;
  readOnly?: boolean;
  /** Nodes that stay exactly as they are (an instructor's scenario). */
  lockedNodeIds?: readonly string[];
  /** The starting design the locks come from, whose connections between locked nodes are locked too (default `design`). */
  lockedStart?: Design;
  /** The only kinds that may be added (Users always may); all when absent. */
  allowedKinds?: readonly Kind[];
}

const EMPTY_SELECTION: SelectionSlice = { nodeIds: [], edgeIds: [] };

/** Whether a scenario that allows `allowedKinds` (every kind when absent) lets a component of `kind` in: Users always may. */
export function kindAllowed(allowedKinds: readonly Kind[] | undefined, kind: Kind): boolean {
  return !allowedKinds || kind === 'users' || allowedKinds.includes(kind);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function issuesOf(issues: readonly { path: PropertyKey[]; message: string }[], prefix?: string): DesignIssue[] {
  return issues.map((i) => ({ path: formatPath(prefix ? [prefix, ...i.path] : i.path), message: i.message }));
}

/** Structural equality of plain JSON values, ignoring key order. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether any node stands somewhere else than in `before`. */
function movedSince(before: GraphSlice, after: GraphSlice): boolean {
  const was = new Map(before.nodes.map((n) => [n.id, n.position]));
  return after.nodes.some((n) => {
    const p = was.get(n.id);
    return !p || p.x !== n.position.x || p.y !== n.position.y;
  });
}

function graphFromDesign(design: Design | undefined): GraphSlice {
  if (!design) return { nodes: [], edges: [], meta: {} };
  return fromDesign(design);
}

export function createEditorStore(options: EditorStoreOptions = {}): EditorStore {
  let noticeId = 0;
  let announceId = 0;
  // Set while a pointer drag is under way: the graph as it was before it.
  let dragOrigin: GraphSlice | null = null;
  // Repeated pastes of the same payload cascade instead of stacking.
  let lastPaste: { payload: ClipboardPayload; count: number } | null = null;
  // Scenario rules.
  const locked = new Set(options.lockedNodeIds ?? []);
  // The starting design's connections between two locked nodes are locked too (ones the student adds are theirs).
  const lockedEdges = new Set(((options.lockedStart ?? options.design)?.edges ?? []).filter((e) => locked.has(e.source) && locked.has(e.target)).map((e) => `${e.source}\u2192${e.target}`));
  const isLockedEdge = (e: { source: string; target: string }) => lockedEdges.has(`${e.source}\u2192${e.target}`);
  // One notice per gesture when a locked node is dragged.
  let lockedDragWarned = false;

  const store = createStore<EditorState>()(
    temporal(
      (set, get) => {
        /** A graph change recorded as one undo step (the tracked `set`). */
        const commit = (graph: GraphSlice, selection?: SelectionSlice) =>
          set(selection ? { graph, selection } : { graph });

        const labelsInUse = () => new Set(get().graph.nodes.map((n) => displayLabel(n.data)));

        const lockedMessage = (id: string) => {
          const n = get().graph.nodes.find((x) => x.id === id);
          return `“${n ? displayLabel(n.data) : id}” is locked by the instructor: it cannot be moved, changed or removed.`;
        };
        const LOCKED_EDGE = 'That connection is locked by the instructor.';
        const notAllowed = (kind: Kind) => get().notify(`${CATALOG[kind].label} is not allowed in this scenario.`, 'error');
        const refuse = (message: string): EditResult => {
          get().notify(message, 'error');
          return { ok: false, issues: [{ path: '', message }] };
        };

        const mapNode = (id: string, fn: (n: EditorNode) => EditorNode) => {
          const { graph } = get();
          let changed = false;
          const nodes = graph.nodes.map((n) => {
            if (n.id !== id) return n;
            const next = fn(n);
            changed ||= next !== n;
            return next;
          });
          if (changed) commit({ ...graph, nodes });
        };

        return {
          graph: graphFromDesign(options.design),
          selection: EMPTY_SELECTION,
          results: null,
          ui: {
            readOnly: options.readOnly ?? false,
            lockedNodeIds: [...locked],
            hydrated: false,
            editingNodeId: null,
            notice: null,
            announcement: { id: 0, text: '' },
            shortcutsOpen: false,
            panels: { palette: false, inspector: false },
            collapsed: { palette: false, inspector: false },
            fitRequest: 0,
          },

          addNode(kind, position) {
            if (!kindAllowed(options.allowedKinds, kind)) {
              notAllowed(kind);
              return '';
            }
            const { graph } = get();
            const id = uniqueId(kind, new Set(graph.nodes.map((n) => n.id)));
            const node = toEditorNode({ id, kind, label: uniqueLabel(CATALOG[kind].label, labelsInUse()) }, position);
            commit({ ...graph, nodes: [...graph.nodes, node] }, { nodeIds: [id], edgeIds: [] });
            return id;
          },

          connectNodes(source, target) {
            const { graph } = get();
            const verdict = checkConnection(graph, source, target);
            if (!verdict.ok) return verdict;
            const id = edgeIdFor(source, target, new Set(graph.edges.map((e) => e.id)));
            const edge: EditorEdge = { id, type: EDGE_TYPE, source, target, data: { params: {} } };
            commit({ ...graph, edges: [...graph.edges, edge] });
            return verdict;
          },

          deleteSelection() {
            const { nodeIds, edgeIds } = get().selection;
            get().deleteElements({ nodeIds, edgeIds });
          },

          deleteElements({ nodeIds: askedNodes = [], edgeIds: askedEdges = [] }) {
            if (askedNodes.length === 0 && askedEdges.length === 0) return;
            const { graph, selection, ui } = get();
            // Locked nodes and the connections between them stay; the rest of the request goes ahead.
            const nodeIds = askedNodes.filter((id) => !locked.has(id));
            const edgeIds = askedEdges.filter((id) => {
              const e = graph.edges.find((x) => x.id === id);
              return !e || !isLockedEdge(e);
            });
            if (nodeIds.length < askedNodes.length) get().notify(lockedMessage(askedNodes.find((id) => locked.has(id))!), 'error');
            else if (edgeIds.length < askedEdges.length) get().notify(LOCKED_EDGE, 'error');
            if (nodeIds.length === 0 && edgeIds.length === 0) return;
            const goneNodes = new Set(nodeIds);
            const goneEdges = new Set(edgeIds);
            const nodes = graph.nodes.filter((n) => !goneNodes.has(n.id));
            const edges = graph.edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target));
            if (nodes.length === graph.nodes.length && edges.length === graph.edges.length) return;
            const keep = new Set(nodes.map((n) => n.id));
            const keepEdges = new Set(edges.map((e) => e.id));
            commit(
              { ...graph, nodes, edges },
              { nodeIds: selection.nodeIds.filter((id) => keep.has(id)), edgeIds: selection.edgeIds.filter((id) => keepEdges.has(id)) },
            );
            if (ui.editingNodeId && !keep.has(ui.editingNodeId)) set({ ui: { ...get().ui, editingNodeId: null } });
          },

          duplicateSelection() {
            const payload = get().copySelection();
            if (payload) get().pasteClipboard(payload);
          },

          copySelection() {
            const { graph, selection } = get();
            return copyPayload(graph.nodes, graph.edges, selection.nodeIds);
          },

          pasteClipboard(payload, offset) {
            const count = lastPaste && lastPaste.payload === payload ? lastPaste.count + 1 : 1;
            lastPaste = { payload, count };
            const shift = offset ?? offsetClearOf(payload, count);
            const stray = payload.nodes.find((n) => !kindAllowed(options.allowedKinds, n.kind));
            if (stray) {
              notAllowed(stray.kind);
              return;
            }
            const { graph } = get();
            const added = instantiatePayload(payload, graph, shift);
            commit(
              { ...graph, nodes: [...graph.nodes, ...added.nodes], edges: [...graph.edges, ...added.edges] },
              { nodeIds: added.nodes.map((n) => n.id), edgeIds: added.edges.map((e) => e.id) },
            );
          },

          updateNodeParams(id, patch) {
            if (locked.has(id)) return refuse(lockedMessage(id));
            const node = nodeById(get(), id);
            if (!node) return { ok: false, issues: [{ path: '', message: 'That component is no longer on the canvas.' }] };
            const params: Record<string, unknown> = { ...node.data.params };
            for (const [key, value] of Object.entries(patch)) {
              if (value === undefined) delete params[key];
              else params[key] = value;
            }
            // A new technology keeps only the params it takes (Kafka's partitions do not carry over to SQS).
            if ('technology' in patch) {
              const takes = new Set<string>(paramsOfNode(node.data.kind, params.technology as string | undefined));
              for (const key of Object.keys(params)) if (!takes.has(key)) delete params[key];
            }
            const parsed = nodeParamsSchema.safeParse(params);
            if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error.issues) };
            if (deepEqual(parsed.data, node.data.params)) return { ok: true };
            mapNode(id, (n) => ({ ...n, data: { ...n.data, params: parsed.data as NodeParams } }));
            return { ok: true };
          },

          renameNode(id, label) {
            if (locked.has(id)) return refuse(lockedMessage(id));
            const clean = label.trim();
            const parsed = nodeSchema.shape.label.safeParse(clean);
            if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error.issues, 'label') };
            mapNode(id, (n) => {
              if (clean === (n.data.label ?? '') || (!clean && n.data.label === undefined)) return n;
              const data = { ...n.data };
              if (clean) data.label = clean;
              else delete data.label;
              return { ...n, data };
            });
            return { ok: true };
          },

          updateEdgeParams(id, patch) {
            const { graph } = get();
            const edge = graph.edges.find((e) => e.id === id);
            if (!edge) return { ok: false, issues: [{ path: '', message: 'That connection is no longer on the canvas.' }] };
            if (isLockedEdge(edge)) return refuse(LOCKED_EDGE);
            const params: Record<string, unknown> = { ...(edge.data?.params ?? {}) };
            for (const [key, value] of Object.entries(patch)) {
              if (value === undefined) delete params[key];
              else params[key] = value;
            }
            const parsed = edgeSchema.shape.params.safeParse(params);
            if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error.issues) };
            const next = parsed.data ?? {};
            if (deepEqual(next, edge.data?.params ?? {})) return { ok: true };
            commit({ ...graph, edges: graph.edges.map((e) => (e.id === id ? { ...e, data: { params: next } } : e)) });
            return { ok: true };
          },

          renameDesign(name) {
            const { graph } = get();
            const clean = name.trim();
            if ((graph.meta.name ?? '') === clean) return;
            const meta = { ...graph.meta };
            if (clean) meta.name = clean;
            else delete meta.name;
            commit({ ...graph, meta });
          },

          loadDesign(design, history) {
            const graph = fromDesign(design);
            dragOrigin = null;
            lastPaste = null;
            const ui = { ...get().ui, editingNodeId: null, fitRequest: get().ui.fitRequest + 1 };
            if (history === 'reset') {
              setUntracked({ graph, selection: EMPTY_SELECTION, results: null, ui });
              storeRef.temporal.getState().clear();
            } else {
              set({ graph, selection: EMPTY_SELECTION, results: null, ui });
            }
          },

          applyLayout(positions) {
            const { graph } = get();
            let changed = false;
            const nodes = graph.nodes.map((n) => {
              const p = positions.get(n.id);
              // A locked node keeps its place; the layout arranges the rest.
              if (!p || locked.has(n.id) || (p.x === n.position.x && p.y === n.position.y)) return n;
              changed = true;
              return { ...n, position: { x: p.x, y: p.y } };
            });
            if (changed) commit({ ...graph, nodes });
          },

          applyNodeChanges(changes) {
            const state = get();
            let nodeSel: Set<string> | null = null;
            const moves = new Map<string, { position?: XY; dragging?: boolean }>();
            const sizes = new Map<string, { width: number; height: number }>();
            const removed: string[] = [];
            for (const c of changes) {
              if (c.type === 'select') {
                nodeSel ??= new Set(state.selection.nodeIds);
                if (c.selected) nodeSel.add(c.id);
                else nodeSel.delete(c.id);
              } else if (c.type === 'position' && c.position) {
                if (!locked.has(c.id)) moves.set(c.id, c);
                else if (!lockedDragWarned) {
                  // Dragged or nudged: it stays put, and says why once per gesture.
                  lockedDragWarned = true;
                  get().notify(lockedMessage(c.id), 'error');
                }
                if (!c.dragging) lockedDragWarned = false;
              }
              else if (c.type === 'dimensions' && c.dimensions) sizes.set(c.id, c.dimensions);
              else if (c.type === 'remove') removed.push(c.id);
            }

            if (nodeSel) {
              const nodeIds = state.graph.nodes.filter((n) => nodeSel!.has(n.id)).map((n) => n.id);
              if (!sameIds(nodeIds, state.selection.nodeIds)) set({ selection: { ...get().selection, nodeIds } });
            }

            if (sizes.size > 0) {
              // Measuring is not an edit: never recorded.
              const { graph } = get();
              const nodes = graph.nodes.map((n) => {
                const d = sizes.get(n.id);
                if (!d || (n.measured?.width === d.width && n.measured?.height === d.height)) return n;
                return { ...n, measured: { width: d.width, height: d.height } };
              });
              setUntracked({ graph: { ...get().graph, nodes } });
            }

            if (moves.size > 0) {
              const { graph } = get();
              const dragging = [...moves.values()].some((m) => m.dragging);
              const nodes = graph.nodes.map((n) => {
                const m = moves.get(n.id);
                if (!m?.position || (m.position.x === n.position.x && m.position.y === n.position.y)) return n;
                return { ...n, position: { x: m.position.x, y: m.position.y } };
              });
              const next = { ...graph, nodes };
              if (dragging) {
                // Pointer moves: keep the pre-drag graph, apply without recording.
                dragOrigin ??= graph;
                setUntracked({ graph: next });
              } else if (dragOrigin) {
                // The drop: the whole drag becomes one step.
                const origin = dragOrigin;
                dragOrigin = null;
                setUntracked({ graph: next });
                if (movedSince(origin, next)) pushHistory(origin);
              } else if (nodes.some((n, i) => n !== graph.nodes[i])) {
                // A keyboard nudge of the selected nodes: one step per press.
                commit(next);
              }
            }

            if (removed.length > 0) get().deleteElements({ nodeIds: removed });
          },

          applyEdgeChanges(changes) {
            const state = get();
            let edgeSel: Set<string> | null = null;
            const removed: string[] = [];
            for (const c of changes) {
              if (c.type === 'select') {
                edgeSel ??= new Set(state.selection.edgeIds);
                if (c.selected) edgeSel.add(c.id);
                else edgeSel.delete(c.id);
              } else if (c.type === 'remove') removed.push(c.id);
            }
            if (edgeSel) {
              const edgeIds = state.graph.edges.filter((e) => edgeSel!.has(e.id)).map((e) => e.id);
              if (!sameIds(edgeIds, state.selection.edgeIds)) set({ selection: { ...get().selection, edgeIds } });
            }
            if (removed.length > 0) get().deleteElements({ edgeIds: removed });
          },

          finishDrag() {
            lockedDragWarned = false;
            const origin = dragOrigin;
            dragOrigin = null;
            if (origin && movedSince(origin, get().graph)) pushHistory(origin);
          },

          selectElements(nodeIds, edgeIds = []) {
            const { selection } = get();
            if (sameIds(nodeIds, selection.nodeIds) && sameIds(edgeIds, selection.edgeIds)) return;
            set({ selection: { nodeIds: [...nodeIds], edgeIds: [...edgeIds] } });
          },

          selectAll() {
            const { graph } = get();
            get().selectElements(
              graph.nodes.map((n) => n.id),
              graph.edges.map((e) => e.id),
            );
          },

          clearSelection() {
            get().selectElements([], []);
          },

          undo() {
            if (dragOrigin) return;
            storeRef.temporal.getState().undo();
            pruneSelection();
          },

          redo() {
            if (dragOrigin) return;
            storeRef.temporal.getState().redo();
            pruneSelection();
          },

          setResults(results) {
            set({ results });
          },

          startEditingLabel(id) {
            if (locked.has(id)) {
              get().notify(lockedMessage(id), 'error');
              return;
            }
            if (get().ui.readOnly) return;
            set({ ui: { ...get().ui, editingNodeId: id } });
          },

          stopEditingLabel() {
            if (get().ui.editingNodeId !== null) set({ ui: { ...get().ui, editingNodeId: null } });
          },

          notify(message, tone = 'info', at) {
            // The notice renders inside a live region, so it is announced as it appears.
            set({ ui: { ...get().ui, notice: { id: ++noticeId, tone, message, at } } });
          },

          dismissNotice() {
            if (get().ui.notice) set({ ui: { ...get().ui, notice: null } });
          },

          announce(text) {
            set({ ui: { ...get().ui, announcement: { id: ++announceId, text } } });
          },

          setShortcutsOpen(open) {
            set({ ui: { ...get().ui, shortcutsOpen: open } });
          },

          setPanel(panel, open) {
            const { ui } = get();
            set({ ui: { ...ui, panels: { ...ui.panels, [panel]: open } } });
          },

          setCollapsed(panel, collapsed) {
            const { ui } = get();
            set({ ui: { ...ui, collapsed: { ...ui.collapsed, [panel]: collapsed } } });
          },

          toggleFocusMode() {
            const { ui } = get();
            const focus = !(ui.collapsed.palette || ui.collapsed.inspector);
            set({ ui: { ...ui, collapsed: { palette: focus, inspector: focus } } });
          },

          requestFit() {
            set({ ui: { ...get().ui, fitRequest: get().ui.fitRequest + 1 } });
          },

          setHydrated() {
            if (!get().ui.hydrated) set({ ui: { ...get().ui, hydrated: true } });
          },
        };
      },
      {
        partialize: (state): HistoryState => ({ graph: state.graph }),
        // Only graph changes are history; selection, results and UI are not.
        equality: (past, current) => past.graph === current.graph,
        limit: HISTORY_LIMIT,
      },
    ),
  ) as EditorStore;
  const storeRef = store;

  /** A `set` that the history does not see. */
  function setUntracked(partial: Partial<EditorState>) {
    const t = storeRef.temporal.getState();
    const wasTracking = t.isTracking;
    if (wasTracking) t.pause();
    storeRef.setState(partial);
    if (wasTracking) storeRef.temporal.getState().resume();
  }

  /** Records `before` as one undo step (as zundo does for a tracked set). */
  function pushHistory(before: GraphSlice) {
    const t = storeRef.temporal.getState();
    const pastStates = [...t.pastStates, { graph: before }].slice(-HISTORY_LIMIT);
    storeRef.temporal.setState({ pastStates, futureStates: [] });
  }

  /** After undo/redo the selection may name elements that are gone. */
  function pruneSelection() {
    const { graph, selection } = storeRef.getState();
    const nodes = new Set(graph.nodes.map((n) => n.id));
    const edges = new Set(graph.edges.map((e) => e.id));
    const nodeIds = selection.nodeIds.filter((id) => nodes.has(id));
    const edgeIds = selection.edgeIds.filter((id) => edges.has(id));
    if (nodeIds.length !== selection.nodeIds.length || edgeIds.length !== selection.edgeIds.length) {
      storeRef.setState({ selection: { nodeIds, edgeIds } });
    }
  }

  return store;
}

/* ---- Selectors: narrow, module-level, so components re-render only for what they show. ---- */

export const selectNodes = (s: EditorState) => s.graph.nodes;
export const selectEdges = (s: EditorState) => s.graph.edges;
export const selectMeta = (s: EditorState) => s.graph.meta;
export const selectNodeCount = (s: EditorState) => s.graph.nodes.length;
export const selectEdgeCount = (s: EditorState) => s.graph.edges.length;
export const selectSelectedNodeIds = (s: EditorState) => s.selection.nodeIds;
export const selectSelectedEdgeIds = (s: EditorState) => s.selection.edgeIds;
export const selectHasSelection = (s: EditorState) => s.selection.nodeIds.length > 0 || s.selection.edgeIds.length > 0;
export const selectUi = (s: EditorState) => s.ui;
export const selectReadOnly = (s: EditorState) => s.ui.readOnly;

/** The one node the inspector shows: exactly one node selected and no edge. */
export const selectInspectedNodeId = (s: EditorState) =>
  s.selection.nodeIds.length === 1 && s.selection.edgeIds.length === 0 ? s.selection.nodeIds[0] : null;
export const selectInspectedEdgeId = (s: EditorState) =>
  s.selection.edgeIds.length === 1 && s.selection.nodeIds.length === 0 ? s.selection.edgeIds[0] : null;

const nodeIndexCache = new WeakMap<readonly EditorNode[], Map<string, EditorNode>>();
/** O(1) lookup by id, rebuilt only when the node list changes. */
export function nodeById(s: EditorState, id: string | null): EditorNode | undefined {
  if (id === null) return undefined;
  let index = nodeIndexCache.get(s.graph.nodes);
  if (!index) {
    index = new Map(s.graph.nodes.map((n) => [n.id, n]));
    nodeIndexCache.set(s.graph.nodes, index);
  }
  return index.get(id);
}

export const selectNodeResult =
  (id: string) =>
  (s: EditorState): NodeResult | null =>
    s.results?.nodes[id] ?? null;

export const selectIsEditingLabel = (id: string) => (s: EditorState) => s.ui.editingNodeId === id;

/**
 * Whether `next` differs from `prev` only by React Flow's measuring of card
 * sizes: not an edit, and not part of the design a save keeps. Any other
 * change (an add, a move, even loading the same design again) is an edit.
 */
export function onlyMeasured(prev: GraphSlice, next: GraphSlice): boolean {
  if (prev === next) return true;
  if (prev.edges !== next.edges || prev.meta !== next.meta || prev.nodes.length !== next.nodes.length) return false;
  return next.nodes.every((node, i) => {
    const before = prev.nodes[i];
    if (node === before) return true;
    const a = node as unknown as Record<string, unknown>;
    const b = before as unknown as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    keys.delete('measured');
    return [...keys].every((k) => a[k] === b[k]);
  });
}

/** The current graph as a design document. */
export function designOf(s: Pick<EditorState, 'graph'>): Design {
  return toDesign(s.graph.nodes, s.graph.edges, s.graph.meta);
}
