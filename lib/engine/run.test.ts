import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { STAGES } from './stages';
import { createRunState, fitWait, LAT_READ, regionUnit, run } from './run';
import { designArb } from './test-arbitraries';
import type { Design } from './types';
import { WORKLOAD_DEFAULTS, resolveWorkload } from './workload';
import { generateDesign } from '../../scripts/bench-designs';

/** Region checks of every stage, with the region passes scaled from one measurement and without. */
function regionChecksBothWays(design: Design) {
  const net = compile(design);
  const scaled = createRunState(net);
  const scaledSpare = createRunState(net);
  const exact = createRunState(net);
  const exactSpare = createRunState(net);
  const unit = regionUnit(scaledSpare, resolveWorkload(WORKLOAD_DEFAULTS, { users: STAGES[0].users }));
  const pairs = STAGES.map((s) => {
    const w = resolveWorkload(WORKLOAD_DEFAULTS, { users: s.users });
    return { users: s.users, scaled: run(scaled, w, LAT_READ, scaledSpare, unit), exact: run(exact, w, LAT_READ, exactSpare, null), parallel: [scaled.regionsParallel, exact.regionsParallel] };
  });
  return { unit, pairs };
}

describe('region-failure checks scaled from one measured pass', () => {
  it('agree with the full passes at every stage on a two-region design, and are used there', () => {
    const { unit, pairs } = regionChecksBothWays(generateDesign(100));
    expect(unit).not.toBeNull();
    for (const p of pairs) {
      expect(p.scaled, `${p.users} users`).toEqual(p.exact);
      expect(p.parallel[0]).toBe(p.parallel[1]);
    }
    // The generated design is sized for its own (larger) users: the small stages are carried, the largest are not.
    expect(pairs[0].exact.every((c) => c.carried)).toBe(true);
    expect(pairs[7].exact.some((c) => !c.carried)).toBe(true);
  });

  it('agree with the full passes on random designs with geo DNS over two regions (autoscaling and rate limits included)', () => {
    const geo = designArb({ maxNodes: 10, autoscale: true }).map((d) => {
      d.nodes.splice(1, 0, { id: 'geo', kind: 'dns', params: { routing: 'geo' } });
      d.edges.push({ id: 'e-geo', source: 'users', target: 'geo' });
      d.nodes.forEach((n, i) => {
        if (i >= 2 && n.kind !== 'dns' && n.kind !== 'cdn' && n.kind !== 'monitoring' && n.kind !== 'logging') {
          d.edges.push({ id: `e-geo-${i}`, source: 'geo', target: n.id });
          (n.params ??= {}).region = i % 2 ? 'region-1' : 'region-2';
        }
      });
      return d;
    });
    let measured = 0;
    fc.assert(
      fc.property(geo, (d) => {
        const { unit, pairs } = regionChecksBothWays(d);
        if (unit) measured++;
        for (const p of pairs) {
          expect(p.scaled).toEqual(p.exact);
          expect(p.parallel[0]).toBe(p.parallel[1]);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
    // The shortcut must actually be exercised, not always refused.
    expect(measured).toBeGreaterThan(20);
  });
});

/** E[Wᵏ] of p·Exp(mean 1/θ1) + (1-p)·Exp(mean 1/θ2), k = 1..3. */
function h2Moments(p: number, theta1: number, theta2: number): [number, number, number] {
  const m = (k: number, f: number) => f * (p / theta1 ** k + (1 - p) / theta2 ** k);
  return [m(1, 1), m(2, 2), m(3, 6)];
}

describe('the wait fitted on three moments (fitWait)', () => {
  it('recovers a hyperexponential from its own moments: 90% of waits of mean 2 ms, 10% of mean 50 ms', () => {
    const [m1, m2, m3] = h2Moments(0.9, 1 / 2, 1 / 50);
    const f = { ...fitWait(m1, m2 / (m1 * m1) - 1, m3) };
    expect(f.p1).toBeCloseTo(0.9, 9);
    expect(1 / f.theta1).toBeCloseTo(2, 9);
    expect(1 / f.theta2).toBeCloseTo(50, 9);
  });

  it('keeps the mean, variance and third moment it was given, wherever a fit exists', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 1.5, max: 1000, noNaN: true }), (p, fastMean, ratio) => {
        const [m1, m2, m3] = h2Moments(p, 1 / fastMean, 1 / (fastMean * ratio));
        const f = { ...fitWait(m1, m2 / (m1 * m1) - 1, m3) };
        const [g1, g2, g3] = h2Moments(f.p1, f.theta1, f.theta2);
        expect(Math.abs(g1 - m1) / m1).toBeLessThan(1e-6);
        expect(Math.abs(g2 - m2) / m2).toBeLessThan(1e-6);
        expect(Math.abs(g3 - m3) / m3).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('falls back to balanced means when the third moment admits no hyperexponential, and to one phase at scv ≤ 1', () => {
    // scv 4 with a third moment below 1.5·E[W²]²/E[W] (no two-phase fit): each phase carries half the mean.
    const mean = 10;
    const scv = 4;
    const m2 = (1 + scv) * mean * mean;
    const f = { ...fitWait(mean, scv, (1.2 * m2 * m2) / mean) };
    expect(f.p1).toBeCloseTo(0.5 * (1 + Math.sqrt(3 / 5)), 12);
    expect(f.p1 / f.theta1).toBeCloseTo(mean / 2, 9);
    expect((1 - f.p1) / f.theta2).toBeCloseTo(mean / 2, 9);
    const g = { ...fitWait(mean, 2, Infinity) };
    expect(g.p1 / g.theta1).toBeCloseTo(mean / 2, 9);
    expect({ ...fitWait(mean, 1, 6000) }).toEqual({ p1: 1, theta1: 0.1, theta2: 0.1 });
  });
});
