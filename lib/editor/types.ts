import type { Edge, Node } from '@xyflow/react';
import type { Kind } from '@/lib/engine/kinds';
import type { Evaluation } from '@/lib/engine/evaluation';
import type { EdgeParams, NodeParams, Workload } from '@/lib/engine/types';
import type { Verdict } from './judge';

/**
 * What a canvas node carries. `params` holds only the overrides the user set;
 * an absent key means "use the catalog default" (the inspector shows that
 * default as the placeholder). `label` is absent when the design has none;
 * the card then shows the kind's catalog label.
 */
export interface KindNodeData extends Record<string, unknown> {
  kind: Kind;
  label?: string;
  params: NodeParams;
}

export interface FlowEdgeData extends Record<string, unknown> {
  params: EdgeParams;
}

export type EditorNode = Node<KindNodeData, 'kind'>;
export type EditorEdge = Edge<FlowEdgeData, 'flow'>;

/** The parts of a design document that are not nodes or edges. */
export interface DesignMeta {
  name?: string;
  workload?: Workload;
}

/** Colour band of a utilisation figure (see `bandOf` in results.ts). */
export type UtilisationBand = 'healthy' | 'warm' | 'hot' | 'saturated';

/** What live scoring reports for one node; the card shows it when present. */
export interface NodeResult {
  /** Per-instance utilisation ρ, uncapped (1.4 means 140 %). */
  utilization: number;
  band: UtilisationBand;
  /** The busiest component at the scored load (live scoring only). */
  bottleneck?: boolean;
  /** A single point of failure (live scoring only). */
  spof?: boolean;
}

/** What live scoring reports for one connection. */
export interface EdgeResult {
  /** Requests per second carried at peak (estimated from the nodes' arrivals). */
  rps: number;
  /** 0–1, log-scaled against the busiest connection: how thick it is drawn. */
  weight: number;
}

/**
 * What the live scorer last produced for the whole design (lib/editor/scoring.ts):
 * an evaluation at `users`, or why there is nothing to evaluate yet.
 */
export type ScoredDesign = (
  | { status: 'ok'; users: number; evaluation: Evaluation; revision: number }
  | { status: 'empty'; title: string; message: string; revision: number }
  | { status: 'invalid'; message: string; revision: number }
) & {
  /** The scorer's judge's verdict on the same design, same revision (lib/editor/judge.ts); absent without a judge. */
  verdict?: Verdict;
};

/** Scoring results for the current graph, keyed by node id. */
export interface EditorResults {
  nodes: Readonly<Record<string, NodeResult>>;
  /** Per connection, keyed by edge id (live scoring only). */
  edges?: Readonly<Record<string, EdgeResult>>;
  /** The whole evaluation behind `nodes` (live scoring only). */
  scored?: ScoredDesign;
}

export interface XY {
  x: number;
  y: number;
}
