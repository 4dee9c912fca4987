/**
 * Figures of the key-value stores, queues and logs, load balancers and
 * gateways a node may be (docs/model.md §14.2; helper B's technologies in
 * lib/engine/technologies.ts). Each figure says where it comes from:
 * /work/shared/SOURCES.md by section, or "unverified" where SOURCES.md has no
 * figure (listed as such on the model page), or "derived" for arithmetic on a
 * cited figure. The technologies' overrides of their kinds' catalog defaults
 * (latency, capacity per instance, availability, price key) live in the
 * registry; what the engine does with them beyond a kind's defaults reads the
 * figures here, and nowhere else.
 */
import type { Sourced } from './catalog';
import { CONSISTENCY_LEVELS, QUEUE_TYPES, type ConsistencyLevel, type QueueType } from '../design/kinds';

export { CONSISTENCY_LEVELS, QUEUE_TYPES, type ConsistencyLevel, type QueueType };

/** DynamoDB on demand (SOURCES.md §8). */
export const DYNAMODB = {
  partitionReadUnits: {
    value: 3_000,
    source: 'SOURCES.md §8: 3,000 RCU per partition (AWS DynamoDB Developer Guide, bp-partition-key-design.md, 2023-05)',
  },
  partitionWriteUnits: {
    value: 1_000,
    source: 'SOURCES.md §8: 1,000 WCU per partition (AWS DynamoDB Developer Guide, bp-partition-key-design.md, 2023-05)',
  },
  headroom: {
    value: 2,
    source:
      'SOURCES.md §8: on demand "instantly accommodates 2× the previous peak" (HowItWorks.ReadWriteCapacityMode.md): the table holds partitions for twice its peak',
  },
  tableQuotaUnits: {
    value: 40_000,
    source: 'SOURCES.md §8: default table quota 40,000 read and 40,000 write request units per second (ServiceQuotas.md); raisable on request',
  },
} as const satisfies Record<string, Sourced<number>>;

/** Cassandra's tunable consistency (docs/model.md §14.2). */
export const CASSANDRA = {
  clientWritesPerNode: {
    value: 3_800,
    source:
      'SOURCES.md §8: Netflix 1.1 M client writes/s on 288 m1.xlarge at RF 3 (Cockcroft & Sheahan, 2011-11), ≈ 3,800 client writes/s per node (derived there)',
  },
} as const satisfies Record<string, Sourced<number>>;

/** The consistency levels a Cassandra node may be set to, lowest first. */
export const DEFAULT_CONSISTENCY: Sourced<ConsistencyLevel> = {
  value: 'quorum',
  source:
    'decided: QUORUM reads and writes (R + W > RF) is the production setting that reads its own writes and survives one node of three; drivers default to (LOCAL_)ONE',
};

/** SQS (SOURCES.md §7, prices §9). */
export const SQS = {
  fifoCallsPerSecond: {
    value: 300,
    source:
      'SOURCES.md §7: FIFO 300 TPS per API action, 3,000 msg/s with 10-message batches (AWS SQS Developer Guide, "Amazon SQS message quotas", current)',
  },
  maxBatch: { value: 10, source: 'SOURCES.md §7: batches of up to 10 messages (the 3,000 msg/s FIFO figure is 300 calls × 10)' },
  requestsPerMessage: {
    value: 3,
    source: 'derived: a message costs a SendMessage, a ReceiveMessage and a DeleteMessage request, each carrying up to a batch of messages',
  },
} as const satisfies Record<string, Sourced<number>>;

/** RabbitMQ queue types (SOURCES.md §7). */
export const RABBITMQ = {
  classicMsgPerSecond: {
    value: 99_413,
    source:
      'SOURCES.md §7: RabbitMQ 4.0 durable classic queue 99,413 msg/s end to end on one node (8-core NUC, 12-byte messages), p50 1 ms, p99 2 ms (rabbitmq.com blog, 2024-08-21)',
  },
  quorumMsgPerSecond: {
    value: 9_986,
    source:
      'SOURCES.md §7: RabbitMQ 4.0 quorum queue 9,986 msg/s with default settings (15,493 fsyncs; 83,459 with tuned flow control) (rabbitmq.com blog, 2024-08-21)',
  },
  quorumTunedMsgPerSecond: {
    value: 83_459,
    source: 'SOURCES.md §7: RabbitMQ 4.0 quorum queue 83,459 msg/s with tuned flow control (rabbitmq.com blog, 2024-08-21)',
  },
  quorumReplicas: {
    value: 3,
    source: 'unverified: a quorum queue keeps 3 replicas (its default initial group size on a cluster of 3 or more nodes; RabbitMQ docs, not in SOURCES.md)',
  },
} as const satisfies Record<string, Sourced<number>>;
export const DEFAULT_QUEUE_TYPE: Sourced<QueueType> = {
  value: 'classic',
  source: 'RabbitMQ declares a durable classic queue unless told otherwise (x-queue-type)',
};

/** Kafka (SOURCES.md "Throughput and latency", §7). */
export const KAFKA = {
  partitionMBps: {
    value: 10,
    source:
      'SOURCES.md §7: "one can produce at 10s of MB/sec on just a single partition" (Jun Rao, Confluent, 2015): the low end, 10 MB/s',
  },
  messageKB: {
    value: 1,
    source: 'unverified: a job message (an id and a few fields) of about 1 KB',
  },
  brokerMsgPerSecond: {
    value: 140_608,
    source:
      'SOURCES.md "Throughput and latency": Kreps, 3 brokers with 3× synchronous replication 421,823 records/s (100 B) = 140,608 per broker',
  },
  defaultPartitions: {
    value: 6,
    source: 'unverified: two partitions per broker of a three-broker cluster (the broker default num.partitions is 1)',
  },
  defaultBrokers: { value: 3, source: 'SOURCES.md "Throughput and latency": Kreps\'s benchmark cluster of 3 brokers (replication factor 3)' },
  replicationFactor: { value: 3, source: 'SOURCES.md "Throughput and latency": Kreps, 3× replication; a write is acknowledged by 2 of 3 (min.insync.replicas 2, unverified)' },
  defaultRetentionHours: { value: 168, source: 'unverified: Kafka\'s default log.retention.hours is 168 (7 days; Kafka docs, not in SOURCES.md)' },
} as const satisfies Record<string, Sourced<number>>;

/** Self-hosted proxies and managed balancers and gateways (SOURCES.md "Throughput and latency", §9). */
export const PROXIES = {
  haproxyRpsPerCore: {
    value: 32_000,
    source: 'SOURCES.md "Throughput and latency": HAProxy 2.04–2.08M rps on 64-core Graviton2, ~32k rps per core (haproxy.com blog, 2021)',
  },
  proxyVcpu: { value: 2, source: 'SOURCES.md Prices table: one c6g.large has 2 vCPU' },
} as const satisfies Record<string, Sourced<number>>;
