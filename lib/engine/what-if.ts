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
import { DATA_KINDS, describeWhatIf, type WhatIf } from './what-if-terms';
import { regionOf } from '../rules/regions';

export type { WhatIf } from './what-if-terms';
export { describeWhatIf } from './what-if-terms';
export { DEFAULT_REGION, regionOf } from '../rules/regions';


/** Regions the design's nodes are in (default region included when used). */
export function designRegions(design: Design): string[] {
  const regions = new Set<string>();
  for (const n of design.nodes) {
    const r = regionOf(n);
    if (r !== null) regions.add(r);
  }
  return [...regions].sort();
}

// ---------------------------------------------------------------------------
// Design transforms, once: the what-if scenarios below and the interview's
// curveballs (lib/interview/curveballs.ts) both build their conditions from
// these.

/** The design without these nodes and their edges. */
export function removeNodes(design: Design, gone: ReadonlySet<string>): Design {
  return {
    ...design,
    nodes: design.nodes.filter((n) => !gone.has(n.id)),
    edges: design.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

export function mapNodes(design: Design, fn: (n: DesignNode) => DesignNode): Design {
  return { ...design, nodes: design.nodes.map(fn) };
}

export function withParams(n: DesignNode, params: NodeParams): DesignNode {
  return { ...n, params: { ...n.params, ...params } };
}

/** A region goes down: every node in it is removed with its edges; global kinds stay (lib/rules/regions.ts). */
export function withoutRegion(design: Design, region: string): { design: Design; gone: Set<string> } {
  const gone = new Set(design.nodes.filter((n) => regionOf(n) === region).map((n) => n.id));
  return { design: removeNodes(design, gone), gone };
}

/** Every node of these kinds gets the params (a cache flush is `hitRatio: 0`). */
export function setParams(design: Design, kinds: ReadonlySet<string>, params: NodeParams): Design {
  return mapNodes(design, (n) => (kinds.has(n.kind) ? withParams(n, params) : n));
}

/**
 * Nodes of these kinds take `factor` times as long: a station's service
 * times, else a managed kind's fixed latency, each from the node's own value,
 * else its technology's (Aurora's 0.11 ms writes), else its kind's.
 */
export function slowDown(design: Design, kinds: ReadonlySet<string>, factor: number): Design {
  return mapNodes(design, (n) => {
    if (!kinds.has(n.kind)) return n;
    const spec = CATALOG[n.kind];
    const tech = technologyDefaults(n.kind, n.params?.technology);
    if (spec.params.includes('serviceMs')) {
      const base = (tech?.serviceMs ?? spec.defaults.serviceMs)?.value;
      const own = n.params?.serviceMs ?? {};
      const s = (cls: 'static' | 'read' | 'write') => (own[cls] ?? base?.[cls] ?? 0) * factor;
      return withParams(n, { serviceMs: { static: s('static'), read: s('read'), write: s('write') } });
    }
    const latency = n.params?.latencyMs ?? (tech?.latencyMs ?? spec.defaults.latencyMs)?.value;
    if (latency !== undefined && spec.params.includes('latencyMs')) return withParams(n, { latencyMs: latency * factor });
    return n;
  });
}

const CACHES: ReadonlySet<string> = new Set(['cache']);

/** The design and workload overrides under a what-if condition. */
export function applyWhatIf(
  design: Design,
  w: WhatIf,
  workload?: Partial<Workload>,
): { design: Design; workload: Partial<Workload> | undefined } {
  switch (w.type) {
    case 'fail-node':
      return { design: removeNodes(design, new Set([w.nodeId])), workload };
    case 'fail-instance': {
      const node = design.nodes.find((n) => n.id === w.nodeId);
      if (!node) return { design, workload };
      const scale = node.params?.autoscale;
      // A technology's own default count: a Kafka topic runs on 3 brokers (docs/model.md §14.2).
      const instances = node.params?.instances ?? technologyDefaults(node.kind, node.params?.technology)?.instances?.value ?? CATALOG[node.kind].defaults.instances.value;
      if (scale) {
        if (scale.max <= 1) return { design: removeNodes(design, new Set([w.nodeId])), workload };
        const max = scale.max - 1;
        return {
          design: mapNodes(design, (n) =>
            n.id === w.nodeId ? withParams(n, { autoscale: { ...scale, max, min: Math.min(scale.min, max) } }) : n,
          ),
          workload,
        };
      }
      if (instances <= 1) return { design: removeNodes(design, new Set([w.nodeId])), workload };
      return {
        design: mapNodes(design, (n) => (n.id === w.nodeId ? withParams(n, { instances: instances - 1 }) : n)),
        workload,
      };
    }
    case 'fail-region':
      return { design: withoutRegion(design, w.region).design, workload };
    case 'flash-crowd': {
      const base = resolveWorkload(design.workload, workload);
      return { design, workload: { ...workload, peakFactor: base.peakFactor * (w.factor ?? base.flashFactor) } };
    }
    case 'cache-flush':
      return { design: setParams(design, CACHES, { hitRatio: 0 }), workload };
    case 'slow-database':
      return { design: slowDown(design, DATA_KINDS, w.factor ?? 5), workload };
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
