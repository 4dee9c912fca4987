/**
 * The engine's output (MODEL.md §7). The field names are the public contract
 * used unchanged by the CLI's `--json` output and the HTTP API; fields may be
 * added, never renamed. Everything is JSON-serialisable: plain objects,
 * finite numbers, `null` where a value does not exist.
 */
import type { Slo } from '../rules/slo';
import type { ConsistencyReport } from './consistency';
import type { Kind } from '../design/kinds';
import type { ClusterReport, MeshReport, ServerlessReport } from './cloud-native-results';
import type { LessonId } from './lessons';
import type { OltpAnalyticsReport, StreamReport, WarehouseReport } from './pipeline';
import type { Audience, Ms, ResolvedWorkload, Rps, Usd } from './types';

/** Rates per class at peak, requests (or jobs) per second. */
export interface ClassRates {
  static: Rps;
  read: Rps;
  write: Rps;
  job: Rps;
  total: Rps;
}

export interface LatencySummary {
  mean: Ms;
  p50: Ms;
  p95: Ms;
  p99: Ms;
}

export interface NodeResponse {
  mean: Ms;
  p95: Ms;
  p99: Ms;
}

/** The work that dominates a node (MODEL.md §6). */
export type LoadCategory = 'static' | 'read' | 'write' | 'job' | 'inline-job' | 'replica-apply' | 'replication';

export interface NodeQueueReport {
  /** Jobs waiting at the end of the peak hour. */
  backlogJobs: number;
  /** Seconds to drain that backlog after the peak; null when the workers are below the average rate (never drains). */
  drainSeconds: number | null;
  /** What the workers behind this queue can process, jobs per second. */
  workerCapacityRps: Rps;
}

/** Memory and disk of a relational store's hottest instance (MODEL.md §9.2). */
export interface NodeStorageIo {
  /** Share of page reads its buffer pool answers (RAM over the data, Zipf popularity). */
  bufferHitRatio: number;
  /** Storage operations a second at the hottest instance, and its volume's limit. */
  iops: number;
  iopsLimit: number;
  /** The CPU's utilisation alone (per instance). */
  cpuUtilization: number;
  /** iops / iopsLimit; `utilization` is the larger of this and the CPU's. */
  ioUtilization: number;
  /** Time a read request spends reading pages from storage, ms. */
  readIoMs: Ms;
}

/**
 * A key-value store, queue or log, load balancer or gateway of a given
 * technology (docs/model.md §14.2): the figures that explain its behaviour.
 * Fields that do not apply to the technology are absent.
 */
export interface StoreQueueReport {
  /** dynamodb, cassandra, sqs, rabbitmq, kafka, haproxy or envoy. */
  technology: string;
  /** DynamoDB: partitions the table holds at peak (room for twice the peak); Kafka: partitions of the topic. */
  partitions?: number;
  /** DynamoDB: the hottest partition's use of its 3,000 reads / 1,000 writes a second (above 1 = throttling). */
  hotPartitionUtilization?: number;
  /** DynamoDB, SQS FIFO: requests or messages refused at peak, per second. */
  throttledRps?: Rps;
  /** Cassandra: the consistency level, replicas per request at it, and the replication factor. */
  consistency?: string;
  replicasPerRequest?: number;
  replicationFactor?: number;
  /** Cassandra: reads and writes overlap on a replica (R + W > RF). */
  readYourWrites?: boolean;
  /** Cassandra: chance that a read right after a write finds the old value. */
  staleAfterWriteShare?: number;
  /** Queues: messages a second the queue can take (null = no limit). */
  capacityRps?: Rps | null;
  /** Kafka: worker instances that get partitions, and those that sit idle (a consumer per instance). */
  busyConsumers?: number;
  idleConsumers?: number;
  /** Kafka: data kept on the brokers for the retention period, GB (all replicas). */
  retainedGB?: number;
  /** SQS: billed requests per message (send, receive, delete, over the batch size). */
  requestsPerMessage?: number;
  /** RabbitMQ: classic or quorum. */
  queueType?: string;
}

export interface NodeResult {
  kind: Kind;
  label: string;
  arrivalRps: ClassRates;
  /** Handled at the node after saturation (and before shedding). */
  servedRps: ClassRates;
  failedRps: Rps;
  shedRps: Rps;
  /** Instances at peak (autoscaled nodes: as chosen at peak; database: shards; replicas: per shard × shards). */
  instances: number;
  /** Average instance count over the day (what is billed). */
  averageInstances: number;
  /** Servers per instance (M/M/c `c`). */
  cores: number;
  /** Per instance, the hottest shard for a sharded store; uncapped (1.4 = 140% of capacity). The largest of its cores', its network's (app tiers) and its storage's (relational stores) utilisation. */
  utilization: number;
  /** Its cores' utilisation alone (what a simulation of its queue measures). */
  cpuUtilization: number;
  /** An app tier's answers over its network bandwidth (MODEL.md §9.2); 0 for other kinds. */
  networkUtilization: number;
  saturated: boolean;
  responseMs: NodeResponse;
  availability: number;
  spof: boolean;
  /** The load class that dominates the node's work, or null when idle. */
  dominantLoad: LoadCategory | null;
  /** Logical data held (one copy), GB. */
  storageGB: number;
  storageFull: boolean;
  monthlyCostUsd: Usd;
  /** Present on queue nodes. */
  queue?: NodeQueueReport;
  /** Present on relational stores (MODEL.md §9.2): the buffer pool and the volume. */
  storageIo?: NodeStorageIo;
  /** Present on a database primary that runs analytics queries (no warehouse in the design; docs/model.md §14.4). */
  analytics?: OltpAnalyticsReport;
  /** Present on stream processors: parallelism, capacity and consumer lag (docs/model.md §14.4). */
  stream?: StreamReport;
  /** Present on warehouses: ingestion, data growth, query time and bill (docs/model.md §14.4). */
  warehouse?: WarehouseReport;
  /** Present on key-value stores, queues, balancers and gateways of a technology with its own figures (docs/model.md §14.2). */
  technologyReport?: StoreQueueReport;
  /** Present on serverless functions (docs/model.md §14.3): environments, cold starts, concurrency, flash-crowd ramp. */
  serverless?: ServerlessReport;
  /** Present on container clusters (docs/model.md §14.3): pods, nodes, flash-crowd ramp. */
  cluster?: ClusterReport;
  /** Present where a sidecar proxy runs (docs/model.md §14.3): mTLS and its costs. */
  mesh?: MeshReport;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  code: string;
  /** The node it concerns, or null for a design-wide finding. */
  nodeId: string | null;
  message: string;
  lessonId: LessonId;
}

/** What a stage check judges (MODEL.md §9.6); `scoreParts` groups them the same way. */
export type CheckCategory = 'capacity' | 'latency' | 'availability' | 'cost' | 'errors' | 'practice';

/** One side of a with/without comparison: the design's numbers at the stage's load. */
export interface ComparisonSide {
  /** What this side is ("with a cache", "without a cache"). */
  label: string;
  /** The busiest component's utilisation (uncapped). */
  maxUtilization: number;
  saturated: boolean;
  /** Server-side p95 per user class, ms. */
  p95ReadMs: number;
  p95WriteMs: number;
  availability: number;
  monthlyCostUsd: number;
  /** Monthly cost of the data tier (databases, replicas, caches, NoSQL, search), US dollars. */
  dataTierUsd: number;
  /** Read-replica instances the side needs (after adding replicas until nothing saturates), when relevant. */
  replicaInstances: number | null;
  /** Share of user requests that fail when one compute node's deploy goes bad (blast radius), when relevant. */
  blastRadius: number | null;
}

/**
 * What a practice buys at a soft transition (MODEL.md §9.1.4), computed by
 * the engine: the design evaluated with and without the technique.
 */
export interface PracticeComparison {
  with: ComparisonSide;
  without: ComparisonSide;
  /** One sentence with the figures of both sides. */
  summary: string;
}

export interface StageCheck {
  /** Stable id, e.g. `latency`, `availability`, `practice:cache-for-reads`. */
  id: string;
  category: CheckCategory;
  /** What was measured, as a plain sentence: "p95 read latency 180 ms ≤ 200 ms". */
  label: string;
  passed: boolean;
  /** The measured value and the limit it is held to (units in `unit`); null for yes/no checks. */
  value: number | null;
  limit: number | null;
  unit: 'ms' | 'fraction' | 'usd' | 'utilization' | 'rps' | 'boolean';
  /** Practices at a soft transition: what the technique buys, with and without (MODEL.md §9.1.4). */
  comparison?: PracticeComparison;
}

export interface StageScoreParts {
  capacity: number;
  latency: number;
  availability: number;
  cost: number;
  practices: number;
}

/** A stage's objectives (MODEL.md §6 and §9.4): server-side p95s, user-perceived static p95, availability, errors under a flash crowd. */
/** A stage's objectives as a result reports them: the one SLO type (lib/rules/slo.ts) and where the users are. */
export interface StageObjectives extends Omit<Slo, 'consistency'> {
  audience: Audience;
}

export interface StageResult {
  stage: number;
  name: string;
  users: number;
  objectives: StageObjectives;
  passed: boolean;
  /** 0–100: capacity 30, latency 20, availability 20, cost 15, practices 15. */
  score: number;
  scoreParts: StageScoreParts;
  checks: StageCheck[];
  /** Findings of the design at this stage's load, plus what the stage found missing. */
  findings: Finding[];
  lessonId: LessonId;
}

/**
 * One hop of the dominant path of a request class (MODEL.md §9.4): the time
 * spent getting there (network), waiting for a free core and being served.
 */
export interface BreakdownHop {
  nodeId: string;
  label: string;
  kind: Kind;
  /** Network round trip to reach the node, ms (0 for the entry). */
  networkMs: Ms;
  /** Mean wait for a free core (or the timeout's share when saturated), ms. */
  waitingMs: Ms;
  /** Part of `waitingMs` spent behind background jobs run inline on the node, ms. */
  waitingBehindJobsMs: Ms;
  /** Mean service time of the class at the node, ms (includes inline jobs on writes). */
  serviceMs: Ms;
  /** This hop's share of the path's time, 0–1 (network + waiting + service over the path's sum). */
  share: number;
  /** The same share applied to the class's p95, ms. */
  p95Ms: Ms;
}

export interface LatencyBreakdown {
  /** The path the class's p95 mostly follows, entry first. */
  hops: BreakdownHop[];
  /** Server-side p95 of the class, ms. */
  p95Ms: Ms;
}

export interface EndToEnd {
  /**
   * Server-side latency per class, measured from the entry of the serving
   * region (MODEL.md §9.4); `userPerceived` adds the user's round trips.
   */
  latencyMs: {
    static: LatencySummary;
    read: LatencySummary;
    write: LatencySummary;
    overall: LatencySummary;
    userPerceived: { static: LatencySummary; read: LatencySummary; write: LatencySummary };
  };
  /** Where the time goes, per user class (MODEL.md §9.4). */
  breakdown: { static: LatencyBreakdown; read: LatencyBreakdown; write: LatencyBreakdown };
  /** Expected fraction of user requests that succeed: component availability × (1 - errorRate - shed share); shed requests do not succeed (MODEL.md §9.3). */
  availability: number;
  /** Availability from component and region failures alone, per user class. */
  availabilityByClass: { static: number; read: number; write: number };
  /** Failed / offered over the user classes (saturation, unhandled traffic). */
  errorRate: number;
  shedRps: Rps;
  servedRps: ClassRates;
  failedRps: ClassRates;
  /** Shed by rate limiters, per class (sums to `shedRps`). */
  shedByClassRps: ClassRates;
  monthlyCostUsd: Usd;
  costPer1kUsersUsd: Usd;
}

/**
 * One line of the monthly bill (MODEL.md §9.6). Component lines carry the
 * node's id and label: its instance-hours and its own usage (load balancer
 * capacity units, DNS queries, object-storage requests, log ingestion), not
 * its storage, CDN egress or transfer. The other lines have their type as id.
 */
export interface CostLine {
  id: string;
  label: string;
  type: 'component' | 'egress' | 'cdn' | 'storage' | 'transfer';
  usd: Usd;
}

export interface CostBreakdown {
  totalUsd: Usd;
  /** Instance-hours of every component (average instance counts). */
  instancesUsd: Usd;
  storageUsd: Usd;
  /** Everything else a component bills: CDN egress and requests, object-storage requests, DNS, load balancer capacity units, log ingestion, inter-region transfer. */
  usageUsd: Usd;
  internetEgressUsd: Usd;
  internetEgressGB: number;
  cdnEgressGB: number;
  /** Inter-region transfer of the replicated write stream, GB a month. */
  transferGB: number;
  /** Log ingestion, GB a month (0 without a logging component). */
  logIngestionGB: number;
  /** Per node: its component, storage, CDN and transfer cost together. */
  byNode: Record<string, Usd>;
  /**
   * The bill as lines: one per component (design order), then `egress`,
   * `cdn`, `storage` and `transfer` (always present, 0 when unused). They
   * sum to `totalUsd`.
   */
  lines: CostLine[];
  priceTableDate: string;
}

export interface JobsSummary {
  /** Jobs born where writes are handled, per second at peak. */
  bornRps: Rps;
  /** Jobs run inline inside the write that spawned them. */
  inlineRps: Rps;
  /** Jobs handed to a queue. */
  queuedRps: Rps;
}

export interface RegionsReport {
  names: string[];
  /** True when geo DNS spreads users over ≥ 2 regions and each region's failure is carried by the others. */
  parallel: boolean;
  checks: { region: string; carried: boolean; saturatedNodeId: string | null }[];
}

/** Traffic one connection carries (MODEL.md §2 routing, at peak). */
export interface EdgeResult {
  /** Requests (jobs) per second along the connection, per class; a connection the routing rules do not use carries 0. */
  rps: ClassRates;
}

export interface Evaluation {
  modelVersion: 2;
  users: number;
  workload: ResolvedWorkload;
  /** Peak offered load; `total` = static + read + write (jobs are born inside the system). */
  offered: ClassRates;
  nodes: Record<string, NodeResult>;
  /** Per design edge id: what it carries. Arrivals at a node are the sum over its incoming connections (plus, at a users node, the offered load). */
  edges: Record<string, EdgeResult>;
  endToEnd: EndToEnd;
  bottleneck: { nodeId: string | null; utilization: number };
  spofs: string[];
  findings: Finding[];
  stages: StageResult[];
  cost: CostBreakdown;
  jobs: JobsSummary;
  regions: RegionsReport;
  /** Replica lag, stale reads and read-your-writes (docs/model.md §14.1). */
  consistency: ConsistencyReport;
}

/**
 * A sweep point's evaluation: everything `evaluate` returns but the
 * user-perceived view and the latency breakdown (the growth chart reads the
 * server-side figures; an evaluate at any one point gives the views).
 */
export type SweepEvaluation = Omit<Evaluation, 'endToEnd'> & {
  endToEnd: Omit<EndToEnd, 'breakdown' | 'latencyMs'> & { latencyMs: Omit<EndToEnd['latencyMs'], 'userPerceived'> };
};

export interface SweepPoint {
  users: number;
  evaluation: SweepEvaluation;
}

export interface SweepResult {
  points: SweepPoint[];
  /** The first swept user count at which the design fails (saturation, data that does not fit, unhandled traffic). */
  firstFailingUsers: number | null;
  /** The component that fails there. */
  failingNodeId: string | null;
  failingReason: string | null;
  /** Users at which the bottleneck reaches 100% utilisation (found by bisection between sweep points), if reached. */
  capacityLimitUsers: number | null;
}
