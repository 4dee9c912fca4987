/**
 * Lesson ids the engine's findings point to. The app turns each into a page
 * (content is owned by the app); every finding's `lessonId` is one of these
 * (tested).
 */
export const LESSONS = [
  { id: 'stage-1-single-server', title: 'Stage 1: a single server' },
  { id: 'stage-2-separate-database', title: 'Stage 2: a separate database' },
  { id: 'stage-3-load-balancer', title: 'Stage 3: a load balancer and a horizontal app tier' },
  { id: 'stage-4-replication-sharding', title: 'Stage 4: replication and sharding' },
  { id: 'stage-5-cache-cdn', title: 'Stage 5: cache and CDN' },
  { id: 'stage-6-async-queues', title: 'Stage 6: asynchronous processing' },
  { id: 'stage-7-microservices', title: 'Stage 7: microservices' },
  { id: 'stage-8-web-scale', title: 'Stage 8: web scale' },
  { id: 'guide-bottlenecks', title: 'Finding and removing bottlenecks' },
  { id: 'guide-queueing', title: 'Why latency explodes near full utilisation' },
  { id: 'guide-latency', title: 'Where the milliseconds go' },
  { id: 'guide-caching', title: 'Caching: hit ratios and what a miss costs' },
  { id: 'guide-cdn', title: 'CDNs and object storage for static content' },
  { id: 'guide-replication', title: 'Replication and failover' },
  { id: 'guide-sharding', title: 'Sharding: splitting data and writes' },
  { id: 'guide-queues', title: 'Queues, workers, backlog and drain time' },
  { id: 'guide-reliability', title: 'Availability, redundancy and single points of failure' },
  { id: 'guide-regions', title: 'Running in several regions' },
  { id: 'guide-rate-limiting', title: 'Rate limiting and load shedding' },
  { id: 'guide-cost', title: 'What a design costs' },
  { id: 'guide-wiring', title: 'Connecting components so every request has somewhere to go' },
] as const;

export type LessonId = (typeof LESSONS)[number]['id'];

export const LESSON_IDS: readonly LessonId[] = LESSONS.map((l) => l.id);

export function isLessonId(value: unknown): value is LessonId {
  return typeof value === 'string' && (LESSON_IDS as readonly string[]).includes(value);
}
