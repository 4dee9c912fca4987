/**
 * Cost (MODEL.md §5): the monthly bill of a run, at the average hour.
 */
import * as cloudNative from '../cloud-native';
import type { CompiledNetwork } from '../compile';
import * as pipeline from '../pipeline';
import * as prices from '../prices';
import * as storesQueuesRun from '../tech-stores-queues-run';
import type { StoreQueueCost } from '../tech-stores-queues-run';
import * as statePass from './state';
import type { RunState } from './state';
import * as flowPass from './flow';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS),
// which costs a call per use in the hot loops below.
const { HOURS_PER_MONTH, USAGE_PRICES, tieredCostUsd } = prices;
const { storeQueueCost } = storesQueuesRun;
const { serverlessMonthlyUsd, clusterNodes } = cloudNative;
const { LAT_NONE } = statePass;
const { forward } = flowPass;
const { warehouseBill } = pipeline;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

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
export function costs(st: RunState, spare: RunState | null) {
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
      const bill = warehouseBill(usage, v, pf);
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
