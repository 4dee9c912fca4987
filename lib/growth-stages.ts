/**
 * The growth journey as the home page tells it (MODEL.md §6). Users come from
 * the engine's one stage table (`STAGES`), so the home page, the scorecard and
 * the lessons cannot disagree with the scorer; only the short titles and the
 * one-line summaries are written here.
 */
import { STAGES } from '@/lib/engine/stages';
import { formatUsers } from '@/lib/format';

export interface GrowthStageSummary {
  stage: number;
  title: string;
  users: number;
  usersLabel: string;
  summary: string;
}

const WORDS: Record<number, { title: string; summary: string }> = {
  1: { title: 'Single server', summary: 'Web, app and database on one box. Cheap, simple, and one failure from an outage.' },
  2: { title: 'Separate database', summary: 'Give the data its own machine so the app and the database stop fighting for CPU.' },
  3: { title: 'Load balancer', summary: 'A stateless app tier behind a load balancer grows by adding instances and deploys without downtime.' },
  4: { title: 'Replication and sharding', summary: 'Read replicas carry the reads, a standby fails over in minutes instead of a restore in hours, shards split the writes.' },
  5: { title: 'Cache and CDN', summary: 'Serve repeated reads from memory and static files from an edge near each user, wherever in the world they are.' },
  6: { title: 'Asynchronous processing', summary: 'Queues and workers take slow jobs off the write path and smooth the peak.' },
  7: { title: 'Microservices', summary: 'An API gateway in front of services that each own their data and scale on their own.' },
  8: { title: 'Web scale', summary: 'Rate limiting, monitoring and more than one region: survive a flash crowd and a whole region going dark.' },
};

export const GROWTH_STAGES: GrowthStageSummary[] = STAGES.map((s) => {
  const words = WORDS[s.stage];
  if (!words) throw new Error(`lib/growth-stages.ts: no title and summary for stage ${s.stage}`);
  return { stage: s.stage, title: words.title, users: s.users, usersLabel: formatUsers(s.users), summary: words.summary };
});
