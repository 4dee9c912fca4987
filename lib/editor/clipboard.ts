/**
 * Copy and paste of part of a design. The payload is a small design fragment
 * (nodes plus the edges between them) as JSON, so it travels through the
 * system clipboard between tabs and windows; a copy in localStorage serves a
 * paste when the system clipboard comes back empty (a browser that withholds
 * it, a clipboard manager that cleared it). Pasting gives every node and
 * edge a fresh id.
 */
import { parseDesign } from '@/lib/design/schema';
import type { DesignEdge, DesignNode } from '@/lib/engine/data';
import { toDesign, toEditorEdge, toEditorNode } from './adapter';
import { edgeIdFor, uniqueId, uniqueLabel } from './ids';
import { displayLabel } from './labels';
import { GRID } from './layout';
import type { EditorEdge, EditorNode, XY } from './types';

export const CLIPBOARD_TYPE = 'scalelab/clipboard';
export const CLIPBOARD_STORAGE_KEY = 'scalelab:clipboard:v1';

export interface ClipboardPayload {
  type: typeof CLIPBOARD_TYPE;
  version: 1;
  nodes: DesignNode[];
  edges: DesignEdge[];
}

/** The selected nodes and every edge between two of them. */
export function copyPayload(nodes: readonly EditorNode[], edges: readonly EditorEdge[], nodeIds: readonly string[]): ClipboardPayload | null {
  const ids = new Set(nodeIds);
  const picked = nodes.filter((n) => ids.has(n.id));
  if (picked.length === 0) return null;
  const inner = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const design = toDesign(picked, inner);
  return { type: CLIPBOARD_TYPE, version: 1, nodes: design.nodes, edges: design.edges };
}

/** Cards are about 64–80 px tall; a copy placed this far below the originals' lowest card clears it. */
const CARD_CLEARANCE = 120;

function topLeft(payload: ClipboardPayload): XY {
  const xs = payload.nodes.map((n) => n.position?.x ?? 0);
  const ys = payload.nodes.map((n) => n.position?.y ?? 0);
  return { x: xs.length ? Math.min(...xs) : 0, y: ys.length ? Math.min(...ys) : 0 };
}

/** The shift that puts the fragment's top-left card at `at` (a paste at the pointer), on the canvas grid as a dropped card is. */
export function offsetToPoint(payload: ClipboardPayload, at: XY): XY {
  const from = topLeft(payload);
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  return { x: snap(at.x) - from.x, y: snap(at.y) - from.y };
}

/**
 * The shift of the `count`-th paste of the same fragment when there is no
 * pointer to paste at (keyboard, Duplicate): straight below the originals,
 * clear of them and of the copies before, never on top.
 */
export function offsetClearOf(payload: ClipboardPayload, count: number): XY {
  const ys = payload.nodes.map((n) => n.position?.y ?? 0);
  const height = ys.length ? Math.max(...ys) - Math.min(...ys) : 0;
  return { x: 0, y: (height + CARD_CLEARANCE) * count };
}

export function serializeClipboard(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

/** Reads a payload from clipboard text; null for anything else (plain text, a broken fragment). */
export function parseClipboard(text: string | null | undefined): ClipboardPayload | null {
  if (!text || !text.includes(CLIPBOARD_TYPE)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (o.type !== CLIPBOARD_TYPE || o.version !== 1) return null;
  const parsed = parseDesign({ schemaVersion: 1, nodes: o.nodes, edges: o.edges });
  if (!parsed.ok || parsed.design.nodes.length === 0) return null;
  return { type: CLIPBOARD_TYPE, version: 1, nodes: parsed.design.nodes, edges: parsed.design.edges };
}

/**
 * Turns a payload into new canvas nodes and edges that do not collide with
 * the existing graph: fresh ids, labels numbered on where they clash, edges
 * rewired to the new ids, positions moved by `offset`.
 */
export function instantiatePayload(
  payload: ClipboardPayload,
  existing: { nodes: readonly EditorNode[]; edges: readonly EditorEdge[] },
  offset: XY,
): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const nodeIds = new Set(existing.nodes.map((n) => n.id));
  const edgeIds = new Set(existing.edges.map((e) => e.id));
  const labels = new Set(existing.nodes.map((n) => displayLabel(n.data)));
  const remap = new Map<string, string>();
  const nodes: EditorNode[] = payload.nodes.map((n) => {
    const id = uniqueId(n.kind, nodeIds);
    nodeIds.add(id);
    remap.set(n.id, id);
    const p = n.position ?? { x: 0, y: 0 };
    const node = toEditorNode({ ...n, id }, { x: p.x + offset.x, y: p.y + offset.y });
    const label = uniqueLabel(displayLabel(node.data), labels);
    labels.add(label);
    node.data.label = label;
    return node;
  });
  const edges: EditorEdge[] = [];
  for (const e of payload.edges) {
    const source = remap.get(e.source);
    const target = remap.get(e.target);
    if (!source || !target) continue;
    const id = edgeIdFor(source, target, edgeIds);
    edgeIds.add(id);
    edges.push(toEditorEdge({ ...e, id, source, target }));
  }
  return { nodes, edges };
}

/** localStorage copy of the last payload (best effort: storage may be full or blocked). */
export function storeClipboard(storage: Storage | undefined, payload: ClipboardPayload): void {
  try {
    storage?.setItem(CLIPBOARD_STORAGE_KEY, serializeClipboard(payload));
  } catch {
    // The system clipboard still has it.
  }
}

export function loadClipboard(storage: Storage | undefined): ClipboardPayload | null {
  try {
    return parseClipboard(storage?.getItem(CLIPBOARD_STORAGE_KEY));
  } catch {
    return null;
  }
}
