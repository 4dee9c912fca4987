/**
 * What-if and chaos scenarios: each turns a design (and workload) into the
 * design the world would present under that condition, so the ordinary
 * `evaluate` scores it and the difference from the baseline shows what the
 * condition costs. Used by the results panel's chaos mode and by interview
 * curveballs.
 *
 * - fail-node: the node is gone; traffic that needed it has no acceptor and
 *   fails (its siblings behind a splitter take over, if they can).
 * - fail-instance: one instance of the node is gone (a node of one instance
 *   is gone entirely).
 * - fail-region: every node in the region is gone; global kinds (DNS, CDN,
 *   monitoring, logging) stay up, as the engine's own region check assumes.
 * - flash-crowd: the peak hour brings `factor` times the usual peak
 *   (default: the workload's flashFactor, 5; MODEL.md §9.5).
 * - cache-flush: every cache's hit ratio is zero, as right after a flush or a
 *   cold start, before the cache warms up.
 * - slow-database: every database, read replica and NoSQL node takes
 *   `factor` (5) times as long per request.
 */
import { technologyDefaults } from './technologies';
import { CATALOG } from './catalog';
import { evaluate } from './evaluate';
import type { Evaluation } from './evaluation';
import { resolveWorkload } from './workload';
import type { Design, DesignNode, NodeParams, Workload } from './types';
import { DATA_KINDS, describeWhatIf, regionOfKind, type WhatIf } from './what-if-terms';

export type { WhatIf } from './what-if-terms';
export { DEFAULT_REGION, describeWhatIf } from './what-if-terms';

/** The region a node runs in, or null for a global kind. */
export function regionOf(n: DesignNode): string | null {
  return regionOfKind(n.kind, n.params?.region);
}


/** Regions the design's nodes are in (default region included when used). */
export function designRegions(design: Design): string[] {
  const regions = new Set<string>();
  for (const n of design.nodes) {
    const r = regionOf(n);
    if (r !== null) regions.add(r);
  }
  return [...regions].sort();
}

function withoutNodes(design: Design, gone: Set<string>): Design {
  return {
    ...design,
    nodes: design.nodes.filter((n) => !gone.has(n.id)),
    edges: design.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

function mapNodes(design: Design, fn: (n: DesignNode) => DesignNode): Design {
  return { ...design, nodes: design.nodes.map(fn) };
}

function withParams(n: DesignNode, params: NodeParams): DesignNode {
  return { ...n, params: { ...n.params, ...params } };
}

/** The design and workload overrides under a what-if condition. */
export function applyWhatIf(
  design: Design,
  w: WhatIf,
  workload?: Partial<Workload>,
): { design: Design; workload: Partial<Workload> | undefined } {
  switch (w.type) {
    case 'fail-node':
      return { design: withoutNodes(design, new Set([w.nodeId])), workload };
    case 'fail-instance': {
      const node = design.nodes.find((n) => n.id === w.nodeId);
      if (!node) return { design, workload };
      const scale = node.params?.autoscale;
      // A technology's own default count: a Kafka topic runs on 3 brokers (docs/model.md §14.2).
      const instances = node.params?.instances ?? technologyDefaults(node.kind, node.params?.technology)?.instances?.value ?? CATALOG[node.kind].defaults.instances.value;
      if (scale) {
        if (scale.max <= 1) return { design: withoutNodes(design, new Set([w.nodeId])), workload };
        const max = scale.max - 1;
        return {
          design: mapNodes(design, (n) =>
            n.id === w.nodeId ? withParams(n, { autoscale: { ...scale, max, min: Math.min(scale.min, max) } }) : n,
          ),
          workload,
        };
      }
      if (instances <= 1) return { design: withoutNodes(design, new Set([w.nodeId])), workload };
      return {
        design: mapNodes(design, (n) => (n.id === w.nodeId ? withParams(n, { instances: instances - 1 }) : n)),
        workload,
      };
    }
    case 'fail-region': {
      const gone = new Set(design.nodes.filter((n) => regionOf(n) === w.region).map((n) => n.id));
      return { design: withoutNodes(design, gone), workload };
    }
    case 'flash-crowd': {
      const base = resolveWorkload(design.workload, workload);
      return { design, workload: { ...workload, peakFactor: base.peakFactor * (w.factor ?? base.flashFactor) } };
    }
    case 'cache-flush':
      return {
        design: mapNodes(design, (n) => (n.kind === 'cache' ? withParams(n, { hitRatio: 0 }) : n)),
        workload,
      };
    case 'slow-database': {
      const factor = w.factor ?? 5;
      return {
        design: mapNodes(design, (n) => {
          if (!DATA_KINDS.has(n.kind)) return n;
          // The node's technology's figure where it has one (Aurora's 0.11 ms writes), else its kind's.
          const base = (technologyDefaults(n.kind, n.params?.technology)?.serviceMs ?? CATALOG[n.kind].defaults.serviceMs)?.value;
          const own = n.params?.serviceMs ?? {};
          const s = (cls: 'static' | 'read' | 'write') => (own[cls] ?? base?.[cls] ?? 0) * factor;
          return withParams(n, { serviceMs: { static: s('static'), read: s('read'), write: s('write') } });
        }),
        workload,
      };
    }
  }
}

export interface WhatIfComparison {
  whatIf: WhatIf;
  description: string;
  baseline: Evaluation;
  scenario: Evaluation;
  delta: {
    availability: number;
    errorRate: number;
    /** Change of p95 latency per user class, milliseconds. */
    p95Ms: { static: number; read: number; write: number; overall: number };
    monthlyCostUsd: number;
  };
  /** Nodes saturated under the condition that were not before. */
  newlySaturated: string[];
}

/** Scores the design with and without the condition. */
export function compareWhatIf(design: Design, w: WhatIf, workload?: Partial<Workload>): WhatIfComparison {
  const baseline = evaluate(design, workload, { stages: false });
  const applied = applyWhatIf(design, w, workload);
  const scenario = evaluate(applied.design, applied.workload, { stages: false });
  const p95 = (e: Evaluation, c: 'static' | 'read' | 'write' | 'overall') => e.endToEnd.latencyMs[c].p95;
  return {
    whatIf: w,
    description: describeWhatIf(w, design),
    baseline,
    scenario,
    delta: {
      availability: scenario.endToEnd.availability - baseline.endToEnd.availability,
      errorRate: scenario.endToEnd.errorRate - baseline.endToEnd.errorRate,
      p95Ms: {
        static: p95(scenario, 'static') - p95(baseline, 'static'),
        read: p95(scenario, 'read') - p95(baseline, 'read'),
        write: p95(scenario, 'write') - p95(baseline, 'write'),
        overall: p95(scenario, 'overall') - p95(baseline, 'overall'),
      },
      monthlyCostUsd: scenario.endToEnd.monthlyCostUsd - baseline.endToEnd.monthlyCostUsd,
    },
    newlySaturated: Object.entries(scenario.nodes)
      .filter(([id, n]) => n.saturated && !baseline.nodes[id]?.saturated)
      .map(([id]) => id),
  };
}
