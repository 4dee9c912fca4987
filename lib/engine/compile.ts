/**
 * Compiles a design document into an indexed network: nodes numbered once,
 * parameters resolved against the catalog into typed arrays, and one route
 * table per (node, request class) saying which targets take how much of that
 * class. Everything here is independent of the workload, so one compiled
 * network serves every user count of a sweep and every stage.
 *
 * A discrete-event simulator can route individual requests exactly as the
 * analytic engine does by sampling a target from `routeTarget`/`routeFrac`
 * (see `CompiledNetwork`).
 */
import * as catalog from './catalog';
import { MESH, serverlessCapacityRps } from './cloud-native';
import type { KindSpec } from './catalog';
import { KINDS, type Kind, type Size } from '../design/kinds';
import { PARAM_KEYS, PARAMS } from '../design/params';
import * as prices from './prices';
import type { Design, NodeParams } from './types';
import { TECHNOLOGY_SPECS, technologyMismatch, type TechnologyDefaults } from './technologies';
import { compileStoresQueues, type StoreQueueTables } from './tech-stores-queues';
import { KAFKA } from './tech-figures';
import { GLOBAL_KINDS } from '../rules/regions';

// Local copies: imported bindings can be live getters under some module loaders
// (tsx's per-file CommonJS), which costs a call per use in the per-node loops below.
const { CATALOG, NETWORK, SIZE_FACTOR } = catalog;
const { HOURLY_PRICES } = prices;

/** Request classes as array indices: every per-class typed array is `node * 4 + class`. */
export const STATIC = 0;
export const READ = 1;
export const WRITE = 2;
export const JOB = 3;
export const NCLASS = 4;
export const CLASS_NAMES = ['static', 'read', 'write', 'job'] as const;

/** Kind codes (index into KINDS) for fast switches. */
export const K = {
  users: 0,
  dns: 1,
  cdn: 2,
  'load-balancer': 3,
  'api-gateway': 4,
  'rate-limiter': 5,
  server: 6,
  'app-server': 7,
  service: 8,
  cache: 9,
  database: 10,
  'read-replica': 11,
  nosql: 12,
  'object-storage': 13,
  queue: 14,
  worker: 15,
  search: 16,
  monitoring: 17,
  logging: 18,
  serverless: 19,
  'container-cluster': 20,
  'stream-processor': 21,
  warehouse: 22,
} as const satisfies Record<Kind, number>;
// Kept in step with KINDS (checked once at load).
KINDS.forEach((k, i) => {
  if (K[k] !== i) throw new Error(`kind code of ${k} is out of step with KINDS`);
});

/** Service model codes. */
export const MODEL_SOURCE = 0;
export const MODEL_QUEUE = 1;
export const MODEL_RATED = 2;
export const MODEL_NONE = 3;

/** Load-balancing algorithm of the node feeding a station. */
export const ALG_RANDOM = 0;
export const ALG_ROUND_ROBIN = 1;
export const ALG_LEAST_CONNECTIONS = 2;

/** A design the engine refuses to evaluate, with one message per problem. */
export class InvalidDesignError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    this.name = 'InvalidDesignError';
    this.issues = issues;
  }
}

/**
 * The compiled form of a design. Arrays indexed by node are length `n`;
 * arrays indexed by `(node, class)` are length `4n` at `node * 4 + class`.
 */
export interface CompiledNetwork {
  n: number;
  ids: string[];
  /** Human name per node: its label, or its id. */
  labels: string[];
  kinds: Kind[];
  specs: KindSpec[];
  kindCode: Uint8Array;
  /** MODEL_SOURCE | MODEL_QUEUE | MODEL_RATED | MODEL_NONE per node. */
  model: Uint8Array;
  /** Node indices in topological order (every edge goes forward). */
  topo: Int32Array;
  usersNodes: Int32Array;

  // Resolved parameters.
  /** Fixed instance count (for a database: 1 primary per shard). */
  instances: Float64Array;
  autoscaled: Uint8Array;
  autoscaleMin: Float64Array;
  autoscaleMax: Float64Array;
  autoscaleTarget: Float64Array;
  /** Servers per instance (M/M/c `c`), an integer ≥ 1. */
  cores: Float64Array;
  /** Service-time multiplier: above 1 when a size gives less than one core. */
  slowdown: Float64Array;
  /** Mean service time per (node, class), ms, before `slowdown`; job at a worker is filled per run. */
  serviceMs: Float64Array;
  hitRatio: Float64Array;
  latencyMs: Float64Array;
  /** Rated capacity per instance, rps; 0 = unbounded. */
  capacityRps: Float64Array;
  /** Rate limit, rps; -1 = unlimited. */
  limitRps: Float64Array;
  shards: Float64Array;
  shardSkew: Float64Array;
  standby: Uint8Array;
  applyFactor: Float64Array;
  replicationFactor: Float64Array;
  maxStorageGB: Float64Array;
  stateless: Uint8Array;
  /** Availability per instance from `params.availability`; NaN = use the catalog figure. */
  availabilityOverride: Float64Array;
  /** Network bandwidth of one instance toward users, Gbps (MODEL.md §9.2). */
  bandwidthGbps: Float64Array;
  /** Price per instance-hour at the node's size, US dollars. */
  hourlyUsd: Float64Array;
  /** Region index, or -1 for global kinds (users, dns, cdn, monitoring, logging). */
  region: Int32Array;
  regions: string[];
  /** 1 when this DNS node routes by geography. */
  geoDns: Uint8Array;

  // Routes: for (node, out-class) b = node*4+class, entries [routeStart[b], routeStart[b+1]).
  routeStart: Int32Array;
  routeTarget: Int32Array;
  /** Share of the class sent to the target (sums to 1 over a route). */
  routeFrac: Float64Array;
  /** Hop latency of the edge, ms (round trip). */
  routeHop: Float64Array;
  /** Index of the design edge the route entry follows. */
  routeEdge: Int32Array;
  /** Entries in the longest route (sizes the backward pass's scratch). */
  maxRoute: number;
  /** Design edge ids, by index. */
  edgeIds: string[];

  // Structure.
  /** Algorithm of the load balancer feeding the node (ALG_*). */
  algorithm: Uint8Array;
  /**
   * For a node a round-robin load balancer feeds: the instances the balancer
   * cycles over, as a multiple of the node's own (3 for one of three equal
   * nodes). An instance then sees every (n·multiple)-th arrival: c_a² =
   * 1/(n·multiple), not 1/n (MODEL.md §3, E_n/M/c). 1 elsewhere.
   */
  rrSpread: Float64Array;
  /** The database primary whose write stream a read replica applies, or -1. */
  primaryOf: Int32Array;
  /** 1 for a database with read-replica targets or a standby: fails over in a minute. */
  failover: Uint8Array;
  /** Redundancy group id per node (MODEL.md §4), or -1 when alone. */
  groupOf: Int32Array;
  groupCount: number;
  // Cloud-native kinds (docs/model.md §14.3).
  /** 1 where a sidecar proxy (service mesh) runs beside each instance. */
  mesh: Uint8Array;
  /** Serverless: the concurrency limit (environments), the memory (MB) and the cold-start init (ms); 0 elsewhere. */
  concurrency: Float64Array;
  memoryMB: Float64Array;
  initMs: Float64Array;
  /** Container cluster: pods that fit one node; 0 elsewhere. */
  podsPerNode: Float64Array;
  /** 1 for a worker fed by a queue (runs at the average job rate). */
  fedByQueue: Uint8Array;
  /**
   * 1 where jobs arrive on a request's own path: sent by an app server,
   * service or server with no queue in between (a direct app → worker call,
   * and that worker's writes), so the node carries user-facing traffic.
   */
  syncJob: Uint8Array;
  /**
   * 1 where a health-checking splitter routes around a failed instance
   * (MODEL.md §9.3): fed by a load balancer, API gateway or rate limiter (a proxy), a worker fed by a
   * queue, a primary's read replica. Only these count k-of-n; elsewhere each
   * instance fails its own share of requests.
   */
  behindSplitter: Uint8Array;
  /** 1 for an app-server, service or server that is down for each deploy: one instance, or not behind a splitter (MODEL.md §9.3). */
  deployDown: Uint8Array;
  hasMonitoring: boolean;
  hasLogging: boolean;
  /** A log's partitions (`params.partitions`), 0 where not given (docs/model.md §14.4). */
  partitions: Float64Array;
  /**
   * A stream processor's parallelism: instances × slots (cores), at most the
   * partitions of the logs feeding it when every one of them gives its count
   * (docs/model.md §14.4). 0 for other kinds.
   */
  parallelism: Float64Array;
  /** Partitions of the logs feeding a stream processor: their sum, 0 when none feeds it, -1 when one gives no count. */
  upstreamPartitions: Float64Array;
  /** Outgoing edges per node (CSR), regardless of class. */
  outStart: Int32Array;
  outTarget: Int32Array;
  /** Technology per node ('' = generic); a read replica's is its primary's (docs/model.md §14). */
  technology: string[];
  /** Failover to a standby or replica, hours (a database's technology sets it). */
  failoverHours: Float64Array;
  /** Usage price per million requests served (a serverless cache), US dollars; 0 for none. */
  usdPerMillionRequests: Float64Array;
  /** 1 for a replica on its primary's volume (Aurora): replaying writes costs it no storage writes. */
  sharedStorage: Uint8Array;
  /** Key-value stores, queues and logs, balancers and gateways of a technology (docs/model.md §14.2). */
  storesQueues: StoreQueueTables;
}

/** Global kinds belong to no region (lib/rules/regions.ts). */
const REGIONAL_EXEMPT = GLOBAL_KINDS;

/** Tiers: where several targets accept a class, only the highest tier takes it (specialists first). */
function tier(target: Kind, cls: number): number {
  if (cls === STATIC) return target === 'cdn' ? 3 : 1;
  if (cls === READ) {
    if (target === 'cache') return 3;
    if (target === 'read-replica') return 2;
    if (target === 'search') return 0;
    return 1;
  }
  if (cls === JOB) return target === 'queue' ? 2 : 1;
  return 1;
}

/** Whether `src` may send class `cls` to `dst` (MODEL.md §2, §2.1). */
function routable(src: Kind, dst: Kind, cls: number): boolean {
  const accepts = CATALOG[dst].accepts as readonly string[];
  if (!accepts.includes(CLASS_NAMES[cls])) return false;
  if (cls === JOB) {
    // docs/model.md §14.4: a stream processor consumes events from a queue (a
    // log) only; a warehouse is fed by a pipeline (stream processor, queue or
    // worker), never straight from the request path.
    if (dst === 'stream-processor') return src === 'queue';
    if (dst === 'warehouse') return src === 'stream-processor' || src === 'queue' || src === 'worker';
    if (src === 'stream-processor') return dst === 'database' || dst === 'nosql';
    if (src === 'worker') return dst === 'database' || dst === 'nosql';
    // MODEL.md §2.1: a queue forwards jobs to workers (each queue hands on the
    // average rate, so a queue behind a queue would divide by peakFactor twice).
    if (src === 'queue') return dst === 'worker';
    return dst === 'queue' || dst === 'worker';
  }
  if (src === 'database' && cls === READ) return dst === 'read-replica';
  return true;
}

/** The classes a kind forwards (anything else it completes or never receives). */
const FORWARDS: Record<Kind, readonly number[]> = {
  users: [STATIC, READ, WRITE],
  dns: [STATIC, READ, WRITE],
  cdn: [STATIC],
  'load-balancer': [STATIC, READ, WRITE],
  'api-gateway': [STATIC, READ, WRITE],
  'rate-limiter': [STATIC, READ, WRITE],
  // MODEL.md §2.1: the single box serves everything and runs jobs inline (never forwards them).
  server: [],
  'app-server': [READ, WRITE, JOB],
  service: [READ, WRITE, JOB],
  worker: [JOB],
  cache: [READ],
  database: [READ],
  'read-replica': [],
  nosql: [],
  'object-storage': [],
  queue: [JOB],
  search: [],
  monitoring: [],
  logging: [],
  'stream-processor': [JOB],
  warehouse: [],
  // Cloud-native kinds (docs/model.md §14.3): app tiers, so they pass reads, writes and the jobs writes make.
  serverless: [READ, WRITE, JOB],
  'container-cluster': [READ, WRITE, JOB],
};

/**
 * The classes a node of this kind sends downstream (MODEL.md §2.1), by
 * name: what the editor may let a user connect from it. Anything else the
 * kind completes itself or never receives.
 */
export function forwardsOf(kind: Kind): readonly (typeof CLASS_NAMES)[number][] {
  return FORWARDS[kind].map((c) => CLASS_NAMES[c]);
}

// Lookup tables by kind code, built once: [src * NK * 4 + dst * 4 + cls] and [kind * 4 + cls].
const NK = KINDS.length;
const ROUTABLE = new Uint8Array(NK * NK * 4);
const TIER = new Uint8Array(NK * 4);
const FORWARD_MASK = new Uint8Array(NK);
KINDS.forEach((src, si) => {
  for (const c of FORWARDS[src]) FORWARD_MASK[si] |= 1 << c;
  for (let c = 0; c < 4; c++) {
    TIER[si * 4 + c] = tier(src, c);
    KINDS.forEach((dst, di) => {
      ROUTABLE[(si * NK + di) * 4 + c] = routable(src, dst, c) ? 1 : 0;
    });
  }
});

/** Whether the model sends any class from a `src` node to a `dst` node (the editor's connection rules ask). */
export function routesBetween(src: Kind, dst: Kind): boolean {
  const si = K[src];
  const di = K[dst];
  for (let c = 0; c < 4; c++) if (ROUTABLE[(si * NK + di) * 4 + c]) return true;
  return false;
}

/**
 * The catalog defaults the node loop of `compile` reads, per kind code, in
 * one object shape for every kind (the catalog's own default objects differ
 * by kind, so reading them per node is a megamorphic lookup each time).
 * Built once, like the tables above.
 */
interface KindDefaults {
  model: number;
  size: Size;
  baseCores: number;
  /** Cores follow the size (false for a cache's one command thread, MODEL.md §9.2). */
  coresScale: boolean;
  /** Service time divisor from `ioThreadsFrom` cores up (Valkey's I/O threads); 1 = none. */
  ioSpeedup: number;
  ioThreadsFrom: number;
  serviceStatic: number;
  serviceRead: number;
  serviceWrite: number;
  instances: number;
  autoscalable: boolean;
  hitRatio: number;
  latencyMs: number;
  capacityRps: number;
  shards: number;
  shardSkew: number;
  standby: boolean;
  applyFactor: number;
  replicationFactor: number;
  maxStorageGB: number;
  stateless: boolean;
  usdPerHour: number;
  usdPerMillionRequests: number;
  failoverHours: number;
  sharedStorage: boolean;
  queueModel: boolean;
  regional: boolean;
  concurrency: number;
  memoryMB: number;
  initMs: number;
  podsPerNode: number;
  mesh: boolean;
}

/**
 * One defaults row: the kind's catalog entry, overridden by a technology's
 * (docs/model.md §14). Without a technology the row is the catalog's alone.
 */
function defaultsRow(kind: Kind, spec: KindSpec, tech?: TechnologyDefaults): KindDefaults {
  const d = spec.defaults;
  const t = tech ?? {};
  const sm = (t.serviceMs ?? d.serviceMs)?.value;
  const io = t.ioThreads?.value;
  const model = spec.model;
  return {
    model: model === 'source' ? MODEL_SOURCE : model === 'queue' ? MODEL_QUEUE : model === 'rated' ? MODEL_RATED : MODEL_NONE,
    size: (t.size ?? d.size).value,
    baseCores: (t.cores ?? d.cores)?.value ?? 1,
    coresScale: t.coresScaleWithSize?.value ?? kind !== 'cache',
    ioSpeedup: io?.speedup ?? 1,
    ioThreadsFrom: io?.fromCores ?? Infinity,
    serviceStatic: sm?.static ?? 0,
    serviceRead: sm?.read ?? 0,
    serviceWrite: sm?.write ?? 0,
    instances: (t.instances ?? d.instances).value,
    autoscalable: !!spec.autoscalable,
    hitRatio: (t.hitRatio ?? d.hitRatio)?.value ?? 0,
    latencyMs: (t.latencyMs ?? d.latencyMs)?.value ?? 0,
    capacityRps: (t.capacityRps ?? d.capacityRps)?.value ?? 0,
    shards: (t.shards ?? d.shards)?.value ?? 1,
    shardSkew: (t.shardSkew ?? d.shardSkew)?.value ?? 0,
    standby: (t.standby ?? d.standby)?.value ?? false,
    applyFactor: (t.applyFactor ?? d.applyFactor)?.value ?? 0,
    replicationFactor: (t.replicationFactor ?? d.replicationFactor)?.value ?? 1,
    maxStorageGB: (t.maxStorageGB ?? d.maxStorageGB)?.value ?? 0,
    stateless: (t.stateless ?? d.stateless)?.value ?? true,
    usdPerHour: HOURLY_PRICES[(t.priceKey ?? d.priceKey).value].usdPerHour * (t.priceFactor?.value ?? 1),
    usdPerMillionRequests: t.usdPerMillionRequests?.value ?? 0,
    failoverHours: t.failoverHours?.value ?? NETWORK.failoverMttrHours.value,
    sharedStorage: t.sharedStorage?.value ?? false,
    queueModel: model === 'queue',
    regional: !REGIONAL_EXEMPT.has(kind),
    concurrency: d.concurrency?.value ?? 0,
    memoryMB: d.memoryMB?.value ?? 0,
    initMs: d.initMs?.value ?? 0,
    podsPerNode: d.podsPerNode?.value ?? 0,
    mesh: d.mesh?.value ?? false,
  };
}
const KIND_DEFAULTS: KindDefaults[] = KINDS.map((kind) => defaultsRow(kind, CATALOG[kind]));

/**
 * A technology's catalog entry: its kind's, with the technology's model,
 * management and defaults over it (what the availability pass and the
 * inspector read). Built once per technology, like its defaults row; a read
 * replica's under `read-replica:<its primary's technology>`.
 */
/** vCPUs of a cache node at size medium (cache.t4g.medium: 2), doubling with each size step. */
const CACHE_VCPU_AT_MEDIUM = 2;
const CATALOG_DEFAULT_KEYS = new Set<string>([
  'instances', 'size', 'cores', 'serviceMs', 'hitRatio', 'latencyMs', 'capacityRps', 'availability', 'priceKey', 'shards',
  'shardSkew', 'standby', 'applyFactor', 'replicationFactor', 'limitRps', 'stateless', 'maxStorageGB', 'algorithm', 'routing',
] satisfies (keyof KindSpec['defaults'])[]);
export const TECHNOLOGY_KIND_SPECS = new Map<string, KindSpec>();
const TECH_DEFAULTS = new Map<string, KindDefaults>();
for (const t of Object.values(TECHNOLOGY_SPECS)) {
  const add = (kind: Kind, overrides: TechnologyDefaults, model = CATALOG[kind].model, managed = CATALOG[kind].managed) => {
    const base = CATALOG[kind];
    const defaults = { ...base.defaults } as Record<string, unknown>;
    for (const [key, value] of Object.entries(overrides)) if (CATALOG_DEFAULT_KEYS.has(key)) defaults[key] = value;
    const kindSpec: KindSpec = { ...base, model, managed, defaults: defaults as unknown as KindSpec['defaults'] };
    TECHNOLOGY_KIND_SPECS.set(`${kind}:${t.id}`, kindSpec);
    TECH_DEFAULTS.set(`${kind}:${t.id}`, defaultsRow(kind, kindSpec, overrides));
  };
  add(t.kind, t.defaults, t.model, t.managed);
  if (t.kind === 'database') add('read-replica', t.replicaDefaults ?? {});
}

/**
 * A node's params copied into one object shape (every key, undefined where
 * not given): params objects differ in shape from node to node, so reading
 * each key from them directly is a megamorphic lookup. Only the keys the
 * node has are visited (for…in sees the same enumerable keys the reads
 * would). Returns a shared object, overwritten by the next call. The
 * initialiser must name every key of NodeParams (the type check says so);
 * compile.test.ts checks that each one is reset and copied.
 */
const params: NodeParams = {
  instances: undefined,
  size: undefined,
  cores: undefined,
  serviceMs: undefined,
  hitRatio: undefined,
  latencyMs: undefined,
  availability: undefined,
  hourlyUsd: undefined,
  shards: undefined,
  shardSkew: undefined,
  standby: undefined,
  applyFactor: undefined,
  replicationFactor: undefined,
  limitRps: undefined,
  autoscale: undefined,
  stateless: undefined,
  region: undefined,
  maxStorageGB: undefined,
  algorithm: undefined,
  routing: undefined,
  technology: undefined,
  consistency: undefined,
  partitions: undefined,
  retentionHours: undefined,
  fifo: undefined,
  batchSize: undefined,
  queueType: undefined,
  concurrency: undefined,
  memoryMB: undefined,
  initMs: undefined,
  podsPerNode: undefined,
  mesh: undefined,
} satisfies Record<keyof Required<NodeParams>, undefined>;
export function readParams(p: NodeParams | undefined): NodeParams {
  const q = params;
  q.instances = undefined;
  q.size = undefined;
  q.cores = undefined;
  q.serviceMs = undefined;
  q.hitRatio = undefined;
  q.latencyMs = undefined;
  q.availability = undefined;
  q.hourlyUsd = undefined;
  q.shards = undefined;
  q.shardSkew = undefined;
  q.standby = undefined;
  q.applyFactor = undefined;
  q.replicationFactor = undefined;
  q.limitRps = undefined;
  q.autoscale = undefined;
  q.stateless = undefined;
  q.region = undefined;
  q.maxStorageGB = undefined;
  q.algorithm = undefined;
  q.routing = undefined;
  q.technology = undefined;
  q.consistency = undefined;
  q.partitions = undefined;
  q.retentionHours = undefined;
  q.fifo = undefined;
  q.batchSize = undefined;
  q.queueType = undefined;
  q.concurrency = undefined;
  q.memoryMB = undefined;
  q.initMs = undefined;
  q.podsPerNode = undefined;
  q.mesh = undefined;
  if (!p) return q;
  for (const key in p) {
    switch (key) {
      case 'instances':
        q.instances = p.instances;
        break;
      case 'size':
        q.size = p.size;
        break;
      case 'cores':
        q.cores = p.cores;
        break;
      case 'serviceMs':
        q.serviceMs = p.serviceMs;
        break;
      case 'hitRatio':
        q.hitRatio = p.hitRatio;
        break;
      case 'latencyMs':
        q.latencyMs = p.latencyMs;
        break;
      case 'availability':
        q.availability = p.availability;
        break;
      case 'hourlyUsd':
        q.hourlyUsd = p.hourlyUsd;
        break;
      case 'shards':
        q.shards = p.shards;
        break;
      case 'shardSkew':
        q.shardSkew = p.shardSkew;
        break;
      case 'standby':
        q.standby = p.standby;
        break;
      case 'applyFactor':
        q.applyFactor = p.applyFactor;
        break;
      case 'replicationFactor':
        q.replicationFactor = p.replicationFactor;
        break;
      case 'limitRps':
        q.limitRps = p.limitRps;
        break;
      case 'autoscale':
        q.autoscale = p.autoscale;
        break;
      case 'stateless':
        q.stateless = p.stateless;
        break;
      case 'region':
        q.region = p.region;
        break;
      case 'maxStorageGB':
        q.maxStorageGB = p.maxStorageGB;
        break;
      case 'algorithm':
        q.algorithm = p.algorithm;
        break;
      case 'routing':
        q.routing = p.routing;
        break;
      case 'technology':
        q.technology = p.technology;
        break;
      case 'consistency':
        q.consistency = p.consistency;
        break;
      case 'partitions':
        q.partitions = p.partitions;
        break;
      case 'retentionHours':
        q.retentionHours = p.retentionHours;
        break;
      case 'fifo':
        q.fifo = p.fifo;
        break;
      case 'batchSize':
        q.batchSize = p.batchSize;
        break;
      case 'queueType':
        q.queueType = p.queueType;
        break;
      case 'concurrency':
        q.concurrency = p.concurrency;
        break;
      case 'memoryMB':
        q.memoryMB = p.memoryMB;
        break;
      case 'initMs':
        q.initMs = p.initMs;
        break;
      case 'podsPerNode':
        q.podsPerNode = p.podsPerNode;
        break;
      case 'mesh':
        q.mesh = p.mesh;
        break;
    }
  }
  return q;
}

function num(v: unknown): v is number {
  return typeof v === 'number';
}

/**
 * Cheap structural guard run by every engine entry point: unknown kinds,
 * duplicate ids, dangling edges, cycles, negative or non-finite numbers.
 * O(nodes + edges). The full schema check is `validate` (lib/design/schema).
 */
export function guardDesign(design: Design): { path: string; message: string }[] {
  return inspectDesign(design).issues;
}

interface Inspection {
  issues: { path: string; message: string }[];
  /** Each edge's source and target node index (-1 when dangling). */
  eSrc: Int32Array;
  eDst: Int32Array;
}

/** `guardDesign`, keeping the edges' ends (node indices) it resolves on the way, for `compile`. */
function inspectDesign(design: Design): Inspection {
  const issues: { path: string; message: string }[] = [];
  const index = new Map<string, number>();
  if (!design || !Array.isArray(design.nodes) || !Array.isArray(design.edges)) {
    issues.push({ path: '', message: 'a design needs a nodes list and an edges list' });
    return { issues, eSrc: new Int32Array(0), eDst: new Int32Array(0) };
  }
  // Plain loops and for…in (own keys, the same order as Object.entries): this
  // runs on every evaluation, so it allocates nothing unless there is an issue.
  const nodes = design.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!(node.kind in CATALOG)) issues.push({ path: `nodes[${i}].kind`, message: `unknown kind ${JSON.stringify(node.kind)}` });
    const known = index.size;
    index.set(node.id, i);
    if (index.size === known) issues.push({ path: `nodes[${i}].id`, message: `duplicate node id "${node.id}"` });
    const p = node.params as Record<string, unknown> | undefined;
    if (p) {
      for (const key in p) {
        if (!hasOwn.call(p, key)) continue;
        const value = p[key];
        if (key === 'technology' && node.kind in CATALOG) {
          const wrong = technologyMismatch(node.kind, value);
          if (wrong) issues.push({ path: `nodes[${i}].params.technology`, message: wrong });
        }
        if (num(value) && (!Number.isFinite(value) || value < 0)) {
          issues.push({ path: `nodes[${i}].params.${key}`, message: `${key} must be a finite number, zero or more` });
        }
      }
      for (const sub of SUB_PARAMS) {
        const o = p[sub] as Record<string, unknown> | undefined;
        if (o && typeof o === 'object') {
          for (const key in o) {
            if (!hasOwn.call(o, key)) continue;
            const value = o[key];
            if (num(value) && (!Number.isFinite(value) || value < 0)) {
              issues.push({ path: `nodes[${i}].params.${sub}.${key}`, message: `${sub}.${key} must be a finite number, zero or more` });
            }
          }
        }
      }
    }
  }
  const edgeIds = new Set<string>();
  const edges = design.edges;
  const eSrc = new Int32Array(edges.length);
  const eDst = new Int32Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    const known = edgeIds.size;
    edgeIds.add(e.id);
    if (edgeIds.size === known) issues.push({ path: `edges[${i}].id`, message: `duplicate edge id "${e.id}"` });
    const s = index.get(e.source);
    const t = index.get(e.target);
    eSrc[i] = s ?? -1;
    eDst[i] = t ?? -1;
    if (s === undefined) issues.push({ path: `edges[${i}].source`, message: `edge "${e.id}" starts at "${e.source}", which is not a node` });
    if (t === undefined) issues.push({ path: `edges[${i}].target`, message: `edge "${e.id}" ends at "${e.target}", which is not a node` });
    const ep = e.params as Record<string, unknown> | undefined;
    if (ep) {
      for (const key in ep) {
        if (!hasOwn.call(ep, key)) continue;
        const value = ep[key];
        if (num(value) && (!Number.isFinite(value) || value < 0)) {
          issues.push({ path: `edges[${i}].params.${key}`, message: `${key} must be a finite number, zero or more` });
        }
      }
    }
  }
  const w = design.workload as Record<string, unknown> | undefined;
  if (w) {
    for (const key in w) {
      if (!hasOwn.call(w, key)) continue;
      const value = w[key];
      if (num(value) && (!Number.isFinite(value) || value < 0)) {
        issues.push({ path: `workload.${key}`, message: `${key} must be a finite number, zero or more` });
      }
    }
  }
  return { issues, eSrc, eDst };
}

const hasOwn = Object.prototype.hasOwnProperty;
const SUB_PARAMS = PARAM_KEYS.filter((k) => PARAMS[k].type === 'group');

/**
 * Compiles a design (MODEL.md §2). Throws `InvalidDesignError` for a design
 * the engine cannot evaluate (including a cycle, named in the message).
 * O(nodes + edges).
 */
export function compile(design: Design): CompiledNetwork {
  const { issues, eSrc, eDst } = inspectDesign(design);
  if (issues.length > 0) throw new InvalidDesignError(issues);
  const nodes = design.nodes;
  const edges = design.edges;
  const n = nodes.length;

  const ids = nodes.map((x) => x.id);
  // The name the canvas shows: the node's own label, else its kind's (never the id, which the learner does not see).
  const labels = nodes.map((x) => x.label?.trim() || CATALOG[x.kind].label);
  const kinds = nodes.map((x) => x.kind);
  const specs = kinds.map((k) => CATALOG[k]);
  const kindCode = new Uint8Array(n);
  const model = new Uint8Array(n);
  const instances = new Float64Array(n);
  const autoscaled = new Uint8Array(n);
  const autoscaleMin = new Float64Array(n);
  const autoscaleMax = new Float64Array(n);
  const autoscaleTarget = new Float64Array(n);
  const cores = new Float64Array(n);
  const slowdown = new Float64Array(n);
  const serviceMs = new Float64Array(n * 4);
  const hitRatio = new Float64Array(n);
  const latencyMs = new Float64Array(n);
  const capacityRps = new Float64Array(n);
  const limitRps = new Float64Array(n);
  const shards = new Float64Array(n);
  const shardSkew = new Float64Array(n);
  const standby = new Uint8Array(n);
  const applyFactor = new Float64Array(n);
  const replicationFactor = new Float64Array(n);
  const maxStorageGB = new Float64Array(n);
  const stateless = new Uint8Array(n);
  const availabilityOverride = new Float64Array(n);
  const hourlyUsd = new Float64Array(n);
  const bandwidthGbps = new Float64Array(n);
  const region = new Int32Array(n);
  const geoDns = new Uint8Array(n);
  const partitions = new Float64Array(n);
  const mesh = new Uint8Array(n);
  const concurrency = new Float64Array(n);
  const memoryMB = new Float64Array(n);
  const initMs = new Float64Array(n);
  const podsPerNode = new Float64Array(n);
  const regionIndex = new Map<string, number>();
  const regions: string[] = [];
  let hasMonitoring = false;
  let hasLogging = false;
  const users: number[] = [];

  // Technologies (docs/model.md §14): a node's own, or for a read replica its primary's.
  const technology: string[] = new Array(n);
  for (let v = 0; v < n; v++) technology[v] = nodes[v].params?.technology ?? '';
  for (let i = 0; i < edges.length; i++) {
    const s = eSrc[i];
    const t = eDst[i];
    if (kinds[s] === 'database' && kinds[t] === 'read-replica' && technology[t] === '' && technology[s] !== '') technology[t] = technology[s];
  }
  const failoverHours = new Float64Array(n);
  const usdPerMillionRequests = new Float64Array(n);
  const sharedStorage = new Uint8Array(n);

  for (let v = 0; v < n; v++) {
    const node = nodes[v];
    const kc = K[node.kind];
    const tech = technology[v];
    const d = tech === '' ? KIND_DEFAULTS[kc] : (TECH_DEFAULTS.get(`${node.kind}:${tech}`) ?? KIND_DEFAULTS[kc]);
    if (tech !== '') specs[v] = TECHNOLOGY_KIND_SPECS.get(`${node.kind}:${tech}`) ?? specs[v];
    const p = readParams(node.params);
    kindCode[v] = kc;
    model[v] = d.model;
    if (kc === K.users) users.push(v);
    if (kc === K.monitoring) hasMonitoring = true;
    if (kc === K.logging) hasLogging = true;
    const size = p.size ?? d.size;
    const sizeFactor = SIZE_FACTOR[size] ?? 1;
    const baseCores = d.baseCores;
    // A Redis-like cache runs commands on one thread whatever its size (MODEL.md §9.2): size buys memory, not speed.
    // A cluster's size is its nodes' size: a pod keeps its own cores (docs/model.md §14.3).
    const rawCores = p.cores ?? (d.coresScale && kc !== K['container-cluster'] ? baseCores * sizeFactor : baseCores);
    cores[v] = rawCores >= 1 ? Math.round(rawCores) : 1;
    slowdown[v] = rawCores >= 1 ? 1 : 1 / Math.max(rawCores, 1e-9);
    // I/O threads (Valkey) take socket work off the command thread once the node has enough vCPUs (docs/model.md §14.1).
    const io = d.ioSpeedup !== 1 && CACHE_VCPU_AT_MEDIUM * sizeFactor >= d.ioThreadsFrom ? d.ioSpeedup : 1;
    serviceMs[v * 4 + STATIC] = p.serviceMs?.static ?? d.serviceStatic / io;
    serviceMs[v * 4 + READ] = p.serviceMs?.read ?? d.serviceRead / io;
    serviceMs[v * 4 + WRITE] = p.serviceMs?.write ?? d.serviceWrite / io;
    failoverHours[v] = d.failoverHours;
    usdPerMillionRequests[v] = d.usdPerMillionRequests;
    sharedStorage[v] = d.sharedStorage ? 1 : 0;
    // A job reaching a data store is one write; at a worker it takes jobServiceMs (set per run).
    serviceMs[v * 4 + JOB] = serviceMs[v * 4 + WRITE];
    instances[v] = kc === K.database ? 1 : (p.instances ?? d.instances);
    if (d.autoscalable && p.autoscale) {
      autoscaled[v] = 1;
      autoscaleMin[v] = p.autoscale.min;
      autoscaleMax[v] = Math.max(p.autoscale.min, p.autoscale.max);
      autoscaleTarget[v] = p.autoscale.target > 0 ? p.autoscale.target : 1;
    }
    hitRatio[v] = Math.min(1, p.hitRatio ?? d.hitRatio);
    latencyMs[v] = p.latencyMs ?? d.latencyMs;
    capacityRps[v] = d.capacityRps;
    limitRps[v] = kc === K['rate-limiter'] && p.limitRps !== undefined ? p.limitRps : -1;
    shards[v] = kc === K.database ? Math.max(1, Math.round(p.shards ?? d.shards)) : 1;
    shardSkew[v] = kc === K.database || kc === K.nosql ? (p.shardSkew ?? d.shardSkew) : 0;
    standby[v] = kc === K.database && (p.standby ?? d.standby) ? 1 : 0;
    applyFactor[v] = p.applyFactor ?? d.applyFactor;
    replicationFactor[v] = kc === K.nosql ? Math.max(1, p.replicationFactor ?? d.replicationFactor) : 1;
    maxStorageGB[v] = p.maxStorageGB ?? d.maxStorageGB;
    stateless[v] = (p.stateless ?? d.stateless) ? 1 : 0;
    availabilityOverride[v] = p.availability ?? NaN;
    const price = d.usdPerHour;
    // Baseline bandwidth doubles with the size (m7g.large 0.937 Gbps, xlarge 1.875, …) up to the 5 Gbps an instance below 32 vCPU may send to the internet.
    bandwidthGbps[v] = Math.min(NETWORK.internetBandwidthCapGbps.value, NETWORK.instanceBandwidthGbps.value * (cores[v] / Math.max(1, baseCores)));
    hourlyUsd[v] = p.hourlyUsd ?? (p.cores !== undefined && d.queueModel ? (price * p.cores) / baseCores : price * sizeFactor);
    geoDns[v] = kc === K.dns && p.routing === 'geo' ? 1 : 0;
    if (p.partitions !== undefined) partitions[v] = p.partitions;
    // A Kafka topic without a count has the registry's default partitions (docs/model.md §14.2), and they cap a stream processor too.
    else if (kc === K.queue && p.technology === 'kafka') partitions[v] = KAFKA.defaultPartitions.value;
    if (kc === K.serverless || kc === K['container-cluster']) cloudNative(v, kc, p, d, sizeFactor, price);
    else if (p.mesh) meshNode(v);
    if (!d.regional) region[v] = -1;
    else {
      const name = p.region ?? NETWORK.defaultRegion.value;
      let r = regionIndex.get(name);
      if (r === undefined) {
        r = regions.length;
        regions.push(name);
        regionIndex.set(name, r);
      }
      region[v] = r;
    }
  }

  /** A sidecar proxy on every instance: its CPU on each request, in and (reads, writes) out (docs/model.md §14.3). */
  function meshNode(v: number) {
    mesh[v] = 1;
    const cpu = MESH.proxyCpuMs.value;
    serviceMs[v * 4 + STATIC] += cpu;
    serviceMs[v * 4 + READ] += 2 * cpu;
    serviceMs[v * 4 + WRITE] += 2 * cpu;
    serviceMs[v * 4 + JOB] += 2 * cpu;
  }
  /** The cloud-native kinds' own parameters (docs/model.md §14.3). */
  function cloudNative(v: number, kc: number, p: NodeParams, d: KindDefaults, sizeFactor: number, price: number) {
    if (kc === K.serverless) {
      concurrency[v] = p.concurrency ?? d.concurrency;
      memoryMB[v] = p.memoryMB ?? d.memoryMB;
      initMs[v] = p.initMs ?? d.initMs;
      capacityRps[v] = serverlessCapacityRps(concurrency[v], latencyMs[v]);
      stateless[v] = 1;
      return;
    }
    // Container cluster: a node is the priced instance; pods fill it by their cores.
    // A node at size medium is an m6g.large, 2 vCPU (prices.ts), doubling per size step.
    podsPerNode[v] = Math.max(1, Math.floor(p.podsPerNode ?? (2 * sizeFactor) / Math.max(1, cores[v])));
    hourlyUsd[v] = p.hourlyUsd ?? price * sizeFactor;
    if (p.mesh) meshNode(v);
  }

  // Outgoing edges (CSR) and topological order (Kahn).
  const outCount = new Int32Array(n + 1);
  const indeg = new Int32Array(n);
  for (let i = 0; i < edges.length; i++) {
    const s = eSrc[i];
    const t = eDst[i];
    outCount[s + 1]++;
    indeg[t]++;
  }
  const outStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) outStart[v + 1] = outStart[v] + outCount[v + 1];
  const outTarget = new Int32Array(edges.length);
  const outEdge = new Int32Array(edges.length);
  const fill = outStart.slice(0, n);
  for (let i = 0; i < edges.length; i++) {
    const s = eSrc[i];
    outTarget[fill[s]] = eDst[i];
    outEdge[fill[s]] = i;
    fill[s]++;
  }
  const topo = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indeg[v] === 0) topo[tail++] = v;
  while (head < tail) {
    const v = topo[head++];
    for (let j = outStart[v]; j < outStart[v + 1]; j++) {
      const t = outTarget[j];
      if (--indeg[t] === 0) topo[tail++] = t;
    }
  }
  if (tail < n) {
    // Name one cycle for the message.
    const stuck = [];
    for (let v = 0; v < n; v++) if (indeg[v] > 0) stuck.push(ids[v]);
    throw new InvalidDesignError([
      { path: 'edges', message: `the design has a cycle through ${stuck.slice(0, 6).join(', ')}; traffic must flow one way` },
    ]);
  }

  // Routes.
  const routeStart = new Int32Array(n * 4 + 1);
  // At most one entry per edge and class. Typed scratch, trimmed at the end.
  const rt = new Int32Array(edges.length * 4);
  const rf = new Float64Array(edges.length * 4);
  const rh = new Float64Array(edges.length * 4);
  const re = new Int32Array(edges.length * 4);
  let rn = 0;
  const algorithm = new Uint8Array(n);
  const rrSpread = new Float64Array(n).fill(1);
  const fedByQueue = new Uint8Array(n);
  const primaryOf = new Int32Array(n).fill(-1);
  const failover = new Uint8Array(n);
  const behindSplitter = new Uint8Array(n);
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  let maxDegree = 0;
  for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, outStart[v + 1] - outStart[v]);
  const candidates = new Int32Array(maxDegree);
  const weights = new Float64Array(maxDegree);
  const raw = new Float64Array(maxDegree);
  // Edge shares, NaN where not given.
  const edgeShare = new Float64Array(edges.length);
  for (let i = 0; i < edges.length; i++) edgeShare[i] = edges[i].params?.share ?? NaN;

  for (let v = 0; v < n; v++) {
    const kind = kinds[v];
    const kv = kindCode[v];
    for (let cls = 0; cls < 4; cls++) {
      const b = v * 4 + cls;
      routeStart[b] = rn;
      if (!(FORWARD_MASK[kv] & (1 << cls))) continue;
      let nc = 0;
      for (let j = outStart[v]; j < outStart[v + 1]; j++) {
        if (ROUTABLE[(kv * NK + kindCode[outTarget[j]]) * 4 + cls]) candidates[nc++] = j;
      }
      if (nc === 0) continue;
      weights.fill(0, 0, nc);
      // Explicit shares first; the rest of the class goes to the top tier of the others.
      let shareSum = 0;
      let withShare = 0;
      for (let i = 0; i < nc; i++) {
        const share = edgeShare[outEdge[candidates[i]]];
        if (!Number.isNaN(share)) {
          shareSum += share;
          withShare++;
        }
      }
      const rest = withShare === nc ? 0 : Math.max(0, 1 - shareSum);
      if (withShare > 0) {
        // Shares that add up to 1 or more (or cover every target) are normalised.
        const normalise = shareSum >= 1 || rest === 0;
        for (let i = 0; i < nc; i++) {
          const share = edgeShare[outEdge[candidates[i]]];
          if (!Number.isNaN(share)) weights[i] = normalise ? (shareSum > 0 ? share / shareSum : 0) : share;
        }
      }
      if (withShare === 0 || rest > 0) {
        let top = -1;
        for (let i = 0; i < nc; i++) {
          if (!Number.isNaN(edgeShare[outEdge[candidates[i]]])) continue;
          top = Math.max(top, TIER[kindCode[outTarget[candidates[i]]] * 4 + cls]);
        }
        let sum = 0;
        for (let i = 0; i < nc; i++) {
          const t = outTarget[candidates[i]];
          let w = 0;
          if (Number.isNaN(edgeShare[outEdge[candidates[i]]]) && TIER[kindCode[t] * 4 + cls] === top) {
            if (kind === 'load-balancer') w = autoscaled[t] ? autoscaleMax[t] : instances[t] * shards[t];
            else w = 1;
          }
          raw[i] = w;
          sum += w;
        }
        if (geoDns[v]) {
          // Geo routing: users spread evenly over regions, then evenly within one.
          const perRegion = new Map<number, number>();
          for (let i = 0; i < nc; i++) {
            if (raw[i] > 0) perRegion.set(region[outTarget[candidates[i]]], (perRegion.get(region[outTarget[candidates[i]]]) ?? 0) + 1);
          }
          const nr = perRegion.size;
          for (let i = 0; i < nc; i++) {
            if (raw[i] > 0) weights[i] += (withShare === 0 ? 1 : rest) / nr / perRegion.get(region[outTarget[candidates[i]]])!;
          }
        } else if (sum > 0) {
          const scale = withShare === 0 ? 1 : rest;
          for (let i = 0; i < nc; i++) weights[i] += (raw[i] / sum) * scale;
        }
      }
      let total = 0;
      for (let i = 0; i < nc; i++) total += weights[i];
      for (let i = 0; i < nc; i++) {
        if (weights[i] <= 0) continue;
        const j = candidates[i];
        const t = outTarget[j];
        rt[rn] = t;
        rf[rn] = total > 0 ? weights[i] / total : 0;
        rh[rn] = hop(v, t, edges[outEdge[j]].params?.latencyMs) + (edges[outEdge[j]].params?.latencyMs !== undefined ? (mesh[v] + mesh[t]) * MESH.proxyMs.value : 0);
        re[rn] = outEdge[j];
        rn++;
        if (kind === 'load-balancer') algorithm[t] = algorithmCode(nodes[v].params?.algorithm);
        // A rate limiter is a proxy (Envoy, nginx) that health-checks its upstreams like a load balancer.
        // A consumer group moves a failed stream processor's partitions to the others (docs/model.md §14.4).
        if (kind === 'load-balancer' || kind === 'api-gateway' || kind === 'rate-limiter' || (kind === 'queue' && (kinds[t] === 'worker' || kinds[t] === 'stream-processor')) || (kind === 'database' && kinds[t] === 'read-replica'))
          behindSplitter[t] = 1;
        if (kind === 'queue' && kinds[t] === 'worker') fedByQueue[t] = 1;
        if (kind === 'database' && kinds[t] === 'read-replica') {
          if (primaryOf[t] < 0) primaryOf[t] = v;
          failover[v] = 1;
        }
      }
      // Round-robin cycles over every instance of every target it splits this class over.
      if (kind === 'load-balancer' && algorithmCode(nodes[v].params?.algorithm) === ALG_ROUND_ROBIN) {
        let all = 0;
        for (let i = routeStart[b]; i < rn; i++) all += autoscaled[rt[i]] ? autoscaleMax[rt[i]] : instances[rt[i]] * shards[rt[i]];
        for (let i = routeStart[b]; i < rn; i++) {
          const own = autoscaled[rt[i]] ? autoscaleMax[rt[i]] : instances[rt[i]] * shards[rt[i]];
          if (own > 0) rrSpread[rt[i]] = Math.max(rrSpread[rt[i]], all / own);
        }
      }
      // Redundancy groups: a load balancer's or gateway's same-kind targets, a primary's replicas.
      if (kind === 'load-balancer' || kind === 'api-gateway' || kind === 'rate-limiter' || kind === 'database') {
        const start = routeStart[b];
        for (let i = start; i < rn; i++) {
          for (let k = i + 1; k < rn; k++) {
            if (kinds[rt[i]] === kinds[rt[k]] && model[rt[i]] === MODEL_QUEUE) {
              union(rt[i], rt[k]);
              break;
            }
          }
        }
      }
    }
  }
  routeStart[n * 4] = rn;
  let maxRoute = 0;
  for (let b = 0; b < n * 4; b++) maxRoute = Math.max(maxRoute, routeStart[b + 1] - routeStart[b]);
  for (let v = 0; v < n; v++) if (standby[v]) failover[v] = 1;
  // A cluster's Service routes only to ready pods: its pods sit behind a health-checking splitter of their own.
  for (let v = 0; v < n; v++) if (kindCode[v] === K['container-cluster']) behindSplitter[v] = 1;
  // Rolling deploys need two or more instances behind a splitter (MODEL.md §9.3).
  const deployDown = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const kv = kindCode[v];
    if (kv !== K.server && kv !== K['app-server'] && kv !== K.service && kv !== K['container-cluster']) continue;
    const least = autoscaled[v] ? autoscaleMin[v] : instances[v];
    if (least < 2 || !behindSplitter[v]) deployDown[v] = 1;
  }
  // Replicas take the shape of their primary's shards.
  for (let v = 0; v < n; v++) {
    if (primaryOf[v] >= 0) {
      shardSkew[v] = shardSkew[primaryOf[v]];
    }
  }

  // Stream processors (docs/model.md §14.4): parallelism = instances × slots,
  // capped by the partitions of the logs that feed them when each gives its
  // count. Slots beyond the partitions sit idle: the station keeps its servers
  // and runs slower by slots / parallelism, so its capacity is parallelism /
  // serviceMs.
  const parallelism = new Float64Array(n);
  const partitionsIn = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (kindCode[v] !== K.queue) continue;
    const b = v * 4 + JOB;
    for (let i = routeStart[b]; i < routeStart[b + 1]; i++) {
      const t = rt[i];
      if (kindCode[t] !== K['stream-processor']) continue;
      partitionsIn[t] = partitions[v] > 0 && partitionsIn[t] >= 0 ? partitionsIn[t] + partitions[v] : -1;
    }
  }
  for (let v = 0; v < n; v++) {
    if (kindCode[v] !== K['stream-processor']) continue;
    const slots = Math.max(1, instances[v]) * cores[v];
    parallelism[v] = partitionsIn[v] > 0 ? Math.min(slots, partitionsIn[v]) : slots;
    if (parallelism[v] < slots) slowdown[v] *= slots / parallelism[v];
  }

  // Jobs on a request's own path: from an app tier, passed on by anything but a queue.
  const syncJob = new Uint8Array(n);
  for (let idx = 0; idx < n; idx++) {
    const v = topo[idx];
    const kv = kindCode[v];
    if (kv === K.queue) continue;
    if (!(kv === K.server || kv === K['app-server'] || kv === K.service || kv === K.serverless || kv === K['container-cluster'] || syncJob[v])) continue;
    const b = v * 4 + JOB;
    for (let i = routeStart[b]; i < routeStart[b + 1]; i++) syncJob[rt[i]] = 1;
  }

  const groupOf = new Int32Array(n).fill(-1);
  const groupSize = new Int32Array(n);
  for (let v = 0; v < n; v++) groupSize[find(v)]++;
  const groupId = new Int32Array(n).fill(-1);
  let groupCount = 0;
  for (let v = 0; v < n; v++) {
    const r = find(v);
    if (groupSize[r] < 2) continue;
    if (groupId[r] < 0) groupId[r] = groupCount++;
    groupOf[v] = groupId[r];
  }

  function hop(s: number, t: number, override: number | undefined): number {
    if (override !== undefined) return override;
    const sk = kinds[s];
    // Server-side time starts at the entry (MODEL.md §9.4): the user's own
    // round trips to it are added by the user-perceived view.
    if (sk === 'users' || sk === 'dns') return 0;
    if (sk === 'cdn') return region[t] < 0 ? NETWORK.insideRegionMs.value : NETWORK.cdnToOriginMs.value;
    const proxies = (mesh[s] + mesh[t]) * MESH.proxyMs.value;
    if (region[s] < 0 || region[t] < 0 || region[s] === region[t]) return NETWORK.insideRegionMs.value + proxies;
    return NETWORK.acrossRegionsMs.value + proxies;
  }

  // Technologies with behaviour of their own (docs/model.md §14.2): their
  // tables, and their capacity and failover rules applied to capacityRps and
  // behindSplitter.
  const storesQueues = compileStoresQueues({
    n,
    kinds,
    technology,
    nodes,
    instances,
    replicationFactor,
    capacityRps,
    behindSplitter,
    routeStart,
    routeTarget: rt,
    routeFrac: rf,
  });

  return {
    n,
    ids,
    labels,
    kinds,
    specs,
    kindCode,
    model,
    topo,
    usersNodes: Int32Array.from(users),
    instances,
    autoscaled,
    autoscaleMin,
    autoscaleMax,
    autoscaleTarget,
    cores,
    slowdown,
    serviceMs,
    hitRatio,
    latencyMs,
    capacityRps,
    limitRps,
    shards,
    shardSkew,
    standby,
    applyFactor,
    replicationFactor,
    maxStorageGB,
    stateless,
    availabilityOverride,
    hourlyUsd,
    bandwidthGbps,
    region,
    regions,
    geoDns,
    routeStart,
    routeTarget: rt.slice(0, rn),
    routeFrac: rf.slice(0, rn),
    routeHop: rh.slice(0, rn),
    routeEdge: re.slice(0, rn),
    maxRoute,
    edgeIds: edges.map((e) => e.id),
    algorithm,
    primaryOf,
    failover,
    groupOf,
    groupCount,
    fedByQueue,
    syncJob,
    behindSplitter,
    deployDown,
    partitions,
    parallelism,
    upstreamPartitions: partitionsIn,
    rrSpread,
    mesh,
    concurrency,
    memoryMB,
    initMs,
    podsPerNode,
    hasMonitoring,
    hasLogging,
    outStart,
    outTarget,
    technology,
    failoverHours,
    usdPerMillionRequests,
    sharedStorage,
    storesQueues,
  };
}

function algorithmCode(a: string | undefined): number {
  if (a === 'random') return ALG_RANDOM;
  if (a === 'least-connections') return ALG_LEAST_CONNECTIONS;
  return ALG_ROUND_ROBIN;
}
