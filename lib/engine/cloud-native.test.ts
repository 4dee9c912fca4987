import { describe, expect, it } from 'vitest';
import { defaultHop, edgeLatencyHelp } from '@/lib/editor/param-meta';
import { clusterRamp, serverlessRamp } from './cloud-native';
import { compile } from './compile';
import { validateDesign } from './validate';
import { evaluate } from './evaluate';
import { HOURLY_PRICES, HOURS_PER_MONTH } from './prices';
import type { Design, DesignNode, Workload } from './types';

/** Users → load balancer → the compute under test → a NoSQL store with room to spare. */
function design(compute: Omit<DesignNode, 'id'>, workload: Workload): Design {
  return {
    schemaVersion: 1,
    workload: { staticShare: 0, asyncShare: 0, ...workload },
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
  };
}
const run = (compute: Omit<DesignNode, 'id'>, workload: Workload) => evaluate(design(compute, workload), undefined, { stages: false });
/** Users a day that make `rps` requests a second on average (50 requests per user a day, the default). */
const usersFor = (rps: number) => (rps * 86_400) / 50;
const appTier = { kind: 'app-server', params: { autoscale: { min: 2, max: 1000, target: 0.7 }, stateless: true } } as const;

describe('serverless function (SOURCES.md §13, AWS Lambda)', () => {
  it('serves at most 10 × concurrency requests a second: 10,000 with the default 1,000, and throttles the rest', () => {
    const at = (rps: number, concurrency?: number) =>
      run({ kind: 'serverless', params: concurrency ? { concurrency } : {} }, { users: usersFor(rps / 2), peakFactor: 2 }).nodes.fn;
    expect(at(8_000).servedRps.total).toBeCloseTo(8_000, 0);
    const over = at(20_000);
    expect(over.servedRps.total).toBeCloseTo(10_000, 0);
    expect(over.serverless!.maxRps).toBe(10_000);
    expect(over.failedRps).toBeCloseTo(10_000, 0);
    // A raised limit (AWS raises it to tens of thousands on request) carries the load.
    expect(at(20_000, 3_000).servedRps.total).toBeCloseTo(20_000, 0);
  });

  it('is held by concurrency, not the RPS rule, when an invocation runs longer than 100 ms: 1,000 × 200 ms serves 5,000/s', () => {
    const e = run({ kind: 'serverless', params: { latencyMs: 200 } }, { users: usersFor(4_000), peakFactor: 2 });
    expect(e.nodes.fn.serverless!.maxRps).toBe(5_000);
    expect(e.nodes.fn.servedRps.total).toBeCloseTo(5_000, 0);
    expect(e.findings.some((f) => f.code === 'serverless-throttled' && f.nodeId === 'fn')).toBe(true);
  });

  it('keeps cold starts out of the p99 of a busy function (under 1 % cold) and puts the 171–185 ms init in the p99 of a rarely called one', () => {
    const busy = run({ kind: 'serverless' }, { users: 100_000 }).nodes.fn;
    expect(busy.serverless!.coldStartShare).toBeLessThan(0.01);
    expect(busy.responseMs.p99).toBe(25);
    // About 30 calls an hour: most gaps between calls outlast the idle environment.
    const rare = run({ kind: 'serverless' }, { users: 10 }).nodes.fn;
    expect(rare.serverless!.coldStartShare).toBeGreaterThan(0.01);
    expect(rare.responseMs.p99).toBe(25 + 180);
    // A 64 MB package starts in about 3.1 s (SOURCES.md §13): the end-to-end p99 shows it.
    const big = run({ kind: 'serverless', params: { initMs: 3_110 } }, { users: 10 });
    expect(big.endToEnd.latencyMs.read.p99).toBeGreaterThan(3_110);
    expect(run({ kind: 'serverless', params: { initMs: 3_110 } }, { users: 100_000 }).endToEnd.latencyMs.read.p99).toBeLessThan(100);
  });

  it('bills $0.20 per million requests plus $0.0000166667 per GB-second, on the average hour', () => {
    const e = run({ kind: 'serverless', params: { memoryMB: 1024, latencyMs: 100 } }, { users: usersFor(10), peakFactor: 3 });
    const calls = 10 * HOURS_PER_MONTH * 3600;
    expect(e.nodes.fn.monthlyCostUsd).toBeCloseTo((calls / 1e6) * 0.2 + calls * 0.1 * 1 * 0.0000166667, 2);
    // The peak does not change the bill: only calls made are paid for.
    expect(run({ kind: 'serverless', params: { memoryMB: 1024, latencyMs: 100 } }, { users: usersFor(10), peakFactor: 8 }).nodes.fn.monthlyCostUsd).toBeCloseTo(
      e.nodes.fn.monthlyCostUsd,
      6,
    );
  });

  it('is cheaper than two always-on app servers at low load and dearer at high steady load; they cross near 105 requests/s on average', () => {
    const cost = (compute: Omit<DesignNode, 'id'>, rps: number) => run(compute, { users: usersFor(rps), peakFactor: 1 }).nodes.fn.monthlyCostUsd;
    expect(cost({ kind: 'serverless' }, 10)).toBeLessThan(cost(appTier, 10) / 10);
    expect(cost({ kind: 'serverless' }, 2_000)).toBeGreaterThan(cost(appTier, 2_000) * 3);
    // Where the bills meet: two m6g.large ($112/month) against $0.408 per million 512 MB × 25 ms calls.
    let lo = 10;
    let hi = 2_000;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (cost({ kind: 'serverless' }, mid) < cost(appTier, mid)) lo = mid;
      else hi = mid;
    }
    const perCall = 0.2e-6 + 0.5 * 0.025 * 0.0000166667;
    const twoServers = 2 * HOURLY_PRICES['ec2-m6g.large'].usdPerHour * HOURS_PER_MONTH;
    expect(lo).toBeCloseTo(twoServers / perCall / (HOURS_PER_MONTH * 3600), -1);
    expect(lo).toBeGreaterThan(90);
    expect(lo).toBeLessThan(120);
  });

  it('has no instance of its own to fail: managed at the Lambda SLA (99.95 %), never a single point of failure', () => {
    const e = run({ kind: 'serverless' }, { users: 100_000 });
    expect(e.nodes.fn.availability).toBe(0.9995);
    expect(e.nodes.fn.spof).toBe(false);
  });

  it('adds 1,000 environments every 10 s in a flash crowd: 1,000 → 6,000 takes 50 s and turns part of the crowd away', () => {
    const r = serverlessRamp(10_000, 60_000, 25, 10_000);
    expect(r.rampSeconds).toBeCloseTo(50, 6);
    // Over the 5-minute crowd: half the 50 s shortfall (5/6 of the crowd at the start) is lost.
    expect(r.lostShare).toBeCloseTo((50 * (5 / 6)) / 2 / 300, 3);
    const e = run({ kind: 'serverless', params: { concurrency: 10_000 } }, { users: usersFor(6_000), peakFactor: 2, flashFactor: 5 });
    // 1,200 environments at the 12,000/s peak; the load balancer passes at most 50,000/s of the crowd: 5,000 environments, 38 s.
    expect(e.nodes.fn.serverless!.flash!.rampSeconds).toBeCloseTo(38, 6);
    expect(e.findings.some((f) => f.code === 'serverless-flash-ramp')).toBe(true);
  });
});

describe('the stage 8 flash crowd counts the serverless ramp (MODEL.md §9.5)', () => {
  it('fails the part of the crowd a function turns away while it adds environments; servers the model scales at once fail none', () => {
    const design = (compute: Omit<DesignNode, 'id'>): Design => ({
      schemaVersion: 1,
      workload: { users: 1_000, staticShare: 0, asyncShare: 0 },
      nodes: [
        { id: 'u', kind: 'users' },
        { id: 'rl', kind: 'rate-limiter', params: { instances: 20, limitRps: 300_000 } },
        { id: 'fn', ...compute },
        { id: 'db', kind: 'nosql', params: { instances: 400 } },
      ],
      edges: [
        { id: 'e1', source: 'u', target: 'rl' },
        { id: 'e2', source: 'rl', target: 'fn' },
        { id: 'e3', source: 'fn', target: 'db' },
      ],
    });
    const flash = (compute: Omit<DesignNode, 'id'>) =>
      evaluate(design(compute)).stages!.find((s) => s.stage === 8)!.checks.find((c) => c.id === 'flash-crowd')!.value;
    // Stage 8: 100M users, 50 requests a day, peak ×3 = 173,611/s; the crowd is 5×, the limiter passes 300,000/s of it.
    const peak = (100e6 * 50 * 3) / 86_400;
    const ramp = serverlessRamp(peak, 300_000, 25, 40_000);
    expect(ramp.rampSeconds).toBeCloseTo((30_000 - peak / 10) / 100, 6);
    expect(flash({ kind: 'serverless', params: { concurrency: 40_000 } })).toBeCloseTo((ramp.lostShare * 300_000) / (5 * peak), 6);
    expect(flash({ kind: 'serverless', params: { concurrency: 40_000 } })).toBeGreaterThan(0.03);
    expect(flash({ kind: 'app-server', params: { autoscale: { min: 2, max: 5_000, target: 0.7 }, stateless: true } })).toBe(0);
  });
});

describe('container cluster (Kubernetes HPA, SOURCES.md §13)', () => {
  it('bills nodes of 4 pods (m6g.xlarge) plus the $0.10/h control plane, not pods', () => {
    const e = run({ kind: 'container-cluster', params: { instances: 6 } }, { users: 10_000 });
    const node = 2 * HOURLY_PRICES['ec2-m6g.large'].usdPerHour;
    expect(e.nodes.fn.cluster).toMatchObject({ pods: 6, podsPerNode: 4, nodes: 2 });
    expect(e.nodes.fn.monthlyCostUsd).toBeCloseTo((2 * node + 0.1) * HOURS_PER_MONTH, 6);
    // Pods per node follow the node size: a medium node (2 vCPU) holds 2 one-core pods.
    expect(run({ kind: 'container-cluster', params: { instances: 6, size: 'medium' } }, { users: 10_000 }).nodes.fn.cluster!.nodes).toBe(3);
  });

  it('takes minutes to meet a flash crowd: the autoscaler reacts after 30 s and at most doubles pods each minute', () => {
    // 4 pods at the peak, a crowd needing 20: 4 → 8 → 16 → 20, new nodes 90 s more.
    const r = clusterRamp(4, 20, 100, 4);
    expect(r.rampSeconds).toBeGreaterThanOrEqual(30 + 2 * 60);
    expect(r.lostShare).toBeGreaterThan(0.2);
    // Enough pods kept running: nothing to wait for.
    expect(clusterRamp(20, 20, 100, 4)).toEqual({ rampSeconds: 0, lostShare: 0 });
    // The same crowd through the engine: the ramp shows as a share of the crowd lost.
    const e = run(
      { kind: 'container-cluster', params: { autoscale: { min: 2, max: 400, target: 0.6 } } },
      { users: usersFor(500), flashFactor: 5 },
    );
    expect(e.nodes.fn.cluster!.flash!.lostShare).toBeGreaterThan(0.1);
    expect(e.findings.some((f) => f.code === 'cluster-flash-ramp')).toBe(true);
  });
});

describe('service mesh sidecar (Istio/Envoy figures)', () => {
  it('adds 2.65 ms to a call between two meshed services (1.325 ms per proxy) and marks them mTLS', () => {
    const chain = (mesh: boolean): Design => ({
      schemaVersion: 1,
      workload: { users: 10_000, staticShare: 0, asyncShare: 0, readRatio: 1 },
      nodes: [
        { id: 'u', kind: 'users' },
        { id: 'a', kind: 'service', params: { instances: 4, mesh } },
        { id: 'b', kind: 'service', params: { instances: 4, mesh } },
        { id: 'db', kind: 'nosql' },
      ],
      edges: [
        { id: 'e1', source: 'u', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
        { id: 'e3', source: 'b', target: 'db' },
      ],
    });
    const plain = evaluate(chain(false), undefined, { stages: false });
    const meshed = evaluate(chain(true), undefined, { stages: false });
    // a → b passes two proxies, b → db one; each service's own proxy CPU (0.35 ms in, 0.35 ms out) adds 0.7 ms.
    const added = meshed.endToEnd.latencyMs.read.mean - plain.endToEnd.latencyMs.read.mean;
    expect(added).toBeGreaterThan(2.65 + 1.325);
    expect(added).toBeLessThan(2.65 + 1.325 + 2 * 0.7 + 0.5);
    expect(meshed.nodes.a.mesh).toEqual({ mtls: true, proxyMs: 1.325, proxyCpuMs: 0.35 });
    expect(plain.nodes.a.mesh).toBeUndefined();
    // 0.35 vCPU per 1,000 requests/s through each proxy: the CPU share rises.
    expect(meshed.nodes.a.cpuUtilization).toBeGreaterThan(plain.nodes.a.cpuUtilization);
  });

  it('tells the connection inspector the hop time the engine uses, proxies included', () => {
    const d: Design = {
      schemaVersion: 1,
      nodes: [
        { id: 'lb', kind: 'load-balancer' },
        { id: 'a', kind: 'service', params: { mesh: true } },
        { id: 'b', kind: 'container-cluster', params: { mesh: true } },
        { id: 'db', kind: 'nosql' },
      ],
      edges: [
        { id: 'e1', source: 'lb', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
        { id: 'e3', source: 'b', target: 'db' },
      ],
    };
    const net = compile(d);
    const byId = new Map(d.nodes.map((n) => [n.id, n]));
    const hops = new Map<string, number>();
    for (let r = 0; r < net.routeEdge.length; r++) {
      const e = d.edges[net.routeEdge[r]];
      const [x, y] = [byId.get(e.source)!, byId.get(e.target)!];
      const ms = defaultHop({ kind: x.kind, mesh: x.params?.mesh }, { kind: y.kind, mesh: y.params?.mesh }).ms;
      expect(ms, e.id).toBe(net.routeHop[r]);
      hops.set(e.id, ms);
    }
    expect(hops.get('e2')).toBeCloseTo(0.5 + 2.65, 9);
    expect(edgeLatencyHelp({ kind: 'service', mesh: true }, { kind: 'container-cluster', mesh: true })).toContain('plus 1.325 ms for each of 2 sidecar proxies');
  });
});

describe('bad input for the cloud-native params', () => {
  const one = (kind: DesignNode['kind'], params: Record<string, unknown>) => ({
    schemaVersion: 1,
    nodes: [{ id: 'n', kind, params }],
    edges: [],
  });
  it('refuses params that do not apply, naming what the kind takes', () => {
    const r = validateDesign(one('serverless', { instances: 3 }));
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([
      'nodes[0].params.instances does not apply to a serverless; a serverless takes: concurrency, latencyMs, memoryMB, initMs, region, availability',
    ]);
    const db = validateDesign(one('database', { mesh: true }));
    expect(db.ok ? '' : db.issues[0].message).toContain('mesh does not apply to a database; a database takes:');
    expect(validateDesign(one('service', { mesh: true })).ok).toBe(true);
  });
  it('refuses values a function or cluster cannot have, with the allowed range', () => {
    const low = validateDesign(one('serverless', { memoryMB: 64 }));
    expect(low.ok ? '' : low.issues[0].message).toContain('memoryMB must be at least 128');
    const zero = validateDesign(one('container-cluster', { podsPerNode: 0 }));
    expect(zero.ok ? '' : zero.issues[0].message).toContain('podsPerNode must be at least 1');
  });
});
