/**
 * One evaluation of a compiled network at one workload: propagation
 * (MODEL.md §2) in one topological pass, queueing per station (§3),
 * availability (§4) and cost (§5), all into typed arrays that are allocated
 * once per compiled network and reused by every run (stages, sweep points,
 * region-failure checks).
 */
import { NETWORK, STORAGE } from './catalog';
import * as cloudNative from './cloud-native';
import * as codes from './compile';
import type { CompiledNetwork } from './compile';
import * as pipeline from './pipeline';
import * as prices from './prices';
import * as queueing from './queueing';
import * as storesQueues from './tech-stores-queues';
import * as storesQueuesRun from './tech-stores-queues-run';
import type { StoreQueueCost } from './tech-stores-queues-run';
import type { ResolvedWorkload } from './types';
import * as workloadModule from './workload';
import type { OfferedLoad } from './workload';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS),
// which costs a call per use in the hot loops below.
const { STATIC, READ, WRITE, JOB, MODEL_NONE, MODEL_QUEUE, MODEL_RATED, MODEL_SOURCE, ALG_LEAST_CONNECTIONS, ALG_ROUND_ROBIN } = codes;
const { erlangC, lnGamma } = queueing;
const { HOURS_PER_MONTH, USAGE_PRICES, tieredCostUsd } = prices;
const { peakLoad } = workloadModule;
const { TB_DYNAMODB } = storesQueues;
const { dynamoPartitions, dynamoUnits, storeQueueCost } = storesQueuesRun;
const K_DNS = codes.K.dns;
const K_CDN = codes.K.cdn;
const K_LB = codes.K['load-balancer'];
const K_GATEWAY = codes.K['api-gateway'];
const K_LIMITER = codes.K['rate-limiter'];
const K_SERVER = codes.K.server;
const K_APP = codes.K['app-server'];
const K_SERVICE = codes.K.service;
const K_WORKER = codes.K.worker;
const K_CACHE = codes.K.cache;
const K_DATABASE = codes.K.database;
const K_REPLICA = codes.K['read-replica'];
const K_NOSQL = codes.K.nosql;
const K_OBJECT_STORAGE = codes.K['object-storage'];
const K_QUEUE = codes.K.queue;
const K_STREAM = codes.K['stream-processor'];
const K_WAREHOUSE = codes.K.warehouse;
const K_SERVERLESS = codes.K.serverless;
const K_CLUSTER = codes.K['container-cluster'];
const { coldShare, environmentsFor, serverlessMonthlyUsd, clusterNodes } = cloudNative;

/** Most components kept in one path-latency mixture; more are merged (moment-matched) into log-spaced bins. */
export const MIX_MAX = 10;
const TIMEOUT_MS = NETWORK.timeoutMs.value;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** Work categories at a station, for naming the load that dominates it (MODEL.md §6). */
export const WORK_STATIC = 0;
export const WORK_READ = 1;
export const WORK_WRITE = 2;
export const WORK_JOB = 3;
export const WORK_INLINE_JOB = 4;
export const WORK_APPLY = 5;
export const WORK_REPLICATION = 6;
export const NWORK = 7;

/** Which per-class latency mixtures a run builds. */
export const LAT_NONE = 0;
export const LAT_READ = 1 << READ;
export const LAT_ALL = (1 << STATIC) | (1 << READ) | (1 << WRITE) | (1 << JOB);

/** Per-run state. Per (node, class) arrays are at `node * 4 + class`. */
export interface RunState {
  net: CompiledNetwork;
  workload: ResolvedWorkload;
  offered: OfferedLoad;
  /** Offered user traffic that found no users node, per class (rps). */
  noEntry: Float64Array;
  arrival: Float64Array;
  /** Handled at the node (after saturation), rps. */
  processed: Float64Array;
  /** Completed at the node (user classes: the request's answer), rps. */
  done: Float64Array;
  /** Failed at the node: saturation, a failed region, or unhandled (rps). */
  failed: Float64Array;
  /** Part of `failed` that had no target to go to, by the class it needed to send. */
  unhandled: Float64Array;
  /** Sent along the node's route, per class (rps): each route entry carries this times its fraction. */
  sent: Float64Array;
  shed: Float64Array;
  /** Work per category (WORK_*), ms of CPU per second, whole node. */
  work: Float64Array;
  instances: Float64Array;
  avgInstances: Float64Array;
  utilization: Float64Array;
  saturated: Uint8Array;
  servedFrac: Float64Array;
  shedFrac: Float64Array;
  /** Erlang C (probability of waiting) at the node's station. */
  waitProb: Float64Array;
  /** 1 / mean of the conditional wait (the wait of a request that waits), per ms. */
  thetaEff: Float64Array;
  /**
   * The conditional wait as a two-phase hyperexponential (balanced means):
   * phase 1 with probability `waitP1` and rate `waitTheta1`, else phase 2 at
   * `waitTheta2` (per ms). Both rates equal `thetaEff` when the wait is
   * exponential (one exponential class: plain M/M/c).
   */
  waitP1: Float64Array;
  waitTheta1: Float64Array;
  waitTheta2: Float64Array;
  waitMean: Float64Array;
  waitVar: Float64Array;
  /** Mean service time per (node, class), ms, as the request sees it. */
  svcMs: Float64Array;
  /** Time an inline job adds to the write that spawned it, ms (0 when jobs go to a queue). */
  inlineJobMs: Float64Array;
  /** Mean service time over all the station's operations, ms. */
  meanSvcMs: Float64Array;
  /** Servers in the station (M/M/c `c`; pooled for least-connections). */
  stationServers: Float64Array;
  storageGB: Float64Array;
  storageFull: Uint8Array;
  /** The hottest instance's share of the node's load (1/instances, the hottest shard's share, ...). */
  hotShare: Float64Array;
  /** Utilisation of the cores alone, before storage or the network (MODEL.md §9.2) may raise `utilization`. */
  cpuUtilization: Float64Array;
  /** An app tier's bytes sent over its instance's network bandwidth (MODEL.md §9.2). */
  netUtilization: Float64Array;
  /** Relational stores (MODEL.md §9.2): share of page reads the buffer pool answers. */
  bufferHit: Float64Array;
  /** Storage reads and writes per second at the hottest instance, over its IOPS limit. */
  ioUtilization: Float64Array;
  /** IOPS demanded at the hottest instance, and its limit. */
  iops: Float64Array;
  iopsLimit: Float64Array;
  /** Time a request of the class spends reading pages from storage, per (node, class), ms. */
  ioMs: Float64Array;
  backlogJobs: Float64Array;
  /** Seconds to drain the peak-hour backlog; -1 = never (workers below the average rate). */
  drainSeconds: Float64Array;
  workerCapacityRps: Float64Array;
  /**
   * Analytics queries on a relational primary (docs/model.md §14.4): the
   * service-time multiplier of its own work while scans hold cores (1 = none),
   * and the share of its volume's throughput the scans take.
   */
  oltpSlow: Float64Array;
  analyticsIo: Float64Array;
  /** Whether the last forward pass put analytics load on a primary (so the next one resets it). */
  analyticsOn: boolean;
  nodeAvailability: Float64Array;
  /** Instances a node (or its redundancy group) needs / has, for SPOF and k-of-n. */
  needed: Float64Array;
  have: Float64Array;
  spof: Uint8Array;
  /** 1 for a cache whose store can carry all its misses (not a point of failure, MODEL.md §9.3). */
  cacheFallback: Uint8Array;
  availUp: Float64Array;
  mixN: Int32Array;
  mixW: Float64Array;
  mixM: Float64Array;
  mixV: Float64Array;
  /** Monthly cost per node (MODEL.md §5, §9.6): the sum of the four parts below. */
  costUsd: Float64Array;
  /** Its instance-hours and its own usage (LB capacity units, DNS queries, object-storage requests, log ingestion). */
  componentCostUsd: Float64Array;
  /** Database, replica, NoSQL, server and object storage, per GB-month. */
  storageCostUsd: Float64Array;
  /** CDN egress and requests. */
  cdnCostUsd: Float64Array;
  /** Inter-region transfer of the writes a store of record accepts, to each other region's copy. */
  transferCostUsd: Float64Array;
  regionsParallel: boolean;
  regionCount: number;
  internetEgressUsd: number;
  internetEgressGB: number;
  cdnEgressGB: number;
  transferGB: number;
  logIngestionGB: number;
  /**
   * This pass's traffic as a multiple of the design's ordinary peak: the
   * flash-crowd pass sets flashFactor. A DynamoDB table holds partitions for
   * twice its ordinary peak, not for the flash (docs/model.md §14.2).
   */
  peakScale: number;
  /** Serverless: share of invocations that start cold (docs/model.md §14.3); 0 elsewhere. */
  coldShare: Float64Array;
}

export function createRunState(net: CompiledNetwork): RunState {
  const n = net.n;
  const f = (m: number) => new Float64Array(n * m);
  return {
    net,
    workload: undefined as unknown as ResolvedWorkload,
    offered: { static: 0, read: 0, write: 0, job: 0, total: 0 },
    noEntry: new Float64Array(4),
    arrival: f(4),
    processed: f(4),
    done: f(4),
    failed: f(4),
    unhandled: f(4),
    sent: f(4),
    shed: f(4),
    work: f(NWORK),
    instances: f(1),
    avgInstances: f(1),
    utilization: f(1),
    saturated: new Uint8Array(n),
    servedFrac: f(1),
    shedFrac: f(1),
    waitProb: f(1),
    thetaEff: f(1),
    waitP1: f(1),
    waitTheta1: f(1),
    waitTheta2: f(1),
    waitMean: f(1),
    waitVar: f(1),
    svcMs: f(4),
    inlineJobMs: f(1),
    meanSvcMs: f(1),
    stationServers: f(1),
    storageGB: f(1),
    hotShare: f(1),
    cpuUtilization: f(1),
    netUtilization: f(1),
    bufferHit: f(1),
    ioUtilization: f(1),
    iops: f(1),
    iopsLimit: f(1),
    ioMs: f(4),
    storageFull: new Uint8Array(n),
    backlogJobs: f(1),
    drainSeconds: f(1),
    workerCapacityRps: f(1),
    oltpSlow: new Float64Array(n).fill(1),
    analyticsIo: f(1),
    analyticsOn: false,
    nodeAvailability: f(1),
    needed: f(1),
    have: f(1),
    spof: new Uint8Array(n),
    cacheFallback: new Uint8Array(n),
    availUp: f(4),
    mixN: new Int32Array(n * 4),
    // Allocated on first use: region-failure buffers never need them.
    mixW: new Float64Array(0),
    mixM: new Float64Array(0),
    mixV: new Float64Array(0),
    costUsd: f(1),
    componentCostUsd: f(1),
    storageCostUsd: f(1),
    cdnCostUsd: f(1),
    transferCostUsd: f(1),
    regionsParallel: false,
    regionCount: 1,
    internetEgressUsd: 0,
    internetEgressGB: 0,
    cdnEgressGB: 0,
    transferGB: 0,
    logIngestionGB: 0,
    peakScale: 1,
    coldShare: f(1),
  };
}

const pool: RunState[] = [];

/**
 * Borrows a run buffer sized for `net` from a small module-level pool (or
 * allocates one). Only for synchronous, non-escaping use: `evaluate` and
 * `sweep` borrow and return within one call, so repeated evaluations of
 * same-sized designs allocate nothing here. Every array is reset or fully
 * rewritten by each run.
 */
export function borrowRunState(net: CompiledNetwork): RunState {
  for (let i = 0; i < pool.length; i++) {
    if (pool[i].arrival.length === net.n * 4) {
      const st = pool.splice(i, 1)[0];
      st.net = net;
      return st;
    }
  }
  return createRunState(net);
}

/** Returns a borrowed buffer to the pool (keeps at most four). */
export function returnRunState(st: RunState): void {
  if (pool.length >= 4) pool.shift();
  pool.push(st);
}

function clearState(st: RunState) {
  st.noEntry.fill(0);
  st.arrival.fill(0);
  st.processed.fill(0);
  st.done.fill(0);
  st.failed.fill(0);
  st.unhandled.fill(0);
  st.sent.fill(0);
  st.shed.fill(0);
  st.work.fill(0);
  st.utilization.fill(0);
  st.cpuUtilization.fill(0);
  st.netUtilization.fill(0);
  st.saturated.fill(0);
  st.servedFrac.fill(1);
  st.shedFrac.fill(0);
  st.waitProb.fill(0);
  st.thetaEff.fill(0);
  st.waitP1.fill(0);
  st.waitTheta1.fill(0);
  st.waitTheta2.fill(0);
  st.waitMean.fill(0);
  st.waitVar.fill(0);
  st.svcMs.fill(0);
  st.inlineJobMs.fill(0);
  st.meanSvcMs.fill(0);
  st.stationServers.fill(0);
  st.storageFull.fill(0);
}

/** Sends `amount` rps of class `cls` from `v` along its route; no route = unhandled (failed). */
function emit(st: RunState, v: number, cls: number, amount: number, failedRegion: number) {
  if (!(amount > 0)) return;
  const net = st.net;
  const b = v * 4 + cls;
  const s = net.routeStart[b];
  const e = net.routeStart[b + 1];
  if (s === e) {
    st.unhandled[b] += amount;
    st.failed[b] += amount;
    return;
  }
  st.sent[b] += amount;
  const arrival = st.arrival;
  if (failedRegion >= 0 && (net.kindCode[v] === K_DNS || net.kindCode[v] === K_CDN)) {
    // DNS stops sending users to a failed region and a CDN fails over to a live
    // origin (origin groups); the other targets take the failed region's share.
    let live = 0;
    for (let i = s; i < e; i++) if (net.region[net.routeTarget[i]] !== failedRegion) live += net.routeFrac[i];
    if (live > 0) {
      const scale = 1 / live;
      for (let i = s; i < e; i++) {
        const t = net.routeTarget[i];
        if (net.region[t] !== failedRegion) arrival[t * 4 + cls] += amount * net.routeFrac[i] * scale;
      }
      return;
    }
  }
  for (let i = s; i < e; i++) arrival[net.routeTarget[i] * 4 + cls] += amount * net.routeFrac[i];
}

function hasRoute(net: CompiledNetwork, v: number, cls: number): boolean {
  const b = v * 4 + cls;
  return net.routeStart[b + 1] > net.routeStart[b];
}

/**
 * Served fraction of a node whose load is split over `parts` equal parts
 * except the hottest, which takes `hot` of it; `rhoHot` is the hottest part's
 * utilisation. Overloaded parts serve at capacity.
 */
function servedFraction(rhoHot: number, hot: number, parts: number): number {
  if (rhoHot < 1) return 1;
  // Summed as served shares (hot / ρ), not 1 - failed shares: under heavy
  // overload 1 - (1 - 1/ρ) cancels and loses ρ·ε of precision, so a node's
  // served rate (its capacity) drifted with the overload.
  let rest = 1 - hot;
  if (parts > 1 && hot < 1) {
    const rhoOther = (rhoHot * (1 - hot)) / ((parts - 1) * hot);
    if (rhoOther > 1) rest = (1 - hot) / rhoOther;
  }
  return Math.max(0, hot / rhoHot + rest);
}

function ceilInstances(x: number): number {
  return Math.ceil(x - 1e-9);
}

// First of c busy servers to finish (MODEL-NOTES, the wait): the minimum of
// c independent residual services. A residual service is one of the
// station's phases (a class, a write with its inline job, a replica apply)
// with probability proportional to the work in it, and exponential within
// the phase. The phases are collapsed into a fast and a slow group (split at
// the geometric middle of their means, each group keeping its weight and
// mean), so the minimum is a sum over c + 1 binomial terms. Results in fd1
// (mean) and fd2 (second moment), ms and ms². O(phases + c).
const phaseMean = new Float64Array(6);
const phaseWork = new Float64Array(6);
let fd1 = 0;
let fd2 = 0;
let fd3 = 0;
function firstDeparture(c: number, phases: number) {
  let lo = Infinity;
  let hi = 0;
  let total = 0;
  for (let i = 0; i < phases; i++) {
    if (!(phaseWork[i] > 0) || !(phaseMean[i] > 0)) continue;
    total += phaseWork[i];
    if (phaseMean[i] < lo) lo = phaseMean[i];
    if (phaseMean[i] > hi) hi = phaseMean[i];
  }
  fd1 = NaN;
  fd2 = NaN;
  fd3 = NaN;
  if (!(total > 0)) return;
  const split = Math.sqrt(lo * hi);
  let wf = 0;
  let mf = 0;
  let ws = 0;
  let msum = 0;
  for (let i = 0; i < phases; i++) {
    if (!(phaseWork[i] > 0) || !(phaseMean[i] > 0)) continue;
    const w = phaseWork[i] / total;
    if (hi > lo * (1 + 1e-9) && phaseMean[i] >= split) {
      ws += w;
      msum += w * phaseMean[i];
    } else {
      wf += w;
      mf += w * phaseMean[i];
    }
  }
  const n = Math.max(1, Math.round(c));
  if (!(ws > 0) || !(wf > 0)) {
    // One group: the minimum of c exponentials.
    const m = (wf > 0 ? mf / wf : msum / ws) / n;
    fd1 = m;
    fd2 = 2 * m * m;
    fd3 = 6 * m * m * m;
    return;
  }
  const a = wf / mf; // rate of the fast group
  const b = ws / msum; // rate of the slow group
  // Binomial weights P(i of the n servers are in the fast group), by the
  // ratio recurrence; in logs when ws^n would underflow (n·ln ws < -700,
  // which needs ws < 1e-3 or n > 100: the log is taken only then).
  const logs = (ws < 1e-3 || n > 100) && n * -Math.log(ws) > 700;
  const lr = logs ? Math.log(wf / ws) : 0;
  let lw = logs ? n * Math.log(ws) : 0;
  // ws·ws for two servers (the app tier's default), which is what Math.pow
  // returns for an exponent of 2 (fdlibm's special case), without the call.
  let w = logs ? 0 : n === 2 ? ws * ws : Math.pow(ws, n);
  const r = wf / ws;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i <= n; i++) {
    if (logs) w = Math.exp(lw);
    const rate = i * a + (n - i) * b;
    m1 += w / rate;
    m2 += (2 * w) / (rate * rate);
    m3 += (6 * w) / (rate * rate * rate);
    if (logs) lw += Math.log((n - i) / (i + 1)) + lr;
    else w *= ((n - i) / (i + 1)) * r;
  }
  fd1 = m1;
  fd2 = m2;
  fd3 = m3;
}

/** The conditional wait's phases (MODEL-NOTES, the wait): the fast phase's probability and rate, the slow phase's rate. */
export interface WaitFit {
  p1: number;
  theta1: number;
  theta2: number;
}
const fit: WaitFit = { p1: 1, theta1: 0, theta2: 0 };

/**
 * Fits a two-phase hyperexponential p·Exp(θ1) + (1-p)·Exp(θ2) to a wait of
 * the given mean, squared coefficient of variation and third moment `m3`.
 * With aₖ = E[Wᵏ]/k!, the phase means are the two points of the
 * distribution with moments 1, a1, a2, a3: the roots of t² - c1·t - c0,
 * where c0 + c1·a1 = a2 and c0·a1 + c1·a2 = a3. Such a fit exists when
 * scv > 1 and a1·a3 > a2² (E[W]·E[W³] > 1.5·E[W²]²); otherwise (or when
 * the third moment is not finite) the phases get balanced means, fitted on
 * mean and scv alone. One phase (p1 = 1) when scv ≤ 1. Returns a shared
 * object, overwritten by the next call (no allocation per station). O(1).
 */
export function fitWait(mean: number, scv: number, m3: number): Readonly<WaitFit> {
  fit.p1 = 1;
  fit.theta1 = 1 / mean;
  fit.theta2 = 1 / mean;
  if (!(scv > 1 + 1e-9)) return fit;
  const a1 = mean;
  const a2 = ((1 + scv) * mean * mean) / 2;
  const a3 = m3 / 6;
  if (a3 > 0 && a3 < Infinity && a1 * a3 > a2 * a2 * (1 + 1e-9)) {
    const c1 = (a3 - a1 * a2) / (a2 - a1 * a1);
    const c0 = a2 - c1 * a1;
    const disc = Math.sqrt(Math.max(0, c1 * c1 + 4 * c0));
    const slow = (c1 + disc) / 2;
    const fast = (c1 - disc) / 2;
    const pSlow = (a1 - fast) / (slow - fast);
    if (fast > 0 && slow > fast && pSlow > 0 && pSlow < 1) {
      fit.p1 = 1 - pSlow;
      fit.theta1 = 1 / fast;
      fit.theta2 = 1 / slow;
      return fit;
    }
  }
  // Balanced means: each phase carries half the mean.
  const p1 = 0.5 * (1 + Math.sqrt((scv - 1) / (scv + 1)));
  fit.p1 = p1;
  fit.theta1 = (2 * p1) / mean;
  fit.theta2 = (2 * (1 - p1)) / mean;
  return fit;
}

/**
 * Propagation, queueing and saturation (MODEL.md §2–§3) for one workload.
 * `failedRegion` ≥ 0 takes that region down (its nodes fail whatever reaches
 * them; geo DNS routes around it). `waits` says which classes' latencies the
 * run will build (LAT_*): a station's waiting-time figures are computed only
 * where one of those classes arrives (every station with traffic for
 * LAT_ALL, which node response times need; none for LAT_NONE, for passes
 * that only read rates and utilisation). O(nodes + edges).
 */
export function forward(st: RunState, w: ResolvedWorkload, failedRegion = -1, waits: number = LAT_ALL): void {
  const net = st.net;
  clearState(st);
  st.workload = w;
  const offered = peakLoad(w);
  st.offered = offered;
  const nUsers = net.usersNodes.length;
  const arrival = st.arrival;
  if (nUsers === 0) {
    st.noEntry[STATIC] = offered.static;
    st.noEntry[READ] = offered.read;
    st.noEntry[WRITE] = offered.write;
  } else {
    for (let i = 0; i < nUsers; i++) {
      const u = net.usersNodes[i];
      arrival[u * 4 + STATIC] += offered.static / nUsers;
      arrival[u * 4 + READ] += offered.read / nUsers;
      arrival[u * 4 + WRITE] += offered.write / nUsers;
    }
  }
  // Analytics queries on the relational primaries when no warehouse takes them (docs/model.md §14.4).
  if (st.analyticsOn || w.analyticsQueriesPerHour > 0) pipeline.analyticsLoad(st, w);
  const oltpSlow = st.oltpSlow;
  const asyncShare = w.asyncShare;
  const jobMs = w.jobServiceMs;
  const pf = w.peakFactor;
  const { processed, done, failed, shed, work } = st;
  // Locals: the calls below would otherwise make every loop reload them.
  const { instances, avgInstances, utilization, saturated, servedFrac, shedFrac, svcMs, inlineJobMs, meanSvcMs, stationServers } = st;
  const { waitProb, thetaEff, waitP1, waitTheta1, waitTheta2, waitMean, waitVar } = st;
  const { topo, model: models, kindCode, region, serviceMs, slowdown, cores, capacityRps, hitRatio, limitRps, algorithm, primaryOf } = net;
  const { shards, shardSkew, standby, applyFactor, replicationFactor, autoscaled, autoscaleMin, autoscaleMax, autoscaleTarget, fedByQueue } = net;
  // Technologies with behaviour of their own (docs/model.md §14.2); neutral values elsewhere.
  const { code: sqCode, readCopies, consumerCap } = net.storesQueues;

  for (let idx = 0; idx < net.n; idx++) {
    const v = topo[idx];
    const b = v * 4;
    const a0 = arrival[b];
    const a1 = arrival[b + 1];
    const a2 = arrival[b + 2];
    const a3 = arrival[b + 3];
    const total = a0 + a1 + a2 + a3;
    const model = models[v];
    const kc = kindCode[v];
    instances[v] = autoscaled[v] ? autoscaleMin[v] : net.instances[v];
    avgInstances[v] = instances[v];
    if (model === MODEL_NONE) continue;
    if (failedRegion >= 0 && region[v] === failedRegion) {
      failed[b] += a0;
      failed[b + 1] += a1;
      failed[b + 2] += a2;
      failed[b + 3] += a3;
      servedFrac[v] = 0;
      continue;
    }
    if (model === MODEL_SOURCE) {
      processed[b] = a0;
      processed[b + 1] = a1;
      processed[b + 2] = a2;
      emit(st, v, STATIC, a0, failedRegion);
      emit(st, v, READ, a1, failedRegion);
      emit(st, v, WRITE, a2, failedRegion);
      continue;
    }
    if (model === MODEL_RATED) {
      let rho: number;
      let f: number;
      const dynamo = sqCode[v] === TB_DYNAMODB;
      if (dynamo) {
        // DynamoDB (docs/model.md §14.2): partitions for twice the peak; the
        // hottest one against its 3,000 reads / 1,000 writes a second. What it
        // cannot take is throttled (fails); the rest is served at its latency.
        const units = dynamoUnits(a1, a2 + a3);
        const parts = dynamoPartitions(units / st.peakScale);
        const hot = Math.min(1, (1 + shardSkew[v]) / parts);
        rho = units * hot;
        f = servedFraction(rho, hot, parts);
        instances[v] = Math.ceil(parts - 1e-9);
        avgInstances[v] = instances[v];
        st.hotShare[v] = hot;
      } else {
        const cap = capacityRps[v] * instances[v];
        rho = cap > 0 ? total / cap : 0;
        f = rho >= 1 ? 1 / rho : 1;
      }
      utilization[v] = rho;
      st.cpuUtilization[v] = rho;
      saturated[v] = rho >= 1 && !dynamo ? 1 : 0;
      servedFrac[v] = f;
      for (let k = 0; k < 4; k++) {
        processed[b + k] = arrival[b + k] * f;
        failed[b + k] += arrival[b + k] * (1 - f);
      }
      const p0 = processed[b];
      const p1 = processed[b + 1];
      const p2 = processed[b + 2];
      const p3 = processed[b + 3];
      if (kc === K_CDN) {
        const h = hitRatio[v];
        done[b] += p0 * h;
        emit(st, v, STATIC, p0 * (1 - h), failedRegion);
      } else if (kc === K_OBJECT_STORAGE) {
        done[b] += p0;
      } else if (kc === K_WAREHOUSE) {
        // A warehouse stores the events it ingests (docs/model.md §14.4).
        done[b + 3] += p3;
      } else if (kc === K_QUEUE) {
        done[b + 3] += p3;
        emit(st, v, JOB, p3 / pf, failedRegion);
      } else if (kc === K_NOSQL) {
        // A managed key-value store (DynamoDB) answers what it serves.
        done[b + 1] += p1;
        done[b + 2] += p2;
        done[b + 3] += p3;
      } else if (kc === K_SERVERLESS) {
        // An app tier run per invocation (docs/model.md §14.3): it answers static itself and calls on for reads and writes.
        done[b] += p0;
        emit(st, v, READ, p1, failedRegion);
        emit(st, v, WRITE, p2, failedRegion);
        if (hasRoute(net, v, JOB)) emit(st, v, JOB, p2 * asyncShare, failedRegion);
        const served = p0 + p1 + p2;
        const lat = net.latencyMs[v];
        instances[v] = served > 0 ? Math.max(1, Math.ceil(environmentsFor(served, lat) - 1e-9)) : 0;
        avgInstances[v] = environmentsFor(served / pf, lat);
        st.coldShare[v] = coldShare(served / pf);
      } else {
        let keep = 1;
        if (kc === K_LIMITER) {
          const limit = limitRps[v];
          const pt = p0 + p1 + p2 + p3;
          if (limit >= 0 && pt > limit) {
            keep = pt > 0 ? limit / pt : 1;
            shedFrac[v] = 1 - keep;
            for (let k = 0; k < 4; k++) shed[b + k] += processed[b + k] * (1 - keep);
          }
        }
        emit(st, v, STATIC, p0 * keep, failedRegion);
        emit(st, v, READ, p1 * keep, failedRegion);
        emit(st, v, WRITE, p2 * keep, failedRegion);
        emit(st, v, JOB, p3 * keep, failedRegion);
      }
      continue;
    }

    // MODEL_QUEUE: an M/M/c station per instance (a primary's work slowed by analytics scans, docs/model.md §14.4).
    const slow = slowdown[v] * oltpSlow[v];
    // A relational store's figures are per query (MODEL.md §9.2): a read
    // request makes queriesPerRead of them, a write one transaction of
    // queriesPerWrite statements (a worker's job write likewise).
    const relational = kc === K_DATABASE || kc === K_REPLICA;
    const qr = relational ? w.queriesPerRead : 1;
    const qw = relational ? w.queriesPerWrite : 1;
    const s0 = serviceMs[b] * slow;
    const s1 = serviceMs[b + 1] * slow * qr;
    const s2 = serviceMs[b + 2] * slow * qw;
    const isWorker = kc === K_WORKER;
    const s3 = isWorker ? jobMs * slow : serviceMs[b + 3] * slow * qw;
    const isApp = kc === K_APP || kc === K_SERVICE || kc === K_SERVER || kc === K_CLUSTER;
    const isDb = kc === K_DATABASE;
    const replicaReads = isDb && hasRoute(net, v, READ);
    const inline = isApp && !hasRoute(net, v, JOB);
    const inlineMs = inline ? jobMs * slow : 0;
    const rf = kc === K_NOSQL ? Math.min(replicationFactor[v], Math.max(1, net.instances[v])) : 1;
    const o0 = isApp ? a0 : 0;
    // A Cassandra read at QUORUM or ALL reads that many replicas (readCopies 1 elsewhere).
    const o1 = replicaReads ? 0 : a1 * readCopies[v];
    const o2 = a2 * rf;
    const o3 = a3 * rf;
    let lam = o0 + o1 + o2 + o3;
    let applyOps = 0;
    const primary = primaryOf[v];
    if (primary >= 0) applyOps = processed[primary * 4 + 2] + processed[primary * 4 + 3];
    const w0 = o0 * s0;
    const w1 = o1 * s1;
    const w2 = a2 * s2;
    const w3 = a3 * s3;
    const w4 = inline ? a2 * asyncShare * inlineMs : 0;
    const w5 = primary >= 0 ? applyOps * applyFactor[v] * s2 : 0;
    const w6 = (o2 - a2) * s2 + (o3 - a3) * s3;
    const wb = v * 7;
    work[wb + 0] = w0;
    work[wb + 1] = w1;
    work[wb + 2] = w2;
    work[wb + 3] = w3;
    work[wb + 4] = w4;
    work[wb + 5] = w5;
    work[wb + 6] = w6;
    // Summed in category order, from 0, as a loop over work[] would.
    let totalWork = 0 + w0 + w1 + w2 + w3 + w4 + w5 + w6;
    // Second and third moments of the service time, summed over operations
    // (ms² and ms³ per s), for the waits: each class is exponential
    // (E[S²] = 2s², E[S³] = 6s³); an inline job adds an exponential
    // jobServiceMs to asyncShare of the writes (6(x³ + x²j + xj² + j³)).
    let applyMs = 0;
    let applyM2 = 0;
    let applyM3 = 0;
    let totalM2 = 0;
    let totalM3 = 0;
    let applyM4 = 0;
    let totalM4 = 0;
    // The waits are built only where a request of a class in `waits` arrives.
    const needWaits = waits === LAT_ALL || ((a0 > 0 ? 1 : 0) | (a1 > 0 ? 2 : 0) | (a2 > 0 ? 4 : 0) | (a3 > 0 ? 8 : 0)) & waits;
    if (needWaits) {
      const writeM2 = inline ? 2 * s2 * s2 + asyncShare * (2 * s2 * inlineMs + 2 * inlineMs * inlineMs) : 2 * s2 * s2;
      applyMs = primary >= 0 ? applyFactor[v] * s2 : 0;
      applyM2 = applyOps * 2 * applyMs * applyMs;
      totalM2 = o0 * 2 * s0 * s0 + o1 * 2 * s1 * s1 + a2 * writeM2 + (o2 - a2) * 2 * s2 * s2 + o3 * 2 * s3 * s3 + applyM2;
      const writeM3 = inline ? 6 * s2 * s2 * s2 + asyncShare * 6 * (s2 * s2 * inlineMs + s2 * inlineMs * inlineMs + inlineMs * inlineMs * inlineMs) : 6 * s2 * s2 * s2;
      applyM3 = applyOps * 6 * applyMs * applyMs * applyMs;
      totalM3 = o0 * 6 * s0 * s0 * s0 + o1 * 6 * s1 * s1 * s1 + a2 * writeM3 + (o2 - a2) * 6 * s2 * s2 * s2 + o3 * 6 * s3 * s3 * s3 + applyM3;
      const q2 = s2 * s2;
      const j1 = inlineMs;
      const writeM4 = inline ? 24 * q2 * q2 + asyncShare * 24 * (q2 * s2 * j1 + q2 * j1 * j1 + s2 * j1 * j1 * j1 + j1 * j1 * j1 * j1) : 24 * q2 * q2;
      applyM4 = applyOps * 24 * applyMs * applyMs * applyMs * applyMs;
      totalM4 = o0 * 24 * s0 * s0 * s0 * s0 + o1 * 24 * s1 * s1 * s1 * s1 + a2 * writeM4 + (o2 - a2) * 24 * q2 * q2 + o3 * 24 * s3 * s3 * s3 * s3 + applyM4;
    }
    svcMs[b] = s0;
    svcMs[b + 1] = s1;
    svcMs[b + 2] = s2;
    svcMs[b + 3] = s3;
    inlineJobMs[v] = inlineMs;
    const c = cores[v];
    // Per-instance share of the load (the hottest shard or partition where data is split).
    let parts: number;
    let hot: number;
    let lamInst: number;
    let workInst: number;
    let m2Inst: number;
    let m3Inst: number;
    let m4Inst: number;
    if (isDb) {
      parts = shards[v];
      hot = Math.min(1, (1 + shardSkew[v]) / parts);
      lamInst = lam * hot;
      workInst = totalWork * hot;
      m2Inst = totalM2 * hot;
      m3Inst = totalM3 * hot;
      m4Inst = totalM4 * hot;
      instances[v] = parts;
      avgInstances[v] = parts * (1 + standby[v]);
    } else if (kc === K_REPLICA) {
      const shardCount = primary >= 0 ? shards[primary] : 1;
      const ni = Math.max(1, net.instances[v]);
      const hotShard = Math.min(1, (1 + shardSkew[v]) / shardCount);
      const applyWork = work[wb + 5];
      const readWork = totalWork - applyWork;
      lamInst = hotShard * (lam / ni + applyOps);
      workInst = hotShard * (readWork / ni + applyWork);
      m2Inst = hotShard * ((totalM2 - applyM2) / ni + applyM2);
      m3Inst = hotShard * ((totalM3 - applyM3) / ni + applyM3);
      m4Inst = hotShard * ((totalM4 - applyM4) / ni + applyM4);
      lam += applyOps * ni;
      totalWork = readWork + applyWork * ni;
      parts = shardCount * ni;
      hot = hotShard / ni;
      instances[v] = parts;
      avgInstances[v] = parts;
    } else if (kc === K_NOSQL) {
      parts = Math.max(1, net.instances[v]);
      hot = Math.min(1, (1 + shardSkew[v]) / parts);
      // A write's rf copies go to rf consecutive partitions on the ring (its
      // own and the next rf - 1), so the hottest partition's instance holds
      // a copy of a write with probability hot + (rf - 1)(1 - hot)/(parts - 1):
      // never more than once per write. Without skew that is rf/parts, every
      // copy spread evenly: `hot` per copy, as for reads.
      const hotCopy = shardSkew[v] > 0 && parts > 1 ? (hot + ((rf - 1) * (1 - hot)) / (parts - 1)) / rf : hot;
      // Reads of several replicas (Cassandra at QUORUM or ALL) spread like a write's copies.
      const kr = readCopies[v];
      const hotRead = kr > 1 && shardSkew[v] > 0 && parts > 1 ? (hot + ((kr - 1) * (1 - hot)) / (parts - 1)) / kr : hot;
      if (hotCopy === hot && hotRead === hot) {
        lamInst = lam * hot;
        workInst = totalWork * hot;
        m2Inst = totalM2 * hot;
        m3Inst = totalM3 * hot;
        m4Inst = totalM4 * hot;
      } else {
        // Reads (and any static) at the hot partition; writes and job writes per copy.
        if (hotRead === hot) {
          lamInst = (o0 + o1) * hot + (o2 + o3) * hotCopy;
          workInst = (w0 + w1) * hot + (w2 + w3 + w6) * hotCopy;
        } else {
          lamInst = o0 * hot + o1 * hotRead + (o2 + o3) * hotCopy;
          workInst = w0 * hot + w1 * hotRead + (w2 + w3 + w6) * hotCopy;
        }
        if (needWaits && hotRead === hot) {
          m2Inst = (o0 * 2 * s0 * s0 + o1 * 2 * s1 * s1) * hot + (o2 * 2 * s2 * s2 + o3 * 2 * s3 * s3) * hotCopy;
          m3Inst = (o0 * 6 * s0 * s0 * s0 + o1 * 6 * s1 * s1 * s1) * hot + (o2 * 6 * s2 * s2 * s2 + o3 * 6 * s3 * s3 * s3) * hotCopy;
          m4Inst =
            (o0 * 24 * s0 * s0 * s0 * s0 + o1 * 24 * s1 * s1 * s1 * s1) * hot + (o2 * 24 * s2 * s2 * s2 * s2 + o3 * 24 * s3 * s3 * s3 * s3) * hotCopy;
        } else if (needWaits) {
          m2Inst = o0 * 2 * s0 * s0 * hot + o1 * 2 * s1 * s1 * hotRead + (o2 * 2 * s2 * s2 + o3 * 2 * s3 * s3) * hotCopy;
          m3Inst = o0 * 6 * s0 * s0 * s0 * hot + o1 * 6 * s1 * s1 * s1 * hotRead + (o2 * 6 * s2 * s2 * s2 + o3 * 6 * s3 * s3 * s3) * hotCopy;
          m4Inst =
            o0 * 24 * s0 * s0 * s0 * s0 * hot + o1 * 24 * s1 * s1 * s1 * s1 * hotRead + (o2 * 24 * s2 * s2 * s2 * s2 + o3 * 24 * s3 * s3 * s3 * s3) * hotCopy;
        } else {
          m2Inst = 0;
          m3Inst = 0;
          m4Inst = 0;
        }
        // The hottest instance's share of the node's work (servedFraction splits the rest evenly).
        if (totalWork > 0) hot = workInst / totalWork;
      }
    } else {
      let inst = instances[v];
      if (autoscaled[v]) {
        const perInstance = c * 1000 * autoscaleTarget[v];
        const lo = autoscaleMin[v];
        const hi = autoscaleMax[v];
        inst = Math.min(hi, Math.max(lo, ceilInstances(totalWork / perInstance)));
        // Workers behind a queue already run at the average rate.
        const avgWork = isWorker && fedByQueue[v] ? totalWork : totalWork / pf;
        avgInstances[v] = Math.min(hi, Math.max(lo, ceilInstances(avgWork / perInstance)));
        instances[v] = inst;
      }
      inst = Math.max(1, inst);
      // Workers behind a Kafka topic (docs/model.md §14.2): one consumer per
      // instance and one per partition, so those beyond the partitions idle.
      inst = storesQueues.busyConsumers(inst, consumerCap[v]);
      parts = inst;
      hot = 1 / inst;
      lamInst = lam / inst;
      workInst = totalWork / inst;
      m2Inst = totalM2 / inst;
      m3Inst = totalM3 / inst;
      m4Inst = totalM4 / inst;
    }
    const rho = workInst / (c * 1000);
    // An app tier sends every answer through its network interface (MODEL.md
    // §9.2): static bytes beyond its bandwidth saturate it, whatever its cores.
    let rhoNet = 0;
    if (isApp) {
      const bytesPerSecond = (o0 * w.staticKB + (a1 + a2) * w.dynamicKB) * 1000 * hot;
      rhoNet = (bytesPerSecond * 8) / (net.bandwidthGbps[v] * 1e9);
    }
    st.netUtilization[v] = rhoNet;
    const rhoMax = rhoNet > rho ? rhoNet : rho;
    utilization[v] = rhoMax;
    st.cpuUtilization[v] = rho;
    st.hotShare[v] = hot;
    const f = servedFraction(rhoMax, hot, parts);
    servedFrac[v] = f;
    saturated[v] = rhoMax >= 1 ? 1 : 0;
    if (lamInst > 0) meanSvcMs[v] = workInst / lamInst;
    stationServers[v] = c;
    // Waits are skipped where no class of `waits` arrives (none at all for region checks and bisection).
    if (needWaits && rhoMax < 1 && lamInst > 0 && workInst > 0) {
      const sbar = workInst / lamInst;
      const even = !isDb && kc !== K_REPLICA && kc !== K_NOSQL;
      const alg = algorithm[v];
      const pooled = even && alg === ALG_LEAST_CONNECTIONS;
      const cEff = pooled ? c * parts : c;
      const lamEff = pooled ? lamInst * parts : lamInst;
      const a = (lamEff * sbar) / 1000;
      const pw = erlangC(cEff, a);
      // The conditional wait (the wait of a request that waits; it waits with
      // probability C, Erlang C). Its mean is the Allen–Cunneen answer, the
      // M/M/c wait times (c_a² + c_s²)/2, with c_a² = 1/n for round-robin over
      // n instances (E_n arrivals) and c_s² of the class mix (1 for one
      // exponential class), except that the wait for the first of the c
      // servers to free up is the minimum of c residual services rather than
      // one residual divided by c: the two agree for exponential service and
      // for one server (Pollaczek–Khinchine, exact), and the difference
      // vanishes in heavy traffic, where Allen–Cunneen is exact. For a mix of
      // short requests and long jobs on several servers the minimum is much
      // shorter (MODEL-NOTES, checked against the simulation).
      const es = sbar;
      const es2 = m2Inst / lamInst;
      const es3 = m3Inst / lamInst;
      const u = Math.min(rho, 1 - 1e-12);
      const cs2 = Math.max(0, es2 / (es * es) - 1);
      // Round-robin: an instance sees every N-th arrival of its balancer, N = every instance the balancer cycles over.
      const ca2 = even && alg === ALG_ROUND_ROBIN ? 1 / (parts * net.rrSpread[v]) : 1;
      // Residual service Se: E[Se] = E[S²]/2E[S], E[Se²] = E[S³]/3E[S].
      const e1 = es2 / (2 * es);
      const e2 = es3 / (3 * es);
      const e3 = m4Inst / lamInst / (4 * es);
      // Phases of the station's service, with the work each carries per instance.
      const qi = inline ? asyncShare : 0;
      const readShare = kc === K_REPLICA ? 1 / Math.max(1, net.instances[v]) : 1;
      phaseMean[0] = s0;
      phaseWork[0] = o0 * s0 * readShare;
      phaseMean[1] = s1;
      phaseWork[1] = o1 * s1 * readShare;
      phaseMean[2] = s2;
      phaseWork[2] = (a2 * (1 - qi) + (o2 - a2)) * s2 * readShare;
      phaseMean[3] = s2 + inlineMs;
      phaseWork[3] = a2 * qi * (s2 + inlineMs) * readShare;
      phaseMean[4] = s3;
      phaseWork[4] = o3 * s3 * readShare;
      phaseMean[5] = applyMs;
      phaseWork[5] = applyOps * applyMs;
      if (cEff <= 1) {
        // One server: the residual itself (Pollaczek–Khinchine, exact).
        fd1 = e1;
        fd2 = e2;
        fd3 = e3;
      } else firstDeparture(cEff, 6);
      // W | W > 0 = D1 + (number ahead, geometric with mean u/(1-u)) residuals of the c servers as one.
      const meanPoisson = fd1 + (u / (1 - u)) * (e1 / cEff);
      const varSe = Math.max(0, e2 - e1 * e1) / (cEff * cEff);
      const varPoisson = Math.max(0, fd2 - fd1 * fd1) + (u / (1 - u)) * varSe + (u / ((1 - u) * (1 - u))) * (e1 / cEff) * (e1 / cEff);
      let mean = meanPoisson * ((ca2 + cs2) / (1 + cs2));
      let scv = meanPoisson > 0 ? varPoisson / (meanPoisson * meanPoisson) : 1;
      if (!(mean > 0 && mean < Infinity && scv < Infinity)) {
        // Moments that under- or overflow (service times near 0): plain M/M/c with the arrival factor.
        mean = (ca2 + 1) / 2 / (cEff / sbar - lamEff / 1000);
        if (!(mean >= 0 && mean < Infinity)) mean = 0;
        scv = 1;
      }
      const thetaE = 1 / mean;
      waitProb[v] = pw;
      thetaEff[v] = thetaE;
      // The wait's shape: a two-phase hyperexponential (a fast and a slow
      // phase) fitted on the wait's first three moments where they admit one,
      // so that "mostly a short wait, rarely a long one" (short requests
      // beside long jobs) keeps its shape; else balanced means on two.
      // Third moment: D1 plus a geometric number (mean n1) of residuals of
      // the c servers as one (R = Se/c), scaled like the mean.
      const n1 = u / (1 - u);
      const r1 = e1 / cEff;
      const r2 = e2 / (cEff * cEff);
      const r3 = e3 / (cEff * cEff * cEff);
      const g1 = n1 * r1;
      const g2 = n1 * r2 + 2 * n1 * n1 * r1 * r1;
      const g3 = n1 * r3 + 6 * n1 * n1 * r1 * r2 + 6 * n1 * n1 * n1 * r1 * r1 * r1;
      const w1 = fd1 + g1;
      const w3 = fd3 + 3 * fd2 * g1 + 3 * fd1 * g2 + g3;
      const kappa = w1 > 0 ? mean / w1 : 0;
      const shape = fitWait(mean, scv, w3 * kappa * kappa * kappa);
      waitP1[v] = shape.p1;
      waitTheta1[v] = shape.theta1;
      waitTheta2[v] = shape.theta2;
      const s2w = Math.max(1, scv);
      waitMean[v] = pw * mean;
      waitVar[v] = pw * (1 + s2w) * mean * mean - pw * pw * mean * mean;
      stationServers[v] = cEff;
    }
    // Handled traffic and where it goes.
    for (let k = 0; k < 4; k++) {
      const a = arrival[b + k];
      const pass = k === READ && replicaReads;
      const p = pass ? a : a * f;
      processed[b + k] = p;
      if (!pass) failed[b + k] += a - p;
    }
    const p0 = processed[b];
    const p1 = processed[b + 1];
    const p2 = processed[b + 2];
    const p3 = processed[b + 3];
    if (isApp) {
      if (kc === K_SERVER) {
        done[b] += p0;
        done[b + 1] += p1;
        done[b + 2] += p2;
      } else {
        done[b] += p0;
        emit(st, v, READ, p1, failedRegion);
        emit(st, v, WRITE, p2, failedRegion);
      }
      if (!inline) emit(st, v, JOB, p2 * asyncShare, failedRegion);
    } else if (isWorker || kc === K_STREAM) {
      if (hasRoute(net, v, JOB)) emit(st, v, JOB, p3, failedRegion);
      else done[b + 3] += p3;
    } else if (kc === K_CACHE) {
      const h = hitRatio[v];
      done[b + 1] += p1 * h;
      emit(st, v, READ, p1 * (1 - h), failedRegion);
    } else if (isDb) {
      if (replicaReads) emit(st, v, READ, p1, failedRegion);
      else done[b + 1] += p1;
      done[b + 2] += p2;
      done[b + 3] += p3;
    } else {
      for (let k = 0; k < 4; k++) done[b + k] += processed[b + k];
    }
  }
}

/** Data placement and storage limits (MODEL.md §2.1 maxStorageGB, §5 storage). */
function placeData(st: RunState) {
  const net = st.net;
  const w = st.workload;
  const dataGB = (w.users * w.dataPerUserMB) / 1000;
  st.storageGB.fill(0);
  const stores: number[] = [];
  for (let v = 0; v < net.n; v++) if (net.kindCode[v] === K_DATABASE || net.kindCode[v] === K_NOSQL) stores.push(v);
  let holders = stores;
  if (holders.length === 0) {
    holders = [];
    for (let v = 0; v < net.n; v++) if (net.kindCode[v] === K_SERVER) holders.push(v);
  }
  if (holders.length === 0) {
    for (let v = 0; v < net.n; v++) if (net.kindCode[v] === K_OBJECT_STORAGE) holders.push(v);
  }
  if (holders.length === 0 || dataGB <= 0) return;
  // Each region that holds data holds a whole copy of it (MODEL.md §9.3:
  // a region that serves users keeps a copy of the data), split over that
  // region's stores; with one region, that is all of it.
  const byRegion = new Map<number, number[]>();
  for (const v of holders) {
    const r = net.region[v];
    const list = byRegion.get(r);
    if (list) list.push(v);
    else byRegion.set(r, [v]);
  }
  for (const group of byRegion.values()) splitData(st, group, dataGB);
  for (let v = 0; v < net.n; v++) {
    const kc = net.kindCode[v];
    const max = net.maxStorageGB[v];
    if (kc === K_REPLICA && net.primaryOf[v] >= 0) st.storageGB[v] = st.storageGB[net.primaryOf[v]];
    if (max <= 0) continue;
    let perInstance = 0;
    if (kc === K_DATABASE) perInstance = st.storageGB[v] / net.shards[v];
    else if (kc === K_NOSQL) {
      const rf = Math.min(net.replicationFactor[v], Math.max(1, net.instances[v]));
      perInstance = (st.storageGB[v] * rf) / Math.max(1, net.instances[v]);
    } else if (kc === K_SERVER) perInstance = st.storageGB[v];
    if (perInstance > max * (1 + 1e-12)) st.storageFull[v] = 1;
  }
}

/**
 * Memory and disk of relational stores (MODEL.md §9.2). Each instance's
 * buffer pool (a share of its RAM) holds the hottest pages of its data; page
 * popularity is Zipf with exponent α, so the pool answers
 * H = (C^(1−α) − 1) / (N^(1−α) − 1) of page reads (C pages in the pool, N in
 * the data; the ideal cache of SOURCES.md §6). A query that misses reads one
 * page from storage; every write statement writes one. The hottest
 * instance's storage operations against its volume's IOPS (gp3: 3,000, or
 * 12,000 striped at 400 GiB and more) is a second utilisation: above 100% the
 * instance saturates like any other; below it, each miss costs a storage read
 * that waits longer as the volume gets busy (× 1/(1 − ρ_io)).
 */
function storageIo(st: RunState) {
  const net = st.net;
  const w = st.workload;
  const S = STORAGE;
  const alpha = S.zipfAlpha.value;
  const pageGB = S.pageKB.value / 1e6;
  st.ioMs.fill(0);
  st.ioUtilization.fill(0);
  for (let v = 0; v < net.n; v++) {
    const kc = net.kindCode[v];
    if (kc !== K_DATABASE && kc !== K_REPLICA) continue;
    const b = v * 4;
    const primary = net.primaryOf[v];
    const shardsOf = kc === K_DATABASE ? net.shards[v] : primary >= 0 ? net.shards[primary] : 1;
    const dataGB = (kc === K_REPLICA && primary >= 0 ? st.storageGB[primary] : st.storageGB[v]) / Math.max(1, shardsOf);
    const bufferGB = net.cores[v] * S.memoryGBPerCore.value * S.bufferShare.value;
    let hit = 1;
    if (dataGB > bufferGB && dataGB > 0) {
      const n = dataGB / pageGB;
      const c = Math.max(1, bufferGB / pageGB);
      hit = (Math.pow(c, 1 - alpha) - 1) / (Math.pow(n, 1 - alpha) - 1);
      hit = Math.max(0, Math.min(1, hit));
    }
    st.bufferHit[v] = hit;
    const replicaReads = kc === K_DATABASE && hasRoute(net, v, READ);
    const reads = replicaReads ? 0 : st.processed[b + READ];
    const writes = st.processed[b + WRITE] + st.processed[b + JOB];
    const apply = primary >= 0 ? st.processed[primary * 4 + WRITE] + st.processed[primary * 4 + JOB] : 0;
    const qr = w.queriesPerRead;
    const qw = w.queriesPerWrite;
    // Per instance: the hottest instance's share of reads; a replica instance replays its shard's whole stream.
    const hot = st.hotShare[v] > 0 ? st.hotShare[v] : 1;
    let ops: number;
    if (kc === K_REPLICA) {
      const ni = Math.max(1, net.instances[v]);
      const hotShard = hot * ni;
      // An Aurora replica reads the primary's volume: its replay writes nothing (docs/model.md §14.1).
      ops = hot * reads * qr * (1 - hit) + (net.sharedStorage[v] ? 0 : hotShard * apply * qw);
    } else ops = hot * (reads * qr * (1 - hit) + writes * qw);
    const striped = dataGB >= S.stripedFromGB.value;
    const limit = striped ? S.iopsStriped.value : S.iopsBaseline.value;
    // An analytics scan takes its share of the volume's throughput (docs/model.md §14.4; 0 without analytics).
    const rho = (limit > 0 ? ops / limit : 0) + st.analyticsIo[v];
    st.iops[v] = ops;
    st.iopsLimit[v] = limit;
    st.ioUtilization[v] = rho;
    const missMs = S.storageReadMs.value / (1 - Math.min(rho, 0.99));
    st.ioMs[b + READ] = qr * (1 - hit) * missMs;
    if (rho > st.utilization[v]) {
      st.utilization[v] = rho;
      if (rho >= 1 && !st.saturated[v]) {
        // Storage saturates the instance: it serves what its volume allows; the rest fails.
        st.saturated[v] = 1;
        const f = servedFraction(rho, hot, kc === K_REPLICA ? shardsOf * Math.max(1, net.instances[v]) : shardsOf);
        st.servedFrac[v] = f;
        for (let k = 0; k < 4; k++) {
          if (k === READ && replicaReads) continue;
          const lost = st.processed[b + k] * (1 - f);
          st.processed[b + k] -= lost;
          st.done[b + k] = Math.max(0, st.done[b + k] - lost);
          st.failed[b + k] += lost;
        }
      }
    }
  }
}

/** Splits `dataGB` over `holders` in proportion to the writes each takes (evenly over the busy ones when none write). */
function splitData(st: RunState, holders: number[], dataGB: number) {
  let sum = 0;
  for (const v of holders) sum += st.processed[v * 4 + WRITE] + st.processed[v * 4 + JOB];
  if (sum > 0) {
    for (const v of holders) st.storageGB[v] = (dataGB * (st.processed[v * 4 + WRITE] + st.processed[v * 4 + JOB])) / sum;
    return;
  }
  let active = 0;
  for (const v of holders) if (st.arrival[v * 4 + READ] + st.arrival[v * 4 + STATIC] > 0) active++;
  for (const v of holders) {
    const busy = st.arrival[v * 4 + READ] + st.arrival[v * 4 + STATIC] > 0;
    if (active === 0) st.storageGB[v] = dataGB / holders.length;
    else if (busy) st.storageGB[v] = dataGB / active;
  }
}

/** Data placement and the storage pass (memory and disk) after a forward pass, for the simulation. */
export function placeAndStore(st: RunState): void {
  placeData(st);
  storageIo(st);
}

/** Backlog that builds in each queue over the peak hour, and its drain time (MODEL.md §2.1). */
function queueBacklogs(st: RunState) {
  const net = st.net;
  const w = st.workload;
  st.backlogJobs.fill(0);
  st.drainSeconds.fill(0);
  st.workerCapacityRps.fill(0);
  for (let v = 0; v < net.n; v++) {
    if (net.kinds[v] !== 'queue') continue;
    const peak = st.processed[v * 4 + JOB];
    let capacity = 0;
    const b = v * 4 + JOB;
    for (let i = net.routeStart[b]; i < net.routeStart[b + 1]; i++) capacity += pipeline.consumerCapacityRps(st, net.routeTarget[i]);
    st.workerCapacityRps[v] = Math.min(capacity, Number.MAX_VALUE);
    if (capacity >= peak || peak <= 0) continue;
    const lag = pipeline.backlogOverPeak(peak, capacity, w.peakFactor);
    st.backlogJobs[v] = lag.backlog;
    st.drainSeconds[v] = lag.drainSeconds;
  }
}

/** P(at least k of n independent instances up), each up with probability p. */
export function kOfN(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p >= 1) return 1;
  if (p <= 0) return 0;
  const q = 1 - p;
  if (k === n) return Math.pow(p, n);
  if (k === 1) return 1 - Math.pow(q, n);
  // P(fail) = Σ_{i<k} C(n,i) p^i q^(n-i): the largest term (i = k-1) from logs,
  // the rest by the ratio term(i-1)/term(i) = i·q / ((n-i+1)·p), stopping once negligible.
  let term = Math.exp(lnGamma(n + 1) - lnGamma(k) - lnGamma(n - k + 2) + (k - 1) * Math.log(p) + (n - k + 1) * Math.log(q));
  let fail = term;
  for (let i = k - 1; i > 0; i--) {
    term *= (i * q) / ((n - i + 1) * p);
    fail += term;
    if (term < fail * 1e-17) break;
  }
  return Math.max(0, Math.min(1, 1 - fail));
}

/**
 * Availability of one instance at node v (MODEL.md §9.3): MTBF / (MTBF +
 * time to detect + time to restore). Detection takes about 30 min without
 * monitoring (a user reports it), 2 min with it. Restore: a lone database or a
 * `server` (which holds the data) from backup in 4 h; a stateless instance
 * behind a health-checking splitter or in an autoscaling group is replaced
 * automatically in 10 min; anything else by hand in 1 h.
 */
function instanceAvailability(net: CompiledNetwork, v: number): number {
  const o = net.availabilityOverride[v];
  if (!Number.isNaN(o)) return o;
  const fig = net.specs[v].defaults.availability.value;
  if (fig.type === 'managed') return fig.availability;
  if (fig.type === 'none') return 1;
  return fig.mtbfHours / (fig.mtbfHours + repairHours(net, v));
}

/** Detect + restore for one failed instance of node v, hours (MODEL.md §9.3). */
export function repairHours(net: CompiledNetwork, v: number): number {
  const detect = net.hasMonitoring ? NETWORK.detectMonitoredHours.value : NETWORK.detectHours.value;
  const kc = net.kindCode[v];
  let restore: number;
  if (kc === K_DATABASE || kc === K_SERVER) restore = NETWORK.restoreFromBackupHours.value;
  else if ((net.behindSplitter[v] && kc !== K_REPLICA && kc !== K_NOSQL) || net.autoscaled[v]) restore = NETWORK.restoreAutomaticHours.value;
  else restore = NETWORK.restoreByHandHours.value;
  return detect + restore;
}

/** Share of the day an app tier that cannot roll deploys is down for them (MODEL.md §9.3). */
export function deployDowntime(w: ResolvedWorkload): number {
  return Math.min(1, Math.max(0, (w.deploysPerDay * NETWORK.deployDowntimeMinutes.value) / (24 * 60)));
}

/** How availability finds a node's figure (AV_*), per node; see `availability`. */
const AV_ALWAYS = 0;
const AV_MANAGED = 1;
const AV_DATABASE = 2;
const AV_NOSQL = 3;
const AV_INSTANCES = 4;

/** Per-network constants of the availability pass, computed once per compiled network. */
interface AvailabilityConstants {
  instance: Float64Array;
  /** AV_* per node: up (source, none), managed, database, nosql quorum, or k of n instances. */
  rule: Uint8Array;
  /** A database's availability with failover to its standby or a replica. */
  failover: Float64Array;
  gN: Float64Array;
  gK: Float64Array;
  gP: Float64Array;
  gA: Float64Array;
}
const availabilityCache = new WeakMap<CompiledNetwork, AvailabilityConstants>();

function availabilityConstants(net: CompiledNetwork): AvailabilityConstants {
  let c = availabilityCache.get(net);
  if (!c) {
    const instance = new Float64Array(net.n);
    const rule = new Uint8Array(net.n);
    const failover = new Float64Array(net.n);
    for (let v = 0; v < net.n; v++) {
      const a = instanceAvailability(net, v);
      const spec = net.specs[v];
      const kind = net.kinds[v];
      instance[v] = a;
      if (spec.model === 'source' || spec.model === 'none') rule[v] = AV_ALWAYS;
      else if (spec.managed) rule[v] = AV_MANAGED;
      else if (kind === 'database') {
        rule[v] = AV_DATABASE;
        const fig = spec.defaults.availability.value;
        const o = net.availabilityOverride[v];
        failover[v] = !Number.isNaN(o)
          ? 1 - (1 - o) * (1 - o)
          : fig.type === 'instance'
            ? fig.mtbfHours / (fig.mtbfHours + net.failoverHours[v])
            : a;
      } else if (kind === 'nosql' || net.storesQueues.quorumNeed[v] > 0) rule[v] = AV_NOSQL;
      else rule[v] = AV_INSTANCES;
    }
    const g = net.groupCount;
    c = { instance, rule, failover, gN: new Float64Array(g), gK: new Float64Array(g), gP: new Float64Array(g), gA: new Float64Array(g) };
    availabilityCache.set(net, c);
  }
  return c;
}

/** Node and group availability, k-of-n, SPOFs (MODEL.md §4). */
function availability(st: RunState) {
  const net = st.net;
  const n = net.n;
  const constants = availabilityConstants(net);
  const { gN, gK, gP, rule } = constants;
  gN.fill(0);
  gK.fill(0);
  gP.fill(0);
  st.spof.fill(0);
  const { needed, have, nodeAvailability } = st;
  for (let v = 0; v < n; v++) {
    const a = constants.instance[v];
    needed[v] = 0;
    have[v] = 0;
    const r = rule[v];
    if (r === AV_ALWAYS) {
      nodeAvailability[v] = 1;
      continue;
    }
    if (r === AV_MANAGED) {
      nodeAvailability[v] = a;
      continue;
    }
    if (r === AV_DATABASE) {
      if (net.failover[v]) {
        nodeAvailability[v] = constants.failover[v];
        needed[v] = 1;
        have[v] = 2;
      } else {
        nodeAvailability[v] = a;
        needed[v] = 1;
        have[v] = 1;
      }
      continue;
    }
    if (r === AV_NOSQL) {
      // k of n replicas: a majority, or what a technology says (Cassandra's
      // consistency level, a Kafka partition's or a quorum queue's 2 of 3; docs/model.md §14.2).
      const held = net.storesQueues.quorumHeld[v];
      const rf = held > 0 ? held : Math.min(net.replicationFactor[v], Math.max(1, net.instances[v]));
      const need = net.storesQueues.quorumNeed[v];
      const q = need > 0 ? need : Math.floor(rf / 2) + 1;
      nodeAvailability[v] = kOfN(q, rf, a);
      needed[v] = q;
      have[v] = rf;
      continue;
    }
    // Instances per shard for a replica; all instances otherwise.
    const per = net.kindCode[v] === K_REPLICA ? Math.max(1, net.instances[v]) : Math.max(1, st.instances[v]);
    // A replica's replay of the write stream does not shrink when a sibling
    // fails (MODEL.md §9.3): only its read work moves to the survivors.
    let loadInInstances = st.utilization[v] * per;
    if (net.kindCode[v] === K_REPLICA && per > 1) {
      const wb = v * NWORK;
      let total = 0;
      for (let c = 0; c < NWORK; c++) total += st.work[wb + c];
      const applyShare = total > 0 ? st.work[wb + WORK_APPLY] / total : 0;
      const u = st.utilization[v];
      // Survivors each replay the whole stream: need k with u·(1-a)·per/k + u·a ≤ 1.
      const readPart = u * (1 - applyShare) * per;
      const applyPart = u * applyShare;
      loadInInstances = applyPart >= 1 ? per + 1 : readPart / Math.max(1e-12, 1 - applyPart);
    }
    const k = Math.min(per, Math.max(1, ceilInstances(loadInInstances)));
    needed[v] = k;
    have[v] = per;
    if (!net.behindSplitter[v]) {
      // Nothing routes around a failed instance: each fails its own share
      // of requests (MODEL.md §9.3), so the node is as available as one instance.
      nodeAvailability[v] = a;
      needed[v] = per;
      continue;
    }
    const g = net.groupOf[v];
    if (g >= 0) {
      gN[g] += per;
      gK[g] += Math.min(per, loadInInstances);
      gP[g] += a * per;
    }
    nodeAvailability[v] = kOfN(k, per, a);
  }
  if (net.groupCount > 0) {
    const gA = constants.gA.fill(-1);
    for (let v = 0; v < n; v++) {
      const g = net.groupOf[v];
      if (g < 0 || have[v] === 0 || net.kindCode[v] === K_DATABASE || net.kindCode[v] === K_NOSQL) continue;
      const pooledN = gN[g];
      const pooledK = Math.min(pooledN, Math.max(1, ceilInstances(gK[g])));
      if (gA[g] < 0) gA[g] = kOfN(pooledK, pooledN, gP[g] / pooledN);
      nodeAvailability[v] = gA[g];
      needed[v] = pooledK;
      have[v] = pooledN;
    }
  }
  // Deploys (MODEL.md §9.3): an app tier that cannot roll them is down for each.
  const down = deployDowntime(st.workload);
  if (down > 0) for (let v = 0; v < n; v++) if (net.deployDown[v] && rule[v] === AV_INSTANCES) nodeAvailability[v] *= 1 - down;
  const { arrival, spof } = st;
  const syncJob = net.syncJob;
  // A cache whose store can carry the misses a failed cache instance adds is
  // not a point of failure (MODEL.md §9.3): when it fails, its keys miss and
  // reads slow down, but they succeed. (A one-instance cache: all its hits.)
  st.cacheFallback.fill(0);
  for (let v = 0; v < n; v++) {
    if (net.kindCode[v] !== K_CACHE || !(st.processed[v * 4 + READ] > 0)) continue;
    const hits = (st.processed[v * 4 + READ] * net.hitRatio[v]) / Math.max(1, st.instances[v]);
    let ok = true;
    let any = false;
    const rb = v * 4 + READ;
    for (let i = net.routeStart[rb]; i < net.routeStart[rb + 1]; i++) {
      const t = net.routeTarget[i];
      any = true;
      // A primary passes reads on to its replicas: they are what must carry the misses.
      const tb = t * 4 + READ;
      const carriers = net.kindCode[t] === K_DATABASE && net.routeStart[tb + 1] > net.routeStart[tb] ? net.routeStart[tb + 1] - net.routeStart[tb] : 0;
      for (let j = 0; j < Math.max(1, carriers); j++) {
        const c = carriers > 0 ? net.routeTarget[net.routeStart[tb] + j] : t;
        const frac = carriers > 0 ? net.routeFrac[net.routeStart[tb] + j] : 1;
        const extra = hits * net.routeFrac[i] * frac * (st.svcMs[c * 4 + READ] + 0);
        const cap = net.cores[c] * 1000 * Math.max(1, st.instances[c]);
        if (!(cap > 0) || st.cpuUtilization[c] + extra / cap >= 1) ok = false;
      }
    }
    if (any && ok) {
      st.cacheFallback[v] = 1;
      nodeAvailability[v] = 1;
    }
  }
  for (let v = 0; v < n; v++) {
    // User-facing: a user class arrives, or jobs a request waits for (no queue in between).
    const user = arrival[v * 4] + arrival[v * 4 + 1] + arrival[v * 4 + 2] > 0 || (syncJob[v] === 1 && arrival[v * 4 + 3] > 0);
    if (user && have[v] > 0 && have[v] - needed[v] < 1 && !st.cacheFallback[v]) spof[v] = 1;
  }
}

// ---------------------------------------------------------------------------
// Path mixtures (MODEL.md §3, end-to-end latency)

interface Scratch {
  aW: Float64Array;
  aM: Float64Array;
  aV: Float64Array;
  bW: Float64Array;
  bM: Float64Array;
  bV: Float64Array;
  cW: Float64Array;
  cM: Float64Array;
  cV: Float64Array;
  binW: Float64Array;
  binM: Float64Array;
  binS: Float64Array;
}

function makeScratch(size: number): Scratch {
  const f = () => new Float64Array(size);
  return {
    aW: f(),
    aM: f(),
    aV: f(),
    bW: f(),
    bM: f(),
    bV: f(),
    cW: f(),
    cM: f(),
    cV: f(),
    binW: new Float64Array(MIX_MAX),
    binM: new Float64Array(MIX_MAX),
    binS: new Float64Array(MIX_MAX),
  };
}
let scratch = makeScratch(256);
function ensureScratch(size: number) {
  if (scratch.aW.length < size) scratch = makeScratch(Math.max(size, scratch.aW.length * 2));
}

/**
 * Writes the non-empty bins (total weight times `keep`, mean, variance) to
 * W/M/V from `base`; returns how many. With `drop`, a bin whose weight times
 * `keep` is not positive is left out too.
 */
function writeBins(W: Float64Array, M: Float64Array, V: Float64Array, base: number, keep: number, drop: boolean): number {
  const { binW, binM, binS } = scratch;
  let out = 0;
  for (let j = 0; j < MIX_MAX; j++) {
    if (binW[j] <= 0) continue;
    const wgt = binW[j] * keep;
    if (drop && !(wgt > 0)) continue;
    const mean = binM[j] / binW[j];
    W[base + out] = wgt;
    M[base + out] = mean;
    V[base + out] = Math.max(0, binS[j] / binW[j] - mean * mean);
    out++;
  }
  return out;
}

/**
 * Log-spaced bin edges between `min` and `max` (component means): bin j holds
 * the means m with log(m + 1e-3) in [lo + j·width, lo + (j+1)·width), where
 * lo and hi are the logs of the smallest and largest mean, and width is a
 * tenth of the range. The edges are kept as means (exp of the log edges), so
 * a component finds its bin by comparison: two logs and nine exponentials per
 * merge instead of a log per component. Returns false when every mean falls
 * in one bin (zero width).
 */
const binEdge = new Float64Array(MIX_MAX);
function setBinEdges(min: number, max: number): boolean {
  const lo = Math.log(min + 1e-3);
  const width = (Math.log(max + 1e-3) - lo) / MIX_MAX;
  if (!(width > 0)) return false;
  binEdge[0] = -Infinity;
  for (let j = 1; j < MIX_MAX; j++) binEdge[j] = Math.exp(lo + j * width) - 1e-3;
  return true;
}

/** The bin of mean `m` (edges from `setBinEdges`), searching from bin `j` (the previous component's, as means mostly ascend). */
function binOf(m: number, j: number): number {
  const E = binEdge;
  while (m < E[j]) j--;
  while (j < MIX_MAX - 1 && m >= E[j + 1]) j++;
  return j;
}

/**
 * Merges a mixture down to at most MIX_MAX components: components fall into
 * MIX_MAX log-spaced bins by mean and each bin keeps its total weight, mean
 * and second moment. Returns the new count. Deterministic, O(m).
 */
export function compressMixture(W: Float64Array, M: Float64Array, V: Float64Array, m: number): number {
  if (m <= MIX_MAX) return m;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < m; i++) {
    if (W[i] <= 0) continue;
    const x = M[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const { binW, binM, binS } = scratch;
  binW.fill(0);
  binM.fill(0);
  binS.fill(0);
  const spread = setBinEdges(min, max);
  let bin = 0;
  for (let i = 0; i < m; i++) {
    const wi = W[i];
    if (wi <= 0) continue;
    const mi = M[i];
    if (spread) bin = binOf(mi, bin);
    binW[bin] += wi;
    binM[bin] += wi * mi;
    binS[bin] += wi * (V[i] + mi * mi);
  }
  return writeBins(W, M, V, 0, 1, false);
}

// Results of liveExtremes.
let extMin = 0;
let extMax = 0;
let extLight = 0;

/** The smallest and largest mean and the lightest weight among the components of positive weight, into extMin, extMax, extLight (±Infinity when none). */
function liveExtremes(W: Float64Array, M: Float64Array, n: number): void {
  let min = Infinity;
  let max = -Infinity;
  let light = Infinity;
  for (let i = 0; i < n; i++) {
    const w = W[i];
    if (!(w > 0)) continue;
    if (w < light) light = w;
    if (M[i] < min) min = M[i];
    if (M[i] > max) max = M[i];
  }
  extMin = min;
  extMax = max;
  extLight = light;
}

/**
 * Convolves mixture `a` (an components) with `b` (bn), compressed to
 * MIX_MAX: exactly `compressMixture` applied to the an × bn products (same
 * products, same order, same bins), without writing the products out.
 * Returns the new count. The result replaces `a` (S.aW/aM/aV, which may
 * swap with S.cW/cM/cV), or with `final` goes to W/M/V from `base`, every
 * weight times `keep` and the components of no positive weight left out:
 * the node's own mixture, written once.
 */
function convolve(S: Scratch, an: number, bn: number, final: boolean, W: Float64Array, M: Float64Array, V: Float64Array, base: number, keep: number): number {
  const { aW, aM, aV, bW, bM, bV } = S;
  const m = an * bn;
  if (m <= MIX_MAX) {
    if (final) {
      let out = 0;
      for (let x = 0; x < an; x++) {
        for (let y = 0; y < bn; y++) {
          const wgt = aW[x] * bW[y] * keep;
          if (!(wgt > 0)) continue;
          W[base + out] = wgt;
          M[base + out] = aM[x] + bM[y];
          V[base + out] = aV[x] + bV[y];
          out++;
        }
      }
      return out;
    }
    const { cW, cM, cV } = S;
    let cn = 0;
    for (let x = 0; x < an; x++) {
      for (let y = 0; y < bn; y++) {
        cW[cn] = aW[x] * bW[y];
        cM[cn] = aM[x] + bM[y];
        cV[cn] = aV[x] + bV[y];
        cn++;
      }
    }
    // The products become `a`: swap the buffers rather than copy.
    S.aW = cW;
    S.aM = cM;
    S.aV = cV;
    S.cW = aW;
    S.cM = aM;
    S.cV = aV;
    return cn;
  }
  // The extreme means of the live products (positive weight): the sums of
  // each side's extremes, unless a product of two positive weights underflows,
  // which only a scan of the products can tell apart.
  liveExtremes(aW, aM, an);
  const minA = extMin;
  const maxA = extMax;
  const lightA = extLight;
  liveExtremes(bW, bM, bn);
  const minB = extMin;
  const maxB = extMax;
  const lightB = extLight;
  let min = minA + minB;
  let max = maxA + maxB;
  if (!(lightA * lightB > 0)) {
    min = Infinity;
    max = -Infinity;
    for (let x = 0; x < an; x++) {
      for (let y = 0; y < bn; y++) {
        if (aW[x] * bW[y] <= 0) continue;
        const mi = aM[x] + bM[y];
        if (mi < min) min = mi;
        if (mi > max) max = mi;
      }
    }
  }
  const { binW, binM, binS } = scratch;
  binW.fill(0);
  binM.fill(0);
  binS.fill(0);
  const spread = setBinEdges(min, max);
  let bin = 0;
  for (let x = 0; x < an; x++) {
    const wx = aW[x];
    const mx = aM[x];
    const vx = aV[x];
    for (let y = 0; y < bn; y++) {
      const wi = wx * bW[y];
      if (wi <= 0) continue;
      const mi = mx + bM[y];
      const vi = vx + bV[y];
      if (spread) bin = binOf(mi, bin);
      binW[bin] += wi;
      binM[bin] += wi * mi;
      binS[bin] += wi * (vi + mi * mi);
    }
  }
  return final ? writeBins(W, M, V, base, keep, true) : writeBins(aW, aM, aV, 0, 1, false);
}

/**
 * The request groups a node issues for an arriving class: `(outClass, probability)`,
 * made one after another (e.g. an app server's write: the write to its store
 * with probability 1, then the job enqueue with probability asyncShare).
 * Each group goes to one target drawn from the node's route for `outClass`.
 * Written into `outCls`/`outProb`; returns the count. Async hand-offs (a queue
 * forwarding to workers) are not part of the request's time or availability.
 * A discrete-event simulator can route single requests with this and the
 * compiled route table, exactly as the analytic passes do.
 */
export function groupsOf(net: CompiledNetwork, st: RunState, v: number, k: number, outCls: Int32Array, outProb: Float64Array): number {
  const kc = net.kindCode[v];
  const model = net.model[v];
  if (model === MODEL_SOURCE || kc === K_DNS || kc === K_LB || kc === K_GATEWAY || kc === K_LIMITER) {
    outCls[0] = k;
    outProb[0] = 1;
    return 1;
  }
  if (kc === K_CDN && k === STATIC) {
    outCls[0] = STATIC;
    outProb[0] = 1 - net.hitRatio[v];
    return 1;
  }
  if (kc === K_CACHE && k === READ) {
    outCls[0] = READ;
    outProb[0] = 1 - net.hitRatio[v];
    return 1;
  }
  if (kc === K_APP || kc === K_SERVICE || kc === K_SERVER || kc === K_SERVERLESS || kc === K_CLUSTER) {
    let g = 0;
    if (kc !== K_SERVER && (k === READ || k === WRITE)) {
      outCls[g] = k;
      outProb[g++] = 1;
    }
    if (k === WRITE && hasRoute(net, v, JOB)) {
      outCls[g] = JOB;
      outProb[g++] = st.workload.asyncShare;
    }
    return g;
  }
  if ((kc === K_WORKER || kc === K_STREAM) && k === JOB && hasRoute(net, v, JOB)) {
    outCls[0] = JOB;
    outProb[0] = 1;
    return 1;
  }
  if (kc === K_DATABASE && k === READ && hasRoute(net, v, READ)) {
    outCls[0] = READ;
    outProb[0] = 1;
    return 1;
  }
  return 0;
}

/** Region figure by region index, filled per backward pass. */
let regionUpOf = new Float64Array(0);
let regionFracOf = new Float64Array(0);
let regionFactorOf = new Float64Array(4);

const groupCls = new Int32Array(4);
const groupProb = new Float64Array(4);

/**
 * Backward pass (reverse topological order): for each node and class, the
 * availability of everything the request needs from that node on, and the
 * gamma-matched mixture of its remaining time (for the classes in `latMask`).
 */
export function backward(st: RunState, latMask: number): void {
  const net = st.net;
  const n = net.n;
  // Per region: the figure a path multiplies when it enters it (MODEL.md §4).
  // Only the regions geo DNS spreads users over were failed in turn, so only
  // they can count in parallel; any other region a path enters (a data store
  // in a region of its own) stays a plain 0.9999.
  const regionA = NETWORK.regionAvailability.value;
  const nRegions = net.regions.length;
  if (regionFactorOf.length < nRegions) regionFactorOf = new Float64Array(nRegions);
  regionFactorOf.fill(regionA, 0, nRegions);
  // Regions in parallel (MODEL.md §4, §9.3): geo DNS health-checks each
  // region's entry and sends its users elsewhere when anything on that
  // region's path is down, so where each region holds its whole path (no
  // component shared between them) a request fails only when every region's
  // path is down: 1 − Π(1 − A_region). Where the regions share a component
  // (one database for both), that component fails them together, so only the
  // regions' own figure counts in parallel (version 1's rule).
  const parallel = st.regionsParallel && geoDisjoint(net);
  if (st.regionsParallel && !parallel) {
    const parallelA = 1 - Math.pow(1 - regionA, st.regionCount);
    const geo = geoRegions(net);
    for (let i = 0; i < geo.length; i++) regionFactorOf[geo[i]] = parallelA;
  }
  if (regionUpOf.length < nRegions) {
    regionUpOf = new Float64Array(nRegions);
    regionFracOf = new Float64Array(nRegions);
  }
  const regionFactor = regionFactorOf;
  st.mixN.fill(0);
  if (latMask !== 0 && st.mixW.length < n * 4 * MIX_MAX) {
    st.mixW = new Float64Array(n * 4 * MIX_MAX);
    st.mixM = new Float64Array(n * 4 * MIX_MAX);
    st.mixV = new Float64Array(n * 4 * MIX_MAX);
  }
  // Scratch for the longest route's mixtures (every target's, plus the group's
  // own component), sized once for the pass.
  if (latMask !== 0) ensureScratch(Math.max(MIX_MAX * MIX_MAX + 4, net.maxRoute * MIX_MAX + 2));
  // Locals: the calls below would otherwise make every loop reload them.
  const { mixW, mixM, mixV, mixN, availUp, arrival, nodeAvailability, saturated, servedFrac, shedFrac, svcMs, inlineJobMs, waitMean } = st;
  const { waitProb, waitP1, waitTheta1, waitTheta2 } = st;
  const { topo, kindCode, region, routeStart, routeTarget, routeFrac, routeHop } = net;
  const { latencyFactor, latencyVarFactor } = net.storesQueues;
  const asyncShare = st.workload.asyncShare;
  for (let idx = n - 1; idx >= 0; idx--) {
    const v = topo[idx];
    const b = v * 4;
    const kc = kindCode[v];
    const model = net.model[v];
    const nodeAvail = nodeAvailability[v];
    const regionV = region[v];
    for (let k = 0; k < 4; k++) {
      if (!(arrival[b + k] > 0)) {
        // No traffic of this class reaches the node, so no path uses this figure.
        availUp[b + k] = nodeAvail;
        continue;
      }
      const passRead = kc === K_DATABASE && k === READ && hasRoute(net, v, READ);
      const ng = groupsOf(net, st, v, k, groupCls, groupProb);
      // Availability.
      let av = passRead ? 1 : nodeAvail;
      for (let g = 0; g < ng; g++) {
        const oc = groupCls[g];
        const p = groupProb[g];
        const rb = b + oc;
        const s = routeStart[rb];
        const e = routeStart[rb + 1];
        if (s === e) continue; // unhandled: counted as failed requests, not downtime
        let sum = 0;
        if (parallel && net.geoDns[v]) {
          regionUpOf.fill(0, 0, nRegions);
          regionFracOf.fill(0, 0, nRegions);
          let outside = 0;
          for (let i = s; i < e; i++) {
            const t = routeTarget[i];
            const r = region[t];
            if (r < 0) outside += routeFrac[i] * availUp[t * 4 + oc];
            else {
              regionUpOf[r] += routeFrac[i] * regionFactor[r] * availUp[t * 4 + oc];
              regionFracOf[r] += routeFrac[i];
            }
          }
          let allDown = 1;
          let inRegions = 0;
          for (let r = 0; r < nRegions; r++) {
            if (!(regionFracOf[r] > 0)) continue;
            inRegions += regionFracOf[r];
            allDown *= 1 - regionUpOf[r] / regionFracOf[r];
          }
          sum = outside + inRegions * (1 - allDown);
        } else {
          for (let i = s; i < e; i++) {
            const t = routeTarget[i];
            const rf = region[t] >= 0 && region[t] !== regionV ? regionFactor[region[t]] : 1;
            sum += routeFrac[i] * rf * availUp[t * 4 + oc];
          }
        }
        av *= 1 - p + p * sum;
      }
      availUp[b + k] = av;

      // Latency mixture.
      if (!(latMask & (1 << k))) continue;
      const S = scratch;
      let an = 0;
      // Stage at this node.
      const sat = saturated[v] === 1 && !passRead;
      if (model === MODEL_SOURCE || model === MODEL_NONE || passRead) {
        S.aW[0] = 1;
        S.aM[0] = 0;
        S.aV[0] = 0;
        an = 1;
      } else if (sat) {
        S.aW[0] = 1;
        S.aM[0] = TIMEOUT_MS;
        S.aV[0] = 0;
        an = 1;
      } else if (model === MODEL_RATED) {
        // A serverless function's cold starts (docs/model.md §14.3): a share of invocations also waits for the init.
        const cold = kc === K_SERVERLESS ? st.coldShare[v] : 0;
        S.aW[0] = 1;
        S.aM[0] = net.latencyMs[v];
        S.aV[0] = 0;
        an = 1;
        if (cold > 0) {
          S.aW[0] = 1 - cold;
          S.aW[1] = cold;
          S.aM[1] = net.latencyMs[v] + net.initMs[v];
          S.aV[1] = 0;
          an = 2;
        }
      } else {
        const io = st.ioMs[b + k];
        const svc = svcMs[b + k] + io;
        const inl = k === WRITE ? inlineJobMs[v] : 0;
        if (waitMean[v] + svc > TIMEOUT_MS) {
          S.aW[0] = 1;
          S.aM[0] = TIMEOUT_MS;
          S.aV[0] = 0;
          an = 1;
        } else {
          // Paths through the station: no wait (1 - C) or a wait in phase 1 or
          // 2 of the conditional wait; each with or without an inline job.
          const pw = waitProb[v];
          const p1 = waitP1[v];
          const t1 = waitTheta1[v];
          const t2 = waitTheta2[v];
          const q = inl > 0 ? asyncShare : 0;
          const { aW, aM, aV } = S;
          for (let j = 0; j < 2; j++) {
            const wj = j === 0 ? 1 - q : q;
            if (!(wj > 0)) continue;
            const sm = j === 0 ? svc : svc + inl;
            // CPU time and any storage time are independent exponentials: their variances add.
            const cpu = svc - io;
            const sv = (j === 0 ? cpu * cpu : cpu * cpu + inl * inl) + io * io;
            if (pw < 1) {
              aW[an] = wj * (1 - pw);
              aM[an] = sm;
              aV[an] = sv;
              an++;
            }
            if (pw > 0 && p1 > 0) {
              aW[an] = wj * pw * p1;
              aM[an] = sm + 1 / t1;
              aV[an] = sv + 1 / (t1 * t1);
              an++;
            }
            if (pw > 0 && p1 < 1) {
              aW[an] = wj * pw * (1 - p1);
              aM[an] = sm + 1 / t2;
              aV[an] = sv + 1 / (t2 * t2);
              an++;
            }
          }
          // A Cassandra request waits for the slowest of the k replicas its
          // consistency level needs: mean × H_k, variance × Σ1/i² (docs/model.md §14.2).
          const lf = latencyFactor[v];
          if (lf !== 1) {
            const vf = latencyVarFactor[v];
            for (let x = 0; x < an; x++) {
              aM[x] *= lf;
              aV[x] *= vf;
            }
          }
        }
      }
      // Only requests this node serves (not failed, not shed) carry on.
      const keep = (passRead ? 1 : servedFrac[v]) * (1 - shedFrac[v]);
      const ob = (b + k) * MIX_MAX;
      if (ng === 0) {
        const { aW, aM, aV } = S;
        let out = 0;
        for (let x = 0; x < an; x++) {
          const wgt = aW[x] * keep;
          if (!(wgt > 0)) continue;
          mixW[ob + out] = wgt;
          mixM[ob + out] = aM[x];
          mixV[ob + out] = aV[x];
          out++;
        }
        mixN[b + k] = out;
        continue;
      }
      const { bW, bM, bV } = S;
      for (let g = 0; g < ng; g++) {
        const oc = groupCls[g];
        const p = groupProb[g];
        const rb = b + oc;
        const s = routeStart[rb];
        const e = routeStart[rb + 1];
        let bn = 0;
        if (p < 1) {
          bW[bn] = 1 - p;
          bM[bn] = 0;
          bV[bn] = 0;
          bn++;
        }
        for (let i = s; i < e; i++) {
          const t = routeTarget[i];
          const tb = (t * 4 + oc) * MIX_MAX;
          const tn = mixN[t * 4 + oc];
          const wf = p * routeFrac[i];
          const hopMs = routeHop[i];
          for (let j = 0; j < tn; j++) {
            bW[bn] = wf * mixW[tb + j];
            bM[bn] = hopMs + mixM[tb + j];
            bV[bn] = mixV[tb + j];
            bn++;
          }
        }
        bn = compressMixture(bW, bM, bV, bn);
        // Convolve the current mixture with the group's: the request makes the
        // calls in turn. The last convolution writes the node's mixture.
        an = convolve(S, an, bn, g === ng - 1, mixW, mixM, mixV, ob, keep);
      }
      // A request times out once (MODEL.md §9.4): a path through several
      // saturated stations reports the timeout, not their sum.
      for (let x = 0; x < an; x++) {
        if (mixM[ob + x] >= TIMEOUT_MS) {
          mixM[ob + x] = TIMEOUT_MS;
          mixV[ob + x] = 0;
        }
      }
      mixN[b + k] = an;
    }
  }
}

// ---------------------------------------------------------------------------
// Cost (MODEL.md §5)

/** Monthly GB carried by a peak rate of `kb`-sized answers (the month runs at the average rate, peak / pf). */
function toMonthlyGB(pf: number, peakRps: number, kb: number): number {
  return ((peakRps / pf) * kb * SECONDS_PER_MONTH) / 1e6;
}

/** Monthly count of requests at a peak rate. */
function toMonthlyCount(pf: number, peakRps: number): number {
  return (peakRps / pf) * SECONDS_PER_MONTH;
}

const dataRegionsCache = new WeakMap<CompiledNetwork, number>();

/**
 * Regions holding a store of record (database, NoSQL). The data is assumed
 * replicated across them (MODEL-NOTES.md "Regions"), so each write one of
 * them accepts is copied to each of the others. Computed once per network.
 */
function dataRegions(net: CompiledNetwork): number {
  const cached = dataRegionsCache.get(net);
  if (cached !== undefined) return cached;
  const seen = new Set<number>();
  for (let v = 0; v < net.n; v++) if (net.kinds[v] === 'database' || net.kinds[v] === 'nosql') seen.add(net.region[v]);
  dataRegionsCache.set(net, seen.size);
  return seen.size;
}

const sqCost: StoreQueueCost = { own: 0, storage: -1, replacesUsage: false };

/** Whether the peak hour fails or sheds requests anywhere (so the average hour is not the peak scaled down). */
function overloadedAtPeak(st: RunState): boolean {
  for (let v = 0; v < st.net.n; v++) if (st.saturated[v] || st.shedFrac[v] > 0) return true;
  return false;
}

/**
 * Monthly cost (MODEL.md §5, §9.6). Usage (requests, GB) is billed on the average
 * hour, peak / peakFactor. While nothing fails or sheds at peak that is the
 * peak's traffic scaled down; otherwise a failure at peak would be billed as
 * if it lasted all month (a flash crowd that overloads a tier would lower
 * the bill), so the average hour gets its own pass (on `spare`, rates only).
 *
 * Each node's cost is split into the parts the breakdown lists as lines:
 * its own (instance-hours and usage), storage, CDN, inter-region transfer.
 * Internet egress is not a node's: it is its own line.
 */
function costs(st: RunState, spare: RunState | null) {
  const net = st.net;
  const w = st.workload;
  let pf = w.peakFactor;
  let usage = st;
  if (spare && pf > 1 && overloadedAtPeak(st)) {
    forward(spare, { ...w, peakFactor: 1 }, -1, LAT_NONE);
    usage = spare;
    pf = 1;
  }
  const processed = usage.processed;
  const done = usage.done;
  let cdnStatic = 0;
  let userStaticDone = 0;
  let userDynamicDone = 0;
  let offeredUser = st.offered.total;
  if (offeredUser <= 0) offeredUser = 1;
  let loggers = 0;
  for (let v = 0; v < net.n; v++) {
    const kind = net.kinds[v];
    if (kind === 'logging') loggers++;
    else if (kind === 'cdn') cdnStatic += processed[v * 4];
  }
  const copies = Math.max(0, dataRegions(net) - 1);
  // Logs: about 1 KB for every user request that reaches the origin (the CDN's own logs are not shipped), ingested at CloudWatch rates.
  const originRequests = Math.max(0, usage.offered.total - cdnStatic);
  st.logIngestionGB = loggers > 0 ? toMonthlyGB(pf, originRequests, USAGE_PRICES.logKBPerRequest.value) : 0;
  const logUsdPerLogger = loggers > 0 ? (st.logIngestionGB * USAGE_PRICES.logIngestionGBUsd.value) / loggers : 0;
  st.cdnEgressGB = 0;
  st.transferGB = 0;
  const gbPrice = USAGE_PRICES.databaseStorageGBMonthUsd.value;
  const sqCode = net.storesQueues.code;
  for (let v = 0; v < net.n; v++) {
    const kind = net.kinds[v];
    const b = v * 4;
    userStaticDone += done[b];
    userDynamicDone += done[b + 1] + done[b + 2];
    let own = 0;
    let storage = 0;
    let cdn = 0;
    let transfer = 0;
    // Logging is priced by ingestion, not as an instance.
    if (kind === 'logging') own += logUsdPerLogger;
    else if (kind === 'container-cluster') {
      // Nodes to hold the average pods, plus the control plane (docs/model.md §14.3).
      own += (clusterNodes(st.avgInstances[v], net.podsPerNode[v]) * net.hourlyUsd[v] + USAGE_PRICES.k8sControlPlaneHourUsd.value) * HOURS_PER_MONTH;
    } else own += net.hourlyUsd[v] * HOURS_PER_MONTH * st.avgInstances[v];
    if (kind === 'serverless') {
      // Per invocation and per GB-second, on the average hour (docs/model.md §14.3).
      const invocations = toMonthlyCount(pf, processed[b] + processed[b + 1] + processed[b + 2]);
      own += serverlessMonthlyUsd(invocations, net.latencyMs[v], net.memoryMB[v], USAGE_PRICES.lambdaPerMillionRequestsUsd.value, USAGE_PRICES.lambdaGBSecondUsd.value);
    }
    // Key-value stores, queues, balancers and gateways of a technology bill their own usage (docs/model.md §14.2).
    let techStorage = -1;
    let replacesUsage = false;
    if (sqCode[v] !== 0) {
      storeQueueCost(net, usage, st.storageGB[v], v, 1 / pf, SECONDS_PER_MONTH, sqCost);
      own += sqCost.own;
      techStorage = sqCost.storage;
      replacesUsage = sqCost.replacesUsage;
    }
    if (replacesUsage) {
      // Its technology's usage replaces the kind's.
    } else if (kind === 'load-balancer') {
      const gbPerHour =
        (toMonthlyGB(pf, processed[b], w.staticKB) +
          toMonthlyGB(pf, processed[b + 1] + processed[b + 2], w.dynamicKB)) /
        HOURS_PER_MONTH;
      own += (gbPerHour / USAGE_PRICES.albGBPerLcuHour.value) * USAGE_PRICES.albLcuHourUsd.value * HOURS_PER_MONTH;
    } else if (kind === 'cdn') {
      const gb = toMonthlyGB(pf, processed[b], w.staticKB);
      st.cdnEgressGB += gb;
      cdn += tieredCostUsd(gb, USAGE_PRICES.cdnEgressTiers);
      cdn += (toMonthlyCount(pf, processed[b]) / 10_000) * USAGE_PRICES.cdnPer10kRequestsUsd.value;
    } else if (net.usdPerMillionRequests[v] > 0) {
      // A serverless cache bills every request it serves (docs/model.md §14.1).
      own += (toMonthlyCount(pf, processed[b] + processed[b + 1] + processed[b + 2] + processed[b + 3]) / 1e6) * net.usdPerMillionRequests[v];
    } else if (kind === 'object-storage') {
      own += (toMonthlyCount(pf, processed[b]) / 1000) * USAGE_PRICES.objectStoragePer1kGetUsd.value;
      storage += st.storageGB[v] * USAGE_PRICES.objectStorageGBMonthUsd.value;
    } else if (kind === 'warehouse') {
      // Per TiB scanned and per GB-month stored (docs/model.md §14.4).
      const bill = pipeline.warehouseBill(usage, v, pf);
      own += bill.scanUsd;
      storage += bill.storageUsd;
    } else if (kind === 'dns') {
      const share = (st.arrival[b] + st.arrival[b + 1] + st.arrival[b + 2]) / offeredUser;
      const queries =
        w.users * USAGE_PRICES.dnsQueriesPerUserPerDay.value * (HOURS_PER_MONTH / 24) * Math.min(1, share);
      own += USAGE_PRICES.dnsHostedZoneMonthUsd.value + (queries / 1e6) * USAGE_PRICES.dnsPerMillionQueriesUsd.value;
    }
    if (techStorage >= 0) storage += techStorage;
    else if (kind === 'database') storage += st.storageGB[v] * (1 + net.standby[v]) * gbPrice;
    // An Aurora replica reads the cluster volume its primary pays for (docs/model.md §14.1).
    else if (kind === 'read-replica' && !net.sharedStorage[v]) storage += st.storageGB[v] * Math.max(1, net.instances[v]) * gbPrice;
    else if (kind === 'nosql')
      storage += st.storageGB[v] * Math.min(net.replicationFactor[v], Math.max(1, net.instances[v])) * gbPrice;
    else if (kind === 'server') storage += st.storageGB[v] * gbPrice;
    if (copies > 0 && (kind === 'database' || kind === 'nosql')) {
      // The write stream (user writes and job writes, dynamicKB each) leaves for each other region, billed by the sender.
      const gb = toMonthlyGB(pf, processed[b + 2] + processed[b + 3], w.dynamicKB) * copies;
      st.transferGB += gb;
      transfer = gb * USAGE_PRICES.interRegionGBUsd.value;
    }
    st.componentCostUsd[v] = own;
    st.storageCostUsd[v] = storage;
    st.cdnCostUsd[v] = cdn;
    st.transferCostUsd[v] = transfer;
    st.costUsd[v] = own + storage + cdn + transfer;
  }
  // Static answered outside the CDN and every dynamic answer leave through internet egress.
  const staticDirect = Math.max(0, userStaticDone - cdnStatic);
  st.internetEgressGB = toMonthlyGB(pf, staticDirect, w.staticKB) + toMonthlyGB(pf, userDynamicDone, w.dynamicKB);
  st.internetEgressUsd = tieredCostUsd(st.internetEgressGB, USAGE_PRICES.internetEgressTiers);
}

const geoDisjointCache = new WeakMap<CompiledNetwork, boolean>();

/**
 * Whether the paths geo DNS sends users down in different regions share no
 * component (each region holds its whole path: entry, compute and data;
 * MODEL.md §9.3). Computed once per compiled network.
 */
export function geoDisjoint(net: CompiledNetwork): boolean {
  const cached = geoDisjointCache.get(net);
  if (cached !== undefined) return cached;
  const owner = new Int32Array(net.n).fill(-1);
  let ok = true;
  for (let v = 0; v < net.n && ok; v++) {
    if (!net.geoDns[v]) continue;
    for (let j = net.outStart[v]; j < net.outStart[v + 1] && ok; j++) {
      const entry = net.outTarget[j];
      const r = net.region[entry];
      if (r < 0) continue;
      const stack = [entry];
      while (stack.length > 0 && ok) {
        const x = stack.pop()!;
        if (owner[x] === r) continue;
        if (owner[x] >= 0 && owner[x] !== r) {
          ok = false;
          break;
        }
        owner[x] = r;
        for (let k = net.outStart[x]; k < net.outStart[x + 1]; k++) stack.push(net.outTarget[k]);
      }
    }
  }
  geoDisjointCache.set(net, ok);
  return ok;
}

const geoRegionsCache = new WeakMap<CompiledNetwork, number[]>();

/** Regions that geo DNS spreads users over (MODEL.md §4). Computed once per compiled network. */
export function geoRegions(net: CompiledNetwork): number[] {
  const cached = geoRegionsCache.get(net);
  if (cached) return cached;
  const regions = findGeoRegions(net);
  geoRegionsCache.set(net, regions);
  return regions;
}

function findGeoRegions(net: CompiledNetwork): number[] {
  const set = new Set<number>();
  for (let v = 0; v < net.n; v++) {
    if (!net.geoDns[v]) continue;
    for (let cls = 0; cls < 3; cls++) {
      const b = v * 4 + cls;
      for (let i = net.routeStart[b]; i < net.routeStart[b + 1]; i++) {
        const r = net.region[net.routeTarget[i]];
        if (r >= 0) set.add(r);
      }
    }
  }
  return [...set].sort((a, b) => a - b);
}

export function userFailed(st: RunState): number {
  let f = st.noEntry[0] + st.noEntry[1] + st.noEntry[2];
  for (let v = 0; v < st.net.n; v++) f += st.failed[v * 4] + st.failed[v * 4 + 1] + st.failed[v * 4 + 2];
  return f;
}

/** Result of failing one region in turn. */
export interface RegionCheck {
  region: string;
  /** Survivors carried the load: no saturation, no extra failed requests. */
  carried: boolean;
  /** The node that saturated first when the region failed, if any. */
  saturatedNodeId: string | null;
}

/**
 * Region-failure passes measured once at one user count, to be scaled to
 * others of the same workload shape (`regionUnit`). While nothing saturates
 * and no rate limiter sheds, a forward pass is linear in users: every rate,
 * utilisation and failed rate is the unit figure times users / `users`.
 */
export interface RegionUnit {
  /** Users of the measured passes. */
  users: number;
  /** Per region (in `geoRegions` order): the largest utilisation any node outside it could reach, per unit of scale. */
  maxLoad: Float64Array;
  /** Per region: failed user requests, rps, at `users`. */
  failed: Float64Array;
}

/**
 * Measures the region-failure passes at `w` for scaling, or returns null when
 * they cannot be scaled exactly: fewer than two geo regions, something
 * already saturated or shedding, a rate limiter with a zero limit, or an
 * autoscaled tier targeting 100% (its utilisation can reach 1 below its
 * maximum). An autoscaled tier's bound is its load on its maximum instances
 * (below that maximum it runs at or under its target).
 */
export function regionUnit(spare: RunState, w: ResolvedWorkload): RegionUnit | null {
  const net = spare.net;
  const regions = geoRegions(net);
  if (regions.length < 2 || !(w.users > 0)) return null;
  const unit: RegionUnit = { users: w.users, maxLoad: new Float64Array(regions.length), failed: new Float64Array(regions.length) };
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i];
    forward(spare, w, r, LAT_NONE);
    let max = 0;
    for (let v = 0; v < net.n; v++) {
      if (net.region[v] === r) continue;
      if (spare.saturated[v]) return null;
      // DynamoDB's partitions follow the load in steps: its throttling does not scale with users.
      if (net.storesQueues.code[v] === TB_DYNAMODB) return null;
      let load = spare.utilization[v];
      const kc = net.kindCode[v];
      if (net.model[v] === MODEL_QUEUE && net.autoscaled[v] && kc !== K_DATABASE && kc !== K_REPLICA && kc !== K_NOSQL) {
        if (net.autoscaleTarget[v] >= 1) return null;
        let totalWork = 0;
        for (let c = 0; c < NWORK; c++) totalWork += spare.work[v * NWORK + c];
        load = Math.max(load, totalWork / (net.autoscaleMax[v] * net.cores[v] * 1000));
      }
      if (kc === K_LIMITER && net.limitRps[v] >= 0) {
        const b = v * 4;
        const through = spare.processed[b] + spare.processed[b + 1] + spare.processed[b + 2] + spare.processed[b + 3];
        if (spare.shedFrac[v] > 0 || (net.limitRps[v] === 0 && through > 0)) return null;
        if (through > 0) load = Math.max(load, through / net.limitRps[v]);
      }
      if (load > max) max = load;
    }
    unit.maxLoad[i] = max;
    unit.failed[i] = userFailed(spare);
  }
  return unit;
}

/** Guard band around a scaled comparison: closer than this to its limit, the exact pass decides. */
const SCALE_GUARD = 1e-9;

/**
 * A complete run: forward pass, region-failure checks (only when geo DNS
 * spans two or more regions; each re-runs the forward pass alone, unless
 * `unit` lets it be scaled), data, backlog, availability, backward pass and
 * cost.
 */
export function run(st: RunState, w: ResolvedWorkload, latMask: number, spare: RunState | null, unit: RegionUnit | null = null): RegionCheck[] {
  const net = st.net;
  forward(st, w, -1, latMask);
  const regions = geoRegions(net);
  const checks: RegionCheck[] = [];
  st.regionCount = Math.max(1, regions.length);
  st.regionsParallel = false;
  if (regions.length >= 2 && spare) {
    const baseline = userFailed(st);
    const tolerance = 1e-9 * Math.max(1, st.offered.total);
    const scale = unit ? w.users / unit.users : 0;
    let all = true;
    for (let i = 0; i < regions.length; i++) {
      const r = regions[i];
      if (unit && scale * unit.maxLoad[i] < 1 - SCALE_GUARD) {
        // Nothing saturates or sheds: the pass is the measured one, scaled.
        const failed = scale * unit.failed[i];
        const limit = baseline + tolerance;
        if (Math.abs(failed - limit) > SCALE_GUARD * Math.max(1, limit)) {
          const carried = failed <= limit;
          if (!carried) all = false;
          checks.push({ region: net.regions[r], carried, saturatedNodeId: null });
          continue;
        }
      }
      forward(spare, w, r, LAT_NONE);
      let satNode = -1;
      for (let v = 0; v < net.n; v++) {
        if (spare.saturated[v] && net.region[v] !== r) {
          if (satNode < 0 || spare.utilization[v] > spare.utilization[satNode]) satNode = v;
        }
      }
      const carried = satNode < 0 && userFailed(spare) <= baseline + tolerance;
      if (!carried) all = false;
      checks.push({ region: net.regions[r], carried, saturatedNodeId: satNode >= 0 ? net.ids[satNode] : null });
    }
    st.regionsParallel = all;
  }
  placeData(st);
  storageIo(st);
  queueBacklogs(st);
  availability(st);
  backward(st, latMask);
  costs(st, spare);
  return checks;
}
