/**
 * What the canvas draws for a chosen what-if (results panel → What if): the
 * components the condition takes down, the ones it saturates, and per
 * connection whether its traffic is lost, rerouted onto it, or reduced.
 * Read from the comparison the scoring worker computes (scoring-engine.ts
 * `compare`); pure, no React.
 */
import type { ComparisonSummary } from './scoring-engine';
import type { ScoringView } from './scoring';

export type WhatIfNodeMark = 'failed' | 'saturates';

export interface WhatIfEdgeMark {
  /**
   * lost: to or from a failed component, its traffic has nowhere to go;
   * overload: more traffic than now, into a component the condition saturates;
   * rerouted: more traffic than now because a component failed (a sibling's share moved onto it);
   * more: more traffic than now under a bigger or slower load;
   * less: less traffic than now.
   */
  kind: 'lost' | 'overload' | 'rerouted' | 'more' | 'less';
  before: number;
  after: number;
}

export interface WhatIfMarks {
  nodes: Record<string, WhatIfNodeMark>;
  edges: Record<string, WhatIfEdgeMark>;
}

/** A change smaller than this share of the connection's traffic (and 0.5 req/s) is no change. */
const SAME_SHARE = 0.02;

type Marked = Pick<ComparisonSummary, 'whatIf' | 'failed' | 'newlySaturated' | 'edges' | 'scenario'>;

const FAILURES = new Set(['fail-node', 'fail-instance', 'fail-region']);

/** What a component is under the condition: gone, newly saturated, or neither (null). */
export function nodeMark(c: Marked, id: string): WhatIfNodeMark | null {
  if (c.failed.includes(id)) return 'failed';
  if (c.newlySaturated.includes(id)) return 'saturates';
  return null;
}

/** What happens to a connection's traffic under the condition; null when it carries about the same. */
export function edgeMark(c: Marked, id: string, source: string, target: string): WhatIfEdgeMark | null {
  const flow = c.edges[id];
  if (!flow) return null;
  const { before, after } = flow;
  if (c.failed.includes(source) || c.failed.includes(target)) return before > 0 ? { kind: 'lost', before, after: 0 } : null;
  const delta = after - before;
  if (Math.abs(delta) <= Math.max(0.5, before * SAME_SHARE)) return null;
  if (delta < 0) return { kind: 'less', before, after };
  if (c.scenario.saturated.includes(target)) return { kind: 'overload', before, after };
  return { kind: FAILURES.has(c.whatIf.type) ? 'rerouted' : 'more', before, after };
}

/** The canvas' marks for a comparison, over the design's connections. */
export function whatIfMarks(c: Marked, connections: readonly { id: string; source: string; target: string }[]): WhatIfMarks {
  const nodes: Record<string, WhatIfNodeMark> = {};
  for (const id of c.failed) nodes[id] = 'failed';
  for (const id of c.newlySaturated) nodes[id] ??= 'saturates';
  const edges: Record<string, WhatIfEdgeMark> = {};
  for (const e of connections) {
    const mark = edgeMark(c, e.id, e.source, e.target);
    if (mark) edges[e.id] = mark;
  }
  return { nodes, edges };
}

/**
 * The comparison the canvas draws: the chosen what-if's, while the What if
 * section is open; null otherwise (nothing chosen, another section, or its
 * numbers not computed yet).
 */
export function shownComparison(v: Pick<ScoringView, 'whatIf' | 'chaos' | 'section'>): ComparisonSummary | null {
  if (!v.whatIf || v.section !== 'chaos') return null;
  const value = v.chaos?.value;
  if (!value || JSON.stringify(value.whatIf) !== JSON.stringify(v.whatIf)) return null;
  return value;
}
