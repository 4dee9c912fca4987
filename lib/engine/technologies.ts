/**
 * Technologies (docs/model.md §14): the product a component of a kind is.
 * A node's `technology` param picks one; absent means "generic", today's
 * behaviour exactly. Each technology overrides some of its kind's catalog
 * defaults with sourced figures; `compile` resolves a node's defaults in the
 * order: the node's own param, then its technology's default, then its
 * kind's (lib/engine/compile.ts builds one defaults row per kind × technology,
 * once).
 *
 * A read replica has no technology of its own: it follows its primary's
 * (`replicaDefaults` of the database technology).
 */
import { CATALOG, type AvailabilityFigure, type KindDefaults as CatalogDefaults, type ServiceModel, type Sourced } from './catalog';
import type { Kind } from '../design/kinds';
import { PROXIES } from './tech-figures';
import { GENERIC, type TechnologyId, type TechnologyKey, type TechnologyKind } from '../design/technologies';

export { GENERIC, TECHNOLOGIES, type TechnologyId, type TechnologyKey, type TechnologyKind } from '../design/technologies';
export { fitsKind, listChoices, technologiesOf, technologyMismatch, technologyParams, technologyWithoutParams } from '../design/technologies';

type Writable<T> = { -readonly [K in keyof T]?: T[K] };

/**
 * Sourced overrides of the kind's catalog defaults, plus the few behaviours
 * a technology adds to its kind. Every figure says where it comes from.
 */
export interface TechnologyDefaults extends Writable<CatalogDefaults> {
  /**
   * Cores follow the size (a multi-threaded cache). A generic cache keeps
   * one command thread whatever its size (MODEL.md §9.2).
   */
  coresScaleWithSize?: Sourced<boolean>;
  /**
   * Service time divisor once an instance has `fromCores` cores or more
   * (I/O threads take the socket work off the command thread).
   */
  ioThreads?: Sourced<{ speedup: number; fromCores: number }>;
  /** Multiplies the kind's hourly price (a cheaper engine on the same node type). */
  priceFactor?: Sourced<number>;
  /** Usage price per million requests served (a serverless cache's ECPUs), US dollars. */
  usdPerMillionRequests?: Sourced<number>;
  /** Failover to a standby or replica, hours (NETWORK.failoverMttrHours for generic). */
  failoverHours?: Sourced<number>;
  /** A replica reads its primary's volume: replaying writes costs it no storage writes. */
  sharedStorage?: Sourced<boolean>;
}

/** How a relational technology copies its writes to replicas (docs/model.md §14.1). */
export interface ReplicationSpec {
  /** Commit-to-visible time on an idle replica, ms (shipping the change and applying it once). */
  baseLagMs: Sourced<number>;
  /**
   * Threads that replay the write stream: 1 for PostgreSQL's startup
   * process, several for MySQL's parallel applier; 0 when replicas share the
   * primary's storage and replay nothing to disk (Aurora).
   */
  replayThreads: Sourced<number>;
  /** Most read replicas one primary may have; null when no published limit applies in the model. */
  maxReplicas: Sourced<number | null>;
}

export interface TechnologySpec {
  readonly id: string;
  readonly kind: TechnologyKind;
  /** Shown in the inspector's select and the compare view. */
  readonly label: string;
  /** One plain sentence: what it is and what it changes. */
  readonly description: string;
  readonly defaults: TechnologyDefaults;
  /** A service model other than the kind's. */
  readonly model?: ServiceModel;
  /** Runs on the provider's side: not a single point of failure, no MTBF/MTTR. */
  readonly managed?: boolean;
  /** A database technology's read replicas: their overrides of the read-replica kind. */
  readonly replicaDefaults?: TechnologyDefaults;
  /** A database technology's replication (replica lag and replay). */
  readonly replication?: ReplicationSpec;
}

const spec = <K extends TechnologyKind>(
  kind: K,
  id: TechnologyId<K>,
  label: string,
  description: string,
  rest: Partial<Omit<TechnologySpec, 'id' | 'kind' | 'label' | 'description'>> = {},
): TechnologySpec => ({ id, kind, label, description, defaults: {}, ...rest });

// ---------------------------------------------------------------------------
// Helper A: caches and relational databases (docs/model.md §14.1).

const CACHE_SPECS = {
  'cache:redis': spec('cache', 'redis', 'Redis', 'In-memory key-value store; runs every command on one thread, so a bigger node buys memory, not speed.', {
    defaults: {
      cores: {
        value: 1,
        source:
          'MODEL.md §9.2: one command thread whatever the size; SOURCES.md §5 redis.conf: io-threads are off by default and threading reads "usually doesn\'t help much"',
      },
      serviceMs: {
        value: { static: 0.008, read: 0.008, write: 0.008 },
        source: 'SOURCES.md "Throughput and latency": redis-benchmark ~100–180k ops/s per instance without pipelining (0.008 ms = 125,000 ops/s)',
      },
    },
  }),
  'cache:valkey': spec('cache', 'valkey', 'Valkey', 'Open-source fork of Redis with I/O threads switched on: one command thread, but socket work moves to other cores from 4 cores up.', {
    defaults: {
      cores: { value: 1, source: 'as Redis: one command thread (MODEL.md §9.2)' },
      serviceMs: { value: { static: 0.008, read: 0.008, write: 0.008 }, source: 'as Redis (SOURCES.md redis-benchmark); Valkey\'s own per-core figure unverified' },
      ioThreads: {
        value: { speedup: 2, fromCores: 4 },
        source:
          'SOURCES.md §5 redis.conf (the code Valkey forked): I/O threads "speedup two times", only on 4 cores or more; ElastiCache enhanced I/O multiplexing up to +72%. Valkey\'s own figure unverified: kept at Redis\'s',
      },
      priceFactor: {
        value: 1,
        source: 'unverified: SOURCES.md §5 has no node price for Valkey (only its serverless discount); kept at the Redis node price',
      },
    },
  }),
  'cache:memcached': spec('cache', 'memcached', 'Memcached', 'Multi-threaded in-memory cache: every core serves requests, so a bigger node is faster; no replication or persistence.', {
    defaults: {
      cores: { value: 2, source: 'calibrated: one worker thread per vCPU (memcached -t): cache.t4g.medium has 2 vCPU; SOURCES.md §5: multi-threaded' },
      coresScaleWithSize: {
        value: true,
        source:
          'SOURCES.md "Throughput and latency": Memcached 530k ops/s on 8 cores (multi-threaded); SOURCES.md §5: modern per-core figure not found',
      },
      serviceMs: {
        value: { static: 0.008, read: 0.008, write: 0.008 },
        source:
          'unverified per core (SOURCES.md §5 "not found (modern)"): taken as one Redis thread, 125,000 ops/s; the 2009 figure is 66,000 per core on 8 cores',
      },
    },
  }),
  'cache:serverless-cache': spec('cache', 'serverless-cache', 'Serverless cache', 'A managed cache that scales itself: no nodes to size, priced per request and per GB stored.', {
    managed: true,
    defaults: {
      cores: {
        value: 40,
        source: 'unverified: stands for the 5 M requests/s one serverless cache scales to (40 threads × 125,000 ops/s); not in SOURCES.md',
      },
      serviceMs: { value: { static: 0.008, read: 0.008, write: 0.008 }, source: 'as Redis (SOURCES.md redis-benchmark)' },
      availability: {
        value: { type: 'managed', availability: 0.9999 },
        source: 'SOURCES.md "Availability": ElastiCache Multi-AZ SLA 99.99% (a serverless cache is Multi-AZ)',
      },
      priceKey: { value: 'elasticache-serverless-gb', source: 'unverified: ElastiCache Serverless $0.125 per GB-hour, 1 GB minimum (not in SOURCES.md)' },
      usdPerMillionRequests: {
        value: 0.0034,
        source:
          'unverified: ElastiCache Serverless $0.0034 per million ECPUs, one ECPU per simple GET/SET of up to 1 KB (not in SOURCES.md; SOURCES.md §5: the Valkey engine is 33% cheaper)',
      },
    },
  }),
} satisfies Partial<Record<TechnologyKey, TechnologySpec>>;

/** RDS Multi-AZ and Aurora failover (SOURCES.md §10). */
const RDS_FAILOVER: Sourced<number> = {
  value: 1.5 / 60,
  source: 'SOURCES.md §10: RDS Multi-AZ failover "typically 60–120 seconds" (90 s)',
};

const DATABASE_SPECS = {
  'database:postgresql': spec('database', 'postgresql', 'PostgreSQL', 'The open-source relational database the generic one is calibrated on; replicas replay the write log on one thread.', {
    defaults: { failoverHours: RDS_FAILOVER },
    replicaDefaults: {
      applyFactor: {
        value: 0.5,
        source: 'MODEL.md §2.1: replaying a write costs half a write; SOURCES.md §4: PG WAL replay is single-threaded (the replay ceiling in MB/s not found)',
      },
    },
    replication: {
      baseLagMs: {
        value: 10,
        source: 'unverified: asynchronous streaming replication inside a region (a 0.5 ms round trip plus the replay); SOURCES.md §4 gives no typical figure',
      },
      replayThreads: { value: 1, source: 'SOURCES.md §4: the startup process alone replays WAL built by many backends (Cybertec 2025; EDB)' },
      maxReplicas: { value: 15, source: 'unverified: RDS for PostgreSQL allows 15 read replicas per source (AWS RDS User Guide, not in SOURCES.md)' },
    },
  }),
  'database:mysql': spec('database', 'mysql', 'MySQL', 'The other common open-source relational database; replicas apply the binary log on several threads.', {
    defaults: {
      failoverHours: RDS_FAILOVER,
      serviceMs: {
        value: { static: 0.12, read: 0.12, write: 0.17 },
        source:
          'unverified: SOURCES.md §1 has no absolute MySQL sysbench QPS by size ("not found"); kept at the PostgreSQL figures',
      },
    },
    replicaDefaults: {
      applyFactor: {
        value: 0.5,
        source: 'unverified: as PostgreSQL (MODEL.md §2.1: half a write); SOURCES.md §4: typical MySQL replica lag not found',
      },
    },
    replication: {
      baseLagMs: { value: 10, source: 'unverified: SOURCES.md §4 "MySQL replica lag (typical values): Not found"; as PostgreSQL' },
      replayThreads: {
        value: 4,
        source: 'unverified: MySQL 8.0.27+ applies the binary log on replica_parallel_workers = 4 threads by default (MySQL manual, not in SOURCES.md)',
      },
      maxReplicas: { value: 15, source: 'unverified: RDS for MySQL allows 15 read replicas per source (AWS RDS User Guide, not in SOURCES.md)' },
    },
  }),
  'database:aurora': spec('database', 'aurora', 'Aurora', 'Managed PostgreSQL- or MySQL-compatible database on shared storage: replicas read the same volume, lag well under 100 ms and take over in under a minute.', {
    defaults: {
      serviceMs: {
        value: { static: 0.12, read: 0.12, write: 0.11 },
        source:
          'SOURCES.md §1 ClickHouse/PostgresBench TPC-B at 100 GB, 16 vCPU: Aurora 11,443–12,628 TPS vs RDS gp3 7,152–8,133 (1.58× the writes; 0.17 / 1.58 = 0.11 ms per statement); reads unverified, as PostgreSQL',
      },
      failoverHours: {
        value: 0.5 / 60,
        source: 'SOURCES.md §10: Aurora with a replica is "typically restored in less than 60 seconds, often less than 30" (30 s)',
      },
      priceFactor: {
        value: 1.2,
        source: 'unverified: Aurora instances list at about 20% above RDS for the same class (RDS vs Aurora prices not in SOURCES.md)',
      },
      maxStorageGB: { value: 131_072, source: 'SOURCES.md §2: Aurora cluster volume 128 TiB' },
    },
    replicaDefaults: {
      applyFactor: {
        value: 0.05,
        source:
          'calibrated: Aurora replicas share the primary\'s storage and only invalidate cached pages (SOURCES.md §4 "rises with write rate"): a twentieth of a write, not half',
      },
      serviceMs: { value: { static: 0.12, read: 0.12, write: 0.11 }, source: 'as the Aurora primary (SOURCES.md §1 TPC-B, Aurora vs RDS)' },
      sharedStorage: { value: true, source: 'SOURCES.md §4: Aurora replicas share the cluster volume (awsdocs Aurora.Replication)' },
      priceFactor: { value: 1.2, source: 'as the Aurora primary (unverified)' },
    },
    replication: {
      baseLagMs: {
        value: 20,
        source: 'SOURCES.md §4: Aurora replica lag "usually much less than 100 milliseconds" (20 ms taken)',
      },
      replayThreads: { value: 0, source: 'SOURCES.md §4: shared storage; the replica replays nothing to its own volume' },
      maxReplicas: { value: 15, source: 'issue #20 and the Aurora User Guide: up to 15 Aurora Replicas per cluster' },
    },
  }),
} satisfies Partial<Record<TechnologyKey, TechnologySpec>>;

// ---------------------------------------------------------------------------
// Helper B: key-value stores, queues and logs, load balancers and gateways
// (docs/model.md §14.2). Figures beyond a kind's defaults (partition limits,
// per-partition throughput, FIFO limits) are in tech-figures.ts; what the
// engine does with them is in tech-stores-queues.ts and tech-stores-queues-run.ts.

/** An instance you run: fails and is repaired like any compute instance (MODEL.md §9.3). */
const SELF_RUN: Sourced<AvailabilityFigure> = {
  value: CATALOG.worker.defaults.availability.value,
  source: `a node you run fails and is repaired like any compute instance: ${CATALOG.worker.defaults.availability.source}`,
};
// Which params each technology adds or drops is the design's (lib/design/technologies.ts TECHNOLOGY_PARAMS).

const B_SPECS = {
  'nosql:dynamodb': spec(
    'nosql',
    'dynamodb',
    'DynamoDB',
    'Managed key-value store priced per request: no nodes to size, but one partition serves at most 3,000 reads or 1,000 writes a second, so a hot key is throttled.',
    {
      model: 'rated',
      managed: true,
      defaults: {
        latencyMs: { value: 5, source: 'unverified: AWS calls DynamoDB "single-digit millisecond"; SOURCES.md has no figure' },
        capacityRps: { value: 0, source: 'SOURCES.md §8: partitions are added as the load grows; the limit is per partition (tech-figures.ts DYNAMODB)' },
        availability: { value: { type: 'managed', availability: 0.9999 }, source: 'SOURCES.md "Availability": DynamoDB SLA 99.99%' },
        priceKey: { value: 'none', source: 'SOURCES.md §9: on demand, $0.125 per million reads and $0.625 per million writes (prices.ts)' },
        maxStorageGB: { value: 0, source: 'unverified: a DynamoDB table has no size limit (its partitions split as it grows); 0 = no limit in the model' },
      },
    },
  ),
  'nosql:cassandra': spec(
    'nosql',
    'cassandra',
    'Cassandra',
    'Self-run wide-column store: every node takes writes and copies each to replicationFactor nodes; the consistency level trades latency and availability for reading your own writes.',
    {
      defaults: {
        serviceMs: {
          value: CATALOG.nosql.defaults.serviceMs!.value,
          source: `as the generic store, which is calibrated on Cassandra: ${CATALOG.nosql.defaults.serviceMs!.source}`,
        },
      },
    },
  ),
  'queue:sqs': spec('queue', 'sqs', 'SQS', 'Managed queue priced per request, with no brokers to run; a FIFO queue keeps order but takes 300 calls a second.', {
    managed: true,
    defaults: {
      latencyMs: { value: 10, source: 'unverified: SOURCES.md §7 found no SQS per-message latency; one HTTPS call inside a region taken as 10 ms' },
      capacityRps: { value: 0, source: 'SOURCES.md §7: standard queues take "nearly unlimited" calls per second (FIFO: tech-figures.ts SQS)' },
      priceKey: { value: 'none', source: 'SOURCES.md Prices table: $0.40 per million requests (prices.ts)' },
    },
  }),
  'queue:rabbitmq': spec('queue', 'rabbitmq', 'RabbitMQ', 'Self-run message broker: durable classic queues are fast and live on one node; quorum queues are replicated to three and slower.', {
    managed: false,
    defaults: {
      latencyMs: { value: 1, source: 'SOURCES.md §7: RabbitMQ 4.0 end-to-end p50 1 ms, p99 2 ms (rabbitmq.com blog, 2024-08-21)' },
      capacityRps: { value: 99_413, source: 'SOURCES.md §7: durable classic queue 99,413 msg/s on one node (quorum queues: tech-figures.ts RABBITMQ)' },
      availability: SELF_RUN,
      priceKey: { value: 'ec2-m5.xlarge', source: 'unverified: a 4 vCPU broker node, EC2 m5.xlarge (SOURCES.md §7: the benchmark ran RabbitMQ on 3 scheduler threads of an 8-core machine)' },
    },
  }),
  'queue:kafka': spec('queue', 'kafka', 'Kafka', 'Partitioned, replicated log: throughput grows with partitions and brokers; each partition feeds one consumer of a group; messages are kept for a retention period.', {
    managed: false,
    defaults: {
      instances: { value: 3, source: 'SOURCES.md "Throughput and latency": Kreps\'s cluster of 3 brokers, replication factor 3' },
      latencyMs: { value: 2, source: 'SOURCES.md "Throughput and latency": Kafka end-to-end p50 2 ms, p99 3 ms (Kreps)' },
      capacityRps: {
        value: 140_608,
        source: 'SOURCES.md "Throughput and latency": Kreps, 421,823 records/s on 3 brokers with 3× synchronous replication = 140,608 a broker (per partition: tech-figures.ts KAFKA)',
      },
      availability: SELF_RUN,
      priceKey: { value: 'msk-kafka.m5.large', source: 'SOURCES.md Prices table: MSK kafka.m5.large $0.21 per broker-hour (unverified)' },
    },
  }),
  'load-balancer:managed': spec('load-balancer', 'managed', 'Managed', 'A cloud load balancer (ALB) that scales itself: no instances and no single instance to fail; priced per hour and per capacity unit (LCU).', {
    defaults: {
      capacityRps: { value: 0, source: 'SOURCES.md §9: an ALB adds capacity units as traffic grows (billed per LCU-hour); no per-instance limit in the model' },
    },
  }),
  'load-balancer:haproxy': spec('load-balancer', 'haproxy', 'HAProxy', 'Self-hosted load balancer on instances you run: fast and cheap, but one instance alone is a single point of failure.', {
    managed: false,
    defaults: {
      capacityRps: {
        value: PROXIES.haproxyRpsPerCore.value * PROXIES.proxyVcpu.value,
        source: 'derived: SOURCES.md HAProxy ~32k rps per core × the 2 vCPU of a c6g.large = 64,000 rps an instance',
      },
      latencyMs: { value: 0.4, source: 'SOURCES.md "Throughput and latency": HAProxy adds at most 0.4 ms at saturation' },
      availability: SELF_RUN,
      priceKey: { value: 'ec2-c6g.large', source: 'SOURCES.md Prices table: EC2 c6g.large $0.068/h, one instance' },
    },
  }),
  'load-balancer:envoy': spec('load-balancer', 'envoy', 'Envoy', 'Self-hosted proxy on instances you run (rich routing and retries); one instance alone is a single point of failure.', {
    managed: false,
    defaults: {
      capacityRps: CATALOG['api-gateway'].defaults.capacityRps,
      latencyMs: CATALOG['api-gateway'].defaults.latencyMs,
      availability: SELF_RUN,
      priceKey: { value: 'ec2-c6g.large', source: 'SOURCES.md Prices table: EC2 c6g.large $0.068/h, one instance' },
    },
  }),
  'api-gateway:managed': spec('api-gateway', 'managed', 'Managed', 'A cloud API gateway (API Gateway HTTP API) that scales itself, priced per million requests.', {
    defaults: {
      capacityRps: { value: 0, source: 'scales itself; the account\'s default throttle (10,000 rps, raisable) is not modelled (unverified, not in SOURCES.md)' },
      latencyMs: { value: 10, source: 'unverified: SOURCES.md has no API Gateway latency; 10 ms taken' },
      priceKey: { value: 'none', source: 'SOURCES.md §9: HTTP API $1.00 per million requests (first 300 M), $0.90 after (prices.ts)' },
    },
  }),
  'api-gateway:envoy': spec('api-gateway', 'envoy', 'Envoy', 'Self-hosted gateway on instances you run; one instance alone is a single point of failure.', {
    managed: false,
    defaults: { availability: SELF_RUN },
  }),
} satisfies Partial<Record<TechnologyKey, TechnologySpec>>;

// ---------------------------------------------------------------------------

export const TECHNOLOGY_SPECS: Record<TechnologyKey, TechnologySpec> = { ...CACHE_SPECS, ...DATABASE_SPECS, ...B_SPECS };

/** The spec of a kind's technology; undefined for generic (absent) or a technology the kind does not have. */
export function technologySpec(kind: Kind, id: string | undefined): TechnologySpec | undefined {
  if (id === undefined || id === GENERIC) return undefined;
  return (TECHNOLOGY_SPECS as Record<string, TechnologySpec | undefined>)[`${kind}:${id}`];
}

/**
 * The overrides a node of `kind` with technology `id` gets: its technology's
 * defaults, or for a read replica its primary's technology's `replicaDefaults`.
 */
export function technologyDefaults(kind: Kind, id: string | undefined): TechnologyDefaults | undefined {
  if (kind === 'read-replica') return technologySpec('database', id)?.replicaDefaults;
  return technologySpec(kind, id)?.defaults;
}

/** A technology's label, "Generic" for none. */
export function technologyLabel(kind: Kind, id: string | undefined): string {
  return technologySpec(kind, id)?.label ?? 'Generic';
}
