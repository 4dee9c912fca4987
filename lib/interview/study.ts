/**
 * The lessons and guides an interview review can send a learner to. Each id
 * is a page under /learn (content/lessons or content/guides); a unit test
 * keeps this list and those files in step.
 */
export const STUDY = {
  'stage-1-single-server': 'A single server',
  'stage-2-separate-database': 'A separate database',
  'stage-3-load-balancer': 'A load balancer and a horizontal app tier',
  'stage-4-replication-sharding': 'Replication and sharding',
  'stage-5-cache-cdn': 'Cache and CDN',
  'stage-6-async-queues': 'Asynchronous processing with queues',
  'stage-7-microservices': 'Microservices and an API gateway',
  'stage-8-web-scale': 'Web scale',
  'guide-bottlenecks': 'Finding and removing bottlenecks',
  'guide-caching': 'Caching strategies and invalidation',
  'guide-cdn': 'CDNs and object storage for static content',
  'guide-choosing-technology': 'Choosing a technology',
  'guide-consistency': 'Consistency and the CAP theorem',
  'guide-cost': 'What a design costs',
  'guide-databases': 'Databases: SQL, NoSQL and NewSQL',
  'guide-estimation': 'Back-of-the-envelope estimation',
  'guide-event-driven': 'Event-driven architecture: pub/sub, event sourcing and CQRS',
  'guide-latency': 'Where the milliseconds go',
  'guide-latency-throughput': 'Latency and throughput',
  'guide-microservices': 'Microservices and API gateways',
  'guide-observability': 'Observability: metrics, logs, traces and alerts',
  'guide-queueing': 'Why latency explodes near full utilisation',
  'guide-queues': 'Queues, backpressure and retries',
  'guide-rate-limiting': 'Rate limiting and load shedding',
  'guide-regions': 'Running in several regions',
  'guide-reliability': 'Availability, redundancy and failure handling',
  'guide-replication': 'Replication and failover',
  'guide-sharding': 'Sharding',
  'guide-wiring': 'Wiring a design so every request has somewhere to go',
} as const;

export type StudyId = keyof typeof STUDY;
export const STUDY_IDS = Object.keys(STUDY) as [StudyId, ...StudyId[]];

export function isStudyId(value: unknown): value is StudyId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STUDY, value);
}

export function studyHref(id: StudyId): string {
  return `/learn/${id}`;
}
