/**
 * Catalog v1 (MODEL.md §2.1): one entry per component kind, with every
 * default the engine uses and where each figure comes from. The canvas
 * imports `CATALOG` for its palette and inspector; the engine reads the same
 * entries, so a default lives in exactly one place.
 *
 * Source strings cite /work/shared/SOURCES.md, MODEL.md, or say "unverified"
 * or "calibrated: reason" (a figure tuned so that the stage reference designs
 * behave as the lessons say, with the reason).
 */
import { SERVERLESS } from './cloud-native';
import type { Kind, LbAlgorithm, DnsRouting, RequestClass, Size } from '../design/kinds';
import type { PriceKey } from './prices';
import { KIND_PARAMS } from '../design/params';
import type { NodeParams } from './types';

export type KindGroup = 'edge' | 'compute' | 'data' | 'async' | 'operations';

/** A default value and where it comes from. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: string;
}

/** Service time per request class, milliseconds. */
export interface ClassServiceMs {
  readonly static: number;
  readonly read: number;
  readonly write: number;
}

/**
 * How a kind's availability is figured (MODEL.md §4): an instance that fails
 * and is repaired (MTBF/MTTR), or a managed service with a typical observed
 * availability. Kinds that carry no traffic use `none`.
 */
export type AvailabilityFigure =
  | { readonly type: 'instance'; readonly mtbfHours: number; readonly mttrHours: number; readonly mttrMonitoredHours: number }
  | { readonly type: 'managed'; readonly availability: number }
  | { readonly type: 'none' };

/**
 * How the engine models a kind's time and capacity:
 * - `source`: the users node, no time.
 * - `queue`: an M/M/c station per instance (`cores` servers, `serviceMs`).
 * - `rated`: a fixed latency and a rated capacity per instance, no queue until over capacity.
 * - `none`: carries no traffic (monitoring, logging).
 */
export type ServiceModel = 'source' | 'queue' | 'rated' | 'none';

export interface KindDefaults {
  readonly instances: Sourced<number>;
  readonly size: Sourced<Size>;
  /** Servers per instance at size `medium` (M/M/c `c`). */
  readonly cores?: Sourced<number>;
  readonly serviceMs?: Sourced<ClassServiceMs>;
  readonly hitRatio?: Sourced<number>;
  /** Fixed latency of a rated/managed kind, milliseconds. */
  readonly latencyMs?: Sourced<number>;
  /** Rated capacity per instance, requests per second (absent = unbounded). */
  readonly capacityRps?: Sourced<number>;
  readonly availability: Sourced<AvailabilityFigure>;
  readonly priceKey: Sourced<PriceKey>;
  readonly shards?: Sourced<number>;
  readonly shardSkew?: Sourced<number>;
  readonly standby?: Sourced<boolean>;
  readonly applyFactor?: Sourced<number>;
  readonly replicationFactor?: Sourced<number>;
  /** Rate limiter: the most it forwards, rps (absent = unlimited). */
  readonly limitRps?: Sourced<number>;
  readonly stateless?: Sourced<boolean>;
  readonly maxStorageGB?: Sourced<number>;
  readonly algorithm?: Sourced<LbAlgorithm>;
  readonly routing?: Sourced<DnsRouting>;
  // Cloud-native kinds (docs/model.md §14.3).
  readonly concurrency?: Sourced<number>;
  readonly memoryMB?: Sourced<number>;
  readonly initMs?: Sourced<number>;
  readonly podsPerNode?: Sourced<number>;
  readonly mesh?: Sourced<boolean>;
}

export interface KindSpec {
  readonly kind: Kind;
  /** Palette label, sentence case. */
  readonly label: string;
  /** One plain sentence a learner understands. */
  readonly description: string;
  readonly group: KindGroup;
  /** Request classes this kind takes in (MODEL.md §2.1). */
  readonly accepts: readonly RequestClass[];
  /** The `NodeParams` keys that apply to this kind, in inspector order (the design's KIND_PARAMS). */
  readonly params: readonly (keyof NodeParams)[];
  readonly model: ServiceModel;
  /** Runs on the provider's side: not a single point of failure, no MTBF/MTTR. */
  readonly managed: boolean;
  /** Scales with `autoscale` (MODEL.md §2.1: app-server, service, worker). */
  readonly autoscalable: boolean;
  /** Global service outside any region (hops and region failures skip it). */
  readonly global: boolean;
  readonly defaults: KindDefaults;
}

const ONE: Sourced<number> = { value: 1, source: 'MODEL.md §2.1: instances default to 1' };
const MEDIUM: Sourced<Size> = { value: 'medium', source: 'MODEL.md §2.1: medium is the default size' };

/** MTBF 60 days, MTTR 4 h, or 15 min with monitoring (MODEL.md §4). */
const INSTANCE_AVAILABILITY: Sourced<AvailabilityFigure> = {
  value: { type: 'instance', mtbfHours: 60 * 24, mttrHours: 1.5, mttrMonitoredHours: 1 + 2 / 60 },
  source:
    'MODEL.md §9.3: MTBF 60 days; repair = detect (30 min, 2 min with monitoring) + restore (by hand 1 h shown here; 10 min behind a health-checking splitter; 4 h from backup for a lone database; 1.5 min failover); unverified as a fleet figure (SOURCES.md §10: AWS publishes no EC2 failure rate)',
};
const managed = (availability: number, source: string): Sourced<AvailabilityFigure> => ({
  value: { type: 'managed', availability },
  source,
});
const NO_AVAILABILITY: Sourced<AvailabilityFigure> = { value: { type: 'none' }, source: 'carries no traffic' };

const NO_MESH: Sourced<boolean> = { value: false, source: 'docs/model.md §14.3: a sidecar proxy (service mesh) is opt-in' };

export const CATALOG: Record<Kind, KindSpec> = {
  users: {
    kind: 'users',
    label: 'Users',
    description: 'The people using your app; every request starts here.',
    group: 'edge',
    accepts: [],
    params: KIND_PARAMS.users,
    model: 'source',
    managed: true,
    autoscalable: false,
    global: true,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      availability: NO_AVAILABILITY,
      priceKey: { value: 'none', source: 'users cost nothing to run' },
    },
  },
  dns: {
    kind: 'dns',
    label: 'DNS',
    description: 'Turns your domain name into server addresses and can send each user to the nearest region.',
    group: 'edge',
    accepts: ['static', 'read', 'write'],
    params: KIND_PARAMS.dns,
    model: 'rated',
    managed: true,
    autoscalable: false,
    global: true,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      latencyMs: {
        value: 1,
        source:
          'calibrated: SOURCES.md warm resolver cache 1–20 ms, paid once per TTL and amortised over the many requests of a visit',
      },
      availability: managed(0.999999, 'MODEL.md §4 typical observed; SOURCES.md Route 53 SLA 100%'),
      priceKey: { value: 'none', source: 'priced per hosted zone and per query (prices.ts)' },
      routing: { value: 'simple', source: 'MODEL.md §2.1: geo routing is opt-in' },
    },
  },
  cdn: {
    kind: 'cdn',
    label: 'CDN',
    description: 'Serves images, scripts and styles from a location near each user, so they never reach your servers.',
    group: 'edge',
    accepts: ['static'],
    params: KIND_PARAMS.cdn,
    model: 'rated',
    managed: true,
    autoscalable: false,
    global: true,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      hitRatio: {
        value: 0.9,
        source: 'MODEL.md §2.1; SOURCES.md CDN vendor guidance: 95–99% is good, below 90% signals a problem (0.9 is conservative)',
      },
      latencyMs: { value: 1, source: 'unverified: edge cache lookup; the 10 ms user-to-edge hop is counted separately (MODEL.md §3)' },
      availability: managed(0.99995, 'MODEL.md §4 typical observed; SOURCES.md CloudFront SLA 99.9%'),
      priceKey: { value: 'none', source: 'priced per GB of egress and per request (prices.ts)' },
    },
  },
  'load-balancer': {
    kind: 'load-balancer',
    label: 'Load balancer',
    description: 'Spreads incoming requests across several servers and stops sending to one that fails.',
    group: 'edge',
    accepts: ['static', 'read', 'write'],
    params: KIND_PARAMS['load-balancer'],
    model: 'rated',
    managed: true,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      latencyMs: { value: 0.4, source: 'SOURCES.md HAProxy: at most 0.4 ms added at saturation' },
      capacityRps: {
        value: 50_000,
        source: 'MODEL.md §2.1; SOURCES.md HAProxy ~32k rps per core (1.03M on 8 cores), nginx 40k HTTPS rps per CPU',
      },
      availability: managed(0.99995, 'MODEL.md §4 typical observed; SOURCES.md ELB SLA 99.99%'),
      priceKey: { value: 'alb-hour', source: 'SOURCES.md AWS ELB pricing (May 2026)' },
      algorithm: { value: 'round-robin', source: 'MODEL.md §3: round-robin is the default' },
    },
  },
  'api-gateway': {
    kind: 'api-gateway',
    label: 'API gateway',
    description: 'One front door for many services: checks who is calling and routes each request to the right service.',
    group: 'edge',
    accepts: ['static', 'read', 'write'],
    params: KIND_PARAMS['api-gateway'],
    model: 'rated',
    managed: true,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      latencyMs: { value: 2, source: 'MODEL.md §2.1; unverified (Envoy figures unverified in SOURCES.md)' },
      capacityRps: { value: 20_000, source: 'MODEL.md §2.1; unverified (Envoy figures unverified in SOURCES.md)' },
      availability: managed(0.99995, 'MODEL.md §4 typical observed; SOURCES.md API Gateway SLA 99.95%'),
      priceKey: { value: 'ec2-c6g.large', source: 'unverified: one self-hosted gateway instance per 20k rps' },
    },
  },
  'rate-limiter': {
    kind: 'rate-limiter',
    label: 'Rate limiter',
    description: 'Turns away requests above a set rate so a traffic spike cannot take the whole system down.',
    group: 'edge',
    accepts: ['static', 'read', 'write'],
    params: KIND_PARAMS['rate-limiter'],
    model: 'rated',
    managed: false,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      latencyMs: { value: 0.5, source: 'unverified: one in-memory counter check, similar to a load balancer hop' },
      capacityRps: { value: 50_000, source: 'MODEL.md §2.1; unverified' },
      availability: {
        ...INSTANCE_AVAILABILITY,
        source:
          'calibrated: a self-run limiter tier (Envoy/nginx instances), so instances fail and recover like any compute instance (MODEL.md §4 MTBF/MTTR); not in MODEL.md\'s managed list',
      },
      priceKey: { value: 'ec2-c6g.large', source: 'unverified: one self-hosted limiter instance per 50k rps' },
    },
  },
  server: {
    kind: 'server',
    label: 'Server',
    description: 'One machine that does everything: serves pages, runs the code and stores the data.',
    group: 'compute',
    accepts: ['static', 'read', 'write'],
    params: KIND_PARAMS.server,
    model: 'queue',
    managed: false,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      cores: { value: 2, source: 'MODEL.md §2.1: 2 cores (an m5.large has 2 vCPU)' },
      serviceMs: {
        value: { static: 2, read: 15, write: 30 },
        source: 'MODEL.md §2.1; calibrated: app work plus an on-box database query (SOURCES.md pgbench ~50 ms per 5-statement transaction under load)',
      },
      maxStorageGB: { value: 65_536, source: 'MODEL.md §9.2: 64 TiB (SOURCES.md §2 gp3 raised to 64 TiB, re:Invent 2025)' },
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'ec2-m5.large', source: 'SOURCES.md EC2 m5.large' },
    },
  },
  'app-server': {
    kind: 'app-server',
    label: 'App server',
    description: 'Runs your application code for each request and talks to the data stores.',
    group: 'compute',
    accepts: ['static', 'read', 'write'],
    params: KIND_PARAMS['app-server'],
    model: 'queue',
    managed: false,
    autoscalable: true,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      cores: { value: 2, source: 'MODEL.md §2.1: 2 cores (m6g.large, 2 vCPU)' },
      serviceMs: {
        value: { static: 1, read: 5, write: 8 },
        source:
          'MODEL.md §2.1; SOURCES.md fastify/express 2 vCPU hello world 7–79k rps (0.03–0.3 ms), handlers doing real work far lower',
      },
      stateless: {
        value: false,
        source: 'calibrated: a new app tier keeps sessions in memory until it is made stateless (the stage 3 practice)',
      },
      mesh: NO_MESH,
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'ec2-m6g.large', source: 'SOURCES.md EC2 m6g.large' },
    },
  },
  service: {
    kind: 'service',
    label: 'Service',
    description: 'A small app that owns one part of the product (say, accounts or orders) and its own data.',
    group: 'compute',
    accepts: ['static', 'read', 'write'],
    params: KIND_PARAMS.service,
    model: 'queue',
    managed: false,
    autoscalable: true,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      cores: { value: 2, source: 'MODEL.md §2.1: as app-server' },
      serviceMs: { value: { static: 1, read: 5, write: 8 }, source: 'MODEL.md §2.1: as app-server' },
      stateless: { value: true, source: 'calibrated: services are designed stateless from the start (stage 7)' },
      mesh: NO_MESH,
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'ec2-m6g.large', source: 'SOURCES.md EC2 m6g.large' },
    },
  },
  worker: {
    kind: 'worker',
    label: 'Worker',
    description: 'Runs background jobs (emails, thumbnails, feeds) taken from a queue, away from users.',
    group: 'compute',
    accepts: ['job'],
    params: KIND_PARAMS.worker,
    model: 'queue',
    managed: false,
    autoscalable: true,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      cores: { value: 2, source: 'MODEL.md §2.1: 2 cores' },
      serviceMs: {
        value: { static: 0, read: 0, write: 0 },
        source: 'MODEL.md §2.1: a job takes the workload\'s jobServiceMs (200 ms by default)',
      },
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'ec2-m6g.large', source: 'SOURCES.md EC2 m6g.large' },
    },
  },
  cache: {
    kind: 'cache',
    label: 'Cache',
    description: 'Keeps popular answers in memory so most reads never touch the database.',
    group: 'data',
    accepts: ['read'],
    params: KIND_PARAMS.cache,
    model: 'queue',
    managed: false,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      cores: { value: 1, source: 'MODEL.md §9.2: one thread for commands whatever the size (Redis); size buys memory' },
      serviceMs: {
        value: { static: 0.008, read: 0.008, write: 0.008 },
        source: 'MODEL.md §9.2: 100,000–200,000 simple operations a second; SOURCES.md redis-benchmark ~107k–180k ops/s without pipelining (0.008 ms = 125,000 ops/s)',
      },
      hitRatio: { value: 0.8, source: 'MODEL.md §2.1; unverified (depends on key popularity)' },
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'elasticache-t4g.medium', source: 'SOURCES.md ElastiCache cache.t4g.medium (verify)' },
    },
  },
  database: {
    kind: 'database',
    label: 'Database',
    description: 'The relational database that keeps your data safe; the primary takes every write.',
    group: 'data',
    accepts: ['read', 'write', 'job'],
    params: KIND_PARAMS.database,
    model: 'queue',
    managed: false,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      cores: { value: 4, source: 'MODEL.md §2.1: 4 cores (SOURCES.md pgbench on a 4 vCPU db.m8gd.xlarge)' },
      serviceMs: {
        value: { static: 0.12, read: 0.12, write: 0.17 },
        source:
          'per query (MODEL.md §9.2; a read request makes workload.queriesPerRead, a write queriesPerWrite): SOURCES.md pgbench -S 7,500–11,500 point queries/s per core (0.087–0.133 ms; 0.12); TPC-B ≈ 4,700 five-statement transactions/s on 4 vCPU ≈ 0.85 ms of CPU per transaction (0.17 ms per statement)',
      },
      shards: { value: 1, source: 'MODEL.md §2.1' },
      shardSkew: { value: 0, source: 'MODEL.md §2.1' },
      standby: { value: false, source: 'MODEL.md §2.1' },
      maxStorageGB: { value: 65_536, source: 'MODEL.md §9.2: 64 TiB per instance (SOURCES.md §2 RDS maximum storage 64 TiB for PostgreSQL and MySQL)' },
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'rds-postgres-4vcpu', source: 'derived from SOURCES.md RDS db.t4g.medium (see prices.ts)' },
    },
  },
  'read-replica': {
    kind: 'read-replica',
    label: 'Read replica',
    description: 'A copy of the database that answers reads, so the primary only has to handle writes.',
    group: 'data',
    accepts: ['read'],
    params: KIND_PARAMS['read-replica'],
    model: 'queue',
    managed: false,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      cores: { value: 4, source: 'MODEL.md §2.1: as database' },
      serviceMs: { value: { static: 0.12, read: 0.12, write: 0.17 }, source: 'per query, as database (MODEL.md §9.2)' },
      applyFactor: {
        value: 0.5,
        source: 'MODEL.md §2.1: replaying the write stream costs half a write; unverified (replica lag figures unverified in SOURCES.md)',
      },
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'rds-postgres-4vcpu', source: 'as database' },
    },
  },
  nosql: {
    kind: 'nosql',
    label: 'NoSQL store',
    description: 'A partitioned key-value store that grows by adding nodes; every write is copied to several of them.',
    group: 'data',
    accepts: ['read', 'write', 'job'],
    params: KIND_PARAMS.nosql,
    model: 'queue',
    managed: false,
    autoscalable: false,
    global: false,
    defaults: {
      instances: { value: 3, source: 'calibrated: one node per replica of the default replication factor 3' },
      size: MEDIUM,
      cores: { value: 4, source: 'MODEL.md §2.1: 4 cores' },
      serviceMs: {
        value: { static: 1, read: 1, write: 0.35 },
        source: 'SOURCES.md §8 Netflix Cassandra: ≈ 11,500 replica writes/s per 4-vCPU node (0.35 ms of a core each); reads unverified (MODEL.md §2.1)',
      },
      replicationFactor: { value: 3, source: 'MODEL.md §2.1 (the common Cassandra/DynamoDB setting)' },
      shardSkew: { value: 0, source: 'MODEL.md §2.1' },
      maxStorageGB: { value: 65_536, source: 'MODEL.md §9.2: 64 TiB per instance, as database' },
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'ec2-r5.xlarge', source: 'derived from SOURCES.md r5.large (see prices.ts)' },
    },
  },
  'object-storage': {
    kind: 'object-storage',
    label: 'Object storage',
    description: 'Cheap, durable storage for files such as images and videos; a CDN usually sits in front.',
    group: 'data',
    accepts: ['static'],
    params: KIND_PARAMS['object-storage'],
    model: 'rated',
    managed: true,
    autoscalable: false,
    global: false,
    defaults: {
      instances: {
        value: 1,
        source: 'MODEL.md §2.1: for object storage, instances count key prefixes (capacity grows with prefixes)',
      },
      size: MEDIUM,
      latencyMs: { value: 20, source: 'MODEL.md §2.1; unverified (first-byte latency)' },
      capacityRps: { value: 5_500, source: 'SOURCES.md AWS S3 performance guidelines: 5,500 GET/HEAD per second per prefix' },
      availability: managed(0.99995, 'MODEL.md §4 typical observed; SOURCES.md S3 SLA 99.9%'),
      priceKey: { value: 'none', source: 'priced per GB-month and per request (prices.ts)' },
    },
  },
  queue: {
    kind: 'queue',
    label: 'Queue',
    description: 'Holds background jobs until a worker is free, so users never wait for them.',
    group: 'async',
    accepts: ['job'],
    params: KIND_PARAMS.queue,
    model: 'rated',
    managed: true,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      latencyMs: { value: 2, source: 'SOURCES.md Kafka end-to-end p50 2 ms, p99 3 ms' },
      capacityRps: {
        value: 20_000,
        source: 'MODEL.md §2.1; calibrated well below SOURCES.md Kafka 3x sync replication 421,823 rec/s on 3 brokers (~140k per broker) for real message sizes',
      },
      availability: managed(0.9999, 'MODEL.md §4 typical observed for a managed queue'),
      priceKey: { value: 'msk-kafka.m5.large', source: 'SOURCES.md: unverified' },
    },
  },
  search: {
    kind: 'search',
    label: 'Search',
    description: 'A search index that answers the share of reads that are searches.',
    group: 'data',
    accepts: ['read'],
    params: KIND_PARAMS.search,
    model: 'queue',
    managed: false,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      cores: { value: 4, source: 'MODEL.md §2.1: 4 cores' },
      serviceMs: { value: { static: 10, read: 10, write: 10 }, source: 'MODEL.md §2.1; unverified' },
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'ec2-m5.xlarge', source: 'derived from SOURCES.md m5.large (see prices.ts)' },
    },
  },
  monitoring: {
    kind: 'monitoring',
    label: 'Monitoring',
    description: 'Watches every component and restarts or replaces a failed one in minutes instead of hours.',
    group: 'operations',
    accepts: [],
    params: KIND_PARAMS.monitoring,
    model: 'none',
    managed: false,
    autoscalable: false,
    global: true,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      availability: NO_AVAILABILITY,
      priceKey: { value: 'ec2-t3.medium', source: 'unverified: one self-hosted monitoring box' },
    },
  },
  logging: {
    kind: 'logging',
    label: 'Logging',
    description: 'Collects logs from every component so you can find out what went wrong.',
    group: 'operations',
    accepts: [],
    params: KIND_PARAMS.logging,
    model: 'none',
    managed: false,
    autoscalable: false,
    global: true,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      availability: NO_AVAILABILITY,
      priceKey: { value: 'ec2-t3.medium', source: 'unverified: one self-hosted log collector' },
    },
  },
  // Cloud-native kinds (docs/model.md §14.3); their model figures are in cloud-native.ts.
  serverless: {
    kind: 'serverless',
    label: 'Serverless function',
    description: 'Runs your code once per request on the provider\'s machines: nothing to keep running, billed per call and per GB-second.',
    group: 'compute',
    accepts: ['static', 'read', 'write'],
    params: KIND_PARAMS.serverless,
    model: 'rated',
    managed: true,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      latencyMs: {
        value: 25,
        source: 'SOURCES.md §13: a warm invocation takes 10–40 ms (Node 18, adriantanasa gist 2023); the function\'s own time, billed per ms',
      },
      capacityRps: {
        value: SERVERLESS.concurrency.value * SERVERLESS.rpsPerConcurrency.value,
        source: 'SOURCES.md §13: max RPS = 10 × concurrency; 1,000 concurrent executions by default',
      },
      availability: managed(0.9995, 'SOURCES.md Availability: Lambda SLA 99.95% (managed: no instance of yours to fail)'),
      priceKey: { value: 'none', source: 'priced per request and per GB-second (prices.ts lambdaPerMillionRequestsUsd, lambdaGBSecondUsd)' },
      stateless: { value: true, source: 'an invocation keeps nothing in memory between calls that it can rely on' },
      concurrency: SERVERLESS.concurrency,
      memoryMB: SERVERLESS.memoryMB,
      initMs: SERVERLESS.initMs,
    },
  },
  'container-cluster': {
    kind: 'container-cluster',
    label: 'Container cluster',
    description: 'Runs your app as containers (pods) packed onto a pool of machines; Kubernetes adds pods, and machines, as load grows.',
    group: 'compute',
    accepts: ['static', 'read', 'write'],
    params: KIND_PARAMS['container-cluster'],
    model: 'queue',
    managed: false,
    autoscalable: true,
    global: false,
    defaults: {
      instances: { value: 2, source: 'calibrated: a Deployment of 2 pods (replicas), so one pod can fail or roll' },
      size: { value: 'large', source: 'calibrated: a node of 4 vCPU (m6g.xlarge: size large of the m6g family in prices.ts)' },
      cores: { value: 1, source: 'calibrated: a pod requests one vCPU; node size buys room for pods, not faster pods' },
      serviceMs: { value: { static: 1, read: 5, write: 8 }, source: 'MODEL.md §2.1: as app-server (the same code in a container)' },
      stateless: { value: true, source: 'calibrated: pods are replaceable, so the app keeps sessions outside them' },
      podsPerNode: { value: 4, source: 'derived: node vCPU ÷ pod cores (4 vCPU ÷ 1 at size large); blank follows the size' },
      mesh: NO_MESH,
      availability: {
        ...INSTANCE_AVAILABILITY,
        source: `${INSTANCE_AVAILABILITY.source}; a pod is replaced automatically behind its Kubernetes Service`,
      },
      priceKey: { value: 'ec2-m6g.large', source: 'SOURCES.md EC2 m6g.large per node at size medium (large = m6g.xlarge); plus the control plane (prices.ts k8sControlPlaneHourUsd)' },
    },
  },
  // Stream processing and analytics (docs/model.md §14.4).
  'stream-processor': {
    kind: 'stream-processor',
    label: 'Stream processor',
    description:
      'Reads the event stream from a queue or log as it arrives (Flink, Kafka Streams) and writes results on; falls behind when events come faster than it can process them.',
    group: 'async',
    accepts: ['job'],
    params: KIND_PARAMS['stream-processor'],
    model: 'queue',
    managed: false,
    autoscalable: false,
    global: false,
    defaults: {
      instances: ONE,
      size: MEDIUM,
      cores: {
        value: 2,
        source: 'calibrated: one processing slot per vCPU of an m6g.large (Flink sizes task slots to cores); parallelism = instances × slots, capped by the upstream log\'s partitions',
      },
      serviceMs: {
        value: { static: 0, read: 0, write: 0.1 },
        source:
          'calibrated: 10,000 events/s per slot (0.1 ms each) for a keyed, windowed job, below a tuned Flink job\'s 15,600 events/s per slot (1 M/s of 300-byte events at parallelism 64 on 64 vCPU; dev.to HyperscaleDesignHub 2025, not in SOURCES.md, unverified); SOURCES.md §7 Kafka: 10s of MB/s per partition (≥ 10,000 1-KB events/s), so one partition keeps one slot busy',
      },
      availability: INSTANCE_AVAILABILITY,
      priceKey: { value: 'ec2-m6g.large', source: 'SOURCES.md EC2 m6g.large (a self-run task manager)' },
    },
  },
  warehouse: {
    kind: 'warehouse',
    label: 'Data warehouse',
    description:
      'A columnar analytics store (BigQuery, Redshift, Snowflake) fed by a pipeline: it answers reports in seconds and keeps that work off your main database.',
    group: 'data',
    accepts: ['job'],
    params: KIND_PARAMS.warehouse,
    model: 'rated',
    managed: true,
    autoscalable: false,
    global: false,
    defaults: {
      instances: {
        value: 1,
        source: 'docs/model.md §14.4: for a warehouse, instances count ingestion and scan units (nodes, or slot blocks of a serverless warehouse)',
      },
      size: MEDIUM,
      latencyMs: {
        value: 20,
        source: 'unverified (estimate, 2026-12-07): one streaming-insert call, like object storage\'s first byte (20 ms); query time is separate (WAREHOUSE.queryOverheadMs)',
      },
      capacityRps: {
        value: 100_000,
        source:
          'unverified (estimate, 2026-12-07): about 100 MB/s of 1-KB events loaded per unit (a provisioned warehouse node; BigQuery\'s Storage Write API quota is GB/s per project)',
      },
      availability: managed(0.9999, 'unverified (not in SOURCES.md): BigQuery and Redshift SLAs 99.9–99.99% (read 2026-12-07); MODEL.md §4 typical observed for a managed service'),
      priceKey: { value: 'none', source: 'priced per TiB scanned and per GB-month stored (prices.ts warehouse*)' },
    },
  },
};

/** Cores and price double at each size step from `medium` (MODEL.md §2.1). */
export const SIZE_FACTOR: Record<Size, number> = { small: 0.5, medium: 1, large: 2, xlarge: 4 };

/** Region failure probability figures and hop latencies (MODEL.md §3, §4). */
export const NETWORK = {
  regionAvailability: { value: 0.9999, source: 'MODEL.md §4; SOURCES.md EC2 region-level SLA 99.99%' },
  defaultRegion: { value: 'region-1', source: 'MODEL.md §4' },
  cdnToOriginMs: {
    value: 40,
    source: 'MODEL.md §3 (v1 users-to-first-node figure, kept for an edge\'s fetch from the origin over a warm connection: one round trip)',
  },
  insideRegionMs: { value: 0.5, source: 'MODEL.md §3; SOURCES.md round trip in a datacenter 500 µs' },
  acrossRegionsMs: { value: 80, source: 'SOURCES.md §12: us-east-1 to eu-west-1 round trip 80.5 ms (the nearest pair across an ocean); California–Netherlands 150 ms' },
  timeoutMs: { value: 10_000, source: 'MODEL.md §3: a saturated node reports the 10 s timeout' },
  detectHours: { value: 0.5, source: 'MODEL.md §9.3: without monitoring a failure is found when a user reports it, about 30 min' },
  detectMonitoredHours: {
    value: 2 / 60,
    source: 'MODEL.md §9.3: about 2 min with monitoring and alerting; SOURCES.md §10 SRE Workbook burn-rate alert trips after ≈ 52 s of a total outage',
  },
  restoreAutomaticHours: {
    value: 10 / 60,
    source: 'MODEL.md §9.3: a stateless instance behind a health-checking load balancer or an autoscaling group is replaced in about 10 min',
  },
  restoreByHandHours: { value: 1, source: 'MODEL.md §9.3: an instance replaced by hand, about 1 h (DORA elite time to restore < 1 h)' },
  restoreFromBackupHours: { value: 4, source: 'MODEL.md §9.3: a database without a standby is restored from backup in about 4 h' },
  failoverMttrHours: {
    value: 1.5 / 60,
    source: 'MODEL.md §9.3: failover to a standby or replica takes 1–2 min; SOURCES.md §10 RDS Multi-AZ failover "typically 60–120 seconds"',
  },
  instanceBandwidthGbps: {
    value: 0.937,
    source: 'MODEL.md §9.2; SOURCES.md §3: m7g.large 0.937 Gbps baseline (burst 12.5 Gbps for minutes); doubles with each size step',
  },
  internetBandwidthCapGbps: { value: 5, source: 'SOURCES.md §3: an instance below 32 vCPUs sends at most 5 Gbps to the internet or other regions' },
  deployDowntimeMinutes: {
    value: 2,
    source: 'MODEL.md §9.3: an app tier that cannot roll a deploy is down about 2 min for each (SOURCES.md §10: 70% of outages come from changes)',
  },
} as const;

/**
 * Memory and disk of a relational store (MODEL.md §9.2, SOURCES.md §2, §6).
 */
export const STORAGE = {
  memoryGBPerCore: { value: 4, source: 'RDS db.m7g: 4 GiB of RAM per vCPU (db.m7g.xlarge 4 vCPU, 16 GiB)' },
  bufferShare: {
    value: 0.75,
    source: 'calibrated: shared_buffers (25% of RAM on RDS) plus the OS page cache hold about three quarters of RAM in pages',
  },
  pageKB: { value: 8, source: 'PostgreSQL page size 8 KB' },
  zipfAlpha: {
    value: 0.9,
    source: 'MODEL.md §9.2: Zipf popularity α ≈ 0.9; SOURCES.md §6 web traces 0.64–0.83, Twitter cache clusters median 1.43',
  },
  storageReadMs: { value: 1, source: 'SOURCES.md §2: gp3 "single-digit millisecond latency", io2 sub-millisecond; 1 ms for a page read' },
  iopsBaseline: { value: 3_000, source: 'SOURCES.md §2: RDS gp3 below 400 GiB, 3,000 IOPS' },
  iopsStriped: { value: 12_000, source: 'SOURCES.md §2: RDS gp3 at 400 GiB and more is striped over 4 volumes, 12,000 IOPS baseline' },
  stripedFromGB: { value: 429.5, source: 'SOURCES.md §2: 400 GiB = 429.5 GB' },
} as const;

/**
 * Analytics queries and the data warehouse (docs/model.md §14.4). An
 * analytics query (workload.analyticsQueriesPerHour, each reading
 * workload.analyticsScanGB) runs on the warehouse when the design has one,
 * else on the relational primaries, where it is I/O-bound: it reads at the
 * volume's throughput and holds a core for as long.
 */
export const WAREHOUSE = {
  oltpScanMBps: {
    value: 131,
    source: 'SOURCES.md §2: gp3 baseline 125 MiB/s (131 MB/s) included with every volume; a sequential scan of a row store reads at the volume\'s throughput',
  },
  scanGBpsPerUnit: {
    value: 1,
    source: 'unverified (estimate, 2026-12-07): a columnar warehouse node or slot block scans about 1 GB/s of referenced columns',
  },
  queryOverheadMs: {
    value: 1_000,
    source: 'unverified (estimate, 2026-12-07): planning, scheduling and result of a warehouse query, about a second (warehouse answers take seconds, not milliseconds)',
  },
  retentionMonths: {
    value: 12,
    source: 'calibrated: a year of events is kept for year-over-year reports; storage is billed for that much',
  },
} as const;

/** One bucket of an audience: a share of users and their round trip to the serving region, ms. */
export interface RttBucket {
  readonly share: number;
  readonly rttMs: number;
}

/**
 * Where the users are (MODEL.md §9.4). Round trips from SOURCES.md §12
 * (inter-region RTT from us-east-1: eu-west-1 80.5 ms, ap-northeast-1 145 ms,
 * ap-southeast-2 230 ms). With geo DNS over R regions, the first R buckets
 * are served from a region near them (the nearest-region round trip).
 */
export const AUDIENCE = {
  regional: {
    value: [
      { share: 0.5, rttMs: 20 },
      { share: 0.5, rttMs: 40 },
    ] as readonly RttBucket[],
    source: 'MODEL.md §9.4: round trips to the serving region about 20–40 ms',
  },
  global: {
    value: [
      { share: 0.4, rttMs: 20 },
      { share: 0.2, rttMs: 80 },
      { share: 0.2, rttMs: 145 },
      { share: 0.2, rttMs: 230 },
    ] as readonly RttBucket[],
    source:
      'MODEL.md §9.4: 40% near at about 20 ms, the rest 80–230 ms; SOURCES.md §12 RTT from us-east-1 to eu-west-1 80.5 ms, ap-northeast-1 145 ms, ap-southeast-2 230 ms',
  },
  nearRttMs: { value: 20, source: 'MODEL.md §9.4: a user near the serving region, about 20 ms' },
  cdnEdge: {
    value: [
      { share: 0.5, rttMs: 12 },
      { share: 0.5, rttMs: 38 },
    ] as readonly RttBucket[],
    source: 'MODEL.md §9.4: a CDN edge is 10–40 ms from every user; SOURCES.md §12 vendor claim p50 12 ms, p95 38 ms',
  },
  staticRoundTrips: {
    value: 3,
    source: 'MODEL.md §9.4: a first asset costs about 3 round trips (TCP, TLS, request)',
  },
  dynamicRoundTrips: { value: 1, source: 'calibrated: an API call reuses the page\'s warm connection, one round trip' },
} as const;
