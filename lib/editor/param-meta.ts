/**
 * How the inspector presents each parameter: its input, a sensible range,
 * units and a one-line help text, all read from the design's parameter
 * registry (lib/design/params.ts), where the schema reads its bounds too.
 * The engine's catalog says what the defaults are; this file says how to
 * show them.
 */
import { CATALOG, NETWORK, MESH, type Kind, TECHNOLOGY_KIND_SPECS, HOURLY_PRICES, DEFAULT_CONSISTENCY, DEFAULT_QUEUE_TYPE, KAFKA, SQS, technologiesOf, technologyDefaults, technologyLabel, technologySpec, type EdgeParams, type NodeParams } from '@/lib/engine/data';
import { PARAM_KEYS, PARAMS, type NumberParam, type ParamSpec } from '@/lib/design/params';

export interface NumberMeta {
  type: 'number';
  label: string;
  unit?: string;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
  help: string;
}
export interface SelectMeta {
  type: 'select';
  label: string;
  options: readonly string[];
  help: string;
}
export interface BooleanMeta {
  type: 'boolean';
  label: string;
  help: string;
}
export interface TextMeta {
  type: 'text';
  label: string;
  maxLength: number;
  help: string;
}
/** A parameter made of several numbers (`serviceMs`, `autoscale`). */
export interface GroupMeta {
  type: 'group';
  label: string;
  help: string;
  /** `autoscale` is all or nothing: a switch turns the whole group on. */
  optional: boolean;
  fields: readonly (NumberMeta & { key: string })[];
}
export type ParamMeta = NumberMeta | SelectMeta | BooleanMeta | TextMeta | GroupMeta;

/** Engine figures the registry's help texts quote as `{name}` (lib/design/params.ts). */
const HELP_FIGURES: Record<string, number> = {
  acrossRegionsMs: NETWORK.acrossRegionsMs.value,
  kafkaPartitionMBps: KAFKA.partitionMBps.value,
  sqsFifoCallsPerSecond: SQS.fifoCallsPerSecond.value,
};

function helpText(help: string): string {
  return help.replace(/\{(\w+)\}/g, (all, name: string) => {
    const figure = HELP_FIGURES[name];
    if (figure === undefined) throw new Error(`param help names an unknown figure ${all}`);
    return String(figure);
  });
}

function numberMeta(p: NumberParam): NumberMeta {
  return {
    type: 'number',
    label: p.label,
    ...(p.unit !== undefined ? { unit: p.unit } : {}),
    min: p.range.min,
    max: p.range.max,
    step: p.range.step,
    ...(p.valid.integer ? { integer: true } : {}),
    help: helpText(p.help),
  };
}

function metaOf(p: ParamSpec): ParamMeta {
  switch (p.type) {
    case 'number':
      return numberMeta(p);
    case 'select':
      return { type: 'select', label: p.label, options: p.options, help: helpText(p.help) };
    case 'boolean':
      return { type: 'boolean', label: p.label, help: helpText(p.help) };
    case 'text':
      return { type: 'text', label: p.label, maxLength: p.maxLength, help: helpText(p.help) };
    case 'group':
      return { type: 'group', label: p.label, help: helpText(p.help), optional: p.optional, fields: p.fields.map((f) => ({ key: f.key, ...numberMeta(f) })) };
  }
}

/** How the inspector shows each param: the registry's label, unit, help and range (lib/design/params.ts). */
export const PARAM_META = Object.fromEntries(PARAM_KEYS.map((key) => [key, metaOf(PARAMS[key])])) as Record<keyof NodeParams, ParamMeta>;

/** One choice of a select: the stored value ('' = the default) and what it shows. */
export interface SelectOption {
  value: string;
  label: string;
}

/**
 * The choices of a select param for a kind, the default first: a
 * technology's are its kind's (lib/engine/technologies.ts), with "Generic"
 * for none; the others are the meta's own, after "Default (…)".
 */
export function selectOptions(kind: Kind, key: keyof NodeParams): SelectOption[] {
  if (key === 'technology') {
    return [{ value: '', label: 'Generic' }, ...technologiesOf(kind).map((id) => ({ value: id, label: technologyLabel(kind, id) }))];
  }
  const meta = PARAM_META[key];
  const options = meta.type === 'select' ? meta.options : [];
  return [{ value: '', label: `Default (${defaultFor(kind, key)})` }, ...options.map((o) => ({ value: o, label: o }))];
}

/** Help texts that read better for one kind than the general one. */
const KIND_HELP: Partial<Record<Kind, Partial<Record<keyof NodeParams, string>>>> = {
  'object-storage': { instances: 'Key prefixes; each one serves about 5,500 reads a second.' },
  cdn: { hitRatio: 'Share of static requests served at the edge; misses go to the origin.' },
  cache: { hitRatio: 'Share of reads answered from memory; misses go to the data store.' },
  serverless: { latencyMs: 'Time one warm invocation runs (billed per millisecond); a cold start adds its init time.' },
  'container-cluster': {
    instances: 'Pods (copies of your container) running side by side; the nodes are added to hold them.',
    size: 'Size of each node; a larger node holds more pods.',
    cores: 'Cores one pod requests.',
    hourlyUsd: 'What one node costs per hour at this size.',
  },
  'stream-processor': {
    instances: 'Task managers side by side; each runs one slot per core.',
    cores: 'Processing slots per instance; parallelism is instances × slots, at most the upstream log\u2019s partitions.',
  },
  warehouse: {
    instances: 'Ingestion and scan units; each loads about 100,000 events a second and scans about 1 GB a second.',
    latencyMs: 'Time to load one event; reports take seconds and are shown apart.',
  },
};

export function helpFor(kind: Kind, key: keyof NodeParams, value?: unknown): string {
  if (key === 'technology' && typeof value === 'string') {
    const spec = technologySpec(kind, value);
    if (spec) return spec.description;
  }
  return KIND_HELP[kind]?.[key] ?? PARAM_META[key].help;
}

export const EDGE_PARAM_META: Record<keyof EdgeParams, NumberMeta> = {
  share: {
    type: 'number',
    label: 'Share',
    min: 0,
    max: 1,
    step: 0.05,
    help: 'Fraction of the source\u2019s traffic sent this way; blank splits automatically.',
  },
  latencyMs: {
    type: 'number',
    label: 'Latency',
    unit: 'ms',
    min: 0,
    max: 1000,
    step: 0.1,
    help: 'Network time of this hop; blank uses the default for its two ends.',
  },
};

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

/**
 * The catalog default of a parameter for a kind, as the inspector shows it
 * in an empty field ("" when the catalog has none).
 */
export function defaultFor(kind: Kind, key: keyof NodeParams, sub?: string, technology?: string): string {
  // A node with a technology shows its technology's defaults (docs/model.md §14).
  const d = (technology ? TECHNOLOGY_KIND_SPECS.get(`${kind}:${technology}`) : undefined)?.defaults ?? CATALOG[kind].defaults;
  const priceFactor = technologyDefaults(kind, technology)?.priceFactor?.value ?? 1;
  switch (key) {
    case 'availability': {
      const fig = d.availability.value;
      if (fig.type === 'managed') return formatNumber(fig.availability);
      if (fig.type === 'instance') return formatNumber(fig.mtbfHours / (fig.mtbfHours + fig.mttrHours));
      return '';
    }
    case 'hourlyUsd': {
      const price = HOURLY_PRICES[d.priceKey.value as keyof typeof HOURLY_PRICES];
      return price ? formatNumber(price.usdPerHour * priceFactor) : '';
    }
    case 'region':
      return NETWORK.defaultRegion.value;
    case 'serviceMs': {
      const v = d.serviceMs?.value;
      return v && sub ? formatNumber(v[sub as 'static' | 'read' | 'write']) : '';
    }
    case 'autoscale':
      return '';
    case 'technology':
      return 'generic';
    case 'limitRps':
      return d.limitRps ? formatNumber(d.limitRps.value) : 'no limit';
    case 'consistency':
      return DEFAULT_CONSISTENCY.value;
    case 'partitions':
      return formatNumber(KAFKA.defaultPartitions.value);
    case 'retentionHours':
      return formatNumber(KAFKA.defaultRetentionHours.value);
    case 'batchSize':
      return '1';
    case 'queueType':
      return DEFAULT_QUEUE_TYPE.value;
    default: {
      const entry = (d as unknown as Record<string, { value: unknown } | undefined>)[key];
      if (!entry) return '';
      return typeof entry.value === 'number' ? formatNumber(entry.value) : String(entry.value);
    }
  }
}

/** Checks a number against the inspector's range; null when it is inside. */
export function rangeError(meta: NumberMeta, value: number, name = meta.label): string | null {
  if (meta.integer && !Number.isInteger(value)) return `${name} must be a whole number`;
  // One side of one range: typing past either end never meets a different range on the way back.
  if (value < meta.min) return `${name} must be at least ${meta.min.toLocaleString('en-US')}`;
  if (value > meta.max) return `${name} must be at most ${meta.max.toLocaleString('en-US')}`;
  return null;
}

/** A schema-like parser: the inspector only needs to know whether a value passes, and the first message. */
export interface ValueSchema {
  safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } };
}

export type FieldCheck = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * The schema speaks in parameter paths ("hitRatio must be…", "autoscale.max
 * must be at least autoscale.min"); the inspector in field labels. Replaces
 * each path it knows by its label, longest first.
 */
export function fieldWords(message: string, names: Readonly<Record<string, string>>): string {
  let out = message;
  for (const path of Object.keys(names).sort((a, b) => b.length - a.length)) {
    out = out.split(path).join(names[path]);
  }
  return out;
}

/**
 * Parses a number field: blank = no override. The inspector's own range comes
 * first, so a field states one range (the schema's wider one can only fail for
 * a value the range already let through, e.g. a rule across fields).
 */
export function checkNumberText(text: string, badInput: boolean, meta: NumberMeta, schema: ValueSchema, name: string): FieldCheck {
  if (badInput) return { ok: false, error: `${meta.label} must be a number` };
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, error: `${meta.label} must be a number` };
  const range = rangeError(meta, n);
  if (range) return { ok: false, error: range };
  const parsed = schema.safeParse(n);
  if (!parsed.success) return { ok: false, error: fieldWords(parsed.error?.issues[0]?.message ?? `${meta.label} cannot be used`, { [name]: meta.label }) };
  return { ok: true, value: n };
}

/**
 * A rule across a group's fields, said about the field being edited: setting
 * autoscale's minimum above its maximum reads "Minimum must be at most the
 * maximum (8)". Null when the group's values agree.
 */
export function groupError(name: keyof NodeParams, edited: string, values: Readonly<Record<string, unknown>>): string | null {
  const meta = PARAM_META[name];
  if (meta.type !== 'group' || name !== 'autoscale') return null;
  const { min, max } = values;
  if (typeof min !== 'number' || typeof max !== 'number' || max >= min) return null;
  const label = (key: string) => meta.fields.find((f) => f.key === key)!.label;
  return edited === 'min'
    ? `${label('min')} must be at most the ${label('max').toLowerCase()} (${max})`
    : `${label('max')} must be at least the ${label('min').toLowerCase()} (${min})`;
}

/** A group's schema message in its fields' labels ("autoscale.target must be above 0" → "Target must be above 0"). */
export function groupWords(name: keyof NodeParams, message: string): string {
  const meta = PARAM_META[name];
  if (meta.type !== 'group') return message;
  const names: Record<string, string> = { [name]: meta.label };
  for (const f of meta.fields) names[`${name}.${f.key}`] = f.label;
  return fieldWords(message, names);
}

/** Kinds that are in no region (compile.ts `REGIONAL_EXEMPT`). */
const GLOBAL_KINDS = new Set<Kind>(['users', 'dns', 'cdn', 'monitoring', 'logging']);

/** One end of a connection, as the hop default needs it. */
export interface HopEnd {
  kind: Kind;
  region?: string;
  /** A sidecar proxy runs beside it (docs/model.md §14.3). */
  mesh?: boolean;
}

/**
 * The time the engine gives a connection left blank, and why (docs/model.md
 * §4.1 "Server-side latency", compile.ts `hop`): the network's, plus the
 * sidecar proxies of meshed ends (§14.3).
 */
export function defaultHop(from: HopEnd, to: HopEnd): { ms: number; why: string } {
  const hop = networkHop(from, to);
  const proxies = from.kind === 'users' || from.kind === 'dns' || from.kind === 'cdn' ? 0 : (from.mesh ? 1 : 0) + (to.mesh ? 1 : 0);
  if (proxies === 0) return hop;
  return {
    ms: hop.ms + proxies * MESH.proxyMs.value,
    why: `${hop.why}, plus ${formatNumber(MESH.proxyMs.value)} ms for ${proxies === 1 ? 'a sidecar proxy' : 'each of 2 sidecar proxies'}`,
  };
}

function networkHop(from: HopEnd, to: HopEnd): { ms: number; why: string } {
  const regionOf = (e: HopEnd) => (GLOBAL_KINDS.has(e.kind) ? null : (e.region ?? NETWORK.defaultRegion.value));
  if (from.kind === 'users' || from.kind === 'dns') {
    if (to.kind === 'dns') return { ms: 0, why: 'the DNS lookup time stands for it' };
    // Server-side time starts at the entry; the user's own round trips (12–38 ms to a
    // CDN edge, 20–230 ms to a region by audience) are in the user-perceived view.
    return {
      ms: 0,
      why: `server-side time starts at the ${to.kind === 'cdn' ? 'CDN edge' : 'entry'}; the user’s own round trips are in the user-perceived latency`,
    };
  }
  const a = regionOf(from);
  const b = regionOf(to);
  if (from.kind === 'cdn') {
    return b === null
      ? { ms: NETWORK.insideRegionMs.value, why: 'both ends are global' }
      : { ms: NETWORK.cdnToOriginMs.value, why: 'from the CDN edge to the origin over the internet, one round trip' };
  }
  if (a === null || b === null) return { ms: NETWORK.insideRegionMs.value, why: 'as inside a region' };
  if (a === b) return { ms: NETWORK.insideRegionMs.value, why: `both ends are in ${a}` };
  return { ms: NETWORK.acrossRegionsMs.value, why: `from ${a} to ${b}` };
}

/** The Latency field's help for one connection, with the default that applies to it. */
export function edgeLatencyHelp(from: HopEnd, to: HopEnd): string {
  const { ms, why } = defaultHop(from, to);
  return `Network time of this hop; blank uses ${formatNumber(ms)} ms (${why}).`;
}
