/**
 * The component kinds of catalog v1 (MODEL.md §2.1) and the per-node
 * parameter names a design may override (MODEL.md §1.1).
 *
 * Kept free of any dependency so that the design schema, the engine and the
 * canvas can all share one list (the engine imports them from here).
 */
export const KINDS = [
  'users',
  'dns',
  'cdn',
  'load-balancer',
  'api-gateway',
  'rate-limiter',
  'server',
  'app-server',
  'service',
  'cache',
  'database',
  'read-replica',
  'nosql',
  'object-storage',
  'queue',
  'worker',
  'search',
  'monitoring',
  'logging',
  // Cloud-native kinds (docs/model.md §14.3).
  'serverless',
  'container-cluster',
  // Stream processing and analytics (docs/model.md §14.4).
  'stream-processor',
  'warehouse',
] as const;

export type Kind = (typeof KINDS)[number];

export const SIZES = ['small', 'medium', 'large', 'xlarge'] as const;
export type Size = (typeof SIZES)[number];

export const LB_ALGORITHMS = ['round-robin', 'random', 'least-connections'] as const;
export type LbAlgorithm = (typeof LB_ALGORITHMS)[number];

export const DNS_ROUTING = ['simple', 'geo'] as const;
export type DnsRouting = (typeof DNS_ROUTING)[number];

export const REQUEST_CLASSES = ['static', 'read', 'write', 'job'] as const;
export type RequestClass = (typeof REQUEST_CLASSES)[number];
/** The classes users send; `job` is born inside the system. */
export const USER_CLASSES = ['static', 'read', 'write'] as const;
export type UserClass = (typeof USER_CLASSES)[number];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** Cassandra's consistency levels: replicas a read and a write wait for (docs/model.md §14.2). */
export const CONSISTENCY_LEVELS = ['one', 'quorum', 'all'] as const;
export type ConsistencyLevel = (typeof CONSISTENCY_LEVELS)[number];

/** RabbitMQ's queue types: durable classic queues on one node, or quorum queues replicated to three (docs/model.md §14.2). */
export const QUEUE_TYPES = ['classic', 'quorum'] as const;
export type QueueType = (typeof QUEUE_TYPES)[number];
