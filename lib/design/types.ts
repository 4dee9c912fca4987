/**
 * A design document's types (MODEL.md §1.1): nodes, edges, their params and
 * the workload. The schema (schema.ts) is checked against them; the engine
 * reads them from here.
 */
import type { ConsistencyLevel, DnsRouting, Kind, LbAlgorithm, QueueType, Size } from './kinds';

export interface ServiceMsParams {
  static?: number;
  read?: number;
  write?: number;
}

export interface AutoscaleParams {
  min: number;
  max: number;
  /** Target utilisation per instance, in (0, 1]. */
  target: number;
}

/** Per-node overrides of catalog defaults (MODEL.md §1.1). */
export interface NodeParams {
  instances?: number;
  size?: Size;
  cores?: number;
  serviceMs?: ServiceMsParams;
  hitRatio?: number;
  latencyMs?: number;
  availability?: number;
  hourlyUsd?: number;
  shards?: number;
  shardSkew?: number;
  standby?: boolean;
  applyFactor?: number;
  replicationFactor?: number;
  limitRps?: number;
  autoscale?: AutoscaleParams;
  stateless?: boolean;
  region?: string;
  maxStorageGB?: number;
  algorithm?: LbAlgorithm;
  routing?: DnsRouting;
  /** The product the node is (lib/design/technologies.ts); absent = "generic". */
  technology?: string;
  /** Cassandra: replicas a read and a write wait for (docs/model.md §14.2). */
  consistency?: ConsistencyLevel;
  /** Kafka: partitions of the topic. */
  partitions?: number;
  /** Kafka: hours a message is kept. */
  retentionHours?: number;
  /** SQS: a FIFO queue (ordered, 300 calls a second per action). */
  fifo?: boolean;
  /** SQS: messages sent, received and deleted per request (1–10). */
  batchSize?: number;
  /** RabbitMQ: durable classic queues or replicated quorum queues. */
  queueType?: QueueType;
  // Cloud-native params (docs/model.md §14.3).
  /** Serverless: most invocations running at once (the account's regional limit, 1,000 by default). */
  concurrency?: number;
  /** Serverless: memory of one execution environment, MB (billed per GB-second). */
  memoryMB?: number;
  /** Serverless: time a cold start adds (the package's init), ms. */
  initMs?: number;
  /** Container cluster: pods that fit on one node. */
  podsPerNode?: number;
  /** App server, service, container cluster: a sidecar proxy (service mesh) on every instance, with mTLS. */
  mesh?: boolean;
}

export interface DesignNode {
  id: string;
  kind: Kind;
  label?: string;
  position?: { x: number; y: number };
  params?: NodeParams;
}

export interface EdgeParams {
  latencyMs?: number;
  share?: number;
}

export interface DesignEdge {
  id: string;
  source: string;
  target: string;
  params?: EdgeParams;
}

/** Where the users are (MODEL.md §9.4): near one region, or spread over the world. */
export type Audience = 'regional' | 'global';

/** Workload (MODEL.md §1.2, §9). Every field but `users` has a default. */
export interface Workload {
  users: number;
  requestsPerUserPerDay?: number;
  peakFactor?: number;
  staticShare?: number;
  readRatio?: number;
  asyncShare?: number;
  jobServiceMs?: number;
  staticKB?: number;
  dynamicKB?: number;
  dataPerUserMB?: number;
  /** Database queries one read request makes (an ORM-built page: 5–20). */
  queriesPerRead?: number;
  /** Statements in one write request's transaction. */
  queriesPerWrite?: number;
  /** Deploys a day of each app tier (MODEL.md §9.3). */
  deploysPerDay?: number;
  /** Traffic of a flash crowd as a multiple of the peak (MODEL.md §9.5). */
  flashFactor?: number;
  audience?: Audience;
  /** Analytics queries (reports, dashboards) run per hour, by staff rather than users (docs/model.md §14.4); default 0. */
  analyticsQueriesPerHour?: number;
  /** Data one analytics query reads, GB (the bytes of the columns it references); default 10. */
  analyticsScanGB?: number;
  /** Size of one event (a job message) as stored in a warehouse, KB; default 1. */
  eventKB?: number;
}

export type ResolvedWorkload = Required<Workload>;

/** A design document, schema version 1 (MODEL.md §1.1). */
export interface Design {
  schemaVersion: 1;
  name?: string;
  workload?: Workload;
  nodes: DesignNode[];
  edges: DesignEdge[];
}
