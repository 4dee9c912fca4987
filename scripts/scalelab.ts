/**
 * `npm run scalelab -- <command> <design.json> [options]`: the capacity
 * engine on a design file (MODEL.md §7; docs/model.md explains every number). Readable tables by default;
 * `--json` prints exactly the engine's object. Exit codes: 0 success,
 * 2 a usage error, an unreadable file or an invalid design (every problem
 * listed as `path: message`).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { issueLine, MAX_USERS, parseDesign } from '../lib/design/schema';
import { evaluate, sweep, simulate, type SimulationResult } from '../lib/engine';
import type { Evaluation, LatencySummary, SweepResult, Design } from '../lib/engine/data';
import { formatAvailability, formatFraction, formatInteger, formatMs, formatPercent, formatRps, formatUsd } from '../lib/shared/format';

export const USAGE = `ScaleLab capacity engine (model version 2; what every number means: docs/model.md)

Usage:
  npm run scalelab -- evaluate <design.json> [--users N] [--json]
  npm run scalelab -- sweep <design.json> [--from N] [--to N] [--points K] [--json]
  npm run scalelab -- simulate <design.json> [--requests N] [--seed S] [--users N] [--json]
  npm run scalelab -- --help

Commands:
  evaluate   per-node utilisation, latency, availability and cost at peak,
             end-to-end latency, findings, and the eight growth stages
  sweep      the same at log-spaced user counts (default 1,000 to 100,000,000,
             30 points) and the user count at which the design breaks
  simulate   a discrete-event simulation of the design (default 100,000
             requests, seed 1), next to the analytic numbers

Options:
  --users N      daily active users, at most 10 billion
                 (default: the design's workload.users)
  --from N       first user count of a sweep, at least 1 (default 1000)
  --to N         last user count of a sweep, at most 10 billion
                 (default 100000000)
  --points K     points in a sweep, 1 to 10000 (default 30)
  --requests N   simulated requests, warm-up included, 1 to 10000000
                 (default 100000)
  --seed S       simulation seed, a whole number from 0 to 9007199254740991
                 (default 1)
  --json         print the engine's result object as JSON instead of tables
  -h, --help     this text

Exit codes: 0 ok, 2 bad arguments, unreadable file or invalid design.

The model reference (workload, routing, queueing, server-side and
user-perceived latency, availability, stages, calibration against published
figures, known limits) is docs/model.md; the /model page shows the same.`;

/** Where the command line reads and writes; swapped out by the tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

const realIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readFile: (p) => readFileSync(p, 'utf8'),
};

class UsageError extends Error {}

interface Options {
  command: 'evaluate' | 'sweep' | 'simulate';
  file: string;
  json: boolean;
  numbers: Record<string, number>;
}

const NUMBER_FLAGS: Record<Options['command'], readonly string[]> = {
  evaluate: ['users'],
  sweep: ['from', 'to', 'points'],
  simulate: ['requests', 'seed', 'users'],
};

/** Most sweep points and simulated requests: more would run for hours or exhaust memory. */
export const MAX_POINTS = 10_000;
export const MAX_REQUESTS = 10_000_000;
/** The largest seed the simulation takes (every whole number up to it gives its own stream). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

const DEFAULTS = { from: 1_000, to: 100_000_000, points: 30, requests: 100_000, seed: 1 } as const;

const between = (flag: string, min: number, max: number) =>
  z
    .number()
    .min(min, { error: min === 0 ? `--${flag} must be zero or more` : `--${flag} must be at least ${min}` })
    .max(max, { error: `--${flag} must be at most ${max}` });
const whole = (flag: string, min: number, max: number) =>
  between(flag, min, max).refine(Number.isInteger, { error: `--${flag} must be a whole number` });

/** What each number flag may be: user counts as a design's workload allows them, counts whole. */
const FLAG_SCHEMAS: Record<string, z.ZodType<number>> = {
  users: between('users', 0, MAX_USERS),
  from: between('from', 1, MAX_USERS),
  to: between('to', 1, MAX_USERS),
  points: whole('points', 1, MAX_POINTS),
  requests: whole('requests', 1, MAX_REQUESTS),
  seed: whole('seed', 0, MAX_SEED),
};

/** Decimal numbers only (`250000`, `2.5e5`, `250_000`): `0x10` or `Infinity` is a mistake, not a count. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function parseNumberFlag(name: string, raw: string): number {
  const text = raw.trim().replace(/_/g, '');
  if (!DECIMAL.test(text)) throw new UsageError(`--${name} must be a number such as 250000 or 2.5e5 (got "${raw}")`);
  const parsed = FLAG_SCHEMAS[name].safeParse(Number(text));
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0].message} (got "${raw}")`);
  return parsed.data;
}

function parseArgs(argv: readonly string[]): Options | 'help' {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'evaluate' && command !== 'sweep' && command !== 'simulate') throw new UsageError(`unknown command "${command}"`);
  let file: string | null = null;
  let json = false;
  const numbers: Record<string, number> = {};
  const raws: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') {
      json = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq >= 0 ? eq : undefined);
      if (name === 'json') throw new UsageError('--json takes no value');
      if (!NUMBER_FLAGS[command].includes(name)) throw new UsageError(`unknown option --${name} for ${command}`);
      if (name in numbers) throw new UsageError(`--${name} is given twice`);
      const raw = eq >= 0 ? a.slice(eq + 1) : rest[++i];
      if (raw === undefined || (eq < 0 && raw.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      numbers[name] = parseNumberFlag(name, raw);
      raws[name] = raw;
      continue;
    }
    if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    if (file !== null) throw new UsageError(`one design file at a time (got "${file}" and "${a}")`);
    file = a;
  }
  if (command === 'sweep') {
    const from = numbers.from ?? DEFAULTS.from;
    const to = numbers.to ?? DEFAULTS.to;
    const shown = (name: 'from' | 'to') => (name in raws ? raws[name] : `${DEFAULTS[name]}, the default`);
    if (from > to) throw new UsageError(`--from (${shown('from')}) must not be above --to (${shown('to')})`);
  }
  if (file === null) throw new UsageError(`${command} needs a design file`);
  return { command, file, json, numbers };
}

/** Reads and validates a design file; on failure returns the message to print. */
function loadDesign(io: Io, file: string): { design: Design } | { error: string } {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : e instanceof Error ? e.message : String(e);
    return { error: `cannot read ${file}: ${why}` };
  }
  let raw: unknown;
  try {
    // A byte order mark (some editors write one) is not part of the JSON; the API ignores it too.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: `${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  // A file given to the command line is checked as a new design: a param
  // that does not apply to its node's kind is refused, not dropped (MODEL.md §9.5).
  const parsed = parseDesign(raw, { newDesign: true });
  if (!parsed.ok) {
    const lines = parsed.issues.map((i) => `  ${i.path ? issueLine(i) : `(document): ${i.message}`}`);
    return { error: `${file} is not a valid design (${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}` };
  }
  return { design: parsed.design };
}

/**
 * Runs the command line on `argv` (without `node` and the script) and
 * returns the exit code. Pure apart from `io`.
 */
export function main(argv: readonly string[], io: Io = realIo): number {
  let options: Options | 'help';
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`scalelab: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    io.out(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const loaded = loadDesign(io, options.file);
  if ('error' in loaded) {
    io.err(`scalelab: ${loaded.error}`);
    return 2;
  }
  const design = loaded.design;
  const n = options.numbers;
  const users = n.users !== undefined ? { users: n.users } : undefined;
  if (options.command === 'evaluate') {
    const result = evaluate(design, users);
    io.out(options.json ? JSON.stringify(result) : evaluationReport(design, result));
  } else if (options.command === 'sweep') {
    const result = sweep(design, n.from ?? DEFAULTS.from, n.to ?? DEFAULTS.to, n.points ?? DEFAULTS.points);
    io.out(options.json ? JSON.stringify(result) : sweepReport(design, result));
  } else {
    const result = simulate(design, { requests: n.requests ?? DEFAULTS.requests, seed: n.seed ?? DEFAULTS.seed, workload: users });
    io.out(options.json ? JSON.stringify(result) : simulationReport(design, result, evaluate(design, users, { stages: false })));
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Readable reports

function table(head: string[], rows: string[][], right: boolean[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A rate in a table cell, whose header gives the unit: "86.8", "1,736". */
const rateCell = (x: number) => (x >= 100 ? formatInteger(x) : x.toFixed(1));

function latencyRows(l: Record<'static' | 'read' | 'write' | 'overall', LatencySummary>): string[][] {
  return (['static', 'read', 'write', 'overall'] as const).map((k) => [k, formatMs(l[k].mean), formatMs(l[k].p50), formatMs(l[k].p95), formatMs(l[k].p99)]);
}

function title(design: Design, what: string): string {
  return `${design.name ?? 'Design'} — ${what}`;
}

export function evaluationReport(design: Design, e: Evaluation): string {
  const out: string[] = [];
  out.push(title(design, `${formatInteger(e.users)} daily users, ${rateCell(e.offered.total)} requests/s at peak`));
  out.push(`(static ${rateCell(e.offered.static)}, read ${rateCell(e.offered.read)}, write ${rateCell(e.offered.write)}, background jobs ${rateCell(e.offered.job)} per second)`);
  out.push('');
  const rows = Object.entries(e.nodes).map(([id, n]) => [
    id,
    n.kind,
    String(n.instances),
    n.saturated ? `${formatPercent(n.utilization, 0)} SATURATED` : formatPercent(n.utilization, 1),
    n.kind === 'users' ? '' : formatMs(n.responseMs.p95),
    n.kind === 'users' || n.kind === 'monitoring' || n.kind === 'logging' ? '' : formatAvailability(n.availability),
    formatUsd(n.monthlyCostUsd),
  ]);
  out.push(table(['node', 'kind', 'instances', 'utilisation', 'p95', 'availability', 'cost/month'], rows, [false, false, true, true, true, true, true]));
  out.push('');
  out.push('Connections (requests/s at peak)');
  const cell = (x: number) => (x > 0 ? rateCell(x) : '');
  const links = design.edges.map((edge) => {
    const r = e.edges[edge.id]?.rps;
    return [`${edge.source} → ${edge.target}`, cell(r?.static ?? 0), cell(r?.read ?? 0), cell(r?.write ?? 0), cell(r?.job ?? 0), r && r.total > 0 ? '' : 'carries nothing'];
  });
  out.push(table(['connection', 'static', 'read', 'write', 'jobs', ''], links, [false, true, true, true, true, false]));
  out.push('');
  out.push(`End to end, server-side (from the entry of the serving region; ${e.workload.audience} audience for the user-perceived p95)`);
  const up = e.endToEnd.latencyMs.userPerceived;
  out.push(
    table(
      ['class', 'mean', 'p50', 'p95', 'p99', 'user-perceived p95'],
      latencyRows(e.endToEnd.latencyMs).map((row) => [...row, row[0] === 'overall' ? '' : formatMs(up[row[0] as 'static' | 'read' | 'write'].p95)]),
      [false, true, true, true, true, true],
    ),
  );
  out.push('');
  for (const k of ['read', 'write'] as const) {
    const b = e.endToEnd.breakdown[k];
    if (b.hops.length === 0) continue;
    out.push(`Where the ${k} p95 (${formatMs(b.p95Ms)}) goes`);
    out.push(
      table(
        ['hop', 'network', 'waiting', 'behind inline jobs', 'service', 'share'],
        b.hops.map((h) => [h.label, formatMs(h.networkMs), formatMs(h.waitingMs), h.waitingBehindJobsMs > 0 ? formatMs(h.waitingBehindJobsMs) : '', formatMs(h.serviceMs), formatPercent(h.share, 1)]),
        [false, true, true, true, true, true],
      ),
    );
    out.push('');
  }
  out.push(`availability ${formatAvailability(e.endToEnd.availability)}, error rate ${formatFraction(e.endToEnd.errorRate)}${e.endToEnd.shedRps > 0 ? `, shed ${formatRps(e.endToEnd.shedRps)}` : ''}`);
  out.push(`cost ${formatUsd(e.endToEnd.monthlyCostUsd)} a month (${formatUsd(e.endToEnd.costPer1kUsersUsd)} per 1,000 daily users; prices of ${e.cost.priceTableDate})`);
  out.push(`bottleneck ${e.bottleneck.nodeId ?? '(none)'} at ${formatPercent(e.bottleneck.utilization, 1)}${e.spofs.length ? `; single points of failure: ${e.spofs.join(', ')}` : ''}`);
  out.push('');
  out.push(findingsText(e.findings));
  if (e.stages.length > 0) {
    out.push('');
    out.push('Stages');
    out.push(
      table(
        ['stage', 'users', 'result', 'score'],
        e.stages.map((s) => [`${s.stage}. ${s.name}`, formatInteger(s.users), s.passed ? 'pass' : 'FAIL', String(s.score)]),
        [false, true, false, true],
      ),
    );
    for (const s of e.stages) {
      const failed = s.checks.filter((c) => !c.passed);
      if (failed.length === 0) continue;
      out.push('');
      out.push(`Stage ${s.stage} fails:`);
      for (const c of failed) out.push(`  - ${c.label}`);
      // Why, in numbers (MODEL.md §9.1.3): the stage's own findings for its failing objectives.
      for (const f of s.findings.filter((x) => x.code.startsWith('slo-') || x.code === 'flash-crowd-errors')) out.push(`    ${f.message} (lesson: ${f.lessonId})`);
      for (const c of s.checks) if (c.comparison) out.push(`    ${c.comparison.summary}`);
    }
  }
  return out.join('\n');
}

function findingsText(findings: Evaluation['findings']): string {
  if (findings.length === 0) return 'Findings: none';
  return ['Findings', ...findings.map((f) => `  [${f.severity}] ${f.nodeId ? `${f.nodeId}: ` : ''}${f.message} (lesson: ${f.lessonId})`)].join('\n');
}

export function sweepReport(design: Design, s: SweepResult): string {
  const out: string[] = [];
  out.push(title(design, `sweep over ${s.points.length} user counts`));
  out.push('');
  const rows = s.points.map((p) => {
    const e = p.evaluation;
    const sat = Object.values(e.nodes).some((n) => n.saturated);
    return [
      formatInteger(p.users),
      formatMs(e.endToEnd.latencyMs.read.p95),
      formatMs(e.endToEnd.latencyMs.overall.p95),
      `${formatPercent(e.bottleneck.utilization, 1)}${sat ? ' SAT' : ''}`,
      e.bottleneck.nodeId ?? '',
      formatAvailability(e.endToEnd.availability),
      formatUsd(e.endToEnd.monthlyCostUsd),
    ];
  });
  out.push(table(['users', 'p95 read', 'p95 all', 'max utilisation', 'bottleneck', 'availability', 'cost/month'], rows, [true, true, true, true, false, true, true]));
  out.push('');
  if (s.firstFailingUsers === null) out.push('holds at every swept user count');
  else {
    out.push(`breaks at ${formatInteger(s.firstFailingUsers)} users: ${s.failingNodeId} (${s.failingReason})`);
    if (s.capacityLimitUsers !== null) out.push(`capacity limit: ${s.failingNodeId ?? 'the bottleneck'} reaches 100% at about ${formatInteger(s.capacityLimitUsers)} users`);
  }
  return out.join('\n');
}

export function simulationReport(design: Design, s: SimulationResult, e: Evaluation): string {
  const out: string[] = [];
  out.push(title(design, `simulation of ${formatInteger(s.requests)} requests (seed ${s.seed}, first ${formatInteger(s.warmupRequests)} discarded, ${s.measuredSeconds.toFixed(1)} s simulated)`));
  out.push('');
  const rows = Object.entries(s.nodes)
    .filter(([, n]) => n.kind !== 'users' && n.kind !== 'monitoring' && n.kind !== 'logging')
    .map(([id, n]) => {
      const a = e.nodes[id];
      return [id, n.kind, `${formatPercent(n.utilization, 1)} / ${formatPercent(a.utilization, 1)}`, `${formatMs(n.responseMs.mean)} / ${formatMs(a.responseMs.mean)}`, `${formatMs(n.responseMs.p99)} / ${formatMs(a.responseMs.p99)}`, formatInteger(n.visits)];
    });
  out.push(table(['node', 'kind', 'utilisation sim / model', 'mean sim / model', 'p99 sim / model', 'visits'], rows, [false, false, true, true, true, true]));
  out.push('');
  out.push('End to end (simulated / model)');
  const l = s.endToEnd.latencyMs;
  const a = e.endToEnd.latencyMs;
  out.push(
    table(
      ['class', 'requests', 'mean', 'p50', 'p95', 'p99'],
      (['static', 'read', 'write', 'overall'] as const).map((k) => [
        k,
        formatInteger(l[k].count),
        `${formatMs(l[k].mean)} / ${formatMs(a[k].mean)}`,
        `${formatMs(l[k].p50)} / ${formatMs(a[k].p50)}`,
        `${formatMs(l[k].p95)} / ${formatMs(a[k].p95)}`,
        `${formatMs(l[k].p99)} / ${formatMs(a[k].p99)}`,
      ]),
      [false, true, true, true, true, true],
    ),
  );
  out.push('');
  out.push(`completed ${formatInteger(s.endToEnd.completed)}, failed ${formatInteger(s.endToEnd.failed)} (error rate ${formatFraction(s.endToEnd.errorRate)}), shed ${formatInteger(s.endToEnd.shed)}`);
  const few = Object.entries(s.nodes).filter(([, n]) => n.visits > 0 && n.visits < 2_000 && !['cdn', 'dns', 'load-balancer', 'api-gateway', 'rate-limiter', 'object-storage', 'queue'].includes(n.kind));
  if (few.length > 0) out.push(`note: ${few.map(([id]) => id).join(', ')} saw under 2,000 measured visits; run more --requests for stable figures there`);
  // Too short for a steady state (MODEL.md §9.5): each warning says how many requests would do.
  if (s.warnings.length > 0) out.push('', 'Warnings', ...s.warnings.map((w) => `  - ${w}`));
  return out.join('\n');
}

if (process.argv[1] && /scalelab\.ts$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
