/**
 * The one adapter between the canvas graph (React Flow nodes and edges) and
 * the design document the engine, the API and the files use (MODEL.md §1.1).
 * Everything that reads or writes a design goes through `toDesign` /
 * `fromDesign`, so the two shapes cannot drift apart.
 */
import { CURRENT_SCHEMA_VERSION } from '@/lib/design/schema';
import type { Design, DesignEdge, DesignNode } from '@/lib/engine/data';
import { layeredPositions } from './layout';
import type { DesignMeta, EditorEdge, EditorNode } from './types';

export const NODE_TYPE = 'kind' as const;
export const EDGE_TYPE = 'flow' as const;

function isEmpty(o: object | undefined): boolean {
  return !o || Object.keys(o).length === 0;
}

/** Canvas graph → design document. Selection, sizes and other canvas state are dropped. */
export function toDesign(nodes: readonly EditorNode[], edges: readonly EditorEdge[], meta: DesignMeta = {}): Design {
  const design: Design = { schemaVersion: CURRENT_SCHEMA_VERSION, nodes: [], edges: [] };
  if (meta.name !== undefined) design.name = meta.name;
  if (meta.workload !== undefined) design.workload = { ...meta.workload };
  design.nodes = nodes.map((n) => {
    const out: DesignNode = { id: n.id, kind: n.data.kind };
    if (n.data.label !== undefined) out.label = n.data.label;
    out.position = { x: n.position.x, y: n.position.y };
    if (!isEmpty(n.data.params)) out.params = structuredClone(n.data.params);
    return out;
  });
  design.edges = edges.map((e) => {
    const out: DesignEdge = { id: e.id, source: e.source, target: e.target };
    if (!isEmpty(e.data?.params)) out.params = { ...e.data!.params };
    return out;
  });
  return design;
}

export function toEditorNode(n: DesignNode, position: { x: number; y: number }): EditorNode {
  const data: EditorNode['data'] = { kind: n.kind, params: n.params ? structuredClone(n.params) : {} };
  if (n.label !== undefined) data.label = n.label;
  return { id: n.id, type: NODE_TYPE, position: { x: position.x, y: position.y }, data };
}

export function toEditorEdge(e: DesignEdge): EditorEdge {
  return { id: e.id, type: EDGE_TYPE, source: e.source, target: e.target, data: { params: e.params ? { ...e.params } : {} } };
}

/**
 * Design document → canvas graph. Nodes without a `position` are placed by a
 * simple left-to-right layering of the traffic flow, so a hand-written design
 * opens readable; nodes that have one keep it exactly.
 */
export function fromDesign(design: Design): { nodes: EditorNode[]; edges: EditorEdge[]; meta: DesignMeta } {
  const missing = design.nodes.some((n) => !n.position);
  const placed = missing ? layeredPositions(design.nodes, design.edges) : null;
  const nodes = design.nodes.map((n) => toEditorNode(n, n.position ?? placed!.get(n.id)!));
  const edges = design.edges.map(toEditorEdge);
  const meta: DesignMeta = {};
  if (design.name !== undefined) meta.name = design.name;
  if (design.workload !== undefined) meta.workload = { ...design.workload };
  return { nodes, edges, meta };
}
