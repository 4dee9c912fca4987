/**
 * Technologies (docs/model.md §13): the product a component of a kind is.
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
import type { KindDefaults as CatalogDefaults, ServiceModel, Sourced } from './catalog';
import type { Kind } from './kinds';
import type { NodeParams } from './types';

/** The technologies each kind may be; a kind not listed has no choice. */
export const TECHNOLOGIES = {
  cache: ['redis', 'valkey', 'memcached', 'serverless-cache'],
  database: ['postgresql', 'mysql', 'aurora'], // read-replica follows its primary's technology
  nosql: ['dynamodb', 'cassandra'],
  queue: ['sqs', 'rabbitmq', 'kafka'],
  'load-balancer': ['managed', 'haproxy', 'envoy'],
  'api-gateway': ['managed', 'envoy'],
} as const satisfies Partial<Record<Kind, readonly string[]>>;

export type TechnologyKind = keyof typeof TECHNOLOGIES;
export type TechnologyId<K extends TechnologyKind = TechnologyKind> = (typeof TECHNOLOGIES)[K][number];
export type TechnologyKey = { [K in TechnologyKind]: `${K}:${TechnologyId<K>}` }[TechnologyKind];

/** What a node without a technology is called wherever one is shown. */
export const GENERIC = 'generic';

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

/** How a relational technology copies its writes to replicas (docs/model.md §13.1). */
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
  /** NodeParams keys this technology takes beyond its kind's, e.g. kafka: ['partitions']. */
  readonly params: readonly (keyof NodeParams)[];
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
): TechnologySpec => ({ id, kind, label, description, defaults: {}, params: [], ...rest });

// ---------------------------------------------------------------------------
// Helper A: caches and relational databases (docs/model.md §13.1).

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
// (docs/model.md §13.2). Listed with no overrides yet: they behave as generic.

const B_SPECS = {
  'nosql:dynamodb': spec('nosql', 'dynamodb', 'DynamoDB', 'Managed key-value store priced per request, with per-partition limits.'),
  'nosql:cassandra': spec('nosql', 'cassandra', 'Cassandra', 'Self-run wide-column store: every node takes writes; replication factor and consistency level are tunable.'),
  'queue:sqs': spec('queue', 'sqs', 'SQS', 'Managed queue priced per request; FIFO queues have throughput limits.'),
  'queue:rabbitmq': spec('queue', 'rabbitmq', 'RabbitMQ', 'Self-run message broker: durable classic or quorum queues on a few nodes.'),
  'queue:kafka': spec('queue', 'kafka', 'Kafka', 'Partitioned log: throughput grows with partitions; consumer groups read at their own pace; messages kept for a retention period.'),
  'load-balancer:managed': spec('load-balancer', 'managed', 'Managed', 'A cloud load balancer that scales itself, priced per hour and per capacity unit.'),
  'load-balancer:haproxy': spec('load-balancer', 'haproxy', 'HAProxy', 'Self-hosted load balancer on instances you run.'),
  'load-balancer:envoy': spec('load-balancer', 'envoy', 'Envoy', 'Self-hosted proxy on instances you run.'),
  'api-gateway:managed': spec('api-gateway', 'managed', 'Managed', 'A cloud API gateway that scales itself, priced per million requests.'),
  'api-gateway:envoy': spec('api-gateway', 'envoy', 'Envoy', 'Self-hosted gateway on instances you run.'),
} satisfies Partial<Record<TechnologyKey, TechnologySpec>>;

// ---------------------------------------------------------------------------

export const TECHNOLOGY_SPECS: Record<TechnologyKey, TechnologySpec> = { ...CACHE_SPECS, ...DATABASE_SPECS, ...B_SPECS };

/** The technologies a kind may be, in the registry's order; [] when the kind has no choice. */
export function technologiesOf(kind: Kind): readonly string[] {
  return (TECHNOLOGIES as Partial<Record<Kind, readonly string[]>>)[kind] ?? [];
}

/** Whether `id` is one of the kind's technologies. */
export function fitsKind(kind: Kind, id: string): boolean {
  return technologiesOf(kind).includes(id);
}

/** The spec of a kind's technology; undefined for generic (absent) or a technology the kind does not have. */
export function technologySpec(kind: Kind, id: string | undefined): TechnologySpec | undefined {
  if (id === undefined || id === GENERIC) return undefined;
  return (TECHNOLOGY_SPECS as Record<string, TechnologySpec | undefined>)[`${kind}:${id}`];
}

/** "redis, valkey, memcached or serverless-cache". */
export function listChoices(kind: Kind): string {
  const list = technologiesOf(kind);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

/** "a cache", "an api-gateway". */
function aKind(kind: Kind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/**
 * The refusal for a technology that does not fit its node's kind, naming the
 * allowed choices; null when it fits (or is absent).
 */
export function technologyMismatch(kind: Kind, id: unknown): string | null {
  if (id === undefined) return null;
  const shown = typeof id === 'string' ? `"${id.slice(0, 40)}"` : String(id);
  const list = technologiesOf(kind);
  if (list.length === 0) return `technology ${shown} does not fit ${aKind(kind)}: ${aKind(kind)} has no technology choice; leave it out`;
  if (typeof id === 'string' && list.includes(id)) return null;
  return `technology ${shown} does not fit ${aKind(kind)}; choose ${listChoices(kind)}, or leave it out for generic`;
}

/** The NodeParams keys a node's technology adds to its kind's. */
export function technologyParams(kind: Kind, id: string | undefined): readonly (keyof NodeParams)[] {
  return technologySpec(kind, id)?.params ?? [];
}

/** A technology's label, "Generic" for none. */
export function technologyLabel(kind: Kind, id: string | undefined): string {
  return technologySpec(kind, id)?.label ?? 'Generic';
}
