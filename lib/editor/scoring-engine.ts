/**
 * The engine work behind live scoring, as plain requests and answers that
 * cross a `postMessage` boundary unchanged: the Web Worker
 * (scoring.worker.ts) and the in-thread fallback both call
 * `runEngineRequest`. Sweeps, what-if comparisons and simulations are
 * summarised here, so only the numbers the panel draws travel back.
 *
 * Imports the engine and nothing from React or the editor store.
 */
import { CATALOG, InvalidDesignError, type Evaluation, type Design, type Workload } from '@/lib/engine/data';
import { compareTechnologies, evaluate, sweep, simulate, compareWhatIf, type WhatIf } from '@/lib/engine';
import { judgeDesign, type Judge, type Verdict } from './judge';
import { SWEEP_FROM_USERS, SWEEP_POINTS, SWEEP_TO_USERS, TRAFFIC_REQUESTS, TRAFFIC_SEED } from './scoring-params';
import type { TechnologyComparison } from './technology-view';
import type { EdgeResult } from './types';

export { SWEEP_FROM_USERS, SWEEP_POINTS, SWEEP_TO_USERS, TRAFFIC_REQUESTS, TRAFFIC_SEED } from './scoring-params';

export type EngineRequest =
  /** The live evaluation at `users`, and the judge's verdict on the same design when a judge is given; `stages: false` skips judging the eight stages (they depend on the design only, not on `users`): about a twentieth of the work. */
  | { type: 'evaluate'; design: Design; users: number; judge?: Judge; stages?: boolean }
  /** Only the verdict (a design with nothing to evaluate yet still gets one: "the canvas is empty"). */
  | { type: 'judge'; design: Design; judge: Judge }
  | { type: 'sweep'; design: Design }
  | { type: 'compare'; design: Design; users: number; whatIf: WhatIf }
  | { type: 'simulate'; design: Design; users: number }
  /** The inspector's "Compare technologies": node `nodeId` switched to each technology of its kind, judged at `stage`. */
  | { type: 'technologies'; design: Design; nodeId: string; users: number; stage: number | null; workload?: Partial<Workload> };

export interface EvaluateAnswer {
  evaluation: Evaluation;
  edges: Record<string, EdgeResult>;
  /** The judge's verdict on the same design (when the request had a judge). */
  verdict?: Verdict;
}

export interface SweepRow {
  users: number;
  p95ReadMs: number;
  p95Ms: number;
  /** Highest per-instance utilisation of any component (uncapped). */
  maxUtilization: number;
  bottleneckId: string | null;
  availability: number;
  monthlyCostUsd: number;
}

export interface SweepSummary {
  points: SweepRow[];
  firstFailingUsers: number | null;
  failingNodeId: string | null;
  failingReason: string | null;
  capacityLimitUsers: number | null;
  /** Where the chart says the design breaks: the capacity limit when the failure is saturation, else the first failing point. */
  breakingUsers: number | null;
}

export interface ScenarioSnapshot {
  availability: number;
  errorRate: number;
  p95Ms: { read: number; write: number; overall: number };
  shedRps: number;
  monthlyCostUsd: number;
  bottleneck: { nodeId: string | null; utilization: number };
  saturated: string[];
  spofs: string[];
}

export interface ComparisonSummary {
  whatIf: WhatIf;
  description: string;
  users: number;
  baseline: ScenarioSnapshot;
  scenario: ScenarioSnapshot;
  /** Nodes saturated under the condition that were not before. */
  newlySaturated: string[];
  /** Nodes gone under the condition (a failed component, every component of a failed region). */
  failed: string[];
  /** Requests per second per connection, now and under the condition (0 for a connection to or from a failed node). */
  edges: Record<string, { before: number; after: number }>;
}

export interface SimulationSummary {
  seed: number;
  requests: number;
  users: number;
  /** Simulated requests per second per connection. */
  edges: Record<string, number>;
  p95ReadMs: number;
  errorRate: number;
}

export type EngineAnswer = EvaluateAnswer | Verdict | SweepSummary | ComparisonSummary | SimulationSummary | TechnologyComparison;

/** A failed request; an evaluation that failed still carries its judge's verdict (which says why). */
export type EngineResult<T = EngineAnswer> = { ok: true; value: T } | { ok: false; invalid: boolean; message: string; verdict?: Verdict };

/** Requests per second per connection, from the engine's (or the simulation's) per-edge traffic. */
export function edgeTotals(edges: Record<string, { rps: { total: number } }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, e] of Object.entries(edges)) out[id] = e.rps.total;
  return out;
}

/** Edge results with a log-scaled weight against the busiest connection. */
export function edgeResults(flows: Record<string, number>): Record<string, EdgeResult> {
  let max = 0;
  for (const v of Object.values(flows)) if (v > max) max = v;
  const top = Math.log10(1 + max);
  const out: Record<string, EdgeResult> = {};
  for (const [id, rps] of Object.entries(flows)) out[id] = { rps, weight: top > 0 ? Math.log10(1 + rps) / top : 0 };
  return out;
}

function snapshot(e: Evaluation): ScenarioSnapshot {
  const lat = e.endToEnd.latencyMs;
  return {
    availability: e.endToEnd.availability,
    errorRate: e.endToEnd.errorRate,
    p95Ms: { read: lat.read.p95, write: lat.write.p95, overall: lat.overall.p95 },
    shedRps: e.endToEnd.shedRps,
    monthlyCostUsd: e.endToEnd.monthlyCostUsd,
    bottleneck: e.bottleneck,
    saturated: Object.entries(e.nodes)
      .filter(([, n]) => n.saturated)
      .map(([id]) => id),
    spofs: e.spofs,
  };
}

function maxUtilisation(e: Pick<Evaluation, 'nodes'>): number {
  let m = 0;
  for (const n of Object.values(e.nodes)) if (Number.isFinite(n.utilization) && n.utilization > m) m = n.utilization;
  return m;
}

/** Runs one request; never throws (an invalid design comes back as a message). */
export function runEngineRequest(req: EngineRequest): EngineResult {
  try {
    return { ok: true, value: answer(req) };
  } catch (e) {
    const verdict = req.type === 'evaluate' && req.judge ? judgeDesign(req.design, req.judge) : undefined;
    if (e instanceof InvalidDesignError) return { ok: false, invalid: true, message: e.issues.map((i) => i.message).join('; ') || e.message, verdict };
    return { ok: false, invalid: false, message: e instanceof Error ? e.message : String(e), verdict };
  }
}

function answer(req: EngineRequest): EngineAnswer {
  switch (req.type) {
    case 'evaluate': {
      const evaluation = evaluate(req.design, { users: req.users }, req.stages === false ? { stages: false } : undefined);
      const edges = edgeResults(edgeTotals(evaluation.edges));
      return req.judge && req.stages !== false ? { evaluation, edges, verdict: judgeDesign(req.design, req.judge, evaluation) } : { evaluation, edges };
    }
    case 'judge':
      return judgeDesign(req.design, req.judge);
    case 'sweep': {
      const r = sweep(req.design, SWEEP_FROM_USERS, SWEEP_TO_USERS, SWEEP_POINTS);
      const saturation = r.failingReason?.startsWith('saturated') ?? false;
      return {
        points: r.points.map(({ users, evaluation: e }) => ({
          users,
          p95ReadMs: e.endToEnd.latencyMs.read.p95,
          p95Ms: e.endToEnd.latencyMs.overall.p95,
          maxUtilization: maxUtilisation(e),
          bottleneckId: e.bottleneck.nodeId,
          availability: e.endToEnd.availability,
          monthlyCostUsd: e.endToEnd.monthlyCostUsd,
        })),
        firstFailingUsers: r.firstFailingUsers,
        failingNodeId: r.failingNodeId,
        failingReason: r.failingReason,
        capacityLimitUsers: r.capacityLimitUsers,
        breakingUsers: saturation && r.capacityLimitUsers !== null ? r.capacityLimitUsers : r.firstFailingUsers,
      };
    }
    case 'compare': {
      const c = compareWhatIf(req.design, req.whatIf, { users: req.users });
      return {
        whatIf: c.whatIf,
        description: c.description,
        users: req.users,
        baseline: snapshot(c.baseline),
        scenario: snapshot(c.scenario),
        newlySaturated: c.newlySaturated,
        failed: Object.keys(c.baseline.nodes).filter((id) => !(id in c.scenario.nodes)),
        edges: Object.fromEntries(
          Object.entries(c.baseline.edges).map(([id, e]) => [id, { before: e.rps.total, after: c.scenario.edges[id]?.rps.total ?? 0 }]),
        ),
      };
    }
    case 'technologies': {
      const node = req.design.nodes.find((n) => n.id === req.nodeId);
      if (!node) throw new Error('That component is no longer in the design.');
      const rows = compareTechnologies(req.design, req.nodeId, { ...req.workload, users: req.users }, req.stage === null ? {} : { stage: req.stage });
      return {
        nodeId: req.nodeId,
        kind: node.kind,
        users: req.users,
        stage: req.stage,
        // Only the figures the view draws cross back (no findings, no evaluations).
        rows: rows.map((r) => ({
          technology: r.technology,
          capacityRps: r.capacityRps,
          p95Ms: r.p95Ms,
          p99Ms: r.p99Ms,
          availability: r.availability,
          monthlyUsd: r.monthlyUsd,
          staleReadShare: r.staleReadShare,
          passes: r.passes ?? null,
        })),
      };
    }
    case 'simulate': {
      const r = simulate(req.design, { requests: TRAFFIC_REQUESTS, seed: TRAFFIC_SEED, workload: { users: req.users } });
      return {
        seed: r.seed,
        requests: r.requests,
        users: r.users,
        edges: edgeTotals(r.edges),
        p95ReadMs: r.endToEnd.latencyMs.read.p95,
        errorRate: r.endToEnd.errorRate,
      };
    }
  }
}

/** Whether a kind takes part in "fail one instance" (it has instances to lose). */
export function hasInstances(kind: keyof typeof CATALOG): boolean {
  return CATALOG[kind].params.includes('instances') || CATALOG[kind].params.includes('autoscale');
}
