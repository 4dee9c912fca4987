/**
 * The "Entities & API" step: what a problem expects (content/problems/*.json,
 * key "interface") and what a candidate enters (kept with the attempt).
 *
 * A candidate's answer is structured, not free text: entities with typed
 * fields (a field is this entity's id, a reference to another entity's id,
 * a timestamp, …), endpoints (method, path, the requirement served, request
 * and response fields) and per entity a table (primary key, indexes,
 * partition key). api-check.ts judges it by structure and by the model.
 */
import { z } from 'zod';

const slug = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'ids are kebab-case: lower-case letters, digits and hyphens' });
const text = z.string().trim().min(1);

/** What a field is, as the candidate declares it. */
export const FIELD_TYPES = ['id', 'ref', 'text', 'number', 'timestamp', 'enum', 'boolean', 'geo', 'blob'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const FIELD_TYPE_LABEL: Record<FieldType, string> = {
  id: 'Own id',
  ref: 'Reference',
  text: 'Text',
  number: 'Number',
  timestamp: 'Timestamp',
  enum: 'Enum',
  boolean: 'Boolean',
  geo: 'Geo cell',
  blob: 'Blob / URL',
};

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

/**
 * A field's role, the vocabulary shared by content and judgement: `id` (the
 * entity's own id), `ref:<entity>` (the id of another entity), or a plain
 * type (`timestamp`, `enum`, `text`, …).
 */
const role = z.string().regex(/^(id|ref:[a-z0-9-]+|text|number|timestamp|enum|boolean|geo|blob)$/, {
  error: 'a role is id, ref:<entity>, text, number, timestamp, enum, boolean, geo or blob',
});

/** A field a request or response must carry: by role (resolved through the candidate's own fields) or by name. */
const needSchema = z
  .strictObject({
    label: text,
    role: role.optional(),
    /** Accepted field names, compared without case, underscores or hyphens. */
    names: z.array(z.string().trim().min(1)).optional(),
  })
  .refine((n) => n.role !== undefined || (n.names?.length ?? 0) > 0, { error: 'a need names a role or field names' });

export const accessPatternSchema = z.strictObject({
  id: slug,
  /** The functional requirement this pattern serves. */
  requirement: slug,
  /** What the request does, in the review's words ("Read a conversation's recent messages"). */
  label: text,
  kind: z.enum(['create', 'read', 'update', 'delete']),
  entity: slug,
  /** The ids the request is addressed by, in order (path parameters; the lookup an index must serve). */
  by: z.array(role).default([]),
  /** Reads that return rows in time order need a timestamp after `by` in the key or an index. */
  orderBy: z.literal('timestamp').optional(),
  request: z.array(needSchema).default([]),
  response: z.array(needSchema).default([]),
  /** Its share of the problem's dynamic requests at peak (reads add up to readRatio, writes to the rest). */
  share: z.number().gt(0).max(1),
});

/** What a candidate partition key does to one access pattern: the busiest key value's share of it, or "scatter" (the key does not route it: every partition answers each request). */
const hottest = z.union([z.number().min(0).max(1), z.literal('scatter')]);

export const partitionKeySchema = z.strictObject({
  key: role,
  /** How the review names it ("conversation id"). */
  label: text,
  acceptable: z.boolean(),
  /** Per access pattern on the partitioned entity. */
  hottest: z.record(slug, hottest),
  /** Why, in one or two sentences for the review. */
  why: text,
});

export const interfaceSchema = z.strictObject({
  entities: z
    .array(
      z.strictObject({
        id: slug,
        label: text,
        /** Names a candidate may give it (compared without case, separators or a plural s). */
        names: z.array(z.string().trim().min(1)).min(1),
      }),
    )
    .min(2),
  accessPatterns: z.array(accessPatternSchema).min(2),
  /** Functional requirements served without an endpoint of their own (a background job, a field of another request), and how. */
  internal: z.array(z.strictObject({ requirement: slug, why: text })).default([]),
  /** The table whose partition key is judged by the model's hot-partition check. */
  partition: z.strictObject({ entity: slug, keys: z.array(partitionKeySchema).min(2) }),
});

export type Interface = z.infer<typeof interfaceSchema>;
export type AccessPattern = z.infer<typeof accessPatternSchema>;
export type Need = z.infer<typeof needSchema>;
export type PartitionKeySpec = z.infer<typeof partitionKeySchema>;

/** Checks of an interface against the rest of its problem (called from the problem's superRefine). */
export function interfaceIssues(
  iface: Interface,
  requirements: { id: string; kind: string }[],
  readRatio: number,
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const entities = new Set(iface.entities.map((e) => e.id));
  const functional = new Set(requirements.filter((r) => r.kind === 'functional').map((r) => r.id));
  const refOk = (r: string) => !r.startsWith('ref:') || entities.has(r.slice(4));
  const seen = new Set<string>();
  iface.accessPatterns.forEach((p, i) => {
    const at = ['interface', 'accessPatterns', i];
    if (seen.has(p.id)) out.push({ path: at, message: `duplicate access pattern id "${p.id}"` });
    seen.add(p.id);
    if (!functional.has(p.requirement))
      out.push({ path: [...at, 'requirement'], message: `no functional requirement "${p.requirement}"` });
    if (!entities.has(p.entity)) out.push({ path: [...at, 'entity'], message: `no entity "${p.entity}"` });
    for (const r of [...p.by, ...[...p.request, ...p.response].flatMap((n) => (n.role ? [n.role] : []))])
      if (!refOk(r)) out.push({ path: at, message: `"${r}" refers to no entity` });
  });
  const served = new Set([
    ...iface.accessPatterns.map((p) => p.requirement),
    ...iface.internal.map((r) => r.requirement),
  ]);
  iface.internal.forEach((r, i) => {
    if (!functional.has(r.requirement))
      out.push({ path: ['interface', 'internal', i], message: `no functional requirement "${r.requirement}"` });
  });
  for (const id of functional)
    if (!served.has(id))
      out.push({
        path: ['interface', 'accessPatterns'],
        message: `functional requirement "${id}" has no access pattern`,
      });
  const sum = (kinds: string[]) =>
    iface.accessPatterns.filter((p) => kinds.includes(p.kind)).reduce((s, p) => s + p.share, 0);
  const reads = sum(['read']);
  const writes = sum(['create', 'update', 'delete']);
  if (Math.abs(reads - readRatio) > 0.005)
    out.push({
      path: ['interface', 'accessPatterns'],
      message: `read patterns' shares add up to ${reads.toFixed(3)}, not the workload's readRatio ${readRatio}`,
    });
  if (Math.abs(writes - (1 - readRatio)) > 0.005)
    out.push({
      path: ['interface', 'accessPatterns'],
      message: `write patterns' shares add up to ${writes.toFixed(3)}, not 1 − readRatio = ${(1 - readRatio).toFixed(3)}`,
    });
  const pe = iface.partition.entity;
  if (!entities.has(pe)) out.push({ path: ['interface', 'partition', 'entity'], message: `no entity "${pe}"` });
  const onTable = iface.accessPatterns.filter((p) => p.entity === pe).map((p) => p.id);
  if (onTable.length === 0)
    out.push({ path: ['interface', 'partition', 'entity'], message: `no access pattern on "${pe}"` });
  const keys = new Set<string>();
  iface.partition.keys.forEach((k, i) => {
    const at = ['interface', 'partition', 'keys', i];
    if (keys.has(k.key)) out.push({ path: at, message: `duplicate partition key "${k.key}"` });
    keys.add(k.key);
    if (!refOk(k.key)) out.push({ path: at, message: `"${k.key}" refers to no entity` });
    for (const id of onTable)
      if (!(id in k.hottest)) out.push({ path: [...at, 'hottest'], message: `says nothing about "${id}"` });
    for (const id of Object.keys(k.hottest))
      if (!onTable.includes(id))
        out.push({ path: [...at, 'hottest', id], message: `"${id}" is not a pattern on "${pe}"` });
  });
  if (!iface.partition.keys.some((k) => k.acceptable))
    out.push({ path: ['interface', 'partition', 'keys'], message: 'no acceptable partition key' });
  if (!iface.partition.keys.some((k) => !k.acceptable))
    out.push({ path: ['interface', 'partition', 'keys'], message: 'list at least one key that fails, to teach why' });
  return out;
}

/* ---- The candidate's answer (stored with the attempt) ---- */

const name = z.string().max(80);
const rowId = z.string().min(1).max(40);

export const fieldSchema = z.object({
  id: rowId,
  name,
  type: z.enum(FIELD_TYPES),
  ref: rowId.nullable().default(null),
});
export const entityAnswerSchema = z.object({
  id: rowId,
  name,
  fields: z.array(fieldSchema).max(30),
  /** The table: primary key (one or two field ids), indexes (each one or two), partition key. */
  primaryKey: z.array(rowId).max(2).default([]),
  indexes: z.array(z.array(rowId).max(2)).max(10).default([]),
  partitionKey: rowId.nullable().default(null),
});
export const endpointSchema = z.object({
  id: rowId,
  method: z.enum(METHODS),
  path: z.string().max(200),
  /** The requirement it serves (a requirement id), or '' for none chosen. */
  serves: z.string().max(60),
  request: z.string().max(300),
  response: z.string().max(300),
});
export const apiAnswerSchema = z.object({
  entities: z.array(entityAnswerSchema).max(20),
  endpoints: z.array(endpointSchema).max(30),
});

export type FieldAnswer = z.infer<typeof fieldSchema>;
export type EntityAnswer = z.infer<typeof entityAnswerSchema>;
export type EndpointAnswer = z.infer<typeof endpointSchema>;
export type ApiAnswer = z.infer<typeof apiAnswerSchema>;

export const EMPTY_API: ApiAnswer = { entities: [], endpoints: [] };
