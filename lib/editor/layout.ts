/**
 * Node placement: a quick synchronous layering for designs that come without
 * positions, and ELK's layered algorithm for the "Auto-layout" command. ELK is
 * large, so it is imported only when the user asks for a layout.
 */
import type { DesignEdge, DesignNode } from '@/lib/engine/data';
import type { XY } from './types';

/** Size of a node card on the canvas, px (the card's CSS uses the same width). */
export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 80;
/** Snap grid, px. */
export const GRID = 16;

const COLUMN_GAP = 96;
const ROW_GAP = 40;

/** Space kept between a new card and the cards around it, px. */
const GAP = GRID * 2;

/** A rectangle in flow coordinates (the part of the canvas in view). */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether a card with its top-left corner at `p` lies wholly inside `r`. */
export function cardInside(p: { x: number; y: number }, r: FlowRect): boolean {
  return p.x >= r.x && p.y >= r.y && p.x + NODE_WIDTH <= r.x + r.width && p.y + NODE_HEIGHT <= r.y + r.height;
}

/**
 * The slot nearest `at` (card positions, top-left) where a new card overlaps
 * no card in `taken`, with a gap to spare. Slots are one card plus the gap
 * apart, tried ring by ring, nearest first and, at equal distance, to the
 * right, below, to the left, then above: cards added one after another end
 * up side by side instead of stacked on one another. With `within` (the part
 * of the canvas in view), a free slot wholly inside it wins over a nearer one
 * that is not, so a card added on a narrow screen lands where it can be seen.
 */
export function freeSpotNear(
  at: { x: number; y: number },
  taken: readonly { x: number; y: number }[],
  within?: FlowRect,
): { x: number; y: number } {
  const free = (p: { x: number; y: number }) => !taken.some((t) => Math.abs(t.x - p.x) < NODE_WIDTH + GAP && Math.abs(t.y - p.y) < NODE_HEIGHT + GAP);
  const side = (i: number, j: number) => (i > 0 ? 0 : j > 0 ? 1 : i < 0 ? 2 : 3);
  const candidates: { x: number; y: number }[] = [at];
  for (let ring = 1; ring <= 8; ring++) {
    const slots: [number, number][] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) if (Math.max(Math.abs(i), Math.abs(j)) === ring) slots.push([i, j]);
    }
    slots.sort(([ai, aj], [bi, bj]) => ai * ai + aj * aj - (bi * bi + bj * bj) || side(ai, aj) - side(bi, bj));
    for (const [i, j] of slots) candidates.push({ x: at.x + i * (NODE_WIDTH + GAP), y: at.y + j * (NODE_HEIGHT + GAP) });
  }
  if (within) {
    const seen = candidates.find((p) => free(p) && cardInside(p, within));
    if (seen) return seen;
  }
  return candidates.find(free) ?? at;
}

/**
 * Columns by longest path from a source (traffic flows left to right), rows
 * in document order. Cycles (which a valid design has none of) are cut at
 * the first back edge. O(nodes + edges).
 */
export function layeredPositions(
  nodes: readonly Pick<DesignNode, 'id'>[],
  edges: readonly Pick<DesignEdge, 'source' | 'target'>[],
): Map<string, XY> {
  const ids = new Set(nodes.map((n) => n.id));
  const out = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const n of nodes) {
    out.set(n.id, []);
    indegree.set(n.id, 0);
  }
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
    out.get(e.source)!.push(e.target);
    indegree.set(e.target, indegree.get(e.target)! + 1);
  }
  const depth = new Map<string, number>();
  const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    for (const w of out.get(v)!) {
      depth.set(w, Math.max(depth.get(w) ?? 0, depth.get(v)! + 1));
      const left = indegree.get(w)! - 1;
      indegree.set(w, left);
      if (left === 0) queue.push(w);
    }
  }
  const rows = new Map<number, number>();
  const positions = new Map<string, XY>();
  for (const n of nodes) {
    const col = depth.get(n.id) ?? 0;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    positions.set(n.id, { x: col * (NODE_WIDTH + COLUMN_GAP), y: row * (NODE_HEIGHT + ROW_GAP) });
  }
  return positions;
}

export interface LayoutNode {
  id: string;
  width?: number;
  height?: number;
}

/**
 * ELK layered layout, left to right by traffic flow. Resolves to a position
 * for every node (snapped to the grid). Runs ELK's bundled build on the main
 * thread: a few hundred nodes take well under a second.
 */
export async function elkLayout(
  nodes: readonly LayoutNode[],
  edges: readonly { id: string; source: string; target: string }[],
): Promise<Map<string, XY>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
      'elk.spacing.nodeNode': String(ROW_GAP),
      'elk.spacing.componentComponent': String(ROW_GAP * 2),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width ?? NODE_WIDTH, height: n.height ?? NODE_HEIGHT })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  const positions = new Map<string, XY>();
  for (const child of graph.children ?? []) {
    positions.set(child.id, { x: snap(child.x ?? 0), y: snap(child.y ?? 0) });
  }
  return positions;
}
