import { describe, expect, it } from 'vitest';
import type { Design } from '../../engine/data';
import { SAMPLE_SCENARIOS } from './sample-definitions';
import {
  checkDesignConstraints,
  createScenarioSchema,
  emptyDesignIssue,
  oversizedCreatePart,
  parseWith,
  resolveTargets,
  scenarioConfigSchema,
  scoresVisible,
} from './schema';

const start: Design = {
  schemaVersion: 1,
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
    { id: 'db', kind: 'database', params: { size: 'large' }, position: { x: 300, y: 0 } },
    { id: 'app', kind: 'app-server' },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'app' }],
};
const config = scenarioConfigSchema.parse({
  targets: [{ type: 'stage', stage: 3 }],
  allowedKinds: ['app-server', 'load-balancer', 'database'],
  startingDesign: start,
  lockedNodeIds: ['users', 'db'],
});

describe('scenario config', () => {
  it('fills defaults and always allows the users node', () => {
    expect(config.scoreVisibility).toBe('on-submit');
    expect(config.leaderboard).toBe(false);
    expect(config.deadline).toBeNull();
    expect(config.allowedKinds).toEqual(['users', 'load-balancer', 'app-server', 'database']);
  });

  it('takes a stage’s users and SLOs, overridden by the scenario’s', () => {
    expect(resolveTargets(config)).toEqual([
      // Model v2's stage table: stage 3 asks for 99.8% (was 99.5%), so that only a
      // load balancer, not monitoring or a standby, lifts the stage-2 shape past it.
      expect.objectContaining({
        key: 'stage-3',
        users: 100_000,
        stage: 3,
        stageDefaults: true,
        slo: { p95ReadMs: 300, availability: 0.998, budgetUsd: 3000, p95WriteMs: null, userStaticP95Ms: null, flashErrorRate: null },
      }),
    ]);
    const custom = resolveTargets({ targets: [{ type: 'stage', stage: 3 }, { type: 'users', users: 250_000 }], slo: { p95ReadMs: 150 } });
    expect(custom[0]).toMatchObject({ stageDefaults: false, slo: { p95ReadMs: 150, availability: 0.998 } });
    expect(custom[1]).toMatchObject({
      label: '250K users',
      users: 250_000,
      slo: { p95ReadMs: 150, availability: 0.999, p95WriteMs: null, userStaticP95Ms: null, flashErrorRate: null },
    });
  });

  it('reads the budget under its old name, monthlyBudgetUsd, as budgetUsd (saved scenarios still load)', () => {
    const base = { targets: [{ type: 'stage', stage: 3 }], allowedKinds: ['app-server'] };
    const old = scenarioConfigSchema.parse({ ...base, slo: { monthlyBudgetUsd: 450 } });
    expect(old.slo).toEqual({ budgetUsd: 450 });
    expect(resolveTargets(old)[0].slo.budgetUsd).toBe(450);
    expect(scenarioConfigSchema.parse({ ...base, slo: { budgetUsd: 450, monthlyBudgetUsd: 450 } }).slo).toEqual({ budgetUsd: 450 });
    const both = parseWith(scenarioConfigSchema, { ...base, slo: { budgetUsd: 450, monthlyBudgetUsd: 500 } });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.issues).toContainEqual(expect.objectContaining({ path: 'slo.monthlyBudgetUsd', message: expect.stringMatching(/give the budget once, as budgetUsd/) }));
  });

  it('carries the v2 objectives of later stages, which a scenario cannot override', () => {
    const later = resolveTargets({
      targets: [5, 6, 8].map((stage) => ({ type: 'stage' as const, stage })),
      slo: { p95ReadMs: 150 },
    });
    expect(later.map((t) => t.slo)).toEqual([
      { p95ReadMs: 150, availability: 0.9995, budgetUsd: 100_000, p95WriteMs: null, userStaticP95Ms: 400, flashErrorRate: null },
      { p95ReadMs: 150, availability: 0.9995, budgetUsd: 200_000, p95WriteMs: 200, userStaticP95Ms: 400, flashErrorRate: null },
      { p95ReadMs: 150, availability: 0.9999, budgetUsd: 2_000_000, p95WriteMs: 200, userStaticP95Ms: 400, flashErrorRate: 0.01 },
    ]);
  });

  it('refuses duplicate targets, stray locked nodes and disallowed starting kinds', () => {
    const r = parseWith(scenarioConfigSchema, {
      targets: [{ type: 'stage', stage: 2 }, { type: 'stage', stage: 2 }],
      allowedKinds: ['database'],
      startingDesign: start,
      lockedNodeIds: ['nope'],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['targets[1]', 'lockedNodeIds[0]', 'startingDesign.nodes[2].kind']);
  });

  it('needs a starting design for locked nodes', () => {
    const r = parseWith(scenarioConfigSchema, { targets: [{ type: 'stage', stage: 1 }], allowedKinds: ['server'], lockedNodeIds: ['x'] });
    expect(r.ok ? [] : r.issues).toContainEqual({ path: 'lockedNodeIds', message: 'locked nodes need a starting design' });
  });

  it('accepts every built-in sample', () => {
    for (const s of SAMPLE_SCENARIOS) expect(createScenarioSchema.safeParse(s.scenario).success, s.slug).toBe(true);
  });

  it('measures oversize parts before validation', () => {
    expect(oversizedCreatePart({ brief: 'x'.repeat(20 * 1024) })).toBeNull();
    expect(oversizedCreatePart({ brief: 'x'.repeat(20 * 1024 + 1) })).toMatchObject({ what: 'The brief' });
    expect(oversizedCreatePart({ brief: 'ok', config: { startingDesign: { nodes: ['y'.repeat(512 * 1024)] } } })).toMatchObject({
      what: 'The starting design',
    });
    expect(oversizedCreatePart(null)).toBeNull();
  });

  it('shows scores to students according to the scenario', () => {
    expect(scoresVisible({ scoreVisibility: 'live', scoresReleased: false })).toBe(true);
    expect(scoresVisible({ scoreVisibility: 'on-submit', scoresReleased: false })).toBe(true);
    expect(scoresVisible({ scoreVisibility: 'after-release', scoresReleased: false })).toBe(false);
    expect(scoresVisible({ scoreVisibility: 'after-release', scoresReleased: true })).toBe(true);
  });
});

describe('a design with nothing to grade', () => {
  it('is an empty canvas or Users alone, and says what to add', () => {
    expect(emptyDesignIssue({ nodes: [] })?.message).toMatch(/^The canvas is empty\. Add Users and the components that serve them/);
    expect(emptyDesignIssue({ nodes: [{ id: 'users', kind: 'users' }] })?.message).toMatch(/^Your design has only Users\. Add the components that serve them/);
    expect(emptyDesignIssue({ nodes: [{ id: 'u1', kind: 'users' }, { id: 'u2', kind: 'users' }] })).not.toBeNull();
  });

  it('is not a design with anything besides Users, connected or not', () => {
    expect(emptyDesignIssue({ nodes: [{ id: 'users', kind: 'users' }, { id: 'app', kind: 'app-server' }] })).toBeNull();
    expect(emptyDesignIssue({ nodes: [{ id: 'app', kind: 'app-server' }] })).toBeNull();
  });
});

describe('a design within a scenario', () => {
  const ok: Design = {
    schemaVersion: 1,
    nodes: [
      { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
      { id: 'lb', kind: 'load-balancer' },
      { id: 'app', kind: 'app-server', params: { instances: 3 }, position: { x: 50, y: 50 } },
      { id: 'db', kind: 'database', label: 'Named later', params: { size: 'large' }, position: { x: 300, y: 0 } },
    ],
    edges: [],
  };

  it('may add allowed nodes, change unlocked ones and label locked ones', () => {
    expect(checkDesignConstraints(ok, config)).toEqual([]);
  });

  it('may not use a disallowed kind', () => {
    const d = structuredClone(ok);
    d.nodes.push({ id: 'c', kind: 'cache' });
    expect(checkDesignConstraints(d, config)).toEqual([{ path: 'nodes[4].kind', message: expect.stringMatching(/"cache" is not allowed/) }]);
  });

  it('may not move, change or remove a locked node', () => {
    const moved = structuredClone(ok);
    moved.nodes[3].position = { x: 301, y: 0 };
    expect(checkDesignConstraints(moved, config)[0].message).toMatch(/node "db" is locked; its position cannot change/);
    const changed = structuredClone(ok);
    changed.nodes[3].params = {};
    expect(checkDesignConstraints(changed, config)[0].path).toBe('nodes[3].params');
    const removed = structuredClone(ok);
    removed.nodes.pop();
    expect(checkDesignConstraints(removed, config)[0].message).toMatch(/locked node "db" was removed/);
  });
});
