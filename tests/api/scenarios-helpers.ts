/**
 * Shared by the scenario API tests: route handlers called directly, like
 * tests/api/designs.test.ts, and a small deterministic stand-in for the
 * capacity engine so these tests check the API, not the model's numbers.
 */
import { CLIENT_ADDRESS_HEADER } from '@/lib/server/client-address';
import type { Design, Workload } from '@/lib/engine/data';
import type { EngineResult } from '@/lib/classroom/scenarios/grading';

/**
 * A stand-in for `evaluate`: each app-server or server instance carries
 * 100,000 users; a cache halves read latency; cost is $100 per instance.
 */
export function fakeEvaluate(design: Design, workload?: Partial<Workload>): EngineResult {
  const users = workload?.users ?? design.workload?.users ?? 0;
  const compute = design.nodes.filter((n) => n.kind === 'app-server' || n.kind === 'server');
  if (compute.length === 0) throw new Error('the design has no server to handle requests');
  const instances = compute.reduce((s, n) => s + (n.params?.instances ?? 1), 0);
  const utilization = users / (instances * 100_000);
  const cached = design.nodes.some((n) => n.kind === 'cache');
  const nodes: EngineResult['nodes'] = {};
  for (const n of design.nodes) nodes[n.id] = { utilization: compute.includes(n) ? utilization : 0.1, saturated: compute.includes(n) && utilization >= 1 };
  const p95 = (cached ? 40 : 80) / Math.max(0.05, 1 - Math.min(utilization, 0.95));
  return {
    nodes,
    endToEnd: {
      latencyMs: { read: { mean: p95 / 2, p50: p95 / 2, p95, p99: p95 * 1.5 } },
      availability: instances > 1 ? 0.9995 : 0.997,
      errorRate: utilization >= 1 ? 1 - 1 / utilization : 0,
      monthlyCostUsd: 100 * design.nodes.length,
    },
    bottleneck: { nodeId: compute[0].id, utilization },
    findings: utilization >= 1 ? [{ severity: 'error', code: 'saturated', nodeId: compute[0].id, message: 'The app tier is saturated.', lessonId: 'stage-3-load-balancer' }] : [],
    stages: [1, 2, 3].map((stage) => ({ stage, users: 10 ** (stage + 2), passed: instances >= stage, score: instances >= stage ? 90 : 40, checks: [{ id: 'practice:load-balanced-app-tier', label: 'practice: at least 2 app instances behind a load balancer — present', passed: instances >= 2 }] })),
  };
}

export type Handler = (req: Request, ctx: { params: Promise<{ slug: string; id: string }> }) => Promise<Response>;

let addressCounter = 1;
/** A fresh client address, so each test has its own rate-limit counters. */
export function newAddress(): string {
  addressCounter++;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}-${process.pid}-${Date.now()}`;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  rawBody?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  address?: string;
  url?: string;
}

export async function call(handler: Handler, options: CallOptions = {}): Promise<Response> {
  // A raw body is sent as JSON too unless the test names another type.
  const rawType: Record<string, string> = options.rawBody === undefined ? {} : { 'content-type': 'application/json' };
  // The address the app server (scripts/serve.ts) would have handed the route.
  const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: options.address ?? '192.0.2.1', ...rawType, ...options.headers };
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const init: RequestInit & { duplex?: 'half' } = { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body };
  if (body instanceof ReadableStream) init.duplex = 'half';
  const params = { slug: '', id: '', ...options.params };
  return handler(new Request(options.url ?? 'http://test.local/api/scenarios', init), { params: Promise.resolve(params) });
}

export const baseDesign: Design = {
  schemaVersion: 1,
  name: 'Starting point',
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
    { id: 'app', kind: 'app-server', position: { x: 200, y: 0 } },
    { id: 'db', kind: 'database', label: 'Main DB', params: { size: 'large' }, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'app' },
    { id: 'e2', source: 'app', target: 'db' },
  ],
};

export function scaledDesign(instances: number): Design {
  const d = structuredClone(baseDesign);
  d.nodes[1].params = { instances };
  return d;
}

export function scenarioInput(overrides: Record<string, unknown> = {}, config: Record<string, unknown> = {}) {
  return {
    title: 'Scale the shop',
    brief: '## Brief\n\nServe **200K** users.',
    config: {
      workload: { readRatio: 0.95 },
      targets: [{ type: 'users', users: 100_000 }, { type: 'users', users: 200_000 }],
      slo: { p95ReadMs: 300, availability: 0.999, monthlyBudgetUsd: 5_000 },
      allowedKinds: ['users', 'load-balancer', 'app-server', 'cache', 'database'],
      startingDesign: baseDesign,
      lockedNodeIds: ['users', 'db'],
      referenceDesign: scaledDesign(4),
      scoreVisibility: 'on-submit',
      leaderboard: true,
      // These tests read names off the leaderboard; the default shows initials only.
      leaderboardNames: 'full',
      ...config,
    },
    ...overrides,
  };
}

/**
 * Waits, if need be, until the current fixed rate-limit window has at least
 * `needSeconds` left, so a test that fills a window cannot straddle two.
 */
/**
 * The timeout of a test that calls freshWindow: the wait for a fresh window
 * (up to its needSeconds, at most 120 s here) comes before the test's own
 * work, so the default 30 s would fail such a test whenever it happens to
 * start near the end of a window, depending on the wall clock alone.
 */
export const WAITS_FOR_WINDOW = 180_000;

export async function freshWindow(windowSeconds: number, needSeconds: number): Promise<void> {
  const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000));
  if (left < needSeconds * 1000) await new Promise((r) => setTimeout(r, left + 50));
}

/**
 * For `vi.mock('@/lib/classroom/scenarios/grading-pool', …)`: grades on the test's own
 * thread with the mocked engine (a worker thread would load the real one).
 * tests/api/grading-pool.test.ts and submissions-idempotency.test.ts test the pool itself.
 */
export async function gradingPoolWithFakeEngine(importOriginal: () => Promise<typeof import('@/lib/classroom/scenarios/grading-pool')>) {
  const { gradeDesign } = await import('@/lib/classroom/scenarios/grading');
  const { runGradingTask } = await import('@/lib/classroom/scenarios/grading-job');
  const started = () => new SharedArrayBuffer(8);
  const inline = {
    grade: async (design: Design, config: Parameters<typeof gradeDesign>[1]) => runGradingTask({ kind: 'grade', design, config, started: started() }),
    checkAndGrade: async (text: string, rules: import('@/lib/classroom/scenarios/grading-job').SubmissionRules, config: Parameters<typeof gradeDesign>[1]) =>
      runGradingTask({ kind: 'submission', text, rules, config, started: started() }),
    threadIds: () => [],
    destroy: async () => {},
  };
  return {
    ...(await importOriginal()),
    gradingPool: () => inline,
    gradeInPool: async (design: Design, config: Parameters<typeof gradeDesign>[1]) => gradeDesign(design, config, fakeEvaluate),
  };
}
