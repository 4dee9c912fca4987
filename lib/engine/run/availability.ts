/**
 * Availability (MODEL.md §4): per-instance figures, k-of-n groups, repair and deploy downtime, single points of failure.
 */
import { NETWORK } from '../catalog';
import * as codes from '../compile';
import type { CompiledNetwork } from '../compile';
import * as queueing from '../queueing';
import type { ResolvedWorkload } from '../types';
import * as statePass from './state';
import type { RunState } from './state';
import * as flowPass from './flow';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS),
// which costs a call per use in the hot loops below.
const { READ } = codes;
const { lnGamma } = queueing;
const K_SERVER = codes.K.server;
const K_CACHE = codes.K.cache;
const K_DATABASE = codes.K.database;
const K_REPLICA = codes.K['read-replica'];
const K_NOSQL = codes.K.nosql;
const { NWORK, WORK_APPLY } = statePass;
const { ceilInstances } = flowPass;

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
export function availability(st: RunState) {
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
