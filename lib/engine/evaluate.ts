/**
 * `evaluate` and `sweep`: the engine's public entry points (MODEL.md §7).
 */
import { NETWORK } from './catalog';
import * as codes from './compile';
import { compile, type CompiledNetwork } from './compile';
import type {
  ClassRates,
  CostLine,
  EdgeResult,
  Evaluation,
  Finding,
  LatencySummary,
  NodeResponse,
  NodeResult,
  StageResult,
  SweepPoint,
  SweepResult,
} from './evaluation';
import * as findingsModule from './findings';
import * as prices from './prices';
import * as queueing from './queueing';
import * as records from './records';
import * as runCodes from './run';
import { createRunState, type RegionCheck, type RegionUnit, type RunState } from './run';
import * as stagesModule from './stages';
import type { StageMeasures } from './stages';
import * as types from './types';
import type { Design, Ms, Workload } from './types';
import * as workloadModule from './workload';

// Local copies: imported bindings can be live getters under some module loaders
// (tsx's per-file CommonJS), which costs a call per use in the loops below.
const { JOB, MODEL_QUEUE, MODEL_RATED, READ, STATIC, WRITE } = codes;
const { LAT_ALL, LAT_NONE, LAT_READ, MIX_MAX, borrowRunState, forward, regionUnit, returnRunState, run, userFailed } = runCodes;
const { gammaMixturePercentile, mmcMixturePercentiles } = queueing;
const { collectFindings, dominantLoad } = findingsModule;
const { HOURS_PER_MONTH, PRICES_DATE } = prices;
const { STAGES, judgeStage } = stagesModule;
const { ms, rps, usd } = types;
const { setKey } = records;
const { WORKLOAD_DEFAULTS, resolveWorkload } = workloadModule;

const TIMEOUT_MS = NETWORK.timeoutMs.value;

export interface EvaluateOptions {
  /** Evaluate the eight stages too (default true). Sweeps turn this off. */
  stages?: boolean;
}

/**
 * A compiled design with its reusable run buffers. Build once with
 * `prepare(design)` to evaluate the same design at many workloads cheaply.
 */
export interface PreparedDesign {
  design: Design;
  net: CompiledNetwork;
  state: RunState;
  /** Second buffer set, for region-failure passes. */
  spare: RunState;
}

/** Compiles a design and allocates its run buffers. Throws `InvalidDesignError`. */
export function prepare(design: Design): PreparedDesign {
  const net = compile(design);
  return { design, net, state: createRunState(net), spare: createRunState(net) };
}

function rates(s: number, r: number, w: number, j: number): ClassRates {
  return { static: rps(s), read: rps(r), write: rps(w), job: rps(j), total: rps(s + r + w + j) };
}

const mixW = new Float64Array(64);
const mixM = new Float64Array(64);
const mixV = new Float64Array(64);

function summarise(n: number, W: Float64Array, M: Float64Array, V: Float64Array): LatencySummary {
  let wsum = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    wsum += W[i];
    mean += W[i] * M[i];
  }
  if (!(wsum > 0)) return { mean: ms(TIMEOUT_MS), p50: ms(TIMEOUT_MS), p95: ms(TIMEOUT_MS), p99: ms(TIMEOUT_MS) };
  const m = { n, weight: W, mean: M, variance: V };
  return {
    mean: ms(mean / wsum),
    p50: ms(gammaMixturePercentile(m, 0.5)),
    p95: ms(gammaMixturePercentile(m, 0.95)),
    p99: ms(gammaMixturePercentile(m, 0.99)),
  };
}

const ZERO_LATENCY: LatencySummary = { mean: 0 as Ms, p50: 0 as Ms, p95: 0 as Ms, p99: 0 as Ms };

/** Collects the users nodes' mixtures of the given classes, weighted by class volume. */
function gather(st: RunState, classes: readonly number[]): { n: number; W: Float64Array; M: Float64Array; V: Float64Array } {
  const net = st.net;
  const size = net.usersNodes.length * MIX_MAX * classes.length;
  const big = size > mixW.length;
  const W = big ? new Float64Array(size) : mixW;
  const M = big ? new Float64Array(size) : mixM;
  const V = big ? new Float64Array(size) : mixV;
  const volume = [st.offered.static, st.offered.read, st.offered.write, 0];
  let n = 0;
  for (const k of classes) {
    for (let i = 0; i < net.usersNodes.length; i++) {
      const u = net.usersNodes[i];
      const base = (u * 4 + k) * MIX_MAX;
      for (let j = 0; j < st.mixN[u * 4 + k]; j++) {
        W[n] = st.mixW[base + j] * volume[k];
        M[n] = st.mixM[base + j];
        V[n] = st.mixV[base + j];
        n++;
      }
    }
  }
  return { n, W, M, V };
}

function classLatency(st: RunState, k: number): LatencySummary {
  const volume = [st.offered.static, st.offered.read, st.offered.write][k];
  if (!(volume > 0)) return ZERO_LATENCY;
  const g = gather(st, [k]);
  return summarise(g.n, g.W, g.M, g.V);
}

/** `classLatency(st, k).p95` alone (a stage judges p95 only): the same figure without the other three solves. */
function classP95(st: RunState, k: number): number {
  const volume = [st.offered.static, st.offered.read, st.offered.write][k];
  if (!(volume > 0)) return 0;
  const g = gather(st, [k]);
  let wsum = 0;
  for (let i = 0; i < g.n; i++) wsum += g.W[i];
  if (!(wsum > 0)) return TIMEOUT_MS;
  return gammaMixturePercentile({ n: g.n, weight: g.W, mean: g.M, variance: g.V }, 0.95);
}

function overallLatency(st: RunState): LatencySummary {
  if (!(st.offered.total > 0)) return ZERO_LATENCY;
  const g = gather(st, [STATIC, READ, WRITE]);
  return summarise(g.n, g.W, g.M, g.V);
}

// One component per class, plus one for writes that run an inline job; then
// each of those per phase of the conditional wait.
const pw = new Float64Array(5);
const pmu = new Float64Array(5);
const phW = new Float64Array(10);
const phMu = new Float64Array(10);
const phTheta = new Float64Array(10);
/** A node's p95 and p99 response times. */
const tails = new Float64Array(2);

function nodeResponse(st: RunState, v: number): NodeResponse {
  const net = st.net;
  const model = net.model[v];
  if (st.saturated[v]) return { mean: ms(TIMEOUT_MS), p95: ms(TIMEOUT_MS), p99: ms(TIMEOUT_MS) };
  if (model === MODEL_RATED) {
    const l = ms(net.latencyMs[v]);
    return { mean: l, p95: l, p99: l };
  }
  if (model !== MODEL_QUEUE) return { mean: ms(0), p95: ms(0), p99: ms(0) };
  const b = v * 4;
  const replicaReads = net.kinds[v] === 'database' && net.routeStart[b + READ + 1] > net.routeStart[b + READ];
  let wsum = 0;
  let mean = 0;
  for (let k = 0; k < 4; k++) {
    let weight = st.processed[b + k];
    if (k === STATIC && !(net.kinds[v] === 'app-server' || net.kinds[v] === 'service' || net.kinds[v] === 'server')) weight = 0;
    if (k === READ && replicaReads) weight = 0;
    const s = st.svcMs[b + k];
    pw[k] = weight;
    pmu[k] = 1 / Math.max(s, 1e-9);
    wsum += weight;
    mean += weight * (st.waitMean[v] + s);
  }
  // asyncShare of the writes also run an inline job: their own path (service
  // plus job, taken as one exponential), not a single exponential of the mean.
  const inl = st.inlineJobMs[v];
  const q = inl > 0 ? st.workload.asyncShare : 0;
  pw[4] = pw[WRITE] * q;
  pw[WRITE] *= 1 - q;
  pmu[4] = 1 / Math.max(st.svcMs[b + WRITE] + inl, 1e-9);
  mean += pw[4] * inl;
  if (!(wsum > 0)) return { mean: ms(0), p95: ms(0), p99: ms(0) };
  const c = st.waitProb[v];
  const p1 = st.waitP1[v];
  for (let i = 0; i < 5; i++) {
    phW[i] = pw[i] * p1;
    phMu[i] = pmu[i];
    phTheta[i] = st.waitTheta1[v];
    phW[i + 5] = pw[i] * (1 - p1);
    phMu[i + 5] = pmu[i];
    phTheta[i + 5] = st.waitTheta2[v];
  }
  mmcMixturePercentiles(0.95, 0.99, 10, phW, phMu, phTheta, c, tails);
  return {
    mean: ms(Math.min(TIMEOUT_MS, mean / wsum)),
    p95: ms(Math.min(TIMEOUT_MS, tails[0])),
    p99: ms(Math.min(TIMEOUT_MS, tails[1])),
  };
}

/** The numbers a stage check needs, from a completed run. */
function measure(st: RunState, p95ReadMs: number, availability: number, monthlyCostUsd: number): StageMeasures {
  const net = st.net;
  let maxU = 0;
  let bottleneck = -1;
  const saturatedIds: string[] = [];
  const storageFullIds: string[] = [];
  const saturatedNames: string[] = [];
  const storageFullNames: string[] = [];
  let unhandled = st.noEntry[0] + st.noEntry[1] + st.noEntry[2];
  let shed = 0;
  const { utilization, saturated, storageFull } = st;
  const unhandledRps = st.unhandled;
  const shedRps = st.shed;
  for (let idx = 0; idx < net.n; idx++) {
    const v = net.topo[idx];
    if (utilization[v] > maxU) {
      maxU = utilization[v];
      bottleneck = v;
    }
    if (saturated[v]) {
      saturatedIds.push(net.ids[v]);
      saturatedNames.push(net.labels[v]);
    }
    if (storageFull[v]) {
      storageFullIds.push(net.ids[v]);
      storageFullNames.push(net.labels[v]);
    }
    for (let k = 0; k < 4; k++) unhandled += unhandledRps[v * 4 + k];
    shed += shedRps[v * 4] + shedRps[v * 4 + 1] + shedRps[v * 4 + 2];
  }
  const offered = st.offered.total;
  return {
    maxUtilization: maxU,
    bottleneckId: bottleneck >= 0 ? net.ids[bottleneck] : null,
    saturatedIds,
    storageFullIds,
    bottleneckName: bottleneck >= 0 ? net.labels[bottleneck] : null,
    saturatedNames,
    storageFullNames,
    unhandledRate: offered > 0 ? unhandled / offered : 0,
    shedRate: offered > 0 ? shed / offered : 0,
    p95ReadMs,
    availability,
    monthlyCostUsd,
  };
}

function endToEndAvailability(st: RunState): { overall: number; byClass: [number, number, number]; errorRate: number } {
  const net = st.net;
  const nU = net.usersNodes.length;
  const by: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    let a = 0;
    for (let i = 0; i < nU; i++) a += st.availUp[net.usersNodes[i] * 4 + k] / nU;
    by[k] = nU > 0 ? a : 0;
  }
  const o = st.offered;
  const structural = o.total > 0 ? (o.static * by[0] + o.read * by[1] + o.write * by[2]) / o.total : nU > 0 ? (by[0] + by[1] + by[2]) / 3 : 0;
  const errorRate = o.total > 0 ? Math.min(1, userFailed(st) / o.total) : 0;
  return { overall: Math.max(0, Math.min(1, structural * (1 - errorRate))), byClass: by, errorRate };
}

function totalCost(st: RunState): number {
  let c = st.internetEgressUsd;
  for (let v = 0; v < st.net.n; v++) c += st.costUsd[v];
  return c;
}

function buildEvaluation(st: RunState, regionChecks: RegionCheck[], findings: Finding[]): Evaluation {
  const net = st.net;
  const w = st.workload;
  const nodes: Record<string, NodeResult> = {};
  const byNode: Record<string, ReturnType<typeof usd>> = {};
  let instancesUsd = 0;
  let storageUsd = 0;
  let nodesUsd = 0;
  let cdnUsd = 0;
  let transferUsd = 0;
  let bornJobs = 0;
  let inlineJobs = 0;
  let queuedJobs = 0;
  const spofs: string[] = [];
  let maxU = 0;
  let bottleneck: string | null = null;
  const served = [0, 0, 0];
  const failedByClass = [st.noEntry[0], st.noEntry[1], st.noEntry[2]];
  let shedTotal = 0;
  const shedByClass = [0, 0, 0];
  for (let idx = 0; idx < net.n; idx++) {
    const v = net.topo[idx];
    const b = v * 4;
    const id = net.ids[v];
    const kind = net.kinds[v];
    // Logging is priced by ingestion (run.ts `costs`), not per instance.
    if (kind !== 'logging') instancesUsd += net.hourlyUsd[v] * HOURS_PER_MONTH * st.avgInstances[v];
    storageUsd += st.storageCostUsd[v];
    cdnUsd += st.cdnCostUsd[v];
    transferUsd += st.transferCostUsd[v];
    nodesUsd += st.costUsd[v];
    setKey(byNode, id, usd(st.costUsd[v]));
    if (kind === 'app-server' || kind === 'service' || kind === 'server') {
      const born = st.processed[b + WRITE] * w.asyncShare;
      bornJobs += born;
      if (st.inlineJobMs[v] > 0) inlineJobs += born;
    }
    if (kind === 'queue') queuedJobs += st.arrival[b + JOB];
    for (let k = 0; k < 3; k++) {
      served[k] += st.done[b + k];
      failedByClass[k] += st.failed[b + k];
    }
    const shed = st.shed[b] + st.shed[b + 1] + st.shed[b + 2] + st.shed[b + 3];
    shedTotal += st.shed[b] + st.shed[b + 1] + st.shed[b + 2];
    shedByClass[0] += st.shed[b];
    shedByClass[1] += st.shed[b + 1];
    shedByClass[2] += st.shed[b + 2];
    if (st.spof[v]) spofs.push(id);
    if (st.utilization[v] > maxU) {
      maxU = st.utilization[v];
      bottleneck = id;
    }
    const result: NodeResult = {
      kind,
      label: net.labels[v],
      arrivalRps: rates(st.arrival[b], st.arrival[b + 1], st.arrival[b + 2], st.arrival[b + 3]),
      servedRps: rates(st.processed[b], st.processed[b + 1], st.processed[b + 2], st.processed[b + 3]),
      failedRps: rps(st.failed[b] + st.failed[b + 1] + st.failed[b + 2] + st.failed[b + 3]),
      shedRps: rps(shed),
      instances: st.instances[v],
      averageInstances: st.avgInstances[v],
      cores: net.cores[v],
      utilization: st.utilization[v],
      saturated: st.saturated[v] === 1,
      responseMs: nodeResponse(st, v),
      availability: st.nodeAvailability[v],
      spof: st.spof[v] === 1,
      dominantLoad: dominantLoad(st, v).category,
      storageGB: st.storageGB[v],
      storageFull: st.storageFull[v] === 1,
      monthlyCostUsd: usd(st.costUsd[v]),
    };
    if (kind === 'queue') {
      result.queue = {
        backlogJobs: st.backlogJobs[v],
        drainSeconds: st.drainSeconds[v] < 0 ? null : st.drainSeconds[v],
        workerCapacityRps: rps(st.workerCapacityRps[v]),
      };
    }
    setKey(nodes, id, result);
  }
  // Each connection carries its share of what its source sent (the normal pass routes by routeFrac alone).
  const flow = new Float64Array(net.edgeIds.length * 4);
  for (let b = 0; b < net.n * 4; b++) {
    const sent = st.sent[b];
    if (!(sent > 0)) continue;
    const k = b & 3;
    for (let i = net.routeStart[b]; i < net.routeStart[b + 1]; i++) flow[net.routeEdge[i] * 4 + k] += sent * net.routeFrac[i];
  }
  const edges: Record<string, EdgeResult> = {};
  for (let e = 0; e < net.edgeIds.length; e++) {
    const f = e * 4;
    setKey(edges, net.edgeIds[e], { rps: rates(flow[f], flow[f + 1], flow[f + 2], flow[f + 3]) });
  }
  // One bill line per component, in design order, then the shared lines (MODEL.md §9.6).
  const lines: CostLine[] = [];
  for (let v = 0; v < net.n; v++) lines.push({ id: net.ids[v], label: net.labels[v], type: 'component', usd: usd(st.componentCostUsd[v]) });
  lines.push(
    { id: 'egress', label: 'Internet egress', type: 'egress', usd: usd(st.internetEgressUsd) },
    { id: 'cdn', label: 'CDN egress and requests', type: 'cdn', usd: usd(cdnUsd) },
    { id: 'storage', label: 'Storage', type: 'storage', usd: usd(storageUsd) },
    { id: 'transfer', label: 'Inter-region transfer', type: 'transfer', usd: usd(transferUsd) },
  );
  const avail = endToEndAvailability(st);
  const total = nodesUsd + st.internetEgressUsd;
  const o = st.offered;
  return {
    modelVersion: 1,
    users: w.users,
    workload: { ...w },
    // `total` is R of MODEL.md §1.2: the user requests (jobs are born inside the system).
    offered: { ...rates(o.static, o.read, o.write, o.job), total: rps(o.total) },
    nodes,
    edges,
    endToEnd: {
      latencyMs: { static: classLatency(st, STATIC), read: classLatency(st, READ), write: classLatency(st, WRITE), overall: overallLatency(st) },
      availability: avail.overall,
      availabilityByClass: { static: avail.byClass[0], read: avail.byClass[1], write: avail.byClass[2] },
      errorRate: avail.errorRate,
      shedRps: rps(shedTotal),
      servedRps: rates(served[0], served[1], served[2], 0),
      failedRps: rates(failedByClass[0], failedByClass[1], failedByClass[2], 0),
      shedByClassRps: rates(shedByClass[0], shedByClass[1], shedByClass[2], 0),
      monthlyCostUsd: usd(total),
      costPer1kUsersUsd: usd(w.users > 0 ? (total / w.users) * 1000 : 0),
    },
    bottleneck: { nodeId: bottleneck, utilization: maxU },
    spofs,
    findings,
    stages: [],
    cost: {
      totalUsd: usd(total),
      instancesUsd: usd(instancesUsd),
      storageUsd: usd(storageUsd),
      usageUsd: usd(Math.max(0, nodesUsd - instancesUsd - storageUsd)),
      internetEgressUsd: usd(st.internetEgressUsd),
      internetEgressGB: st.internetEgressGB,
      cdnEgressGB: st.cdnEgressGB,
      transferGB: st.transferGB,
      logIngestionGB: st.logIngestionGB,
      byNode,
      lines,
      priceTableDate: PRICES_DATE,
    },
    jobs: { bornRps: rps(bornJobs), inlineRps: rps(inlineJobs), queuedRps: rps(queuedJobs) },
    regions: { names: net.regions.slice(), parallel: st.regionsParallel, checks: regionChecks },
  };
}

/** Runs the eight stages (MODEL.md §6) on a prepared design; overwrites its run buffers. */
export function evaluateStages(p: PreparedDesign): StageResult[] {
  const out: StageResult[] = [];
  // The stages share one workload shape, so their region-failure passes are
  // measured once (at the first stage) and scaled where that is exact.
  let unit: RegionUnit | null = null;
  for (let i = 0; i < STAGES.length; i++) {
    const spec = STAGES[i];
    const w = resolveWorkload(WORKLOAD_DEFAULTS, { users: spec.users });
    if (i === 0) unit = regionUnit(p.spare, w);
    const checks = run(p.state, w, LAT_READ, p.spare, unit);
    const findings = collectFindings(p.state, checks);
    const p95 = classP95(p.state, READ);
    const avail = endToEndAvailability(p.state).overall;
    const m = measure(p.state, p95, avail, totalCost(p.state));
    out.push(judgeStage(spec, m, p.state, findings));
  }
  return out;
}

/**
 * Evaluates a prepared design at one workload. `workload` fields override
 * the design's own workload, which overrides the defaults (MODEL.md §1.2).
 */
export function evaluatePrepared(p: PreparedDesign, workload?: Partial<Workload>, options?: EvaluateOptions): Evaluation {
  const w = resolveWorkload(p.design.workload, workload);
  const checks = run(p.state, w, LAT_ALL, p.spare);
  const findings = collectFindings(p.state, checks);
  const evaluation = buildEvaluation(p.state, checks, findings);
  if (options?.stages !== false) evaluation.stages = evaluateStages(p);
  return evaluation;
}

/**
 * Evaluates a design (MODEL.md §7): peak load per class, per-node arrival
 * rates (rps), utilisation, response times (ms), availability, monthly cost
 * (US dollars), end-to-end latency, bottleneck, SPOFs, findings and the
 * eight stages. Users come from `design.workload.users` unless `workload`
 * overrides them. Pure and deterministic. Throws `InvalidDesignError` for a
 * design it cannot evaluate (run `validate` first for untrusted input).
 */
export function evaluate(design: Design, workload?: Partial<Workload>, options?: EvaluateOptions): Evaluation {
  const p = borrowPrepared(design);
  try {
    return evaluatePrepared(p, workload, options);
  } finally {
    releasePrepared(p);
  }
}

/** Like `prepare`, but with pooled run buffers; pair with `releasePrepared` in the same call. */
function borrowPrepared(design: Design): PreparedDesign {
  const net = compile(design);
  return { design, net, state: borrowRunState(net), spare: borrowRunState(net) };
}

function releasePrepared(p: PreparedDesign) {
  returnRunState(p.state);
  returnRunState(p.spare);
}

function failure(st: RunState): { nodeId: string; reason: string } | null {
  const net = st.net;
  let sat = -1;
  for (let v = 0; v < net.n; v++) if (st.saturated[v] && (sat < 0 || st.utilization[v] > st.utilization[sat])) sat = v;
  if (sat >= 0) return { nodeId: net.ids[sat], reason: `saturated at ${Math.round(st.utilization[sat] * 100)}% of capacity` };
  for (let idx = 0; idx < net.n; idx++) {
    const v = net.topo[idx];
    if (st.storageFull[v]) return { nodeId: net.ids[v], reason: 'the data no longer fits' };
  }
  for (let idx = 0; idx < net.n; idx++) {
    const v = net.topo[idx];
    for (let k = 0; k < 4; k++) if (st.unhandled[v * 4 + k] > 0) return { nodeId: net.ids[v], reason: 'traffic with nowhere to go' };
  }
  return null;
}

function maxUtilization(st: RunState): number {
  let m = 0;
  for (let v = 0; v < st.net.n; v++) if (st.utilization[v] > m) m = st.utilization[v];
  return m;
}

/**
 * Evaluates the design at `points` log-spaced user counts from `fromUsers`
 * to `toUsers` (stages skipped), and reports the first count at which it
 * fails and the component that fails. The design is compiled once.
 */
export function sweep(design: Design, fromUsers: number, toUsers: number, points: number, workload?: Partial<Workload>): SweepResult {
  const p = borrowPrepared(design);
  try {
    return sweepPrepared(p, fromUsers, toUsers, points, workload);
  } finally {
    releasePrepared(p);
  }
}

function sweepPrepared(p: PreparedDesign, fromUsers: number, toUsers: number, points: number, workload?: Partial<Workload>): SweepResult {
  const design = p.design;
  const count = Math.max(1, Math.floor(points));
  const lo = Math.max(1, Math.min(fromUsers, toUsers));
  const hi = Math.max(lo, Math.max(fromUsers, toUsers));
  const out: SweepPoint[] = [];
  let firstFailingUsers: number | null = null;
  let failingNodeId: string | null = null;
  let failingReason: string | null = null;
  let capacityLimitUsers: number | null = null;
  let previousUsers = 0;
  for (let i = 0; i < count; i++) {
    const users = count === 1 ? lo : Math.round(lo * Math.pow(hi / lo, i / (count - 1)));
    const evaluation = evaluatePrepared(p, { ...workload, users }, { stages: false });
    out.push({ users, evaluation });
    if (firstFailingUsers === null) {
      const f = failure(p.state);
      if (f) {
        firstFailingUsers = users;
        failingNodeId = f.nodeId;
        failingReason = f.reason;
        if (p.state.saturated.some((x) => x === 1)) {
          // Bisection on users between the last good point and this one, forward passes only.
          const base = resolveWorkload(design.workload, workload);
          let a = previousUsers;
          let b = users;
          for (let it = 0; it < 40 && b - a > Math.max(1, b * 1e-4); it++) {
            const mid = (a + b) / 2;
            forward(p.spare, { ...base, users: mid }, -1, LAT_NONE);
            if (maxUtilization(p.spare) >= 1) b = mid;
            else a = mid;
          }
          capacityLimitUsers = Math.round(b);
        }
      }
    }
    previousUsers = users;
  }
  return { points: out, firstFailingUsers, failingNodeId, failingReason, capacityLimitUsers };
}
