/**
 * The dated price table (MODEL.md §5, §9.2). One file, one date: prices
 * drift, so every figure says where it came from and when it was checked.
 * Region us-east-1, on demand, a month is 730 hours. "unverified" means no
 * primary source was found (see /work/shared/SOURCES.md); such figures are
 * placeholders, listed as such on the model page. Free allowances (100 GB of
 * internet egress, CloudFront's 1 TB and 10 M requests a month) are not
 * deducted: they are per account, shared by everything it runs.
 */

/** The day the table was last checked against its sources (SOURCES.md §9, gathered 2026-12-07). */
export const PRICES_DATE = '2026-12-07';

/** The date of the previous check, kept on the figures SOURCES.md §9 did not re-check. */
const CHECKED_BEFORE = '2026-10-02';

/** Hours in the billing month used everywhere in the engine. */
export const HOURS_PER_MONTH = 730;

/** Instance sizes of the catalog (MODEL.md §2.1): each step doubles cores and price. */
export type PricedSize = 'small' | 'medium' | 'large' | 'xlarge';

export interface InstancePrice {
  /** The AWS instance type or class, e.g. `m6g.large`, `db.m7g.xlarge`. */
  readonly type: string;
  readonly vcpu: number;
  readonly usdPerHour: number;
  readonly source: string;
  /** When the figure was last checked against its source. */
  readonly checked: string;
}

const S9 = 'SOURCES.md Prices table';
const DOUBLED = 'derived: within a family the list price doubles per size step (exact for these families)';

function family(
  prefix: string,
  sizes: readonly [string, number, number, string?][],
  checked = PRICES_DATE,
): InstancePrice[] {
  return sizes.map(([size, vcpu, usdPerHour, source]) => ({
    type: `${prefix}.${size}`,
    vcpu,
    usdPerHour,
    source: source ?? DOUBLED,
    checked,
  }));
}

/**
 * List prices by family and size (us-east-1, on demand, Linux / single-AZ).
 * The catalog's sizes map onto these rows (`SIZE_TYPES`); a size step of the
 * model doubles the price, as each step within these families does.
 */
export const INSTANCE_PRICES: readonly InstancePrice[] = [
  ...family('m5', [
    ['large', 2, 0.096, `${S9}: AWS price list, as cited by several public cost tools`],
    ['xlarge', 4, 0.192],
    ['2xlarge', 8, 0.384],
    ['4xlarge', 16, 0.768],
  ]),
  ...family('m6g', [
    ['medium', 1, 0.0385],
    ['large', 2, 0.077, `${S9}: AWS price list (June 2026)`],
    ['xlarge', 4, 0.154],
    ['2xlarge', 8, 0.308],
  ]),
  ...family('m7g', [
    ['medium', 1, 0.0408],
    ['large', 2, 0.0816, `${S9}: AWS price list (June 2026)`],
    ['xlarge', 4, 0.1632],
    ['2xlarge', 8, 0.3264],
  ]),
  ...family('c5', [
    ['large', 2, 0.085, `${S9}: AWS price list, as cited by several public cost tools`],
    ['xlarge', 4, 0.17],
  ]),
  ...family('c6g', [
    ['medium', 1, 0.034],
    ['large', 2, 0.068, `${S9}: AWS price list (June 2026)`],
    ['xlarge', 4, 0.136],
    ['2xlarge', 8, 0.272],
  ]),
  ...family('r5', [
    ['large', 2, 0.126, `${S9}: AWS price list, as cited by several public cost tools`],
    ['xlarge', 4, 0.252],
    ['2xlarge', 8, 0.504],
    ['4xlarge', 16, 1.008],
  ]),
  ...family('t3', [
    ['small', 2, 0.0208],
    ['medium', 2, 0.0416, `${S9}: AWS price list, as cited by several public cost tools`],
    ['large', 2, 0.0832, `${S9}: AWS price list, as cited by several public cost tools`],
    ['xlarge', 4, 0.1664],
  ]),
  ...family('db.t4g', [
    ['micro', 2, 0.016, `${S9}: AWS RDS pricing (2026), PostgreSQL single-AZ`],
    ['small', 2, 0.032, `${S9}: AWS RDS pricing (2026), PostgreSQL single-AZ`],
    ['medium', 2, 0.065, `${S9}: AWS RDS pricing (2026), PostgreSQL single-AZ`],
  ]),
  // RDS general purpose: SOURCES.md §9 has MySQL prices as a proxy for PostgreSQL (not found).
  ...family('db.m7g', [
    [
      'large',
      2,
      0.168,
      'SOURCES.md §9: RDS MySQL db.m7g.large $0.168 (terraform-provider-aws, 2024-02-02) as a proxy; PostgreSQL unverified',
    ],
    [
      'xlarge',
      4,
      0.337,
      'SOURCES.md §9: RDS MySQL db.m7g.xlarge $0.337 (terraform-provider-aws, 2024-02-02) as a proxy; PostgreSQL unverified',
    ],
    ['2xlarge', 8, 0.674],
    ['4xlarge', 16, 1.348],
  ]),
  ...family('db.r7g', [
    [
      'large',
      2,
      0.239,
      'SOURCES.md §9: RDS MySQL db.r7g.large $0.239 (terraform-provider-aws, 2024-02-02) as a proxy; PostgreSQL unverified',
    ],
    [
      'xlarge',
      4,
      0.478,
      'SOURCES.md §9: RDS MySQL db.r7g.xlarge $0.478 (terraform-provider-aws, 2024-02-02) as a proxy; PostgreSQL unverified',
    ],
  ]),
  ...family(
    'cache.t4g',
    [
      ['small', 2, 0.0325, `${DOUBLED}; ElastiCache node prices beyond SOURCES.md are unverified`],
      ['medium', 2, 0.065, `${S9}: AWS price list read 2026-10-02 (verify)`],
    ],
    CHECKED_BEFORE,
  ),
  ...family(
    'cache.m6g',
    [
      ['large', 2, 0.149, `${S9}: AWS price list read 2026-10-02 (verify)`],
      ['xlarge', 4, 0.298],
    ],
    CHECKED_BEFORE,
  ),
  ...family('cache.r6g', [['large', 2, 0.206, `${S9}: AWS price list read 2026-10-02 (verify)`]], CHECKED_BEFORE),
  ...family('kafka.m5', [['large', 2, 0.21, `${S9}: unverified`]], CHECKED_BEFORE),
];

/** One row of `INSTANCE_PRICES` by its type. */
export function instancePrice(type: string): InstancePrice {
  const row = INSTANCE_PRICES.find((p) => p.type === type);
  if (!row) throw new Error(`no list price for ${type}`);
  return row;
}

export interface HourlyPrice {
  /** US dollars per instance-hour at size `medium`; each size step doubles it. */
  readonly usdPerHour: number;
  /** What the price is for (the instance type or service it stands for). */
  readonly describes: string;
  readonly source: string;
  /** The list price the catalog's sizes stand for (`INSTANCE_PRICES`), small to xlarge; empty for services priced otherwise. */
  readonly sizes: Readonly<Partial<Record<PricedSize, string>>>;
  readonly checked: string;
}

/** An hourly price taken from the list row of size `medium`. */
function listed(
  describes: string,
  sizes: Partial<Record<PricedSize, string>>,
  note = '',
): Pick<HourlyPrice, 'usdPerHour' | 'describes' | 'source' | 'sizes' | 'checked'> {
  const row = instancePrice(sizes.medium!);
  return { usdPerHour: row.usdPerHour, describes, source: row.source + note, sizes, checked: row.checked };
}

/** Per-instance hourly prices at size `medium`, keyed by the catalog's `priceKey`. */
export const HOURLY_PRICES = {
  'ec2-m5.large': listed('EC2 m5.large, 2 vCPU general purpose (the stage-1 single server)', {
    medium: 'm5.large',
    large: 'm5.xlarge',
    xlarge: 'm5.2xlarge',
  }),
  'ec2-m6g.large': listed('EC2 m6g.large, 2 vCPU (app servers, services, workers)', {
    small: 'm6g.medium',
    medium: 'm6g.large',
    large: 'm6g.xlarge',
    xlarge: 'm6g.2xlarge',
  }),
  'ec2-c6g.large': listed(
    'EC2 c6g.large, 2 vCPU compute optimised (self-hosted gateway or rate limiter)',
    { small: 'c6g.medium', medium: 'c6g.large', large: 'c6g.xlarge', xlarge: 'c6g.2xlarge' },
    '; mapping a gateway to one c6g.large is unverified',
  ),
  'ec2-m5.xlarge': listed('EC2 m5.xlarge, 4 vCPU (search node)', {
    small: 'm5.large',
    medium: 'm5.xlarge',
    large: 'm5.2xlarge',
    xlarge: 'm5.4xlarge',
  }),
  'ec2-r5.xlarge': listed('EC2 r5.xlarge, 4 vCPU memory optimised (self-managed NoSQL node)', {
    small: 'r5.large',
    medium: 'r5.xlarge',
    large: 'r5.2xlarge',
    xlarge: 'r5.4xlarge',
  }),
  'ec2-t3.medium': listed('EC2 t3.medium (self-hosted monitoring box; logging is priced by ingestion instead)', {
    small: 't3.small',
    medium: 't3.medium',
    large: 't3.large',
    xlarge: 't3.xlarge',
  }),
  'rds-postgres-4vcpu': listed(
    'RDS PostgreSQL single-AZ, 4 vCPU general purpose (db.m7g.xlarge); a standby or a replica costs the same again (Multi-AZ about 2x)',
    { small: 'db.m7g.large', medium: 'db.m7g.xlarge', large: 'db.m7g.2xlarge', xlarge: 'db.m7g.4xlarge' },
    '; SOURCES.md §9: Multi-AZ "approximately twice" (AWS RDS User Guide)',
  ),
  'elasticache-t4g.medium': listed('ElastiCache cache.t4g.medium (one Redis process)', {
    small: 'cache.t4g.small',
    medium: 'cache.t4g.medium',
  }),
  'alb-hour': {
    usdPerHour: 0.0225,
    describes: 'Application Load Balancer hour (LCU charge added separately)',
    source: 'SOURCES.md §9: AWS ELB pricing, $0.0225/h + $0.008 per LCU-h (transcription read 2026-09-20)',
    sizes: {},
    checked: PRICES_DATE,
  },
  'elasticache-serverless-gb': {
    usdPerHour: 0.125,
    describes: 'ElastiCache Serverless data stored, per GB-hour (1 GB minimum); requests are priced per million ECPUs on top',
    source: 'unverified: ElastiCache Serverless (Redis OSS) $0.125 per GB-hour, not in SOURCES.md; SOURCES.md §5: Valkey 33% cheaper',
    sizes: {},
    checked: PRICES_DATE,
  },
  'msk-kafka.m5.large': listed('Managed Kafka broker kafka.m5.large', { medium: 'kafka.m5.large' }),
  none: {
    usdPerHour: 0,
    describes: 'no hourly charge (priced by usage)',
    source: 'pay-per-use service: see the usage prices',
    sizes: {},
    checked: PRICES_DATE,
  },
} as const satisfies Record<string, HourlyPrice>;

export type PriceKey = keyof typeof HOURLY_PRICES;

/** One tier of a tiered per-GB price: `upToGB` is the tier's upper bound in GB per month. */
export interface PriceTier {
  readonly upToGB: number;
  readonly usdPerGB: number;
  readonly source: string;
}

/** One tier of a per-request price: `upToMillions` is the tier's upper bound in millions of requests a month. */
export interface RequestTier {
  readonly upToMillions: number;
  readonly usdPerMillion: number;
}

/** A usage price with its source and the date it was checked. */
export interface UsagePrice {
  readonly value: number;
  readonly source: string;
  readonly checked: string;
}

/** Tier bounds in GB: AWS's egress tiers count 1 TB as 1,000 GB here and 1 PB as 1,024 TB, as the published tiers add up (10 + 40 + 100 + 350 + 524 TB = 1 PB). */
const TB = 1000;
const PB = 1024 * TB;
const CLOUDFRONT = 'SOURCES.md §9: AWS CloudFront pricing page (US, Mexico, Canada, Europe), checked 2026-12-07';
const INTERNET = 'SOURCES.md §9: EC2/S3 data transfer out to the internet, usage.ai (2026-06-02), checked 2026-12-07';

function checked(value: number, source: string, date = PRICES_DATE): UsagePrice {
  return { value, source, checked: date };
}

/** Usage prices (per GB, per request, per GB-month). */
export const USAGE_PRICES = {
  /** CloudFront data transfer out (North America/Europe), GB per month, every published tier. */
  cdnEgressTiers: [
    { upToGB: 10 * TB, usdPerGB: 0.085, source: `${CLOUDFRONT}: first 10 TB` },
    { upToGB: 50 * TB, usdPerGB: 0.08, source: `${CLOUDFRONT}: next 40 TB` },
    { upToGB: 150 * TB, usdPerGB: 0.06, source: `${CLOUDFRONT}: next 100 TB` },
    { upToGB: 500 * TB, usdPerGB: 0.04, source: `${CLOUDFRONT}: next 350 TB` },
    { upToGB: PB, usdPerGB: 0.03, source: `${CLOUDFRONT}: next 524 TB` },
    { upToGB: 5 * PB, usdPerGB: 0.025, source: `${CLOUDFRONT}: next 4 PB` },
    { upToGB: Number.MAX_VALUE, usdPerGB: 0.02, source: `${CLOUDFRONT}: over 5 PB` },
  ] as readonly PriceTier[],
  /** Internet egress from EC2/S3, GB per month, every published tier. */
  internetEgressTiers: [
    { upToGB: 10 * TB, usdPerGB: 0.09, source: `${INTERNET}: first 10 TB` },
    { upToGB: 50 * TB, usdPerGB: 0.085, source: `${INTERNET}: next 40 TB` },
    { upToGB: 150 * TB, usdPerGB: 0.07, source: `${INTERNET}: next 100 TB` },
    { upToGB: Number.MAX_VALUE, usdPerGB: 0.05, source: `${INTERNET}: over 150 TB` },
  ] as readonly PriceTier[],
  cdnPer10kRequestsUsd: checked(0.01, 'SOURCES.md Prices table: AWS CloudFront pricing, $0.01 per 10k HTTPS requests'),
  /** Data transfer between AWS regions, billed by the sending region. */
  interRegionGBUsd: checked(0.02, 'SOURCES.md §9: inter-region transfer $0.02/GB from most regions (awscostguide)'),
  /** CloudWatch Logs ingestion, Standard class. */
  logIngestionGBUsd: checked(
    0.5,
    'SOURCES.md §9: CloudWatch Logs ingestion $0.50/GB Standard (c3x.dev, us-east-1, June 2026)',
  ),
  /** Log written per request that reaches the origin: an access-log line plus a few application lines. */
  logKBPerRequest: checked(
    1,
    'unverified: about 1 KB a request (an access-log line of 200–500 bytes plus a few application lines)',
  ),
  databaseStorageGBMonthUsd: checked(0.115, 'SOURCES.md Prices table: AWS RDS pricing, gp3 (June 2026)'),
  objectStorageGBMonthUsd: checked(0.023, 'SOURCES.md Prices table: AWS S3 pricing, Standard first 50 TB (March 2026)'),
  objectStoragePer1kGetUsd: checked(0.0004, 'unverified (AWS S3 GET request price)', CHECKED_BEFORE),
  albLcuHourUsd: checked(0.008, 'SOURCES.md §9: AWS ELB pricing, $0.008 per LCU-hour (transcription read 2026-09-20)'),
  /** One LCU covers 1 GB processed per hour (the binding dimension for HTTP traffic). */
  albGBPerLcuHour: checked(
    1,
    'SOURCES.md §9: one LCU = 1 GB/h processed for EC2 targets (also 25 new connections/s, 3,000 active, 1,000 rule evaluations/s)',
  ),
  dnsHostedZoneMonthUsd: checked(0.5, 'unverified (Route 53 hosted zone)', CHECKED_BEFORE),
  dnsPerMillionQueriesUsd: checked(0.4, 'unverified (Route 53 standard queries)', CHECKED_BEFORE),
  /** Resolver caching means about one query per user per day reaches the authoritative DNS. */
  dnsQueriesPerUserPerDay: checked(1, 'calibrated: resolvers and browsers cache answers for the TTL', CHECKED_BEFORE),
  /**
   * API Gateway HTTP APIs, per million requests: billed for a gateway of
   * technology managed (docs/model.md §14.2); the generic gateway is a
   * self-hosted instance priced per hour.
   */
  apiGatewayHttp: {
    tiers: [
      { upToMillions: 300, usdPerMillion: 1.0 },
      { upToMillions: Number.MAX_VALUE, usdPerMillion: 0.9 },
    ] as readonly RequestTier[],
    source: 'SOURCES.md §9: API Gateway HTTP API $1.00 per million (first 300 M), $0.90 after (amnic.com, 2025)',
    checked: PRICES_DATE,
  },
  /** API Gateway REST APIs, per million requests (the same caveat). */
  apiGatewayRest: {
    tiers: [
      { upToMillions: 333, usdPerMillion: 3.5 },
      { upToMillions: 1000, usdPerMillion: 2.8 },
      { upToMillions: 20_000, usdPerMillion: 2.38 },
      { upToMillions: Number.MAX_VALUE, usdPerMillion: 1.51 },
    ] as readonly RequestTier[],
    source:
      'SOURCES.md §9: API Gateway REST API $3.50 (first 333 M), $2.80 (next 667 M), $2.38 (next 19 B), $1.51 (over 20 B) per million (amnic.com; apigatewaycost.com, 2025–26)',
    checked: PRICES_DATE,
  },
  /** SQS standard queue: billed for a queue of technology sqs (docs/model.md §14.2); the generic queue is a broker priced per hour. */
  sqsPerMillionRequestsUsd: checked(
    0.4,
    'SOURCES.md Prices table: AWS SQS pricing, $0.40 per million requests, standard (2026)',
  ),
  /** DynamoDB on demand: billed for a NoSQL store of technology dynamodb (docs/model.md §14.2); the generic store is self-managed nodes priced per hour. */
  dynamoDbPerMillionReadsUsd: checked(
    0.125,
    'SOURCES.md §9: DynamoDB on demand $0.125 per million read request units after the 2024-11-01 cut (Airbyte, JusDB)',
  ),
  dynamoDbPerMillionWritesUsd: checked(
    0.625,
    'SOURCES.md §9: DynamoDB on demand $0.625 per million write request units after the 2024-11-01 cut (Airbyte, JusDB)',
  ),
  /** DynamoDB table storage, one logical copy (docs/model.md §14.2). */
  dynamoDbStorageGBMonthUsd: checked(0.25, 'unverified: DynamoDB Standard table storage $0.25 per GB-month (AWS price list; not in SOURCES.md)'),
  /** SQS FIFO queue, per million requests (docs/model.md §14.2). */
  sqsFifoPerMillionRequestsUsd: checked(0.5, 'unverified: SQS FIFO $0.50 per million requests (AWS price list; not in SOURCES.md)'),
} as const;

/** Cost in US dollars of `millions` of requests in a month under a tiered per-request price. */
export function tieredRequestCostUsd(millions: number, tiers: readonly RequestTier[]): number {
  let cost = 0;
  let from = 0;
  for (const t of tiers) {
    if (millions <= from) break;
    cost += (Math.min(millions, t.upToMillions) - from) * t.usdPerMillion;
    from = t.upToMillions;
  }
  return cost;
}

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
