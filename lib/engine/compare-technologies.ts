/**
 * "Compare technologies" (docs/model.md §14): the same design evaluated with
 * one node switched to each technology of its kind, generic first. Pure: the
 * design passed in is not changed.
 */
import { evaluate, evaluateStages, prepare } from './evaluate';
import type { Finding } from './evaluation';
import { GENERIC, technologiesOf, technologyLabel } from './technologies';
import type { Design, NodeParams, Workload } from './types';

export interface TechnologyComparisonRow {
  /** The technology id, or 'generic'. */
  technology: string;
  /** "Redis", "Generic". */
  label: string;
  /** The node's technology in the design as given. */
  current: boolean;
  /** The node's capacity at this traffic mix, requests per second (its load over its utilisation); null when idle or unbounded. */
  capacityRps: number | null;
  /** The node's utilisation (uncapped). */
  utilization: number;
  /** Server-side p95 and p99 over all user requests, ms. */
  p95Ms: number;
  p99Ms: number;
  /** Server-side p95 of reads and of writes, ms. */
  p95ReadMs: number;
  p95WriteMs: number;
  /** End-to-end availability of the design. */
  availability: number;
  /** The design's monthly bill, and the node's own part of it, US dollars. */
  monthlyUsd: number;
  nodeMonthlyUsd: number;
  /** Share of reads that may see stale data, and whether read-your-writes holds (docs/model.md §14.1). */
  staleReadShare: number;
  readYourWrites: boolean;
  /** Whether the design passes the stage asked for (options.stage); undefined when none was asked. */
  passes?: boolean;
  /** Findings about this node. */
  findings: Finding[];
}

export interface CompareOptions {
  /** Judge each variant against this stage (1–8) too. */
  stage?: number;
}

/** The design with node `nodeId`'s technology set (generic: removed). */
export function withTechnology(design: Design, nodeId: string, technology: string): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) => {
      if (n.id !== nodeId) return n;
      const params: NodeParams = { ...n.params };
      if (technology === GENERIC) delete params.technology;
      else params.technology = technology;
      return { ...n, params };
    }),
  };
}

/**
 * Evaluates the design once per technology of node `nodeId`'s kind (generic
 * first) at `workload`. [] when the node's kind has no technology choice.
 * Throws `InvalidDesignError` for a design the engine refuses.
 */
export function compareTechnologies(design: Design, nodeId: string, workload?: Partial<Workload>, options: CompareOptions = {}): TechnologyComparisonRow[] {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`no node "${nodeId}" in the design`);
  const choices = technologiesOf(node.kind);
  if (choices.length === 0) return [];
  const current = node.params?.technology ?? GENERIC;
  return [GENERIC, ...choices].map((technology) => {
    const variant = withTechnology(design, nodeId, technology);
    const e = evaluate(variant, workload, { stages: false });
    const r = e.nodes[nodeId];
    const load = r.arrivalRps.total;
    const row: TechnologyComparisonRow = {
      technology,
      label: technologyLabel(node.kind, technology),
      current: technology === current,
      capacityRps: r.utilization > 0 && load > 0 ? load / r.utilization : null,
      utilization: r.utilization,
      p95Ms: e.endToEnd.latencyMs.overall.p95,
      p99Ms: e.endToEnd.latencyMs.overall.p99,
      p95ReadMs: e.endToEnd.latencyMs.read.p95,
      p95WriteMs: e.endToEnd.latencyMs.write.p95,
      availability: e.endToEnd.availability,
      monthlyUsd: e.endToEnd.monthlyCostUsd,
      nodeMonthlyUsd: r.monthlyCostUsd,
      staleReadShare: e.consistency.staleReadShare,
      readYourWrites: e.consistency.readYourWrites,
      findings: e.findings.filter((f) => f.nodeId === nodeId),
    };
    if (options.stage !== undefined) {
      const stage = evaluateStages(prepare(variant)).find((s) => s.stage === options.stage);
      row.passes = stage?.passed;
    }
    return row;
  });
}
