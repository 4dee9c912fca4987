/**
 * Judges the "Entities & API" step: structurally (each access pattern of the
 * problem has an endpoint with the right method, a path that addresses the
 * right ids, the fields it needs; every entity has a key; an index serves
 * each lookup) and by the model: the partition key of the problem's busiest
 * table sets the engine's `shardSkew` on the design's store (as the hot-key
 * curveball does) and the engine says what the hottest partition carries.
 *
 * Names are compared without case, separators or a plural s; a field's
 * meaning comes from the type the candidate gave it (own id, reference to
 * an entity, timestamp, …), not from its name.
 */
import { CATALOG, type Evaluation, type Design, type DesignNode } from '@/lib/engine/data';
import type {
  AccessPattern,
  ApiAnswer,
  EndpointAnswer,
  EntityAnswer,
  Interface,
  Method,
  Need,
  PartitionKeySpec,
} from './api-schema';
import { labelOf, problemWorkload, runModel } from './model';
import type { Problem } from './schema';
import { formatFraction, formatInteger, formatUtilization } from '@/lib/shared/format';

/* ---- Names ---- */

export function norm(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}
function singular(s: string): string {
  const n = norm(s);
  if (n.length > 3 && n.endsWith('ies')) return `${n.slice(0, -3)}y`;
  if (n.length > 3 && n.endsWith('s') && !n.endsWith('ss')) return n.slice(0, -1);
  return n;
}

/** The candidate's entity standing for each of the problem's entities (by name), and the reverse. */
export function matchEntities(iface: Interface, answer: ApiAnswer) {
  const toCandidate = new Map<string, EntityAnswer>();
  const toContent = new Map<string, string>();
  for (const e of iface.entities) {
    const names = new Set([e.id, e.label, ...e.names].map(singular));
    const c = answer.entities.find((x) => !toContent.has(x.id) && names.has(singular(x.name)));
    if (c) {
      toCandidate.set(e.id, c);
      toContent.set(c.id, e.id);
    }
  }
  return { toCandidate, toContent };
}
type Match = ReturnType<typeof matchEntities>;

/** What a field stands for: `E:<entity>` (an entity's id: its own id field or a reference) or `T:<type>`. */
function meaningOf(iface: Interface, m: Match, owner: EntityAnswer, fieldId: string): string | null {
  const f = owner.fields.find((x) => x.id === fieldId);
  if (!f) return null;
  if (f.type === 'id') return `E:${m.toContent.get(owner.id) ?? `?${owner.id}`}`;
  if (f.type === 'ref') {
    if (f.ref) return `E:${m.toContent.get(f.ref) ?? `?${f.ref}`}`;
    const byName = entityNamed(iface, m, f.name.replace(/_?id$/i, ''));
    return byName ? `E:${byName}` : 'E:?';
  }
  return `T:${f.type}`;
}

/** A role in the content's vocabulary, read relative to the entity it is on. */
function meaningOfRole(role: string, entity: string): string {
  if (role === 'id') return `E:${entity}`;
  if (role.startsWith('ref:')) return `E:${role.slice(4)}`;
  return `T:${role}`;
}

/** The problem entity a name refers to ("conversations", "Conversation", "conversation_id"), via aliases or the candidate's names. */
function entityNamed(iface: Interface, m: Match, raw: string): string | null {
  const n = singular(raw.replace(/[_-]?id$/i, ''));
  if (!n) return null;
  for (const e of iface.entities) if ([e.id, e.label, ...e.names].some((x) => singular(x) === n)) return e.id;
  for (const [cid, content] of m.toContent) {
    const c = [...m.toCandidate.values()].find((x) => x.id === cid);
    if (c && singular(c.name) === n) return content;
  }
  return null;
}

/** What a field name in a request/response stands for, through the candidate's fields (the entity's own first). */
function meaningOfName(iface: Interface, m: Match, answer: ApiAnswer, entity: string, raw: string): string | null {
  const n = norm(raw);
  const own = m.toCandidate.get(entity);
  const order = own ? [own, ...answer.entities.filter((e) => e !== own)] : answer.entities;
  for (const e of order) {
    const f = e.fields.find((x) => norm(x.name) === n);
    if (f) return meaningOf(iface, m, e, f.id);
  }
  return null;
}

function splitFields(s: string): string[] {
  return s
    .split(/[\s,;]+/)
    .map((x) => x.replace(/[{}[\]"':]/g, '').trim())
    .filter(Boolean);
}

/** The path's parameters, each with the problem entity it addresses (or null). */
export function pathParams(
  iface: Interface,
  m: Match,
  answer: ApiAnswer,
  path: string,
): { name: string; entity: string | null }[] {
  const segs = path.split('?')[0].split('/').filter(Boolean);
  const out: { name: string; entity: string | null }[] = [];
  segs.forEach((s, i) => {
    const p = /^\{(.+)\}$/.exec(s)?.[1] ?? /^:(.+)$/.exec(s)?.[1] ?? null;
    if (p === null) return;
    let entity: string | null = null;
    // A field of the candidate's with this name says what it is (id of Url, reference to User…).
    for (const e of answer.entities) {
      const f = e.fields.find((x) => norm(x.name) === norm(p));
      const meaning = f ? meaningOf(iface, m, e, f.id) : null;
      if (meaning?.startsWith('E:') && !meaning.includes('?')) {
        entity = meaning.slice(2);
        break;
      }
    }
    entity ??= entityNamed(iface, m, p);
    // `{id}` (or an unknown name) after a collection names that collection's entity.
    if (entity === null && i > 0 && !/^[{:]/.test(segs[i - 1])) entity = entityNamed(iface, m, segs[i - 1]);
    out.push({ name: p, entity });
  });
  return out;
}

/* ---- Structural checks ---- */

export interface CheckLine {
  ok: boolean;
  text: string;
}

export interface PatternResult {
  pattern: AccessPattern;
  requirement: string;
  endpoint: EndpointAnswer | null;
  checks: CheckLine[];
}

export const METHODS_FOR: Record<AccessPattern['kind'], Method[]> = {
  create: ['POST', 'PUT'],
  read: ['GET'],
  update: ['PUT', 'PATCH'],
  delete: ['DELETE'],
};
const KIND_RULE: Record<AccessPattern['kind'], string> = {
  create: 'a create is POST (or PUT to an id the client chose)',
  read: 'a read is GET: safe, cacheable, no side effects',
  update: 'an update is PUT or PATCH, idempotent when retried',
  delete: 'a delete is DELETE',
};

function entityLabel(iface: Interface, id: string): string {
  return iface.entities.find((e) => e.id === id)?.label ?? id;
}
function roleLabel(iface: Interface, role: string, entity: string): string {
  const m = meaningOfRole(role, entity);
  return m.startsWith('E:') ? `${entityLabel(iface, m.slice(2)).toLowerCase()} id` : role;
}

function needMet(iface: Interface, m: Match, answer: ApiAnswer, entity: string, need: Need, names: string[]): boolean {
  if (need.names && names.some((n) => need.names!.some((x) => norm(x) === norm(n)))) return true;
  if (!need.role) return false;
  const want = meaningOfRole(need.role, entity);
  return names.some((n) => meaningOfName(iface, m, answer, entity, n) === want);
}

function judgeEndpoint(
  iface: Interface,
  m: Match,
  answer: ApiAnswer,
  p: AccessPattern,
  ep: EndpointAnswer,
): CheckLine[] {
  const checks: CheckLine[] = [];
  const label = `${ep.method} ${ep.path || '(no path)'}`;
  const methodOk = METHODS_FOR[p.kind].includes(ep.method);
  checks.push({
    ok: methodOk,
    text: methodOk ? `${label}: the right method` : `${label}: ${KIND_RULE[p.kind]}, not ${ep.method}`,
  });
  const params = pathParams(iface, m, answer, ep.path);
  for (const role of p.by) {
    const want = meaningOfRole(role, p.entity).slice(2);
    const ok = params.some((x) => x.entity === want);
    checks.push({
      ok,
      text: ok
        ? `${label}: the path carries the ${roleLabel(iface, role, p.entity)}`
        : `${label}: the path must carry the ${roleLabel(iface, role, p.entity)} as a parameter (e.g. /${singular(entityLabel(iface, want))}s/{${singular(entityLabel(iface, want))}_id})`,
    });
  }
  const requestNames = [...splitFields(ep.request), ...params.map((x) => x.name)];
  const responseNames = splitFields(ep.response);
  for (const [which, needs, names] of [
    ['request', p.request, requestNames],
    ['response', p.response, responseNames],
  ] as const) {
    const missing = needs.filter((n) => !needMet(iface, m, answer, p.entity, n, names));
    if (needs.length === 0) continue;
    checks.push({
      ok: missing.length === 0,
      text:
        missing.length === 0
          ? `${label}: the ${which} carries ${needs.map((n) => n.label).join(', ')}`
          : `${label}: the ${which} lacks ${missing.map((n) => n.label).join(', ')}`,
    });
  }
  return checks;
}

export function judgePatterns(
  problem: Problem,
  answer: ApiAnswer,
  m: Match = matchEntities(problem.interface, answer),
) {
  const iface = problem.interface;
  return iface.accessPatterns.map((p): PatternResult => {
    const requirement = problem.requirements.find((r) => r.id === p.requirement)?.text ?? p.requirement;
    const serving = answer.endpoints.filter((e) => e.serves === p.requirement);
    if (serving.length === 0)
      return {
        pattern: p,
        requirement,
        endpoint: null,
        checks: [
          { ok: false, text: `No endpoint serves “${requirement.replace(/\.$/, '')}”: ${p.label.toLowerCase()}.` },
        ],
      };
    // The endpoint serving the requirement that fits this pattern best (the right method first).
    let best: { ep: EndpointAnswer; checks: CheckLine[]; score: number } | null = null;
    for (const ep of serving) {
      const checks = judgeEndpoint(iface, m, answer, p, ep);
      const score = checks.filter((c) => c.ok).length + (checks[0].ok ? 100 : 0);
      if (!best || score > best.score) best = { ep, checks, score };
    }
    return { pattern: p, requirement, endpoint: best!.ep, checks: best!.checks };
  });
}

export interface EntityResult {
  /** Problem entities and the candidate's entity standing for each (null: missing). */
  expected: { id: string; label: string; yours: string | null }[];
  /** Candidate entities without an own-id field. */
  noId: string[];
  /** Candidate fields that refer to no entity. */
  danglingRefs: string[];
}

export function judgeEntities(iface: Interface, answer: ApiAnswer, m: Match): EntityResult {
  return {
    expected: iface.entities.map((e) => ({ id: e.id, label: e.label, yours: m.toCandidate.get(e.id)?.name ?? null })),
    noId: answer.entities.filter((e) => !e.fields.some((f) => f.type === 'id')).map((e) => e.name || '(unnamed)'),
    danglingRefs: answer.entities.flatMap((e) =>
      e.fields
        .filter((f) => f.type === 'ref' && (!f.ref || !answer.entities.some((x) => x.id === f.ref)))
        .map((f) => `${e.name || '(unnamed)'}.${f.name || '(unnamed)'}`),
    ),
  };
}

export interface TableResult {
  /** Candidate entities with no primary key. */
  noKey: string[];
  /** One line per lookup the API needs. */
  lookups: CheckLine[];
}

export function judgeTables(iface: Interface, answer: ApiAnswer, m: Match): TableResult {
  const noKey = answer.entities.filter((e) => e.primaryKey.length === 0).map((e) => e.name || '(unnamed)');
  const lookups: CheckLine[] = [];
  for (const p of iface.accessPatterns) {
    if (p.kind === 'create' || p.by.length === 0) continue;
    const want = [...p.by.map((r) => meaningOfRole(r, p.entity)), ...(p.orderBy ? ['T:timestamp'] : [])];
    const what = [...p.by.map((r) => roleLabel(iface, r, p.entity)), ...(p.orderBy ? ['time'] : [])].join(', then ');
    const table = m.toCandidate.get(p.entity);
    if (!table) {
      lookups.push({ ok: false, text: `${p.label}: no ${entityLabel(iface, p.entity)} table to look it up in.` });
      continue;
    }
    const keys = [table.primaryKey, ...table.indexes].filter((k) => k.length > 0);
    const serves = (k: string[]) => want.every((w, i) => (k[i] ? meaningOf(iface, m, table, k[i]) : null) === w);
    // A lookup by the table's own id alone is served by any key that starts with it.
    const ok = keys.some(serves);
    lookups.push({
      ok,
      text: ok
        ? `${p.label}: served by ${table.name}’s key or an index on (${what}).`
        : `${p.label}: ${table.name} needs its primary key or an index on (${what}); without one every lookup scans the table.`,
    });
  }
  return { noKey, lookups };
}

/* ---- The partition key, judged by the model ---- */

const STORES = new Set(['database', 'nosql']);

export interface PartitionFigures {
  store: string;
  partitions: number;
  /** True when the check ran on the reference design (yours has no store the model could run). */
  onReference: boolean;
  /** True when the store was split to 4 partitions for the check (it had one). */
  split: boolean;
  readsRps: number;
  writesRps: number;
  hotReadsRps: number;
  hotWritesRps: number;
  /** The hottest partition's share of the store's requests (1/partitions when even). */
  hotShare: number;
  /** The engine's utilisation of the hottest partition (uncapped), with this key and spread evenly. */
  utilization: number;
  evenUtilization: number;
}

export interface PartitionResult {
  /** The candidate's key, as named ("created_at"), or null when none was chosen. */
  yours: string | null;
  spec: PartitionKeySpec | null;
  verdict: 'good' | 'concentrated' | 'overloaded' | 'missing';
  figures: PartitionFigures | null;
  sentence: string;
}

function partitionsOf(n: DesignNode): number {
  if (n.kind === 'database') return n.params?.shards ?? CATALOG.database.defaults.shards!.value;
  return Math.max(1, n.params?.instances ?? CATALOG.nosql.defaults.instances!.value);
}

function busiestStore(design: Design, e: Evaluation): DesignNode | null {
  let best: DesignNode | null = null;
  let load = 0;
  for (const n of design.nodes) {
    if (!STORES.has(n.kind)) continue;
    const a = e.nodes[n.id]?.arrivalRps;
    const l = a ? a.write + a.job + a.read / 1000 : 0;
    if (l > load) [best, load] = [n, l];
  }
  return best;
}

function withNode(design: Design, id: string, params: DesignNode['params']): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, ...params } } : n)),
  };
}

/** A key the problem does not list: reads it does not address scatter; a timestamp takes every write. */
function defaultSpec(iface: Interface, role: string, name: string): PartitionKeySpec {
  const onTable = iface.accessPatterns.filter((p) => p.entity === iface.partition.entity);
  const hottest: PartitionKeySpec['hottest'] = {};
  for (const p of onTable) {
    if (p.kind === 'create') hottest[p.id] = role === 'timestamp' ? 1 : role === 'boolean' ? 0.5 : 0;
    else hottest[p.id] = p.by[0] === role || (role === 'id' && p.by[0] === 'id') ? 0 : 'scatter';
  }
  const scatters = Object.values(hottest).some((h) => h === 'scatter');
  const top = Math.max(0, ...Object.values(hottest).map((h) => (h === 'scatter' ? 0 : h)));
  return {
    key: role,
    label: name,
    acceptable: !scatters && top < 0.5,
    hottest,
    why: scatters
      ? 'No request of this problem is addressed by this field, so a lookup cannot know which partition holds its rows and must ask every one.'
      : role === 'timestamp'
        ? 'Every new row carries the current time, so all writes go to the newest partition.'
        : 'The problem lists no figures for this key; it is judged by what it routes.',
  };
}

const times = (u: number) => (u >= 1 ? `${u.toFixed(1)}× its limit` : `${formatUtilization(u)} of its capacity`);

/**
 * The hot-partition check: the candidate's partition key on the problem's
 * partitioned table, run through the engine on the candidate's design (its
 * busiest store), or on the reference design when the candidate's has none.
 */
export function judgePartition(problem: Problem, answer: ApiAnswer, design: Design, m?: Match): PartitionResult {
  const iface = problem.interface;
  m ??= matchEntities(iface, answer);
  const table = m.toCandidate.get(iface.partition.entity);
  const field = table?.fields.find((f) => f.id === table.partitionKey) ?? null;
  const tableLabel = entityLabel(iface, iface.partition.entity);
  if (!table || !field)
    return {
      yours: null,
      spec: null,
      verdict: 'missing',
      figures: null,
      sentence: table
        ? `${table.name} has no partition key: at this scale its rows span many partitions, and the key decides which one each request lands on.`
        : `There is no ${tableLabel} table to partition.`,
    };
  const meaning = meaningOf(iface, m, table, field.id) ?? 'T:text';
  const role =
    meaning === `E:${iface.partition.entity}`
      ? 'id'
      : meaning.startsWith('E:')
        ? `ref:${meaning.slice(2)}`
        : meaning.slice(2);
  const spec = iface.partition.keys.find((k) => k.key === role) ?? defaultSpec(iface, role, field.name);
  const figures = partitionFigures(problem, spec, design);
  const named = field.name || spec.label;
  if (!figures)
    return {
      yours: named,
      spec,
      verdict: spec.acceptable ? 'good' : 'concentrated',
      figures: null,
      sentence: `Partition by ${named}: ${spec.why}`,
    };
  const verdict = figures.utilization >= 1 ? 'overloaded' : spec.acceptable ? 'good' : 'concentrated';
  const where = `${figures.onReference ? 'on the reference design’s' : 'on your'} ${figures.store}${figures.split ? ' split into 4 partitions' : `, ${figures.partitions} partitions`}`;
  const patterns = iface.accessPatterns.filter((p) => p.entity === iface.partition.entity);
  const scattered = patterns.filter((p) => spec.hottest[p.id] === 'scatter' && p.kind === 'read');
  const allWrites = patterns.some((p) => p.kind !== 'read' && spec.hottest[p.id] === 1);
  let what: string;
  if (allWrites) what = `all ${formatInteger(figures.writesRps)} writes/s land on one partition`;
  else if (scattered.length > 0)
    what = `each of the ${formatInteger(figures.readsRps)} reads/s (${scattered.map((p) => p.label.toLowerCase()).join('; ')}) must ask all ${figures.partitions} partitions`;
  else
    what = `the busiest partition takes ${formatInteger(figures.hotWritesRps)} writes/s and ${formatInteger(figures.hotReadsRps)} reads/s, ${formatFraction(figures.hotShare, 1)} of the store’s requests (an even spread is ${formatFraction(1 / figures.partitions, 1)})`;
  const sentence = `Partition by ${named}: ${what}, ${times(figures.utilization)} ${where}${
    verdict === 'concentrated'
      ? `. It holds at today’s peak, but adding partitions does not spread it: the hottest one saturates at ${(1 / figures.utilization).toFixed(1)}× today’s load, against ${(1 / Math.max(figures.evenUtilization, 1e-9)).toFixed(0)}× with an even spread`
      : verdict === 'overloaded' && spec.acceptable
        ? '. The key spreads the load; the store needs more partitions'
        : ''
  }. ${spec.why}`;
  return { yours: named, spec, verdict, figures, sentence };
}

/** The engine's figures for one key: the busiest store's hottest partition, with the key's skew and spread evenly. */
export function partitionFigures(problem: Problem, spec: PartitionKeySpec, design: Design): PartitionFigures | null {
  const workload = problemWorkload(problem);
  const tryOn = (d: Design, onReference: boolean): PartitionFigures | null => {
    const base = runModel(d, workload);
    if (!base.ok) return null;
    let store = busiestStore(d, base.evaluation);
    if (!store) return null;
    let e = base.evaluation;
    let split = false;
    if (partitionsOf(store) < 2) {
      split = true;
      d = withNode(d, store.id, store.kind === 'database' ? { shards: 4 } : { instances: 4 });
      store = d.nodes.find((n) => n.id === store!.id)!;
      const r = runModel(d, workload);
      if (!r.ok) return null;
      e = r.evaluation;
    }
    const parts = partitionsOf(store);
    // The store and its read replicas share the data, and so the skew (the engine applies the primary's to them).
    const family = [
      store.id,
      ...d.edges
        .filter((x) => x.source === store!.id && d.nodes.find((n) => n.id === x.target)?.kind === 'read-replica')
        .map((x) => x.target),
    ];
    const node = e.nodes[store.id];
    const reads = family.reduce((s, id) => s + (e.nodes[id]?.arrivalRps.read ?? 0), 0);
    const writes = node.arrivalRps.write + node.arrivalRps.job;
    const hottest = (ev: Evaluation) => Math.max(...family.map((id) => ev.nodes[id]?.utilization ?? 0));
    const iface = problem.interface;
    // Each access pattern's part of the store's reads (or writes), in proportion to its share of requests.
    const onTable = (kinds: string[]) => iface.accessPatterns.filter((p) => kinds.includes(p.kind));
    const hotPart = (kinds: string[], total: number) => {
      const ps = onTable(kinds);
      const sum = ps.reduce((s, p) => s + p.share, 0);
      return ps.reduce((s, p) => {
        const h = p.entity === iface.partition.entity ? spec.hottest[p.id] : 0;
        const share = h === 'scatter' ? 1 : (h ?? 0) + (1 - (h ?? 0)) / parts;
        return s + (sum > 0 ? (total * p.share) / sum : 0) * share;
      }, 0);
    };
    const hotReads = hotPart(['read'], reads);
    const hotWrites = hotPart(['create', 'update', 'delete'], writes);
    const total = reads + writes;
    const hotShare = total > 0 ? Math.min(1, (hotReads + hotWrites) / total) : 1 / parts;
    const skew = Math.max(store.params?.shardSkew ?? 0, parts * hotShare - 1);
    const run = runModel(withNode(d, store.id, { shardSkew: skew }), workload);
    if (!run.ok) return null;
    return {
      store: labelOf(d, store.id),
      partitions: parts,
      onReference,
      split,
      readsRps: reads,
      writesRps: writes,
      hotReadsRps: hotReads,
      hotWritesRps: hotWrites,
      hotShare,
      utilization: hottest(run.evaluation),
      evenUtilization: hottest(e),
    };
  };
  return tryOn(design, false) ?? tryOn(problem.reference.design, true);
}

/* ---- All of it ---- */

export interface ApiJudgement {
  entities: EntityResult;
  patterns: PatternResult[];
  tables: TableResult;
  partition: PartitionResult;
  /** 0–1 per part: entities, API, data model (keys and indexes), partition key. */
  credit: { entities: number; api: number; tables: number; partition: number };
}

/** Shares of the step's credit: core entities, the API, keys and indexes, the partition key. */
export const API_PARTS = { entities: 0.25, api: 0.4, tables: 0.2, partition: 0.15 } as const;

const PARTITION_CREDIT: Record<PartitionResult['verdict'], number> = {
  good: 1,
  concentrated: 0.4,
  overloaded: 0,
  missing: 0,
};

export function judgeApi(problem: Problem, answer: ApiAnswer, design: Design): ApiJudgement {
  const iface = problem.interface;
  const m = matchEntities(iface, answer);
  const entities = judgeEntities(iface, answer, m);
  const patterns = judgePatterns(problem, answer, m);
  const tables = judgeTables(iface, answer, m);
  const partition = judgePartition(problem, answer, design, m);
  const found = entities.expected.filter((e) => e.yours).length / entities.expected.length;
  const keyed = answer.entities.length > 0 ? 1 - entities.noId.length / answer.entities.length : 0;
  const share = (lines: CheckLine[]) => (lines.length > 0 ? lines.filter((c) => c.ok).length / lines.length : 1);
  const api = patterns.reduce((s, p) => s + share(p.checks), 0) / Math.max(1, patterns.length);
  const withKey = answer.entities.length > 0 ? 1 - tables.noKey.length / answer.entities.length : 0;
  return {
    entities,
    patterns,
    tables,
    partition,
    credit: {
      entities: found * (0.75 + 0.25 * keyed),
      api,
      tables: answer.entities.length > 0 ? 0.4 * withKey + 0.6 * share(tables.lookups) : 0,
      partition: PARTITION_CREDIT[partition.verdict],
    },
  };
}

export function apiCredit(j: ApiJudgement): number {
  return (
    API_PARTS.entities * j.credit.entities +
    API_PARTS.api * j.credit.api +
    API_PARTS.tables * j.credit.tables +
    API_PARTS.partition * j.credit.partition
  );
}
