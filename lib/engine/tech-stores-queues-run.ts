/**
 * What the key-value stores, queues and logs, load balancers and gateways
 * (docs/model.md §14.2) do in a run beyond their kinds' rules: DynamoDB's
 * partitions, the usage they bill, their report in the results and the
 * findings that explain them in numbers. run/, evaluate.ts and findings.ts
 * call these through a few hooks; the tables come from tech-stores-queues.ts.
 *
 * Only type imports from run/, compile.ts and findings.ts (they import this
 * module), so nothing here runs at load time.
 */
import type { CompiledNetwork } from './compile';
import type { Finding, StoreQueueReport } from './evaluation';
import { formatInteger, formatPercent, formatUsd } from '../shared/format';
import { rps } from './types';
import { USAGE_PRICES, tieredRequestCostUsd } from './prices';
import type { RunState } from './run';
import { DYNAMODB, KAFKA, RABBITMQ, SQS } from './tech-figures';
import {
  TB_CASSANDRA,
  TB_DYNAMODB,
  TB_GW_ENVOY,
  TB_GW_MANAGED,
  TB_KAFKA,
  TB_LB_ENVOY,
  TB_LB_HAPROXY,
  TB_RABBITMQ,
  TB_SQS,
  busyConsumers,
  harmonic,
  replicasFor,
} from './tech-stores-queues';

// ---------------------------------------------------------------------------
// DynamoDB partitions (forward pass)

/**
 * Partitions' worth of traffic: one partition serves 3,000 reads or 1,000
 * writes a second, or any mix in proportion (DynamoDB's partition formula,
 * RCU/3,000 + WCU/1,000). A request is one unit (reads up to 4 KB, writes up
 * to 1 KB).
 */
export function dynamoUnits(reads: number, writes: number): number {
  return reads / DYNAMODB.partitionReadUnits.value + writes / DYNAMODB.partitionWriteUnits.value;
}

/**
 * Partitions an on-demand table holds at this load: twice its peak (it
 * accommodates 2× its previous peak), at least one. Kept fractional (an
 * average over the table's uneven splits), so the hottest partition's load
 * grows smoothly with traffic; shown rounded up.
 */
export function dynamoPartitions(units: number): number {
  return Math.max(1, DYNAMODB.headroom.value * units);
}

// ---------------------------------------------------------------------------
// Cost (MODEL.md §5): usage these technologies bill

/** What `storeQueueCost` found for one node. */
export interface StoreQueueCost {
  /** Usage billed, US dollars a month (added to the node's own line). */
  own: number;
  /** Storage billed, US dollars a month, or -1 to keep the kind's rule. */
  storage: number;
  /** The kind's own usage rule (a load balancer's LCUs) does not apply. */
  replacesUsage: boolean;
}

/**
 * Usage and storage of a node with one of these technologies. `usage` holds
 * the rates billed (the average hour, or the peak when `perSecondFactor`
 * scales it down), `storageGB` the logical data it holds; `secondsPerMonth`
 * turns a rate billed into a monthly count. O(1).
 */
export function storeQueueCost(
  net: CompiledNetwork,
  usage: RunState,
  storageGB: number,
  v: number,
  rateFactor: number,
  secondsPerMonth: number,
  out: StoreQueueCost,
): void {
  const t = net.storesQueues;
  const code = t.code[v];
  const b = v * 4;
  const p = usage.processed;
  out.own = 0;
  out.storage = -1;
  out.replacesUsage = false;
  const monthly = (rate: number) => rate * rateFactor * secondsPerMonth;
  if (code === TB_DYNAMODB) {
    const reads = monthly(p[b + 1]);
    const writes = monthly(p[b + 2] + p[b + 3]);
    out.own = (reads / 1e6) * USAGE_PRICES.dynamoDbPerMillionReadsUsd.value + (writes / 1e6) * USAGE_PRICES.dynamoDbPerMillionWritesUsd.value;
    // One logical copy billed: the three copies across zones are the service's.
    out.storage = storageGB * USAGE_PRICES.dynamoDbStorageGBMonthUsd.value;
    out.replacesUsage = true;
  } else if (code === TB_SQS) {
    const messages = monthly(p[b + 3]);
    const requests = (messages * SQS.requestsPerMessage.value) / t.batch[v];
    const price = t.fifo[v] ? USAGE_PRICES.sqsFifoPerMillionRequestsUsd.value : USAGE_PRICES.sqsPerMillionRequestsUsd.value;
    out.own = (requests / 1e6) * price;
    out.replacesUsage = true;
  } else if (code === TB_KAFKA) {
    out.storage = kafkaRetainedGB(net, usage, v, rateFactor) * USAGE_PRICES.databaseStorageGBMonthUsd.value;
  } else if (code === TB_GW_MANAGED) {
    out.own = tieredRequestCostUsd(monthly(p[b] + p[b + 1] + p[b + 2]) / 1e6, USAGE_PRICES.apiGatewayHttp.tiers);
    out.replacesUsage = true;
  } else if (code === TB_LB_HAPROXY || code === TB_LB_ENVOY || code === TB_GW_ENVOY) {
    // Self-hosted: the instances are the whole bill (no LCUs).
    out.replacesUsage = true;
  }
}

/** GB a Kafka topic keeps on its brokers: the average message rate over the retention, on each replica. */
export function kafkaRetainedGB(net: CompiledNetwork, usage: RunState, v: number, rateFactor: number): number {
  const t = net.storesQueues;
  const perSecond = usage.processed[v * 4 + 3] * rateFactor;
  return (perSecond * KAFKA.messageKB.value * 3600 * t.retentionHours[v] * Math.max(1, t.quorumHeld[v])) / 1e6;
}

// ---------------------------------------------------------------------------
// Results

const NAMES: Record<number, string> = {
  [TB_DYNAMODB]: 'dynamodb',
  [TB_CASSANDRA]: 'cassandra',
  [TB_SQS]: 'sqs',
  [TB_RABBITMQ]: 'rabbitmq',
  [TB_KAFKA]: 'kafka',
  [TB_LB_HAPROXY]: 'haproxy',
  [TB_LB_ENVOY]: 'envoy',
  [TB_GW_ENVOY]: 'envoy',
};

/** Combinations C(n, k). */
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/**
 * Cassandra: the chance that a read made right after a write (inside the
 * replication window) finds the old value. The write is on `w` of `rf`
 * replicas; the read asks `r` of them: stale when all `r` are among the
 * `rf − w` without it, C(rf − w, r) / C(rf, r). 0 whenever r + w > rf.
 */
export function staleAfterWrite(rf: number, r: number, w: number): number {
  return choose(rf - w, r) / choose(rf, r);
}

/** A worker's consumers busy and idle behind a Kafka topic (a consumer per worker instance). */
function consumers(st: RunState, worker: number): { busy: number; idle: number } {
  const have = Math.max(1, st.instances[worker]);
  const busy = busyConsumers(have, st.net.storesQueues.consumerCap[worker]);
  return { busy, idle: have - busy };
}

/** The results panel's figures for a node with one of these technologies, or undefined. */
export function storeQueueReport(st: RunState, v: number): StoreQueueReport | undefined {
  const net = st.net;
  const t = net.storesQueues;
  const code = t.code[v];
  if (!code || !NAMES[code]) return undefined;
  const b = v * 4;
  const r: StoreQueueReport = { technology: NAMES[code] };
  if (code === TB_DYNAMODB) {
    r.partitions = st.instances[v];
    r.hotPartitionUtilization = st.utilization[v];
    r.throttledRps = rps(st.failed[b + 1] + st.failed[b + 2] + st.failed[b + 3]);
  } else if (code === TB_CASSANDRA) {
    const rf = t.quorumHeld[v];
    const k = t.readCopies[v];
    r.consistency = t.consistency[v];
    r.replicationFactor = rf;
    r.replicasPerRequest = k;
    r.readYourWrites = k + k > rf;
    r.staleAfterWriteShare = staleAfterWrite(rf, k, k);
  } else if (code === TB_KAFKA || code === TB_SQS || code === TB_RABBITMQ) {
    const cap = net.capacityRps[v] * Math.max(1, st.instances[v]);
    r.capacityRps = cap > 0 ? rps(cap) : null;
    if (code === TB_KAFKA) {
      r.partitions = t.partitions[v];
      let busy = 0;
      let idle = 0;
      const jb = b + 3;
      for (let i = net.routeStart[jb]; i < net.routeStart[jb + 1]; i++) {
        const c = consumers(st, net.routeTarget[i]);
        busy += c.busy;
        idle += c.idle;
      }
      r.busyConsumers = busy;
      r.idleConsumers = idle;
      r.retainedGB = kafkaRetainedGB(net, st, v, 1 / st.workload.peakFactor);
    } else if (code === TB_SQS) {
      r.requestsPerMessage = SQS.requestsPerMessage.value / t.batch[v];
      r.throttledRps = rps(st.failed[b + 3]);
    } else {
      r.queueType = t.quorumQueue[v] ? 'quorum' : 'classic';
    }
  }
  return r;
}

/** The mean time of a Cassandra node's own stage, as a multiple of one replica's (the slowest of the k it waits for). */
export function ownTimeFactor(net: CompiledNetwork, v: number): number {
  return net.storesQueues.latencyFactor[v];
}

// ---------------------------------------------------------------------------
// Findings (MODEL.md §6)

const pct = (x: number) => formatPercent(x);
const rate = (x: number) => `${formatInteger(x)}/s`;
const perSecond = (x: number, what: string) => `${formatInteger(x)} ${what} a second`;

/** A node's name as findings.ts shows it. */
function name(net: CompiledNetwork, v: number): string {
  const kind = net.specs[v].label;
  return net.labels[v] === kind ? kind : `${kind} "${net.labels[v]}"`;
}

/** Whether the workers behind a Kafka topic are held back by its partitions (some of them idle). */
export function partitionBound(st: RunState, v: number): boolean {
  const net = st.net;
  if (net.storesQueues.code[v] !== TB_KAFKA) return false;
  const jb = v * 4 + 3;
  for (let i = net.routeStart[jb]; i < net.routeStart[jb + 1]; i++) if (consumers(st, net.routeTarget[i]).idle >= 1) return true;
  return false;
}

/** Whether the kind's generic "hot"/"saturated" finding would misname the fix (these technologies explain their own). */
export function ownsLoadFinding(net: CompiledNetwork, v: number): boolean {
  const code = net.storesQueues.code[v];
  return code === TB_DYNAMODB || code === TB_SQS || code === TB_KAFKA || code === TB_RABBITMQ;
}

/** Why a node with one of these technologies is a single point of failure, and the fix; null to use the kind's words. */
export function storeQueueSpof(st: RunState, v: number): { why: string; fix: string } | null {
  const net = st.net;
  const t = net.storesQueues;
  const code = t.code[v];
  if (code === TB_CASSANDRA && t.consistency[v] === 'all' && t.quorumHeld[v] > 1) {
    return {
      why: `consistency ALL waits for all ${t.quorumHeld[v]} replicas, so one node down fails the requests for its keys`,
      fix: `Use QUORUM: with replication factor ${t.quorumHeld[v]} it waits for ${replicasFor('quorum', t.quorumHeld[v])}, survives one node down and still reads your writes.`,
    };
  }
  if (code === TB_KAFKA && st.have[v] <= 1) {
    return { why: 'it is one broker, so every partition has a single copy', fix: 'Run 3 brokers (replication factor 3): a partition then survives one broker down.' };
  }
  if (code === TB_RABBITMQ && t.quorumQueue[v] && st.have[v] <= 1) {
    return { why: 'it is one broker, so its quorum queues have a single replica', fix: 'Run 3 nodes: a quorum queue keeps a replica on each and survives one down.' };
  }
  if (code === TB_RABBITMQ && !t.quorumQueue[v]) {
    return {
      why: st.have[v] <= 1 ? 'it is one broker' : 'a classic queue lives on one node, so a node down stops its queues',
      fix: 'Use quorum queues on 3 nodes: each queue is replicated and survives one node down (at 9,986 msg/s a node with default settings instead of 99,413).',
    };
  }
  if ((code === TB_LB_HAPROXY || code === TB_LB_ENVOY || code === TB_GW_ENVOY) && st.have[v] <= 1) {
    return {
      why: `it is one self-hosted ${code === TB_LB_HAPROXY ? 'HAProxy' : 'Envoy'} instance, and every request passes through it`,
      fix: 'Run two instances behind a floating address (keepalived) or DNS health checks, or use the managed one, which scales itself and has no single instance.',
    };
  }
  return null;
}

/** The findings these technologies add for node v (pushed to `out`). */
export function storeQueueFindings(st: RunState, v: number, out: Finding[]): void {
  const net = st.net;
  const t = net.storesQueues;
  const code = t.code[v];
  if (!code) return;
  const id = net.ids[v];
  const b = v * 4;
  const a = st.arrival;
  if (code === TB_DYNAMODB) {
    const reads = a[b + 1];
    const writes = a[b + 2] + a[b + 3];
    const u = st.utilization[v];
    const hot = st.hotShare[v];
    const parts = st.instances[v];
    const throttled = st.failed[b + 1] + st.failed[b + 2] + st.failed[b + 3];
    const limits = `${formatInteger(DYNAMODB.partitionReadUnits.value)} reads or ${formatInteger(DYNAMODB.partitionWriteUnits.value)} writes a second`;
    const hotWhy =
      net.shardSkew[v] > 0 && parts > 1
        ? ` The table spreads its keys over ${formatInteger(parts)} partitions (room for twice its peak), but a hot key (shardSkew ${net.shardSkew[v]}) puts ${(1 + net.shardSkew[v]).toFixed(1)}× the average load on one, and one key never splits across partitions.`
        : ` The table has ${formatInteger(parts)} partition${parts === 1 ? '' : 's'}.`;
    const load = `its hottest partition takes ${perSecond(reads * hot, 'reads')} and ${perSecond(writes * hot, 'writes')}, ${pct(u)} of what one partition serves (${limits})`;
    if (throttled > 1e-9) {
      out.push({
        severity: 'error',
        code: 'throttled',
        nodeId: id,
        message: `${name(net, v)} throttles ${rate(throttled)} (${pct(throttled / Math.max(1e-12, reads + writes))} of its requests): ${load}.${hotWhy} Spread the hot key (add a suffix to the partition key) or cache its reads.`,
        lessonId: 'guide-sharding',
      });
    } else if (u > 0.8) {
      out.push({
        severity: 'warning',
        code: 'hot',
        nodeId: id,
        message: `${name(net, v)} is close to throttling: ${load}.${hotWhy} Spread hot keys before the peak grows.`,
        lessonId: 'guide-sharding',
      });
    }
    const quota = DYNAMODB.tableQuotaUnits.value;
    if (reads > quota || writes > quota) {
      out.push({
        severity: 'info',
        code: 'table-quota',
        nodeId: id,
        message: `${name(net, v)} takes ${rate(reads)} reads and ${rate(writes)} writes, above the default table quota of ${formatInteger(quota)} a second each: ask AWS to raise it before launch.`,
        lessonId: 'guide-sharding',
      });
    }
    return;
  }
  if (code === TB_CASSANDRA) {
    const rf = t.quorumHeld[v];
    const k = t.readCopies[v];
    if (rf > 1 && k + k <= rf && a[b + 1] > 0) {
      const stale = staleAfterWrite(rf, k, k);
      const q = replicasFor('quorum', rf);
      out.push({
        severity: 'info',
        code: 'stale-reads',
        nodeId: id,
        message: `${name(net, v)} reads and writes at consistency ${t.consistency[v].toUpperCase()} with replication factor ${rf}: a write waits for ${k} replica and a read asks ${k}, and ${k} + ${k} ≤ ${rf}, so a read right after a write finds the old value with probability ${pct(stale)}. QUORUM (${q} + ${q} > ${rf}) reads your own writes, at ${q} replica reads per read and about ${(harmonic(q) / harmonic(k)).toFixed(1)}× the wait.`,
        lessonId: 'guide-replication',
      });
    }
    return;
  }
  if (code === TB_KAFKA || code === TB_SQS || code === TB_RABBITMQ) {
    const msgs = a[b + 3];
    const inst = Math.max(1, st.instances[v]);
    const cap = net.capacityRps[v] * inst;
    const u = cap > 0 ? msgs / cap : 0;
    const failed = st.failed[b + 3];
    const state = failed > 1e-9 ? `refuses ${rate(failed)} of ${rate(msgs)} messages` : `takes ${rate(msgs)} messages, ${pct(u)} of what it can`;
    if (code === TB_KAFKA) {
      const perPartition = (KAFKA.partitionMBps.value * 1000) / KAFKA.messageKB.value;
      const byPartitions = t.partitions[v] * perPartition;
      const byBrokers = inst * KAFKA.brokerMsgPerSecond.value;
      if (u > 0.8) {
        const partitionBound = byPartitions <= byBrokers;
        out.push({
          severity: failed > 1e-9 ? 'error' : 'warning',
          code: failed > 1e-9 ? 'saturated' : 'hot',
          nodeId: id,
          message: `${name(net, v)} ${state}: ${formatInteger(t.partitions[v])} partitions × ${formatInteger(perPartition)} msg/s (${KAFKA.partitionMBps.value} MB/s of ${KAFKA.messageKB.value} KB messages) = ${rate(byPartitions)}, and ${formatInteger(inst)} broker${inst === 1 ? '' : 's'} × ${formatInteger(KAFKA.brokerMsgPerSecond.value)} = ${rate(byBrokers)}. ${partitionBound ? 'The partitions bind: add partitions.' : 'The brokers bind: add brokers.'}`,
          lessonId: 'guide-queues',
        });
      }
      const jb = b + 3;
      for (let i = net.routeStart[jb]; i < net.routeStart[jb + 1]; i++) {
        const w = net.routeTarget[i];
        const c = consumers(st, w);
        if (c.idle >= 1) {
          const idleUsd = net.hourlyUsd[w] * 730 * c.idle;
          out.push({
            severity: 'warning',
            code: 'idle-consumers',
            nodeId: id,
            message: `${name(net, v)} has ${formatInteger(t.partitions[v])} partitions, and a consumer group gives each partition to one consumer: only ${formatInteger(c.busy)} of the ${formatInteger(c.busy + c.idle)} instances of ${name(net, w)} get messages; ${formatInteger(c.idle)} sit idle and cost ${formatUsd(idleUsd)} a month. Raise partitions to at least ${formatInteger(c.busy + c.idle)}, or run ${formatInteger(c.busy)} workers.`,
            lessonId: 'guide-queues',
          });
        }
      }
      const drain = st.drainSeconds[v];
      const keepS = t.retentionHours[v] * 3600;
      if (st.backlogJobs[v] > 0 && (drain < 0 || drain > keepS)) {
        out.push({
          severity: 'error',
          code: 'retention-loss',
          nodeId: id,
          message: `${name(net, v)} keeps messages ${formatInteger(t.retentionHours[v])} h, but its backlog of ${formatInteger(st.backlogJobs[v])} messages ${drain < 0 ? 'never drains' : `takes ${(drain / 3600).toFixed(1)} h to drain`}: messages are deleted before workers read them. Add workers (and partitions) or keep messages longer.`,
          lessonId: 'guide-queues',
        });
      }
      return;
    }
    if (code === TB_SQS) {
      if (t.fifo[v] && u > 0.8) {
        out.push({
          severity: failed > 1e-9 ? 'error' : 'warning',
          code: failed > 1e-9 ? 'throttled' : 'hot',
          nodeId: id,
          message: `${name(net, v)} is a FIFO queue and ${state}: FIFO takes ${formatInteger(SQS.fifoCallsPerSecond.value)} calls a second per action, here carrying ${formatInteger(t.batch[v])} message${t.batch[v] === 1 ? '' : 's'} each (${rate(cap)}). ${t.batch[v] < SQS.maxBatch.value ? `Batches of ${SQS.maxBatch.value} raise it to ${rate(SQS.fifoCallsPerSecond.value * SQS.maxBatch.value)}; ` : ''}a standard queue has no such limit if strict order does not matter.`,
          lessonId: 'guide-queues',
        });
      }
      return;
    }
    if (u > 0.8) {
      const quorum = t.quorumQueue[v] === 1;
      out.push({
        severity: failed > 1e-9 ? 'error' : 'warning',
        code: failed > 1e-9 ? 'saturated' : 'hot',
        nodeId: id,
        message: `${name(net, v)} ${state}: ${formatInteger(inst)} node${inst === 1 ? '' : 's'} × ${formatInteger(net.capacityRps[v])} msg/s for ${quorum ? 'quorum' : 'durable classic'} queues (one node: classic ${formatInteger(RABBITMQ.classicMsgPerSecond.value)}, quorum ${formatInteger(RABBITMQ.quorumMsgPerSecond.value)} with default settings). ${quorum ? `Add nodes, or tune the quorum queues' flow control (${formatInteger(RABBITMQ.quorumTunedMsgPerSecond.value)} msg/s in the benchmark).` : 'Add nodes.'}`,
        lessonId: 'guide-queues',
      });
    }
  }
}
