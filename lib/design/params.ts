/**
 * The parameter registry: one entry per node parameter a design may set
 * (MODEL.md §1.1), saying what it is (label, unit, help), what a design may
 * hold (`valid`: the schema refuses the rest, in these words) and the range
 * the inspector offers (`range`, inside `valid`). The schema
 * (schema.ts), the engine's compile step (its param guard walks the
 * groups listed here; its test checks it copies every key), the inspector
 * (lib/editor/param-meta.ts) and the model page's parameter table all read
 * it; nothing else restates a bound, a label or a help text.
 *
 * `KIND_PARAMS` says which params each kind takes (the engine's catalog
 * reads it); a technology's additions and omissions are technologies.ts's.
 *
 * A help text may name an engine figure as `{name}`; the inspector fills it
 * from the engine (lib/editor/param-meta.ts `HELP_FIGURES`), so the figure
 * itself lives once, in the engine's catalog.
 */
import { CONSISTENCY_LEVELS, DNS_ROUTING, LB_ALGORITHMS, QUEUE_TYPES, SIZES, type Kind } from './kinds';
import type { NodeParams } from './types';

/** A number a design may hold, and how the inspector offers it. */
export interface NumberParam {
  readonly type: 'number';
  readonly label: string;
  readonly unit?: string;
  readonly help: string;
  /**
   * What a design may hold: `min` to `max` (`above`: strictly above `min`),
   * whole numbers only when `integer`. `maxShown` is how a refusal writes
   * the maximum ("3,600,000 (an hour)"); the plain number otherwise.
   */
  readonly valid: { readonly min: number; readonly max: number; readonly integer?: boolean; readonly above?: boolean; readonly maxShown?: string };
  /** The inspector's range and step (inside `valid`). */
  readonly range: { readonly min: number; readonly max: number; readonly step: number };
}
export interface SelectParam {
  readonly type: 'select';
  readonly label: string;
  readonly help: string;
  /** The values a design may hold; empty when they depend on the node (technology). */
  readonly options: readonly string[];
  /** Where the options depend on the node: the longest text a design may hold. */
  readonly maxLength?: number;
}
export interface BooleanParam {
  readonly type: 'boolean';
  readonly label: string;
  readonly help: string;
}
export interface TextParam {
  readonly type: 'text';
  readonly label: string;
  readonly help: string;
  readonly maxLength: number;
}
/** A parameter made of several numbers (`serviceMs`, `autoscale`). */
export interface GroupParam {
  readonly type: 'group';
  readonly label: string;
  readonly help: string;
  /** `autoscale` is all or nothing: a switch turns the whole group on. */
  readonly optional: boolean;
  readonly fields: readonly (NumberParam & { readonly key: string })[];
}
export type ParamSpec = NumberParam | SelectParam | BooleanParam | TextParam | GroupParam;

const HOUR_MS = 3_600_000;
const AN_HOUR = { max: HOUR_MS, maxShown: '3,600,000 (an hour)' } as const;

const serviceTime = (key: 'static' | 'read' | 'write', label: string, help: string) =>
  ({ key, type: 'number', label, unit: 'ms', help, valid: { min: 0, ...AN_HOUR }, range: { min: 0, max: 60_000, step: 0.01 } }) as const;

/** Every node parameter, in the schema's order. */
export const PARAMS = {
  instances: {
    type: 'number',
    label: 'Instances',
    help: 'Copies running side by side; the load is split between them.',
    valid: { min: 1, max: 100_000, integer: true },
    range: { min: 1, max: 1000, step: 1 },
  },
  size: { type: 'select', label: 'Size', options: SIZES, help: 'Each step up doubles the cores and the price.' },
  cores: {
    type: 'number',
    label: 'Cores',
    unit: 'cores',
    help: 'Requests one instance works on at the same time (at size medium).',
    valid: { min: 1, max: 1024, integer: true },
    range: { min: 1, max: 256, step: 1 },
  },
  serviceMs: {
    type: 'group',
    label: 'Service time',
    optional: false,
    help: 'CPU time one request of each class takes on one core.',
    fields: [serviceTime('static', 'Static', 'Serving a static file.'), serviceTime('read', 'Read', 'Answering a read.'), serviceTime('write', 'Write', 'Handling a write.')],
  },
  hitRatio: {
    type: 'number',
    label: 'Hit ratio',
    help: 'Share of requests answered here; the misses go on downstream.',
    valid: { min: 0, max: 1 },
    range: { min: 0, max: 1, step: 0.01 },
  },
  latencyMs: {
    type: 'number',
    label: 'Latency',
    unit: 'ms',
    help: 'Fixed time this component adds to every request it handles.',
    valid: { min: 0, ...AN_HOUR },
    range: { min: 0, max: 60_000, step: 0.01 },
  },
  availability: {
    type: 'number',
    label: 'Availability',
    help: 'Share of the time one instance is up (0.999 is "three nines").',
    valid: { min: 0, max: 1 },
    range: { min: 0.9, max: 1, step: 0.0001 },
  },
  hourlyUsd: {
    type: 'number',
    label: 'Price',
    unit: '$/hour',
    help: 'What one instance costs per hour at size medium.',
    valid: { min: 0, max: 1_000_000, maxShown: '1,000,000' },
    range: { min: 0, max: 1000, step: 0.001 },
  },
  shards: {
    type: 'number',
    label: 'Shards',
    help: 'Splits the data and all its traffic across this many primaries.',
    valid: { min: 1, max: 100_000, integer: true },
    range: { min: 1, max: 1024, step: 1 },
  },
  shardSkew: {
    type: 'number',
    label: 'Shard skew',
    help: 'Extra load on the busiest shard: 0.5 means 50 % above the average.',
    valid: { min: 0, max: 1000 },
    range: { min: 0, max: 10, step: 0.05 },
  },
  standby: { type: 'boolean', label: 'Standby', help: 'A failover copy that takes over within a minute if the primary fails.' },
  applyFactor: {
    type: 'number',
    label: 'Apply factor',
    help: 'Cost of replaying one of the primary\u2019s writes, as a share of a write.',
    valid: { min: 0, max: 1000 },
    range: { min: 0, max: 2, step: 0.05 },
  },
  replicationFactor: {
    type: 'number',
    label: 'Replication factor',
    unit: 'copies',
    help: 'How many nodes store each write.',
    valid: { min: 1, max: 100, integer: true },
    range: { min: 1, max: 9, step: 1 },
  },
  limitRps: {
    type: 'number',
    label: 'Rate limit',
    unit: 'req/s',
    help: 'Most requests per second passed on; the rest are turned away (shed).',
    valid: { min: 0, max: 1e12, maxShown: '1e12' },
    range: { min: 0, max: 100_000_000, step: 100 },
  },
  autoscale: {
    type: 'group',
    label: 'Autoscale',
    optional: true,
    help: 'Adds instances as load grows, between a minimum and a maximum, to hold a target utilisation.',
    fields: [
      { key: 'min', type: 'number', label: 'Minimum', unit: 'instances', help: 'Fewest instances kept running.', valid: { min: 1, max: 100_000, integer: true }, range: { min: 1, max: 1000, step: 1 } },
      { key: 'max', type: 'number', label: 'Maximum', unit: 'instances', help: 'Most instances it may add.', valid: { min: 1, max: 100_000, integer: true }, range: { min: 1, max: 1000, step: 1 } },
      { key: 'target', type: 'number', label: 'Target', help: 'Utilisation per instance to aim for (0.6 = 60 %).', valid: { min: 0, max: 1, above: true }, range: { min: 0.05, max: 1, step: 0.05 } },
    ],
  },
  stateless: {
    type: 'boolean',
    label: 'Stateless',
    help: 'Keeps no session in memory, so any instance can serve any user.',
  },
  region: {
    type: 'text',
    label: 'Region',
    maxLength: 64,
    help: 'Where it runs. Each hop between regions adds about {acrossRegionsMs} ms.',
  },
  maxStorageGB: {
    type: 'number',
    label: 'Storage per instance',
    unit: 'GB',
    help: 'Most data one instance holds; more data than this needs shards.',
    valid: { min: 0, max: 1e9, above: true, maxShown: '1e9 (an exabyte)' },
    range: { min: 1, max: 1_000_000, step: 1 },
  },
  algorithm: {
    type: 'select',
    label: 'Algorithm',
    options: LB_ALGORITHMS,
    help: 'How requests are spread: in turn, at random, or to the least busy.',
  },
  routing: {
    type: 'select',
    label: 'Routing',
    options: DNS_ROUTING,
    help: 'Geo routing sends each user to the nearest region.',
  },
  technology: {
    type: 'select',
    label: 'Technology',
    // The choices depend on the kind (technologies.ts); a design holds the id as text.
    options: [],
    maxLength: 40,
    help: 'Which product this is; Generic is the textbook component the lessons use.',
  },
  // Key-value stores, queues and logs (docs/model.md §14.2).
  consistency: {
    type: 'select',
    label: 'Consistency',
    options: CONSISTENCY_LEVELS,
    help: 'Replicas a read and a write wait for: ONE is fastest and most available but may read stale data; QUORUM reads your own writes; ALL fails when any replica is down.',
  },
  partitions: {
    type: 'number',
    label: 'Partitions',
    help: 'Each partition carries about {kafkaPartitionMBps} MB/s and feeds one consumer of a group: workers beyond the partitions sit idle, and a stream processor behind the log runs at most this many slots at once.',
    valid: { min: 1, max: 100_000, integer: true },
    range: { min: 1, max: 10_000, step: 1 },
  },
  retentionHours: {
    type: 'number',
    label: 'Retention',
    unit: 'hours',
    help: 'How long messages are kept (and stored on every replica), so consumers can replay or catch up.',
    valid: { min: 0, max: 87_600, above: true, maxShown: '87,600 (10 years)' },
    range: { min: 1, max: 87_600, step: 1 },
  },
  fifo: {
    type: 'boolean',
    label: 'FIFO',
    help: 'Keeps order and delivers once, but takes only {sqsFifoCallsPerSecond} calls a second per action.',
  },
  batchSize: {
    type: 'number',
    label: 'Batch size',
    unit: 'messages',
    help: 'Messages sent, received and deleted per request: fewer requests to pay for, and a FIFO queue takes more.',
    valid: { min: 1, max: 10, integer: true, maxShown: '10 (an SQS batch)' },
    range: { min: 1, max: 10, step: 1 },
  },
  queueType: {
    type: 'select',
    label: 'Queue type',
    options: QUEUE_TYPES,
    help: 'Classic queues are fast and live on one node; quorum queues are replicated to three nodes and survive one failing, at a tenth of the speed with default settings.',
  },
  // Cloud-native params (docs/model.md §14.3).
  concurrency: {
    type: 'number',
    label: 'Concurrency limit',
    unit: 'at once',
    help: 'Most invocations running at the same time; each serves at most 10 a second. AWS starts accounts at 1,000 per region.',
    valid: { min: 1, max: 1_000_000, integer: true },
    range: { min: 1, max: 1_000_000, step: 100 },
  },
  memoryMB: {
    type: 'number',
    label: 'Memory',
    unit: 'MB',
    help: 'Memory of one execution environment; the bill is memory × duration (GB-seconds).',
    valid: { min: 128, max: 10_240, integer: true },
    range: { min: 128, max: 10_240, step: 64 },
  },
  initMs: {
    type: 'number',
    label: 'Cold start',
    unit: 'ms',
    help: 'Time a new environment takes to load the code: about 180 ms for a small package, seconds for a 64 MB one.',
    valid: { min: 0, max: 60_000, maxShown: '60,000 (a minute)' },
    range: { min: 0, max: 60_000, step: 1 },
  },
  podsPerNode: {
    type: 'number',
    label: 'Pods per node',
    help: 'Pods that fit on one node (machine); blank: the node\u2019s vCPUs divided by each pod\u2019s cores.',
    valid: { min: 1, max: 1000, integer: true },
    range: { min: 1, max: 1000, step: 1 },
  },
  mesh: {
    type: 'boolean',
    label: 'Service mesh',
    help: 'A sidecar proxy beside every instance: encrypts calls with mTLS, adds about 1.3 ms per proxy on each hop and some CPU.',
  },
} as const satisfies { readonly [K in keyof NodeParams]-?: ParamSpec };

export type ParamKey = keyof NodeParams;

/** Every node parameter's key, in the registry's order. */
export const PARAM_KEYS = Object.keys(PARAMS) as ParamKey[];

// Every key of NodeParams has an entry, and every entry is a key of NodeParams.
type MissingEntries = Exclude<keyof NodeParams, keyof typeof PARAMS>;
type UnknownEntries = Exclude<keyof typeof PARAMS, keyof NodeParams>;
const _registryCoversNodeParams: [MissingEntries, UnknownEntries] extends [never, never] ? true : never = true;
void _registryCoversNodeParams;

const COMMON_COMPUTE = ['region', 'availability', 'hourlyUsd'] as const;

/**
 * The params each kind takes, in inspector order (MODEL.md §1.1, §9.5). The
 * technology is not listed (a kind's settings, named in refusals, are these);
 * technologies.ts says which kinds have a choice and what each one adds.
 */
export const KIND_PARAMS: Record<Kind, readonly ParamKey[]> = {
  users: [],
  dns: ['routing', 'latencyMs', 'availability'],
  cdn: ['hitRatio', 'latencyMs', 'availability'],
  'load-balancer': ['algorithm', 'instances', 'latencyMs', ...COMMON_COMPUTE],
  'api-gateway': ['instances', 'latencyMs', ...COMMON_COMPUTE],
  'rate-limiter': ['limitRps', 'instances', 'latencyMs', ...COMMON_COMPUTE],
  server: ['size', 'instances', 'cores', 'serviceMs', 'maxStorageGB', ...COMMON_COMPUTE],
  'app-server': ['instances', 'size', 'autoscale', 'stateless', 'cores', 'serviceMs', 'mesh', ...COMMON_COMPUTE],
  service: ['instances', 'size', 'autoscale', 'stateless', 'cores', 'serviceMs', 'mesh', ...COMMON_COMPUTE],
  worker: ['instances', 'size', 'autoscale', 'cores', ...COMMON_COMPUTE],
  cache: ['hitRatio', 'instances', 'size', 'cores', 'serviceMs', ...COMMON_COMPUTE],
  database: ['size', 'shards', 'shardSkew', 'standby', 'maxStorageGB', 'cores', 'serviceMs', ...COMMON_COMPUTE],
  'read-replica': ['instances', 'size', 'applyFactor', 'cores', 'serviceMs', ...COMMON_COMPUTE],
  nosql: ['instances', 'size', 'replicationFactor', 'shardSkew', 'maxStorageGB', 'cores', 'serviceMs', ...COMMON_COMPUTE],
  'object-storage': ['instances', 'latencyMs', 'region', 'availability'],
  queue: ['instances', 'latencyMs', ...COMMON_COMPUTE],
  search: ['instances', 'size', 'cores', 'serviceMs', ...COMMON_COMPUTE],
  monitoring: ['region', 'hourlyUsd'],
  logging: ['region', 'hourlyUsd'],
  serverless: ['concurrency', 'latencyMs', 'memoryMB', 'initMs', 'region', 'availability'],
  'container-cluster': ['instances', 'autoscale', 'podsPerNode', 'size', 'cores', 'serviceMs', 'mesh', ...COMMON_COMPUTE],
  'stream-processor': ['instances', 'size', 'cores', ...COMMON_COMPUTE],
  warehouse: ['instances', 'latencyMs', 'region', 'availability'],
};

/** Largest peak factor: a peak hour cannot carry more than the whole day (MODEL.md §9.5). */
export const MAX_PEAK_FACTOR = 24;
