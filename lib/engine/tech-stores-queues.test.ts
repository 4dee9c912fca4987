/**
 * Key-value stores, queues and logs, load balancers and gateways as
 * technologies (docs/model.md §14.2), against the published figures of
 * SOURCES.md §7, §8 and §9: what a user sees change when they pick one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paramsOfNode, parseDesign } from '../design/schema';
import { CATALOG, NETWORK } from './catalog';
import { evaluate } from './evaluate';
import { compareTechnologies } from './compare-technologies';
import { compile } from './compile';
import { createRunState, forward, kOfN } from './run';
import { resolveWorkload } from './workload';
import { simulate } from './simulate';
import { designArb } from './test-arbitraries';
import { applyWhatIf } from './what-if';
import { KAFKA, RABBITMQ, SQS } from './tech-figures';
import type { Design, NodeParams, Workload } from './types';

/** Every user request is a write (or a read), at exactly `rps` a second at peak, with the peak equal to the average. */
function flat(rps: number, kind: 'write' | 'read', extra: Partial<Workload> = {}): Workload {
  return {
    users: rps,
    requestsPerUserPerDay: 86_400,
    peakFactor: 1,
    staticShare: 0,
    readRatio: kind === 'read' ? 1 : 0,
    asyncShare: 0,
    dataPerUserMB: 0,
    ...extra,
  };
}

/** Users → load balancer → app tier (wide enough never to bind) → a NoSQL store `db`. */
function storeDesign(store: NodeParams, appInstances = 400): Design {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'lb', kind: 'load-balancer', params: { technology: 'managed' } },
      { id: 'app', kind: 'app-server', params: { instances: appInstances, stateless: true } },
      { id: 'db', kind: 'nosql', params: store },
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'lb' },
      { id: 'e2', source: 'lb', target: 'app' },
      { id: 'e3', source: 'app', target: 'db' },
    ],
  };
}

/** Users → load balancer → app tier → queue `q` → workers `w`, and the app's writes to a store. */
function queueDesign(queue: NodeParams, workers: NodeParams = { instances: 2 }): Design {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'lb', kind: 'load-balancer', params: { technology: 'managed' } },
      { id: 'app', kind: 'app-server', params: { instances: 400, stateless: true } },
      { id: 'db', kind: 'nosql', params: { technology: 'dynamodb' } },
      { id: 'q', kind: 'queue', params: queue },
      { id: 'w', kind: 'worker', params: workers },
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'lb' },
      { id: 'e2', source: 'lb', target: 'app' },
      { id: 'e3', source: 'app', target: 'db' },
      { id: 'e4', source: 'app', target: 'q' },
      { id: 'e5', source: 'q', target: 'w' },
    ],
  };
}

/** One instance's availability where repair is detect (30 min) + replace by hand (1 h), as for a NoSQL node or a broker. */
const byHand = (() => {
  const fig = CATALOG.nosql.defaults.availability.value as { mtbfHours: number };
  return fig.mtbfHours / (fig.mtbfHours + NETWORK.detectHours.value + NETWORK.restoreByHandHours.value);
})();

const SECONDS_PER_MONTH = 730 * 3600;

describe('DynamoDB (SOURCES.md §8: 3,000 reads / 1,000 writes a second per partition, on-demand per-request price)', () => {
  it('throttles a hot partition above 1,000 writes a second, and only what is above it', () => {
    // 10,000 writes/s: 10 partitions' worth, 20 partitions for twice the peak, 500 writes/s each on average.
    const hot = evaluate(storeDesign({ technology: 'dynamodb', shardSkew: 1.4 }), flat(10_000, 'write'));
    const db = hot.nodes.db;
    expect(db.technologyReport?.partitions).toBe(20);
    // The hottest partition takes 2.4 × 500 = 1,200 writes/s: 200/s over its 1,000.
    expect(db.technologyReport?.hotPartitionUtilization).toBeCloseTo(1.2, 9);
    expect(db.failedRps).toBeCloseTo(200, 6);
    expect(hot.endToEnd.failedRps.write).toBeCloseTo(200, 6);
    const finding = hot.findings.find((f) => f.code === 'throttled' && f.nodeId === 'db');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('1,200 writes a second');
    expect(finding?.message).toContain('1,000 writes a second');

    // At 1.9 × the average (950 writes/s) nothing is throttled, but it is close.
    const warm = evaluate(storeDesign({ technology: 'dynamodb', shardSkew: 0.9 }), flat(10_000, 'write'));
    expect(warm.nodes.db.failedRps).toBe(0);
    expect(warm.findings.some((f) => f.code === 'hot' && f.nodeId === 'db')).toBe(true);
  });

  it('serves evenly spread keys at any rate (it adds partitions), with a managed 99.99% and no single point of failure', () => {
    const big = evaluate(storeDesign({ technology: 'dynamodb' }), flat(100_000, 'write'));
    expect(big.nodes.db.failedRps).toBe(0);
    expect(big.nodes.db.spof).toBe(false);
    expect(big.nodes.db.availability).toBe(0.9999);
    // Above the default table quota of 40,000 writes/s it says to ask for a raise.
    expect(big.findings.some((f) => f.code === 'table-quota')).toBe(true);
    // A hot key's partition does not grow with the table: at 4× the average load it takes 2,000 writes/s
    // and 1,000 are throttled, at 10,000 or at 100,000 writes/s alike.
    const a = evaluate(storeDesign({ technology: 'dynamodb', shardSkew: 3 }), flat(10_000, 'write'));
    const b = evaluate(storeDesign({ technology: 'dynamodb', shardSkew: 3 }), flat(100_000, 'write'));
    expect(a.nodes.db.failedRps).toBeCloseTo(1_000, 6);
    expect(b.nodes.db.failedRps).toBeCloseTo(1_000, 6);
  });

  it('keeps its partitions through a flash crowd: above twice the ordinary peak it throttles (2× instantly, SOURCES.md §8)', () => {
    const net = compile(storeDesign({ technology: 'dynamodb' }));
    const st = createRunState(net);
    const db = net.ids.indexOf('db');
    // 5× a peak of 10,000 writes/s on partitions held for 20,000: 2 in 5 served, 3 in 5 throttled.
    st.peakScale = 5;
    forward(st, resolveWorkload(flat(50_000, 'write')));
    expect(st.failed[db * 4 + 2] / st.arrival[db * 4 + 2]).toBeCloseTo(0.6, 9);
    // Twice the peak is still served.
    st.peakScale = 2;
    forward(st, resolveWorkload(flat(20_000, 'write')));
    expect(st.failed[db * 4 + 2]).toBe(0);
  });

  it('bills $0.125 per million reads and $0.625 per million writes', () => {
    const writes = evaluate(storeDesign({ technology: 'dynamodb' }), flat(1_000, 'write'));
    expect(writes.nodes.db.monthlyCostUsd).toBeCloseTo((1_000 * SECONDS_PER_MONTH * 0.625) / 1e6, 6);
    const reads = evaluate(storeDesign({ technology: 'dynamodb' }), flat(1_000, 'read'));
    expect(reads.nodes.db.monthlyCostUsd).toBeCloseTo((1_000 * SECONDS_PER_MONTH * 0.125) / 1e6, 6);
  });

  it('costs less than self-run Cassandra nodes at a low steady load and more at a high one', () => {
    const cassandra = { technology: 'cassandra', instances: 6 } as const;
    const low = flat(100, 'write');
    const high = flat(10_000, 'write');
    const dLow = evaluate(storeDesign({ technology: 'dynamodb' }), low).nodes.db.monthlyCostUsd;
    const cLow = evaluate(storeDesign(cassandra), low).nodes.db.monthlyCostUsd;
    const dHigh = evaluate(storeDesign({ technology: 'dynamodb' }), high).nodes.db.monthlyCostUsd;
    const cHigh = evaluate(storeDesign(cassandra), high);
    expect(cHigh.nodes.db.saturated).toBe(false);
    expect(dLow).toBeLessThan(cLow / 5);
    expect(dHigh).toBeGreaterThan(cHigh.nodes.db.monthlyCostUsd * 10);
  });
});

describe('Cassandra (SOURCES.md §8: Netflix ≈ 3,800 client writes/s per node at RF 3; tunable consistency)', () => {
  it('takes about 3,800 client writes a second per node at replication factor 3', () => {
    const nodes = 3;
    const under = evaluate(storeDesign({ technology: 'cassandra', instances: nodes }), flat(3_700 * nodes, 'write'));
    const over = evaluate(storeDesign({ technology: 'cassandra', instances: nodes }), flat(3_900 * nodes, 'write'));
    expect(under.nodes.db.saturated).toBe(false);
    expect(over.nodes.db.saturated).toBe(true);
  });

  it('trades availability for consistency: ONE survives two nodes down, QUORUM one, ALL none', () => {
    const at = (consistency: 'one' | 'quorum' | 'all') =>
      evaluate(storeDesign({ technology: 'cassandra', instances: 3, consistency }), flat(1_000, 'write')).nodes.db;
    const one = at('one');
    const quorum = at('quorum');
    const all = at('all');
    expect(one.availability).toBeCloseTo(kOfN(1, 3, byHand), 12);
    expect(quorum.availability).toBeCloseTo(kOfN(2, 3, byHand), 12);
    expect(all.availability).toBeCloseTo(byHand ** 3, 12);
    // ALL is less available than a single node, and a single point of failure for the design.
    expect(all.availability).toBeLessThan(byHand);
    expect(all.spof).toBe(true);
    expect(quorum.spof).toBe(false);
    expect(one.availability).toBeGreaterThan(quorum.availability);
  });

  it('answers ONE faster than QUORUM and QUORUM faster than ALL (the slowest of the replicas it waits for)', () => {
    const at = (consistency: 'one' | 'quorum' | 'all') =>
      evaluate(storeDesign({ technology: 'cassandra', instances: 3, consistency }), flat(3_000, 'write')).nodes.db.responseMs.mean;
    const one = at('one');
    expect(at('quorum') / one).toBeCloseTo(1.5, 6);
    expect(at('all') / one).toBeCloseTo(1 + 1 / 2 + 1 / 3, 6);
  });

  it('reads a replica per replica asked: a QUORUM read costs 2 reads of RF 3, ALL 3', () => {
    const at = (consistency: 'one' | 'quorum' | 'all') =>
      evaluate(storeDesign({ technology: 'cassandra', instances: 3, consistency }), flat(2_000, 'read')).nodes.db.utilization;
    const one = at('one');
    expect(at('quorum') / one).toBeCloseTo(2, 9);
    expect(at('all') / one).toBeCloseTo(3, 9);
  });

  it('counts ONE reads in the design\'s stale reads and breaks read-your-writes; QUORUM keeps it', () => {
    const one = evaluate(storeDesign({ technology: 'cassandra', instances: 3, consistency: 'one' }), flat(3_000, 'read', { readRatio: 0.5, users: 3_000 }));
    expect(one.consistency.readYourWrites).toBe(false);
    expect(one.consistency.stores).toHaveLength(1);
    expect(one.consistency.stores[0].consistency).toBe('one');
    expect(one.consistency.staleReadShare).toBeGreaterThan(0);
    expect(one.consistency.staleReadShare).toBeLessThan(2 / 3);
    const quorum = evaluate(storeDesign({ technology: 'cassandra', instances: 3 }), flat(3_000, 'read', { readRatio: 0.5, users: 3_000 }));
    expect(quorum.consistency.readYourWrites).toBe(true);
    expect(quorum.consistency.stores).toHaveLength(0);
    expect(quorum.consistency.staleReadShare).toBe(0);
  });

  it('reads stale data after a write at ONE (2 in 3 with RF 3), never at QUORUM', () => {
    const one = evaluate(storeDesign({ technology: 'cassandra', instances: 3, consistency: 'one' }), flat(1_000, 'read'));
    expect(one.nodes.db.technologyReport?.staleAfterWriteShare).toBeCloseTo(2 / 3, 12);
    expect(one.nodes.db.technologyReport?.readYourWrites).toBe(false);
    expect(one.findings.find((f) => f.code === 'stale-reads')?.message).toContain('67%');
    const quorum = evaluate(storeDesign({ technology: 'cassandra', instances: 3 }), flat(1_000, 'read'));
    expect(quorum.nodes.db.technologyReport?.consistency).toBe('quorum');
    expect(quorum.nodes.db.technologyReport?.staleAfterWriteShare).toBe(0);
    expect(quorum.nodes.db.technologyReport?.readYourWrites).toBe(true);
    expect(quorum.findings.some((f) => f.code === 'stale-reads')).toBe(false);
  });
});

describe('Kafka (SOURCES.md §7: 10s of MB/s per partition; Kreps 421,823 rec/s on 3 brokers)', () => {
  /** Every write spawns a job: jobs arrive at the write rate. */
  const jobs = (rps: number) => flat(rps, 'write', { asyncShare: 1 });

  it('caps a consumer group at its partitions: 12 workers behind 6 partitions leave 6 idle', () => {
    const six = evaluate(queueDesign({ technology: 'kafka', partitions: 6 }, { instances: 12 }), jobs(100));
    expect(six.nodes.q.technologyReport?.busyConsumers).toBe(6);
    expect(six.nodes.q.technologyReport?.idleConsumers).toBe(6);
    // 6 busy workers × 2 cores ÷ 200 ms a job = 60 jobs/s, not 120.
    expect(six.nodes.q.queue?.workerCapacityRps).toBeCloseTo(60, 9);
    const finding = six.findings.find((f) => f.code === 'idle-consumers');
    expect(finding?.message).toContain('only 6 of the 12');
    // The idle six are still billed, and at 100 jobs/s the backlog never drains: more workers alone would not help.
    expect(six.nodes.w.averageInstances).toBe(12);
    expect(six.findings.find((f) => f.code === 'queue-never-drains')?.message).toContain('Add partitions');

    const twelve = evaluate(queueDesign({ technology: 'kafka', partitions: 12 }, { instances: 12 }), jobs(100));
    expect(twelve.nodes.q.queue?.workerCapacityRps).toBeCloseTo(120, 9);
    expect(twelve.findings.some((f) => f.code === 'idle-consumers')).toBe(false);
  });

  it('carries 10 MB/s a partition: one partition takes 10,000 messages of 1 KB a second', () => {
    const perPartition = (KAFKA.partitionMBps.value * 1000) / KAFKA.messageKB.value;
    expect(perPartition).toBe(10_000);
    const one = evaluate(queueDesign({ technology: 'kafka', partitions: 1 }, { instances: 2 }), jobs(20_000));
    expect(one.nodes.q.technologyReport?.capacityRps).toBeCloseTo(10_000, 6);
    expect(one.nodes.q.failedRps).toBeCloseTo(10_000, 6);
    expect(one.findings.find((f) => f.code === 'saturated' && f.nodeId === 'q')?.message).toContain('The partitions bind');
    // With 6 partitions the 3 brokers' 3 × 140,608 is far off, and 20,000 messages/s pass.
    const six = evaluate(queueDesign({ technology: 'kafka', partitions: 6 }, { instances: 2 }), jobs(20_000));
    expect(six.nodes.q.failedRps).toBe(0);
    expect(six.nodes.q.instances).toBe(KAFKA.defaultBrokers.value);
  });

  it('keeps messages for its retention on every replica, billed as storage', () => {
    const week = evaluate(queueDesign({ technology: 'kafka' }, { instances: 4 }), jobs(1_000));
    // 1,000 messages/s × 1 KB × 168 h × 3 replicas = 1,814.4 GB.
    expect(week.nodes.q.technologyReport?.retainedGB).toBeCloseTo((1_000 * 3600 * 168 * 3) / 1e6, 6);
    const day = evaluate(queueDesign({ technology: 'kafka', retentionHours: 24 }, { instances: 4 }), jobs(1_000));
    expect(week.nodes.q.monthlyCostUsd - day.nodes.q.monthlyCostUsd).toBeCloseTo((((1_000 * 3600 * (168 - 24) * 3) / 1e6) * 0.115), 6);
  });

  it('loses one broker of its three when one instance fails (what-if), not the whole topic', () => {
    const d = queueDesign({ technology: 'kafka' }, { instances: 4 });
    const after = applyWhatIf(d, { type: 'fail-instance', nodeId: 'q' }).design;
    expect(after.nodes.find((n) => n.id === 'q')?.params?.instances).toBe(2);
  });

  it('survives one broker of three; a lone broker is a single point of failure', () => {
    const three = evaluate(queueDesign({ technology: 'kafka' }, { instances: 4 }), jobs(100));
    expect(three.nodes.q.availability).toBeCloseTo(kOfN(2, 3, byHand), 12);
    expect(three.nodes.q.spof).toBe(false);
    const lone = evaluate(queueDesign({ technology: 'kafka', instances: 1 }, { instances: 4 }), jobs(100));
    expect(lone.nodes.q.spof).toBe(true);
    expect(lone.findings.find((f) => f.code === 'spof' && f.nodeId === 'q')?.message).toContain('one broker');
  });
});

describe('SQS (SOURCES.md §7: FIFO 300 calls a second, 3,000 msg/s in batches of 10; $0.40 per million requests)', () => {
  const jobs = (rps: number) => flat(rps, 'write', { asyncShare: 1 });

  it('limits a FIFO queue to 300 messages a second unbatched and 3,000 in batches of 10; a standard queue has no limit', () => {
    const fifo = evaluate(queueDesign({ technology: 'sqs', fifo: true }, { instances: 100 }), jobs(1_000));
    expect(fifo.nodes.q.technologyReport?.capacityRps).toBe(SQS.fifoCallsPerSecond.value);
    expect(fifo.nodes.q.failedRps).toBeCloseTo(700, 6);
    expect(fifo.findings.find((f) => f.code === 'throttled' && f.nodeId === 'q')?.message).toContain('3,000/s');
    const batched = evaluate(queueDesign({ technology: 'sqs', fifo: true, batchSize: 10 }, { instances: 100 }), jobs(1_000));
    expect(batched.nodes.q.technologyReport?.capacityRps).toBe(3_000);
    expect(batched.nodes.q.failedRps).toBe(0);
    const standard = evaluate(queueDesign({ technology: 'sqs' }, { instances: 2000 }), jobs(50_000));
    expect(standard.nodes.q.technologyReport?.capacityRps).toBeNull();
    expect(standard.nodes.q.failedRps).toBe(0);
  });

  it('bills three requests a message ($1.20 per million messages), a tenth of that in batches of 10', () => {
    const one = evaluate(queueDesign({ technology: 'sqs' }, { instances: 100 }), jobs(1_000));
    const messages = 1_000 * SECONDS_PER_MONTH;
    expect(one.nodes.q.monthlyCostUsd).toBeCloseTo(((messages * 3) / 1e6) * 0.4, 6);
    const ten = evaluate(queueDesign({ technology: 'sqs', batchSize: 10 }, { instances: 100 }), jobs(1_000));
    expect(ten.nodes.q.monthlyCostUsd).toBeCloseTo(one.nodes.q.monthlyCostUsd / 10, 6);
  });
});

describe('RabbitMQ (SOURCES.md §7: durable classic 99,413 msg/s, quorum 9,986 with defaults, on one node)', () => {
  const jobs = (rps: number) => flat(rps, 'write', { asyncShare: 1 });

  it('takes ten times the messages on a classic queue as on a default quorum queue', () => {
    const classic = evaluate(queueDesign({ technology: 'rabbitmq' }, { instances: 400 }), jobs(20_000));
    const quorum = evaluate(queueDesign({ technology: 'rabbitmq', queueType: 'quorum' }, { instances: 400 }), jobs(20_000));
    expect(classic.nodes.q.technologyReport?.capacityRps).toBe(RABBITMQ.classicMsgPerSecond.value);
    expect(quorum.nodes.q.technologyReport?.capacityRps).toBe(RABBITMQ.quorumMsgPerSecond.value);
    expect(classic.nodes.q.failedRps).toBe(0);
    expect(quorum.nodes.q.failedRps).toBeCloseTo(20_000 - 9_986, 6);
  });

  it('keeps quorum queues up through one node of three; a classic queue lives on one node', () => {
    const quorum = evaluate(queueDesign({ technology: 'rabbitmq', queueType: 'quorum', instances: 3 }, { instances: 4 }), jobs(100));
    expect(quorum.nodes.q.availability).toBeCloseTo(kOfN(2, 3, byHand), 12);
    expect(quorum.nodes.q.spof).toBe(false);
    const classic = evaluate(queueDesign({ technology: 'rabbitmq', instances: 3 }, { instances: 4 }), jobs(100));
    expect(classic.nodes.q.spof).toBe(true);
    expect(classic.findings.find((f) => f.code === 'spof' && f.nodeId === 'q')?.message).toContain('quorum queues');
  });
});

describe('Load balancers and gateways (SOURCES.md: HAProxy ~32k rps per core; ALB and API Gateway prices §9)', () => {
  function edge(front: NodeParams, kind: 'load-balancer' | 'api-gateway' = 'load-balancer'): Design {
    return {
      schemaVersion: 1,
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'front', kind, params: front },
        { id: 'app', kind: 'app-server', params: { instances: 2000, stateless: true } },
        { id: 'db', kind: 'nosql', params: { technology: 'dynamodb' } },
      ],
      edges: [
        { id: 'e1', source: 'users', target: 'front' },
        { id: 'e2', source: 'front', target: 'app' },
        { id: 'e3', source: 'app', target: 'db' },
      ],
    };
  }

  it('a managed load balancer scales itself; one HAProxy instance saturates above 64,000 rps and is a single point of failure', () => {
    const load = flat(100_000, 'read');
    const managed = evaluate(edge({ technology: 'managed' }), load);
    expect(managed.nodes.front.saturated).toBe(false);
    expect(managed.nodes.front.spof).toBe(false);
    const generic = evaluate(edge({}), load);
    expect(generic.nodes.front.saturated).toBe(true);
    const lone = evaluate(edge({ technology: 'haproxy' }), flat(60_000, 'read'));
    expect(lone.nodes.front.saturated).toBe(false);
    expect(lone.nodes.front.spof).toBe(true);
    expect(lone.findings.find((f) => f.code === 'spof' && f.nodeId === 'front')?.message).toContain('one self-hosted HAProxy instance');
    expect(evaluate(edge({ technology: 'haproxy' }), flat(70_000, 'read')).nodes.front.saturated).toBe(true);
    const pair = evaluate(edge({ technology: 'haproxy', instances: 3 }), load);
    expect(pair.nodes.front.saturated).toBe(false);
    expect(pair.nodes.front.spof).toBe(false);
  });

  it('bills a managed gateway per million requests ($1.00 for the first 300 million, $0.90 after)', () => {
    const gw = evaluate(edge({ technology: 'managed' }, 'api-gateway'), flat(1_000, 'read'));
    const millions = (1_000 * SECONDS_PER_MONTH) / 1e6;
    expect(gw.nodes.front.monthlyCostUsd).toBeCloseTo(300 * 1 + (millions - 300) * 0.9, 6);
    const envoy = evaluate(edge({ technology: 'envoy' }, 'api-gateway'), flat(1_000, 'read'));
    expect(envoy.nodes.front.spof).toBe(true);
    expect(envoy.nodes.front.monthlyCostUsd).toBeLessThan(gw.nodes.front.monthlyCostUsd);
  });
});

describe('bad input: params that do not apply to a technology are refused, naming what applies', () => {
  const node = (kind: string, params: Record<string, unknown>) => ({
    schemaVersion: 1,
    nodes: [{ id: 'x', kind, params }],
    edges: [],
  });

  it('refuses partitions on an SQS queue, naming the params it takes', () => {
    const r = parseDesign(node('queue', { technology: 'sqs', partitions: 6 }), { newDesign: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0].path).toBe('nodes[0].params.partitions');
    expect(r.issues[0].message).toMatch(/does not apply/);
    expect(r.issues[0].message).toContain('fifo');
    expect(r.issues[0].message).toContain('batchSize');
  });

  it('refuses consistency on DynamoDB and instances on a managed store', () => {
    for (const params of [{ technology: 'dynamodb', consistency: 'one' }, { technology: 'dynamodb', instances: 3 }]) {
      const r = parseDesign(node('nosql', params), { newDesign: true });
      expect(r.ok, JSON.stringify(params)).toBe(false);
    }
  });

  it('refuses a consistency level that does not exist, naming the levels', () => {
    const r = parseDesign(node('nosql', { technology: 'cassandra', consistency: 'two' }), { newDesign: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0].message).toContain('one, quorum, all');
  });

  it('accepts each technology with its own params', () => {
    const ok = [
      node('nosql', { technology: 'cassandra', consistency: 'all', replicationFactor: 3, instances: 6 }),
      node('queue', { technology: 'kafka', partitions: 12, retentionHours: 24, instances: 3 }),
      node('queue', { technology: 'sqs', fifo: true, batchSize: 10 }),
      node('queue', { technology: 'rabbitmq', queueType: 'quorum', instances: 3 }),
      node('load-balancer', { technology: 'haproxy', instances: 2 }),
    ];
    for (const d of ok) {
      const r = parseDesign(d, { newDesign: true });
      expect(r.ok, JSON.stringify(d.nodes[0].params) + (r.ok ? '' : JSON.stringify(r.issues))).toBe(true);
    }
  });
});

describe('the simulation runs every technology of this section', () => {
  it('serves requests through each, without error', () => {
    const designs = [
      storeDesign({ technology: 'dynamodb', shardSkew: 0.5 }),
      storeDesign({ technology: 'cassandra', instances: 3, consistency: 'all' }),
      queueDesign({ technology: 'kafka', partitions: 2 }, { instances: 4 }),
      queueDesign({ technology: 'sqs', fifo: true }),
      queueDesign({ technology: 'rabbitmq', queueType: 'quorum', instances: 3 }),
    ];
    for (const d of designs) {
      const r = simulate({ ...d, workload: flat(200, 'write', { asyncShare: 0.5 }) }, { requests: 2_000 });
      expect(r.endToEnd.latencyMs.write.p50, JSON.stringify(d.nodes[3].params ?? d.nodes[4].params)).toBeGreaterThan(0);
    }
  });
});

describe('compare technologies (the inspector\'s side-by-side) shows the trade-offs in numbers', () => {
  it('a NoSQL node: DynamoDB is the cheap choice at 100 writes/s and the dear one at 10,000; Cassandra at ALL is the least available', () => {
    const design = storeDesign({ instances: 6 });
    const low = compareTechnologies(design, 'db', flat(100, 'write'));
    const high = compareTechnologies(design, 'db', flat(10_000, 'write'));
    const row = (rows: typeof low, t: string) => rows.find((r) => r.technology === t)!;
    expect(low.map((r) => r.technology)).toEqual(['generic', 'dynamodb', 'cassandra']);
    expect(row(low, 'dynamodb').nodeMonthlyUsd).toBeLessThan(row(low, 'cassandra').nodeMonthlyUsd);
    expect(row(high, 'dynamodb').nodeMonthlyUsd).toBeGreaterThan(row(high, 'cassandra').nodeMonthlyUsd);
    const all = compareTechnologies(storeDesign({ instances: 6, consistency: 'all' }), 'db', flat(100, 'write'));
    expect(row(all, 'cassandra').availability).toBeLessThan(row(all, 'dynamodb').availability);
  });

  it('a queue: SQS is cheaper than three Kafka brokers at 10 jobs/s and dearer at 1,000 (three requests a message)', () => {
    const at = (jobs: number) => compareTechnologies(queueDesign({}, { instances: 40 }), 'q', flat(jobs, 'write', { asyncShare: 1 }));
    const row = (rows: ReturnType<typeof at>, t: string) => rows.find((r) => r.technology === t)!;
    const low = at(10);
    const high = at(1_000);
    expect(row(low, 'sqs').nodeMonthlyUsd).toBeCloseTo(((10 * SECONDS_PER_MONTH * 3) / 1e6) * 0.4, 6);
    expect(row(low, 'kafka').nodeMonthlyUsd).toBeGreaterThan(3 * 0.21 * 730);
    expect(row(low, 'sqs').nodeMonthlyUsd).toBeLessThan(row(low, 'kafka').nodeMonthlyUsd / 10);
    expect(row(high, 'sqs').nodeMonthlyUsd).toBeGreaterThan(row(high, 'kafka').nodeMonthlyUsd * 3);
  });
});

describe('any design with these technologies evaluates to sane numbers', () => {
  const TECHS: Record<string, readonly string[]> = {
    nosql: ['dynamodb', 'cassandra'],
    queue: ['sqs', 'rabbitmq', 'kafka'],
    'load-balancer': ['managed', 'haproxy', 'envoy'],
    'api-gateway': ['managed', 'envoy'],
  };
  const extras = fc.record(
    {
      consistency: fc.constantFrom('one', 'quorum', 'all' as const),
      partitions: fc.integer({ min: 1, max: 24 }),
      retentionHours: fc.integer({ min: 1, max: 500 }),
      fifo: fc.boolean(),
      batchSize: fc.integer({ min: 1, max: 10 }),
      queueType: fc.constantFrom('classic', 'quorum' as const),
    },
    { requiredKeys: [] },
  );
  const withTechs = fc.tuple(designArb({ maxNodes: 10, autoscale: true }), fc.array(fc.tuple(fc.nat(), extras), { minLength: 10, maxLength: 10 })).map(([d, picks]) => {
    d.nodes.forEach((n, i) => {
      const choices = TECHS[n.kind];
      if (!choices) return;
      const [k, x] = picks[i % picks.length];
      const technology = choices[k % choices.length];
      const params: NodeParams = { ...n.params, technology };
      const takes = new Set<string>(paramsOfNode(n.kind, technology));
      for (const [key, value] of Object.entries(x)) if (takes.has(key)) (params as Record<string, unknown>)[key] = value;
      for (const key of Object.keys(params)) if (!takes.has(key)) delete (params as Record<string, unknown>)[key];
      n.params = params;
    });
    return d;
  });

  it('finite rates, utilisations and costs; availabilities between 0 and 1; schema-valid as a new design', () => {
    fc.assert(
      fc.property(withTechs, (d) => {
        const parsed = parseDesign(d, { newDesign: true });
        expect(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.issues)).toBe(true);
        const e = evaluate(d);
        expect(Number.isFinite(e.endToEnd.monthlyCostUsd)).toBe(true);
        expect(e.endToEnd.availability).toBeGreaterThanOrEqual(0);
        expect(e.endToEnd.availability).toBeLessThanOrEqual(1);
        for (const [id, r] of Object.entries(e.nodes)) {
          expect(Number.isFinite(r.utilization), id).toBe(true);
          expect(r.failedRps, id).toBeGreaterThanOrEqual(0);
          expect(r.availability, id).toBeGreaterThanOrEqual(0);
          expect(r.availability, id).toBeLessThanOrEqual(1);
          expect(Number.isFinite(r.monthlyCostUsd) && r.monthlyCostUsd >= 0, id).toBe(true);
          expect(Number.isFinite(r.responseMs.p99), id).toBe(true);
        }
        expect(e.consistency.staleReadShare).toBeGreaterThanOrEqual(0);
        expect(e.consistency.staleReadShare).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150, seed: 20 },
    );
  });
});
