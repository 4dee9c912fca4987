/**
 * The written trade-offs, judged against the candidate's own design and the
 * model's numbers for it — not against a keyword list. (A keyword list used
 * to pass: "cache s3 expire base62 replica" pasted 14 times scored 10/10.)
 *
 * The text is split into sentences. A sentence is a *grounded claim*, and
 * earns credit, only when all of these hold:
 *
 * 1. it names a component the design has (by its label on the canvas, or by
 *    a word for its kind: "cache"/"Redis" for a cache, "replica" for a read
 *    replica, "queue"/"Kafka" for a queue…), and that component carries
 *    traffic in the model's evaluation at the problem's load;
 * 2. it quotes a number that the model gives for that component or for the
 *    whole design, within tolerance: a rate (rps) or time (ms) or cost ($)
 *    within 20%, a share (utilisation, hit ratio) within 3 percentage
 *    points (1 for a small share), availability within a third of the
 *    downtime.
 *    Instance counts are checked too but never count alone: "3 replicas"
 *    is on the canvas for anyone to read; a rate or a share is reasoning;
 * 3. it reads as a sentence with reasoning in it: at least six words and a
 *    word that relates things ("so", "because", "takes", "from … to",
 *    "instead", "at", "costs"…), not a list of nouns.
 *
 * Repeats count once: a sentence seen before (after normalising), or one
 * whose matched figures were all credited already, adds nothing. Credit is
 * the number of distinct grounded claims over the number the level expects
 * (the problem's `tradeoffsExpected`: one fewer at mid, one more at staff),
 * capped at 1.
 */
import { type Evaluation, type Kind, type Design, CATALOG } from '@/lib/engine/data';
import type { Level } from './levels';
import { words } from './ask';
import { formatAvailability, formatInteger, formatMs, formatPercent, formatRps, formatUsd, formatUtilization } from '@/lib/shared/format';

/** Words for each kind a candidate may use instead of the label on the canvas. */
const KIND_WORDS: Partial<Record<Kind, string[]>> = {
  cdn: ['cdn', 'edge', 'cloudfront', 'akamai', 'fastly'],
  'load-balancer': ['load balancer', 'balancer', 'lb', 'alb', 'elb', 'nginx', 'haproxy'],
  'api-gateway': ['gateway', 'api gateway'],
  'rate-limiter': ['rate limiter', 'limiter', 'throttle', 'throttling'],
  server: ['server', 'servers', 'web server', 'web tier'],
  'app-server': [
    'app server',
    'app servers',
    'app tier',
    'application server',
    'application tier',
    'servers',
    'web tier',
    'api servers',
    'stateless tier',
  ],
  service: ['service', 'services', 'microservice', 'microservices'],
  worker: ['worker', 'workers', 'consumer', 'consumers'],
  cache: ['cache', 'caches', 'caching', 'cached', 'redis', 'memcached'],
  database: ['database', 'databases', 'db', 'primary', 'postgres', 'postgresql', 'mysql', 'sql', 'shard', 'shards'],
  'read-replica': ['replica', 'replicas', 'read replica', 'read replicas', 'follower', 'followers'],
  nosql: ['nosql', 'dynamodb', 'dynamo', 'cassandra', 'key value store', 'kv store', 'wide column'],
  'object-storage': ['object storage', 'object store', 's3', 'blob', 'blobs', 'bucket', 'gcs'],
  queue: ['queue', 'queues', 'kafka', 'sqs', 'rabbitmq', 'stream', 'log'],
  search: ['search', 'elasticsearch', 'index', 'opensearch'],
  // Stream processing and analytics (docs/model.md §14.4).
  'stream-processor': ['stream processor', 'stream processing', 'flink', 'kafka streams', 'kinesis', 'spark streaming', 'consumer lag'],
  warehouse: ['warehouse', 'data warehouse', 'bigquery', 'redshift', 'snowflake', 'analytics store', 'olap'],
  serverless: ['serverless', 'lambda', 'lambdas', 'function', 'functions', 'faas'],
  'container-cluster': ['kubernetes', 'k8s', 'eks', 'cluster', 'containers', 'pods'],
};

/** Words that relate one thing to another; a sentence without any is a list. */
const RELATING = new Set(
  'so because since therefore thus takes take taking cuts cut drops drop falls fall rises rise brings bring keeps keep lets let means mean costs cost saves save instead rather than versus vs but while whereas if when unless at from to which so that leaving leaves stays stay runs run serves serve absorbs absorb handles handle hold holds would could trade tradeoff'.split(
    ' ',
  ),
);

export type FigureUnit = 'rps' | 'ms' | 'usd' | 'share' | 'availability' | 'count';

/** One number the model gives for the design. */
export interface Figure {
  id: string;
  /** The component it belongs to; null for the whole design. */
  nodeId: string | null;
  unit: FigureUnit;
  value: number;
  /** In words, for the review: "Cache: 3,990 req/s arriving". */
  label: string;
}

/** A number quoted in the text, with its unit as written (null: a bare number). */
export interface Quoted {
  raw: string;
  value: number;
  unit: Exclude<FigureUnit, 'availability' | 'count'> | null;
}

export interface ClaimJudgement {
  sentence: string;
  credited: boolean;
  /** Why not, or what it was credited for, in words. */
  reason: string;
  /** Components of the design it names (labels). */
  components: string[];
  /** The model's figures it quoted correctly. */
  matched: Figure[];
}

export interface TradeoffJudgement {
  claims: ClaimJudgement[];
  credited: ClaimJudgement[];
  expected: number;
  credit: number;
  words: number;
}


/** The numbers the model gives for a design at the problem's load, per component and overall. */
export function designFigures(design: Design, e: Evaluation): Figure[] {
  const out: Figure[] = [];
  const add = (f: Figure) => {
    if (Number.isFinite(f.value) && f.value > 0) out.push(f);
  };
  for (const n of design.nodes) {
    const r = e.nodes[n.id];
    if (!r || !(r.arrivalRps.total > 0) || n.kind === 'users') continue;
    const name = n.label ?? CATALOG[n.kind].label;
    add({
      id: `${n.id}:rps`,
      nodeId: n.id,
      unit: 'rps',
      value: r.arrivalRps.total,
      label: `${name}: ${formatRps(r.arrivalRps.total)} arriving`,
    });
    if (r.arrivalRps.read > 0 && Math.abs(r.arrivalRps.read - r.arrivalRps.total) / r.arrivalRps.total > 0.05)
      add({
        id: `${n.id}:read`,
        nodeId: n.id,
        unit: 'rps',
        value: r.arrivalRps.read,
        label: `${name}: ${formatInteger(r.arrivalRps.read)} reads/s`,
      });
    if (r.arrivalRps.write > 0 && Math.abs(r.arrivalRps.write - r.arrivalRps.total) / r.arrivalRps.total > 0.05)
      add({
        id: `${n.id}:write`,
        nodeId: n.id,
        unit: 'rps',
        value: r.arrivalRps.write,
        label: `${name}: ${formatInteger(r.arrivalRps.write)} writes/s`,
      });
    if (r.instances > 0 && r.arrivalRps.total / r.instances > 1 && r.instances > 1)
      add({
        id: `${n.id}:per-instance`,
        nodeId: n.id,
        unit: 'rps',
        value: r.arrivalRps.total / r.instances,
        label: `${name}: ${formatRps(r.arrivalRps.total / r.instances)} per instance`,
      });
    add({
      id: `${n.id}:util`,
      nodeId: n.id,
      unit: 'share',
      value: r.utilization,
      label: `${name}: ${formatUtilization(r.utilization)} utilised`,
    });
    const hit = n.params?.hitRatio ?? CATALOG[n.kind].defaults.hitRatio?.value;
    if (hit !== undefined && (n.kind === 'cache' || n.kind === 'cdn'))
      add({ id: `${n.id}:hit`, nodeId: n.id, unit: 'share', value: hit, label: `${name}: ${formatPercent(hit)} hit ratio` });
    add({
      id: `${n.id}:p95`,
      nodeId: n.id,
      unit: 'ms',
      value: r.responseMs.p95,
      label: `${name}: p95 ${formatMs(r.responseMs.p95)}`,
    });
    add({
      id: `${n.id}:cost`,
      nodeId: n.id,
      unit: 'usd',
      value: r.monthlyCostUsd,
      label: `${name}: ${formatUsd(r.monthlyCostUsd)} a month`,
    });
    add({
      id: `${n.id}:instances`,
      nodeId: n.id,
      unit: 'count',
      value: r.instances,
      label: `${name}: ${r.instances} instances`,
    });
  }
  add({
    id: 'peak',
    nodeId: null,
    unit: 'rps',
    value: e.offered.total,
    label: `peak load ${formatRps(e.offered.total)}`,
  });
  add({
    id: 'p95-read',
    nodeId: null,
    unit: 'ms',
    value: e.endToEnd.latencyMs.read.p95,
    label: `p95 read ${formatMs(e.endToEnd.latencyMs.read.p95)}`,
  });
  add({
    id: 'p95-write',
    nodeId: null,
    unit: 'ms',
    value: e.endToEnd.latencyMs.write.p95,
    label: `p95 write ${formatMs(e.endToEnd.latencyMs.write.p95)}`,
  });
  add({
    id: 'availability',
    nodeId: null,
    unit: 'availability',
    value: e.endToEnd.availability,
    label: `availability ${formatAvailability(e.endToEnd.availability)}`,
  });
  add({
    id: 'cost',
    nodeId: null,
    unit: 'usd',
    value: e.endToEnd.monthlyCostUsd,
    label: `${formatUsd(e.endToEnd.monthlyCostUsd)} a month in all`,
  });
  return out;
}

/** Sentences: split at . ! ? ; and line breaks, but not inside numbers ("99.9%", "1.5 ms"). */
export function sentences(text: string): string[] {
  return text
    .replace(/(\d)\.(\d)/g, '$1\u0000$2')
    .split(/[.!?;\n]+/)
    .map((s) => s.replace(/\u0000/g, '.').trim())
    .filter((s) => s.length > 0);
}

const NUMBER =
  /(?<![a-z0-9.])(\$\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|thousand|million)?\s*(%|percent|rps|qps|req\/s|requests? (?:a|per) second|reads?\/s|writes?\/s|per second|\/s|ms|milliseconds?|s\b|seconds?|\$|usd|dollars?)?/gi;

/** The numbers in a sentence with their units as written. */
export function quotedNumbers(sentence: string): Quoted[] {
  const out: Quoted[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const [raw, dollar, digits, scale, unitRaw] = m;
    let value = Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const s = scale?.toLowerCase();
    if (s === 'k' || s === 'thousand') value *= 1e3;
    if (s === 'm' || s === 'million') value *= 1e6;
    const u = unitRaw?.toLowerCase() ?? '';
    let unit: Quoted['unit'] = null;
    if (dollar || u === '$' || u === 'usd' || u.startsWith('dollar')) unit = 'usd';
    else if (u === '%' || u === 'percent') {
      unit = 'share';
      value /= 100;
    } else if (u === 'ms' || u.startsWith('millisecond')) unit = 'ms';
    else if (u === 's' || u.startsWith('second')) {
      unit = 'ms';
      value *= 1000;
    } else if (u !== '') unit = 'rps';
    out.push({ raw: raw.trim(), value, unit });
  }
  return out;
}

/** Whether a quoted number agrees with a figure of the model, within the tolerance for its unit. */
export function agrees(q: Quoted, f: Figure): boolean {
  const rel = (a: number, b: number, tol: number) => b > 0 && Math.abs(a - b) / b <= tol;
  switch (f.unit) {
    case 'rps':
    case 'ms':
    case 'usd':
      return (q.unit === f.unit || (q.unit === null && f.unit !== 'usd')) && rel(q.value, f.value, 0.2);
    case 'share':
      // 3 points for a large share; a small one (1% utilised) within a quarter of itself, at least 1 point.
      return q.unit === 'share' && Math.abs(q.value - f.value) <= Math.min(0.03, Math.max(0.01, f.value / 4));
    case 'availability': {
      if (q.unit !== 'share' || q.value < 0.9) return false;
      const down = 1 - f.value;
      return Math.abs(q.value - f.value) <= Math.max(0.0001, down / 3);
    }
    case 'count':
      return q.unit === null && Number.isInteger(q.value) && q.value === f.value;
  }
}

/** Components of the design a sentence names: by label, or by a word for its kind. */
export function namedComponents(sentence: string, design: Design, e: Evaluation): string[] {
  const text = ` ${words(sentence).join(' ')} `;
  const out: string[] = [];
  for (const n of design.nodes) {
    if (n.kind === 'users' || !(e.nodes[n.id]?.arrivalRps.total > 0)) continue;
    const label = words(n.label ?? '').join(' ');
    const names = [label, ...(KIND_WORDS[n.kind] ?? [])].filter((x) => x.length > 1);
    if (names.some((w) => text.includes(` ${words(w).join(' ')} `))) out.push(n.id);
  }
  return out;
}

/** Distinct grounded claims the level expects for full marks. */
export function expectedClaims(tradeoffsExpected: number, level: Level): number {
  return Math.max(1, tradeoffsExpected + (level === 'mid' ? -1 : level === 'staff' ? 1 : 0));
}

export function judgeTradeoffText(
  text: string,
  design: Design,
  e: Evaluation | null,
  options: { expected: number },
): TradeoffJudgement {
  const all = sentences(text);
  const claims: ClaimJudgement[] = [];
  const seenSentences = new Set<string>();
  const creditedFigures = new Set<string>();
  const figures = e ? designFigures(design, e) : [];
  const label = (id: string) => design.nodes.find((n) => n.id === id)?.label ?? id;
  for (const sentence of all) {
    const w = words(sentence);
    const key = w.join(' ');
    const base = { sentence, credited: false, components: [] as string[], matched: [] as Figure[] };
    if (seenSentences.has(key)) {
      claims.push({ ...base, reason: 'a repeat of an earlier sentence' });
      continue;
    }
    seenSentences.add(key);
    if (!e) {
      claims.push({ ...base, reason: 'the model could not evaluate the design' });
      continue;
    }
    const ids = namedComponents(sentence, design, e);
    const components = ids.map(label);
    if (ids.length === 0) {
      claims.push({ ...base, reason: 'names no component of your design' });
      continue;
    }
    const quoted = quotedNumbers(sentence);
    const relevant = figures.filter((f) => f.nodeId === null || ids.includes(f.nodeId));
    const matched = relevant.filter((f) => quoted.some((q) => agrees(q, f)));
    if (quoted.length === 0) {
      claims.push({ ...base, components, reason: 'quotes no number' });
      continue;
    }
    if (!matched.some((f) => f.unit !== 'count')) {
      claims.push({
        ...base,
        components,
        matched,
        reason: `its numbers (${quoted.map((q) => q.raw).join(', ')}) are not the model’s for ${components.join(', ')}`,
      });
      continue;
    }
    if (w.length < 6 || !w.some((x) => RELATING.has(x))) {
      claims.push({ ...base, components, matched, reason: 'a list of figures, not a sentence that weighs them' });
      continue;
    }
    const fresh = matched.filter((f) => f.unit !== 'count' && !creditedFigures.has(f.id));
    if (fresh.length === 0) {
      claims.push({ ...base, components, matched, reason: 'the same figures as a claim already credited' });
      continue;
    }
    for (const f of matched) creditedFigures.add(f.id);
    claims.push({
      ...base,
      credited: true,
      components,
      matched,
      reason: `names ${components.join(', ')} with the model’s ${matched
        .filter((f) => f.unit !== 'count')
        .map((f) => f.label)
        .join('; ')}`,
    });
  }
  const credited = claims.filter((c) => c.credited);
  const expected = Math.max(1, options.expected);
  return {
    claims,
    credited,
    expected,
    credit: Math.min(1, credited.length / expected),
    words: text.trim() === '' ? 0 : text.trim().split(/\s+/).length,
  };
}
