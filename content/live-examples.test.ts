/**
 * Every live example in the lessons and guides, at the settings its text
 * names: the number the text tells the reader to watch moves, in the
 * direction the text says, by a visible amount. Numbers the prose quotes
 * next to an example are checked against the model too.
 *
 * "Visible" (VISIBLE below): the value as the example formats it on screen
 * changes, and it changes by at least 10% of the starting value. For an
 * availability the 10% is measured on the unavailability (1 − A), which is
 * what a reader compares: 99.688% → 99.721% is 0.312% → 0.279% of requests
 * failing, an 11% change. A claim the text makes that a number barely moves
 * ("steady") must stay within 5%.
 *
 * Each example here mirrors its component (components/content/examples):
 * the same design builder, workload and formatter for each labelled stat,
 * and the test checks that every stat label it uses appears in the
 * component's source, so a renamed stat fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, type Design, type Evaluation, type Workload } from '@/lib/engine';
import { EXAMPLE_COMPONENTS } from '@/components/content/examples';
import * as D from '@/lib/learn/example-designs';
import { failingShare, offeredUserRps } from '@/lib/learn/example-stats';
import { formatAvailability, formatDuration, formatFraction, formatMs, formatRps, formatUsd, formatUtilization } from '@/lib/shared/format';

const VISIBLE = 0.1;
const STEADY = 0.05;

const ev = (design: Design, workload?: Partial<Workload>): Evaluation => evaluate(design, workload, { stages: false });
const pct1 = (x: number) => formatFraction(x, 1);

type Settings = Record<string, number | string | boolean>;
interface StatDef {
  read: (r: Evaluation) => number;
  format: (x: number) => string;
  /** Measure the change on 1 − value (availabilities). */
  unavailability?: boolean;
}
interface ExampleDef {
  /** The component's file in components/content/examples. */
  file: string;
  run: (s: Settings) => Evaluation;
  stats: Record<string, StatDef>;
}

const util = (read: (r: Evaluation) => number): StatDef => ({ read, format: formatUtilization });
const ms = (read: (r: Evaluation) => number): StatDef => ({ read, format: formatMs });
const avail = (read: (r: Evaluation) => number): StatDef => ({ read, format: formatAvailability, unavailability: true });
const usd = (read: (r: Evaluation) => number): StatDef => ({ read, format: formatUsd });
const rps = (read: (r: Evaluation) => number): StatDef => ({ read, format: formatRps });

const n = (s: Settings, k: string) => s[k] as number;

const EXAMPLES: Record<keyof typeof EXAMPLE_COMPONENTS, ExampleDef> = {
  AutoscaleExample: {
    file: 'autoscale-example.tsx',
    run: (s) => ev(D.autoscaleDesign(n(s, 'target'))),
    stats: {
      'Instances at peak': { read: (r) => r.nodes.app.instances, format: String },
      'App tier, per month': usd((r) => r.nodes.app.monthlyCostUsd),
      'Read latency, p95': ms((r) => r.endToEnd.latencyMs.read.p95),
    },
  },
  BottleneckExample: {
    file: 'bottleneck-example.tsx',
    run: (s) => ev(D.bottleneckDesign(n(s, 'users'), n(s, 'instances'))),
    stats: {
      'App servers (per instance)': util((r) => r.nodes.app.utilization),
      Database: util((r) => r.nodes.db.utilization),
    },
  },
  CacheTechnologyExample: {
    file: 'cache-technology-example.tsx',
    run: (s) => ev(D.cacheTechDesign(s.tech as D.CacheTech, s.size as 'medium' | 'xlarge')),
    stats: {
      'Cache utilisation (per node)': util((r) => r.nodes.cache.utilization),
      'Cache, per month': usd((r) => r.nodes.cache.monthlyCostUsd),
      'Read latency, p95': ms((r) => r.endToEnd.latencyMs.read.p95),
    },
  },
  CdnExample: {
    file: 'cdn-example.tsx',
    run: (s) => ev(D.cdnDesign(n(s, 'hit'))),
    stats: {
      'Requests reaching the origin': rps((r) => r.nodes.storage.arrivalRps.static),
      'Static latency, p95': ms((r) => r.endToEnd.latencyMs.static.p95),
      'Whole design, per month': usd((r) => r.endToEnd.monthlyCostUsd),
    },
  },
  ConsistencyExample: {
    file: 'consistency-example.tsx',
    run: (s) => ev(D.consistencyDesign(s.readFrom as D.ReadFrom)),
    stats: {
      'Read latency, p50': ms((r) => r.endToEnd.latencyMs.read.p50),
      'Read latency, p95': ms((r) => r.endToEnd.latencyMs.read.p95),
    },
  },
  HitRatioExample: {
    file: 'hit-ratio-example.tsx',
    run: (s) => ev(D.hitRatioDesign(n(s, 'hit'))),
    stats: {
      'Database utilisation': util((r) => r.nodes.db.utilization),
      'Read latency, p95 end to end': ms((r) => r.endToEnd.latencyMs.read.p95),
    },
  },
  InstancesExample: {
    file: 'instances-example.tsx',
    run: (s) => ev(D.instancesDesign(n(s, 'instances'))),
    stats: {
      'App tier availability': avail((r) => r.nodes.app.availability),
      'End-to-end availability': avail((r) => r.endToEnd.availability),
    },
  },
  LatencyBudgetExample: {
    file: 'latency-budget-example.tsx',
    run: (s) => ev(D.latencyBudgetDesign(s.cdn as boolean, s.cache as boolean), D.LATENCY_BUDGET_WORKLOAD),
    stats: {
      // data-stat={`${c.label} p95`} and {`${c.label} user-perceived p95`} in the component.
      'Static p95': ms((r) => r.endToEnd.latencyMs.static.p95),
      'Static user-perceived p95': ms((r) => r.endToEnd.latencyMs.userPerceived.static.p95),
      'Read p95': ms((r) => r.endToEnd.latencyMs.read.p95),
    },
  },
  MonitoringExample: {
    file: 'monitoring-example.tsx',
    run: (s) => ev(D.monitoringDesign(s.monitored as boolean)),
    stats: {
      'Database availability': avail((r) => r.nodes.db.availability),
      'Reads and writes': avail((r) => r.endToEnd.availabilityByClass.read),
      'End-to-end availability': avail((r) => r.endToEnd.availability),
      'Expected downtime a year': { read: (r) => (1 - r.endToEnd.availability) * 365 * 24, format: (h) => `${Math.round(h)} h` },
    },
  },
  PeakLoadExample: {
    file: 'peak-load-example.tsx',
    run: (s) => ev(D.peakLoadDesign(n(s, 'users')), { requestsPerUserPerDay: n(s, 'perUser'), peakFactor: n(s, 'peak') }),
    stats: { 'Peak requests, total': rps((r) => offeredUserRps(r)) },
  },
  QueryCostExample: {
    file: 'query-cost-example.tsx',
    run: (s) => ev(D.queryCostDesign(n(s, 'readMs'))),
    stats: {
      'Database utilisation': util((r) => r.nodes.db.utilization),
      'Read latency, p95 end to end': ms((r) => r.endToEnd.latencyMs.read.p95),
    },
  },
  QueueExample: {
    file: 'queue-example.tsx',
    run: (s) => ev(D.queueDesign(n(s, 'workers')), { asyncShare: n(s, 'asyncShare'), jobServiceMs: n(s, 'jobMs') }),
    stats: {
      'Jobs at peak': rps((r) => r.jobs.queuedRps),
      'Backlog after the peak hour': { read: (r) => r.nodes.queue.queue!.backlogJobs, format: (b) => (b < 1 ? 'none' : `${Math.round(b).toLocaleString('en-US')} jobs`) },
      'Time to drain it': { read: (r) => r.nodes.queue.queue!.drainSeconds ?? Infinity, format: (x) => (x === Infinity ? 'never' : formatDuration(x)) },
    },
  },
  RateLimitExample: {
    file: 'rate-limit-example.tsx',
    run: (s) => ev(D.rateLimitDesign(n(s, 'limit')), { users: s.spike ? 3_000_000 : 1_000_000 }),
    stats: {
      'Requests failing': { read: failingShare, format: pct1 },
      'Read latency, p95 (admitted)': ms((r) => r.endToEnd.latencyMs.read.p95),
    },
  },
  RegionsExample: {
    file: 'regions-example.tsx',
    run: (s) => ev(D.regionsDesign(n(s, 'regions') as 1 | 2, n(s, 'perRegion'))),
    stats: {
      'App utilisation, normal day': util((r) => r.nodes.app1.utilization),
      'End-to-end availability': avail((r) => r.endToEnd.availability),
    },
  },
  ReplicaExample: {
    file: 'replica-example.tsx',
    run: (s) => ev(D.replicaDesign(n(s, 'replicas'))),
    stats: {
      'Primary utilisation': util((r) => r.nodes.db.utilization),
      'End-to-end availability': avail((r) => r.endToEnd.availability),
    },
  },
  ServiceChainExample: {
    file: 'service-chain-example.tsx',
    run: (s) => ev(D.serviceChainDesign(n(s, 'depth'), s.spare as boolean)),
    stats: {
      'Read latency, p95': ms((r) => r.endToEnd.latencyMs.read.p95),
      'End-to-end availability': avail((r) => r.endToEnd.availability),
    },
  },
  ShardSkewExample: {
    file: 'shard-skew-example.tsx',
    run: (s) => ev(D.shardDesign(n(s, 'shards'), n(s, 'skew'))),
    stats: {
      'Hottest shard utilisation': util((r) => r.nodes.db.utilization),
      'Read latency, p95': ms((r) => r.endToEnd.latencyMs.read.p95),
    },
  },
  StoreChoiceExample: {
    file: 'store-choice-example.tsx',
    run: (s) => ev(D.storeDesign(s.store as D.StoreChoice, n(s, 'users'))),
    stats: { 'Store utilisation (per node)': util((r) => r.nodes.store.utilization) },
  },
  UtilizationExample: {
    file: 'utilization-example.tsx',
    run: (s) => ev(D.utilizationDesign(n(s, 'users'))),
    stats: { 'Server response, p95': ms((r) => r.nodes.server.responseMs.p95) },
  },
  WiringExample: {
    file: 'wiring-example.tsx',
    run: (s) => ev(D.wiringDesign({ appToCache: true, cacheToDb: s.cacheToDb as boolean, appToDb: true, queueToWorker: true })),
    stats: { 'Requests failing': { read: (r) => r.endToEnd.errorRate, format: pct1 } },
  },
};

type Direction = 'rises' | 'falls' | 'steady';
interface Watch {
  stat: string;
  from: Settings;
  to: Settings;
  direction: Direction;
  /** The figures as the prose next to the example quotes them, checked against the formatted values (from, to). */
  quoted?: [string, string];
}
interface Claim {
  /** Content file, and the example's tag with its props as written in the MDX. */
  file: string;
  tag: string;
  /** Words of the prose next to the example that name what to watch. */
  says: string;
  watch: Watch[];
}

const QUEUE = { workers: 10, asyncShare: 0.2, jobMs: 200 };
const RATE_LIMIT: Watch[] = [
  { stat: 'Read latency, p95 (admitted)', from: { limit: 0, spike: true }, to: { limit: 3500, spike: true }, direction: 'falls' },
  { stat: 'Requests failing', from: { limit: 0, spike: true }, to: { limit: 3500, spike: true }, direction: 'rises' },
];
const RATE_LIMIT_QUOTED: Watch[] = [
  { ...RATE_LIMIT[0], quoted: ['10 s', '501 ms'] },
  { ...RATE_LIMIT[1], quoted: ['11.7%', '32.8%'] },
];
const REPLICAS: Watch[] = [
  { stat: 'Primary utilisation', from: { replicas: 0 }, to: { replicas: 1 }, direction: 'falls' },
  { stat: 'End-to-end availability', from: { replicas: 0 }, to: { replicas: 1 }, direction: 'falls', quoted: ['99.984%', '99.938%'] },
  { stat: 'End-to-end availability', from: { replicas: 1 }, to: { replicas: 2 }, direction: 'rises', quoted: ['99.938%', '99.985%'] },
];
const HIT_RATIO: Watch[] = [
  { stat: 'Database utilisation', from: { hit: 0.8 }, to: { hit: 0.99 }, direction: 'falls', quoted: ['44%', '17%'] },
  { stat: 'Read latency, p95 end to end', from: { hit: 0.8 }, to: { hit: 0.99 }, direction: 'falls', quoted: ['25.5 ms', '17.3 ms'] },
];
const SHARDS: Watch[] = [
  { stat: 'Hottest shard utilisation', from: { shards: 4, skew: 0 }, to: { shards: 4, skew: 1 }, direction: 'rises', quoted: ['47%', '95%'] },
];
const CHAIN: Watch[] = [
  { stat: 'Read latency, p95', from: { depth: 1, spare: false }, to: { depth: 4, spare: false }, direction: 'rises' },
  { stat: 'End-to-end availability', from: { depth: 1, spare: false }, to: { depth: 4, spare: false }, direction: 'falls' },
];
const INSTANCES: Watch[] = [{ stat: 'App tier availability', from: { instances: 1 }, to: { instances: 2 }, direction: 'rises' }];
const UTILIZATION: Watch[] = [{ stat: 'Server response, p95', from: { users: 40_000 }, to: { users: 80_000 }, direction: 'rises' }];
const QUERY_COST: Watch[] = [{ stat: 'Database utilisation', from: { readMs: 0.15 }, to: { readMs: 0.3 }, direction: 'rises' }];
const AUTOSCALE: Watch[] = [
  { stat: 'Instances at peak', from: { target: 0.6 }, to: { target: 0.8 }, direction: 'falls' },
  { stat: 'App tier, per month', from: { target: 0.6 }, to: { target: 0.8 }, direction: 'falls' },
];
const CDN: Watch[] = [
  { stat: 'Requests reaching the origin', from: { hit: 0.9 }, to: { hit: 0.99 }, direction: 'falls', quoted: ['434', '43'] },
  { stat: 'Static latency, p95', from: { hit: 0.9 }, to: { hit: 0.99 }, direction: 'falls', quoted: ['61 ms', '1 ms'] },
  { stat: 'Static latency, p95', from: { hit: 0.9 }, to: { hit: 0.95 }, direction: 'falls', quoted: ['61 ms', '30.5 ms'] },
  { stat: 'Static latency, p95', from: { hit: 0.5 }, to: { hit: 0.9 }, direction: 'steady' },
  { stat: 'Whole design, per month', from: { hit: 0.5 }, to: { hit: 0.99 }, direction: 'steady' },
];
const REGIONS_2: Watch[] = [
  { stat: 'End-to-end availability', from: { regions: 2, perRegion: 30 }, to: { regions: 2, perRegion: 60 }, direction: 'rises' },
  { stat: 'App utilisation, normal day', from: { regions: 2, perRegion: 30 }, to: { regions: 2, perRegion: 60 }, direction: 'falls' },
];

export const CLAIMS: Claim[] = [
  // Lessons
  { file: 'content/lessons/stage-1-single-server.mdx', tag: '<UtilizationExample />', says: 'watch where its p95 turns upward', watch: UTILIZATION },
  { file: 'content/lessons/stage-2-separate-database.mdx', tag: '<QueryCostExample />', says: 'see what it does to the database', watch: QUERY_COST },
  { file: 'content/lessons/stage-3-load-balancer.mdx', tag: '<InstancesExample />', says: "watch the tier's availability", watch: INSTANCES },
  { file: 'content/lessons/stage-4-replication-sharding.mdx', tag: '<ReplicaExample />', says: "watch the primary's utilisation drop", watch: REPLICAS },
  { file: 'content/lessons/stage-4-replication-sharding.mdx', tag: '<ShardSkewExample />', says: "watch the hottest shard's utilisation", watch: SHARDS },
  { file: 'content/lessons/stage-5-cache-cdn.mdx', tag: '<HitRatioExample />', says: "watch the database's utilisation and the p95 read latency", watch: HIT_RATIO },
  { file: 'content/lessons/stage-5-cache-cdn.mdx', tag: '<CdnExample />', says: 'watch the load that reaches object storage', watch: CDN },
  {
    file: 'content/lessons/stage-6-async-queues.mdx',
    tag: '<QueueExample />',
    says: 'watch the drain time fall',
    watch: [{ stat: 'Time to drain it', from: { ...QUEUE, workers: 8 }, to: { ...QUEUE, workers: 15 }, direction: 'falls', quoted: ['4.2 h', '15 min'] }],
  },
  { file: 'content/lessons/stage-7-microservices.mdx', tag: '<ServiceChainExample />', says: 'watch the end-to-end p95 and availability', watch: CHAIN },
  { file: 'content/lessons/stage-8-web-scale.mdx', tag: '<RegionsExample />', says: 'The model checks this by failing each region in turn', watch: REGIONS_2 },
  { file: 'content/lessons/stage-8-web-scale.mdx', tag: '<RateLimitExample />', says: 'a third of all requests fail, rejected', watch: RATE_LIMIT },
  // Guides
  { file: 'content/guides/guide-replication.mdx', tag: '<ReplicaExample />', says: "watch how the primary's load and the replicas' load change", watch: REPLICAS },
  {
    file: 'content/guides/guide-event-driven.mdx',
    tag: '<QueueExample control="asyncShare" />',
    says: 'watch the job rate, the workers and the backlog',
    watch: [
      { stat: 'Jobs at peak', from: { ...QUEUE, workers: 40, asyncShare: 0.2 }, to: { ...QUEUE, workers: 40, asyncShare: 0.5 }, direction: 'rises' },
      { stat: 'Backlog after the peak hour', from: { ...QUEUE, workers: 40, asyncShare: 0.2 }, to: { ...QUEUE, workers: 40, asyncShare: 0.5 }, direction: 'rises' },
    ],
  },
  { file: 'content/guides/guide-caching.mdx', tag: '<HitRatioExample />', says: "watch the database's utilisation and the read p95", watch: HIT_RATIO },
  { file: 'content/guides/guide-microservices.mdx', tag: '<ServiceChainExample />', says: "see the model's numbers", watch: CHAIN },
  { file: 'content/guides/guide-cost.mdx', tag: '<AutoscaleExample />', says: 'watch instances and cost', watch: AUTOSCALE },
  {
    file: 'content/guides/guide-wiring.mdx',
    tag: '<WiringExample />',
    says: 'watch what the model reports as failing',
    watch: [{ stat: 'Requests failing', from: { cacheToDb: false }, to: { cacheToDb: true }, direction: 'falls' }],
  },
  { file: 'content/guides/guide-reliability.mdx', tag: '<InstancesExample />', says: "see a tier's availability", watch: INSTANCES },
  { file: 'content/guides/guide-latency-throughput.mdx', tag: '<UtilizationExample />', says: "watch one app server's utilisation and percentiles", watch: UTILIZATION },
  {
    file: 'content/guides/guide-regions.mdx',
    tag: '<RegionsExample />',
    says: 'Compare one region with two',
    watch: [{ stat: 'End-to-end availability', from: { regions: 1, perRegion: 60 }, to: { regions: 2, perRegion: 60 }, direction: 'rises' }, ...REGIONS_2],
  },
  {
    file: 'content/guides/guide-bottlenecks.mdx',
    tag: '<BottleneckExample />',
    says: 'raise the number of users and see which node saturates first',
    watch: [
      { stat: 'App servers (per instance)', from: { users: 500_000, instances: 4 }, to: { users: 1_000_000, instances: 4 }, direction: 'rises' },
      { stat: 'Database', from: { users: 2_000_000, instances: 10 }, to: { users: 5_000_000, instances: 30 }, direction: 'rises' },
    ],
  },
  { file: 'content/guides/guide-cloud-native.mdx', tag: '<AutoscaleExample />', says: 'Try a target in the model', watch: AUTOSCALE },
  {
    file: 'content/guides/guide-data-pipelines.mdx',
    tag: '<QueueExample control="jobMs" />',
    says: "watch the workers' backlog and drain time",
    watch: [
      { stat: 'Backlog after the peak hour', from: { ...QUEUE, workers: 12, jobMs: 200 }, to: { ...QUEUE, workers: 12, jobMs: 400 }, direction: 'rises' },
      { stat: 'Time to drain it', from: { ...QUEUE, workers: 12, jobMs: 200 }, to: { ...QUEUE, workers: 12, jobMs: 400 }, direction: 'rises' },
    ],
  },
  {
    file: 'content/guides/guide-latency.mdx',
    tag: '<LatencyBudgetExample />',
    says: 'What it cuts is what users perceive',
    watch: [
      { stat: 'Static user-perceived p95', from: { cdn: false, cache: false }, to: { cdn: true, cache: false }, direction: 'falls', quoted: ['693 ms', '115 ms'] },
      { stat: 'Static p95', from: { cdn: false, cache: false }, to: { cdn: true, cache: false }, direction: 'rises', quoted: ['8.5 ms', '30.5 ms'] },
      { stat: 'Read p95', from: { cdn: false, cache: false }, to: { cdn: false, cache: true }, direction: 'falls', quoted: ['37.4 ms', '23.3 ms'] },
    ],
  },
  {
    file: 'content/guides/guide-queues.mdx',
    tag: '<QueueExample />',
    says: 'Change the worker count and watch',
    watch: [
      { stat: 'Time to drain it', from: { ...QUEUE, workers: 10 }, to: { ...QUEUE, workers: 15 }, direction: 'falls' },
      { stat: 'Backlog after the peak hour', from: { ...QUEUE, workers: 10 }, to: { ...QUEUE, workers: 15 }, direction: 'falls' },
    ],
  },
  {
    file: 'content/guides/guide-consistency.mdx',
    tag: '<ConsistencyExample />',
    says: 'Reading from a nearby replica is fast and possibly stale',
    watch: [
      { stat: 'Read latency, p50', from: { readFrom: 'leader' }, to: { readFrom: 'local-copy' }, direction: 'falls' },
      { stat: 'Read latency, p95', from: { readFrom: 'leader' }, to: { readFrom: 'local-copy' }, direction: 'falls' },
    ],
  },
  {
    file: 'content/guides/guide-estimation.mdx',
    tag: '<PeakLoadExample />',
    says: 'see the peak load per class',
    watch: [
      { stat: 'Peak requests, total', from: { users: 1e6, perUser: 50, peak: 3 }, to: { users: 3e6, perUser: 50, peak: 3 }, direction: 'rises' },
      { stat: 'Peak requests, total', from: { users: 1e6, perUser: 50, peak: 3 }, to: { users: 1e6, perUser: 50, peak: 6 }, direction: 'rises' },
    ],
  },
  { file: 'content/guides/guide-database-performance.mdx', tag: '<QueryCostExample />', says: 'feeds straight into database utilisation and latency', watch: QUERY_COST },
  { file: 'content/guides/guide-rate-limiting.mdx', tag: '<RateLimitExample />', says: 'watch two numbers during the spike', watch: RATE_LIMIT_QUOTED },
  { file: 'content/guides/guide-security.mdx', tag: '<RateLimitExample />', says: 'the share failing rises', watch: RATE_LIMIT },
  {
    file: 'content/guides/guide-sharding.mdx',
    tag: '<ShardSkewExample />',
    says: "watch the hottest shard's utilisation climb",
    watch: [
      ...SHARDS,
      { stat: 'Read latency, p95', from: { shards: 4, skew: 0 }, to: { shards: 4, skew: 1 }, direction: 'rises', quoted: ['21.3 ms', '82.9 ms'] },
      { stat: 'Hottest shard utilisation', from: { shards: 4, skew: 1 }, to: { shards: 8, skew: 1 }, direction: 'falls' },
    ],
  },
  {
    file: 'content/guides/guide-observability.mdx',
    tag: '<MonitoringExample />',
    says: 'Toggle monitoring on a design whose database has none and watch availability',
    watch: [
      { stat: 'Database availability', from: { monitored: false }, to: { monitored: true }, direction: 'rises' },
    ],
  },
  { file: 'content/guides/guide-cdn.mdx', tag: '<CdnExample />', says: "watch the origin's load", watch: CDN },
  {
    file: 'content/guides/guide-databases.mdx',
    tag: '<StoreChoiceExample />',
    says: 'Try the relational versus partitioned choice',
    watch: [{ stat: 'Store utilisation (per node)', from: { store: 'relational', users: 5e6 }, to: { store: 'nosql-3', users: 5e6 }, direction: 'falls' }],
  },
  { file: 'content/guides/guide-queueing.mdx', tag: '<UtilizationExample />', says: 'Drag the load up and watch it happen', watch: UTILIZATION },
  { file: 'content/guides/guide-complexity.mdx', tag: '<ServiceChainExample />', says: 'see what the model says it costs', watch: CHAIN },
  {
    file: 'content/guides/guide-choosing-technology.mdx',
    tag: '<CacheTechnologyExample />',
    says: "watch the cache's utilisation",
    watch: [
      { stat: 'Cache utilisation (per node)', from: { tech: 'redis', size: 'medium' }, to: { tech: 'memcached', size: 'medium' }, direction: 'falls', quoted: ['106%', '53%'] },
      { stat: 'Read latency, p95', from: { tech: 'redis', size: 'medium' }, to: { tech: 'memcached', size: 'medium' }, direction: 'falls' },
      // One command thread: a bigger node buys Redis memory, not speed, and costs more.
      { stat: 'Cache utilisation (per node)', from: { tech: 'redis', size: 'medium' }, to: { tech: 'redis', size: 'xlarge' }, direction: 'steady' },
      { stat: 'Cache, per month', from: { tech: 'redis', size: 'medium' }, to: { tech: 'redis', size: 'xlarge' }, direction: 'rises', quoted: ['$47', '$190'] },
      // Valkey's I/O threads help from four cores up.
      { stat: 'Cache utilisation (per node)', from: { tech: 'valkey', size: 'medium' }, to: { tech: 'valkey', size: 'xlarge' }, direction: 'falls', quoted: ['106%', '53%'] },
    ],
  },
];

/** Every live-example tag in the lessons and guides, with the file it is in and its offset. */
function examplesInContent(): { file: string; tag: string; at: number; body: string }[] {
  const names = Object.keys(EXAMPLE_COMPONENTS).join('|');
  const found: { file: string; tag: string; at: number; body: string }[] = [];
  for (const dir of ['lessons', 'guides']) {
    for (const f of fs.readdirSync(path.join('content', dir)).filter((x) => x.endsWith('.mdx'))) {
      const file = path.join('content', dir, f);
      const body = fs.readFileSync(file, 'utf8');
      for (const m of body.matchAll(new RegExp(`<(?:${names})\\b[^>]*/>`, 'g'))) found.push({ file, tag: m[0], at: m.index!, body });
    }
  }
  return found;
}

/** The prose around an example: the two paragraphs before it and the one after. */
function proseAround(body: string, at: number): string {
  return body.slice(Math.max(0, at - 2500), at + 1500);
}

function componentName(tag: string): keyof typeof EXAMPLE_COMPONENTS {
  return /^<(\w+)/.exec(tag)![1] as keyof typeof EXAMPLE_COMPONENTS;
}

/**
 * A figure quoted in prose agrees with the one on screen when the units match
 * and the screen's number rounds to the quote's precision: "99.984%" quotes
 * "99.9841%", "1 ms" quotes "1.0 ms", "434" quotes "434 req/s".
 */
function agrees(quoted: string, shown: string): boolean {
  const parse = (x: string) => {
    // A leading "$" is part of the unit: "$47" agrees with "$47", not with "47".
    const m = /^(\$?)(-?[\d,]*\.?\d+)\s*(.*)$/.exec(x.trim());
    return m ? { value: Number(m[2].replace(/,/g, '')), unit: m[1] + m[3].replace(/^req\/s$/, ''), decimals: (m[2].split('.')[1] ?? '').length } : null;
  };
  const q = parse(quoted);
  const s = parse(shown);
  if (!q || !s || q.unit !== s.unit) return false;
  return Math.abs(q.value - s.value) <= 0.5 * 10 ** -q.decimals + 1e-9;
}

function change(def: StatDef, from: number, to: number): number {
  const [a, b] = def.unavailability ? [1 - from, 1 - to] : [from, to];
  if (a === b) return 0;
  if (a === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  return Math.abs(b - a) / Math.abs(a);
}

describe('live examples', () => {
  const inContent = examplesInContent();

  it('every live example in the content has a claim here, and every claim an example', () => {
    const key = (x: { file: string; tag: string }) => `${x.file} ${x.tag}`;
    const claimed = CLAIMS.map(key).sort();
    expect(inContent.map(key).sort()).toEqual(claimed);
    expect(new Set(claimed).size).toBe(claimed.length);
  });

  it('every stat a claim watches is a label its component shows', () => {
    for (const [name, def] of Object.entries(EXAMPLES)) {
      const source = fs.readFileSync(path.join('components/content/examples', def.file), 'utf8');
      for (const label of Object.keys(def.stats)) {
        // Labels are literal, or built from a row label and a suffix (the latency budget's table).
        const [head] = label.split(' ');
        expect(source.includes(`'${label}'`) || source.includes(`"${label}"`) || source.includes(`label: '${head}'`), `${name}: no stat "${label}" in ${def.file}`).toBe(true);
      }
    }
  });

  describe.each(CLAIMS)('$file $tag', (claim) => {
    const site = inContent.find((x) => x.file === claim.file && x.tag === claim.tag);
    const prose = site ? proseAround(site.body, site.at) : '';
    const def = EXAMPLES[componentName(claim.tag)];

    it('the text next to it says what to watch', () => {
      expect(prose, `${claim.file}: "${claim.says}" not found near ${claim.tag}`).toContain(claim.says);
    });

    it.each(claim.watch)('$stat $direction from $from to $to', (w) => {
      const stat = def.stats[w.stat];
      expect(stat, `no stat "${w.stat}" defined for ${claim.tag}`).toBeDefined();
      const a = stat.read(def.run(w.from));
      const b = stat.read(def.run(w.to));
      const [fa, fb] = [stat.format(a), stat.format(b)];
      const moved = change(stat, a, b);
      const label = `${w.stat}: ${fa} → ${fb} (${Number.isFinite(moved) ? `${(moved * 100).toFixed(1)}%` : 'from zero'})`;
      if (w.direction === 'steady') {
        expect(moved, label).toBeLessThan(STEADY);
      } else {
        expect(w.direction === 'rises' ? b > a : b < a, label).toBe(true);
        expect(fb, `${label}: the same on screen`).not.toBe(fa);
        expect(moved, `${label}: under ${VISIBLE * 100}%`).toBeGreaterThanOrEqual(VISIBLE);
      }
      if (w.quoted) {
        [fa, fb].forEach((shown, i) => expect(agrees(w.quoted![i], shown), `${label}: the text quotes ${w.quoted!.join(' → ')}`).toBe(true));
        for (const q of w.quoted) expect(prose, `${claim.file}: the figure ${q} is not in the text near ${claim.tag}`).toContain(q);
      }
    });
  });
});

describe('numbers the text explains next to the examples', () => {
  it('monitoring: end to end sits above the lone database only because static requests skip it', () => {
    for (const monitored of [false, true]) {
      const r = ev(D.monitoringDesign(monitored));
      expect(r.endToEnd.availability).toBeGreaterThan(r.nodes.db.availability);
      // Every read and write needs the database: their availability is no better than its.
      expect(r.endToEnd.availabilityByClass.read).toBeLessThanOrEqual(r.nodes.db.availability);
      expect(r.endToEnd.availabilityByClass.write).toBeLessThanOrEqual(r.nodes.db.availability);
      // Static files are about half the requests ("half the requests" in the guide and the stat's detail).
      expect(r.offered.static / offeredUserRps(r)).toBeCloseTo(0.5, 1);
    }
  });

  it('replicas: with one, a read has no fallback to the primary, so that replica is a single point of failure for reads', () => {
    const none = ev(D.replicaDesign(0));
    const one = ev(D.replicaDesign(1));
    expect(one.spofs).toContain('replica');
    expect(one.endToEnd.availabilityByClass.read).toBeLessThan(none.endToEnd.availabilityByClass.read);
    expect(one.endToEnd.availabilityByClass.write).toBeCloseTo(none.endToEnd.availabilityByClass.write, 9);
    // The primary alone carried every read (the lesson's 87%), so a fallback would have had room.
    expect(none.nodes.db.utilization).toBeLessThan(0.9);
  });

  it('rate limiting: during the spike the limiter raises the failing share and the availability falls with it', () => {
    const open = ev(D.rateLimitDesign(0), { users: 3_000_000 });
    const limited = ev(D.rateLimitDesign(3500), { users: 3_000_000 });
    expect(limited.endToEnd.errorRate).toBe(0);
    expect(failingShare(limited)).toBeGreaterThan(failingShare(open));
    expect(limited.endToEnd.availability).toBeLessThan(open.endToEnd.availability);
    // "keeps the app tier near 75%"
    expect(limited.nodes.app.utilization).toBeGreaterThan(0.7);
    expect(limited.nodes.app.utilization).toBeLessThan(0.8);
  });
});
