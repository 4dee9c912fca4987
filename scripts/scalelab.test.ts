import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, sweep, simulate } from '../lib/engine';
import { USAGE, main, type Io } from './scalelab';

const stage3 = path.resolve(__dirname, '../content/stages/stage-3.json');

/** Runs the command line in memory; files come from `files` first, then the disk. */
function run(argv: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    readFile: (p) => (p in files ? files[p] : readFileSync(p, 'utf8')),
  };
  const code = main(argv, io);
  return { code, out, err };
}

const design = () => JSON.parse(readFileSync(stage3, 'utf8'));

describe('scalelab command line', () => {
  it('evaluate --json prints exactly what evaluate() returns', () => {
    const r = run(['evaluate', stage3, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(evaluate(design()))));
  });

  it('evaluate --users overrides the design’s users', () => {
    const r = run(['evaluate', stage3, '--users', '250000', '--json']);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(evaluate(design(), { users: 250_000 }))));
  });

  it('sweep --json and simulate --json print the engine’s objects', () => {
    const s = run(['sweep', stage3, '--from', '1000', '--to', '1000000', '--points', '5', '--json']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.out)).toEqual(JSON.parse(JSON.stringify(sweep(design(), 1000, 1_000_000, 5))));
    const m = run(['simulate', stage3, '--requests', '5000', '--seed', '3', '--json']);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out)).toEqual(JSON.parse(JSON.stringify(simulate(design(), { requests: 5000, seed: 3 }))));
  });

  it('prints readable tables by default: nodes, connections, end to end, findings, stages', () => {
    const r = run(['evaluate', stage3]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/node\s+kind\s+instances\s+utilisation\s+p95\s+availability\s+cost\/month/);
    expect(r.out).toMatch(/^app\s+app-server\s+3\s+14\.9%/m);
    // The app serves static files itself: its link to the database carries reads and writes only.
    expect(r.out).toMatch(/^Connections \(requests\/s at peak\)/m);
    expect(r.out).toMatch(/^lb → app\s+86\.8\s+78\.1\s+8\.7$/m);
    expect(r.out).toMatch(/^app → db\s+78\.1\s+8\.7$/m);
    expect(r.out).toMatch(/^End to end/m);
    expect(r.out).toMatch(/^read\s+[\d.]+ ms/m);
    expect(r.out).toMatch(/^Findings/m);
    expect(r.out).toMatch(/^3\. Load balancer, horizontal app tier\s+100,000\s+pass\s+100$/m);
    expect(r.out).toMatch(/^Stage 4 fails:/m);
  });

  it('sweep says where the design breaks and which component breaks it', () => {
    const r = run(['sweep', stage3, '--points', '8']);
    expect(r.out).toMatch(/^\s+users\s+p95 read\s+p95 all\s+max utilisation\s+bottleneck\s+availability\s+cost\/month$/m);
    expect(r.out).toMatch(/breaks at [\d,]+ users: app \(saturated at \d+% of capacity\)/);
  });

  it('evaluate refuses a param that does not apply to its kind, naming the kind’s params (a new design, MODEL.md §9.5)', () => {
    const bad = design();
    const db = bad.nodes.findIndex((n: { kind: string }) => n.kind === 'database');
    bad.nodes[db].params = { ...bad.nodes[db].params, instances: 3 };
    const r = run(['evaluate', 'bad.json'], { 'bad.json': JSON.stringify(bad) });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/bad\.json is not a valid design \(1 problem\)/);
    expect(r.err).toContain(`\n  nodes[${db}].params.instances does not apply to a database; a database takes: size, shards, shardSkew, standby, maxStorageGB, cores, serviceMs, region, availability, hourlyUsd\n`);
  });

  it('simulate prints the steady-state warnings in its readable report', () => {
    const r = run(['simulate', stage3, '--requests', '1000']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Warnings\n  - Too few completions for a steady state at the busiest station, .*simulate [\d,]+ requests or more \(this run had 1,000\)\.$/m);
    expect(run(['simulate', stage3, '--requests', '20000']).out).not.toMatch(/^Warnings/m);
  });

  it('an invalid design exits 2 and names every problem as path: message', () => {
    const bad = design();
    bad.nodes[1].kind = 'mainframe';
    bad.nodes[2].params = { instances: -3 };
    const r = run(['evaluate', 'bad.json'], { 'bad.json': JSON.stringify(bad) });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/bad\.json is not a valid design \(2 problems\)/);
    expect(r.err).toMatch(/^  nodes\[1\]\.kind: unknown kind "mainframe"/m);
    expect(r.err).toMatch(/^  nodes\[2\]\.params\.instances: instances must be at least 1$/m);
    // Cross-references are checked once every node and edge is well formed.
    const dangling = design();
    dangling.edges.push({ id: 'dangling', source: 'lb', target: 'nowhere' });
    const d = run(['simulate', 'd.json'], { 'd.json': JSON.stringify(dangling) });
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/^  edges\[\d+\]\.target: edge "dangling" ends at "nowhere", which is not a node$/m);
  });

  it('a missing file, or a file that is not JSON, exits 2 with the problem named', () => {
    const missing = run(['evaluate', '/no/such/design.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read \/no\/such\/design\.json: no such file/);
    const notJson = run(['sweep', 'x.json'], { 'x.json': '{ nodes: [' });
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/x\.json is not valid JSON/);
  });

  it('--help prints the usage (so does no argument at all); a bad flag exits 2 with the usage', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out.trim()).toBe(USAGE);
    expect(USAGE).toMatch(/evaluate <design\.json> \[--users N\] \[--json\]/);
    expect(USAGE).toMatch(/sweep <design\.json> \[--from N\] \[--to N\] \[--points K\] \[--json\]/);
    expect(USAGE).toMatch(/simulate <design\.json> \[--requests N\] \[--seed S\]/);
    // What the numbers mean: the project's own model reference.
    expect(USAGE).toContain('docs/model.md');
    const none = run([]);
    expect(none.out.trim()).toBe(USAGE);
    for (const argv of [['evaluate', stage3, '--fast'], ['evaluate', stage3, '--users', 'many'], ['sweep', stage3, '--points', '0'], ['frobnicate', stage3], ['evaluate']]) {
      const r = run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(/^scalelab: .+\n\nScaleLab capacity engine/);
    }
  });

  /** Runs argv expecting exit 2 and a first stderr line naming the problem; nothing on stdout. */
  function refused(argv: string[], files: Record<string, string> = {}): string {
    const r = run(argv, files);
    expect(r.code, argv.join(' ')).toBe(2);
    expect(r.out, argv.join(' ')).toBe('');
    return r.err.split('\n')[0];
  }

  it('a --requests or --points too large to run exits 2 naming the limit, instead of crashing or running for hours', () => {
    expect(refused(['simulate', stage3, '--requests', '1e15'])).toBe('scalelab: --requests must be at most 10000000 (got "1e15")');
    // 20,001 points take the old code a quarter of a minute; a billion, days.
    expect(refused(['sweep', stage3, '--points', '20001'])).toBe('scalelab: --points must be at most 10000 (got "20001")');
  });

  it('user counts stay within what a design may hold, and a sweep runs upwards from at least 1 user', () => {
    expect(refused(['evaluate', stage3, '--users', '1e300'])).toBe('scalelab: --users must be at most 10000000000 (got "1e300")');
    expect(refused(['simulate', stage3, '--users', '2e10'])).toBe('scalelab: --users must be at most 10000000000 (got "2e10")');
    expect(refused(['sweep', stage3, '--to', '1e300'])).toBe('scalelab: --to must be at most 10000000000 (got "1e300")');
    expect(refused(['sweep', stage3, '--from', '0'])).toBe('scalelab: --from must be at least 1 (got "0")');
    expect(refused(['sweep', stage3, '--from', '1000', '--to', '10'])).toBe('scalelab: --from (1000) must not be above --to (10)');
    expect(refused(['sweep', stage3, '--from', '1e9'])).toBe('scalelab: --from (1e9) must not be above --to (100000000, the default)');
  });

  it('numbers are written in decimal: hex and words are refused, not read as something else', () => {
    expect(refused(['evaluate', stage3, '--users', '0x10'])).toBe('scalelab: --users must be a number such as 250000 or 2.5e5 (got "0x10")');
    expect(refused(['evaluate', stage3, '--users', 'abc'])).toBe('scalelab: --users must be a number such as 250000 or 2.5e5 (got "abc")');
    expect(run(['evaluate', stage3, '--users', '250_000', '--json']).code).toBe(0);
  });

  it('--seed is a whole number the simulation can tell apart from every other', () => {
    expect(refused(['simulate', stage3, '--seed', '1.5'])).toBe('scalelab: --seed must be a whole number (got "1.5")');
    expect(refused(['simulate', stage3, '--seed', '1e300'])).toBe('scalelab: --seed must be at most 9007199254740991 (got "1e300")');
    expect(refused(['simulate', stage3, '--requests', '2.5'])).toBe('scalelab: --requests must be a whole number (got "2.5")');
  });

  it('a flag given twice, a flag where a value belongs, or a value on --json is named', () => {
    expect(refused(['evaluate', stage3, '--users', '1', '--users', '2'])).toBe('scalelab: --users is given twice');
    expect(refused(['evaluate', stage3, '--users', '--json'])).toBe('scalelab: --users needs a value');
    expect(refused(['evaluate', stage3, '--json=false'])).toBe('scalelab: --json takes no value');
  });

  it('reads a design file that starts with a byte order mark, as the API does', () => {
    const text = readFileSync(stage3, 'utf8');
    const r = run(['evaluate', 'bom.json', '--json'], { 'bom.json': `\ufeff${text}` });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(evaluate(design()))));
  });
});
