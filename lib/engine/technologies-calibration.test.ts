/**
 * Caches, relational databases and consistency (docs/model.md §14.1),
 * against the published figures of SOURCES.md §1, §4, §5 and §10.
 */
import { describe, expect, it } from 'vitest';
import { compareTechnologies } from './compare-technologies';
import { staleProbability } from './consistency';
import { evaluate, prepare } from './evaluate';
import { collectFindings } from './findings';
import { LAT_ALL, run } from './run';
import { consistencyChecks, judgeStage, STAGES, type StageMeasures } from './stages';
import type { Design, NodeParams, Workload } from './types';
import { applyWhatIf } from './what-if';
import { resolveWorkload } from './workload';

/** Users → LB → app → cache → database (→ replicas). */
function shop(o: { cache?: NodeParams; db?: NodeParams; replica?: NodeParams | null; users?: number; workload?: Partial<Workload>; cache_?: boolean } = {}): Design {
  const withCache = o.cache !== undefined;
  const withReplica = o.replica !== undefined && o.replica !== null;
  return {
    schemaVersion: 1,
    workload: { users: o.users ?? 2_000_000, ...o.workload },
    nodes: [
      { id: 'u', kind: 'users' },
      { id: 'lb', kind: 'load-balancer' },
      { id: 'app', kind: 'app-server', params: { instances: 400, stateless: true } },
      ...(withCache ? [{ id: 'cache', kind: 'cache' as const, params: o.cache }] : []),
      { id: 'db', kind: 'database', params: { size: 'xlarge', ...o.db } },
      ...(withReplica ? [{ id: 'r', kind: 'read-replica' as const, label: 'Replicas', params: o.replica! }] : []),
    ],
    edges: [
      { id: 'e1', source: 'u', target: 'lb' },
      { id: 'e2', source: 'lb', target: 'app' },
      { id: 'e3', source: 'app', target: 'db' },
      ...(withCache
        ? [
            { id: 'e4', source: 'app', target: 'cache' },
            { id: 'e5', source: 'cache', target: 'db' },
          ]
        : []),
      ...(withReplica ? [{ id: 'e6', source: 'db', target: 'r' }] : []),
    ],
  };
}

const row = (design: Design, node: string, tech: string) => compareTechnologies(design, node).find((r) => r.technology === tech)!;

describe('caches (SOURCES.md §5 and the Redis/Memcached rows)', () => {
  it('a Redis node serves 100,000–180,000 reads a second at every size: one command thread (redis-benchmark; MODEL.md §9.2)', () => {
    for (const size of ['small', 'medium', 'large', 'xlarge'] as const) {
      const cap = row(shop({ cache: { size } }), 'cache', 'redis').capacityRps!;
      expect(cap).toBeGreaterThanOrEqual(100_000);
      expect(cap).toBeLessThanOrEqual(180_000);
    }
  });

  it('a Memcached node of 4 cores serves ≥ 3.5× the reads of a Redis node of the same size (multi-threaded)', () => {
    const design = shop({ cache: { size: 'large' } });
    const memcached = row(design, 'cache', 'memcached');
    const redis = row(design, 'cache', 'redis');
    expect(evaluate({ ...design, nodes: design.nodes.map((n) => (n.id === 'cache' ? { ...n, params: { size: 'large', technology: 'memcached' } } : n)) }, undefined, { stages: false }).nodes.cache.cores).toBe(4);
    expect(memcached.capacityRps! / redis.capacityRps!).toBeGreaterThanOrEqual(3.5);
    // On the default 2-vCPU node, two threads: about twice.
    const small = shop({ cache: {} });
    expect(row(small, 'cache', 'memcached').capacityRps! / row(small, 'cache', 'redis').capacityRps!).toBeCloseTo(2, 5);
  });

  it('Valkey\'s I/O threads double a node from 4 vCPU up ("speedup two times", redis.conf) and do nothing on 2 vCPU', () => {
    const medium = shop({ cache: {} });
    expect(row(medium, 'cache', 'valkey').capacityRps).toBeCloseTo(row(medium, 'cache', 'redis').capacityRps!, 6);
    const large = shop({ cache: { size: 'large' } });
    const ratio = row(large, 'cache', 'valkey').capacityRps! / row(large, 'cache', 'redis').capacityRps!;
    expect(ratio).toBeGreaterThanOrEqual(1.7); // ElastiCache enhanced I/O: +72%
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it('a serverless cache is managed (no single point of failure, ElastiCache 99.99%) and bills every request', () => {
    const design = shop({ cache: { technology: 'serverless-cache' } });
    const e = evaluate(design, undefined, { stages: false });
    // What the availability pass reads for the node: a managed figure, not an instance's MTBF/MTTR.
    const net = prepare(design).net;
    const at = net.ids.indexOf('cache');
    expect(net.specs[at].managed).toBe(true);
    expect(net.specs[at].defaults.availability.value).toEqual({ type: 'managed', availability: 0.9999 });
    const redisNet = prepare(shop({ cache: { technology: 'redis' } })).net;
    expect(redisNet.specs[at].managed).toBe(false);
    const busier = evaluate(design, { users: 4_000_000 }, { stages: false });
    // $0.125 per GB-hour (1 GB) plus per-request charges that double with the reads.
    const fixed = 0.125 * 730;
    expect(e.nodes.cache.monthlyCostUsd).toBeGreaterThan(fixed);
    expect(busier.nodes.cache.monthlyCostUsd - fixed).toBeCloseTo(2 * (e.nodes.cache.monthlyCostUsd - fixed), 6);
    // A node-based cache costs the same at any load.
    const node = (users: number) => evaluate(shop({ cache: { technology: 'redis' }, users }), undefined, { stages: false }).nodes.cache.monthlyCostUsd;
    expect(node(4_000_000)).toBe(node(2_000_000));
  });

  it('an explicit param beats the technology\'s default, which beats the kind\'s', () => {
    const e = evaluate(shop({ cache: { technology: 'memcached', size: 'large', cores: 1 } }), undefined, { stages: false });
    expect(e.nodes.cache.cores).toBe(1);
    const d = evaluate(shop({ cache: { technology: 'memcached', size: 'large' } }), undefined, { stages: false });
    expect(d.nodes.cache.cores).toBe(4);
    const g = evaluate(shop({ cache: { size: 'large' } }), undefined, { stages: false });
    expect(g.nodes.cache.cores).toBe(1);
  });
});

describe('relational databases (SOURCES.md §1, §4, §10)', () => {
  it('Aurora takes about 1.58× the TPC-B writes of RDS PostgreSQL on the same cores (11,443–12,628 vs 7,152–8,133 TPS)', () => {
    // CPU alone: the volume's IOPS are the same gp3 model on both (docs/model.md §14.1).
    const cpu = (tech: string) =>
      evaluate(shop({ db: { technology: tech }, workload: { readRatio: 0, staticShare: 0 }, users: 5_000_000 }), undefined, { stages: false }).nodes.db.cpuUtilization;
    const ratio = cpu('postgresql') / cpu('aurora');
    expect(ratio).toBeGreaterThanOrEqual(11_443 / 8_133);
    expect(ratio).toBeLessThanOrEqual(12_628 / 7_152);
  });

  it('Aurora fails over in under 60 s (30 s), RDS Multi-AZ in 60–120 s: a primary with a standby is more available on Aurora', () => {
    const design = shop({ db: { standby: true } });
    const pg = evaluate({ ...design, nodes: design.nodes.map((n) => (n.id === 'db' ? { ...n, params: { ...n.params, technology: 'postgresql' } } : n)) }, undefined, { stages: false });
    const aurora = evaluate({ ...design, nodes: design.nodes.map((n) => (n.id === 'db' ? { ...n, params: { ...n.params, technology: 'aurora' } } : n)) }, undefined, { stages: false });
    const mtbf = 60 * 24;
    expect(pg.nodes.db.availability).toBeCloseTo(mtbf / (mtbf + 1.5 / 60), 12);
    expect(aurora.nodes.db.availability).toBeCloseTo(mtbf / (mtbf + 0.5 / 60), 12);
    // Downtime a month: about 3× less.
    expect((1 - pg.nodes.db.availability) / (1 - aurora.nodes.db.availability)).toBeGreaterThan(2.9);
  });

  it('read replicas follow their primary\'s technology: an Aurora replica reads the shared volume (no storage bill, a twentieth of the replay)', () => {
    const generic = evaluate(shop({ replica: { instances: 2 } }), undefined, { stages: false });
    const aurora = evaluate(shop({ db: { technology: 'aurora' }, replica: { instances: 2 } }), undefined, { stages: false });
    expect(aurora.consistency.replicas[0].technology).toBe('aurora');
    expect(aurora.nodes.r.utilization).toBeLessThan(generic.nodes.r.utilization);
    // A generic replica pays for its own copy of the data; an Aurora one only for its instance (about 20% above RDS, unverified).
    const instanceUsd = (e: typeof generic) => e.cost.lines.find((l) => l.id === 'r')!.usd;
    expect(generic.nodes.r.monthlyCostUsd).toBeGreaterThan(instanceUsd(generic));
    expect(aurora.nodes.r.monthlyCostUsd).toBeCloseTo(instanceUsd(aurora), 9);
    expect(instanceUsd(aurora)).toBeCloseTo(1.2 * instanceUsd(generic), 9);
  });

  it('Aurora refuses more than 15 replicas with an error finding; 15 is fine', () => {
    const over = evaluate(shop({ db: { technology: 'aurora' }, replica: { instances: 16 } }), undefined, { stages: false });
    const limit = over.findings.find((f) => f.code === 'replica-limit');
    expect(limit?.severity).toBe('error');
    expect(limit?.message).toMatch(/^Aurora allows at most 15 read replicas per primary; Database has 16\./);
    const fine = evaluate(shop({ db: { technology: 'aurora' }, replica: { instances: 15 } }), undefined, { stages: false });
    expect(fine.findings.some((f) => f.code === 'replica-limit')).toBe(false);
  });
});

describe('what-ifs start from the technology\'s figures', () => {
  it('a slow database is 5× Aurora\'s write statement (0.11 ms), not 5× the generic 0.17 ms', () => {
    const slowed = applyWhatIf(shop({ db: { technology: 'aurora' } }), { type: 'slow-database' }).design;
    expect(slowed.nodes.find((n) => n.id === 'db')!.params!.serviceMs!.write).toBeCloseTo(5 * 0.11, 12);
    const generic = applyWhatIf(shop(), { type: 'slow-database' }).design;
    expect(generic.nodes.find((n) => n.id === 'db')!.params!.serviceMs!.write).toBeCloseTo(5 * 0.17, 12);
  });
});

describe('consistency: replica lag, stale reads, read-your-writes', () => {
  it('a design whose reads reach only primaries and caches keeps read-your-writes and has no stale reads', () => {
    const e = evaluate(shop({ cache: {} }), undefined, { stages: false });
    expect(e.consistency.readYourWrites).toBe(true);
    expect(e.consistency.staleReadShare).toBe(0);
  });

  it('Aurora replica lag stays well under 100 ms at moderate load ("usually much less than 100 milliseconds", SOURCES.md §4)', () => {
    const e = evaluate(shop({ db: { technology: 'aurora' }, replica: { instances: 2 } }), undefined, { stages: false });
    const r = e.consistency.replicas[0];
    expect(r.fallingBehind).toBe(false);
    expect(r.lagMs).toBeLessThan(100);
    expect(e.consistency.readYourWrites).toBe(false);
    expect(e.consistency.staleReadShare).toBeGreaterThan(0);
    expect(e.consistency.staleReadShare).toBeLessThan(0.05);
  });

  it('PostgreSQL replays on one thread: at the same writes its replay is 4× as busy as MySQL\'s four, and past one core it falls behind for good', () => {
    const heavy = (tech: string) =>
      evaluate(shop({ db: { technology: tech, cores: 64 }, replica: { instances: 8, size: 'xlarge' }, users: 20_000_000, workload: { readRatio: 0.8 } }), undefined, { stages: false });
    const pg = heavy('postgresql').consistency.replicas[0];
    const my = heavy('mysql').consistency.replicas[0];
    expect(pg.replayUtilization / my.replayUtilization).toBeCloseTo(4, 6);
    expect(pg.replayUtilization).toBeGreaterThan(1);
    expect(my.replayUtilization).toBeLessThan(1);
    expect(pg.fallingBehind).toBe(true);
    expect(pg.why).toMatch(/^replay cannot keep up with [\d,]+ writes\/s \(one replay thread at \d+%\)/);
    expect(pg.lagMs).toBeGreaterThan(60_000);
    expect(heavy('postgresql').findings.some((f) => f.code === 'replica-lag' && f.nodeId === 'r')).toBe(true);
  });

  it('the stale share grows with the lag and the write rate, and is 0 without writes', () => {
    expect(staleProbability(1e6, 0, 0.01)).toBe(0);
    const base = staleProbability(1e6, 1000, 0.01);
    expect(staleProbability(1e6, 1000, 0.1)).toBeGreaterThan(base);
    expect(staleProbability(1e6, 10_000, 0.01)).toBeGreaterThan(base);
    expect(staleProbability(1e6, 1000, 1e9)).toBeCloseTo(1, 3);
    // One record written at 10/s and read with lag 0.1 s: 1 − e^(−1).
    expect(staleProbability(1, 10, 0.1)).toBeCloseTo(1 - Math.exp(-1), 9);
  });

  it('a target can demand a stale-read ceiling or read-your-writes, judged by the one stage rubric', () => {
    const design = shop({ replica: { instances: 2 }, users: 1_000_000 });
    const p = prepare(design);
    const spec = { ...STAGES[3], consistency: { maxStaleReadShare: 0.0001, readYourWrites: true } };
    const w = resolveWorkload(undefined, { users: spec.users });
    const checks = run(p.state, w, LAT_ALL, p.spare);
    const m: StageMeasures = {
      maxUtilization: 0.5,
      bottleneckId: null,
      saturatedIds: [],
      storageFullIds: [],
      bottleneckName: null,
      saturatedNames: [],
      storageFullNames: [],
      unhandledRate: 0,
      shedRate: 0,
      p95ReadMs: 1,
      p95WriteMs: 1,
      userStaticP95Ms: null,
      availability: 1,
      flashErrorRate: null,
      monthlyCostUsd: 1,
      causes: {},
      comparisons: {},
    };
    const judged = judgeStage(spec, m, p.state, collectFindings(p.state, checks));
    const ryw = judged.checks.find((c) => c.id === 'consistency-read-your-writes')!;
    const stale = judged.checks.find((c) => c.id === 'consistency-stale')!;
    expect(ryw.passed).toBe(false);
    expect(stale.passed).toBe(false);
    expect(judged.passed).toBe(false);
    // The same stage without the demand adds no such check.
    expect(judgeStage(STAGES[3], m, p.state, []).checks.some((c) => c.id.startsWith('consistency'))).toBe(false);
    // A design without replicas meets both.
    expect(consistencyChecks({ readYourWrites: true, maxStaleReadShare: 0 }, evaluate(shop({ cache: {} }), undefined, { stages: false }).consistency).every((c) => c.passed)).toBe(true);
  });
});
