import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { STAGES } from './stages';
import { createRunState, LAT_READ, regionUnit, run } from './run';
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
