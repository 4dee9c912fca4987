/** The growth journey as the home page tells it (MODEL.md §6). */
export interface GrowthStageSummary {
  stage: number;
  title: string;
  users: number;
  usersLabel: string;
  summary: string;
}

export const GROWTH_STAGES: GrowthStageSummary[] = [
  { stage: 1, title: 'Single server', users: 1_000, usersLabel: '1K', summary: 'Web, app and database on one box. Cheap, simple, and one failure from an outage.' },
  { stage: 2, title: 'Separate database', users: 10_000, usersLabel: '10K', summary: 'Give the data its own machine so the app and the database stop fighting for CPU.' },
  { stage: 3, title: 'Load balancer', users: 100_000, usersLabel: '100K', summary: 'A stateless app tier behind a load balancer grows by adding instances.' },
  { stage: 4, title: 'Replication and sharding', users: 1_000_000, usersLabel: '1M', summary: 'Read replicas carry the reads, a standby removes the single point of failure, shards split the writes.' },
  { stage: 5, title: 'Cache and CDN', users: 5_000_000, usersLabel: '5M', summary: 'Serve repeated reads from memory and static files from the edge, close to the user.' },
  { stage: 6, title: 'Asynchronous processing', users: 10_000_000, usersLabel: '10M', summary: 'Queues and workers take slow jobs off the request path and smooth the peak.' },
  { stage: 7, title: 'Microservices', users: 50_000_000, usersLabel: '50M', summary: 'An API gateway in front of services that each own their data and scale on their own.' },
  { stage: 8, title: 'Web scale', users: 100_000_000, usersLabel: '100M', summary: 'Rate limiting, monitoring and more than one region: survive a whole region going dark.' },
];
