/**
 * How the interview asks the engine about a candidate's design: always at
 * the problem's workload (the design's own `workload` is ignored, so a design
 * cannot pass by lowering requests per user), without the eight stages.
 */
import { CATALOG, type Evaluation, type Design, type ResolvedWorkload, type Workload, resolveWorkload } from '@/lib/engine/data';
import { evaluate } from '@/lib/engine';
import type { DesignCheck, Problem } from './schema';

/** A design's nodes and edges with the workload dropped. */
export function withoutWorkload(design: Design): Design {
  return {
    schemaVersion: 1,
    ...(design.name !== undefined ? { name: design.name } : {}),
    nodes: design.nodes,
    edges: design.edges,
  };
}

export function problemWorkload(problem: Pick<Problem, 'workload'>): ResolvedWorkload {
  return resolveWorkload(problem.workload as Workload);
}

export type ModelRun = { ok: true; evaluation: Evaluation } | { ok: false; error: string };

/** Evaluates a design at a full workload; an invalid design is reported, not thrown. */
export function runModel(design: Design, workload: ResolvedWorkload): ModelRun {
  try {
    return { ok: true, evaluation: evaluate(withoutWorkload(design), workload, { stages: false }) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The region of a node, as the engine sees it; null for global kinds (users, DNS, CDN, monitoring, logging). */
export function regionOf(node: Design['nodes'][number]): string | null {
  if (CATALOG[node.kind].global) return null;
  return node.params?.region ?? 'region-1';
}

/** Whether the node takes part in the design: carries traffic, or is a kind that carries none (monitoring, logging). */
function active(design: Design, evaluation: Evaluation, id: string): boolean {
  const node = design.nodes.find((n) => n.id === id);
  if (!node) return false;
  if (node.kind !== 'users' && CATALOG[node.kind].accepts.length === 0) return true;
  return (evaluation.nodes[id]?.arrivalRps.total ?? 0) > 0;
}

/** Regions whose nodes receive user traffic, busiest first. */
export function busyRegions(design: Design, evaluation: Evaluation): string[] {
  const load = new Map<string, number>();
  for (const n of design.nodes) {
    const region = regionOf(n);
    const rate = evaluation.nodes[n.id]?.arrivalRps.total ?? 0;
    if (region === null || !(rate > 0)) continue;
    load.set(region, (load.get(region) ?? 0) + rate);
  }
  return [...load.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r]) => r);
}

/** Judges one structural check (see `designCheckSchema`). */
export function designCheckPasses(check: DesignCheck, design: Design, evaluation: Evaluation): boolean {
  switch (check.type) {
    case 'kind': {
      const count = design.nodes.filter((n) => check.kinds.includes(n.kind) && active(design, evaluation, n.id)).length;
      return count >= (check.min ?? 1);
    }
    case 'regions':
      return busyRegions(design, evaluation).length >= check.min;
    case 'no-spof':
      // A design that serves nothing has no single point of failure only vacuously.
      return evaluation.spofs.length === 0 && evaluation.endToEnd.errorRate < 0.5;
  }
}

/** Share of user requests turned away by rate limiters. */
export function shedShare(evaluation: Evaluation): number {
  const offered = evaluation.offered.total;
  return offered > 0 ? evaluation.endToEnd.shedRps / offered : 0;
}

/** The node label a learner sees. */
export function labelOf(design: Design, id: string | null): string {
  if (id === null) return 'the design';
  const n = design.nodes.find((x) => x.id === id);
  return n?.label ?? (n ? CATALOG[n.kind].label : id);
}
