/**
 * Stream processors, data warehouses and analytics load (docs/model.md
 * §14.4). The engine's passes call in here at a few fixed points:
 *
 * - the queue backlog pass (stage 6) asks each consumer of a queue what it
 *   can process (`consumerCapacityRps`) and turns a peak above that into a
 *   backlog and a drain time (`backlogOverPeak`); a stream processor's
 *   consumer lag is the same backlog, seen from the consumer;
 * - the forward pass puts analytics queries on the relational primaries when
 *   the design has no warehouse (`analyticsLoad`): a scan holds a core and the
 *   volume's throughput while it runs, so the primary's own queries slow down;
 * - the cost pass bills a warehouse per TiB scanned and per GB-month stored
 *   (`warehouseBill`).
 *
 * The report functions give the numbers the results panel and the findings
 * show. Every figure comes from the catalog (`CATALOG`, `WAREHOUSE`) or the
 * price table.
 */
import { WAREHOUSE } from './catalog';
import * as codes from './compile';
import type { CompiledNetwork } from './compile';
import { HOURS_PER_MONTH, USAGE_PRICES } from './prices';
import type { RunState } from './run';
import * as storesQueues from './tech-stores-queues';
import type { ResolvedWorkload } from './types';

// A local copy: an imported binding can be a live getter under tsx/CJS, a call per use in the consumers' loop.
const { busyConsumers } = storesQueues;

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** Gigabytes in a tebibyte (warehouses bill per TiB). */
export const GB_PER_TIB = 1024 ** 4 / 1e9;

/**
 * Events (jobs) a second a consumer of a queue can process: a worker's
 * instances × cores over the workload's job time (MODEL.md §2.1), a stream
 * processor's parallelism over its per-event time, a warehouse's rated
 * ingestion. Number.MAX_VALUE for a worker whose jobs take no time.
 */
export function consumerCapacityRps(st: RunState, t: number): number {
  const net = st.net;
  const kind = net.kinds[t];
  if (kind === 'worker') {
    const s = st.workload.jobServiceMs * net.slowdown[t];
    // Only the consumers a Kafka topic's partitions keep busy count (docs/model.md §14.2).
    const consumers = busyConsumers(st.instances[t], net.storesQueues.consumerCap[t]);
    return s > 0 ? (consumers * net.cores[t] * 1000) / s : Number.MAX_VALUE;
  }
  if (kind === 'stream-processor') {
    // The slowdown carries the slots the partitions leave idle (compile.ts): capacity = parallelism / serviceMs.
    const s = net.serviceMs[t * 4 + codes.JOB] * net.slowdown[t];
    return s > 0 ? (Math.max(1, st.instances[t]) * net.cores[t] * 1000) / s : Number.MAX_VALUE;
  }
  if (kind === 'warehouse') return net.capacityRps[t] * Math.max(1, st.instances[t]);
  return 0;
}

export interface Backlog {
  /** Jobs (events) waiting at the end of the peak hour. */
  backlog: number;
  /** Seconds to work it off after the peak, at capacity minus the average rate; -1 = never (capacity below the average). */
  drainSeconds: number;
}

/**
 * What a peak hour at `peak` leaves behind a consumer that processes
 * `capacity` a second (MODEL.md §2.1): (peak − capacity) × 3,600 waiting,
 * drained after the peak at capacity − average, where average = peak /
 * peakFactor. Call only with capacity < peak.
 */
export function backlogOverPeak(peak: number, capacity: number, peakFactor: number): Backlog {
  const backlog = (peak - capacity) * 3600;
  const average = peak / peakFactor;
  return { backlog, drainSeconds: capacity > average ? backlog / (capacity - average) : -1 };
}

const warehouses = new WeakMap<CompiledNetwork, number>();
/** Warehouse nodes in the design (computed once per network). */
export function warehouseCount(net: CompiledNetwork): number {
  let count = warehouses.get(net);
  if (count === undefined) {
    count = 0;
    for (let v = 0; v < net.n; v++) if (net.kinds[v] === 'warehouse') count++;
    warehouses.set(net, count);
  }
  return count;
}

const databases = new WeakMap<CompiledNetwork, number>();
function databaseCount(net: CompiledNetwork): number {
  let count = databases.get(net);
  if (count === undefined) {
    count = 0;
    for (let v = 0; v < net.n; v++) if (net.kinds[v] === 'database') count++;
    databases.set(net, count);
  }
  return count;
}

/** Seconds one analytics query's scan of `gb` takes on a relational volume (SOURCES.md §2 gp3 125 MiB/s). */
export function oltpScanSeconds(gb: number): number {
  return (gb * 1000) / WAREHOUSE.oltpScanMBps.value;
}

/**
 * Analytics load on the relational primaries (docs/model.md §14.4), for one
 * forward pass. Without a warehouse, each analytics query runs on every
 * database node (each shard scans its share of `analyticsScanGB`), split
 * evenly over the database nodes. While it runs a scan holds one core and
 * the volume's throughput: over the hour it keeps `busy` = rate × scan time
 * cores busy, so the primary's own queries run on c − busy cores (service
 * time × c / (c − busy)), and its volume is `busy` busier. With a warehouse
 * in the design the queries go there and the primaries carry none.
 */
export function analyticsLoad(st: RunState, w: ResolvedWorkload): void {
  const net = st.net;
  st.oltpSlow.fill(1);
  st.analyticsIo.fill(0);
  st.analyticsOn = false;
  const perHour = w.analyticsQueriesPerHour;
  if (!(perHour > 0) || warehouseCount(net) > 0) return;
  const nDb = databaseCount(net);
  if (nDb === 0) return;
  const rate = perHour / 3600 / nDb;
  for (let v = 0; v < net.n; v++) {
    if (net.kinds[v] !== 'database') continue;
    const busy = rate * oltpScanSeconds(w.analyticsScanGB / Math.max(1, net.shards[v]));
    const c = net.cores[v];
    const free = c - busy;
    // Scans holding every core leave the primary's own queries nothing: it saturates.
    st.oltpSlow[v] = free > c * 1e-6 ? c / free : 1e6;
    st.analyticsIo[v] = busy;
    st.analyticsOn = true;
  }
}

/** What analytics queries do to a relational primary (present only when they run there). */
export interface OltpAnalyticsReport {
  queriesPerHour: number;
  /** One query's scan on one shard, seconds. */
  scanSeconds: number;
  /** Cores the scans keep busy on average, of `cores`. */
  busyCores: number;
  cores: number;
  /** Share of the volume's throughput the scans take (above 1: scans queue behind each other). */
  volumeShare: number;
}

export function oltpAnalyticsReport(st: RunState, v: number): OltpAnalyticsReport | null {
  if (!(st.analyticsIo[v] > 0)) return null;
  const net = st.net;
  const w = st.workload;
  return {
    queriesPerHour: w.analyticsQueriesPerHour / databaseCount(net),
    scanSeconds: oltpScanSeconds(w.analyticsScanGB / Math.max(1, net.shards[v])),
    busyCores: st.analyticsIo[v],
    cores: net.cores[v],
    volumeShare: st.analyticsIo[v],
  };
}

/** A stream processor's parallelism, capacity and consumer lag (docs/model.md §14.4). */
export interface StreamReport {
  /** Slots processing at once: min(instances × slots, the upstream log's partitions when known). */
  parallelism: number;
  /** instances × slots per instance. */
  slots: number;
  /** Partitions of the log(s) feeding it; null when not known (no cap). */
  upstreamPartitions: number | null;
  /** Events a second it can process. */
  capacityEventsPerSecond: number;
  /** Events a second arriving in the peak hour, and on average. */
  peakEventsPerSecond: number;
  averageEventsPerSecond: number;
  /** How fast the lag grows in the peak hour, events a second (0 when it keeps up). */
  lagGrowthEventsPerSecond: number;
  /** Events behind at the end of the peak hour. */
  maxLagEvents: number;
  /** How far behind real time the newest processed event is then, seconds. */
  maxLagSeconds: number;
  /** Seconds to catch up after the peak; null when it never does (capacity below the average rate). */
  drainSeconds: number | null;
}

export function streamReport(st: RunState, v: number): StreamReport {
  const net = st.net;
  const pf = st.workload.peakFactor;
  let peak = 0;
  for (let q = 0; q < net.n; q++) {
    if (net.kinds[q] !== 'queue') continue;
    const b = q * 4 + codes.JOB;
    for (let i = net.routeStart[b]; i < net.routeStart[b + 1]; i++) {
      if (net.routeTarget[i] === v) peak += st.processed[b] * net.routeFrac[i];
    }
  }
  const capacity = consumerCapacityRps(st, v);
  const up = net.upstreamPartitions[v];
  const report: StreamReport = {
    parallelism: net.parallelism[v],
    slots: Math.max(1, net.instances[v]) * net.cores[v],
    upstreamPartitions: up > 0 ? up : null,
    capacityEventsPerSecond: capacity,
    peakEventsPerSecond: peak,
    averageEventsPerSecond: peak / pf,
    lagGrowthEventsPerSecond: 0,
    maxLagEvents: 0,
    maxLagSeconds: 0,
    drainSeconds: 0,
  };
  if (peak > capacity) {
    const lag = backlogOverPeak(peak, capacity, pf);
    report.lagGrowthEventsPerSecond = peak - capacity;
    report.maxLagEvents = lag.backlog;
    report.maxLagSeconds = capacity > 0 ? lag.backlog / capacity : Number.MAX_VALUE;
    report.drainSeconds = lag.drainSeconds < 0 ? null : lag.drainSeconds;
  }
  return report;
}

/** A warehouse's ingestion, data growth, query time and bill (docs/model.md §14.4). */
export interface WarehouseReport {
  /** Events a second it loads (the rate its pipeline delivers). */
  ingestEventsPerSecond: number;
  /** Data added a month, GB (events × workload.eventKB). */
  storageGBPerMonth: number;
  /** Data kept (WAREHOUSE.retentionMonths of it), GB: what storage is billed on. */
  storedGB: number;
  /** Analytics queries it answers an hour (its share of workload.analyticsQueriesPerHour). */
  queriesPerHour: number;
  /** One query's time, seconds: overhead + scan / units, longer as scans overlap. */
  queryLatencySeconds: number;
  /** Share of time its units spend scanning (1 or more: queries queue without end). */
  queryUtilization: number;
  scannedTiBPerMonth: number;
  scanUsdPerMonth: number;
  storageUsdPerMonth: number;
}

export function warehouseReport(st: RunState, v: number, peakFactor = st.workload.peakFactor): WarehouseReport {
  const net = st.net;
  const w = st.workload;
  const units = Math.max(1, net.instances[v]);
  const perHour = w.analyticsQueriesPerHour / Math.max(1, warehouseCount(net));
  const scanSeconds = w.analyticsScanGB / (WAREHOUSE.scanGBpsPerUnit.value * units);
  const u = (perHour / 3600) * scanSeconds;
  const ingest = st.processed[v * 4 + codes.JOB];
  // Events behind a queue already arrive at the average rate; on a request's own path they arrive at the peak.
  const monthlyEvents = (ingest / (net.syncJob[v] ? peakFactor : 1)) * SECONDS_PER_MONTH;
  const storageGBPerMonth = (monthlyEvents * w.eventKB) / 1e6;
  const storedGB = storageGBPerMonth * WAREHOUSE.retentionMonths.value;
  const scannedTiBPerMonth = (perHour * HOURS_PER_MONTH * w.analyticsScanGB) / GB_PER_TIB;
  return {
    ingestEventsPerSecond: ingest,
    storageGBPerMonth,
    storedGB,
    queriesPerHour: perHour,
    queryLatencySeconds: WAREHOUSE.queryOverheadMs.value / 1000 + (perHour > 0 ? scanSeconds / (1 - Math.min(u, 0.99)) : scanSeconds),
    queryUtilization: u,
    scannedTiBPerMonth,
    scanUsdPerMonth: scannedTiBPerMonth * USAGE_PRICES.warehousePerTiBScannedUsd.value,
    storageUsdPerMonth: storedGB * USAGE_PRICES.warehouseStorageGBMonthUsd.value,
  };
}

/** The warehouse's monthly bill: scans and storage. */
export function warehouseBill(st: RunState, v: number, peakFactor: number): { scanUsd: number; storageUsd: number } {
  const r = warehouseReport(st, v, peakFactor);
  return { scanUsd: r.scanUsdPerMonth, storageUsd: r.storageUsdPerMonth };
}
