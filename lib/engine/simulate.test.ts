import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import committed from '../../content/model/accuracy.json';
import { ACCURACY_CASES, TOLERANCE, accuracyCaseReport, usersForPeakRps } from './accuracy';
import { InvalidDesignError } from './compile';
import { evaluate } from './evaluate';
import { simulate } from './simulate';
import { designArb } from './test-arbitraries';
import type { Design } from './types';

const stage = (n: number): Design =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../content/stages', `stage-${n}.json`), 'utf8'));

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(a);

describe('simulation against the analytic engine (MODEL.md §3: ρ ≤ 0.8 → utilisation 3%, mean 10%, p99 20%)', () => {
  for (const c of ACCURACY_CASES) {
    it(`${c.name}: ${c.about}`, () => {
      const report = accuracyCaseReport(c, 'check');
      // The criterion applies where every node has ρ ≤ 0.8.
      expect(report.maxUtilization).toBeLessThanOrEqual(0.8);
      const held = report.rows.filter((x) => x.tolerance !== null);
      // Utilisation of every loaded node, and the end-to-end mean and p99.
      expect(held.some((x) => x.metric === 'utilization')).toBe(true);
      expect(held.some((x) => x.where.startsWith('end-to-end') && x.metric === 'p99')).toBe(true);
      const failed = held.filter((x) => !x.passed).map((x) => `${x.where} ${x.metric}: analytic ${x.analytic}, simulated ${x.simulated} (${(x.relativeDiff * 100).toFixed(1)}%)`);
      expect(failed).toEqual([]);
      // The table on the model page (content/model/accuracy.json, `npx tsx scripts/accuracy.ts`) is what the code gives now.
      expect(committed.cases.find((x) => x.name === c.name)).toEqual(report);
    });
  }
});

describe('traffic per connection', () => {
  it('the simulation counts the requests along each connection; they agree with the engine’s per-edge traffic (stage 5 reference)', () => {
    const d = stage(5);
    const e = evaluate(d, undefined, { stages: false });
    const s = simulate(d, { requests: 300_000, seed: 3 });
    let compared = 0;
    for (const edge of d.edges) {
      const a = e.edges[edge.id].rps;
      const m = s.edges[edge.id].rps;
      for (const k of ['static', 'read', 'write', 'job'] as const) {
        // Enough simulated requests along it to judge (above ~2,000 in the window).
        if (a[k] * s.measuredSeconds < 2_000) continue;
        compared++;
        expect(rel(a[k], m[k]), `${edge.id} ${k}: engine ${a[k]}, simulated ${m[k]}`).toBeLessThan(0.05);
      }
    }
    expect(compared).toBeGreaterThan(8);
  });
});

describe('which side is right: the simulation against textbook answers', () => {
  it('M/M/1 at ρ = 0.7: mean response 1/(μ-λ) and p99 ln(100)/(μ-λ) (textbook M/M/1)', () => {
    const c = ACCURACY_CASES.find((x) => x.name === 'M/M/1')!;
    const s = simulate(c.design, { requests: 400_000, seed: 2 });
    const e = evaluate(c.design, undefined, { stages: false });
    const mu = 1 / 15;
    const lambda = (e.offered.read / 1000) as number;
    expect(rel(1 / (mu - lambda), s.nodes.server.responseMs.mean)).toBeLessThan(0.05);
    expect(rel(Math.log(100) / (mu - lambda), s.nodes.server.responseMs.p99)).toBeLessThan(0.05);
    expect(e.nodes.server.responseMs.mean).toBeCloseTo(1 / (mu - lambda), 6);
    expect(e.nodes.server.responseMs.p99).toBeCloseTo(Math.log(100) / (mu - lambda), 4);
  });

  it('M/G/1 with a mix of classes and inline jobs: the engine gives Pollaczek–Khinchine exactly, the simulation agrees', () => {
    // One core serving static 2 ms, reads 15 ms, writes 30 ms, and 20% of writes run a 200 ms job inline.
    const pS = 0.5;
    const pR = 0.45;
    const pW = 0.05;
    const q = 0.2;
    const es = pS * 2 + pR * 15 + pW * (30 + q * 200);
    const es2 = pS * 2 * 2 * 2 + pR * 2 * 15 * 15 + pW * (2 * 30 * 30 + q * (2 * 30 * 200 + 2 * 200 * 200));
    const rho = 0.6;
    const lambda = rho / es; // per ms
    const design: Design = {
      schemaVersion: 1,
      workload: { users: usersForPeakRps(lambda * 1000) },
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'server', kind: 'server', params: { cores: 1 } },
      ],
      edges: [{ id: 'e1', source: 'users', target: 'server' }],
    };
    const e = evaluate(design, { users: (lambda * 1000 * 86400) / 150 }, { stages: false });
    const pk = (lambda * es2) / (2 * (1 - rho)) + es;
    expect(e.nodes.server.utilization).toBeCloseTo(rho, 9);
    expect(e.nodes.server.responseMs.mean).toBeCloseTo(pk, 6);
    const s = simulate(design, { requests: 600_000, seed: 3, workload: { users: (lambda * 1000 * 86400) / 150 } });
    expect(rel(pk, s.nodes.server.responseMs.mean)).toBeLessThan(TOLERANCE.mean);
  });

  it('round-robin over 4 one-core instances: the simulation matches the exact E_4/M/1 queue; the engine’s Allen–Cunneen answer is within 10%', () => {
    const c = ACCURACY_CASES.find((x) => x.name === 'Load balancer, round-robin')!;
    const s = simulate(c.design, { requests: 400_000, seed: 4 });
    const e = evaluate(c.design, undefined, { stages: false });
    // E_n/M/1: σ = A*(μ(1-σ)) with A*(s) = (nλ/(nλ+s))^n the Erlang-n interarrival transform;
    // mean response = 1/(μ(1-σ)) (Kleinrock, Queueing Systems vol. 1, §6.4).
    const n = 4;
    const mu = 1 / 4;
    const lambda = 0.75 * mu; // per instance
    let sigma = 0.5;
    for (let i = 0; i < 200; i++) sigma = Math.pow((n * lambda) / (n * lambda + mu * (1 - sigma)), n);
    const exact = 1 / (mu * (1 - sigma));
    expect(rel(exact, s.nodes.app.responseMs.mean)).toBeLessThan(0.03);
    expect(rel(exact, e.nodes.app.responseMs.mean)).toBeLessThan(TOLERANCE.mean);
    // Smoother arrivals wait less than Poisson ones at the same load (random: M/M/1).
    expect(s.nodes.app.responseMs.mean).toBeLessThan(1 / (mu - lambda));
  });

  it('least-connections as join-the-shortest-queue waits more than the pooled M/M/4 but less than four random M/M/1 queues', () => {
    const c = ACCURACY_CASES.find((x) => x.name === 'Load balancer, least-connections')!;
    const jsq = simulate(c.design, { requests: 400_000, seed: 5, leastConnections: 'jsq' });
    const pooled = evaluate(c.design, undefined, { stages: false }).nodes.app.responseMs.mean;
    const random = 1 / (1 / 4 - 0.75 / 4);
    expect(jsq.nodes.app.responseMs.mean).toBeGreaterThan(pooled);
    expect(jsq.nodes.app.responseMs.mean).toBeLessThan(random * 0.6);
    expect(jsq.nodes.app.utilization).toBeCloseTo(0.75, 1);
  });
});

describe('simulate', () => {
  const design = stage(6);

  it('is deterministic: the same seed gives the same result, to the last digit', () => {
    const a = simulate(design, { requests: 30_000, seed: 42 });
    const b = simulate(design, { requests: 30_000, seed: 42 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('different seeds give different samples but close answers', () => {
    const c = ACCURACY_CASES.find((x) => x.name === 'Tandem: app servers → database')!;
    const a = simulate(c.design, { requests: 200_000, seed: 1 });
    const b = simulate(c.design, { requests: 200_000, seed: 2 });
    expect(a.endToEnd.latencyMs.overall.mean).not.toBe(b.endToEnd.latencyMs.overall.mean);
    expect(rel(a.nodes.db.utilization, b.nodes.db.utilization)).toBeLessThan(TOLERANCE.utilization);
    expect(rel(a.endToEnd.latencyMs.overall.mean, b.endToEnd.latencyMs.overall.mean)).toBeLessThan(TOLERANCE.mean);
    expect(rel(a.endToEnd.latencyMs.read.p99, b.endToEnd.latencyMs.read.p99)).toBeLessThan(TOLERANCE.p99);
  });

  it('every seed is its own stream: seeds 2³¹ apart, and a negative seed and its 32-bit twin, differ', () => {
    const c = ACCURACY_CASES.find((x) => x.name === 'Tandem: app servers → database')!;
    const mean = (seed: number) => simulate(c.design, { requests: 5_000, seed }).endToEnd.latencyMs.overall.mean;
    // The generator used to keep 31 bits of the seed: each pair below gave one result.
    expect(mean(2 ** 31 + 1)).not.toBe(mean(1));
    expect(mean(2 ** 32 + 5)).not.toBe(mean(5));
    expect(mean(-5)).not.toBe(mean(2 ** 31 - 5));
    expect(mean(Number.MAX_SAFE_INTEGER)).not.toBe(mean(Number.MAX_SAFE_INTEGER - 2 ** 31));
    // Fractions are floored, as documented.
    expect(mean(7.9)).toBe(mean(7));
  });

  it('refuses a seed that is not a whole number it can represent, naming it', () => {
    const c = ACCURACY_CASES.find((x) => x.name === 'Tandem: app servers → database')!;
    expect(() => simulate(c.design, { requests: 100, seed: Number.NaN })).toThrow(/seed must be a whole number from -9007199254740991 to 9007199254740991; got NaN/);
    expect(() => simulate(c.design, { requests: 100, seed: 2 ** 60 })).toThrow(/got 1152921504606847000/);
    expect(() => simulate(c.design, { requests: 100, seed: Infinity })).toThrow(/seed/);
  });

  it('routes like the engine: arrival rates at every node of the stage 6 reference match the propagation', () => {
    const s = simulate(design, { requests: 200_000, seed: 7 });
    const e = evaluate(design, undefined, { stages: false });
    for (const [id, n] of Object.entries(e.nodes)) {
      if (n.arrivalRps.total < 500) continue;
      expect(rel(n.arrivalRps.total, s.nodes[id].arrivalRps.total), id).toBeLessThan(0.03);
    }
    // The CDN answers 90% of static requests at the edge: 10% reach the origin.
    expect(s.nodes.assets.arrivalRps.static / s.nodes.cdn.arrivalRps.static).toBeCloseTo(0.1, 2);
  });

  it('keeps queued jobs out of the user’s latency and discards the warm-up', () => {
    const s = simulate(design, { requests: 50_000, seed: 1, warmupFraction: 0.2 });
    expect(s.warmupRequests).toBe(10_000);
    expect(s.endToEnd.completed + s.endToEnd.failed + s.endToEnd.shed).toBe(40_000);
    // Writes hand 200 ms jobs to a queue, yet no write waits for one.
    expect(s.endToEnd.latencyMs.write.p99).toBeLessThan(200);
    expect(s.nodes.workers.visits).toBeGreaterThan(0);
  });

  it('survives overload: a saturated station fails what it cannot serve in time, and the run ends', () => {
    const overloaded: Design = {
      schemaVersion: 1,
      workload: { users: usersForPeakRps(200), staticShare: 0, readRatio: 1 },
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'server', kind: 'server', params: { cores: 1 } },
      ],
      edges: [{ id: 'e1', source: 'users', target: 'server' }],
    };
    // 200 rps of 15 ms reads on one core: ρ = 3, so about two thirds must fail.
    const s = simulate(overloaded, { requests: 60_000, seed: 1 });
    expect(s.nodes.server.utilization).toBeGreaterThan(0.99);
    expect(s.endToEnd.errorRate).toBeGreaterThan(0.4);
  });

  it('runs any valid design (saturated, sharded, rate limited, autoscaled) to the end and reports only finite numbers', () => {
    fc.assert(
      fc.property(designArb({ maxNodes: 8, autoscale: true }), fc.integer({ min: 1, max: 1000 }), (design, seed) => {
        const s = simulate(design, { requests: 1_500, seed });
        const bad: string[] = [];
        const walk = (x: unknown, where: string) => {
          if (typeof x === 'number' && !Number.isFinite(x)) bad.push(`${where} = ${x}`);
          else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, `${where}.${k}`);
        };
        walk(s, 'simulation');
        expect(bad).toEqual([]);
        expect(s.endToEnd.completed + s.endToEnd.failed + s.endToEnd.shed).toBe(s.offered.total > 0 && design.nodes.some((n) => n.kind === 'users') ? 1_500 - s.warmupRequests : 0);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('serves nothing without users, and rejects a design the engine cannot evaluate', () => {
    const empty = simulate({ schemaVersion: 1, workload: { users: 1000 }, nodes: [{ id: 'db', kind: 'database' }], edges: [] }, { requests: 1000 });
    expect(empty.endToEnd.completed).toBe(0);
    expect(empty.nodes.db.utilization).toBe(0);
    expect(() => simulate({ schemaVersion: 1, nodes: [{ id: 'a', kind: 'server' }], edges: [{ id: 'e', source: 'a', target: 'b' }] })).toThrow(InvalidDesignError);
  });
});

describe('simulate: steady-state warnings (MODEL.md §9.5)', () => {
  /** Users straight to one server (2 cores): about 174 rps saturate it. */
  const box = (users: number): Design => ({
    schemaVersion: 1,
    workload: { users },
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'box', kind: 'server' },
    ],
    edges: [{ id: 'e', source: 'users', target: 'box' }],
  });
  const enough = (w: string) => Number(/simulate ([\d,]+) requests or more/.exec(w)?.[1].replace(/,/g, ''));

  it('warns when a saturated node’s backlog is still growing, with the formula and how many requests would be enough', () => {
    const r = simulate(box(300_000), { requests: 5000 });
    expect(r.warnings).toHaveLength(1);
    const [w] = r.warnings;
    expect(w).toMatch(/^The simulated time is too short for a steady state: box is saturated and its backlog is still growing/);
    expect(w).toContain('t* = T × ρ / (ρ − 1)');
    expect(w).toContain('requests ≥ Λ × t* / warm-up share');
    const n = enough(w);
    expect(n).toBeGreaterThan(5000);
    // Running that many reaches the steady state: the warning is gone.
    expect(simulate(box(300_000), { requests: n }).warnings).toEqual([]);
  });

  it('warns when the busiest station completed too few requests, and not when it completed enough', () => {
    const r = simulate(box(20_000), { requests: 300 });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^Too few completions for a steady state at the busiest station, box \(busy [\d.]+% of the time\)/);
    expect(r.warnings[0]).toContain('n ≥ 2 × (1.96 / 0.1)² × (1 + ρ) / (1 − ρ)²');
    const n = enough(r.warnings[0]);
    expect(n).toBeGreaterThan(300);
    expect(simulate(box(20_000), { requests: n * 2 }).warnings).toEqual([]);
  });

  it('has no warnings for a long enough run of a design that holds', () => {
    expect(simulate(box(20_000), { requests: 50_000 }).warnings).toEqual([]);
  });
});
