/**
 * The figures the "Choosing a technology" guide quotes from the model
 * (content/guides/guide-choosing-technology.mdx), recomputed: each must
 * still be what the engine gives, and still appear in the guide's text.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '@/lib/engine/evaluate';
import type { Design, NodeParams, Workload } from '@/lib/engine/types';
import { formatUsd } from './format';

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
