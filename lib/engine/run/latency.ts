/**
 * The backward pass (MODEL.md §3, end-to-end latency): per-class path mixtures, merged and convolved along routes.
 */
import { NETWORK } from '../catalog';
import * as codes from '../compile';
import type { CompiledNetwork } from '../compile';
import * as statePass from './state';
import type { RunState } from './state';
import * as flowPass from './flow';
import * as regionsPass from './regions';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS),
// which costs a call per use in the hot loops below.
const { STATIC, READ, WRITE, JOB, MODEL_NONE, MODEL_RATED, MODEL_SOURCE } = codes;
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
const K_STREAM = codes.K['stream-processor'];
const K_SERVERLESS = codes.K.serverless;
const K_CLUSTER = codes.K['container-cluster'];
const { MIX_MAX } = statePass;
const { hasRoute } = flowPass;
const TIMEOUT_MS = NETWORK.timeoutMs.value;
const { geoDisjoint, geoRegions } = regionsPass;

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
