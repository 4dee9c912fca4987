'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  ReactFlow,
  useConnection,
  useKeyPress,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import { CATALOG } from '@/lib/engine/data';
import { checkConnection } from '@/lib/editor/connection-rules';
import { notePointer } from '@/lib/editor/pointer';
import { displayLabel } from '@/lib/editor/labels';
import { technologyName } from '@/lib/editor/technology-view';
import { readableFit } from '@/lib/editor/fit';
import { GRID } from '@/lib/editor/layout';
import {
  selectEdges,
  selectNodes,
  selectSelectedEdgeIds,
  selectSelectedNodeIds,
  type EditorState,
} from '@/lib/editor/store';
import type { EditorEdge, EditorNode, XY } from '@/lib/editor/types';
import { shownComparison, whatIfMarks } from '@/lib/editor/what-if-view';
import { useScoring, useScoringView } from '@/components/results/scoring-context';
import { useEditor, useEditorStore } from './editor-provider';
import { FlowEdge } from './flow-edge';
import { GROUP_FILL } from './groups';
import { KindNode } from './kind-node';
import { TrafficLayer } from './traffic-layer';

// Module scope: React Flow re-mounts every node when these objects change identity.
const nodeTypes = { kind: KindNode };
const edgeTypes = { flow: FlowEdge };
const SNAP: [number, number] = [GRID, GRID];
/** The farthest out the canvas zooms (scroll, the zoom controls, a fit without the overview map). */
const MIN_ZOOM = 0.1;
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
// Sized in canvas units, so edges drawn thicker with traffic keep the same arrowhead.
const ARROW = { type: MarkerType.ArrowClosed, width: 22, height: 22, color: '#64748b', markerUnits: 'userSpaceOnUse' } as const;
const ARROW_SELECTED = { ...ARROW, color: '#2852d8' } as const;
// Module scope too: a new function each render would redraw every minimap node on every drag frame.
const minimapColor = (n: EditorNode) => GROUP_FILL[CATALOG[n.data.kind].group];
const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Press Enter or Space to select this component, arrow keys to move it, F2 to rename it, Delete to remove it.',
  'controls.ariaLabel': 'Zoom controls',
  'minimap.ariaLabel': 'Overview map',
};

/*
 * Selection lives in its own store slice (so undo never records it); React
 * Flow wants it on the node objects. These caches add it without making a
 * new object for a node whose data and selection did not change, so React
 * Flow keeps re-rendering only the nodes that really changed.
 */
const nodeCache = new WeakMap<EditorNode, { selected: boolean; node: EditorNode }>();
function decorateNode(n: EditorNode, selected: boolean): EditorNode {
  const hit = nodeCache.get(n);
  if (hit && hit.selected === selected) return hit.node;
  const label = displayLabel(n.data);
  const kind = CATALOG[n.data.kind].label;
  // The technology in the name too ("Cache (Redis)"); a generic one is left unsaid, as before technologies existed.
  const tech = n.data.params.technology ? technologyName(n.data.kind, n.data.params.technology) : null;
  const about = [label === kind ? '' : kind, tech ?? ''].filter(Boolean).join(', ');
  const node: EditorNode = { ...n, selected, ariaLabel: about ? `${label} (${about})` : label };
  nodeCache.set(n, { selected, node });
  return node;
}

const edgeCache = new WeakMap<EditorEdge, { selected: boolean; labels: string; edge: EditorEdge }>();
function decorateEdge(e: EditorEdge, selected: boolean, labels: Map<string, string>, signature: string): EditorEdge {
  const hit = edgeCache.get(e);
  if (hit && hit.selected === selected && hit.labels === signature) return hit.edge;
  const edge: EditorEdge = {
    ...e,
    selected,
    markerEnd: selected ? ARROW_SELECTED : ARROW,
    ariaLabel: `Connection from ${labels.get(e.source) ?? e.source} to ${labels.get(e.target) ?? e.target}`,
  };
  edgeCache.set(e, { selected, labels: signature, edge });
  return edge;
}

/*
 * Edges' accessible names need node labels, but must not be rebuilt on every
 * drag frame: this string changes only when a label (or the node set) does.
 */
const signatureCache = new WeakMap<readonly EditorNode[], string>();
const selectLabelSignature = (s: EditorState) => {
  let sig = signatureCache.get(s.graph.nodes);
  if (sig === undefined) {
    sig = s.graph.nodes.map((n) => `${n.id}\u0001${displayLabel(n.data)}`).join('\u0002');
    signatureCache.set(s.graph.nodes, sig);
  }
  return sig;
};

/** The node card under a screen point, if any. */
export function nodeIdAt(x: number, y: number): string | null {
  const el = document.elementFromPoint(x, y)?.closest<HTMLElement>('.react-flow__node');
  return el?.dataset.id ?? null;
}

function clientPoint(event: MouseEvent | TouchEvent): XY {
  if ('changedTouches' in event && event.changedTouches.length > 0) {
    return { x: event.changedTouches[0].clientX, y: event.changedTouches[0].clientY };
  }
  const m = event as MouseEvent;
  return { x: m.clientX, y: m.clientY };
}

/** While a wire is being dragged over a component it cannot connect to, says why, beside the pointer. */
function ConnectionHint() {
  const store = useEditorStore();
  const connection = useConnection();
  const [hover, setHover] = useState<{ at: XY; nodeId: string | null } | null>(null);
  const inProgress = connection.inProgress;
  useEffect(() => {
    if (!inProgress) return;
    const move = (e: PointerEvent) => setHover({ at: { x: e.clientX, y: e.clientY }, nodeId: nodeIdAt(e.clientX, e.clientY) });
    window.addEventListener('pointermove', move, { passive: true });
    return () => {
      window.removeEventListener('pointermove', move);
      setHover(null);
    };
  }, [inProgress]);
  if (!connection.inProgress || !hover) return null;
  const fromId = connection.fromNode.id;
  const toId = connection.toNode?.id ?? hover.nodeId;
  if (!toId || toId === fromId) return null;
  const fromIsSource = connection.fromHandle.type !== 'target';
  const verdict = checkConnection(store.getState().graph, fromIsSource ? fromId : toId, fromIsSource ? toId : fromId);
  if (verdict.ok) return null;
  return createPortal(
    <div
      className="pointer-events-none fixed z-50 max-w-xs rounded-md bg-slate-900 px-2.5 py-1.5 text-xs font-medium text-white shadow-lg"
      style={{ left: hover.at.x + 16, top: hover.at.y + 16 }}
      aria-hidden="true"
    >
      {verdict.reason}
    </div>,
    document.body,
  );
}

/** Fewest components for the overview map: a small design fits the view, where the map would only cover a card. */
const MINIMAP_FROM = 8;
/**
 * Smallest canvas the overview map (200 × 150 px) is shown on. On a phone or
 * in a lesson's pane beside the guide it would cover cards at the canvas'
 * edge; pinch, scroll and fit-view do its job there.
 */
const MINIMAP_MIN_WIDTH = 640;
const MINIMAP_MIN_HEIGHT = 420;

/**
 * Fit-to-view that keeps card text readable (lib/editor/fit.ts): the whole
 * design when it fits at a readable zoom, else a readable zoom from the
 * design's entry, with the overview map showing the rest. Where the canvas
 * has no overview map, the whole design, however small.
 */
function useReadableFit() {
  const { getNodes, getNodesBounds, setViewport } = useReactFlow<EditorNode, EditorEdge>();
  const flow = useStoreApi<EditorNode, EditorEdge>();
  return useCallback(async () => {
    const nodes = getNodes();
    const { width, height } = flow.getState();
    if (nodes.length === 0 || width === 0 || height === 0) return;
    const bounds = getNodesBounds(nodes);
    // The entry's row: the users (where traffic starts), else the leftmost card.
    const entry = nodes.find((n) => n.data.kind === 'users') ?? nodes.reduce((a, b) => (b.position.x < a.position.x ? b : a));
    const anchorY = entry.position.y + (entry.measured?.height ?? 80) / 2;
    // Only with the overview map to show the rest: on a small canvas (a lesson's pane, a phone) the whole design is fitted.
    const overview = nodes.length >= MINIMAP_FROM && width >= MINIMAP_MIN_WIDTH && height >= MINIMAP_MIN_HEIGHT;
    const { x, y, zoom } = readableFit(bounds, { width, height }, anchorY, overview ? {} : { minZoom: MIN_ZOOM });
    await setViewport({ x, y, zoom });
  }, [getNodes, getNodesBounds, setViewport, flow]);
}

/**
 * Fits the view once the nodes of a newly loaded design have been measured,
 * then marks the flow `data-fitted` (the cards stay where they are from then
 * on, so a browser test can point at them).
 */
function FitOnRequest() {
  const fitRequest = useEditor((s) => s.ui.fitRequest);
  const initialized = useNodesInitialized();
  const fit = useReadableFit();
  const flow = useStoreApi();
  const handled = useRef(0);
  useEffect(() => {
    if (fitRequest > handled.current && initialized) {
      handled.current = fitRequest;
      void fit().then(() => flow.getState().domNode?.setAttribute('data-fitted', String(fitRequest)));
    }
  }, [fitRequest, initialized, fit, flow]);
  return null;
}

/** The zoom controls' "Fit view", with the readable fit. */
function FitViewButton() {
  const fit = useReadableFit();
  return (
    <ControlButton onClick={() => void fit()} className="react-flow__controls-fitview" title="Fit view" aria-label="Fit view">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
        <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
      </svg>
    </ControlButton>
  );
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * While a what-if is shown on the canvas (results panel → What if): what it
 * draws, in words, and a way to clear it.
 */
function WhatIfLegend() {
  const scoring = useScoring();
  const c = useScoringView(shownComparison);
  const edges = useEditor(selectEdges);
  const summary = useMemo(() => {
    if (!c) return null;
    const marks = whatIfMarks(c, edges);
    const kinds = Object.values(marks.edges).map((m) => m.kind);
    const failed = Object.values(marks.nodes).filter((m) => m === 'failed').length;
    const overloaded = Object.values(marks.nodes).length - failed;
    const parts = [
      failed > 0 ? `${count(failed, 'component', 'components')} failed` : '',
      overloaded > 0 ? `${count(overloaded, 'component', 'components')} overloaded` : '',
      kinds.includes('lost') ? `${count(kinds.filter((k) => k === 'lost').length, 'connection loses', 'connections lose')} traffic` : '',
      kinds.includes('rerouted') ? `${count(kinds.filter((k) => k === 'rerouted').length, 'connection takes', 'connections take')} rerouted traffic` : '',
    ].filter(Boolean);
    return { title: c.description, parts };
  }, [c, edges]);
  if (!summary || !scoring) return null;
  return (
    <Panel position="bottom-center" className="!m-3">
      <div
        role="status"
        className="flex max-w-xl items-center gap-3 rounded-lg border border-red-200 bg-white/95 px-3 py-1.5 text-sm text-slate-800 shadow-sm"
        data-testid="what-if-legend"
      >
        <span className="min-w-0">
          <span className="font-semibold">What if {summary.title}</span>
          {summary.parts.length > 0 ? <span className="text-slate-700">: {summary.parts.join(', ')}.</span> : <span className="text-slate-700">: no component fails.</span>}
        </span>
        <button
          type="button"
          onClick={() => scoring.chooseWhatIf(null)}
          className="shrink-0 rounded-md border border-slate-300 px-2 py-0.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Clear
        </button>
      </div>
    </Panel>
  );
}

function OverviewMap() {
  const roomy = useStore((s) => s.width >= MINIMAP_MIN_WIDTH && s.height >= MINIMAP_MIN_HEIGHT);
  if (!roomy) return null;
  return (
    <MiniMap<EditorNode>
      position="bottom-right"
      pannable
      zoomable
      nodeColor={minimapColor}
      nodeStrokeWidth={2}
      maskColor="rgba(241, 245, 249, 0.7)"
      className="!border !border-slate-200 !shadow-sm"
    />
  );
}

export function Canvas({ readOnly = false }: { readOnly?: boolean }) {
  const store = useEditorStore();
  const nodes = useEditor(selectNodes);
  const edges = useEditor(selectEdges);
  const selectedNodeIds = useEditor(selectSelectedNodeIds);
  const selectedEdgeIds = useEditor(selectSelectedEdgeIds);
  const signature = useEditor(selectLabelSignature);
  // Holding Space pans the canvas even when the drag starts on a card, as in drawing tools.
  const spaceHeld = useKeyPress('Space');

  const rfNodes = useMemo(() => {
    const selected = new Set(selectedNodeIds);
    return nodes.map((n) => decorateNode(n, selected.has(n.id)));
  }, [nodes, selectedNodeIds]);

  const labels = useMemo(() => {
    const map = new Map<string, string>();
    for (const entry of signature.split('\u0002')) {
      const [id, label] = entry.split('\u0001');
      if (id) map.set(id, label);
    }
    return map;
  }, [signature]);

  const rfEdges = useMemo(() => {
    const selected = new Set(selectedEdgeIds);
    return edges.map((e) => decorateEdge(e, selected.has(e.id), labels, signature));
  }, [edges, selectedEdgeIds, labels, signature]);

  /*
   * Pointer moves during a drag arrive faster than frames (a 125 Hz mouse
   * sends two per frame), and each store update re-renders the canvas. Moves
   * are coalesced into one update per animation frame; every other change
   * (drop, select, measure) first applies what is pending, then itself.
   */
  const pendingMoves = useRef(new Map<string, NodeChange<EditorNode>>());
  const moveFrame = useRef<number | null>(null);
  const flushMoves = useCallback(() => {
    if (moveFrame.current !== null) cancelAnimationFrame(moveFrame.current);
    moveFrame.current = null;
    if (pendingMoves.current.size === 0) return;
    const changes = [...pendingMoves.current.values()];
    pendingMoves.current.clear();
    store.getState().applyNodeChanges(changes);
  }, [store]);
  const onNodesChange = useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      if (changes.length > 0 && changes.every((c) => c.type === 'position' && c.dragging)) {
        for (const c of changes) if (c.type === 'position') pendingMoves.current.set(c.id, c);
        moveFrame.current ??= requestAnimationFrame(flushMoves);
        return;
      }
      flushMoves();
      store.getState().applyNodeChanges(changes);
    },
    [store, flushMoves],
  );
  useEffect(() => () => {
    if (moveFrame.current !== null) cancelAnimationFrame(moveFrame.current);
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<EditorEdge>[]) => store.getState().applyEdgeChanges(changes), [store]);
  // While cards move, the browser need not hit-test hundreds of edge paths on every pointer move.
  const wrapper = useRef<HTMLDivElement>(null);
  const startDrag = useCallback(() => wrapper.current?.classList.add('sl-dragging'), []);
  const finishDrag = useCallback(() => {
    wrapper.current?.classList.remove('sl-dragging');
    flushMoves();
    store.getState().finishDrag();
  }, [store, flushMoves]);

  const isValidConnection: IsValidConnection<EditorEdge> = useCallback(
    (c) => checkConnection(store.getState().graph, c.source, c.target).ok,
    [store],
  );

  const announceConnected = useCallback(
    (source: string, target: string) => {
      const s = store.getState();
      const byId = new Map(s.graph.nodes.map((n) => [n.id, n]));
      s.announce(`Connected ${displayLabel(byId.get(source)!.data)} to ${displayLabel(byId.get(target)!.data)}.`);
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const s = store.getState();
      const verdict = s.connectNodes(c.source, c.target);
      if (verdict.ok) announceConnected(c.source, c.target);
      else s.notify(`Can’t connect: ${verdict.reason}`, 'error');
    },
    [store, announceConnected],
  );

  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (state.isValid || !state.fromNode) return;
      const at = clientPoint(event);
      const fromId = state.fromNode.id;
      const toId = state.toNode?.id ?? nodeIdAt(at.x, at.y);
      if (!toId || toId === fromId) return;
      const fromIsSource = state.fromHandle?.type !== 'target';
      const source = fromIsSource ? fromId : toId;
      const target = fromIsSource ? toId : fromId;
      const s = store.getState();
      // Dropping a wire anywhere on a card (not only on its handle) connects it.
      const verdict = s.connectNodes(source, target);
      if (verdict.ok) announceConnected(source, target);
      else s.notify(`Can’t connect: ${verdict.reason}`, 'error', at);
    },
    [store, announceConnected],
  );

  // Where the pointer is, for a paste at the pointer (lib/editor/pointer.ts).
  const { screenToFlowPosition } = useReactFlow();
  const onMouseMove = useCallback(
    (e: React.MouseEvent) => notePointer(store, screenToFlowPosition({ x: e.clientX, y: e.clientY })),
    [store, screenToFlowPosition],
  );
  const onMouseLeave = useCallback(() => notePointer(store, null), [store]);

  const onNodeDoubleClick = useCallback(
    (_e: React.MouseEvent, node: EditorNode) => store.getState().startEditingLabel(node.id),
    [store],
  );

  return (
    <ReactFlow<EditorNode, EditorEdge>
      ref={wrapper}
      nodes={rfNodes}
      edges={rfEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={readOnly ? undefined : onConnect}
      onConnectEnd={readOnly ? undefined : onConnectEnd}
      isValidConnection={isValidConnection}
      onNodeDragStart={startDrag}
      onSelectionDragStart={startDrag}
      onNodeDragStop={finishDrag}
      onSelectionDragStop={finishDrag}
      onNodeDoubleClick={readOnly ? undefined : onNodeDoubleClick}
      onMouseMove={readOnly ? undefined : onMouseMove}
      onMouseLeave={readOnly ? undefined : onMouseLeave}
      nodesDraggable={!readOnly && !spaceHeld}
      nodesConnectable={!readOnly}
      elementsSelectable={!readOnly}
      edgesReconnectable={false}
      // Deleting is the editor's own shortcut, so nodes and their edges go in one undo step.
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      panActivationKeyCode="Space"
      snapToGrid
      snapGrid={SNAP}
      minZoom={MIN_ZOOM}
      maxZoom={2}
      connectionRadius={28}
      ariaLabelConfig={ARIA_LABELS}
      className={readOnly ? 'sl-readonly' : undefined}
    >
      <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color="#cbd5e1" />
      <Controls showInteractive={false} showFitView={false} position="bottom-left">
        <FitViewButton />
      </Controls>
      {nodes.length >= MINIMAP_FROM ? <OverviewMap /> : null}
      {readOnly ? null : <ConnectionHint />}
      <TrafficLayer />
      <WhatIfLegend />
      <FitOnRequest />
    </ReactFlow>
  );
}
