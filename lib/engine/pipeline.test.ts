/**
 * Stream processors, warehouses and analytics load (docs/model.md §14.4),
 * against the published figures they are built on.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG, WAREHOUSE } from './catalog';
import { evaluate } from './evaluate';
import { GB_PER_TIB } from './pipeline';
import { USAGE_PRICES } from './prices';
import type { Design, DesignEdge, DesignNode, Workload } from './types';
import { WORKLOAD_DEFAULTS } from './workload';
import { analyticsPipelineDesign } from './test-designs';

/**
 * 30,000 events/s at peak (10,000 on average): 17.28 M users × 50 requests a
 * day × peak factor 3 / 86,400 s, every request a write that publishes one
 * event. The app tier, the queue and the store are sized to carry it, so the
 * stream processor is the only thing under test.
 */
const EVENTS: Workload = { users: 17_280_000, staticShare: 0, readRatio: 0, asyncShare: 1 };

function pipelineDesign(opts: { partitions?: number; processors?: number; warehouse?: boolean; workload?: Workload } = {}): Design {
  const nodes: DesignNode[] = [
    { id: 'users', kind: 'users' },
    { id: 'lb', kind: 'load-balancer' },
    { id: 'app', kind: 'app-server', params: { instances: 10, stateless: true, serviceMs: { write: 0.1 } } },
    { id: 'store', kind: 'nosql', params: { instances: 12 } },
    { id: 'log', kind: 'queue', params: { instances: 2, ...(opts.partitions ? { partitions: opts.partitions } : {}) } },
    { id: 'stream', kind: 'stream-processor', params: { instances: opts.processors ?? 1 } },
  ];
  const edges: DesignEdge[] = [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'store' },
    { id: 'e4', source: 'app', target: 'log' },
    { id: 'e5', source: 'log', target: 'stream' },
  ];
  if (opts.warehouse !== false) {
    nodes.push({ id: 'wh', kind: 'warehouse' });
    edges.push({ id: 'e6', source: 'stream', target: 'wh' });
  }
  return { schemaVersion: 1, workload: opts.workload ?? EVENTS, nodes, edges };
}

const perSlot = 1000 / CATALOG['stream-processor'].defaults.serviceMs!.value.write;

describe('stream processor: parallelism and consumer lag', () => {
  it('processes 10,000 events/s per slot, at or below what one Kafka partition delivers (SOURCES.md §7: 10s of MB/s per partition = 10,000s of 1-KB events/s)', () => {
    expect(perSlot).toBe(10_000);
    // Below a tuned Flink job's 15,600 events/s per slot (docs/model.md §14.4, unverified) ...
    expect(perSlot).toBeLessThanOrEqual(15_600);
    // ... and within what one partition delivers (≥ 10 MB/s): one partition keeps one slot busy.
    expect((perSlot * WORKLOAD_DEFAULTS.eventKB) / 1000).toBeLessThanOrEqual(10);
    const e = evaluate(pipelineDesign({ processors: 2 }), undefined, { stages: false });
    expect(e.nodes.stream.stream!.parallelism).toBe(4);
    expect(e.nodes.stream.stream!.capacityEventsPerSecond).toBeCloseTo(40_000, 6);
  });

  it('is capped by the partitions of the log it reads: 3 instances × 2 slots behind a 4-partition log run 4 in parallel (40,000 events/s, not 60,000)', () => {
    const cappedEval = evaluate(pipelineDesign({ processors: 3, partitions: 4 }), undefined, { stages: false });
    const capped = cappedEval.nodes.stream.stream!;
    expect(cappedEval.findings.find((f) => f.code === 'stream-idle-slots')?.message).toContain('the log has 4 partitions, so 2 of its 6 slots sit idle');
    expect(capped.slots).toBe(6);
    expect(capped.upstreamPartitions).toBe(4);
    expect(capped.parallelism).toBe(4);
    expect(capped.capacityEventsPerSecond).toBeCloseTo(4 * perSlot, 6);
    // Without a partition count nothing caps it; with more partitions than slots the slots decide.
    const free = evaluate(pipelineDesign({ processors: 3 }), undefined, { stages: false }).nodes.stream.stream!;
    expect(free.upstreamPartitions).toBeNull();
    expect(free.capacityEventsPerSecond).toBeCloseTo(6 * perSlot, 6);
    expect(evaluate(pipelineDesign({ processors: 3, partitions: 12 }), undefined, { stages: false }).nodes.stream.stream!.parallelism).toBe(6);
  });

  it('lags when the peak rate exceeds its capacity: 30,000 events/s against 20,000 grows the lag by 10,000/s to 36 M events, drained in 1 h after the peak', () => {
    const e = evaluate(pipelineDesign(), undefined, { stages: false });
    const s = e.nodes.stream.stream!;
    expect(s.peakEventsPerSecond).toBeCloseTo(30_000, 6);
    expect(s.averageEventsPerSecond).toBeCloseTo(10_000, 6);
    expect(s.capacityEventsPerSecond).toBeCloseTo(20_000, 6);
    expect(s.lagGrowthEventsPerSecond).toBeCloseTo(10_000, 6);
    expect(s.maxLagEvents).toBeCloseTo(36_000_000, 0);
    // (peak − capacity) × 3,600 / (capacity − average) = 36 M / 10,000 = 3,600 s.
    expect(s.drainSeconds).toBeCloseTo(3_600, 6);
    expect(s.maxLagSeconds).toBeCloseTo(1_800, 6);
    // The queue's stage-6 backlog is the same number: one path computes both.
    expect(e.nodes.log.queue!.backlogJobs).toBeCloseTo(s.maxLagEvents, 0);
    expect(e.nodes.log.queue!.drainSeconds).toBeCloseTo(s.drainSeconds!, 6);
    const finding = e.findings.find((f) => f.code === 'stream-lag' && f.nodeId === 'stream');
    expect(finding?.message).toContain('10,000 events/s');
    expect(finding?.message).toContain('36,000,000 events');
    expect(finding?.message).toContain('60 min after the peak');
  });

  it('never catches up when partitions hold it at the average rate, and says to add partitions', () => {
    // One partition: parallelism 1, 10,000 events/s = the average, so the peak's lag never drains.
    const e = evaluate(pipelineDesign({ processors: 2, partitions: 1 }), undefined, { stages: false });
    const s = e.nodes.stream.stream!;
    expect(s.parallelism).toBe(1);
    expect(s.maxLagEvents).toBeCloseTo(20_000 * 3600, 0);
    expect(s.drainSeconds).toBeNull();
    const finding = e.findings.find((f) => f.code === 'stream-lag-never-drains');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('Only 1 of its 4 slots have a partition');
  });

  it('keeps up with one more instance: no lag, no lag finding', () => {
    const e = evaluate(pipelineDesign({ processors: 2 }), undefined, { stages: false });
    expect(e.nodes.stream.stream!.maxLagEvents).toBe(0);
    expect(e.nodes.log.queue!.backlogJobs).toBe(0);
    expect(e.findings.some((f) => f.code.startsWith('stream-lag'))).toBe(false);
  });
});

describe('warehouse: fed by the pipeline, analytics off the primary', () => {
  const relational = analyticsPipelineDesign;

  it('60 reports an hour of 10 GB each on the primary hold 1.3 of its 4 cores (gp3 scans at 125 MiB/s, SOURCES.md §2) and slow its queries by 47%', () => {
    const quiet = evaluate(relational(0, false), undefined, { stages: false });
    const busy = evaluate(relational(60, false), undefined, { stages: false });
    const a = busy.nodes.db.analytics!;
    // 10 GB at 131 MB/s = 76 s a scan; 60 an hour keep 60 × 76 / 3,600 = 1.27 cores busy.
    expect(WAREHOUSE.oltpScanMBps.value).toBeCloseTo((125 * 1024 * 1024) / 1e6, 0);
    expect(a.scanSeconds).toBeCloseTo(76.3, 1);
    expect(a.busyCores).toBeCloseTo(1.272, 3);
    expect(busy.nodes.db.cpuUtilization / quiet.nodes.db.cpuUtilization).toBeCloseTo(4 / (4 - 1.2723), 3);
    expect(busy.nodes.db.storageIo!.ioUtilization).toBeGreaterThan(quiet.nodes.db.storageIo!.ioUtilization + 1.27);
    expect(busy.nodes.db.responseMs.p95).toBeGreaterThan(quiet.nodes.db.responseMs.p95);
    const f = busy.findings.find((x) => x.code === 'analytics-on-primary');
    expect(f?.message).toContain('1.3 of its 4 cores');
    expect(f?.message).toContain('47% longer');
  });

  it('even 12 reports an hour on the primary raise its utilisation from 34% to 60% and its p95; a warehouse takes them off', () => {
    const onPrimary = evaluate(relational(12, false), undefined, { stages: false });
    const offloaded = evaluate(relational(12, true), undefined, { stages: false });
    // 12 × 76 s / 3,600 s = 0.25 cores and a quarter of the volume busy; the volume is the tighter of the two.
    expect(onPrimary.nodes.db.analytics!.busyCores).toBeCloseTo(0.254, 3);
    expect(offloaded.nodes.db.utilization).toBeCloseTo(0.341, 3);
    expect(onPrimary.nodes.db.utilization).toBeCloseTo(0.595, 3);
    expect(onPrimary.nodes.db.responseMs.p95).toBeGreaterThan(offloaded.nodes.db.responseMs.p95 * 1.5);
    expect(onPrimary.endToEnd.latencyMs.read.p95).toBeGreaterThan(offloaded.endToEnd.latencyMs.read.p95);
    const f = onPrimary.findings.find((x) => x.code === 'analytics-on-primary')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('7% longer');
  });

  it('with a warehouse in the design, the same reports leave the database exactly as without them', () => {
    const without = evaluate(relational(0, true), undefined, { stages: false });
    const withReports = evaluate(relational(60, true), undefined, { stages: false });
    expect(withReports.nodes.db).toEqual(without.nodes.db);
    expect(withReports.nodes.db.analytics).toBeUndefined();
    expect(withReports.findings.some((f) => f.code === 'analytics-on-primary')).toBe(false);
    const wh = withReports.nodes.wh.warehouse!;
    expect(wh.queriesPerHour).toBe(60);
    // Seconds, not milliseconds: 1 s of overhead + 10 GB at 1 GB/s, longer by the overlap.
    expect(wh.queryLatencySeconds).toBeGreaterThan(10);
    expect(wh.queryLatencySeconds).toBeLessThan(15);
    // 60 × 730 h × 10 GB = 438,000 GB = 398 TiB a month at $6.25 per TiB.
    expect(wh.scannedTiBPerMonth).toBeCloseTo(438_000 / GB_PER_TIB, 6);
    expect(wh.scanUsdPerMonth).toBeCloseTo(398.36 * USAGE_PRICES.warehousePerTiBScannedUsd.value, 0);
  });

  it('grows with the events it ingests: GB a month = events × eventKB, billed at $0.02 per GB-month for a year kept', () => {
    const e = evaluate(relational(0, true), undefined, { stages: false });
    const wh = e.nodes.wh.warehouse!;
    // Jobs behind the queue arrive at the average rate: 1 M × 50 / 86,400 × 0.5 dynamic × 0.1 writes × 0.2 async.
    const average = (1_000_000 * 50 * 0.5 * 0.1 * 0.2) / 86_400;
    expect(wh.ingestEventsPerSecond).toBeCloseTo(average, 6);
    expect(wh.storageGBPerMonth).toBeCloseTo((average * 730 * 3600 * 1) / 1e6, 6);
    const doubled = evaluate({ ...relational(0, true), workload: { users: 1_000_000, eventKB: 2 } }, undefined, { stages: false }).nodes.wh.warehouse!;
    expect(doubled.storageGBPerMonth).toBeCloseTo(2 * wh.storageGBPerMonth, 6);
    expect(wh.storageUsdPerMonth).toBeCloseTo(wh.storageGBPerMonth * 12 * 0.02, 6);
    expect(e.nodes.wh.monthlyCostUsd).toBeCloseTo(wh.storageUsdPerMonth, 6);
  });

  it('is a managed service: no single point of failure', () => {
    const e = evaluate(relational(0, true), undefined, { stages: false });
    expect(e.nodes.wh.spof).toBe(false);
    expect(e.nodes.wh.availability).toBeGreaterThanOrEqual(0.999);
  });
});

describe('old designs', () => {
  it('evaluate exactly as before when the new workload fields are left at their defaults', () => {
    const base = pipelineDesign({ warehouse: false });
    const withDefaults: Design = { ...base, workload: { ...EVENTS, analyticsQueriesPerHour: 0, analyticsScanGB: 10, eventKB: 1 } };
    const { workload: wa, ...a } = evaluate(base);
    const { workload: wb, ...b } = evaluate(withDefaults);
    expect(wb).toEqual(wa);
    expect(b).toEqual(a);
    expect(a.cost.totalUsd).toBeGreaterThan(0);
  });
});
