/**
 * Curveballs: changes of conditions the interviewer throws in mid-design,
 * expressed as what the engine can evaluate — a different workload, or the
 * same design with parts taken away or slowed down (design → design), which
 * the engine then evaluates like any design. The engine's own what-if module
 * (lib/engine/what-if.ts) covers a fixed subset (a flash crowd ×10, a full
 * cache flush, databases ×5 slower, one region down); curveballs need the
 * general forms (any workload multiplier, any kind slowed or re-parametrised,
 * a zone outage), and a region outage that keeps global kinds (DNS, CDN,
 * monitoring) up as MODEL-NOTES.md says, so the transformations live here.
 */
import { CATALOG } from '@/lib/engine/catalog';
import type { Evaluation } from '@/lib/engine/evaluation';
import type { Kind } from '@/lib/engine/kinds';
import type { Design, DesignNode, NodeParams, ResolvedWorkload } from '@/lib/engine/types';
import { busyRegions, labelOf, problemWorkload, regionOf, runModel, shedShare } from './model';
import type { Curveball, Effect, Problem } from './schema';
import { formatMs } from '@/lib/editor/scoring-format';

/** A curveball holds when at most this share of requests fails (unless the curveball says otherwise). */
export const DEFAULT_MAX_ERROR_RATE = 0.01;
/** ...and rate limiters turn away at most this share. */
export const DEFAULT_MAX_SHED_SHARE = 0.05;
/**
 * A design that did not hold still *degraded* gracefully while at most this
 * share of requests failed (turning requests away on purpose is graceful by
 * definition); beyond it, it failed.
 */
export const DEGRADED_LIMIT = 0.25;

export interface Scenario {
  design: Design;
  workload: ResolvedWorkload;
  /** What the transformation did, in plain words ("Removed App servers (region-1)"). */
  notes: string[];
}

const SELF_RUN: ReadonlySet<Kind> = new Set(
  (Object.keys(CATALOG) as Kind[]).filter((k) => !CATALOG[k].managed && !CATALOG[k].global),
);

const WORKLOAD_WORDS: Record<keyof ResolvedWorkload, string> = {
  users: 'daily users',
  requestsPerUserPerDay: 'requests per user',
  peakFactor: 'peak traffic',
  staticShare: 'static share',
  readRatio: 'read share',
  asyncShare: 'share of writes with a job',
  jobServiceMs: 'job time',
  staticKB: 'static response size',
  dynamicKB: 'dynamic response size',
  dataPerUserMB: 'data per user',
};

const SHARES = new Set<keyof ResolvedWorkload>(['staticShare', 'readRatio', 'asyncShare']);

/** "hit ratio 30%", "the hottest partition takes 4× its share", in words. */
function describeParams(p: NodeParams): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(p)) {
    if (k === 'hitRatio' && typeof v === 'number') parts.push(`hit ratio ${Math.round(v * 100)}%`);
    else if (k === 'shardSkew' && typeof v === 'number') parts.push(`the hottest partition takes ${1 + v}× its share`);
    else parts.push(`${k} ${JSON.stringify(v)}`);
  }
  return parts.join(', ');
}

function removeNodes(design: Design, ids: ReadonlySet<string>): Design {
  return {
    ...design,
    nodes: design.nodes.filter((n) => !ids.has(n.id)),
    edges: design.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target)),
  };
}

function mapNodes(design: Design, fn: (n: DesignNode) => DesignNode): Design {
  return { ...design, nodes: design.nodes.map(fn) };
}

function withParams(n: DesignNode, params: NodeParams): DesignNode {
  return { ...n, params: { ...n.params, ...params } };
}

/**
 * The busiest region of the design at the given load: the one an outage of
 * "the primary region" takes down. Single-region designs: their one region.
 */
export function primaryRegion(design: Design, workload: ResolvedWorkload, baseline?: Evaluation): string | null {
  const run = baseline ? { ok: true as const, evaluation: baseline } : runModel(design, workload);
  if (run.ok) {
    const busy = busyRegions(design, run.evaluation);
    if (busy.length > 0) return busy[0];
  }
  const first = design.nodes.map(regionOf).find((r) => r !== null);
  return first ?? null;
}

/**
 * Applies one effect:
 * - `workload`: multiplies, then sets, workload fields (launch-day traffic is `peakFactor ×10`).
 * - `region-down`: every node of the primary region is removed with its edges;
 *   global kinds (users, DNS, CDN, monitoring, logging) stay, and DNS or the
 *   CDN route around the gap if something else can take the traffic.
 * - `zone-down`: each self-run tier loses `fraction` of its instances (an
 *   availability zone): n instances keep ⌊n·(1−fraction)⌋; a tier left with
 *   none is removed. Autoscaled tiers relaunch elsewhere and keep their
 *   range. A database fails over to its standby (which is then gone); one
 *   without a standby is removed. Managed kinds span zones and are unhurt.
 * - `slow`: nodes of the kinds take `factor` times as long: service times of
 *   stations, the fixed latency of managed kinds, and for workers the job time.
 * - `params`: sets parameters on every node of the kinds (a cold cache is `hitRatio: 0.3`).
 */
export function applyEffect(s: Scenario, effect: Effect, baseline?: Evaluation): Scenario {
  const notes = [...s.notes];
  switch (effect.type) {
    case 'workload': {
      const w = { ...s.workload };
      for (const [key, factor] of Object.entries(effect.multiply ?? {}) as [keyof ResolvedWorkload, number][]) {
        w[key] = w[key] * factor;
        notes.push(`${WORKLOAD_WORDS[key]} ×${factor}`);
      }
      for (const [key, value] of Object.entries(effect.set ?? {}) as [keyof ResolvedWorkload, number][]) {
        if (typeof value !== 'number') continue;
        w[key] = value;
        notes.push(`${WORKLOAD_WORDS[key]} ${SHARES.has(key) ? `${Math.round(value * 100)}%` : value}`);
      }
      // Shares stay shares.
      for (const key of ['staticShare', 'readRatio', 'asyncShare'] as const) w[key] = Math.min(1, Math.max(0, w[key]));
      w.peakFactor = Math.max(1, w.peakFactor);
      return { design: s.design, workload: w, notes };
    }
    case 'region-down': {
      const region = primaryRegion(s.design, s.workload, baseline);
      if (region === null) return { ...s, notes: [...notes, 'No region to take down.'] };
      const gone = new Set(s.design.nodes.filter((n) => regionOf(n) === region).map((n) => n.id));
      notes.push(
        gone.size > 0
          ? `Region ${region} is down: ${[...gone].map((id) => labelOf(s.design, id)).join(', ')} removed.`
          : `Region ${region} is down.`,
      );
      return { design: removeNodes(s.design, gone), workload: s.workload, notes };
    }
    case 'zone-down': {
      const gone = new Set<string>();
      const lost: string[] = [];
      const design = mapNodes(s.design, (n) => {
        if (!SELF_RUN.has(n.kind)) return n;
        if (n.kind === 'database') {
          if (n.params?.standby) {
            lost.push(`${labelOf(s.design, n.id)} failed over to its standby`);
            return withParams(n, { standby: false });
          }
          gone.add(n.id);
          return n;
        }
        if (n.params?.autoscale) return n;
        const count = n.params?.instances ?? 1;
        const keep = Math.floor(count * (1 - effect.fraction) + 1e-9);
        if (keep <= 0) {
          gone.add(n.id);
          return n;
        }
        if (keep === count) return n;
        lost.push(`${labelOf(s.design, n.id)} ${count} → ${keep}`);
        return withParams(n, { instances: keep });
      });
      for (const id of gone) lost.push(`${labelOf(s.design, id)} lost`);
      notes.push(lost.length > 0 ? `A zone is down: ${lost.join('; ')}.` : 'A zone is down; every tier spans zones.');
      return { design: removeNodes(design, gone), workload: s.workload, notes };
    }
    case 'slow': {
      const kinds = new Set<Kind>(effect.kinds);
      let workload = s.workload;
      if (kinds.has('worker')) workload = { ...workload, jobServiceMs: workload.jobServiceMs * effect.factor };
      const design = mapNodes(s.design, (n) => {
        if (!kinds.has(n.kind) || n.kind === 'worker') return n;
        const spec = CATALOG[n.kind];
        const svc = spec.defaults.serviceMs?.value;
        if (svc && spec.params.includes('serviceMs')) {
          const own = n.params?.serviceMs ?? {};
          return withParams(n, {
            serviceMs: {
              static: (own.static ?? svc.static) * effect.factor,
              read: (own.read ?? svc.read) * effect.factor,
              write: (own.write ?? svc.write) * effect.factor,
            },
          });
        }
        const latency = n.params?.latencyMs ?? spec.defaults.latencyMs?.value;
        if (latency !== undefined && spec.params.includes('latencyMs'))
          return withParams(n, { latencyMs: latency * effect.factor });
        return n;
      });
      notes.push(`${effect.kinds.map((k) => CATALOG[k].label).join(', ')} ${effect.factor}× slower.`);
      return { design, workload, notes };
    }
    case 'params': {
      const kinds = new Set<Kind>(effect.kinds);
      const design = mapNodes(s.design, (n) => (kinds.has(n.kind) ? withParams(n, effect.set) : n));
      notes.push(`${effect.kinds.map((k) => CATALOG[k].label).join(', ')}: ${describeParams(effect.set)}.`);
      return { design, workload: s.workload, notes };
    }
  }
}

/** The design and workload under a curveball, its effects applied in order. */
export function scenarioFor(
  problem: Pick<Problem, 'workload'>,
  design: Design,
  curveball: Pick<Curveball, 'effects'>,
): Scenario {
  const workload = problemWorkload(problem);
  const baseline = runModel(design, workload);
  let s: Scenario = { design, workload, notes: [] };
  for (const effect of curveball.effects)
    s = applyEffect(s, effect, baseline.ok && s.design === design ? baseline.evaluation : undefined);
  return s;
}

export type CurveballOutcome = 'held' | 'degraded' | 'failed';

export interface CurveballResult {
  curveballId: string;
  outcome: CurveballOutcome;
  /** Failed share of user requests (saturation, nowhere to go). */
  errorRate: number;
  shedShare: number;
  p95ReadMs: number;
  availability: number;
  monthlyCostUsd: number;
  /** The component that gave way, if one did. */
  bottleneckId: string | null;
  bottleneckLabel: string | null;
  bottleneckUtilization: number;
  /** Plain-language reasons it did not hold (empty when it held). */
  reasons: string[];
  notes: string[];
}

const pct = (x: number) => `${x < 0.01 && x > 0 ? (x * 100).toFixed(2) : Math.round(x * 100)}%`;

/** Re-scores a design under a curveball and says whether it held, degraded gracefully, or failed. */
export function judgeCurveball(
  problem: Pick<Problem, 'workload' | 'slo'>,
  design: Design,
  curveball: Curveball,
): CurveballResult {
  const s = scenarioFor(problem, design, curveball);
  const run = runModel(s.design, s.workload);
  if (!run.ok) {
    return {
      curveballId: curveball.id,
      outcome: 'failed',
      errorRate: 1,
      shedShare: 0,
      p95ReadMs: Infinity,
      availability: 0,
      monthlyCostUsd: 0,
      bottleneckId: null,
      bottleneckLabel: null,
      bottleneckUtilization: 0,
      reasons: [`The model could not evaluate the design: ${run.error}`],
      notes: s.notes,
    };
  }
  const e = run.evaluation;
  const maxError = curveball.expect.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;
  const maxShed = curveball.expect.maxShedShare ?? DEFAULT_MAX_SHED_SHARE;
  const p95Limit = curveball.expect.p95ReadMs ?? problem.slo.p95ReadMs;
  const shed = shedShare(e);
  const p95 = e.endToEnd.latencyMs.read.p95;
  const saturated = Object.entries(e.nodes)
    .filter(([, n]) => n.saturated)
    .sort((a, b) => b[1].utilization - a[1].utilization);
  const reasons: string[] = [];
  if (saturated.length > 0) {
    const [id, n] = saturated[0];
    reasons.push(`${labelOf(s.design, id)} saturated at ${Math.round(n.utilization * 100)}% of capacity`);
  }
  if (e.endToEnd.errorRate > maxError)
    reasons.push(`${pct(e.endToEnd.errorRate)} of requests failed (at most ${pct(maxError)} allowed)`);
  if (shed > maxShed)
    reasons.push(`rate limiting turned away ${pct(shed)} of requests (at most ${pct(maxShed)} allowed)`);
  if (e.offered.read > 0 && p95 > p95Limit)
    reasons.push(`p95 read latency ${formatMs(p95)} is over ${p95Limit} ms`);
  const minA = curveball.expect.minAvailability;
  if (minA !== undefined && e.endToEnd.availability < minA) {
    reasons.push(`availability ${(e.endToEnd.availability * 100).toFixed(3)}% is below ${(minA * 100).toFixed(2)}%`);
  }
  const outcome: CurveballOutcome =
    reasons.length === 0 ? 'held' : e.endToEnd.errorRate <= DEGRADED_LIMIT ? 'degraded' : 'failed';
  const bottleneckId = e.bottleneck.nodeId;
  return {
    curveballId: curveball.id,
    outcome,
    errorRate: e.endToEnd.errorRate,
    shedShare: shed,
    p95ReadMs: p95,
    availability: e.endToEnd.availability,
    monthlyCostUsd: e.endToEnd.monthlyCostUsd,
    bottleneckId,
    bottleneckLabel: bottleneckId ? labelOf(s.design, bottleneckId) : null,
    bottleneckUtilization: e.bottleneck.utilization,
    reasons,
    notes: s.notes,
  };
}
