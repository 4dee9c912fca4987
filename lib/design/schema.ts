import { z } from 'zod';
import { echoed } from '../shared/echoed';
import { findCycle } from './graph';
import { KINDS, type Kind } from './kinds';
import { KIND_PARAMS, MAX_PEAK_FACTOR, PARAMS, type NumberParam } from './params';
import { technologiesOf, technologyMismatch, technologyParams, technologyWithoutParams } from './technologies';
import type { Design, NodeParams } from './types';

/** The schema version this build writes. Older documents are migrated. */
export const CURRENT_SCHEMA_VERSION = 1;

/** Largest accepted design document, in bytes of JSON. */
export const MAX_DESIGN_BYTES = 512 * 1024;

/** Most daily users a workload may have. */
export const MAX_USERS = 1e10;

const finite = (what: string) =>
  z.number({ error: (i) => (i.input === undefined ? `${what} is required` : `${what} must be a number`) });
const nonNegative = (what: string) => finite(what).min(0, { error: `${what} must be zero or more` });
/**
 * Zero to `max`. Every number a design can hold has a ceiling far beyond any
 * real system, so that the model's products (rate × service time⁴, bytes ×
 * seconds a month, price × instances) stay finite: 1e308 requests a day
 * would otherwise turn every figure into NaN.
 */
const upTo = (what: string, max: number, shown: string) => nonNegative(what).max(max, { error: `${what} must be at most ${shown}` });
const HOUR_MS = 3_600_000;
const MILLION = 1_000_000;
const wholeAtLeast = (what: string, min: number) =>
  finite(what)
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` });
const fraction = (what: string) =>
  finite(what)
    .min(0, { error: `${what} must be between 0 and 1` })
    .max(1, { error: `${what} must be between 0 and 1` });
const oneOf = <T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { error: `${what} must be one of ${values.join(', ')}` });

const id = z
  .string({ error: 'id must be a string' })
  .min(1, { error: 'id must not be empty' })
  .max(100, { error: 'id must be at most 100 characters' });

/**
 * A number param as the registry bounds it (params.ts `valid`), refused in
 * the words the API and the command line have always used.
 */
function numberParam(what: string, spec: NumberParam) {
  const { min, max, integer, above, maxShown } = spec.valid;
  const atMost = { error: `${what} must be at most ${maxShown ?? max}` };
  if (integer) return wholeAtLeast(what, min).max(max, atMost);
  if (above) return finite(what).gt(min, { error: `${what} must be above ${min}` }).max(max, atMost);
  if (min === 0 && max === 1) return fraction(what);
  return upTo(what, max, maxShown ?? String(max));
}
const param = (key: keyof typeof PARAMS & keyof NodeParams) => {
  const spec = PARAMS[key];
  if (spec.type !== 'number') throw new Error(`${key} is not a number param`);
  return numberParam(key, spec).optional();
};
const field = (group: 'serviceMs' | 'autoscale', key: string) => {
  const spec = PARAMS[group].fields.find((f) => f.key === key);
  if (!spec) throw new Error(`${group}.${key} is not in the registry`);
  return numberParam(`${group}.${key}`, spec);
};
const flag = (key: 'standby' | 'stateless' | 'fifo' | 'mesh') => z.boolean({ error: `${key} must be true or false` }).optional();

export const serviceMsSchema = z.strictObject({
  static: field('serviceMs', 'static').optional(),
  read: field('serviceMs', 'read').optional(),
  write: field('serviceMs', 'write').optional(),
});

export const autoscaleSchema = z
  .strictObject({
    min: field('autoscale', 'min'),
    max: field('autoscale', 'max'),
    target: field('autoscale', 'target'),
  })
  .refine((a) => a.max >= a.min, { error: 'autoscale.max must be at least autoscale.min' });

/** A node's params: every key, bound and option from the registry (params.ts), in its order. */
export const nodeParamsSchema = z.strictObject({
  instances: param('instances'),
  size: oneOf('size', PARAMS.size.options).optional(),
  cores: param('cores'),
  serviceMs: serviceMsSchema.optional(),
  hitRatio: param('hitRatio'),
  latencyMs: param('latencyMs'),
  availability: param('availability'),
  hourlyUsd: param('hourlyUsd'),
  shards: param('shards'),
  shardSkew: param('shardSkew'),
  standby: flag('standby'),
  applyFactor: param('applyFactor'),
  replicationFactor: param('replicationFactor'),
  limitRps: param('limitRps'),
  autoscale: autoscaleSchema.optional(),
  stateless: flag('stateless'),
  region: z
    .string({ error: 'region must be a string' })
    .min(1, { error: 'region must not be empty' })
    .max(PARAMS.region.maxLength, { error: `region must be at most ${PARAMS.region.maxLength} characters` })
    .optional(),
  maxStorageGB: param('maxStorageGB'),
  algorithm: oneOf('algorithm', PARAMS.algorithm.options).optional(),
  routing: oneOf('routing', PARAMS.routing.options).optional(),
  /** Which product the node is (technologies.ts); whether it fits the node's kind is checked per node. Absent = generic. */
  technology: z
    .string({ error: 'technology must be text naming one of the kind\'s technologies' })
    .min(1, { error: 'technology must not be empty; leave it out for generic' })
    .max(PARAMS.technology.maxLength, { error: `technology must be at most ${PARAMS.technology.maxLength} characters` })
    .optional(),
  // Key-value stores, queues and logs (docs/model.md §14.2); which technology takes each is technologies.ts's.
  consistency: oneOf('consistency', PARAMS.consistency.options).optional(),
  partitions: param('partitions'),
  retentionHours: param('retentionHours'),
  fifo: flag('fifo'),
  batchSize: param('batchSize'),
  queueType: oneOf('queueType', PARAMS.queueType.options).optional(),
  // Cloud-native params (docs/model.md §14.3).
  concurrency: param('concurrency'),
  memoryMB: param('memoryMB'),
  initMs: param('initMs'),
  podsPerNode: param('podsPerNode'),
  mesh: flag('mesh'),
});

const positionShape = { x: finite('position.x'), y: finite('position.y') };
const nodeShape = {
  id,
  kind: z.enum(KINDS, { error: (i) => `unknown kind ${echoed(String(JSON.stringify(i.input)))}; expected one of ${KINDS.join(', ')}` }),
  label: z.string({ error: 'label must be a string' }).max(200, { error: 'label must be at most 200 characters' }).optional(),
  position: z.object(positionShape).optional(),
  params: nodeParamsSchema.optional(),
};

export const nodeSchema = z.object(nodeShape);
const strictNodeSchema = z.strictObject({ ...nodeShape, position: z.strictObject(positionShape).optional() });

const edgeShape = {
  id,
  source: z.string({ error: 'source must be a node id' }),
  target: z.string({ error: 'target must be a node id' }),
  params: z
    .strictObject({
      latencyMs: upTo('latencyMs', HOUR_MS, '3,600,000 (an hour)').optional(),
      share: upTo('share', MILLION, '1,000,000').optional(),
    })
    .optional(),
};

export const edgeSchema = z.object(edgeShape);
const strictEdgeSchema = z.strictObject(edgeShape);

/** A value a refusal message quotes after "got": numbers as written, text quoted (its start only). */
function got(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `"${echoed(v)}"`;
  return describeValue(v);
}

const shown = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

/**
 * A workload number from `min` to `max`. Every refusal (not a number, NaN,
 * Infinity, below, above) names the field as `workload.<field>` and the
 * allowed range, and says what it got. The checks stay zod's own `min`/`max`,
 * so forms that reword issues by their code (the scenario form) still can.
 */
function workloadNumber(field: string, min: number, max: number, options: { maxShown?: string; why?: string } = {}) {
  const range = `between ${shown(min)} and ${options.maxShown ?? shown(max)}${options.why ? ` (${options.why})` : ''}`;
  const message = (i: { input?: unknown }) => {
    if (i.input === undefined) return `workload.${field} is required: a number ${range}`;
    const finiteNumber = typeof i.input === 'number' && Number.isFinite(i.input);
    return `workload.${field} must be ${finiteNumber ? '' : 'a number '}${range}; got ${got(i.input)}`;
  };
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}

/** How far a design's users are spread (MODEL.md §9, v2 workload). */
export const AUDIENCES = ['regional', 'global'] as const;

/**
 * The workload (MODEL.md §1.2, §9.5). Fields other than `users` are optional;
 * the engine fills their defaults (its workload.ts), which are noted
 * here for the fields version 2 adds: queriesPerRead 10, queriesPerWrite 5,
 * deploysPerDay 1, flashFactor 5, audience "regional".
 */
export const workloadSchema = z.strictObject({
  users: workloadNumber('users', 0, MAX_USERS, { maxShown: '10,000,000,000 (10 billion)' }),
  requestsPerUserPerDay: workloadNumber('requestsPerUserPerDay', 0, MILLION).optional(),
  // MODEL.md §9.5: the busiest hour cannot carry more than the whole day's requests.
  peakFactor: workloadNumber('peakFactor', 1, MAX_PEAK_FACTOR, { why: 'a peak hour cannot carry more than the day' }).optional(),
  staticShare: workloadNumber('staticShare', 0, 1).optional(),
  readRatio: workloadNumber('readRatio', 0, 1).optional(),
  asyncShare: workloadNumber('asyncShare', 0, 1).optional(),
  jobServiceMs: workloadNumber('jobServiceMs', 0, HOUR_MS, { maxShown: '3,600,000 (an hour)' }).optional(),
  staticKB: workloadNumber('staticKB', 0, MILLION, { maxShown: '1,000,000 (a gigabyte)' }).optional(),
  dynamicKB: workloadNumber('dynamicKB', 0, MILLION, { maxShown: '1,000,000 (a gigabyte)' }).optional(),
  dataPerUserMB: workloadNumber('dataPerUserMB', 0, MILLION, { maxShown: '1,000,000 (a terabyte)' }).optional(),
  /** Database queries one read makes (default 10). */
  queriesPerRead: workloadNumber('queriesPerRead', 1, 1000).optional(),
  /** Database queries one write makes (default 5). */
  queriesPerWrite: workloadNumber('queriesPerWrite', 1, 1000).optional(),
  /** Deployments a day (default 1). */
  deploysPerDay: workloadNumber('deploysPerDay', 0, 1000).optional(),
  /** A flash crowd's traffic as a multiple of the peak (default 5, MODEL.md §9.5). */
  flashFactor: workloadNumber('flashFactor', 1, 100).optional(),
  /** Where the users are (default "regional"). */
  audience: z
    .enum(AUDIENCES, {
      error: (i) => `workload.audience must be ${AUDIENCES.map((a) => `"${a}"`).join(' or ')}; got ${got(i.input)}`,
    })
    .optional(),
  /** Analytics queries run per hour (default 0, docs/model.md §14.4). */
  analyticsQueriesPerHour: workloadNumber('analyticsQueriesPerHour', 0, MILLION).optional(),
  /** GB one analytics query reads (default 10). */
  analyticsScanGB: workloadNumber('analyticsScanGB', 0, MILLION, { maxShown: '1,000,000 (a petabyte)' }).optional(),
  /** KB of one event stored in a warehouse (default 1). */
  eventKB: workloadNumber('eventKB', 0, MILLION, { maxShown: '1,000,000 (a gigabyte)' }).optional(),
});

const designShape = <N extends z.ZodType, E extends z.ZodType>(node: N, edge: E) => ({
  schemaVersion: z.literal(1, { error: 'schemaVersion must be 1' }),
  name: z.string({ error: 'name must be a string' }).max(200, { error: 'name must be at most 200 characters' }).optional(),
  workload: workloadSchema.optional(),
  nodes: z.array(node, { error: 'nodes must be a list' }).max(20000, { error: 'a design may have at most 20000 nodes' }),
  edges: z.array(edge, { error: 'edges must be a list' }).max(100000, { error: 'a design may have at most 100000 edges' }),
});

const designSchemaBase = z.object(designShape(nodeSchema, edgeSchema));
type DesignShape = z.output<typeof designSchemaBase>;

/**
 * What the schemas accept is exactly the `Design` type (types.ts), checked
 * when the project compiles: a field added to one and not the other, or a
 * different type, fails the type check here instead of being cast away.
 */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _schemaIsDesign: Equals<DesignShape, Design> = true;
void _schemaIsDesign;

/** Node and edge ids are unique, edges join existing nodes, and traffic flows one way. */
function checkGraph(d: DesignShape, ctx: z.RefinementCtx<DesignShape>) {
  const nodeIds = new Map<string, number>();
  d.nodes.forEach((n, i) => {
    // A technology must fit its node's kind (docs/model.md §14); the refusal names the kind's choices.
    const tech = n.params?.technology;
    if (tech !== undefined && technologiesOf(n.kind).length > 0) {
      const wrong = technologyMismatch(n.kind, tech);
      if (wrong) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'params', 'technology'], message: wrong });
    }
    if (nodeIds.has(n.id)) {
      ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `duplicate node id "${n.id}" (also nodes[${nodeIds.get(n.id)}])` });
    } else nodeIds.set(n.id, i);
  });
  const edgeIds = new Map<string, number>();
  d.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) {
      ctx.addIssue({ code: 'custom', path: ['edges', i, 'id'], message: `duplicate edge id "${e.id}" (also edges[${edgeIds.get(e.id)}])` });
    } else edgeIds.set(e.id, i);
    if (!nodeIds.has(e.source)) {
      ctx.addIssue({ code: 'custom', path: ['edges', i, 'source'], message: `edge "${e.id}" starts at "${e.source}", which is not a node` });
    }
    if (!nodeIds.has(e.target)) {
      ctx.addIssue({ code: 'custom', path: ['edges', i, 'target'], message: `edge "${e.id}" ends at "${e.target}", which is not a node` });
    }
    if (e.source === e.target) {
      ctx.addIssue({ code: 'custom', path: ['edges', i], message: `edge "${e.id}" connects "${e.source}" to itself` });
    }
  });
  if (ctx.value.nodes.length > 0) {
    const cycle = findCycle(d.nodes, d.edges.filter((e) => e.source !== e.target));
    if (cycle) {
      ctx.addIssue({ code: 'custom', path: ['edges'], message: `the design has a cycle: ${cycle.join(' → ')}; traffic must flow one way` });
    }
  }
}

/** A design document; fields it does not know are dropped. */
export const designSchema = designSchemaBase.superRefine(checkGraph);

/**
 * The same, refusing fields it does not know: for documents sent to the API,
 * where a dropped field (a misspelt `workLoad`) would be lost without a word.
 */
const strictDesignSchema = z.strictObject(designShape(strictNodeSchema, strictEdgeSchema)).superRefine(checkGraph);
const _strictSchemaIsDesign: Equals<z.output<typeof strictDesignSchema>, Design> = true;
void _strictSchemaIsDesign;

export interface DesignIssue {
  /** Dotted path to the offending field, e.g. `nodes[2].params.instances`. */
  path: string;
  message: string;
}

/** Something changed while loading an older design (a param dropped), to tell the user. */
export type DesignNotice = DesignIssue;

export type ParseResult = { ok: true; design: Design; notices: DesignNotice[] } | { ok: false; issues: DesignIssue[] };

// ---------------------------------------------------------------------------
// Params that apply to a kind (MODEL.md §9.5). The one list is each kind's
// `KIND_PARAMS[kind]` (params.ts; the engine's catalog reads it too), plus `technology` where TECHNOLOGIES gives the kind
// a choice (`paramsOfNode`); nothing here repeats them.

/** "a database", "an app-server", "a users node". */
function aKind(kind: Kind): string {
  if (kind === 'users') return 'a users node';
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** The params a node of `kind` takes, in inspector order: its entry in KIND_PARAMS. */
export function paramsOfKind(kind: Kind): readonly (keyof NodeParams)[] {
  return KIND_PARAMS[kind];
}

/**
 * The params a node takes: its kind's settings less those its technology
 * does not take (a managed store has no instances), then `technology` where
 * the kind has a choice of product (technologies.ts), then the
 * params its technology adds (e.g. kafka: partitions). The technology is kept
 * out of the kind's list, which names a kind's settings in refusals.
 */
export function paramsOfNode(kind: Kind, technology?: string): readonly (keyof NodeParams)[] {
  const own = KIND_PARAMS[kind];
  if (technologiesOf(kind).length === 0) return own;
  const without = technologyWithoutParams(kind, technology);
  const base = without.length === 0 ? own : own.filter((k) => !without.includes(k));
  const extra = technologyParams(kind, technology).filter((k) => !base.includes(k));
  return [...base, 'technology', ...extra];
}

/** "a database takes: size, shards, …" (or "takes no params"); with a technology, "a queue of technology sqs takes: …". */
function takes(kind: Kind, technology?: string): string {
  const chosen = technology !== undefined && technologiesOf(kind).includes(technology);
  // A generic node is told its kind's settings, as before technologies; a chosen technology's list says what it adds and drops.
  const list = chosen ? paramsOfNode(kind, technology) : paramsOfKind(kind);
  const who = chosen ? `${aKind(kind)} of technology ${technology}` : aKind(kind);
  return list.length > 0 ? `${who} takes: ${list.join(', ')}` : `${who} takes no params`;
}

/** " of technology sqs" for a node with a technology that fits its kind, else "". */
function techWords(node: { kind: Kind; params?: NodeParams }): string {
  const t = node.params?.technology;
  return t !== undefined && technologiesOf(node.kind).includes(t) ? ` of technology ${t}` : '';
}

/** The node's params (with a value) that its kind does not take. */
export function inapplicableParams(node: { kind: Kind; params?: NodeParams }): (keyof NodeParams)[] {
  if (!node.params) return [];
  const allowed = new Set<string>(paramsOfNode(node.kind, node.params.technology));
  return (Object.keys(node.params) as (keyof NodeParams)[]).filter(
    (k) => node.params![k] !== undefined && !allowed.has(k),
  );
}

/** One issue per param a node's kind does not take: for new designs, which are refused. */
export function inapplicableParamIssues(design: Pick<Design, 'nodes'>): DesignIssue[] {
  const issues: DesignIssue[] = [];
  design.nodes.forEach((node, i) => {
    for (const key of inapplicableParams(node)) {
      const path = `nodes[${i}].params.${key}`;
      issues.push({ path, message: `${path} does not apply to ${aKind(node.kind)}${techWords(node)}; ${takes(node.kind, node.params?.technology)}` });
    }
  });
  return issues;
}

/**
 * The design without the params its nodes' kinds do not take, and a notice
 * per dropped param: for older designs, which still load. The design is
 * returned as is when nothing is dropped.
 */
export function dropInapplicableParams(design: Design): { design: Design; notices: DesignNotice[] } {
  const notices: DesignNotice[] = [];
  let changed = false;
  const nodes = design.nodes.map((node, i) => {
    const drop = inapplicableParams(node);
    if (drop.length === 0) return node;
    changed = true;
    const params: NodeParams = { ...node.params };
    for (const key of drop) {
      delete params[key];
      notices.push({
        path: `nodes[${i}].params.${key}`,
        message: `dropped ${key} from "${node.id}": it does not apply to ${aKind(node.kind)}${techWords(node)} (${takes(node.kind, node.params?.technology)})`,
      });
    }
    return { ...node, params };
  });
  return changed ? { design: { ...design, nodes }, notices } : { design, notices };
}

/** The notices of a load as one sentence for a banner or toast; '' when there are none. */
export function describeNotices(notices: readonly DesignNotice[]): string {
  if (notices.length === 0) return '';
  const head =
    notices.length === 1
      ? 'One setting did not apply and was dropped'
      : `${notices.length} settings did not apply and were dropped`;
  return `${head}: ${notices.map((n) => n.message.replace(/^dropped /, '')).join('; ')}.`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Unknown fields an issue names; the rest are counted. */
const MAX_KEYS_NAMED = 5;

const EXPECTED_WORDS: Record<string, string> = {
  object: 'a JSON object',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/**
 * The few issues a schema does not word itself (a value that is not an
 * object, a missing field, an unknown field), in plain words naming the
 * field, instead of zod's "Invalid input: expected object, received array".
 * Pass as the `error` of a safeParse of untrusted input; a schema's own
 * messages take precedence. `root` names the whole input in messages.
 */
export function plainIssueMessages(root: string) {
  return (iss: z.core.$ZodRawIssue): string | undefined => {
    const path = iss.path ?? [];
    // The field as a reader knows it: its own name, with any list index after it.
    const lastKey = path.findLastIndex((p) => typeof p !== 'number');
    const name = lastKey < 0 ? root : formatPath(path.slice(lastKey));
    const fields = iss.inst instanceof z.ZodObject ? Object.keys(iss.inst.shape) : [];
    if (iss.code === 'invalid_type') {
      if (iss.input === undefined && path.length > 0) return `${name} is required`;
      const expected = EXPECTED_WORDS[iss.expected] ?? iss.expected;
      const withFields = path.length === 0 && fields.length > 0 ? ` with ${fields.join(', ')}` : '';
      return `${name} must be ${expected}${withFields}, not ${describeValue(iss.input)}`;
    }
    if (iss.code === 'unrecognized_keys') {
      // The names are the sender's: quote only the start of each, and only the first few.
      const keys = iss.keys.slice(0, MAX_KEYS_NAMED).map((k) => `"${echoed(k)}"`).join(', ');
      const more = iss.keys.length > MAX_KEYS_NAMED ? ` and ${iss.keys.length - MAX_KEYS_NAMED} more` : '';
      return `unknown field${iss.keys.length === 1 ? '' : 's'} ${keys}${more}${fields.length > 0 ? `; the fields are ${fields.join(', ')}` : ''}`;
    }
    return undefined;
  };
}

const plainDesignIssues = plainIssueMessages('the design');

/**
 * Older document versions, each migrated one step up. A document without
 * `schemaVersion` predates versioning and is treated as version 0.
 */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  0: (doc) => ({ ...doc, schemaVersion: 1 }),
};

/** Brings an older document up to the current schema version. */
export function migrateDesign(raw: unknown): { ok: true; doc: unknown } | { ok: false; issues: DesignIssue[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '', message: 'a design must be a JSON object' }] };
  }
  let doc = raw as Record<string, unknown>;
  let version = doc.schemaVersion === undefined ? 0 : doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, issues: [{ path: 'schemaVersion', message: 'schemaVersion must be a whole number' }] };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [{ path: 'schemaVersion', message: `schemaVersion ${version} is newer than this app understands (${CURRENT_SCHEMA_VERSION})` }],
    };
  }
  while (version < CURRENT_SCHEMA_VERSION) {
    doc = migrations[version](doc);
    version++;
  }
  return { ok: true, doc };
}

/** How {@link parseDesign} reads a document. */
export interface ParseOptions {
  /**
   * Refuse fields the schema does not know instead of dropping them: for
   * documents sent to the API, where a dropped field (a misspelt `workLoad`)
   * would be lost without a word.
   */
  strict?: boolean;
  /**
   * A new design (saved, submitted or evaluated from the command line):
   * params that do not apply to a node's kind are refused. Without it the
   * document is an older one being loaded: such params are dropped, each
   * with a notice, so nothing already saved stops loading (MODEL.md §9.5).
   * Defaults to `strict`.
   */
  newDesign?: boolean;
}

/**
 * Validates (after migrating) an untrusted design document. Saved documents
 * and files are read without `strict`/`newDesign`, so nothing already saved
 * stops loading; what loading changed comes back as `notices`.
 */
export function parseDesign(raw: unknown, options: ParseOptions = {}): ParseResult {
  const migrated = migrateDesign(raw);
  if (!migrated.ok) return migrated;
  const isNew = options.newDesign ?? options.strict;
  // A design saved before version 2 capped the peak factor may carry one above
  // 24: it loads at 24 with a notice rather than not at all (MODEL.md §9.5).
  const clamped: DesignNotice[] = [];
  if (!isNew) {
    const doc = migrated.doc as { workload?: Record<string, unknown> };
    const pf = doc.workload?.peakFactor;
    if (typeof pf === 'number' && Number.isFinite(pf) && pf > MAX_PEAK_FACTOR) {
      migrated.doc = { ...doc, workload: { ...doc.workload, peakFactor: MAX_PEAK_FACTOR } };
      clamped.push({ path: 'workload.peakFactor', message: `was ${pf}, above ${MAX_PEAK_FACTOR} (a peak hour cannot carry more than the day): loaded as ${MAX_PEAK_FACTOR}` });
    }
  }
  const schema = options.strict ? strictDesignSchema : designSchema;
  const result = schema.safeParse(migrated.doc, { error: plainDesignIssues });
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((i) => {
        const path = formatPath(i.path);
        return { path, message: i.message };
      }),
    };
  }
  const design: Design = result.data;
  if (isNew) {
    const issues = inapplicableParamIssues(design);
    return issues.length > 0 ? { ok: false, issues } : { ok: true, design, notices: [] };
  }
  const dropped = dropInapplicableParams(design);
  return { ok: true, ...dropped, notices: [...clamped, ...dropped.notices] };
}

/** One line per issue, `path: message`, for error responses and the CLI. */
export function describeIssues(issues: readonly DesignIssue[]): string {
  return issues.map(issueLine).join('\n');
}

/** `path: message`, or the message alone when it already starts with the path it names. */
export function issueLine(i: DesignIssue): string {
  return i.path && !i.message.startsWith(i.path) ? `${i.path}: ${i.message}` : i.message;
}
