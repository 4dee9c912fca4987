/**
 * How the learning path groups the topic guides, in reading order. Every
 * guide in content/guides belongs to exactly one group (a test checks).
 */
export interface GuideGroup {
  title: string;
  description: string;
  ids: string[];
}

export const GUIDE_GROUPS: GuideGroup[] = [
  {
    title: 'Thinking in numbers',
    description: 'Estimate load, read latency and throughput, and find what breaks first.',
    ids: ['guide-estimation', 'guide-latency', 'guide-latency-throughput', 'guide-queueing', 'guide-bottlenecks'],
  },
  {
    title: 'Data',
    description: 'Choosing, tuning, copying and splitting the stores that hold your state.',
    ids: [
      'guide-databases',
      'guide-database-performance',
      'guide-replication',
      'guide-sharding',
      'guide-consistency',
      'guide-caching',
      'guide-cdn',
    ],
  },
  {
    title: 'Asynchronous systems',
    description: 'Queues, events and pipelines: work that does not have to happen inside the request.',
    ids: ['guide-queues', 'guide-event-driven', 'guide-data-pipelines'],
  },
  {
    title: 'Architecture',
    description: 'How components connect, where to draw service boundaries, and when not to.',
    ids: ['guide-wiring', 'guide-microservices', 'guide-complexity', 'guide-cloud-native', 'guide-choosing-technology'],
  },
  {
    title: 'Operating in production',
    description: 'Staying up, seeing inside, keeping attackers out and the bill down.',
    ids: ['guide-reliability', 'guide-regions', 'guide-rate-limiting', 'guide-observability', 'guide-security', 'guide-cost'],
  },
];
