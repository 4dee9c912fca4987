import type { Design, DesignEdge, DesignNode, NodeParams, Workload, Kind } from '@/lib/engine/data';

/**
 * The small designs behind the guides' live examples, one builder per
 * example, each taking the example's control values. Kept apart from the
 * components so a unit test can check that every control really moves the
 * numbers the example shows.
 */

class DesignBuilder {
  private nodes: DesignNode[] = [];
  private edges: DesignEdge[] = [];
  constructor(
    private readonly name: string,
    private readonly users: number,
  ) {
    this.node('users', 'users');
  }
  node(id: string, kind: Kind, params?: NodeParams, label?: string): this {
    this.nodes.push({ id, kind, ...(label ? { label } : {}), ...(params ? { params } : {}) });
    return this;
  }
  edge(source: string, target: string, params?: DesignEdge['params']): this {
    this.edges.push({ id: `${source}-${target}`, source, target, ...(params ? { params } : {}) });
    return this;
  }
  build(): Design {
    return { schemaVersion: 1, name: this.name, workload: { users: this.users }, nodes: this.nodes, edges: this.edges };
  }
}

const design = (name: string, users: number) => new DesignBuilder(name, users);

/** Load balancer → app tier → (cache →) database: the backbone most examples vary. */
function webTier(b: DesignBuilder, appInstances: number) {
  return b
    .node('lb', 'load-balancer', undefined, 'Load balancer')
    .node('app', 'app-server', { instances: appInstances, stateless: true }, 'App servers')
    .edge('users', 'lb')
    .edge('lb', 'app');
}

/** Peak load for a user count: any design will do; this is the smallest complete one. */
export function peakLoadDesign(users: number): Design {
  return design('Peak load', users).node('server', 'server', undefined, 'Server').edge('users', 'server').build();
}

/** One stage-1 server under growing load: utilisation and its latency. */
export function utilizationDesign(users: number): Design {
  return design('One server', users).node('server', 'server', undefined, 'Server').edge('users', 'server').build();
}

/** Background jobs on a queue with workers, so they do not run inline on the app tier and set its read and write p95. */
function offloadJobs(b: DesignBuilder, workers: number, store = 'db'): DesignBuilder {
  return b
    .node('queue', 'queue', undefined, 'Queue')
    .node('worker', 'worker', { instances: workers }, 'Workers')
    .edge('app', 'queue')
    .edge('queue', 'worker')
    .edge('worker', store);
}

/**
 * A cache in front of a database; the cache's hit ratio is the control. Jobs
 * go to a queue: run inline they would set the read p95 (about 240 ms, waiting
 * behind jobs on the app tier) whatever the hit ratio.
 */
export function hitRatioDesign(hitRatio: number): Design {
  const b = webTier(design('Cache hit ratio', 4_000_000), 30)
    .node('cache', 'cache', { hitRatio, instances: 2 }, 'Cache')
    .node('db', 'database', { standby: true }, 'Database')
    .edge('app', 'cache')
    .edge('app', 'db')
    .edge('cache', 'db');
  return offloadJobs(b, 8).build();
}

/** Static traffic through a CDN with object storage as origin; the CDN's hit ratio is the control. */
export function cdnDesign(hitRatio: number): Design {
  return webTier(design('CDN hit ratio', 5_000_000), 24)
    .node('cdn', 'cdn', { hitRatio }, 'CDN')
    .node('storage', 'object-storage', undefined, 'Object storage')
    .node('cache', 'cache', { instances: 2, hitRatio: 0.9 }, 'Cache')
    .node('db', 'database', { standby: true }, 'Database')
    .edge('users', 'cdn')
    .edge('cdn', 'storage')
    .edge('app', 'cache')
    .edge('app', 'db')
    .edge('cache', 'db')
    .build();
}

/**
 * A large primary with 0–n large read replicas at 2.5 million daily users:
 * the primary alone is busy (its misses read from storage), one replica is a
 * single point of failure, and either of two can carry every read alone.
 */
export function replicaDesign(replicas: number): Design {
  const b = webTier(design('Read replicas', 2_500_000), 40).node('db', 'database', { size: 'large', standby: true }, 'Primary').edge('app', 'db');
  if (replicas > 0) b.node('replica', 'read-replica', { size: 'large', instances: replicas }, 'Read replicas').edge('db', 'replica');
  return b.build();
}

/**
 * A sharded primary whose hottest shard carries (1 + skew) of its share, at
 * 25 million daily users: with model v2's per-query costs (5 statements a
 * write) one primary saturates there, as the guide's example needs.
 */
export function shardDesign(shards: number, skew: number): Design {
  const b = webTier(design('Shard skew', 25_000_000), 300)
    .node('cache', 'cache', { instances: 4, hitRatio: 0.9 }, 'Cache')
    .node('db', 'database', { shards, shardSkew: skew, standby: true }, 'Sharded database')
    .edge('app', 'cache')
    .edge('app', 'db')
    .edge('cache', 'db');
  return offloadJobs(b, 60).build();
}

/** An app tier of n instances in front of a database with a standby. */
export function instancesDesign(instances: number): Design {
  return webTier(design('Spare instances', 100_000), instances)
    .node('db', 'database', { standby: true }, 'Database')
    .edge('app', 'db')
    .build();
}

export type QueueControl = 'workers' | 'asyncShare' | 'jobMs';

/** Writes spawn jobs that go through a queue to workers. */
export function queueDesign(workers: number): Design {
  return webTier(design('Queue and workers', 10_000_000), 80)
    .node('cache', 'cache', { instances: 2, hitRatio: 0.9 }, 'Cache')
    .node('db', 'database', { standby: true, size: 'large' }, 'Database')
    .node('queue', 'queue', undefined, 'Queue')
    .node('worker', 'worker', { instances: workers }, 'Workers')
    .edge('app', 'cache')
    .edge('app', 'db')
    .edge('cache', 'db')
    .edge('app', 'queue')
    .edge('queue', 'worker')
    .edge('worker', 'db')
    .build();
}

/** A load balancer, `appInstances` app servers and one database, for watching the bottleneck move. */
export function bottleneckDesign(users: number, appInstances: number): Design {
  return webTier(design('Bottleneck', users), appInstances)
    .node('db', 'database', { standby: true }, 'Database')
    .edge('app', 'db')
    .build();
}

/** The database's CPU time per read query (model v2: a read request makes workload.queriesPerRead of them): an index lookup or a scan. */
export function queryCostDesign(readMs: number): Design {
  return webTier(design('Query cost', 1_000_000), 16)
    .node('db', 'database', { standby: true, serviceMs: { read: readMs } }, 'Database')
    .edge('app', 'db')
    .build();
}

export type StoreChoice = 'relational' | 'nosql-3' | 'nosql-6';

/** The same app on a relational primary or a partitioned NoSQL store. */
export function storeDesign(store: StoreChoice, users: number): Design {
  const b = webTier(design('Store choice', users), Math.max(2, Math.ceil(users / 100_000)));
  if (store === 'relational') b.node('store', 'database', { standby: true }, 'Relational primary');
  else b.node('store', 'nosql', { instances: store === 'nosql-3' ? 3 : 6 }, 'NoSQL store');
  return b.edge('app', 'store').build();
}

/**
 * A gateway and a chain of services each request crosses synchronously;
 * `spare` gives every service a second instance beyond what the load needs.
 */
export function serviceChainDesign(depth: number, spare: boolean): Design {
  const b = design('Service chain', 100_000)
    .node('lb', 'load-balancer', undefined, 'Load balancer')
    .node('gw', 'api-gateway', undefined, 'API gateway')
    .edge('users', 'lb')
    .edge('lb', 'gw');
  let prev = 'gw';
  for (let i = 1; i <= depth; i++) {
    const id = `svc${i}`;
    b.node(id, 'service', { instances: spare ? 2 : 1 }, `Service ${i}`).edge(prev, id);
    prev = id;
  }
  return b.node('db', 'database', { standby: true }, 'Database').edge(prev, 'db').build();
}

/** The stage-3 shape (a database without a standby) with or without monitoring. */
export function monitoringDesign(monitored: boolean): Design {
  const b = webTier(design('Monitoring', 100_000), 3).node('db', 'database', undefined, 'Database').edge('app', 'db');
  if (monitored) b.node('monitoring', 'monitoring', undefined, 'Monitoring');
  return b.build();
}

/** A rate limiter at the entry; `limitRps` of 0 means no limiter. */
export function rateLimitDesign(limitRps: number): Design {
  const b = design('Rate limiting', 1_000_000);
  if (limitRps > 0) b.node('limiter', 'rate-limiter', { limitRps, instances: 2 }, 'Rate limiter').edge('users', 'limiter');
  b.node('lb', 'load-balancer', undefined, 'Load balancer')
    .node('app', 'app-server', { instances: 12, stateless: true }, 'App servers')
    .node('db', 'database', { standby: true }, 'Database')
    .edge(limitRps > 0 ? 'limiter' : 'users', 'lb')
    .edge('lb', 'app')
    .edge('app', 'db');
  return b.build();
}

/** An app tier autoscaled to a target utilisation between `min` and `max` instances. */
export function autoscaleDesign(target: number, min = 2, max = 40): Design {
  return design('Autoscaling', 1_000_000)
    .node('lb', 'load-balancer', undefined, 'Load balancer')
    .node('app', 'app-server', { stateless: true, autoscale: { min, max, target } }, 'App servers')
    .node('db', 'database', { standby: true }, 'Database')
    .edge('users', 'lb')
    .edge('lb', 'app')
    .edge('app', 'db')
    .build();
}

/** One region, or two behind geo DNS, each with `instancesPerRegion` app servers. */
export function regionsDesign(regions: 1 | 2, instancesPerRegion: number): Design {
  const b = design('Regions', 10_000_000).node('dns', 'dns', regions === 2 ? { routing: 'geo' } : undefined, 'DNS').edge('users', 'dns');
  for (let r = 1; r <= regions; r++) {
    const region = `region-${r}`;
    b.node(`lb${r}`, 'load-balancer', { region }, `Load balancer ${r}`)
      .node(`app${r}`, 'app-server', { instances: instancesPerRegion, stateless: true, region }, `App servers ${r}`)
      .node(`cache${r}`, 'cache', { instances: 2, hitRatio: 0.9, region }, `Cache ${r}`)
      .node(`db${r}`, 'database', { standby: true, size: 'large', region }, `Database ${r}`)
      .edge('dns', `lb${r}`)
      .edge(`lb${r}`, `app${r}`)
      .edge(`app${r}`, `cache${r}`)
      .edge(`app${r}`, `db${r}`)
      .edge(`cache${r}`, `db${r}`);
  }
  return b.build();
}

export type ReadFrom = 'leader' | 'local-copy';

/** App servers in one region reading either the leader in another region or a local cached copy. */
export function consistencyDesign(readFrom: ReadFrom): Design {
  const b = design('Consistency and distance', 1_000_000)
    .node('lb', 'load-balancer', { region: 'region-2' }, 'Load balancer')
    .node('app', 'app-server', { instances: 16, stateless: true, region: 'region-2' }, 'App servers')
    .node('db', 'database', { standby: true, region: 'region-1' }, 'Leader (other region)')
    .edge('users', 'lb')
    .edge('lb', 'app')
    .edge('app', 'db');
  if (readFrom === 'local-copy') {
    b.node('cache', 'cache', { instances: 2, hitRatio: 0.95, region: 'region-2' }, 'Local copy').edge('app', 'cache').edge('cache', 'db');
  }
  return b.build();
}

/**
 * Optional CDN and cache around a small web tier, to see where latency goes;
 * evaluate it with LATENCY_BUDGET_WORKLOAD, a global audience (model v2: users
 * 20–230 ms from the region, a CDN edge 12–38 ms from each of them).
 */
export function latencyBudgetDesign(withCdn: boolean, withCache: boolean): Design {
  const b = webTier(design('Latency budget', 1_000_000), 16).node('db', 'database', { standby: true }, 'Database').edge('app', 'db');
  if (withCdn) b.node('cdn', 'cdn', { hitRatio: 0.95 }, 'CDN').node('storage', 'object-storage', undefined, 'Object storage').edge('users', 'cdn').edge('cdn', 'storage');
  if (withCache) b.node('cache', 'cache', { instances: 2, hitRatio: 0.9 }, 'Cache').edge('app', 'cache').edge('cache', 'db');
  return b.build();
}

/**
 * The latency example's audience, passed to the engine beside the design
 * (model v2's `audience` is a workload field design files do not carry yet).
 */
export const LATENCY_BUDGET_WORKLOAD: Partial<Workload> = { audience: 'global' };

export interface Wiring {
  appToCache: boolean;
  cacheToDb: boolean;
  appToDb: boolean;
  queueToWorker: boolean;
}

/** A stage-6 shape with some connections possibly missing. */
export function wiringDesign(w: Wiring): Design {
  const b = webTier(design('Wiring', 1_000_000), 12)
    .node('cache', 'cache', { instances: 2 }, 'Cache')
    .node('db', 'database', { standby: true }, 'Database')
    .node('queue', 'queue', undefined, 'Queue')
    .node('worker', 'worker', { instances: 2 }, 'Workers')
    .edge('app', 'queue');
  if (w.appToCache) b.edge('app', 'cache');
  if (w.cacheToDb) b.edge('cache', 'db');
  if (w.appToDb) b.edge('app', 'db');
  if (w.queueToWorker) b.edge('queue', 'worker').edge('worker', 'db');
  return b.build();
}

/**
 * The availability shapes the lessons and the reliability guide quote
 * (model v2, MODEL.md §9.3), each at stage 3's load so nothing is saturated.
 * The figure shown is the engine's availability of the node `subject`.
 *
 * - `lone-server`: one server holding the data: restored from backup.
 * - `lone-app`: one app instance, users straight to it: replaced by hand, down for each deploy.
 * - `app-no-lb`: two app instances with nothing routing around a failed one.
 * - `app-pair-lb`: two stateless instances behind a health-checking load balancer.
 * - `lone-db`: a primary without a standby: restored from backup.
 * - `db-standby`: a primary with a standby: fails over in minutes.
 */
export type AvailabilityShape = 'lone-server' | 'lone-app' | 'app-no-lb' | 'app-pair-lb' | 'lone-db' | 'db-standby';

export const AVAILABILITY_SUBJECT: Record<AvailabilityShape, string> = {
  'lone-server': 'server',
  'lone-app': 'app',
  'app-no-lb': 'app',
  'app-pair-lb': 'app',
  'lone-db': 'db',
  'db-standby': 'db',
};

export function availabilityShapeDesign(shape: AvailabilityShape, monitored = false): Design {
  const b = design(`Availability: ${shape}`, 100_000);
  if (shape === 'lone-server') b.node('server', 'server', { size: 'large' }, 'Server').edge('users', 'server');
  else {
    if (shape === 'app-pair-lb') webTier(b, 2);
    else b.node('app', 'app-server', { instances: shape === 'app-no-lb' ? 2 : 1, stateless: true }, 'App server').edge('users', 'app');
    b.node('db', 'database', { size: 'large', ...(shape === 'db-standby' ? { standby: true } : {}) }, 'Database').edge('app', 'db');
  }
  if (monitored) b.node('monitoring', 'monitoring', undefined, 'Monitoring');
  return b.build();
}

/** Cache technologies the "Choosing a technology" guide compares (lib/engine/technologies.ts). */
export type CacheTech = 'redis' | 'valkey' | 'memcached';

/**
 * A read-heavy API (no static files, no background jobs) behind one cache
 * node of `size`, running `tech`: Redis runs every command on one thread
 * whatever the node's size, Memcached on every core, Valkey's I/O threads
 * double its one thread from four cores (docs/model.md §14.1). The cache
 * takes every read, so its utilisation is what the choice moves.
 */
export function cacheTechDesign(tech: CacheTech, size: 'medium' | 'xlarge'): Design {
  const d = design('Cache technology', 20_000_000)
    .node('lb', 'load-balancer', { instances: 4 }, 'Load balancer')
    .node('app', 'app-server', { instances: 450, stateless: true }, 'App servers')
    .edge('users', 'lb')
    .edge('lb', 'app')
    .node('cache', 'cache', { technology: tech, size, hitRatio: 0.95 }, 'Cache')
    .node('db', 'database', { standby: true, shards: 8, size: 'xlarge' }, 'Database')
    .edge('app', 'cache')
    .edge('app', 'db')
    .edge('cache', 'db')
    .build();
  return { ...d, workload: { users: 20_000_000, ...CACHE_TECH_WORKLOAD } };
}

/** The cache example's load: an API answering reads, nothing static, no jobs. */
export const CACHE_TECH_WORKLOAD = { requestsPerUserPerDay: 200, staticShare: 0, readRatio: 0.95, asyncShare: 0 } as const;
