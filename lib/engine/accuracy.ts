/**
 * The analytic engine against the discrete-event simulation (MODEL.md §3):
 * a set of designs with every node at ρ ≤ 0.8, and one function that runs a
 * design through both and lists every comparison with its tolerance. Used by
 * the tests (`simulate.test.ts`), by `scripts/accuracy.ts` (the table on the
 * model page) and by anyone who wants to check a design of their own.
 */
import { evaluate } from './evaluate';
import type { Evaluation } from './evaluation';
import type { Kind } from '../design/kinds';
import { simulate, type SimulateOptions, type SimulationResult } from './simulate';
import type { Design, DesignEdge, DesignNode, Workload } from './types';

/** MODEL.md §3: where every node has ρ ≤ 0.8, the simulation agrees within these. */
export const TOLERANCE = {
  /** Utilisation, relative. */
  utilization: 0.03,
  /**
   * Utilisation below 0.1 is held to an absolute 0.003 instead (3% of 0.1, so
   * the bound is continuous): a busy-time fraction measured over N arrivals
   * has a relative standard error of about 1/√(ρN), which at very low ρ is
   * noise, not model error.
   */
  utilizationFloor: 0.1,
  mean: 0.1,
  p99: 0.2,
  /** Fewest measured visits for a node's response time to be compared (fewer is sampling noise). */
  minVisits: 5_000,
  /**
   * Largest sampling error, as a share of the tolerance, at which a
   * utilisation is judged. A busy fraction built from N Poisson visits with
   * exponential service has a relative standard error of √(2/N) (the count
   * and the service times each contribute 1/√N): 6% at 600 visits, more than
   * the 3% tolerance itself, and 1% (a third of it) at 20,000. Where the
   * error is larger, a difference is the simulation's noise, not the
   * model's, so the row is shown, not judged.
   */
  maxNoiseShare: 1 / 3,
} as const;

export type Metric = 'utilization' | 'mean' | 'p95' | 'p99' | 'arrivalRps';

export interface Comparison {
  /** Node id, or `end-to-end static|read|write|overall`. */
  where: string;
  metric: Metric;
  analytic: number;
  simulated: number;
  /** |simulated - analytic| / analytic (0 when both are 0). */
  relativeDiff: number;
  /** The tolerance this comparison is held to, or null when it is shown for information only. */
  tolerance: number | null;
  /** `relative` or `absolute` (utilisation below 0.1). */
  toleranceKind: 'relative' | 'absolute' | null;
  passed: boolean;
  /** Simulated visits (node) or requests (end to end) behind the simulated figure. */
  samples: number;
}

export interface AccuracyCase {
  name: string;
  /** What the case checks, in one sentence. */
  about: string;
  design: Design;
  /** Simulated user requests (warm-up included). */
  requests: number;
  /** How the simulation runs least-connections (default: the pooled queue the engine models). */
  leastConnections?: SimulateOptions['leastConnections'];
}

const MIN_VISITS = TOLERANCE.minVisits;

function rel(a: number, s: number): number {
  if (a === 0 && s === 0) return 0;
  return Math.abs(s - a) / Math.abs(a === 0 ? s : a);
}

/**
 * Runs `design` through `evaluate` and `simulate` and lists the comparisons:
 * utilisation of every node, response mean and p99 of every queueing node
 * with enough visits, end-to-end mean and p99 per class and overall (p95 and
 * arrival rates for information). Deterministic for a given seed.
 */
export function compareWithSimulation(
  design: Design,
  options: { requests: number; seed?: number; workload?: Partial<Workload>; leastConnections?: SimulateOptions['leastConnections'] },
): { evaluation: Evaluation; simulation: SimulationResult; comparisons: Comparison[] } {
  const evaluation = evaluate(design, options.workload, { stages: false });
  const simulation = simulate(design, { requests: options.requests, seed: options.seed ?? 1, workload: options.workload, leastConnections: options.leastConnections });
  const out: Comparison[] = [];
  let samples = 0;
  const push = (where: string, metric: Metric, analytic: number, simulated: number, tolerance: number | null, kind: 'relative' | 'absolute' | null) => {
    const d = rel(analytic, simulated);
    const passed = tolerance === null ? true : kind === 'absolute' ? Math.abs(simulated - analytic) <= tolerance : d <= tolerance;
    out.push({ where, metric, analytic, simulated, relativeDiff: d, tolerance, toleranceKind: kind, passed, samples });
  };
  for (const id of Object.keys(evaluation.nodes)) {
    const a = evaluation.nodes[id];
    const s = simulation.nodes[id];
    if (a.kind === 'users' || a.kind === 'monitoring' || a.kind === 'logging' || a.arrivalRps.total <= 0) continue;
    samples = s.visits;
    // The simulation measures busy cores; storage and network utilisation (MODEL.md §9.2) are not queues it simulates.
    const util = a.cpuUtilization;
    const low = util < TOLERANCE.utilizationFloor;
    const tolerance = low ? TOLERANCE.utilization * TOLERANCE.utilizationFloor : TOLERANCE.utilization;
    const noise = Math.sqrt(2 / Math.max(1, s.visits)) * (low ? util : 1);
    // (1 + 1e-9): 0.03 / 3 is a hair below 0.01 in floating point, which would turn away exactly 20,000 visits.
    if (noise > tolerance * TOLERANCE.maxNoiseShare * (1 + 1e-9)) push(id, 'utilization', util, s.utilization, null, null);
    else push(id, 'utilization', util, s.utilization, tolerance, low ? 'absolute' : 'relative');
    push(id, 'arrivalRps', a.arrivalRps.total, s.arrivalRps.total, null, null);
    if (queueing(a.kind) && s.visits >= MIN_VISITS) {
      push(id, 'mean', a.responseMs.mean, s.responseMs.mean, TOLERANCE.mean, 'relative');
      push(id, 'p95', a.responseMs.p95, s.responseMs.p95, null, null);
      push(id, 'p99', a.responseMs.p99, s.responseMs.p99, TOLERANCE.p99, 'relative');
    }
  }
  for (const k of ['static', 'read', 'write', 'overall'] as const) {
    const a = evaluation.endToEnd.latencyMs[k];
    const s = simulation.endToEnd.latencyMs[k];
    if (s.count < MIN_VISITS) continue;
    samples = s.count;
    push(`end-to-end ${k}`, 'mean', a.mean, s.mean, TOLERANCE.mean, 'relative');
    push(`end-to-end ${k}`, 'p95', a.p95, s.p95, null, null);
    push(`end-to-end ${k}`, 'p99', a.p99, s.p99, TOLERANCE.p99, 'relative');
  }
  return { evaluation, simulation, comparisons: out };
}

function queueing(kind: Kind): boolean {
  return ['server', 'app-server', 'service', 'worker', 'cache', 'database', 'read-replica', 'nosql', 'search'].includes(kind);
}

// ---------------------------------------------------------------------------
// The designs

/** Daily users that give `rps` requests per second at peak under the default workload. */
export function usersForPeakRps(rps: number): number {
  return Math.round((rps * 86400) / (50 * 3));
}

/**
 * A check case. Its service times are per request, as the queueing texts
 * state them: one query per request, so a database's `serviceMs` is the
 * request's (version 2 otherwise multiplies a relational store's per-query
 * figure by `queriesPerRead` / `queriesPerWrite`, MODEL.md §9.2).
 */
function design(name: string, users: number, nodes: DesignNode[], edges: [string, string, number?][], workload: Partial<Workload> = {}): Design {
  const e: DesignEdge[] = edges.map(([source, target, share], i) => ({ id: `e${i + 1}`, source, target, ...(share !== undefined ? { params: { share } } : {}) }));
  return { schemaVersion: 1, name, workload: { users, queriesPerRead: 1, queriesPerWrite: 1, ...workload }, nodes: [{ id: 'users', kind: 'users' }, ...nodes], edges: e };
}

/** Reads only: one exponential class, so a station is exactly M/M/c. */
const READS_ONLY: Partial<Workload> = { staticShare: 0, readRatio: 1 };
/** Static only (served by the app tier itself): one exponential class at the app. */
const STATIC_ONLY: Partial<Workload> = { staticShare: 1 };
/** The default request mix without background jobs. */
const NO_JOBS: Partial<Workload> = { asyncShare: 0 };

/** A server of `cores` 15 ms reads at utilisation `rho`: M/M/c. */
function mmc(cores: number, rho: number): Design {
  const rps = (rho * cores * 1000) / 15;
  return design(`M/M/${cores}`, usersForPeakRps(rps), [{ id: 'server', kind: 'server', params: { cores } }], [['users', 'server']], READS_ONLY);
}

/** Four one-core app instances behind a load balancer, 4 ms static requests, each instance at ρ = 0.75. */
function balanced(algorithm: 'round-robin' | 'random' | 'least-connections'): Design {
  const rps = (0.75 * 4 * 1000) / 4;
  return design(
    `Load balancer, ${algorithm}`,
    usersForPeakRps(rps),
    [
      { id: 'lb', kind: 'load-balancer', params: { algorithm } },
      { id: 'app', kind: 'app-server', params: { instances: 4, cores: 1, serviceMs: { static: 4 } } },
    ],
    [
      ['users', 'lb'],
      ['lb', 'app'],
    ],
    STATIC_ONLY,
  );
}

/**
 * The designs the simulation checks the engine on, every node at ρ ≤ 0.8
 * (MODEL.md §3). Request counts are chosen so that the slowest station sees
 * many thousands of service times after the warm-up.
 */
export const ACCURACY_CASES: readonly AccuracyCase[] = [
  { name: 'M/M/1', about: 'one server with one core, one request class: the textbook M/M/1 queue at ρ = 0.7', design: mmc(1, 0.7), requests: 400_000 },
  { name: 'M/M/2', about: 'a two-core server at ρ = 0.75 (Erlang C)', design: mmc(2, 0.75), requests: 400_000 },
  { name: 'M/M/4', about: 'a four-core server at ρ = 0.75', design: mmc(4, 0.75), requests: 400_000 },
  { name: 'M/M/8', about: 'an eight-core server at ρ = 0.75', design: mmc(8, 0.75), requests: 400_000 },
  {
    name: 'Tandem: app servers → database',
    about: 'the default request mix (static, reads, writes) through a load balancer, two app instances and a database, in series',
    design: design(
      'Tandem',
      usersForPeakRps(500),
      [
        { id: 'lb', kind: 'load-balancer' },
        { id: 'app', kind: 'app-server', params: { instances: 2, stateless: true } },
        { id: 'db', kind: 'database', params: { cores: 1, serviceMs: { read: 2, write: 6 } } },
      ],
      [
        ['users', 'lb'],
        ['lb', 'app'],
        ['app', 'db'],
      ],
      NO_JOBS,
    ),
    requests: 400_000,
  },
  {
    name: 'Cache in front of a database',
    about: 'reads try a cache first (80% hits); misses and writes go to a one-core database',
    design: design(
      'Cache',
      usersForPeakRps(600),
      [
        { id: 'app', kind: 'app-server', params: { instances: 2, stateless: true } },
        { id: 'cache', kind: 'cache', params: { serviceMs: { read: 0.5 } } },
        { id: 'db', kind: 'database', params: { cores: 1, serviceMs: { read: 4, write: 6 } } },
      ],
      [
        ['users', 'app'],
        ['app', 'cache'],
        ['cache', 'db'],
        ['app', 'db'],
      ],
      NO_JOBS,
    ),
    requests: 400_000,
  },
  {
    name: 'Read replicas',
    about: 'a primary takes the writes, two replica instances take the reads and replay every write at half cost',
    design: design(
      'Replicas',
      usersForPeakRps(800),
      [
        { id: 'app', kind: 'app-server', params: { instances: 2, stateless: true } },
        { id: 'db', kind: 'database', params: { cores: 1, serviceMs: { write: 4 } } },
        { id: 'replicas', kind: 'read-replica', params: { instances: 2, cores: 1, serviceMs: { read: 3, write: 4 } } },
      ],
      [
        ['users', 'app'],
        ['app', 'db'],
        ['db', 'replicas'],
      ],
      NO_JOBS,
    ),
    // The primary sees only the writes: 500,000 requests give it over 20,000 visits, enough to judge its utilisation.
    requests: 500_000,
  },
  {
    name: 'API gateway split by shares',
    about: 'a gateway routes 70% of requests to one service and 30% to another, each with its own database',
    design: design(
      'Gateway',
      usersForPeakRps(900),
      [
        { id: 'gateway', kind: 'api-gateway' },
        { id: 'catalog', kind: 'service', params: { instances: 2 } },
        { id: 'orders', kind: 'service', params: { instances: 1 } },
        { id: 'catalog-db', kind: 'database', params: { cores: 1 } },
        { id: 'orders-db', kind: 'database', params: { cores: 1 } },
      ],
      [
        ['users', 'gateway'],
        ['gateway', 'catalog', 0.7],
        ['gateway', 'orders', 0.3],
        ['catalog', 'catalog-db'],
        ['orders', 'orders-db'],
      ],
      NO_JOBS,
    ),
    requests: 400_000,
  },
  {
    name: 'Load balancer, round-robin',
    about: 'round-robin hands each of four one-core instances every 4th request (Erlang-4 arrivals); the engine uses Allen–Cunneen with c_a² = 1/4',
    design: balanced('round-robin'),
    requests: 400_000,
  },
  {
    name: 'Load balancer, round-robin over three nodes',
    about:
      'round-robin over three single-instance app nodes: the balancer cycles over every instance it feeds, so each still sees every 3rd request (Erlang-3 arrivals, c_a² = 1/3), not a random third',
    design: design(
      'Round-robin over three nodes',
      usersForPeakRps((0.75 * 3 * 1000) / 4),
      [
        { id: 'lb', kind: 'load-balancer' },
        { id: 'a', kind: 'app-server', params: { cores: 1, serviceMs: { static: 4 } } },
        { id: 'b', kind: 'app-server', params: { cores: 1, serviceMs: { static: 4 } } },
        { id: 'c', kind: 'app-server', params: { cores: 1, serviceMs: { static: 4 } } },
      ],
      [
        ['users', 'lb'],
        ['lb', 'a'],
        ['lb', 'b'],
        ['lb', 'c'],
      ],
      STATIC_ONLY,
    ),
    requests: 300_000,
  },
  { name: 'Load balancer, random', about: 'a random choice per request: four independent M/M/1 queues', design: balanced('random'), requests: 400_000 },
  {
    name: 'Load balancer, least-connections',
    about: 'requests wait at the balancer until an instance has a free core (least-connections with one connection per core, as HAProxy’s maxconn): one M/M/4 queue, as the engine models it',
    design: balanced('least-connections'),
    requests: 400_000,
  },
  {
    name: 'Queue and workers',
    about: 'writes hand a job to a queue; workers run the jobs at the average rate and write to the database, off the user’s path',
    design: design(
      'Queue',
      usersForPeakRps(1000),
      [
        { id: 'app', kind: 'app-server', params: { instances: 2, stateless: true } },
        { id: 'queue', kind: 'queue' },
        { id: 'workers', kind: 'worker', params: { instances: 2 } },
        { id: 'db', kind: 'database', params: { cores: 2, serviceMs: { read: 2, write: 5 } } },
      ],
      [
        ['users', 'app'],
        ['app', 'db'],
        ['app', 'queue'],
        ['queue', 'workers'],
        ['workers', 'db'],
      ],
      { asyncShare: 1, jobServiceMs: 100 },
    ),
    // Workers run the jobs at the average rate, about one job per 60 requests: 1.4 million requests give them over 20,000.
    requests: 1_400_000,
  },
];

// ---------------------------------------------------------------------------
// The published table (content/model/accuracy.json, rendered on /model)

/** One row of the published table, numbers rounded to 4 significant digits. */
export type AccuracyRow = Omit<Comparison, 'relativeDiff'> & { relativeDiff: number };

export interface AccuracyCaseReport {
  name: string;
  about: string;
  /**
   * `check`: held to the §3 tolerances by the tests; `reference`: a stage's
   * reference design, shown as it comes out; `limit`: a known limit of the
   * model, shown with how far off it is.
   */
  group: 'check' | 'reference' | 'limit';
  requests: number;
  seed: number;
  maxUtilization: number;
  rows: AccuracyRow[];
  passed: boolean;
}

export interface AccuracyReport {
  seed: number;
  tolerance: typeof TOLERANCE;
  cases: AccuracyCaseReport[];
}

const sig = (x: number) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(4)));

/** The report as committed: JSON with one line per row, so a change reads as a short diff. */
export function formatAccuracyReport(report: AccuracyReport & { generatedOn?: string }): string {
  const { cases, ...head } = report;
  const lines = ['{'];
  for (const [k, v] of Object.entries(head)) lines.push(` ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  lines.push(' "cases": [');
  cases.forEach((c, i) => {
    const { rows, ...rest } = c;
    lines.push('  {');
    for (const [k, v] of Object.entries(rest)) lines.push(`   ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    lines.push('   "rows": [');
    rows.forEach((r, j) => lines.push(`    ${JSON.stringify(r)}${j < rows.length - 1 ? ',' : ''}`));
    lines.push('   ]');
    lines.push(`  }${i < cases.length - 1 ? ',' : ''}`);
  });
  lines.push(' ]', '}');
  return `${lines.join('\n')}\n`;
}

/** Runs one case and rounds it for publication. */
export function accuracyCaseReport(c: AccuracyCase, group: AccuracyCaseReport['group'], seed = 1): AccuracyCaseReport {
  const { evaluation, comparisons } = compareWithSimulation(c.design, { requests: c.requests, seed, leastConnections: c.leastConnections });
  const rows = comparisons.map((x) => ({ ...x, analytic: sig(x.analytic), simulated: sig(x.simulated), relativeDiff: sig(x.relativeDiff) }));
  return {
    name: c.name,
    about: c.about,
    group,
    requests: c.requests,
    seed,
    maxUtilization: sig(Math.max(0, ...Object.values(evaluation.nodes).map((n) => n.utilization))),
    rows,
    passed: comparisons.every((x) => x.passed),
  };
}

/**
 * Known limits of the model, simulated as they really behave and compared
 * with what the engine says (shown, not held to the tolerances).
 */
export const LIMIT_CASES: AccuracyCase[] = [
  {
    name: 'Least-connections without a connection limit',
    about:
      'each request goes at once to the instance with the fewest requests in it and stays there (join the shortest queue); the engine still pools the instances into one queue, so it is optimistic here',
    design: balanced('least-connections'),
    requests: 400_000,
    leastConnections: 'jsq',
  },
  {
    name: 'NoSQL with a hot partition',
    about:
      'six one-core partitions, the hottest taking twice its share (shardSkew 1), each write stored on its own partition and the next two on the ring: the load matches, but the engine gives every request the hottest partition’s wait, so the store’s own mean and p99 are pessimistic (the end-to-end figures stay close)',
    design: design(
      'NoSQL',
      usersForPeakRps(1667),
      [
        { id: 'app', kind: 'app-server', params: { instances: 8, stateless: true } },
        { id: 'store', kind: 'nosql', params: { instances: 6, cores: 1, shardSkew: 1 } },
      ],
      [
        ['users', 'app'],
        ['app', 'store'],
      ],
      { staticShare: 0, asyncShare: 0 },
    ),
    // The hottest partition serves about 600 operations a second (a third of the reads, 60% of the writes' copies).
    requests: 400_000,
  },
];

/**
 * The stages' reference designs as accuracy cases (requests enough for a
 * few thousand background jobs at the workers, whose 200 ms jobs arrive
 * slowly).
 */
export function referenceCases(designs: readonly Design[]): AccuracyCase[] {
  return designs.map((design, i) => ({
    name: `Stage ${i + 1} reference`,
    about: design.name?.replace(/^Stage \d+ reference: /, '') ?? '',
    design,
    requests: i >= 6 ? 1_000_000 : 400_000,
  }));
}
