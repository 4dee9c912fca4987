import { describe, expect, it } from 'vitest';
import type { Design, Workload } from '../../engine/data';
import { gradeDesign, type EngineResult, type Evaluate } from './grading';
import { scenarioConfigSchema } from './schema';

const design: Design = { schemaVersion: 1, nodes: [{ id: 'users', kind: 'users' }, { id: 'app', kind: 'server' }], edges: [{ id: 'e', source: 'users', target: 'app' }] };

/** An engine answer with the given figures at every user count. */
function engine(f: { u: number; p95: number; a: number; cost: number; errorRate?: number; stage?: { stage?: number; passed: boolean; score: number; checks?: { id: string; label: string; passed: boolean; value?: number | null; limit?: number | null }[] } }): Evaluate & { calls: Partial<Workload>[] } {
  const calls: Partial<Workload>[] = [];
  const fn = ((_d: Design, w?: Partial<Workload>): EngineResult => {
    calls.push(w ?? {});
    return {
      nodes: { users: { utilization: 0, saturated: false }, app: { utilization: f.u, saturated: f.u >= 1 } },
      endToEnd: { latencyMs: { read: { mean: f.p95 / 2, p95: f.p95, p99: f.p95 * 2 } }, availability: f.a, errorRate: f.errorRate ?? 0, monthlyCostUsd: f.cost },
      bottleneck: { nodeId: 'app', utilization: f.u },
      findings: [
        { severity: 'info', code: 'fyi', nodeId: null, message: 'info', lessonId: 'guide-cost' },
        { severity: 'error', code: 'hot', nodeId: 'app', message: 'hot', lessonId: 'guide-bottlenecks' },
      ],
      stages: f.stage ? [{ stage: f.stage.stage ?? 3, users: 100_000, passed: f.stage.passed, score: f.stage.score, checks: f.stage.checks ?? [] }] : [],
    };
  }) as Evaluate & { calls: Partial<Workload>[] };
  fn.calls = calls;
  return fn;
}

const usersConfig = scenarioConfigSchema.parse({
  workload: { readRatio: 0.95 },
  targets: [{ type: 'users', users: 50_000 }],
  slo: { p95ReadMs: 200, availability: 0.999, budgetUsd: 1000 },
  allowedKinds: ['server'],
});

describe('grading a design against a scenario', () => {
  it('gives full marks when every SLO holds, under the scenario’s workload', () => {
    const ev = engine({ u: 0.5, p95: 100, a: 0.9995, cost: 800 });
    const g = gradeDesign(design, usersConfig, ev);
    expect(ev.calls).toEqual([{ readRatio: 0.95, users: 50_000 }]);
    expect(g).toMatchObject({ version: 1, score: 100, passed: true });
    expect(g.targets[0].checks.map((c) => [c.id, c.passed, c.points])).toEqual([
      ['capacity', true, 30],
      ['latency', true, 20],
      ['availability', true, 20],
      ['cost', true, 15],
      ['practices', true, 15],
    ]);
    expect(g.findings.map((f) => f.code)).toEqual(['hot', 'fyi']);
  });

  it('scales the points down as MODEL.md §6 says', () => {
    // ρ 0.9: half the capacity points; p95 1.5× the SLO: half the latency points;
    // downtime 10^0.5 × the allowance: half the availability points; cost 1.5× budget: half.
    const g = gradeDesign(design, usersConfig, engine({ u: 0.9, p95: 300, a: 1 - 0.001 * Math.sqrt(10), cost: 1500 }));
    const pts = Object.fromEntries(g.targets[0].checks.map((c) => [c.id, c.points]));
    expect(pts).toEqual({ capacity: 15, latency: 10, availability: 10, cost: 7.5, practices: 15 });
    expect(g.passed).toBe(false);
    expect(g.score).toBe(57.5);
  });

  it('gives no capacity points to a saturated design', () => {
    const g = gradeDesign(design, usersConfig, engine({ u: 1.4, p95: 10_000, a: 0.5, cost: 100 }));
    const capacity = g.targets[0].checks.find((c) => c.id === 'capacity')!;
    // Named as the canvas names the node (its kind's label), not by its id.
    expect(capacity).toMatchObject({ passed: false, points: 0, detail: 'Saturated: Server' });
  });

  it('names the busiest component as the canvas labels it, not by its id', () => {
    const labelled: Design = { ...design, nodes: [design.nodes[0], { id: 'app', kind: 'app-server', label: 'Checkout API' }] };
    const byLabel = gradeDesign(labelled, usersConfig, engine({ u: 0.15, p95: 100, a: 0.9995, cost: 800 }));
    expect(byLabel.targets[0].checks[0].detail).toBe('Busiest: Checkout API at 15% utilisation');
    const byKind = gradeDesign({ ...labelled, nodes: [design.nodes[0], { id: 'app', kind: 'app-server' }] }, usersConfig, engine({ u: 0.15, p95: 100, a: 0.9995, cost: 800 }));
    expect(byKind.targets[0].checks[0].detail).toBe('Busiest: App server at 15% utilisation');
  });

  it('gives no cost or practices points to a design that does not carry the traffic, and says why', () => {
    // Cheap and within budget, but 6% of requests fail: more than the 5% the interview review allows.
    const g = gradeDesign(design, usersConfig, engine({ u: 0.5, p95: 100, a: 0.94, cost: 10, errorRate: 0.06 }));
    const byId = Object.fromEntries(g.targets[0].checks.map((c) => [c.id, c]));
    expect(byId.cost).toMatchObject({ passed: false, points: 0 });
    expect(byId.cost.detail).toBe('$10, not judged: cost is judged once the design carries the traffic (6% of requests fail)');
    expect(byId.practices).toMatchObject({ passed: false, points: 0 });
    expect(byId.practices.detail).toMatch(/judged once the design carries the traffic \(6% of requests fail\)/);
    expect(g.passed).toBe(false);
    // The grade is the sum of the points it shows.
    expect(g.score).toBe(g.targets[0].checks.reduce((s, c) => s + c.points, 0));
  });

  it('still credits cost when up to 5% of requests fail, as the interview review does', () => {
    const g = gradeDesign(design, usersConfig, engine({ u: 0.5, p95: 100, a: 0.95, cost: 10, errorRate: 0.05 }));
    const byId = Object.fromEntries(g.targets[0].checks.map((c) => [c.id, c]));
    expect(byId.cost).toMatchObject({ passed: true, points: 15, detail: '$10 (budget $1,000)' });
    expect(byId.practices).toMatchObject({ passed: true, points: 15 });
  });

  it('does not take the engine’s stage score for a design that carries nothing', () => {
    const cfg = scenarioConfigSchema.parse({ targets: [{ type: 'stage', stage: 3 }], allowedKinds: ['server'] });
    const usersOnly: Design = { schemaVersion: 1, nodes: [{ id: 'users', kind: 'users' }], edges: [] };
    // The engine's stage score credits cost and practices (here 30 points); the grade must not.
    const g = gradeDesign(usersOnly, cfg, engine({ u: 0, p95: 10_000, a: 0, cost: 0, errorRate: 1, stage: { passed: false, score: 30 } }));
    expect(g.targets[0].score).toBe(0);
    expect(g.targets[0].checks.find((c) => c.id === 'cost')!.detail).toMatch(/no components besides Users/);
  });

  it('takes the engine’s own stage verdict when the scenario keeps the stage as it is', () => {
    const cfg = scenarioConfigSchema.parse({ targets: [{ type: 'stage', stage: 3 }], allowedKinds: ['server'] });
    const g = gradeDesign(design, cfg, engine({ u: 0.5, p95: 100, a: 0.9999, cost: 100, stage: { passed: false, score: 71, checks: [{ id: 'practice:load-balanced-app-tier', passed: false, label: 'practice: at least 2 app instances behind a load balancer — missing' }] } }));
    expect(g.targets[0]).toMatchObject({ key: 'stage-3', passed: false, score: 71 });
    expect(g.targets[0].checks.find((c) => c.id === 'practices')).toMatchObject({ passed: false, points: 0, detail: 'at least 2 app instances behind a load balancer — missing' });
  });

  it('scores a stage itself when the scenario changes its workload or SLOs', () => {
    const cfg = scenarioConfigSchema.parse({ workload: { readRatio: 0.99 }, targets: [{ type: 'stage', stage: 3 }], allowedKinds: ['server'] });
    const ev = engine({ u: 0.5, p95: 100, a: 0.9999, cost: 100, stage: { passed: false, score: 71, checks: [{ id: 'practice:load-balanced-app-tier', passed: true, label: 'practice: lb — present' }] } });
    const g = gradeDesign(design, cfg, ev);
    expect(g.targets[0]).toMatchObject({ passed: true, score: 100 });
    expect(ev.calls[0]).toEqual({ readRatio: 0.99, users: 100_000 });
  });

  it('holds a stage to its v2 write, static and flash-crowd objectives even when the scenario changes its workload', () => {
    // Model v2: stage 6 adds a server-side write p95 (200 ms) beside the read p95;
    // stage 8 counts the errors ordinary users see in a flash crowd against availability.
    const cfg = scenarioConfigSchema.parse({ workload: { readRatio: 0.9 }, targets: [{ type: 'stage', stage: 6 }], allowedKinds: ['server'] });
    const write = { id: 'latency-write', passed: false, label: 'server-side p95 write latency 400 ms > 200 ms', value: 400, limit: 200 };
    const g = gradeDesign(design, cfg, engine({ u: 0.5, p95: 100, a: 0.9999, cost: 100, stage: { stage: 6, passed: false, score: 80, checks: [write] } }));
    expect(g.targets[0].passed).toBe(false);
    expect(g.targets[0].checks.find((c) => c.id === 'latency')).toMatchObject({
      passed: false,
      points: 0,
      detail: 'reads 100 ms (target ≤ 200 ms); server-side p95 write latency 400 ms > 200 ms',
    });
    const cfg8 = scenarioConfigSchema.parse({ workload: { readRatio: 0.9 }, targets: [{ type: 'stage', stage: 8 }], allowedKinds: ['server'] });
    const flash = { id: 'flash-crowd', passed: false, label: 'during a flash crowd (5× the peak) ordinary users see 10% errors > 1%', value: 0.1, limit: 0.01 };
    const g8 = gradeDesign(design, cfg8, engine({ u: 0.5, p95: 100, a: 0.99999, cost: 100, stage: { stage: 8, passed: false, score: 80, checks: [flash] } }));
    expect(g8.targets[0].checks.find((c) => c.id === 'availability')).toMatchObject({ passed: false, points: 0 });
  });

  it('fails a target the engine cannot evaluate, with the engine’s message', () => {
    const g = gradeDesign(design, usersConfig, () => {
      throw new Error('edge "e" ends nowhere');
    });
    expect(g).toMatchObject({ score: 0, passed: false });
    expect(g.targets[0].checks).toEqual([expect.objectContaining({ id: 'design', detail: 'edge "e" ends nowhere' })]);
  });

  it('averages the targets', () => {
    const cfg = scenarioConfigSchema.parse({ ...usersConfig, targets: [{ type: 'users', users: 1000 }, { type: 'users', users: 2000 }] });
    let n = 0;
    const g = gradeDesign(design, cfg, (d, w) => engine({ u: n++ === 0 ? 0.5 : 1.2, p95: 100, a: 0.9995, cost: 100 })(d, w));
    expect(g.targets.map((t) => t.score)).toEqual([100, 70]);
    expect(g.score).toBe(85);
    expect(g.passed).toBe(false);
  });
});

describe('a failing check never shows full marks (issue 19: “✗ Fail 100” at $308 against $300)', () => {
  const budget300 = scenarioConfigSchema.parse({ ...usersConfig, slo: { ...usersConfig.slo, budgetUsd: 300 } });
  for (const cost of [300.5, 301, 304, 308]) {
    it(`a design costing $${cost} against a $300 budget fails the cost check, below full points, and scores under 100`, () => {
      const g = gradeDesign(design, budget300, engine({ u: 0.5, p95: 100, a: 0.9995, cost }));
      const c = g.targets[0].checks.find((x) => x.id === 'cost')!;
      expect(c.passed).toBe(false);
      expect(c.points).toBeLessThan(c.maxPoints);
      expect(g.targets[0].passed).toBe(false);
      expect(g.targets[0].score).toBeLessThan(100);
      expect(g.passed).toBe(false);
      expect(g.score).toBeLessThan(100);
    });
  }

  it('$308 against $300 costs the points the rubric says (15 × (2 − 308/300) = 14.6) and the target shows 99, not 100', () => {
    const g = gradeDesign(design, budget300, engine({ u: 0.5, p95: 100, a: 0.9995, cost: 308 }));
    expect(g.targets[0].checks.find((x) => x.id === 'cost')!.points).toBe(14.6);
    expect(g.targets[0].score).toBe(99);
  });

  it('a failing grade over two targets is never rounded up to 100', () => {
    const cfg = scenarioConfigSchema.parse({ ...usersConfig, targets: [{ type: 'users', users: 1000 }, { type: 'users', users: 2000 }], slo: { ...usersConfig.slo, budgetUsd: 300 } });
    let n = 0;
    const g = gradeDesign(design, cfg, (d, w) => engine({ u: 0.5, p95: 100, a: 0.9995, cost: n++ === 0 ? 100 : 300.5 })(d, w));
    expect(g.targets.map((t) => t.passed)).toEqual([true, false]);
    expect(g.passed).toBe(false);
    expect(g.score).toBeLessThan(100);
  });
});

describe('grading with the real engine', () => {
  it('passes each sample’s reference design and fails its starting design', async () => {
    const { SAMPLE_SCENARIOS } = await import('./sample-definitions');
    const { evaluateDesign } = await import('./engine');
    const { createScenarioSchema } = await import('./schema');
    for (const sample of SAMPLE_SCENARIOS) {
      const { config } = createScenarioSchema.parse(sample.scenario);
      const reference = gradeDesign(config.referenceDesign!, config, evaluateDesign);
      expect(reference.passed, `${sample.slug} reference: ${JSON.stringify(reference.targets.map((t) => t.checks.filter((c) => !c.passed)))}`).toBe(true);
      const start = gradeDesign(config.startingDesign!, config, evaluateDesign);
      expect(start.passed, `${sample.slug} start`).toBe(false);
      expect(start.score).toBeLessThan(reference.score);
    }
  });

  it('scores an empty canvas, Users alone or an unconnected app server 0, with no credit for cost', async () => {
    const { evaluateDesign } = await import('./engine');
    const users = scenarioConfigSchema.parse({ targets: [{ type: 'users', users: 50_000 }], allowedKinds: ['app-server'] });
    const stage3 = scenarioConfigSchema.parse({ targets: [{ type: 'stage', stage: 3 }], allowedKinds: ['app-server'] });
    const designs: Record<string, Design> = {
      empty: { schemaVersion: 1, nodes: [], edges: [] },
      'users only': { schemaVersion: 1, nodes: [{ id: 'users', kind: 'users' }], edges: [] },
      'lone app server': { schemaVersion: 1, nodes: [{ id: 'users', kind: 'users' }, { id: 'app', kind: 'app-server' }], edges: [] },
    };
    for (const [name, d] of Object.entries(designs)) {
      for (const [cfgName, cfg] of Object.entries({ users, stage3 })) {
        const g = gradeDesign(d, cfg, evaluateDesign);
        const what = `${name} at ${cfgName}`;
        expect(g.score, what).toBe(0);
        expect(g.passed, what).toBe(false);
        const cost = g.targets[0].checks.find((c) => c.id === 'cost')!;
        expect(cost, what).toMatchObject({ passed: false, points: 0 });
        expect(cost.detail, what).toMatch(/cost is judged once the design carries the traffic/);
        expect(g.targets[0].checks.find((c) => c.id === 'practices'), what).toMatchObject({ passed: false, points: 0 });
      }
    }
    const lone = gradeDesign(designs['lone app server'], users, evaluateDesign).targets[0].checks;
    expect(lone.find((c) => c.id === 'capacity')!.detail).toBe('100% of requests have nowhere to go');
    expect(lone.find((c) => c.id === 'cost')!.detail).toMatch(/^\$\d+, not judged: cost is judged once the design carries the traffic \(100% of requests fail\)$/);
  });

  it('is deterministic', async () => {
    const { SAMPLE_SCENARIOS } = await import('./sample-definitions');
    const { evaluateDesign } = await import('./engine');
    const { createScenarioSchema } = await import('./schema');
    const { config } = createScenarioSchema.parse(SAMPLE_SCENARIOS[0].scenario);
    expect(gradeDesign(config.referenceDesign!, config, evaluateDesign)).toEqual(gradeDesign(config.referenceDesign!, config, evaluateDesign));
  });
});

describe('one rubric for stages and scenarios', () => {
  it('judges a stage’s objectives as the stage scorecard does: the same points for latency, availability, cost and practices', async () => {
    const { evaluateDesign } = await import('./engine');
    const { REFERENCE_DESIGNS } = await import('@/lib/learn/reference-designs');
    const { STAGES } = await import('@/lib/rules/stages');
    let compared = 0;
    let short = 0;
    for (const ref of REFERENCE_DESIGNS) {
      for (const spec of STAGES.filter((s) => s.stage >= ref.stage && s.stage <= ref.stage + 2)) {
        // The stage's own SLO, restated: the scenario grades it itself instead of taking the engine's verdict.
        const cfg = scenarioConfigSchema.parse({
          targets: [{ type: 'stage', stage: spec.stage }],
          slo: { p95ReadMs: spec.p95ReadMs, availability: spec.availability, budgetUsd: spec.budgetUsd },
          allowedKinds: ['app-server'],
        });
        const target = gradeDesign(ref.design, cfg, evaluateDesign).targets[0];
        const stage = evaluateDesign({ ...ref.design, workload: undefined }, { users: spec.users }).stages.find((s) => s.stage === spec.stage)!;
        const points = (id: string) => target.checks.find((c) => c.id === id)!.points;
        const what = `stage ${ref.stage} reference at stage ${spec.stage}`;
        const parts = (stage as unknown as { scoreParts: Record<string, number> }).scoreParts;
        const shed = stage.checks.find((c) => c.id === 'shedding')!;
        expect(points('latency'), what).toBe(parts.latency);
        if (shed.passed) expect(points('availability'), what).toBe(parts.availability);
        if (target.checks.find((c) => c.id === 'cost')!.detail.includes('not judged')) continue;
        expect(points('cost'), what).toBe(parts.cost);
        expect(points('practices'), what).toBe(parts.practices);
        compared++;
        if (parts.latency < 20 || parts.availability < 20 || parts.cost < 15 || parts.practices < 15) short++;
      }
    }
    expect(compared).toBeGreaterThan(10);
    // Not only full marks: designs a stage or two ahead of themselves fall short somewhere.
    expect(short).toBeGreaterThan(3);
  });
});
