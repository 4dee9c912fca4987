/**
 * The forward pass (MODEL.md §2, §3): traffic propagated in one topological pass, with each station's queueing computed as its arrivals become known (the two are one pass: a station's served share decides what flows on).
 */
import * as cloudNative from '../cloud-native';
import * as codes from '../compile';
import type { CompiledNetwork } from '../compile';
import * as pipeline from '../pipeline';
import * as queueing from '../queueing';
import * as storesQueues from '../tech-stores-queues';
import * as storesQueuesRun from '../tech-stores-queues-run';
import type { ResolvedWorkload } from '../types';
import * as workloadModule from '../workload';
import * as statePass from './state';
import type { RunState } from './state';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS),
// which costs a call per use in the hot loops below.
const { STATIC, READ, WRITE, JOB, MODEL_NONE, MODEL_RATED, MODEL_SOURCE, ALG_LEAST_CONNECTIONS, ALG_ROUND_ROBIN } = codes;
const { erlangC } = queueing;
const { peakLoad } = workloadModule;
const { TB_DYNAMODB, busyConsumers } = storesQueues;
const { analyticsLoad } = pipeline;
const { dynamoPartitions, dynamoUnits } = storesQueuesRun;
const K_DNS = codes.K.dns;
const K_CDN = codes.K.cdn;
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
const { coldShare, environmentsFor } = cloudNative;
const { LAT_ALL, clearState } = statePass;

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

export function hasRoute(net: CompiledNetwork, v: number, cls: number): boolean {
  const b = v * 4 + cls;
  return net.routeStart[b + 1] > net.routeStart[b];
}

/**
 * Served fraction of a node whose load is split over `parts` equal parts
 * except the hottest, which takes `hot` of it; `rhoHot` is the hottest part's
 * utilisation. Overloaded parts serve at capacity.
 */
export function servedFraction(rhoHot: number, hot: number, parts: number): number {
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

export function ceilInstances(x: number): number {
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
  if (st.analyticsOn || w.analyticsQueriesPerHour > 0) analyticsLoad(st, w);
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
      inst = busyConsumers(inst, consumerCap[v]);
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
