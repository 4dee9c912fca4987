/**
 * Data placement, the storage pass (memory and disk) and queue backlogs over the peak hour (MODEL.md §2.1, §5 storage).
 */
import { STORAGE } from '../catalog';
import * as codes from '../compile';
import * as pipeline from '../pipeline';
import type { RunState } from './state';
import * as flowPass from './flow';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS),
// which costs a call per use in the hot loops below.
const { STATIC, READ, WRITE, JOB } = codes;
const K_SERVER = codes.K.server;
const K_DATABASE = codes.K.database;
const K_REPLICA = codes.K['read-replica'];
const K_NOSQL = codes.K.nosql;
const K_OBJECT_STORAGE = codes.K['object-storage'];
const { hasRoute, servedFraction } = flowPass;
const { backlogOverPeak, consumerCapacityRps } = pipeline;

/** Data placement and storage limits (MODEL.md §2.1 maxStorageGB, §5 storage). */
export function placeData(st: RunState) {
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
export function storageIo(st: RunState) {
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
export function queueBacklogs(st: RunState) {
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
    for (let i = net.routeStart[b]; i < net.routeStart[b + 1]; i++) capacity += consumerCapacityRps(st, net.routeTarget[i]);
    st.workerCapacityRps[v] = Math.min(capacity, Number.MAX_VALUE);
    if (capacity >= peak || peak <= 0) continue;
    const lag = backlogOverPeak(peak, capacity, w.peakFactor);
    st.backlogJobs[v] = lag.backlog;
    st.drainSeconds[v] = lag.drainSeconds;
  }
}
