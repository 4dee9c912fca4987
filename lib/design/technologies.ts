/**
 * The technologies a node of a kind may be (docs/model.md §14), as far as a
 * design document is concerned: which ids fit which kind, and which params
 * each one adds to its kind's or does not take. The engine's registry
 * (the engine's technologies.ts) adds the figures (defaults, model, labels) to
 * these ids; the schema, the inspector and the engine all read the choices
 * from here.
 *
 * A read replica has no technology of its own: it follows its primary's.
 */
import type { Kind } from './kinds';
import type { NodeParams } from './types';

/** The technologies each kind may be; a kind not listed has no choice. */
export const TECHNOLOGIES = {
  cache: ['redis', 'valkey', 'memcached', 'serverless-cache'],
  database: ['postgresql', 'mysql', 'aurora'], // read-replica follows its primary's technology
  nosql: ['dynamodb', 'cassandra'],
  queue: ['sqs', 'rabbitmq', 'kafka'],
  'load-balancer': ['managed', 'haproxy', 'envoy'],
  'api-gateway': ['managed', 'envoy'],
} as const satisfies Partial<Record<Kind, readonly string[]>>;

export type TechnologyKind = keyof typeof TECHNOLOGIES;
export type TechnologyId<K extends TechnologyKind = TechnologyKind> = (typeof TECHNOLOGIES)[K][number];
export type TechnologyKey = { [K in TechnologyKind]: `${K}:${TechnologyId<K>}` }[TechnologyKind];

/** What a node without a technology is called wherever one is shown. */
export const GENERIC = 'generic';

type ParamKey = keyof NodeParams;

/** Params a managed service has no use for: it has no instances, sizes or cores to set. */
const NO_NODES = ['instances', 'size', 'cores', 'serviceMs', 'hourlyUsd', 'replicationFactor', 'maxStorageGB'] as const;

/**
 * The params a technology adds to its kind's (`params`, e.g. kafka:
 * partitions) and its kind's params it does not take (`withoutParams`: a
 * managed store has no instances), refused like any other. A technology not
 * listed takes exactly its kind's.
 */
export const TECHNOLOGY_PARAMS: Partial<Record<TechnologyKey, { readonly params?: readonly ParamKey[]; readonly withoutParams?: readonly ParamKey[] }>> = {
  'nosql:dynamodb': { withoutParams: NO_NODES },
  'nosql:cassandra': { params: ['consistency'] },
  'queue:sqs': { params: ['fifo', 'batchSize'], withoutParams: ['instances', 'hourlyUsd'] },
  'queue:rabbitmq': { params: ['queueType'] },
  'queue:kafka': { params: ['partitions', 'retentionHours'] },
  'load-balancer:managed': { withoutParams: ['instances', 'hourlyUsd'] },
  'api-gateway:managed': { withoutParams: ['instances', 'hourlyUsd'] },
};

/** The technologies a kind may be, in the registry's order; [] when the kind has no choice. */
export function technologiesOf(kind: Kind): readonly string[] {
  return (TECHNOLOGIES as Partial<Record<Kind, readonly string[]>>)[kind] ?? [];
}

/** Whether `id` is one of the kind's technologies. */
export function fitsKind(kind: Kind, id: string): boolean {
  return technologiesOf(kind).includes(id);
}

/** "redis, valkey, memcached or serverless-cache". */
export function listChoices(kind: Kind): string {
  const list = technologiesOf(kind);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

/** "a cache", "an api-gateway". */
export function aKind(kind: Kind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/**
 * The refusal for a technology that does not fit its node's kind, naming the
 * allowed choices; null when it fits (or is absent).
 */
export function technologyMismatch(kind: Kind, id: unknown): string | null {
  if (id === undefined) return null;
  const shown = typeof id === 'string' ? `"${id.slice(0, 40)}"` : String(id);
  const list = technologiesOf(kind);
  if (kind === 'read-replica') return `technology ${shown} does not fit a read-replica: it follows its primary's technology; set it on the database`;
  if (list.length === 0) return `technology ${shown} does not fit ${aKind(kind)}: ${aKind(kind)} has no technology choice; leave it out`;
  if (typeof id === 'string' && list.includes(id)) return null;
  return `technology ${shown} does not fit ${aKind(kind)}; choose ${listChoices(kind)}, or leave it out for generic`;
}

function paramsEntry(kind: Kind, id: string | undefined) {
  if (id === undefined || id === GENERIC || !fitsKind(kind, id)) return undefined;
  return TECHNOLOGY_PARAMS[`${kind}:${id}` as TechnologyKey];
}

/** The kind's params a node's technology does not take (docs/model.md §14.2). */
export function technologyWithoutParams(kind: Kind, id: string | undefined): readonly ParamKey[] {
  return paramsEntry(kind, id)?.withoutParams ?? [];
}

/** The NodeParams keys a node's technology adds to its kind's. */
export function technologyParams(kind: Kind, id: string | undefined): readonly ParamKey[] {
  return paramsEntry(kind, id)?.params ?? [];
}
