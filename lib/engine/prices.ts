/**
 * The dated price table (MODEL.md §5). One file, one date: prices drift, so
 * every figure says where it came from. Region us-east-1, on demand, a month
 * is 730 hours. "unverified" means no primary source was found (see
 * /work/shared/SOURCES.md); such figures are placeholders, listed as such on
 * the model page.
 */

/** The day the table was last checked against its sources. */
export const PRICES_DATE = '2026-10-02';

/** Hours in the billing month used everywhere in the engine. */
export const HOURS_PER_MONTH = 730;

export interface HourlyPrice {
  /** US dollars per instance-hour at size `medium`; each size step doubles it. */
  readonly usdPerHour: number;
  /** What the price is for (the instance type or service it stands for). */
  readonly describes: string;
  readonly source: string;
}

/** Per-instance hourly prices, keyed by the catalog's `priceKey`. */
export const HOURLY_PRICES = {
  'ec2-m5.large': {
    usdPerHour: 0.096,
    describes: 'EC2 m5.large, 2 vCPU general purpose (the stage-1 single server)',
    source: 'SOURCES.md: AWS price list, as cited by several public cost tools',
  },
  'ec2-m6g.large': {
    usdPerHour: 0.077,
    describes: 'EC2 m6g.large, 2 vCPU (app servers, services, workers)',
    source: 'SOURCES.md: AWS price list (June 2026)',
  },
  'ec2-c6g.large': {
    usdPerHour: 0.068,
    describes: 'EC2 c6g.large, 2 vCPU compute optimised (self-hosted gateway or rate limiter)',
    source: 'SOURCES.md: AWS price list (June 2026); mapping a gateway to one c6g.large is unverified',
  },
  'ec2-m5.xlarge': {
    usdPerHour: 0.192,
    describes: 'EC2 m5.xlarge, 4 vCPU (search node)',
    source: 'derived: SOURCES.md m5.large $0.096 doubled for 4 vCPU (AWS prices scale linearly within a family)',
  },
  'ec2-r5.xlarge': {
    usdPerHour: 0.252,
    describes: 'EC2 r5.xlarge, 4 vCPU memory optimised (self-managed NoSQL node)',
    source: 'derived: SOURCES.md r5.large $0.126 doubled for 4 vCPU',
  },
  'ec2-t3.medium': {
    usdPerHour: 0.0416,
    describes: 'EC2 t3.medium (self-hosted monitoring or log collector)',
    source: 'SOURCES.md: AWS price list, as cited by several public cost tools',
  },
  'rds-postgres-4vcpu': {
    usdPerHour: 0.13,
    describes: 'RDS PostgreSQL single-AZ, 4 vCPU (db.t4g.medium scaled to 4 vCPU)',
    source: 'derived: SOURCES.md RDS db.t4g.medium $0.065/h (2 vCPU) doubled for 4 vCPU; a standby costs the same again (Multi-AZ about 2x)',
  },
  'elasticache-t4g.medium': {
    usdPerHour: 0.065,
    describes: 'ElastiCache cache.t4g.medium (one Redis process)',
    source: 'SOURCES.md: AWS price list read 2026-10-02 (verify)',
  },
  'alb-hour': {
    usdPerHour: 0.0225,
    describes: 'Application Load Balancer hour (LCU charge added separately)',
    source: 'SOURCES.md: AWS ELB pricing (May 2026)',
  },
  'msk-kafka.m5.large': {
    usdPerHour: 0.21,
    describes: 'Managed Kafka broker kafka.m5.large',
    source: 'SOURCES.md: unverified',
  },
  none: {
    usdPerHour: 0,
    describes: 'no hourly charge (priced by usage)',
    source: 'pay-per-use service: see the usage prices',
  },
} as const satisfies Record<string, HourlyPrice>;

export type PriceKey = keyof typeof HOURLY_PRICES;

/** One tier of a tiered per-GB price: `upToGB` is the tier's upper bound in GB per month. */
export interface PriceTier {
  readonly upToGB: number;
  readonly usdPerGB: number;
  readonly source: string;
}

/** Usage prices (per GB, per request, per GB-month). */
export const USAGE_PRICES = {
  /** CloudFront data transfer out (North America/Europe), GB per month. */
  cdnEgressTiers: [
    { upToGB: 10_000, usdPerGB: 0.085, source: 'SOURCES.md: AWS CloudFront pricing' },
    { upToGB: 50_000, usdPerGB: 0.08, source: 'SOURCES.md: AWS CloudFront pricing' },
    { upToGB: 150_000, usdPerGB: 0.06, source: 'SOURCES.md: AWS CloudFront pricing' },
    { upToGB: 500_000, usdPerGB: 0.04, source: 'unverified (AWS CloudFront public tier beyond 150 TB)' },
    { upToGB: 1_024_000, usdPerGB: 0.03, source: 'unverified (AWS CloudFront public tier beyond 500 TB)' },
    { upToGB: Number.MAX_VALUE, usdPerGB: 0.025, source: 'unverified (AWS CloudFront public tier beyond 1 PB)' },
  ] as readonly PriceTier[],
  /** Internet egress from EC2/S3, GB per month. */
  internetEgressTiers: [
    { upToGB: 10_000, usdPerGB: 0.09, source: 'SOURCES.md: AWS pricing' },
    { upToGB: 50_000, usdPerGB: 0.085, source: 'unverified (AWS public tier 10–50 TB)' },
    { upToGB: 150_000, usdPerGB: 0.07, source: 'unverified (AWS public tier 50–150 TB)' },
    { upToGB: Number.MAX_VALUE, usdPerGB: 0.05, source: 'unverified (AWS public tier beyond 150 TB)' },
  ] as readonly PriceTier[],
  cdnPer10kRequestsUsd: { value: 0.01, source: 'SOURCES.md: AWS CloudFront pricing, $0.01 per 10k HTTPS requests' },
  databaseStorageGBMonthUsd: { value: 0.115, source: 'SOURCES.md: AWS RDS pricing, gp3 (June 2026)' },
  objectStorageGBMonthUsd: { value: 0.023, source: 'SOURCES.md: AWS S3 pricing, Standard first 50 TB (March 2026)' },
  objectStoragePer1kGetUsd: { value: 0.0004, source: 'unverified (AWS S3 GET request price)' },
  albLcuHourUsd: { value: 0.008, source: 'SOURCES.md: AWS ELB pricing (May 2026)' },
  /** One LCU covers 1 GB processed per hour (the binding dimension for HTTP traffic). */
  albGBPerLcuHour: { value: 1, source: 'unverified (AWS ELB LCU definition: 1 GB per hour for EC2 targets)' },
  dnsHostedZoneMonthUsd: { value: 0.5, source: 'unverified (Route 53 hosted zone)' },
  dnsPerMillionQueriesUsd: { value: 0.4, source: 'unverified (Route 53 standard queries)' },
  /** Resolver caching means about one query per user per day reaches the authoritative DNS. */
  dnsQueriesPerUserPerDay: { value: 1, source: 'calibrated: resolvers and browsers cache answers for the TTL' },
} as const;

/**
 * Cost in US dollars of `gb` gigabytes in a month under a tiered price.
 * Tiers apply in order, each to the gigabytes between the previous bound and its own.
 */
export function tieredCostUsd(gb: number, tiers: readonly PriceTier[]): number {
  let cost = 0;
  let from = 0;
  for (const t of tiers) {
    if (gb <= from) break;
    const inTier = Math.min(gb, t.upToGB) - from;
    cost += inTier * t.usdPerGB;
    from = t.upToGB;
  }
  return cost;
}
