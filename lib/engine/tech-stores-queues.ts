/**
 * Key-value stores, queues and logs, load balancers and gateways as
 * technologies (docs/model.md §14.2): the per-node tables `compile` builds
 * once for them, read by the passes in run/ through a few hooks. A node
 * without one of these technologies gets code TB_NONE and every table's
 * neutral value, so its behaviour is the kind's exactly.
 *
 * Kept free of value imports from compile.ts and run/ (they import this
 * module), so it works out kinds from their names.
 */
import type { Kind } from '../design/kinds';
import { DEFAULT_CONSISTENCY, DEFAULT_QUEUE_TYPE, KAFKA, RABBITMQ, SQS, type ConsistencyLevel } from './tech-figures';
import type { NodeParams } from './types';

export const TB_NONE = 0;
export const TB_DYNAMODB = 1;
export const TB_CASSANDRA = 2;
export const TB_SQS = 3;
export const TB_RABBITMQ = 4;
export const TB_KAFKA = 5;
export const TB_LB_MANAGED = 6;
export const TB_LB_HAPROXY = 7;
export const TB_LB_ENVOY = 8;
export const TB_GW_MANAGED = 9;
export const TB_GW_ENVOY = 10;

const CODES: Record<string, number> = {
  'nosql:dynamodb': TB_DYNAMODB,
  'nosql:cassandra': TB_CASSANDRA,
  'queue:sqs': TB_SQS,
  'queue:rabbitmq': TB_RABBITMQ,
  'queue:kafka': TB_KAFKA,
  'load-balancer:managed': TB_LB_MANAGED,
  'load-balancer:haproxy': TB_LB_HAPROXY,
  'load-balancer:envoy': TB_LB_ENVOY,
  'api-gateway:managed': TB_GW_MANAGED,
  'api-gateway:envoy': TB_GW_ENVOY,
};

/** Per-node tables of these technologies (docs/model.md §14.2). Arrays indexed by node. */
export interface StoreQueueTables {
  /** TB_* per node; TB_NONE for every other node. */
  code: Uint8Array;
  /** Whether any node has one of these technologies (lets the passes skip the hooks). */
  any: boolean;
  /** Cassandra: the consistency level, '' elsewhere. */
  consistency: (ConsistencyLevel | '')[];
  /** Replicas one read touches (Cassandra: the consistency level's count); 1 elsewhere. */
  readCopies: Float64Array;
  /**
   * Quorum availability (k of n) where it replaces the kind's rule: replicas a
   * request needs (Cassandra's consistency level; 2 of 3 for a Kafka partition
   * or a RabbitMQ quorum queue) and replicas there are. 0 = the kind's rule.
   */
  quorumNeed: Float64Array;
  quorumHeld: Float64Array;
  /** Mean and variance factors of the node's own time: waiting for the slowest of k replicas (Cassandra); 1 elsewhere. */
  latencyFactor: Float64Array;
  latencyVarFactor: Float64Array;
  /** Kafka: partitions of the topic; 0 elsewhere. */
  partitions: Float64Array;
  /** Kafka: hours a message is kept. */
  retentionHours: Float64Array;
  /** SQS: FIFO queue, and messages per request (batch size). */
  fifo: Uint8Array;
  batch: Float64Array;
  /** RabbitMQ: 1 for a quorum queue, 0 for a durable classic one. */
  quorumQueue: Uint8Array;
  /**
   * Per worker: the most consumers that can be busy (the partitions of the
   * Kafka topics feeding it; a consumer group gives each partition to one
   * consumer). 0 = no limit.
   */
  consumerCap: Float64Array;
  /** Capacity per instance was set by the technology's own rule (queues), for the report. */
  capacityBound: Uint8Array;
}

/** Harmonic number H_k: the mean of the slowest of k independent exponentials, in units of one. */
export function harmonic(k: number): number {
  let h = 0;
  for (let i = 1; i <= k; i++) h += 1 / i;
  return h;
}
function harmonic2(k: number): number {
  let h = 0;
  for (let i = 1; i <= k; i++) h += 1 / (i * i);
  return h;
}

/** Replicas a request at `level` waits for, of `rf`. */
export function replicasFor(level: ConsistencyLevel, rf: number): number {
  if (level === 'one') return 1;
  if (level === 'all') return rf;
  return Math.floor(rf / 2) + 1;
}

/** What compile has resolved that the tables need, by node. */
export interface CompiledBasics {
  n: number;
  kinds: readonly Kind[];
  technology: readonly string[];
  nodes: readonly { params?: NodeParams }[];
  instances: Float64Array;
  replicationFactor: Float64Array;
  capacityRps: Float64Array;
  behindSplitter: Uint8Array;
  routeStart: Int32Array;
  routeTarget: Int32Array;
  routeFrac: Float64Array;
}

/**
 * Of `instances` consumers of a queue, the ones its Kafka partitions keep
 * busy: one consumer per partition of a group, so those beyond `cap` sit idle
 * (docs/model.md §14.2). `cap` is the worker's `consumerCap`; 0 = no cap.
 */
export function busyConsumers(instances: number, cap: number): number {
  return cap > 0 ? Math.min(instances, cap) : instances;
}

/**
 * Builds the tables after compile's node loop and routes, and applies the
 * technologies' capacity rules to `capacityRps` and their failover to
 * `behindSplitter` (both compile arrays, changed in place). O(nodes + routes).
 */
export function compileStoresQueues(c: CompiledBasics): StoreQueueTables {
  const n = c.n;
  const code = new Uint8Array(n);
  const consistency: (ConsistencyLevel | '')[] = new Array(n).fill('');
  const readCopies = new Float64Array(n).fill(1);
  const quorumNeed = new Float64Array(n);
  const quorumHeld = new Float64Array(n);
  const latencyFactor = new Float64Array(n).fill(1);
  const latencyVarFactor = new Float64Array(n).fill(1);
  const partitions = new Float64Array(n);
  const retentionHours = new Float64Array(n);
  const fifo = new Uint8Array(n);
  const batch = new Float64Array(n).fill(1);
  const quorumQueue = new Uint8Array(n);
  const consumerCap = new Float64Array(n);
  const capacityBound = new Uint8Array(n);
  let any = false;
  for (let v = 0; v < n; v++) {
    const t = c.technology[v];
    if (t === '') continue;
    const tc = CODES[`${c.kinds[v]}:${t}`] ?? TB_NONE;
    if (tc === TB_NONE) continue;
    any = true;
    code[v] = tc;
    const p = c.nodes[v].params ?? {};
    const inst = Math.max(1, c.instances[v]);
    switch (tc) {
      case TB_CASSANDRA: {
        const level = p.consistency ?? DEFAULT_CONSISTENCY.value;
        const rf = Math.min(c.replicationFactor[v], inst);
        const k = replicasFor(level, rf);
        consistency[v] = level;
        readCopies[v] = k;
        quorumNeed[v] = k;
        quorumHeld[v] = rf;
        latencyFactor[v] = harmonic(k);
        latencyVarFactor[v] = harmonic2(k);
        break;
      }
      case TB_SQS: {
        fifo[v] = p.fifo ? 1 : 0;
        batch[v] = Math.max(1, Math.min(SQS.maxBatch.value, Math.round(p.batchSize ?? 1)));
        // Standard: "nearly unlimited"; FIFO: 300 calls a second per action, each carrying a batch.
        c.capacityRps[v] = fifo[v] ? SQS.fifoCallsPerSecond.value * batch[v] : 0;
        capacityBound[v] = fifo[v];
        break;
      }
      case TB_RABBITMQ: {
        const quorum = (p.queueType ?? DEFAULT_QUEUE_TYPE.value) === 'quorum';
        quorumQueue[v] = quorum ? 1 : 0;
        c.capacityRps[v] = quorum ? RABBITMQ.quorumMsgPerSecond.value : RABBITMQ.classicMsgPerSecond.value;
        capacityBound[v] = 1;
        if (quorum) {
          // A quorum queue keeps its replicas on up to 3 nodes and needs a majority of them.
          const held = Math.min(inst, RABBITMQ.quorumReplicas.value);
          quorumHeld[v] = held;
          quorumNeed[v] = Math.floor(held / 2) + 1;
        }
        break;
      }
      case TB_KAFKA: {
        const parts = Math.max(1, Math.round(p.partitions ?? KAFKA.defaultPartitions.value));
        partitions[v] = parts;
        retentionHours[v] = p.retentionHours ?? KAFKA.defaultRetentionHours.value;
        // The topic carries the lesser of its brokers' and its partitions' throughput, spread over the brokers.
        const perPartition = (KAFKA.partitionMBps.value * 1000) / KAFKA.messageKB.value;
        c.capacityRps[v] = Math.min(KAFKA.brokerMsgPerSecond.value, (parts * perPartition) / inst);
        capacityBound[v] = 1;
        const held = Math.min(inst, KAFKA.replicationFactor.value);
        quorumHeld[v] = held;
        quorumNeed[v] = Math.floor(held / 2) + 1;
        break;
      }
      case TB_LB_HAPROXY:
      case TB_GW_ENVOY:
      case TB_LB_ENVOY: {
        // Two or more self-hosted instances share a floating address (keepalived/VRRP) or DNS
        // health checks: traffic moves off a failed one. One alone is a single point of failure.
        if (inst >= 2) c.behindSplitter[v] = 1;
        break;
      }
    }
  }
  // A consumer group gives each partition to one consumer: workers beyond the
  // partitions idle. Workers sharing a topic share its partitions (by the share
  // of its messages each takes); a worker also fed by another kind of queue is
  // not limited.
  if (any) {
    const otherQueue = new Uint8Array(n);
    for (let v = 0; v < n; v++) {
      if (c.kinds[v] !== 'queue') continue;
      const b = v * 4 + 3;
      for (let i = c.routeStart[b]; i < c.routeStart[b + 1]; i++) {
        const t = c.routeTarget[i];
        if (c.kinds[t] !== 'worker') continue;
        if (code[v] === TB_KAFKA) consumerCap[t] += Math.max(1, Math.round(partitions[v] * c.routeFrac[i]));
        else otherQueue[t] = 1;
      }
    }
    for (let v = 0; v < n; v++) if (otherQueue[v]) consumerCap[v] = 0;
  }
  return {
    code,
    any,
    consistency,
    readCopies,
    quorumNeed,
    quorumHeld,
    latencyFactor,
    latencyVarFactor,
    partitions,
    retentionHours,
    fifo,
    batch,
    quorumQueue,
    consumerCap,
    capacityBound,
  };
}
