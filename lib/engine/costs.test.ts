/**
 * The price table and the cost breakdown (MODEL.md §5, §9.2 "Prices", §9.6):
 * every tier priced, list prices within ±20% of SOURCES.md, and the bill's
 * lines adding up to the total.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';
import { SIZE_FACTOR } from './catalog';
import { evaluate } from './evaluate';
import type { Evaluation } from './evaluation';
import {
  HOURLY_PRICES,
  HOURS_PER_MONTH,
  INSTANCE_PRICES,
  PRICES_DATE,
  USAGE_PRICES,
  instancePrice,
  tieredCostUsd,
  tieredRequestCostUsd,
  type PricedSize,
} from './prices';
import { designArb } from './test-arbitraries';
import type { Design } from './types';

const TB = 1000;
const PB = 1024 * TB;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

function linesSum(e: Evaluation): number {
  return e.cost.lines.reduce((a, l) => a + l.usd, 0);
}

function line(e: Evaluation, type: 'egress' | 'cdn' | 'storage' | 'transfer'): number {
  return e.cost.lines.find((l) => l.type === type)!.usd;
}

describe('egress tiers (SOURCES.md §9)', () => {
  it('prices 6 PB of CloudFront egress across every tier, $0.020 over 5 PB included', () => {
    const expected =
      10 * TB * 0.085 + // first 10 TB
      40 * TB * 0.08 + // next 40 TB
      100 * TB * 0.06 + // next 100 TB
      350 * TB * 0.04 + // next 350 TB
      524 * TB * 0.03 + // next 524 TB
      4 * PB * 0.025 + // next 4 PB
      1 * PB * 0.02; // over 5 PB
    expect(tieredCostUsd(6 * PB, USAGE_PRICES.cdnEgressTiers)).toBeCloseTo(expected, 6);
    expect(expected).toBeCloseTo(162_650, 6);
  });

  it('lists the CloudFront tiers exactly as published: bounds 10, 50, 150, 500 TB, 1 PB, 5 PB, then open', () => {
    expect(USAGE_PRICES.cdnEgressTiers.map((t) => [t.upToGB, t.usdPerGB])).toEqual([
      [10 * TB, 0.085],
      [50 * TB, 0.08],
      [150 * TB, 0.06],
      [500 * TB, 0.04],
      [PB, 0.03],
      [5 * PB, 0.025],
      [Number.MAX_VALUE, 0.02],
    ]);
  });

  it('charges each CloudFront GB at its own tier: the marginal price just past each bound is the next tier', () => {
    const tiers = USAGE_PRICES.cdnEgressTiers;
    for (let i = 0; i < tiers.length - 1; i++) {
      const at = tiers[i].upToGB;
      expect(tieredCostUsd(at + 1, tiers) - tieredCostUsd(at, tiers)).toBeCloseTo(tiers[i + 1].usdPerGB, 9);
      expect(tieredCostUsd(at, tiers) - tieredCostUsd(at - 1, tiers)).toBeCloseTo(tiers[i].usdPerGB, 9);
    }
  });

  it('prices 200 TB of internet egress across every tier: $0.09, $0.085, $0.07, then $0.05 over 150 TB', () => {
    expect(USAGE_PRICES.internetEgressTiers.map((t) => t.usdPerGB)).toEqual([0.09, 0.085, 0.07, 0.05]);
    const expected = 10 * TB * 0.09 + 40 * TB * 0.085 + 100 * TB * 0.07 + 50 * TB * 0.05;
    expect(tieredCostUsd(200 * TB, USAGE_PRICES.internetEgressTiers)).toBeCloseTo(expected, 6);
    expect(expected).toBeCloseTo(13_800, 6);
  });

  it('prices API Gateway requests per million across its tiers (listed for managed gateways)', () => {
    expect(tieredRequestCostUsd(400, USAGE_PRICES.apiGatewayHttp.tiers)).toBeCloseTo(300 * 1 + 100 * 0.9, 9);
    expect(tieredRequestCostUsd(25_000, USAGE_PRICES.apiGatewayRest.tiers)).toBeCloseTo(
      333 * 3.5 + 667 * 2.8 + 19_000 * 2.38 + 5_000 * 1.51,
      6,
    );
  });
});

describe('list prices (SOURCES.md "Prices" and §9, us-east-1 on demand)', () => {
  // [type, published $/h, source]: the published figure each row must stay within ±20% of.
  const published: [string, number, string][] = [
    ['t3.medium', 0.0416, 'SOURCES.md Prices'],
    ['t3.large', 0.0832, 'SOURCES.md Prices'],
    ['m5.large', 0.096, 'SOURCES.md Prices'],
    ['c5.large', 0.085, 'SOURCES.md Prices'],
    ['r5.large', 0.126, 'SOURCES.md Prices'],
    ['m6g.large', 0.077, 'SOURCES.md Prices'],
    ['c6g.large', 0.068, 'SOURCES.md Prices'],
    ['m7g.large', 0.0816, 'SOURCES.md Prices'],
    ['db.t4g.micro', 0.016, 'SOURCES.md Prices'],
    ['db.t4g.small', 0.032, 'SOURCES.md Prices'],
    ['db.t4g.medium', 0.065, 'SOURCES.md Prices'],
    ['db.m7g.large', 0.168, 'SOURCES.md §9 (MySQL proxy)'],
    ['db.m7g.xlarge', 0.337, 'SOURCES.md §9 (MySQL proxy)'],
    ['db.r7g.large', 0.239, 'SOURCES.md §9 (MySQL proxy)'],
    ['db.r7g.xlarge', 0.478, 'SOURCES.md §9 (MySQL proxy)'],
    ['cache.t4g.medium', 0.065, 'SOURCES.md Prices'],
    ['cache.m6g.large', 0.149, 'SOURCES.md Prices'],
    ['cache.r6g.large', 0.206, 'SOURCES.md Prices'],
  ];
  it.each(published)('%s is within ±20%% of $%s/h (%s)', (type, usd) => {
    const row = instancePrice(type);
    expect(Math.abs(row.usdPerHour / usd - 1)).toBeLessThanOrEqual(0.2);
  });

  it('usage prices match SOURCES.md: ALB, S3, RDS storage, CloudFront requests, inter-region, log ingestion, SQS, DynamoDB', () => {
    expect(HOURLY_PRICES['alb-hour'].usdPerHour).toBe(0.0225);
    expect(USAGE_PRICES.albLcuHourUsd.value).toBe(0.008);
    expect(USAGE_PRICES.objectStorageGBMonthUsd.value).toBe(0.023);
    expect(USAGE_PRICES.databaseStorageGBMonthUsd.value).toBe(0.115);
    expect(USAGE_PRICES.cdnPer10kRequestsUsd.value).toBe(0.01);
    expect(USAGE_PRICES.interRegionGBUsd.value).toBe(0.02);
    expect(USAGE_PRICES.logIngestionGBUsd.value).toBe(0.5);
    expect(USAGE_PRICES.sqsPerMillionRequestsUsd.value).toBe(0.4);
    expect(USAGE_PRICES.dynamoDbPerMillionReadsUsd.value).toBe(0.125);
    expect(USAGE_PRICES.dynamoDbPerMillionWritesUsd.value).toBe(0.625);
  });

  it("each catalog size costs what its listed instance does (the model doubles per size step; so does each family's list)", () => {
    for (const [key, price] of Object.entries(HOURLY_PRICES)) {
      for (const [size, type] of Object.entries(price.sizes) as [PricedSize, string][]) {
        const model = price.usdPerHour * SIZE_FACTOR[size];
        const listedUsd = instancePrice(type).usdPerHour;
        expect(Math.abs(model / listedUsd - 1), `${key} at ${size} (${type})`).toBeLessThanOrEqual(0.2);
      }
    }
  });

  it('every figure names its source and the date it was checked, no later than the table date', () => {
    for (const row of INSTANCE_PRICES) {
      expect(row.source.length, row.type).toBeGreaterThan(0);
      expect(row.checked <= PRICES_DATE, row.type).toBe(true);
    }
    for (const p of Object.values(HOURLY_PRICES)) expect(p.source.length).toBeGreaterThan(0);
    for (const t of [...USAGE_PRICES.cdnEgressTiers, ...USAGE_PRICES.internetEgressTiers])
      expect(t.source).toMatch(/SOURCES\.md/);
    expect(PRICES_DATE).toBe('2026-12-07');
  });
});

const twoTier = (standby: boolean): Design => ({
  schemaVersion: 1,
  workload: { users: 10_000 },
  nodes: [
    { id: 'users', kind: 'users' },
    { id: 'app', kind: 'app-server' },
    { id: 'db', kind: 'database', params: { standby } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'app' },
    { id: 'e2', source: 'app', target: 'db' },
  ],
});

describe('cost lines (MODEL.md §9.6)', () => {
  it('sum to totalUsd and endToEnd.monthlyCostUsd on random designs', () => {
    fc.assert(
      fc.property(designArb({ autoscale: true }), (d) => {
        const e = evaluate(d, undefined, { stages: false });
        const total = e.cost.totalUsd;
        expect(e.endToEnd.monthlyCostUsd).toBe(total);
        expect(Math.abs(linesSum(e) - total)).toBeLessThanOrEqual(1e-6 * total);
        // One line per component, then the four shared lines, always present.
        expect(e.cost.lines.filter((l) => l.type === 'component').map((l) => l.id)).toEqual(d.nodes.map((n) => n.id));
        expect(e.cost.lines.filter((l) => l.type !== 'component').map((l) => l.type)).toEqual([
          'egress',
          'cdn',
          'storage',
          'transfer',
        ]);
        for (const l of e.cost.lines) expect(l.usd).toBeGreaterThanOrEqual(0);
        // The old fields still agree: byNode plus internet egress is the total.
        const byNode = Object.values(e.cost.byNode).reduce((a, b) => a + b, 0);
        expect(Math.abs(byNode + e.cost.internetEgressUsd - total)).toBeLessThanOrEqual(1e-6 * total);
        expect(
          Math.abs(e.cost.instancesUsd + e.cost.storageUsd + e.cost.usageUsd + e.cost.internetEgressUsd - total),
        ).toBeLessThanOrEqual(1e-6 * total + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('a Multi-AZ database (standby) costs twice the instance-hours of a single-AZ one', () => {
    const single = evaluate(twoTier(false), undefined, { stages: false });
    const multi = evaluate(twoTier(true), undefined, { stages: false });
    const db = (e: Evaluation) => e.cost.lines.find((l) => l.id === 'db')!.usd;
    expect(db(single)).toBeCloseTo(instancePrice('db.m7g.xlarge').usdPerHour * HOURS_PER_MONTH, 6);
    expect(db(multi)).toBeCloseTo(2 * db(single), 6);
  });

  it('one region: the transfer line is present and 0', () => {
    const e = evaluate(twoTier(true), undefined, { stages: false });
    expect(e.cost.lines.find((l) => l.type === 'transfer')).toEqual({
      id: 'transfer',
      label: 'Inter-region transfer',
      type: 'transfer',
      usd: 0,
    });
    expect(e.cost.transferGB).toBe(0);
  });

  const stage8 = REFERENCE_DESIGNS.find((r) => r.stage === 8)!.design;

  it('two regions (stage-8 reference): each write a store accepts goes to the other region, dynamicKB at $0.02/GB', () => {
    const e = evaluate(stage8, undefined, { stages: false });
    const w = e.workload;
    let writesPeak = 0;
    for (const n of Object.values(e.nodes))
      if (n.kind === 'database' || n.kind === 'nosql') writesPeak += n.servedRps.write + n.servedRps.job;
    const gb = ((writesPeak / w.peakFactor) * SECONDS_PER_MONTH * w.dynamicKB) / 1e6;
    expect(gb).toBeGreaterThan(0);
    expect(e.cost.transferGB).toBeCloseTo(gb, 3);
    expect(line(e, 'transfer')).toBeCloseTo(gb * 0.02, 3);
  });

  it('logging is priced by ingestion: about 1 KB per origin request at $0.50/GB, not an instance', () => {
    const e = evaluate(stage8, undefined, { stages: false });
    const w = e.workload;
    const cdnStatic = Object.values(e.nodes)
      .filter((n) => n.kind === 'cdn')
      .reduce((a, n) => a + n.servedRps.static, 0);
    const gb = (((e.offered.total - cdnStatic) / w.peakFactor) * SECONDS_PER_MONTH * 1) / 1e6;
    expect(e.cost.logIngestionGB).toBeCloseTo(gb, 3);
    expect(e.cost.lines.find((l) => l.id === 'logging')!.usd).toBeCloseTo(gb * 0.5, 3);
    // Without a logging component nothing is ingested.
    expect(evaluate(twoTier(false), undefined, { stages: false }).cost.logIngestionGB).toBe(0);
  });

  it('the stage-8 reference bill: component lines exclude storage and CDN egress, which have their own lines', () => {
    const e = evaluate(stage8, undefined, { stages: false });
    expect(Math.abs(linesSum(e) - e.cost.totalUsd)).toBeLessThanOrEqual(1e-6 * e.cost.totalUsd);
    expect(e.cost.lines.find((l) => l.id === 'cdn' && l.type === 'component')!.usd).toBe(0);
    expect(line(e, 'cdn')).toBeCloseTo(e.cost.byNode.cdn, 6);
    expect(line(e, 'egress')).toBe(e.cost.internetEgressUsd);
    expect(line(e, 'storage')).toBe(e.cost.storageUsd);
    // 7.6 PB a month reaches the tier over 5 PB; requests are 100 KB each at $0.01 per 10,000.
    expect(e.cost.cdnEgressGB).toBeGreaterThan(5 * PB);
    const requests = (e.cost.cdnEgressGB * 1e6) / e.workload.staticKB;
    expect(line(e, 'cdn')).toBeCloseTo(
      tieredCostUsd(e.cost.cdnEgressGB, USAGE_PRICES.cdnEgressTiers) + (requests / 10_000) * 0.01,
      3,
    );
  });
});
