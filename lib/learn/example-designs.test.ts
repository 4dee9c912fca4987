import { describe, expect, it } from 'vitest';
import { parseDesign } from '@/lib/design/schema';
import { evaluate, type Design, type Evaluation, type Workload } from '@/lib/engine';
import * as D from './example-designs';
import { failingShare, offeredUserRps } from './example-stats';

/**
 * Each live example in the guides turns one control; these tests check that
 * turning it moves the numbers the example shows, in the direction the prose
 * around it claims.
 */
const ev = (design: Design, workload?: Partial<Workload>): Evaluation => evaluate(design, workload, { stages: false });

describe('example designs', () => {
  it('are all valid design documents', () => {
    const designs = [
      D.peakLoadDesign(1e6),
      D.utilizationDesign(40_000),
      D.hitRatioDesign(0.8),
      D.cdnDesign(0.9),
      D.replicaDesign(0),
      D.replicaDesign(3),
      D.shardDesign(4, 1),
      D.instancesDesign(2),
      D.queueDesign(10),
      D.bottleneckDesign(1e6, 4),
      D.queryCostDesign(1),
      D.storeDesign('relational', 1e6),
      D.storeDesign('nosql-6', 1e6),
      D.serviceChainDesign(3, true),
      D.monitoringDesign(true),
      D.rateLimitDesign(0),
      D.rateLimitDesign(4000),
      D.autoscaleDesign(0.6),
      D.regionsDesign(2, 60),
      D.consistencyDesign('local-copy'),
      D.latencyBudgetDesign(true, true),
      D.wiringDesign({ appToCache: false, cacheToDb: false, appToDb: false, queueToWorker: false }),
      D.availabilityShapeDesign('lone-server'),
      D.availabilityShapeDesign('app-pair-lb', true),
      D.availabilityShapeDesign('db-standby'),
    ];
    for (const d of designs) {
      const parsed = parseDesign(d);
      expect(parsed.ok, `${d.name}: ${parsed.ok ? '' : JSON.stringify(parsed.issues)}`).toBe(true);
    }
  });

  it('peak load grows with users and the peak factor', () => {
    const a = ev(D.peakLoadDesign(1e6)).offered.total;
    expect(ev(D.peakLoadDesign(1e7)).offered.total).toBeCloseTo(a * 10, 6);
    expect(ev(D.peakLoadDesign(1e6), { peakFactor: 6 }).offered.total).toBeGreaterThan(a);
  });

  it('one server: latency climbs much faster than utilisation, then saturates', () => {
    const low = ev(D.utilizationDesign(40_000)).nodes.server;
    const high = ev(D.utilizationDesign(100_000)).nodes.server;
    expect(high.utilization / low.utilization).toBeLessThan(3);
    expect(high.responseMs.p95 / low.responseMs.p95).toBeGreaterThan(5);
    expect(ev(D.utilizationDesign(115_000)).nodes.server.saturated).toBe(true);
  });

  it('a higher cache hit ratio sends fewer reads to the database', () => {
    const none = ev(D.hitRatioDesign(0)).nodes.db;
    const most = ev(D.hitRatioDesign(0.9)).nodes.db;
    expect(none.saturated).toBe(true);
    expect(most.arrivalRps.read).toBeLessThan(none.arrivalRps.read * 0.11);
    expect(most.utilization).toBeLessThan(0.8);
  });

  it('a higher CDN hit ratio sends fewer requests to the origin and speeds up static files', () => {
    const low = ev(D.cdnDesign(0.5));
    const high = ev(D.cdnDesign(0.99));
    expect(high.nodes.storage.arrivalRps.static).toBeLessThan(low.nodes.storage.arrivalRps.static / 10);
    expect(high.endToEnd.latencyMs.static.p95).toBeLessThan(low.endToEnd.latencyMs.static.p95);
  });

  it('replicas take the reads off the primary; one replica is itself a single point of failure', () => {
    const none = ev(D.replicaDesign(0));
    const one = ev(D.replicaDesign(1));
    const two = ev(D.replicaDesign(2));
    expect(none.nodes.db.utilization).toBeGreaterThan(0.8);
    expect(two.nodes.db.utilization).toBeLessThan(none.nodes.db.utilization / 2);
    expect(one.spofs).toContain('replica');
    expect(two.spofs).not.toContain('replica');
    expect(two.nodes.replica.utilization).toBeLessThan(one.nodes.replica.utilization);
  });

  it('skew loads the hottest shard; more shards relieve it', () => {
    expect(ev(D.shardDesign(1, 0)).nodes.db.saturated).toBe(true);
    const even = ev(D.shardDesign(4, 0)).nodes.db.utilization;
    expect(ev(D.shardDesign(4, 2)).nodes.db.utilization).toBeCloseTo(even * 3, 1);
    expect(ev(D.shardDesign(8, 2)).nodes.db.utilization).toBeLessThan(ev(D.shardDesign(4, 2)).nodes.db.utilization);
  });

  it('a second app instance removes the app tier as a single point of failure', () => {
    const one = ev(D.instancesDesign(1));
    const two = ev(D.instancesDesign(2));
    expect(one.nodes.app.spof).toBe(true);
    expect(two.nodes.app.spof).toBe(false);
    expect(two.endToEnd.availability).toBeGreaterThan(one.endToEnd.availability);
  });

  it('more workers leave a smaller backlog that drains sooner; too few never drain', () => {
    const few = ev(D.queueDesign(4)).nodes.queue.queue!;
    const some = ev(D.queueDesign(10)).nodes.queue.queue!;
    const many = ev(D.queueDesign(20)).nodes.queue.queue!;
    expect(few.drainSeconds).toBeNull();
    expect(many.backlogJobs).toBeLessThan(some.backlogJobs);
    expect(many.drainSeconds!).toBeLessThan(some.drainSeconds!);
  });

  it('the queue example variants respond to events per write and job cost', () => {
    const w = D.queueDesign(40);
    expect(ev(w, { asyncShare: 1 }).jobs.queuedRps).toBeGreaterThan(ev(w, { asyncShare: 0.2 }).jobs.queuedRps);
    const w12 = D.queueDesign(12);
    expect(ev(w12, { jobServiceMs: 500 }).nodes.queue.queue!.backlogJobs).toBeGreaterThan(ev(w12, { jobServiceMs: 100 }).nodes.queue.queue!.backlogJobs);
  });

  it('the bottleneck moves from the app tier to the database as app servers are added', () => {
    expect(ev(D.bottleneckDesign(1e6, 4)).bottleneck.nodeId).toBe('app');
    expect(ev(D.bottleneckDesign(5e6, 60)).bottleneck.nodeId).toBe('db');
  });

  it('costlier reads load the database until it saturates', () => {
    // serviceMs.read is per query since model v2 (a read makes queriesPerRead = 10):
    // the model's indexed 0.15 ms leaves room, a 1 ms scan saturates the primary.
    expect(ev(D.queryCostDesign(0.15)).nodes.db.utilization).toBeLessThan(0.5);
    expect(ev(D.queryCostDesign(0.15)).nodes.db.utilization).toBeLessThan(ev(D.queryCostDesign(0.3)).nodes.db.utilization);
    expect(ev(D.queryCostDesign(1)).nodes.db.saturated).toBe(true);
  });

  it('a relational primary saturates where a partitioned store does not', () => {
    expect(ev(D.storeDesign('relational', 5e6)).nodes.store.saturated).toBe(true);
    expect(ev(D.storeDesign('nosql-3', 5e6)).nodes.store.saturated).toBe(false);
    expect(ev(D.storeDesign('nosql-6', 1e6)).nodes.store.monthlyCostUsd).toBeGreaterThan(ev(D.storeDesign('nosql-3', 1e6)).nodes.store.monthlyCostUsd);
  });

  it('each service in a synchronous chain adds latency; without spares it also costs availability', () => {
    expect(ev(D.serviceChainDesign(4, true)).endToEnd.latencyMs.read.p95).toBeGreaterThan(ev(D.serviceChainDesign(1, true)).endToEnd.latencyMs.read.p95);
    expect(ev(D.serviceChainDesign(4, false)).endToEnd.availability).toBeLessThan(ev(D.serviceChainDesign(1, false)).endToEnd.availability);
    expect(ev(D.serviceChainDesign(4, true)).endToEnd.availability).toBeGreaterThan(ev(D.serviceChainDesign(4, false)).endToEnd.availability);
  });

  it('monitoring raises availability by shortening repairs', () => {
    expect(ev(D.monitoringDesign(true)).nodes.db.availability).toBeGreaterThan(ev(D.monitoringDesign(false)).nodes.db.availability);
  });

  it("a rate limit turns a spike's timeouts into fast rejections, which still count as failures", () => {
    const spike = { users: 3_000_000 };
    const open = ev(D.rateLimitDesign(0), spike);
    const limited = ev(D.rateLimitDesign(3500), spike);
    expect(open.endToEnd.errorRate).toBeGreaterThan(0.01);
    expect(limited.endToEnd.shedRps).toBeGreaterThan(0);
    expect(limited.endToEnd.errorRate).toBeLessThan(0.001);
    // Shed requests are failures to their users (model v2): the example's "Requests failing" includes them.
    expect(failingShare(limited)).toBeGreaterThan(limited.endToEnd.shedRps / offeredUserRps(limited) - 1e-9);
    expect(failingShare(limited)).toBeGreaterThan(failingShare(open));
    expect(limited.endToEnd.availability).toBeLessThan(1 - failingShare(limited) + 1e-6);
    expect(limited.endToEnd.latencyMs.read.p95).toBeLessThan(open.endToEnd.latencyMs.read.p95 / 10);
  });

  it('a higher autoscaling target runs fewer, busier instances', () => {
    const low = ev(D.autoscaleDesign(0.3)).nodes.app;
    const high = ev(D.autoscaleDesign(0.8)).nodes.app;
    expect(high.instances).toBeLessThan(low.instances);
    expect(high.monthlyCostUsd).toBeLessThan(low.monthlyCostUsd);
  });

  it('two regions count as redundant only when each can carry the other', () => {
    expect(ev(D.regionsDesign(2, 30)).regions.parallel).toBe(false);
    const both = ev(D.regionsDesign(2, 60));
    expect(both.regions.parallel).toBe(true);
    expect(both.endToEnd.availability).toBeGreaterThan(ev(D.regionsDesign(1, 60)).endToEnd.availability);
  });

  it('a local copy is faster to read than a leader in another region', () => {
    expect(ev(D.consistencyDesign('local-copy')).endToEnd.latencyMs.read.p95).toBeLessThan(ev(D.consistencyDesign('leader')).endToEnd.latencyMs.read.p95);
  });

  it('a CDN shortens static requests as users perceive them, not server-side', () => {
    // Model v2 measures server-side latency from the entry of the serving
    // region, so the user's trip to the region is no longer in it: a CDN's
    // miss even adds its 40 ms fetch from the origin there. What the CDN
    // removes is the far users' round trips (3 for a first asset, 80–230 ms
    // each to one region; 12–38 ms to an edge), so the example's audience is
    // global and the claim is about the user-perceived p95.
    const withCdn = ev(D.latencyBudgetDesign(true, false), D.LATENCY_BUDGET_WORKLOAD).endToEnd.latencyMs;
    const without = ev(D.latencyBudgetDesign(false, false), D.LATENCY_BUDGET_WORKLOAD).endToEnd.latencyMs;
    expect(withCdn.userPerceived.static.p95).toBeLessThan(without.userPerceived.static.p95 / 3);
    expect(without.userPerceived.static.p95).toBeGreaterThan(400);
    expect(withCdn.userPerceived.static.p95).toBeLessThan(400);
  });

  it('availability shapes: deploys and hand repair sink a lone app, a load balancer fixes it; monitoring cannot make a lone database highly available', () => {
    const a = (shape: D.AvailabilityShape, monitored = false) =>
      ev(D.availabilityShapeDesign(shape, monitored)).nodes[D.AVAILABILITY_SUBJECT[shape]].availability;
    // MODEL.md §9.3 worked figures (MTBF 60 days).
    expect(a('lone-app')).toBeCloseTo(0.99757, 5);
    expect(a('app-no-lb')).toBeCloseTo(a('lone-app'), 9);
    expect(a('app-pair-lb')).toBeGreaterThan(0.99999);
    expect(a('lone-db')).toBeCloseTo(0.99688, 5);
    expect(a('lone-db', true)).toBeCloseTo(0.99721, 5);
    expect(a('db-standby')).toBeGreaterThan(0.99998);
    expect(a('lone-server')).toBeLessThan(a('lone-db'));
  });

  it('a missing connection shows up as unhandled traffic', () => {
    const all = { appToCache: true, cacheToDb: true, appToDb: true, queueToWorker: true };
    expect(ev(D.wiringDesign(all)).findings.filter((f) => f.code === 'unhandled-traffic')).toEqual([]);
    const missing = ev(D.wiringDesign({ ...all, cacheToDb: false }));
    expect(missing.findings.some((f) => f.code === 'unhandled-traffic' && f.nodeId === 'cache')).toBe(true);
    expect(missing.endToEnd.errorRate).toBeGreaterThan(0);
  });
});
