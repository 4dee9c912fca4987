/**
 * Per-run state: the typed arrays one run fills (per node and class), their pool, and the codes the passes share (work categories, latency masks).
 */
import * as codes from '../compile';
import type { CompiledNetwork } from '../compile';
import type { ResolvedWorkload } from '../types';
import type { OfferedLoad } from '../workload';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS),
// which costs a call per use in the hot loops below.
const { STATIC, READ, WRITE, JOB } = codes;

/** Most components kept in one path-latency mixture; more are merged (moment-matched) into log-spaced bins. */
export const MIX_MAX = 10;

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

export function clearState(st: RunState) {
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
