/**
 * "More of the same" (MODEL.md §9.1): designs made from a reference by
 * changing only the counts and sizes of what it already has — instances,
 * size, cores, the instances of its replicas, shards and workers, autoscale
 * bounds — and nothing else. A standby, a new node, a new kind or a new edge
 * is not more of the same.
 *
 * `searchMoreOfTheSame` looks for such a variant that passes every numeric
 * check of a stage (capacity, routing, storage, shedding, latency,
 * availability, flash crowd, cost): a coarse grid over counts and sizes, then
 * from each grid point the culprit of each failing check scaled up in turn.
 * The teaching invariant's test runs it on every wall transition and expects
 * it to find nothing.
 */
import { CATALOG } from './catalog';
import { evaluate } from './evaluate';
import type { StageResult } from './evaluation';
import type { Size } from '../design/kinds';
import type { Design, DesignNode, NodeParams } from './types';

const SIZES: readonly Size[] = ['small', 'medium', 'large', 'xlarge'];

/** The numeric checks of a stage result: everything but practices. */
export function numericChecks(stage: StageResult) {
  return stage.checks.filter((c) => c.category !== 'practice');
}

export function passesNumeric(stage: StageResult): boolean {
  return numericChecks(stage).every((c) => c.passed);
}

function applies(n: DesignNode, param: keyof NodeParams): boolean {
  return (CATALOG[n.kind].params as readonly string[]).includes(param);
}

/** The count knob of a node, or null when it has none (managed kinds with fixed capacity still have instances). */
function countOf(n: DesignNode): number | null {
  const p = n.params ?? {};
  if (n.kind === 'database') return p.shards ?? 1;
  if (applies(n, 'instances')) return p.instances ?? CATALOG[n.kind].defaults.instances.value;
  return null;
}

function withCount(n: DesignNode, count: number): DesignNode {
  const p: NodeParams = { ...n.params };
  const c = Math.max(1, Math.min(100_000, Math.round(count)));
  if (n.kind === 'database') p.shards = c;
  else if (applies(n, 'instances')) p.instances = c;
  if (p.autoscale) {
    const ratio = c / Math.max(1, countOf(n) ?? 1);
    p.autoscale = { ...p.autoscale, min: Math.max(1, Math.round(p.autoscale.min * ratio)), max: Math.max(1, Math.round(p.autoscale.max * ratio)) };
  }
  return { ...n, params: p };
}

function scaleNode(n: DesignNode, factor: number, size?: Size): DesignNode {
  let out = n;
  const count = countOf(n);
  if (count !== null && factor !== 1) out = withCount(out, count * factor);
  else if (n.params?.autoscale && factor !== 1) {
    const a = n.params.autoscale;
    out = { ...out, params: { ...out.params, autoscale: { ...a, min: Math.max(1, Math.round(a.min * factor)), max: Math.max(1, Math.round(a.max * factor)) } } };
  }
  if (size && applies(n, 'size')) out = { ...out, params: { ...out.params, size } };
  return out;
}

function upsize(n: DesignNode): DesignNode {
  if (!applies(n, 'size')) return n;
  const current = n.params?.size ?? CATALOG[n.kind].defaults.size.value;
  const next = SIZES[Math.min(SIZES.length - 1, SIZES.indexOf(current) + 1)];
  return { ...n, params: { ...n.params, size: next } };
}

/** Every node scaled by `factor` (counts) and, where given, set to `size`. */
export function scaledVariant(design: Design, factor: number, size?: Size): Design {
  return { ...design, nodes: design.nodes.map((n) => scaleNode(n, factor, size)) };
}

export interface SearchResult {
  /** A variant that passes every numeric check of the stage, if one was found. */
  passing: Design | null;
  /** Variants evaluated. */
  tried: number;
  /** The best variant's failing numeric check ids, for the report. */
  failing: string[];
}

/**
 * Searches "more of the same" variants of `design` for one that passes every
 * numeric check of stage `stage` (1–8).
 */
export function searchMoreOfTheSame(design: Design, stage: number, options?: { factors?: number[]; culpritSteps?: number }): SearchResult {
  const factors = options?.factors ?? [1, 2, 4, 8, 16, 32];
  const steps = options?.culpritSteps ?? 10;
  let tried = 0;
  let bestFailing: string[] | null = null;
  const judge = (d: Design): StageResult => {
    tried++;
    return evaluate(d, undefined, { stages: true }).stages[stage - 1];
  };
  const sizes: (Size | undefined)[] = [undefined, 'large', 'xlarge'];
  for (const size of sizes) {
    for (const f of factors) {
      let d = scaledVariant(design, f, size);
      for (let step = 0; step <= steps; step++) {
        const r = judge(d);
        const failing = numericChecks(r).filter((c) => !c.passed);
        if (failing.length === 0) return { passing: d, tried, failing: [] };
        if (!bestFailing || failing.length < bestFailing.length) bestFailing = failing.map((c) => c.id);
        // Only cost fails: more of anything costs more, so stop here.
        if (failing.every((c) => c.id === 'cost')) break;
        const culprits = culpritsOf(d, r);
        if (culprits.size === 0) break;
        d = { ...d, nodes: d.nodes.map((n) => (culprits.has(n.id) ? upsize(withCount(n, (countOf(n) ?? 1) * 2)) : n)) };
      }
    }
  }
  return { passing: null, tried, failing: bestFailing ?? [] };
}

/** The nodes a failing check points at: saturated or hot nodes, the node a finding names. */
function culpritsOf(design: Design, r: StageResult): Set<string> {
  const out = new Set<string>();
  for (const f of r.findings) if (f.nodeId && (f.severity === 'error' || f.severity === 'warning')) out.add(f.nodeId);
  // Without a named node, scale everything that has a count (the grid's job, one step further).
  if (out.size === 0) for (const n of design.nodes) if (countOf(n) !== null) out.add(n.id);
  return out;
}
