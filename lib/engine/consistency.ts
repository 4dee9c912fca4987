/**
 * Consistency made visible (docs/model.md §14.1): per read replica, how far
 * it lags its primary and the share of its reads that may return stale data;
 * over the design, the share of user reads that may be stale and whether a
 * user always reads their own writes.
 *
 * Model:
 * - Lag = the technology's commit-to-visible time on an idle replica
 *   (`baseLagMs`) + the time one write waits and takes to replay on the
 *   replica's replay threads (M/M/T: PostgreSQL T = 1, MySQL T = 4; Aurora
 *   replays nothing to disk, T = 0). A replay that cannot keep up (its
 *   threads, or the whole replica, at or above 100 %) falls behind for the
 *   whole peak: the lag reported is how far behind it is after an hour at
 *   peak, 3,600 s × (ρ − 1).
 * - A read is stale when the record it reads was written within the lag.
 *   Records are one per user, read and written with Zipf popularity
 *   (α = STORAGE.zipfAlpha, MODEL.md §9.2); writes reach record i at rate
 *   W·pᵢ, so P(stale) = Σ pᵢ (1 − e^(−W·pᵢ·L)) with W the primary's writes/s
 *   and L the lag in seconds.
 * - Read-your-writes holds when no user read is answered by an asynchronous
 *   replica (the model has no session stickiness). A cache is taken to be
 *   invalidated by the write (cache-aside) and is not counted stale.
 * A generic database replicates as PostgreSQL (the catalog is calibrated on it).
 */
import { NETWORK, STORAGE } from './catalog';
import * as codes from './compile';
import type { CompiledNetwork } from './compile';
import type { Finding } from './evaluation';
import { formatInteger, formatMs, formatPercent, formatUtilization } from '../shared/format';
import { mmc } from './queueing';
import type { RunState } from './run';
import { TECHNOLOGY_SPECS, technologyLabel, type ReplicationSpec } from './technologies';
import { TB_CASSANDRA } from './tech-stores-queues';
import { staleAfterWrite } from './tech-stores-queues-run';

const { READ, WRITE, JOB } = codes;
const K_REPLICA = codes.K['read-replica'];
const PEAK_HOUR_S = 3600;

export interface ReplicaConsistency {
  /** The read replica's node id, and its primary's. */
  replicaId: string;
  primaryId: string;
  /** The primary's technology, 'generic' for none. */
  technology: string;
  /** Commit-to-visible lag at peak, ms (after an hour at peak when falling behind). */
  lagMs: number;
  /** The replay cannot keep up with the primary's writes: the lag grows all through the peak. */
  fallingBehind: boolean;
  /** Utilisation of the replay threads (0 for shared storage). */
  replayUtilization: number;
  /** Share of all user reads this replica answers. */
  readShare: number;
  /** Share of this replica's reads that may see a stale record. */
  staleShare: number;
  /** One line: why the lag is what it is. */
  why: string;
}

/** A leaderless store read at a consistency level (Cassandra, docs/model.md §14.2). */
export interface StoreConsistency {
  nodeId: string;
  technology: string;
  /** one, quorum or all. */
  consistency: string;
  /** Share of all user reads this store answers. */
  readShare: number;
  /** Share of its reads that may see a stale record: written within the replication window, read from a replica the write has not reached. */
  staleShare: number;
  /** Time for a write to reach every replica, ms (the store's write time plus a hop). */
  windowMs: number;
  why: string;
}

export interface ConsistencyReport {
  replicas: ReplicaConsistency[];
  /** Leaderless stores whose consistency level lets a read miss a write (docs/model.md §14.2). */
  stores: StoreConsistency[];
  /** Share of user reads that may return stale data (0 when every read goes to a primary or a cache). */
  staleReadShare: number;
  /** A user always sees their own write on the next read. */
  readYourWrites: boolean;
  /** One line for the results panel. */
  why: string;
}

/** PostgreSQL's replication: what a generic database does. */
const GENERIC_REPLICATION = TECHNOLOGY_SPECS['database:postgresql'].replication!;

function replicationOf(net: CompiledNetwork, primary: number): ReplicationSpec {
  const t = net.technology[primary];
  if (t === '') return GENERIC_REPLICATION;
  return (TECHNOLOGY_SPECS as Record<string, { replication?: ReplicationSpec }>)[`database:${t}`]?.replication ?? GENERIC_REPLICATION;
}

/**
 * Σ pᵢ (1 − e^(−W·pᵢ·L)) over N records with Zipf(α) popularity: the share
 * of reads whose record was written within the last `lagS` seconds, at
 * `writesPerS` writes a second. Ranks are summed in geometric buckets
 * (about 4 per factor of 10, exact for the first 64).
 */
export function staleProbability(records: number, writesPerS: number, lagS: number, alpha = STORAGE.zipfAlpha.value): number {
  const x = writesPerS * lagS;
  if (!(x > 0)) return 0;
  const { count, p } = zipfBuckets(Math.max(1, Math.floor(records)), alpha);
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += count[i] * p[i] * -Math.expm1(-x * p[i]);
  return Math.max(0, Math.min(1, sum));
}

/** Rank buckets of a Zipf(α) popularity over n records: records per bucket and each record's probability. Memoised: a design's user count rarely changes. */
let bucketsKey = '';
let bucketsValue: { count: Float64Array; p: Float64Array } = { count: new Float64Array(0), p: new Float64Array(0) };
function zipfBuckets(n: number, alpha: number): { count: Float64Array; p: Float64Array } {
  const key = `${n}:${alpha}`;
  if (key === bucketsKey) return bucketsValue;
  const counts: number[] = [];
  const weights: number[] = [];
  let norm = 0;
  let a = 1;
  while (a <= n) {
    const b = a < 64 ? a + 1 : Math.min(n + 1, Math.ceil(a * 1.25));
    const c = b - a;
    const w = Math.pow(c === 1 ? a : Math.sqrt(a * (b - 1)), -alpha);
    counts.push(c);
    weights.push(w);
    norm += c * w;
    a = b;
  }
  bucketsKey = key;
  bucketsValue = { count: Float64Array.from(counts), p: Float64Array.from(weights, (w) => w / norm) };
  return bucketsValue;
}

/** The consistency report of a completed run. */
export function consistencyOf(st: RunState): ConsistencyReport {
  const net = st.net;
  const replicas: ReplicaConsistency[] = [];
  const userReads = st.offered.read;
  let stale = 0;
  let replicaReads = 0;
  for (let v = 0; v < net.n; v++) {
    if (net.kindCode[v] !== K_REPLICA) continue;
    const primary = net.primaryOf[v];
    if (primary < 0) continue;
    const rep = replicationOf(net, primary);
    const writes = st.processed[primary * 4 + WRITE] + st.processed[primary * 4 + JOB];
    const shards = Math.max(1, net.shards[primary]);
    const hotShard = Math.min(1, (1 + net.shardSkew[primary]) / shards);
    // One write request's replay on this replica, ms (per statement × statements a write makes).
    const applyMs = net.applyFactor[v] * net.serviceMs[v * 4 + WRITE] * net.slowdown[v] * st.workload.queriesPerWrite;
    const threads = Math.min(rep.replayThreads.value, net.cores[v]);
    const lambda = (writes * hotShard) / 1000; // writes per ms at the hottest shard
    let replayMs = 0;
    let rho = 0;
    let behind = false;
    if (threads > 0 && applyMs > 0 && lambda > 0) {
      rho = (lambda * applyMs) / threads;
      if (rho < 1) replayMs = mmc(lambda, 1 / applyMs, threads).r;
      else behind = true;
    } else if (threads === 0) replayMs = applyMs;
    const wholeRho = st.utilization[v];
    if (st.saturated[v] || wholeRho >= 1) behind = true;
    const over = Math.max(rho, wholeRho);
    const lagMs = behind ? rep.baseLagMs.value + PEAK_HOUR_S * 1000 * Math.max(0, over - 1) : rep.baseLagMs.value + replayMs;
    const served = st.processed[v * 4 + READ];
    const readShare = userReads > 0 ? Math.min(1, served / userReads) : 0;
    const staleShare = staleProbability(st.workload.users, writes, lagMs / 1000);
    stale += readShare * staleShare;
    replicaReads += served;
    const tech = net.technology[primary] || 'generic';
    const why = behind && rho < 1
      ? `the replica is saturated (${formatUtilization(over)}): its replay waits behind reads, ${formatMs(lagMs)} behind after an hour at peak`
      : behind
      ? `replay cannot keep up with ${formatInteger(writes)} writes/s (${threads === 1 ? 'one replay thread' : `${threads} replay threads`} at ${formatUtilization(over)}): ${formatMs(lagMs)} behind after an hour at peak`
      : threads === 0
        ? `shared storage: nothing to replay to disk, ${rep.baseLagMs.value} ms to make a write visible`
        : `${rep.baseLagMs.value} ms to ship and apply + ${formatMs(replayMs)} replay on ${threads === 1 ? 'one thread' : `${threads} threads`} at ${formatUtilization(rho)}`;
    replicas.push({
      replicaId: net.ids[v],
      primaryId: net.ids[primary],
      technology: tech,
      lagMs,
      fallingBehind: behind,
      replayUtilization: rho,
      readShare,
      staleShare,
      why,
    });
  }
  // Helper B (docs/model.md §14.2): Cassandra at a consistency level where R + W ≤ RF.
  const stores: StoreConsistency[] = [];
  let eventualReads = 0;
  const sq = net.storesQueues;
  for (let v = 0; v < net.n; v++) {
    if (sq.code[v] !== TB_CASSANDRA) continue;
    const rf = sq.quorumHeld[v];
    const k = sq.readCopies[v];
    const served = st.processed[v * 4 + READ];
    if (!(k + k <= rf) || !(served > 0)) continue;
    const writes = st.processed[v * 4 + WRITE] + st.processed[v * 4 + JOB];
    const windowMs = st.svcMs[v * 4 + WRITE] + st.waitMean[v] + NETWORK.insideRegionMs.value;
    const missed = staleAfterWrite(rf, k, k);
    const staleShare = staleProbability(st.workload.users, writes, windowMs / 1000) * missed;
    const readShare = userReads > 0 ? Math.min(1, served / userReads) : 0;
    stale += readShare * staleShare;
    eventualReads += served;
    stores.push({
      nodeId: net.ids[v],
      technology: 'cassandra',
      consistency: sq.consistency[v],
      readShare,
      staleShare,
      windowMs,
      why: `${sq.consistency[v].toUpperCase()} reads and writes touch ${k} + ${k} ≤ ${rf} replicas: a read within ${windowMs.toFixed(1)} ms of a write to its record misses it ${formatPercent(missed)} of the time`,
    });
  }
  const readYourWrites = !(replicaReads > 0) && !(eventualReads > 0);
  const staleReadShare = Math.max(0, Math.min(1, stale));
  const why = readYourWrites
    ? 'every read is answered by a primary (or a cache invalidated on write): a user always reads their own writes'
    : replicaReads > 0
      ? `${formatPercent(Math.min(1, replicaReads / Math.max(userReads, 1e-12)), 0)} of reads go to asynchronous replicas without session stickiness: a read just after a write may miss it`
      : `${formatPercent(Math.min(1, eventualReads / Math.max(userReads, 1e-12)), 0)} of reads go to a store read at a consistency level below QUORUM: a read just after a write may miss it`;
  return { replicas, stores, staleReadShare, readYourWrites, why };
}

/**
 * Findings of named database technologies (docs/model.md §14.1): more read
 * replicas than the technology allows (an error), and a replica whose replay
 * falls behind its primary (a warning). Only nodes with a technology: a
 * generic design gets none, exactly as before.
 */
export function technologyFindings(st: RunState): Finding[] {
  const net = st.net;
  const out: Finding[] = [];
  const replicasOf = new Map<number, number>();
  for (let v = 0; v < net.n; v++) {
    const p = net.primaryOf[v];
    if (net.kindCode[v] === K_REPLICA && p >= 0 && net.technology[p] !== '') replicasOf.set(p, (replicasOf.get(p) ?? 0) + Math.max(1, net.instances[v]));
  }
  for (const [p, count] of replicasOf) {
    const max = replicationOf(net, p).maxReplicas.value;
    if (max !== null && count > max) {
      const label = technologyLabel('database', net.technology[p]);
      out.push({
        severity: 'error',
        code: 'replica-limit',
        nodeId: net.ids[p],
        message: `${label} allows at most ${max} read replicas per primary; ${net.labels[p]} has ${count}. Shard the data (each shard is its own primary with its own replicas) or put a cache in front of reads.`,
        lessonId: 'guide-replication',
      });
    }
  }
  if (replicasOf.size > 0) {
    for (const r of consistencyOf(st).replicas) {
      if (!r.fallingBehind || r.technology === 'generic') continue;
      out.push({
        severity: 'warning',
        code: 'replica-lag',
        nodeId: r.replicaId,
        message: `${net.labels[net.ids.indexOf(r.replicaId)]} falls behind its primary: ${r.why}. Reads there return ever older data; a technology with parallel replay (MySQL) or shared storage (Aurora), or fewer writes per shard, keeps it current.`,
        lessonId: 'guide-replication',
      });
    }
  }
  return out;
}
