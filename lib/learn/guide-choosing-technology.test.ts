/**
 * The figures the "Choosing a technology" guide quotes from the model
 * (content/guides/guide-choosing-technology.mdx), recomputed: each must
 * still be what the engine gives, and still appear in the guide's text.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '@/lib/engine';
import type { Design, DesignNode, NodeParams, Workload } from '@/lib/engine/data';
import { formatDuration, formatUsd } from '@/lib/shared/format';
import { analyticsPipelineDesign } from '@/lib/engine/testing';

const GUIDE = fs.readFileSync('content/guides/guide-choosing-technology.mdx', 'utf8');
const ev = (d: Design) => evaluate(d, undefined, { stages: false });
const usd = (x: number) => formatUsd(x);

/** Every request a write (or a job), at `perSecond` on average and three times that at peak. */
const load = (perSecond: number, extra: Partial<Workload> = {}): Workload => ({
  users: Math.round((perSecond * 86400) / 100),
  requestsPerUserPerDay: 100,
  peakFactor: 3,
  staticShare: 0,
  readRatio: 0,
  ...extra,
});

function kvDesign(params: NodeParams, perSecond: number): Design {
  return {
    schemaVersion: 1,
    workload: load(perSecond, { asyncShare: 0 }),
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'lb', kind: 'load-balancer', params: { instances: 10 } },
      { id: 'app', kind: 'app-server', params: { instances: 400, stateless: true } },
      { id: 'kv', kind: 'nosql', params },
    ],
    edges: [
      { id: 'a', source: 'users', target: 'lb' },
      { id: 'b', source: 'lb', target: 'app' },
      { id: 'c', source: 'app', target: 'kv' },
    ],
  };
}

function queueDesign(queue: NodeParams, perSecond: number, workers: number): Design {
  return {
    schemaVersion: 1,
    workload: load(perSecond, { asyncShare: 1, jobServiceMs: 50 }),
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'lb', kind: 'load-balancer', params: { instances: 10 } },
      { id: 'app', kind: 'app-server', params: { instances: 300, stateless: true } },
      { id: 'kv', kind: 'nosql', params: { instances: 40 } },
      { id: 'q', kind: 'queue', params: queue },
      { id: 'w', kind: 'worker', params: { instances: workers } },
    ],
    edges: [
      { id: 'a', source: 'users', target: 'lb' },
      { id: 'b', source: 'lb', target: 'app' },
      { id: 'c', source: 'app', target: 'kv' },
      { id: 'd', source: 'app', target: 'q' },
      { id: 'e', source: 'q', target: 'w' },
      { id: 'f', source: 'w', target: 'kv' },
    ],
  };
}

function quoted(figure: string) {
  expect(GUIDE, `the guide no longer quotes ${figure}`).toContain(figure);
}

describe('the guide’s key-value figures', () => {
  it('DynamoDB against six Cassandra nodes at 1,000 writes a second on average (3,000 at peak), a tenth and ten times that', () => {
    const dynamo = ev(kvDesign({ technology: 'dynamodb' }, 1000)).nodes.kv;
    const cassandra = ev(kvDesign({ technology: 'cassandra', instances: 6 }, 1000)).nodes.kv;
    expect(Math.round(dynamo.arrivalRps.write)).toBe(3000);
    for (const f of [
      usd(dynamo.monthlyCostUsd),
      usd(cassandra.monthlyCostUsd),
      `${Math.round(cassandra.utilization * 100)}%`,
    ])
      quoted(f);
    quoted(usd(ev(kvDesign({ technology: 'dynamodb' }, 100)).nodes.kv.monthlyCostUsd));
    quoted(usd(ev(kvDesign({ technology: 'cassandra', instances: 6 }, 100)).nodes.kv.monthlyCostUsd));
    const big = ev(kvDesign({ technology: 'dynamodb' }, 10_000)).nodes.kv;
    const six = ev(kvDesign({ technology: 'cassandra', instances: 6 }, 10_000)).nodes.kv;
    const thirty = ev(kvDesign({ technology: 'cassandra', instances: 30 }, 10_000)).nodes.kv;
    expect(six.saturated).toBe(true);
    expect(thirty.saturated).toBe(false);
    for (const f of [usd(big.monthlyCostUsd), usd(thirty.monthlyCostUsd), `${Math.round(six.utilization * 100)}%`])
      quoted(f);
  });

  it('a hot key (shardSkew 3) puts 2,000 writes a second on one DynamoDB partition and throttles 1,000 of them, a third of all', () => {
    const kv = ev(kvDesign({ technology: 'dynamodb', shardSkew: 3 }, 1000)).nodes.kv;
    expect(Math.round(kv.failedRps)).toBe(1000);
    expect(Math.round((kv.failedRps / kv.arrivalRps.total) * 100)).toBe(33);
    quoted('throttles 1,000 a second, 33% of all requests');
  });
});

describe('the guide’s queue figures', () => {
  it('at 1,000 jobs a second on average with 125 workers: SQS, quorum RabbitMQ and Kafka, whose default partitions starve the workers', () => {
    const sqs = ev(queueDesign({ technology: 'sqs' }, 1000, 125));
    const rabbit = ev(queueDesign({ technology: 'rabbitmq', instances: 3, queueType: 'quorum' }, 1000, 125));
    const kafka = ev(queueDesign({ technology: 'kafka' }, 1000, 125));
    const kafka64 = ev(queueDesign({ technology: 'kafka', partitions: 64 }, 1000, 125));
    for (const f of [
      usd(sqs.nodes.q.monthlyCostUsd),
      usd(rabbit.nodes.q.monthlyCostUsd),
      usd(kafka.nodes.q.monthlyCostUsd),
    ])
      quoted(f);
    quoted(`${Math.round(rabbit.nodes.q.utilization * 100)}% busy`);
    quoted(`run at ${Math.round(kafka.nodes.w.utilization * 100)}%`);
    expect(kafka.nodes.w.saturated).toBe(true);
    expect(kafka64.nodes.w.saturated).toBe(false);
    quoted(`${Math.round(kafka64.nodes.q.queue!.backlogJobs).toLocaleString('en-US')} jobs`);
  });

  it('at 10 and at 10,000 jobs a second: SQS against Kafka', () => {
    quoted(usd(ev(queueDesign({ technology: 'sqs' }, 10, 2)).nodes.q.monthlyCostUsd));
    quoted(usd(ev(queueDesign({ technology: 'kafka' }, 10, 2)).nodes.q.monthlyCostUsd));
    quoted(usd(ev(queueDesign({ technology: 'sqs' }, 10_000, 1250)).nodes.q.monthlyCostUsd));
    quoted(usd(ev(queueDesign({ technology: 'kafka', partitions: 64 }, 10_000, 1250)).nodes.q.monthlyCostUsd));
  });
});

describe('the guide’s load-balancer figures', () => {
  const lbDesign = (lb: NodeParams, users: number): Design => ({
    schemaVersion: 1,
    workload: { users },
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'lb', kind: 'load-balancer', params: lb },
      { id: 'app', kind: 'app-server', params: { autoscale: { min: 2, max: 500, target: 0.7 }, stateless: true } },
      { id: 'kv', kind: 'nosql', params: { instances: 12 } },
    ],
    edges: [
      { id: 'a', source: 'users', target: 'lb' },
      { id: 'b', source: 'lb', target: 'app' },
      { id: 'c', source: 'app', target: 'kv' },
    ],
  });
  const pct3 = (a: number) => `${(a * 100).toFixed(3)}%`;

  it('managed, one HAProxy and two HAProxy at one million and ten million users', () => {
    const managed = ev(lbDesign({ technology: 'managed' }, 1_000_000));
    const one = ev(lbDesign({ technology: 'haproxy' }, 1_000_000));
    const two = ev(lbDesign({ technology: 'haproxy', instances: 2 }, 1_000_000));
    expect(one.spofs).toContain('lb');
    expect(two.spofs).not.toContain('lb');
    for (const f of [
      usd(managed.nodes.lb.monthlyCostUsd),
      usd(one.nodes.lb.monthlyCostUsd),
      usd(two.nodes.lb.monthlyCostUsd),
    ])
      quoted(f);
    for (const f of [
      pct3(managed.nodes.lb.availability),
      pct3(one.nodes.lb.availability),
      pct3(managed.endToEnd.availability),
      pct3(one.endToEnd.availability),
      pct3(two.endToEnd.availability),
    ])
      quoted(f);
    const bigManaged = ev(lbDesign({ technology: 'managed' }, 10_000_000));
    const bigTwo = ev(lbDesign({ technology: 'haproxy', instances: 2 }, 10_000_000));
    quoted(usd(bigManaged.nodes.lb.monthlyCostUsd));
    quoted(`${Math.round(bigTwo.nodes.lb.utilization * 100)}% busy each`);
  });
});

describe('the guide’s relational figures', () => {
  /** A three-million-user app (default workload: 260 writes a second at the primary's peak) with a standby and two replicas. */
  const app = (technology: string): Design => ({
    schemaVersion: 1,
    workload: { users: 3_000_000 },
    nodes: [
      { id: 'u', kind: 'users' },
      { id: 'lb', kind: 'load-balancer' },
      { id: 'app', kind: 'app-server', params: { instances: 400, stateless: true } },
      { id: 'db', kind: 'database', params: { size: 'xlarge', technology, standby: true } },
      { id: 'r', kind: 'read-replica', params: { instances: 2 } },
    ],
    edges: [
      { id: 'e1', source: 'u', target: 'lb' },
      { id: 'e2', source: 'lb', target: 'app' },
      { id: 'e3', source: 'app', target: 'db' },
      { id: 'e4', source: 'db', target: 'r' },
    ],
  });
  const pct4 = (a: number) => `${(a * 100).toFixed(4)}%`;

  it('PostgreSQL’s one replay thread against MySQL’s four at 260 writes a second, and each primary’s availability with a standby', () => {
    const pg = ev(app('postgresql'));
    const my = ev(app('mysql'));
    const aurora = ev(app('aurora'));
    expect(Math.round(pg.nodes.db.arrivalRps.write)).toBe(260);
    quoted('takes 260 writes a second');
    const pgReplay = pg.consistency.replicas[0].replayUtilization;
    quoted(`one replay thread ${Math.round(pgReplay * 100)}% busy`);
    // How far writes can grow before the one thread is full.
    quoted(`near ${['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][Math.floor(1 / pgReplay)]} times that rate`);
    quoted(`four applier threads are ${Math.round(my.consistency.replicas[0].replayUtilization * 100)}% busy`);
    expect(pg.nodes.db.availability).toBe(my.nodes.db.availability);
    quoted(`${pct4(pg.nodes.db.availability)} on PostgreSQL or MySQL`);
    quoted(`${pct4(aurora.nodes.db.availability)} on Aurora`);
  });
});

describe('the guide’s serverless and container table', () => {
  const app = (compute: Omit<DesignNode, 'id'>, users: number): Design => ({
    schemaVersion: 1,
    workload: { users, staticShare: 0, asyncShare: 0 },
    nodes: [
      { id: 'u', kind: 'users' },
      { id: 'lb', kind: 'load-balancer' },
      { id: 'fn', ...compute },
      { id: 'db', kind: 'nosql', params: { instances: 12 } },
    ],
    edges: [
      { id: 'e1', source: 'u', target: 'lb' },
      { id: 'e2', source: 'lb', target: 'fn' },
      { id: 'e3', source: 'fn', target: 'db' },
    ],
  });
  const cluster = { kind: 'container-cluster', params: { autoscale: { min: 2, max: 1000, target: 0.7 } } } as const;

  it('each row is the model’s peak rate and monthly bills, and the crossover and the ratio at ten million hold', () => {
    // At ten million the default 1,000 concurrent executions (10,000 requests a second) throttle the rest of the peak.
    const throttled = ev(app({ kind: 'serverless' }, 10_000_000)).nodes.fn;
    quoted(`throttle ${Math.round(throttled.failedRps).toLocaleString('en-US')} requests a second`);
    const rows = [100_000, 300_000, 1_000_000, 10_000_000].map((users) => {
      const fn = ev(app({ kind: 'serverless', params: users === 10_000_000 ? { concurrency: 2_000 } : {} }, users));
      const k8s = ev(app(cluster, users));
      // Both carry the load: the comparison is of bills, not of failures.
      expect(fn.nodes.fn.failedRps).toBe(0);
      expect(k8s.nodes.fn.failedRps).toBe(0);
      const serverlessUsd = fn.nodes.fn.monthlyCostUsd;
      const clusterUsd = k8s.nodes.fn.monthlyCostUsd + k8s.nodes.lb.monthlyCostUsd;
      const peak = Math.round(fn.nodes.fn.arrivalRps.total).toLocaleString('en-US');
      quoted(`| ${users.toLocaleString('en-US')} | ${peak} | ${usd(serverlessUsd)} | ${usd(clusterUsd)} |`);
      return { serverlessUsd, clusterUsd };
    });
    expect(rows[1].serverlessUsd).toBeLessThan(rows[1].clusterUsd);
    expect(rows[2].serverlessUsd).toBeGreaterThan(rows[2].clusterUsd);
    expect(rows[3].clusterUsd).toBeLessThan(rows[3].serverlessUsd / 2);
  });
});

describe('the guide’s analytics figures', () => {
  const app = analyticsPipelineDesign;

  it('sixty 10 GB reports an hour: on the primary, and through a stream processor to a warehouse', () => {
    const onPrimary = ev(app(60, false));
    expect(onPrimary.nodes.db.saturated).toBe(true);
    quoted(`take ${Math.round(onPrimary.nodes.db.analytics!.volumeShare * 100)}% of its volume's throughput`);
    const offloaded = ev(app(60, true));
    quoted(`keeps its primary at ${Math.round(offloaded.nodes.db.utilization * 100)}%`);
    quoted(`p95 read at ${offloaded.endToEnd.latencyMs.read.p95.toFixed(1)} ms`);
    // Exactly as without the reports.
    expect(offloaded.endToEnd.latencyMs.read.p95).toBe(ev(app(0, false)).endToEnd.latencyMs.read.p95);
    quoted(`about ${Math.round(offloaded.nodes.wh.warehouse!.queryLatencySeconds)} s`);
    quoted(`${usd(offloaded.nodes.wh.monthlyCostUsd)} a month here`);
  });
});

describe('the guide’s stream-processor figures', () => {
  /** 30,000 events a second at peak: 17.28 M users × 50 requests a day × 3 / 86,400, each a write that publishes one event. */
  const pipeline = (processors: number, partitions?: number): Design => ({
    schemaVersion: 1,
    workload: { users: 17_280_000, staticShare: 0, readRatio: 0, asyncShare: 1 },
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'lb', kind: 'load-balancer' },
      { id: 'app', kind: 'app-server', params: { instances: 10, stateless: true, serviceMs: { write: 0.1 } } },
      { id: 'store', kind: 'nosql', params: { instances: 12 } },
      { id: 'log', kind: 'queue', params: { instances: 2, ...(partitions ? { partitions } : {}) } },
      { id: 'stream', kind: 'stream-processor', params: { instances: processors } },
      { id: 'wh', kind: 'warehouse' },
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'lb' },
      { id: 'e2', source: 'lb', target: 'app' },
      { id: 'e3', source: 'app', target: 'store' },
      { id: 'e4', source: 'app', target: 'log' },
      { id: 'e5', source: 'log', target: 'stream' },
      { id: 'e6', source: 'stream', target: 'wh' },
    ],
  });
  const n = (x: number) => Math.round(x).toLocaleString('en-US');

  it('one processor of two slots at 30,000 events a second lags; two keep up; three behind two partitions do no better than one', () => {
    const one = ev(pipeline(1)).nodes.stream.stream!;
    quoted(`At ${n(one.peakEventsPerSecond)} events a second`);
    expect(one.slots).toBe(2);
    quoted(`handles ${n(one.capacityEventsPerSecond)}`);
    quoted(`grows by ${n(one.lagGrowthEventsPerSecond)} events a second`);
    quoted(`to ${n(one.maxLagEvents)} events (${formatDuration(one.maxLagSeconds)} behind)`);
    expect(one.maxLagSeconds).toBeCloseTo(30 * 60, 6);
    expect(ev(pipeline(2)).nodes.stream.stream!.maxLagEvents).toBe(0);
    const capped = ev(pipeline(3, 2)).nodes.stream.stream!;
    expect(capped.slots).toBe(6);
    expect(capped.capacityEventsPerSecond).toBeCloseTo(one.capacityEventsPerSecond, 6);
    quoted(`still process ${n(capped.capacityEventsPerSecond)} a second`);
  });
});

describe('the guide’s serverless cache, API gateway and service mesh figures', () => {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const avail = (x: number) => `${(Math.round(x * 100_000) / 1000).toFixed(3)}%`;
  const whole = (x: number) => Math.round(x).toLocaleString('en-US');

  function cacheDesign(cache: NodeParams): Design {
    return {
      schemaVersion: 1,
      workload: { users: 100_000_000, staticShare: 0, readRatio: 0.95 },
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'lb', kind: 'load-balancer', params: { technology: 'managed' } },
        { id: 'app', kind: 'app-server', params: { instances: 2000, stateless: true } },
        { id: 'cache', kind: 'cache', params: { hitRatio: 0.95, ...cache } },
        { id: 'db', kind: 'database', params: { size: 'xlarge', shards: 64 } },
      ],
      edges: [
        { id: 'a', source: 'users', target: 'lb' },
        { id: 'b', source: 'lb', target: 'app' },
        { id: 'c', source: 'app', target: 'cache' },
        { id: 'd', source: 'cache', target: 'db' },
      ],
    };
  }

  it('a serverless cache takes what one Redis node drops, at several times the price', () => {
    const redis = ev(cacheDesign({ technology: 'redis' }));
    const twoRedis = ev(cacheDesign({ technology: 'redis', instances: 2 }));
    const memcached = ev(cacheDesign({ technology: 'memcached', size: 'large' }));
    const serverless = ev(cacheDesign({ technology: 'serverless-cache' }));
    const said = [
      `sends its cache ${whole(redis.nodes.cache!.arrivalRps.read)} reads a second`,
      `one Redis node runs at ${pct(redis.nodes.cache!.utilization)} and drops ${whole(redis.nodes.cache!.failedRps)}`,
      `two Redis nodes, each with half the keys, run at ${pct(twoRedis.nodes.cache!.utilization)} for ${usd(twoRedis.cost.byNode.cache!)} a month`,
      `one large Memcached node (4 threads) at ${pct(memcached.nodes.cache!.utilization)} for ${usd(memcached.cost.byNode.cache!)}`,
      `a serverless cache at ${pct(serverless.nodes.cache!.utilization)} for ${usd(serverless.cost.byNode.cache!)} a month`,
    ];
    expect(redis.nodes.cache!.utilization).toBeGreaterThan(1);
    for (const s of said) expect(GUIDE).toContain(s);
  });

  function gatewayDesign(gw: NodeParams, users: number): Design {
    return {
      schemaVersion: 1,
      workload: { users, staticShare: 0 },
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'gw', kind: 'api-gateway', params: gw },
        { id: 'app', kind: 'service', params: { instances: 100 } },
        { id: 'db', kind: 'nosql', params: { instances: 20 } },
      ],
      edges: [
        { id: 'a', source: 'users', target: 'gw' },
        { id: 'b', source: 'gw', target: 'app' },
        { id: 'c', source: 'app', target: 'db' },
      ],
    };
  }

  it('a managed gateway bills per request; one Envoy is cheap but a single point of failure, two are not', () => {
    const managed1 = ev(gatewayDesign({ technology: 'managed' }, 1_000_000));
    const managed10 = ev(gatewayDesign({ technology: 'managed' }, 10_000_000));
    const envoy1 = ev(gatewayDesign({ technology: 'envoy' }, 1_000_000));
    const envoy10 = ev(gatewayDesign({ technology: 'envoy' }, 10_000_000));
    const two10 = ev(gatewayDesign({ technology: 'envoy', instances: 2 }, 10_000_000));
    expect(envoy1.spofs).toContain('gw');
    expect(two10.spofs).not.toContain('gw');
    const said = [
      `${usd(managed1.cost.byNode.gw!)} a month for a one-million-user API and ${usd(managed10.cost.byNode.gw!)} at ten million users`,
      `One self-hosted Envoy instance costs ${usd(envoy1.cost.byNode.gw!)} a month and is ${pct(envoy1.nodes.gw!.utilization)} busy at one million users (${pct(envoy10.nodes.gw!.utilization)} at ten million)`,
      `the design falls from ${avail(managed1.endToEnd.availability)} to ${avail(envoy1.endToEnd.availability)} available`,
      `Two Envoy instances cost ${usd(two10.cost.byNode.gw!)}, ${pct(two10.nodes.gw!.utilization)} busy each at ten million users, and take the design to ${avail(two10.endToEnd.availability)}`,
    ];
    for (const s of said) expect(GUIDE).toContain(s);
  });

  it('a service mesh adds its proxies to every hop: the read p95 and the services’ utilisation rise', () => {
    const twoServices = (mesh: boolean): Design => ({
      schemaVersion: 1,
      workload: { users: 1_000_000, staticShare: 0 },
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'lb', kind: 'load-balancer', params: { technology: 'managed' } },
        { id: 'front', kind: 'service', params: { instances: 20, mesh } },
        { id: 'orders', kind: 'service', params: { instances: 20, mesh } },
        { id: 'db', kind: 'nosql', params: { instances: 10 } },
      ],
      edges: [
        { id: 'a', source: 'users', target: 'lb' },
        { id: 'b', source: 'lb', target: 'front' },
        { id: 'c', source: 'front', target: 'orders' },
        { id: 'd', source: 'orders', target: 'db' },
      ],
    });
    const off = ev(twoServices(false));
    const on = ev(twoServices(true));
    expect(on.nodes.front!.mesh?.mtls).toBe(true);
    expect(off.nodes.front!.mesh).toBeUndefined();
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    expect(GUIDE).toContain(`go from a read p95 of ${ms(off.endToEnd.latencyMs.read.p95)} to ${ms(on.endToEnd.latencyMs.read.p95)} with the mesh on`);
    expect(GUIDE).toContain(`from ${pct(off.nodes.front!.utilization)} to ${pct(on.nodes.front!.utilization)} busy`);
  });
});
