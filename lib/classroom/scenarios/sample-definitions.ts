/**
 * The built-in sample scenarios: seeded on first start so a new user can
 * open one as a student right away, or copy it and manage the copy (with a
 * few demo submissions already graded) to see the instructor's side.
 */
import type { Design } from '../../engine/data';
import type { CreateScenarioInput } from './schema';
import { formatAvailability, formatUsd } from '../../shared/format';
import { stageSpec } from '../../rules/stages';

export interface SampleScenario {
  slug: string;
  /** One sentence for the sample's card on /teach. */
  summary: string;
  scenario: CreateScenarioInput;
  /** Submitted to a copy, so its dashboard has something to look at. */
  demoSubmissions: { displayName: string; design: Design }[];
}

const NEWS_BRIEF = `## The situation

*The Daily Byte* is a news site whose traffic is almost all **reads**: people open
the home page, skim headlines and read articles. Once an hour an editor publishes.
Today it runs on one server and one database, and a campaign is about to bring
**50,000 and then 250,000 daily readers**.

## Your task

Design the system so it serves both targets within the service levels:

- p95 read latency at most **250 ms**
- availability at least **99.9%**
- at most **$5,000 a month**

The users and the database are already placed and **locked** — the newsroom
will not migrate its data. Everything else is up to you.

## Hints

1. Where do the reads go? A cache in front of the database takes most of them.
2. Static files (images, scripts) do not need an app server at all.
3. One of anything is a single point of failure.

Submit as often as you like; your latest submission counts.
`;

const STAGE_3 = stageSpec(3)!;

const SCALE_OUT_BRIEF = `## The situation

A study-group app has outgrown its single server: at **100,000 daily users**
the box is saturated at the evening peak.

## Your task

Reach **stage 3** of the growth journey:

- put the database on its own machine,
- run **at least two** stateless app servers behind a **load balancer**,
- keep p95 reads under ${STAGE_3.p95ReadMs} ms, availability at ${formatAvailability(STAGE_3.availability)} or better, and the bill under ${formatUsd(STAGE_3.budgetUsd)} a month.

One server is down for every deploy and until someone replaces it by hand after a failure;
two or more behind a health-checking load balancer deploy one at a time and are replaced automatically.

You see your score when you submit. Read more about
[horizontal scaling](https://en.wikipedia.org/wiki/Scalability#Horizontal_or_scale_out).
`;

const newsStart: Design = {
  schemaVersion: 1,
  name: 'The Daily Byte today',
  nodes: [
    { id: 'users', kind: 'users', label: 'Readers', position: { x: 0, y: 120 } },
    { id: 'app', kind: 'app-server', label: 'App', position: { x: 260, y: 120 } },
    { id: 'db', kind: 'database', label: 'Articles DB', position: { x: 520, y: 120 } },
  ],
  edges: [
    { id: 'e-users-app', source: 'users', target: 'app' },
    { id: 'e-app-db', source: 'app', target: 'db' },
  ],
};

const newsReference: Design = {
  schemaVersion: 1,
  name: 'Reference: cache, CDN and a redundant tier',
  nodes: [
    { id: 'users', kind: 'users', label: 'Readers', position: { x: 0, y: 120 } },
    { id: 'cdn', kind: 'cdn', label: 'CDN', position: { x: 200, y: 0 } },
    { id: 'files', kind: 'object-storage', label: 'Static files', position: { x: 420, y: 0 } },
    { id: 'lb', kind: 'load-balancer', label: 'Load balancer', position: { x: 200, y: 200 } },
    { id: 'app', kind: 'app-server', label: 'App', params: { instances: 3, stateless: true }, position: { x: 400, y: 200 } },
    { id: 'cache', kind: 'cache', label: 'Cache', params: { instances: 2 }, position: { x: 600, y: 200 } },
    { id: 'db', kind: 'database', label: 'Articles DB', position: { x: 800, y: 120 } },
    { id: 'replica', kind: 'read-replica', label: 'Replica', params: { instances: 2 }, position: { x: 1000, y: 200 } },
    { id: 'monitoring', kind: 'monitoring', label: 'Monitoring', position: { x: 0, y: 320 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'cdn' },
    { id: 'e2', source: 'cdn', target: 'files' },
    { id: 'e3', source: 'users', target: 'lb' },
    { id: 'e4', source: 'lb', target: 'app' },
    { id: 'e5', source: 'app', target: 'cache' },
    { id: 'e6', source: 'cache', target: 'db' },
    { id: 'e7', source: 'app', target: 'db' },
    { id: 'e8', source: 'db', target: 'replica' },
  ],
};

const scaleOutStart: Design = {
  schemaVersion: 1,
  name: 'One server',
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 80 } },
    { id: 'box', kind: 'server', label: 'The server', position: { x: 260, y: 80 } },
  ],
  edges: [{ id: 'e-users-box', source: 'users', target: 'box' }],
};

const scaleOutReference: Design = {
  schemaVersion: 1,
  name: 'Reference: stage 3',
  nodes: [
    { id: 'users', kind: 'users', label: 'Users', position: { x: 0, y: 80 } },
    { id: 'lb', kind: 'load-balancer', label: 'Load balancer', position: { x: 220, y: 80 } },
    { id: 'app', kind: 'app-server', label: 'App', params: { instances: 3, stateless: true }, position: { x: 440, y: 80 } },
    { id: 'db', kind: 'database', label: 'Database', params: { size: 'large' }, position: { x: 660, y: 80 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'db' },
  ],
};

export const SAMPLE_SCENARIOS: readonly SampleScenario[] = [
  {
    slug: 'sample-daily-byte',
    summary: 'A read-heavy news site grows from 50,000 to 250,000 readers. Users and the database are locked; live scores and a leaderboard.',
    scenario: {
      title: 'Sample: The Daily Byte (read-heavy news site)',
      brief: NEWS_BRIEF,
      config: {
        workload: { readRatio: 0.97, staticShare: 0.6 },
        targets: [
          { type: 'users', users: 50_000, label: 'Campaign launch' },
          { type: 'users', users: 250_000, label: 'Campaign peak' },
        ],
        slo: { p95ReadMs: 250, availability: 0.999, budgetUsd: 5_000 },
        allowedKinds: ['users', 'cdn', 'load-balancer', 'app-server', 'cache', 'database', 'read-replica', 'object-storage', 'monitoring'],
        startingDesign: newsStart,
        lockedNodeIds: ['users', 'db'],
        referenceDesign: newsReference,
        scoreVisibility: 'live',
        leaderboard: true,
      },
    },
    demoSubmissions: [
      { displayName: 'Ada (demo)', design: newsReference },
      {
        displayName: 'Grace (demo)',
        design: {
          ...newsStart,
          nodes: [
            ...newsStart.nodes,
            { id: 'cache', kind: 'cache', label: 'Cache', position: { x: 390, y: 0 } },
          ],
          edges: [
            { id: 'e-users-app', source: 'users', target: 'app' },
            { id: 'e-app-cache', source: 'app', target: 'cache' },
            { id: 'e-cache-db', source: 'cache', target: 'db' },
            { id: 'e-app-db', source: 'app', target: 'db' },
          ],
        },
      },
      { displayName: 'Linus (demo)', design: newsStart },
    ],
  },
  {
    slug: 'sample-scale-out',
    summary: 'Take a study-group app from one saturated server to stage 3: a load balancer and a stateless app tier. Scores on submit.',
    scenario: {
      title: 'Sample: Scale out the app tier (stage 3)',
      brief: SCALE_OUT_BRIEF,
      config: {
        targets: [{ type: 'stage', stage: 3 }],
        allowedKinds: ['users', 'load-balancer', 'server', 'app-server', 'database', 'monitoring'],
        startingDesign: scaleOutStart,
        lockedNodeIds: ['users'],
        referenceDesign: scaleOutReference,
        scoreVisibility: 'on-submit',
        leaderboard: false,
      },
    },
    demoSubmissions: [
      { displayName: 'Margaret (demo)', design: scaleOutReference },
      { displayName: 'Alan (demo)', design: scaleOutStart },
    ],
  },
];

export function sampleBySlug(slug: string): SampleScenario | undefined {
  return SAMPLE_SCENARIOS.find((s) => s.slug === slug);
}
