/**
 * `evaluate` and `sweep`: the engine's public entry points (MODEL.md §7).
 */
import { AUDIENCE, NETWORK, type RttBucket } from './catalog';
import { cloudNativeReports, flashRampLoss } from './cloud-native-results';
import * as codes from './compile';
import { compile, type CompiledNetwork } from './compile';
import type {
  BreakdownHop,
  ClassRates,
  CostLine,
  LatencyBreakdown,
  EdgeResult,
  Evaluation,
  Finding,
  LatencySummary,
  NodeResponse,
  NodeResult,
  StageResult,
  SweepEvaluation,
  SweepPoint,
  SweepResult,
} from './evaluation';
import * as findingsModule from './findings';
import { ownTimeFactor, storeQueueReport } from './tech-stores-queues-run';
import { formatMs, formatPercent, formatUsd, formatUtilization } from '../shared/format';
import { practiceComparison } from './comparisons';
import * as pipeline from './pipeline';
import { consistencyOf } from './consistency';
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
const { JOB, MODEL_NONE, MODEL_QUEUE, MODEL_RATED, MODEL_SOURCE, READ, STATIC, WRITE } = codes;
const { LAT_ALL, LAT_NONE, LAT_READ, MIX_MAX, NWORK, WORK_INLINE_JOB, borrowRunState, compressMixture, forward, geoRegions, groupsOf, regionUnit, returnRunState, run, userFailed } = runCodes;
const { gammaMixturePercentile, mmcMixturePercentiles } = queueing;
const { collectFindings, dominantLoad } = findingsModule;
const { HOURS_PER_MONTH, PRICES_DATE } = prices;
const { STAGES, judgeStage } = stagesModule;
const { ms, rps, usd } = types;
const { setKey } = records;
const { WORKLOAD_DEFAULTS, resolveWorkload } = workloadModule;

const TIMEOUT_MS = NETWORK.timeoutMs.value;
const K_DNS_CODE = codes.K.dns;
const K_CDN_CODE = codes.K.cdn;

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
  // Nothing reports more than the timeout (MODEL.md §9.4).
  const cap = (x: number) => ms(Math.min(TIMEOUT_MS, x));
  return {
    mean: cap(mean / wsum),
    p50: cap(gammaMixturePercentile(m, 0.5)),
    p95: cap(gammaMixturePercentile(m, 0.95)),
    p99: cap(gammaMixturePercentile(m, 0.99)),
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
export function classP95(st: RunState, k: number): number {
  const volume = [st.offered.static, st.offered.read, st.offered.write][k];
  if (!(volume > 0)) return 0;
  const g = gather(st, [k]);
  let wsum = 0;
  for (let i = 0; i < g.n; i++) wsum += g.W[i];
  if (!(wsum > 0)) return TIMEOUT_MS;
  return Math.min(TIMEOUT_MS, gammaMixturePercentile({ n: g.n, weight: g.W, mean: g.M, variance: g.V }, 0.95));
}

function overallLatency(st: RunState): LatencySummary {
  if (!(st.offered.total > 0)) return ZERO_LATENCY;
  const g = gather(st, [STATIC, READ, WRITE]);
  return summarise(g.n, g.W, g.M, g.V);
}

// One component per class, plus one for writes that run an inline job; then
// each of those per phase of the conditional wait.
const pw = new Float64Array(6);
const pmu = new Float64Array(6);
const phW = new Float64Array(12);
const phMu = new Float64Array(12);
const phTheta = new Float64Array(12);
/** A node's p95 and p99 response times. */
const tails = new Float64Array(2);

function nodeResponse(st: RunState, v: number): NodeResponse {
  const net = st.net;
  const model = net.model[v];
  if (st.saturated[v]) return { mean: ms(TIMEOUT_MS), p95: ms(TIMEOUT_MS), p99: ms(TIMEOUT_MS) };
  if (model === MODEL_RATED) {
    const l = net.latencyMs[v];
    // A serverless function's cold starts are a point mass at warm + init (docs/model.md §14.3): in a percentile once their share passes its tail.
    const cold = st.coldShare[v];
    if (cold > 0) {
      const coldMs = l + net.initMs[v];
      return { mean: ms(l + cold * net.initMs[v]), p95: ms(cold > 0.05 ? coldMs : l), p99: ms(cold > 0.01 ? coldMs : l) };
    }
    return { mean: ms(l), p95: ms(l), p99: ms(l) };
  }
  if (model !== MODEL_QUEUE) return { mean: ms(0), p95: ms(0), p99: ms(0) };
  const b = v * 4;
  const replicaReads = net.kinds[v] === 'database' && net.routeStart[b + READ + 1] > net.routeStart[b + READ];
  let wsum = 0;
  let mean = 0;
  for (let k = 0; k < 4; k++) {
    let weight = st.processed[b + k];
    if (k === STATIC && !(net.kinds[v] === 'app-server' || net.kinds[v] === 'service' || net.kinds[v] === 'server' || net.kinds[v] === 'container-cluster')) weight = 0;
    if (k === READ && replicaReads) weight = 0;
    // Service as the request sees it: CPU time plus any page reads from storage (MODEL.md §9.2).
    const s = st.svcMs[b + k] + st.ioMs[b + k];
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
  // A read's CPU time and its page reads from storage are two exponentials in
  // turn (MODEL.md §9.2): their sum's survival is b/(b−a)·e^{−at} − a/(b−a)·e^{−bt},
  // two components (one of negative weight) rather than one exponential of
  // the summed mean, whose tail is too heavy.
  pw[5] = 0;
  pmu[5] = 1;
  const io = st.ioMs[b + READ];
  if (io > 0 && pw[READ] > 0) {
    const cpu = Math.max(st.svcMs[b + READ], 1e-9);
    const rateA = 1 / cpu;
    let rateB = 1 / io;
    if (Math.abs(rateB - rateA) < 1e-6 * rateA) rateB = rateA * (1 + 1e-6);
    const w = pw[READ];
    pw[READ] = (w * rateB) / (rateB - rateA);
    pmu[READ] = rateA;
    pw[5] = (-w * rateA) / (rateB - rateA);
    pmu[5] = rateB;
  }
  if (!(wsum > 0)) return { mean: ms(0), p95: ms(0), p99: ms(0) };
  const c = st.waitProb[v];
  const p1 = st.waitP1[v];
  for (let i = 0; i < 6; i++) {
    phW[i] = pw[i] * p1;
    phMu[i] = pmu[i];
    phTheta[i] = st.waitTheta1[v];
    phW[i + 6] = pw[i] * (1 - p1);
    phMu[i + 6] = pmu[i];
    phTheta[i + 6] = st.waitTheta2[v];
  }
  mmcMixturePercentiles(0.95, 0.99, 12, phW, phMu, phTheta, c, tails);
  // A Cassandra request waits for the slowest of the replicas its consistency level needs (docs/model.md §14.2).
  const lf = ownTimeFactor(net, v);
  return {
    mean: ms(Math.min(TIMEOUT_MS, (mean / wsum) * lf)),
    p95: ms(Math.min(TIMEOUT_MS, tails[0] * lf)),
    p99: ms(Math.min(TIMEOUT_MS, tails[1] * lf)),
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
    p95WriteMs: null,
    userStaticP95Ms: null,
    availability,
    flashErrorRate: null,
    monthlyCostUsd,
    causes: {},
    comparisons: {},
  };
}

export function endToEndAvailability(st: RunState): { overall: number; structural: number; byClass: [number, number, number]; errorRate: number } {
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
  // Shed requests are not successful requests (MODEL.md §9.3).
  const shedRate = o.total > 0 ? Math.min(1, userShed(st) / o.total) : 0;
  return { overall: Math.max(0, Math.min(1, structural * (1 - errorRate - shedRate))), structural, byClass: by, errorRate };
}

/** User requests shed by rate limiters, rps. */
function userShed(st: RunState): number {
  let x = 0;
  for (let v = 0; v < st.net.n; v++) x += st.shed[v * 4] + st.shed[v * 4 + 1] + st.shed[v * 4 + 2];
  return x;
}

// ---------------------------------------------------------------------------
// User-perceived latency (MODEL.md §9.4)

/** The audience's round trips once geo DNS serves it from `regions` regions: the first buckets move near a region. */
export function audienceBuckets(audience: 'regional' | 'global', regions: number): readonly RttBucket[] {
  const base = AUDIENCE[audience].value;
  if (regions <= 1) return base;
  return base.map((b, i) => (i < regions ? { share: b.share, rttMs: Math.min(b.rttMs, AUDIENCE.nearRttMs.value) } : b));
}

let upW = new Float64Array(MIX_MAX * 8);
let upM = new Float64Array(MIX_MAX * 8);
let upV = new Float64Array(MIX_MAX * 8);

/** Appends the entry's mixture of class k, shifted by `extra` ms plus each leg's round trips, to the scratch mixture. */
function addEntry(st: RunState, v: number, k: number, w: number, extra: number, legs: readonly RttBucket[], trips: number, n: number): number {
  const tb = (v * 4 + k) * MIX_MAX;
  const tn = st.mixN[v * 4 + k];
  const need = n + tn * legs.length;
  if (need > upW.length) {
    const size = Math.max(need, upW.length * 2);
    const grow = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a.subarray(0, n));
      return b;
    };
    upW = grow(upW);
    upM = grow(upM);
    upV = grow(upV);
  }
  for (let j = 0; j < tn; j++) {
    const mw = st.mixW[tb + j];
    const mm = st.mixM[tb + j] + extra;
    const mv = st.mixV[tb + j];
    for (let l = 0; l < legs.length; l++) {
      const wgt = w * legs[l].share * mw;
      if (!(wgt > 0)) continue;
      upW[n] = wgt;
      upM[n] = mm + trips * legs[l].rttMs;
      upV[n] = mv;
      n++;
    }
  }
  return n;
}

/**
 * User-perceived latency of class k (MODEL.md §9.4): the server-side mixture
 * from each entry the users reach (through DNS), plus the user's round trips
 * to it (a CDN edge's for a CDN, else the audience's to the serving region,
 * nearer with geo DNS over several regions), times the round trips a request
 * of the class costs (3 for a first asset, 1 for a call on a warm
 * connection). The mixture is kept to the engine's usual size before its
 * percentiles are solved.
 */
function userPerceived(st: RunState, k: number): LatencySummary {
  const net = st.net;
  const volume = [st.offered.static, st.offered.read, st.offered.write][k];
  if (!(volume > 0)) return ZERO_LATENCY;
  const trips = k === STATIC ? AUDIENCE.staticRoundTrips.value : AUDIENCE.dynamicRoundTrips.value;
  const audience = st.workload.audience;
  const nU = net.usersNodes.length;
  const near = audienceBuckets(audience, 1);
  const geoCount = geoRegions(net).length;
  const spread = audienceBuckets(audience, geoCount);
  const edge = AUDIENCE.cdnEdge.value;
  let n = 0;
  for (let i = 0; i < nU; i++) {
    const u = net.usersNodes[i];
    const rb = u * 4 + k;
    for (let r = net.routeStart[rb]; r < net.routeStart[rb + 1]; r++) {
      const t = net.routeTarget[r];
      const w = net.routeFrac[r] / nU;
      if (net.kindCode[t] === K_DNS_CODE) {
        const db = t * 4 + k;
        const legsOf = net.geoDns[t] === 1 ? spread : near;
        for (let q = net.routeStart[db]; q < net.routeStart[db + 1]; q++) {
          const e = net.routeTarget[q];
          n = addEntry(st, e, k, w * net.routeFrac[q] * st.servedFrac[t], net.latencyMs[t] + net.routeHop[q], net.kindCode[e] === K_CDN_CODE ? edge : legsOf, trips, n);
        }
      } else n = addEntry(st, t, k, w, net.routeHop[r], net.kindCode[t] === K_CDN_CODE ? edge : near, trips, n);
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += upW[i];
  if (!(total > 0)) return { mean: ms(TIMEOUT_MS), p50: ms(TIMEOUT_MS), p95: ms(TIMEOUT_MS), p99: ms(TIMEOUT_MS) };
  // Merged only when large: a bin spanning a near and a far leg would fatten the tail (782 ms against 700 ms for the stage 4 reference's static p95).
  if (n > 8 * MIX_MAX) n = compressMixture(upW, upM, upV, n);
  return summarise(n, upW, upM, upV);
}

// ---------------------------------------------------------------------------
// Latency breakdown (MODEL.md §9.4)

const bdCls = new Int32Array(4);
const bdProb = new Float64Array(4);

/** Mean time of class k from arriving at node v to its answer (the node's stored mixture), ms. */
function mixtureMean(st: RunState, v: number, k: number): number {
  const base = (v * 4 + k) * MIX_MAX;
  let w = 0;
  let m = 0;
  for (let j = 0; j < st.mixN[v * 4 + k]; j++) {
    w += st.mixW[base + j];
    m += st.mixW[base + j] * st.mixM[base + j];
  }
  return w > 0 ? m / w : 0;
}

/**
 * The dominant path of class k: from the first users node, at each node the
 * calls it makes in turn (each taken by at least 5% of requests: a cache
 * miss, a job handed to a queue), each to the target that contributes most
 * to the mean. Per hop: network, mean wait, the part of that wait spent
 * behind inline jobs, and mean service time.
 */
function breakdown(st: RunState, k: number, p95: number): LatencyBreakdown {
  const net = st.net;
  const hops: BreakdownHop[] = [];
  if (net.usersNodes.length === 0 || !(p95 > 0)) return { hops, p95Ms: ms(p95) };
  const visit = (v: number, cls: number, networkMs: number, depth: number) => {
    if (depth > 64) return;
    const b = v * 4;
    const model = net.model[v];
    if (model !== MODEL_SOURCE && model !== MODEL_NONE) {
      let waiting = 0;
      let service = 0;
      let behindJobs = 0;
      const passRead = net.kinds[v] === 'database' && cls === READ && net.routeStart[b + READ + 1] > net.routeStart[b + READ];
      if (st.saturated[v] && !passRead) {
        waiting = TIMEOUT_MS;
      } else if (model === MODEL_RATED) {
        service = net.latencyMs[v];
      } else if (model === MODEL_QUEUE && !passRead) {
        waiting = st.waitMean[v];
        service = st.svcMs[b + cls] + st.ioMs[b + cls] + (cls === WRITE ? st.workload.asyncShare * st.inlineJobMs[v] : 0);
        const wb = v * NWORK;
        let totalWork = 0;
        for (let c = 0; c < NWORK; c++) totalWork += st.work[wb + c];
        if (totalWork > 0 && st.inlineJobMs[v] > 0) {
          // Waiting is time behind busy cores; inline jobs' share of that busy time (by work times length).
          let weighted = 0;
          for (let c = 0; c < NWORK; c++) {
            const len = c === WORK_INLINE_JOB ? st.inlineJobMs[v] : st.meanSvcMs[v];
            weighted += st.work[wb + c] * len;
          }
          behindJobs = weighted > 0 ? (waiting * st.work[wb + WORK_INLINE_JOB] * st.inlineJobMs[v]) / weighted : 0;
        }
      }
      hops.push({
        nodeId: net.ids[v],
        label: net.labels[v],
        kind: net.kinds[v],
        networkMs: ms(networkMs),
        waitingMs: ms(waiting),
        waitingBehindJobsMs: ms(behindJobs),
        serviceMs: ms(service),
        share: 0,
        p95Ms: ms(0),
      });
      if (st.saturated[v] && !passRead) return;
    }
    const ng = groupsOf(net, st, v, cls, bdCls, bdProb);
    const calls: { oc: number; p: number }[] = [];
    for (let g = 0; g < ng; g++) calls.push({ oc: bdCls[g], p: bdProb[g] });
    for (const call of calls) {
      if (call.p < 0.05) continue;
      const rb = b + call.oc;
      let best = -1;
      let bestScore = -1;
      for (let i = net.routeStart[rb]; i < net.routeStart[rb + 1]; i++) {
        const t = net.routeTarget[i];
        const score = net.routeFrac[i] * (net.routeHop[i] + mixtureMean(st, t, call.oc) + 1e-9);
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best >= 0) visit(net.routeTarget[best], call.oc, net.routeHop[best], depth + 1);
    }
  };
  visit(net.usersNodes[0], k, 0, 0);
  let sum = 0;
  for (const h of hops) sum += h.networkMs + h.waitingMs + h.serviceMs;
  for (const h of hops) {
    h.share = sum > 0 ? (h.networkMs + h.waitingMs + h.serviceMs) / sum : 0;
    h.p95Ms = ms(h.share * p95);
  }
  return { hops, p95Ms: ms(p95) };
}

// ---------------------------------------------------------------------------
// Why a stage check fails, in numbers (MODEL.md §9.1.3, §9.4)

const pct = formatPercent;
const msText = (x: number) => formatMs(x);

/** The finding for a failing server-side latency objective: the hop that dominates, waiting or service, and why. */
function latencyCause(st: RunState, k: number, p95: number, slo: number, name: string): Finding {
  const bd = breakdown(st, k, p95);
  const head = `Server-side p95 ${name} is ${msText(p95)}, above the ${slo} ms objective.`;
  let worst: BreakdownHop | null = null;
  for (const h of bd.hops) if (!worst || h.networkMs + h.waitingMs + h.serviceMs > worst.networkMs + worst.waitingMs + worst.serviceMs) worst = h;
  if (!worst) return { severity: 'error', code: `slo-latency${k === WRITE ? '-write' : ''}`, nodeId: null, message: head, lessonId: 'guide-latency' };
  const v = st.net.ids.indexOf(worst.nodeId);
  const jobMs = v >= 0 ? st.inlineJobMs[v] : 0;
  const code = k === WRITE ? 'slo-latency-write' : 'slo-latency';
  const where = `${worst.label} takes ${pct(worst.share, worst.share > 0.99 && worst.share < 1 ? 1 : 0)} of it (network ${msText(worst.networkMs)}, waiting ${msText(worst.waitingMs)}, service ${msText(worst.serviceMs)} on average)`;
  if (v >= 0 && st.saturated[v]) {
    return { severity: 'error', code, nodeId: worst.nodeId, message: `${head} ${worst.label} is saturated, so its requests time out after ${msText(TIMEOUT_MS)}. ${fixFor(st, v)}`, lessonId: lessonFor(st, v) };
  }
  if (jobMs > 0 && (worst.waitingBehindJobsMs >= 0.5 * worst.waitingMs || k === WRITE)) {
    const share = st.workload.asyncShare;
    const detail =
      k === WRITE
        ? `${pct(share)} of writes run a ${msText(jobMs)} background job inline before answering. No number or size of instances shortens a job`
        : `it waits ${msText(worst.waitingBehindJobsMs)} on average behind background jobs run inline (${msText(jobMs)} each). More instances only make the wait rarer by running emptier`;
    return {
      severity: 'error',
      code,
      nodeId: worst.nodeId,
      message: `${head} ${where}: ${detail}; a queue and workers take jobs off the request path.`,
      lessonId: 'stage-6-async-queues',
    };
  }
  if (worst.networkMs >= worst.waitingMs && worst.networkMs >= worst.serviceMs) {
    return { severity: 'error', code, nodeId: worst.nodeId, message: `${head} ${where}: the hop to it is the largest part. Keep calls inside one region, or serve users from a region near them.`, lessonId: 'guide-regions' };
  }
  const why = worst.waitingMs >= worst.serviceMs ? `most of it is waiting for a free core (busy at ${v >= 0 ? pct(Math.min(st.utilization[v], 9.99)) : '?'})` : 'most of it is its own service time';
  return { severity: 'error', code, nodeId: worst.nodeId, message: `${head} ${where}: ${why}. ${v >= 0 ? fixFor(st, v) : ''}`.trim(), lessonId: v >= 0 ? lessonFor(st, v) : 'guide-latency' };
}

/** The technique that removes the load dominating node v (MODEL.md §6). */
function fixFor(st: RunState, v: number): string {
  const d = dominantLoad(st, v).category;
  switch (d) {
    case 'static':
      return 'Static files dominate its work: a CDN serves them at the edge.';
    case 'read':
      return st.net.kinds[v] === 'database' || st.net.kinds[v] === 'read-replica'
        ? 'Reads dominate its work: a cache in front of reads removes most of them.'
        : 'Reads dominate its work: add instances behind the load balancer.';
    case 'write':
    case 'job':
      return st.net.kinds[v] === 'database' ? 'Writes dominate its work: shards split them.' : 'Add instances behind the load balancer.';
    case 'inline-job':
      return 'Background jobs run inline dominate its work: a queue and workers take them off the request path.';
    case 'replica-apply':
      return "Replaying the primary's writes dominates its work: more replicas each replay all of them; shard the writes.";
    default:
      return 'Add instances behind a load balancer, or remove the work that dominates it.';
  }
}

function lessonFor(st: RunState, v: number): Finding['lessonId'] {
  const d = dominantLoad(st, v).category;
  if (d === 'static') return 'stage-5-cache-cdn';
  if (d === 'inline-job') return 'stage-6-async-queues';
  if (d === 'read' && (st.net.kinds[v] === 'database' || st.net.kinds[v] === 'read-replica')) return 'stage-5-cache-cdn';
  if (d === 'write' && st.net.kinds[v] === 'database') return 'stage-4-replication-sharding';
  return 'guide-bottlenecks';
}

/** The finding for a failing budget: the largest lines of the bill, so the learner knows what to cut. */
function costCause(st: RunState, total: number, budget: number): Finding {
  const net = st.net;
  // The three largest lines in one pass (a design may have thousands of components); -1 = internet egress.
  const top = [-2, -2, -2];
  const usdOf = (v: number) => (v === -1 ? st.internetEgressUsd : v >= 0 ? st.costUsd[v] : -Infinity);
  const consider = (v: number) => {
    const x = usdOf(v);
    if (!(x > 0)) return;
    if (x > usdOf(top[0])) {
      top[2] = top[1];
      top[1] = top[0];
      top[0] = v;
    } else if (x > usdOf(top[1])) {
      top[2] = top[1];
      top[1] = v;
    } else if (x > usdOf(top[2])) top[2] = v;
  };
  consider(-1);
  for (let v = 0; v < net.n; v++) consider(v);
  const money = formatUsd;
  const label = (v: number) => (v === -1 ? 'internet egress' : net.labels[v]);
  const listed = top
    .filter((v) => v >= -1)
    .map((v) => `${label(v)} ${money(usdOf(v))} (${pct(usdOf(v) / total)})`)
    .join(', ');
  const largestKind = top[0] === -1 ? 'egress' : top[0] >= 0 ? net.kinds[top[0]] : '';
  return {
    severity: 'error',
    code: 'over-budget',
    nodeId: null,
    message: `The design costs ${money(total)} a month, over the ${money(budget)} budget. The largest lines: ${listed}. ${costAdvice(largestKind)}`,
    lessonId: 'guide-cost',
  };
}

function costAdvice(kind: string): string {
  if (kind === 'egress') return 'Static files served from a CDN leave through its cheaper egress.';
  if (kind === 'cdn') return 'CDN egress grows with static bytes: smaller assets or a longer browser cache cut it.';
  if (kind === 'database' || kind === 'read-replica') return 'A standby doubles a database; a cache in front of reads needs fewer replicas than reads alone.';
  if (kind === 'logging') return 'Log ingestion is billed per GB: sample or drop verbose logs.';
  return 'Size the busiest tiers to their load: autoscaling bills the average hour, not the peak.';
}

/** The finding for a failing user-perceived static objective: round trips to one region. */
function staticCause(st: RunState, p95: number, slo: number): Finding {
  const trips = AUDIENCE.staticRoundTrips.value;
  const buckets = audienceBuckets(st.workload.audience, Math.max(1, geoRegions(st.net).length));
  let far = buckets[0];
  for (const b of buckets) if (b.rttMs > far.rttMs) far = b;
  const hasCdn = st.net.kinds.some((k, v) => k === 'cdn' && st.arrival[v * 4 + STATIC] > 0);
  const message = hasCdn
    ? `Users wait ${msText(p95)} (p95) for a static asset, above the ${slo} ms objective: too many requests miss the CDN and travel to the origin (${pct(1 - cdnHitShare(st))} of static requests). Raise the CDN's hit ratio or keep assets in object storage behind it.`
    : `Users wait ${msText(p95)} (p95) for a static asset, above the ${slo} ms objective: a first asset costs ${trips} round trips to your one region, and ${pct(far.share)} of a ${st.workload.audience} audience is ${far.rttMs} ms away (${msText(trips * far.rttMs)}). No number or size of servers shortens a round trip; a CDN edge is ${AUDIENCE.cdnEdge.value[0].rttMs}–${AUDIENCE.cdnEdge.value[AUDIENCE.cdnEdge.value.length - 1].rttMs} ms from every user.`;
  return { severity: 'error', code: 'slo-latency-static-user', nodeId: null, message, lessonId: 'stage-5-cache-cdn' };
}

function cdnHitShare(st: RunState): number {
  let hits = 0;
  for (let v = 0; v < st.net.n; v++) if (st.net.kinds[v] === 'cdn') hits += st.processed[v * 4 + STATIC] * st.net.hitRatio[v];
  return st.offered.static > 0 ? hits / st.offered.static : 0;
}

/** The finding for a failing availability objective: the weakest link on the user's path and why more of the same cannot lift it. */
function availabilityCause(st: RunState, avail: number, structural: number, slo: number): Finding {
  const net = st.net;
  const head = `Availability is ${pct(avail, 3)}, below the ${pct(slo, 2)} objective.`;
  const regionA = NETWORK.regionAvailability.value;
  // The weakest link: the component whose downtime loses the most requests
  // (its unavailability times the share of user requests that pass it).
  // Saturated components are the capacity check's business, not this one's.
  let weakest = -1;
  let worstLoss = 0;
  const offered = st.offered.total;
  for (let v = 0; v < net.n; v++) {
    if (net.model[v] === MODEL_SOURCE || net.model[v] === MODEL_NONE || st.saturated[v]) continue;
    const through = st.arrival[v * 4] + st.arrival[v * 4 + 1] + st.arrival[v * 4 + 2];
    if (!(through > 0) || !(offered > 0)) continue;
    const loss = (1 - st.nodeAvailability[v]) * Math.min(1, through / offered);
    if (loss > worstLoss) {
      worstLoss = loss;
      weakest = v;
    }
  }
  const down = (a: number) => {
    const minutes = (1 - a) * 365 * 24 * 60;
    return `${pct(a, 3)}, about ${minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes)} min`} down a year`;
  };
  const errors = userFailed(st) / Math.max(1e-12, offered);
  // Order: a component that caps availability whatever the capacity (the
  // structural wall), then one region's cap, then requests failing for
  // capacity. A structural cause says too when capacity also fails requests.
  const alsoCapacity = errors > 1 - slo ? ` Besides, ${pct(errors, 2)} of requests fail because something is saturated: see the capacity check.` : '';
  const withCapacity = (f: Finding): Finding => ({ ...f, message: f.message + alsoCapacity });
  if (weakest >= 0 && st.nodeAvailability[weakest] < Math.max(slo, regionA)) {
    const v = weakest;
    const kind = net.kinds[v];
    const a = st.nodeAvailability[v];
    const detect = net.hasMonitoring ? '2 min to detect' : '30 min to detect (no monitoring: a user reports it)';
    if (kind === 'database' && !net.failover[v]) {
      return withCapacity({
        severity: 'error',
        code: 'slo-availability',
        nodeId: net.ids[v],
        message: `${head} ${net.labels[v]} is one primary: after a failure it takes ${detect} and about ${NETWORK.restoreFromBackupHours.value} h to restore from backup (${down(a)}). A bigger, sharded or monitored primary fails just as often; a standby or a replica with automatic failover takes over in 1–2 minutes.`,
        lessonId: 'stage-4-replication-sharding',
      });
    }
    if ((kind === 'app-server' || kind === 'service' || kind === 'server') && (net.deployDown[v] || !net.behindSplitter[v])) {
      const why = net.behindSplitter[v]
        ? 'one instance is down for every deploy (about 2 min each) and after every failure'
        : 'nothing routes around a failed instance: without a load balancer each instance fails its own share of requests, and every deploy takes the tier down for about 2 min';
      return withCapacity({
        severity: 'error',
        code: 'slo-availability',
        nodeId: net.ids[v],
        message: `${head} ${net.labels[v]}: ${why} (${down(a)}). More or bigger instances alone do not help; two or more behind a health-checking load balancer deploy one at a time and are replaced automatically.`,
        lessonId: 'stage-3-load-balancer',
      });
    }
    if (st.spof[v]) {
      const n = st.have[v];
      const why = n <= 1 ? 'it is one instance' : `all ${n} instances are needed to carry the load, so one failure drops requests (the fix is spare capacity, not a second instance)`;
      return withCapacity({ severity: 'error', code: 'slo-availability', nodeId: net.ids[v], message: `${head} ${net.labels[v]} is a single point of failure: ${why} (${down(a)}).`, lessonId: 'guide-reliability' });
    }
  }
  if (slo >= regionA && geoRegions(net).length < 2) {
    return withCapacity({
      severity: 'error',
      code: 'slo-availability',
      nodeId: null,
      message: `${head} One region is up ${pct(regionA, 2)} of the time at best, and every component inside it multiplies that down, so no design within one region reaches ${pct(slo, 2)}. Serve users from two or more regions behind geo DNS, each able to carry the other's load.`,
      lessonId: 'stage-8-web-scale',
    });
  }
  if (errors > 1 - slo) {
    return {
      severity: 'error',
      code: 'slo-availability',
      nodeId: null,
      message: `${head} ${pct(errors, 2)} of requests fail because something is saturated or has nowhere to send them: fix the capacity check first.`,
      lessonId: 'guide-bottlenecks',
    };
  }
  return { severity: 'error', code: 'slo-availability', nodeId: weakest >= 0 ? net.ids[weakest] : null, message: `${head}${weakest >= 0 ? ` The weakest component is ${net.labels[weakest]} (${down(st.nodeAvailability[weakest])}).` : ''}`, lessonId: 'guide-reliability' };
}

/**
 * Error rate of ordinary users during a flash crowd (MODEL.md §9.5): traffic
 * jumps to `flashFactor` × the peak, the excess from a few clients. What
 * fails at that load fails for everyone; what a rate limiter sheds is the
 * crowd's excess first (per-client limits), and only beyond that excess does
 * shedding reach ordinary users. Forward passes only, on `spare`.
 */
function flashErrorRate(spare: RunState, w: ReturnType<typeof resolveWorkload>, peak: RunState): number {
  const ff = Math.max(1, w.flashFactor);
  // A DynamoDB table keeps the partitions of its ordinary peak through the flash (docs/model.md §14.2).
  spare.peakScale = ff;
  forward(spare, { ...w, users: w.users * ff }, -1, LAT_NONE);
  spare.peakScale = 1;
  const offered = spare.offered.total;
  if (!(offered > 0)) return 0;
  const failed = userFailed(spare) / offered;
  const excess = ((ff - 1) / ff) * offered;
  const ordinaryShed = Math.max(0, userShed(spare) - excess) / (offered / ff);
  // Serverless functions and autoscaled clusters fail part of the crowd while they scale up to it (docs/model.md §14.3).
  return Math.min(1, failed + ordinaryShed + flashRampLoss(peak, spare));
}

/** The month's bill of a completed run: every component plus internet egress. */
export function totalCost(st: RunState): number {
  let c = st.internetEgressUsd;
  for (let v = 0; v < st.net.n; v++) c += st.costUsd[v];
  return c;
}

function buildEvaluation(st: RunState, regionChecks: RegionCheck[], findings: Finding[], views = true): Evaluation {
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
    // Logging is priced by ingestion (run/cost.ts `costs`), not per instance.
    // A container cluster bills nodes (and its control plane), not pods (docs/model.md §14.3).
    if (kind === 'container-cluster') instancesUsd += st.componentCostUsd[v];
    else if (kind !== 'logging') instancesUsd += net.hourlyUsd[v] * HOURS_PER_MONTH * st.avgInstances[v];
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
      cpuUtilization: st.cpuUtilization[v],
      networkUtilization: st.netUtilization[v],
      saturated: st.saturated[v] === 1,
      responseMs: nodeResponse(st, v),
      availability: st.nodeAvailability[v],
      spof: st.spof[v] === 1,
      dominantLoad: dominantLoad(st, v).category,
      storageGB: st.storageGB[v],
      storageFull: st.storageFull[v] === 1,
      monthlyCostUsd: usd(st.costUsd[v]),
    };
    if (kind === 'database' || kind === 'read-replica') {
      result.storageIo = {
        bufferHitRatio: st.bufferHit[v],
        cpuUtilization: st.cpuUtilization[v],
        iops: st.iops[v],
        iopsLimit: st.iopsLimit[v],
        ioUtilization: st.ioUtilization[v],
        readIoMs: ms(st.ioMs[b + READ]),
      };
    }
    if (kind === 'database') {
      const analytics = pipeline.oltpAnalyticsReport(st, v);
      if (analytics) result.analytics = analytics;
    }
    if (kind === 'stream-processor') result.stream = pipeline.streamReport(st, v);
    if (kind === 'warehouse') result.warehouse = pipeline.warehouseReport(st, v);
    if (kind === 'queue') {
      result.queue = {
        backlogJobs: st.backlogJobs[v],
        drainSeconds: st.drainSeconds[v] < 0 ? null : st.drainSeconds[v],
        workerCapacityRps: rps(st.workerCapacityRps[v]),
      };
    }
    if (net.storesQueues.code[v] !== 0) {
      const report = storeQueueReport(st, v);
      if (report) result.technologyReport = report;
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
  const latStatic = classLatency(st, STATIC);
  const latRead = classLatency(st, READ);
  const latWrite = classLatency(st, WRITE);
  const o = st.offered;
  return {
    modelVersion: 2,
    users: w.users,
    workload: { ...w },
    // `total` is R of MODEL.md §1.2: the user requests (jobs are born inside the system).
    offered: { ...rates(o.static, o.read, o.write, o.job), total: rps(o.total) },
    nodes,
    edges,
    endToEnd: {
      latencyMs: {
        static: latStatic,
        read: latRead,
        write: latWrite,
        overall: overallLatency(st),
        // A sweep point leaves the views out (see SweepEvaluation); every evaluate has them.
        userPerceived: views ? { static: userPerceived(st, STATIC), read: userPerceived(st, READ), write: userPerceived(st, WRITE) } : (undefined as never),
      },
      breakdown: views ? { static: breakdown(st, STATIC, latStatic.p95), read: breakdown(st, READ, latRead.p95), write: breakdown(st, WRITE, latWrite.p95) } : (undefined as never),
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
    consistency: consistencyOf(st),
  };
}

/** Runs the eight stages (MODEL.md §6, §9) on a prepared design; overwrites its run buffers. */
export function evaluateStages(p: PreparedDesign): StageResult[] {
  const out: StageResult[] = [];
  // The stages share one workload shape, so their region-failure passes are
  // measured once (at the first stage) and scaled where that is exact.
  let unit: RegionUnit | null = null;
  for (let i = 0; i < STAGES.length; i++) {
    const spec = STAGES[i];
    const w = resolveWorkload(WORKLOAD_DEFAULTS, { users: spec.users, audience: spec.audience });
    if (i === 0) unit = regionUnit(p.spare, w);
    let mask = LAT_READ;
    if (spec.p95WriteMs !== null) mask |= 1 << WRITE;
    if (spec.userStaticP95Ms !== null) mask |= 1 << STATIC;
    const checks = run(p.state, w, mask, p.spare, unit);
    const findings = collectFindings(p.state, checks);
    const p95 = classP95(p.state, READ);
    const av = endToEndAvailability(p.state);
    const avail = av.overall;
    const m = measure(p.state, p95, avail, totalCost(p.state));
    if (spec.p95WriteMs !== null) m.p95WriteMs = classP95(p.state, WRITE);
    if (spec.userStaticP95Ms !== null) m.userStaticP95Ms = userPerceived(p.state, STATIC).p95;
    if (!(m.p95ReadMs <= spec.p95ReadMs)) m.causes.latency = latencyCause(p.state, READ, m.p95ReadMs, spec.p95ReadMs, 'read');
    if (m.p95WriteMs !== null && spec.p95WriteMs !== null && !(m.p95WriteMs <= spec.p95WriteMs))
      m.causes['latency-write'] = latencyCause(p.state, WRITE, m.p95WriteMs, spec.p95WriteMs, 'write');
    if (m.userStaticP95Ms !== null && spec.userStaticP95Ms !== null && !(m.userStaticP95Ms <= spec.userStaticP95Ms))
      m.causes['latency-static-user'] = staticCause(p.state, m.userStaticP95Ms, spec.userStaticP95Ms);
    if (!(m.monthlyCostUsd <= spec.budgetUsd)) m.causes.cost = costCause(p.state, m.monthlyCostUsd, spec.budgetUsd);
    if (!(avail >= spec.availability)) m.causes.availability = availabilityCause(p.state, avail, av.structural, spec.availability);
    if (spec.flashErrorRate !== null) {
      // Runs on the spare buffers (forward passes only): the stage's run stays in `state`.
      m.flashErrorRate = flashErrorRate(p.spare, w, p.state);
    }
    for (const practice of spec.practices) {
      const c = practiceComparison(practice, p.design, w);
      if (c) m.comparisons[practice] = c;
    }
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
  const cloud = cloudNativeReports(p.state, p.spare, w);
  if (cloud) findings.push(...cloud.findings);
  const evaluation = buildEvaluation(p.state, checks, findings);
  if (cloud) for (const [v, report] of cloud.nodes) Object.assign(evaluation.nodes[p.net.ids[v]], report);
  if (options?.stages !== false) evaluation.stages = evaluateStages(p);
  return evaluation;
}

/** One sweep point: the run and its evaluation without the user-perceived view and the breakdown. */
function sweepPoint(p: PreparedDesign, workload: Partial<Workload>): SweepEvaluation {
  const w = resolveWorkload(p.design.workload, workload);
  const checks = run(p.state, w, LAT_ALL, p.spare);
  const e = buildEvaluation(p.state, checks, collectFindings(p.state, checks), false) as SweepEvaluation;
  // Drop the keys, not just their values, so a JSON sweep carries no empty views.
  delete (e.endToEnd.latencyMs as Partial<Evaluation['endToEnd']['latencyMs']>).userPerceived;
  delete (e.endToEnd as Partial<Evaluation['endToEnd']>).breakdown;
  return e;
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
  if (sat >= 0) return { nodeId: net.ids[sat], reason: `saturated at ${formatUtilization(st.utilization[sat])} of capacity` };
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
    const evaluation = sweepPoint(p, { ...workload, users });
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
