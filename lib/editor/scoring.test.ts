import { afterEach, describe, expect, it, vi } from 'vitest';
import { STAGES } from '@/lib/rules/stages';
import { sweep } from '@/lib/engine';
import { REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';
import { runEngineRequest, SWEEP_FROM_USERS, SWEEP_POINTS, SWEEP_TO_USERS, type EngineRequest, type EvaluateAnswer, type SweepSummary } from './scoring-engine';
import type { Design } from '@/lib/engine/data';
import { emptyReason, inlineClient, nextStageToPass, snapUsers, startScoring, type EngineClient } from './scoring';
import { createEditorStore } from './store';

const stage3 = REFERENCE_DESIGNS.find((r) => r.stage === 3)!.design;

/** An inline client that counts what it was asked. */
function countingClient(): EngineClient & { requests: EngineRequest[] } {
  const inner = inlineClient();
  const requests: EngineRequest[] = [];
  return {
    requests,
    run(request) {
      requests.push(request);
      return inner.run(request);
    },
    dispose() {},
  };
}

const settle = async (ms = 120) => {
  await vi.advanceTimersByTimeAsync(ms);
  // The engine module is imported on first use: let that promise settle too.
  await vi.dynamicImportSettled();
  await vi.advanceTimersByTimeAsync(ms);
};

describe('live scoring', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('scores a loaded design, marks the bottleneck and the SPOF, and picks the next stage to pass', async () => {
    vi.useFakeTimers();
    const store = createEditorStore({ design: stage3 });
    const live = countingClient();
    const scoring = startScoring(store, { live, lazy: inlineClient() });
    await settle();
    const results = store.getState().results!;
    expect(results.scored?.status).toBe('ok');
    // Stage 3's design passes stage 3, so stage 4 (1M users) is the one to work on.
    expect(scoring.view.getState().stage).toBe(4);
    expect(scoring.view.getState().users).toBe(1_000_000);
    expect(results.scored?.status === 'ok' && results.scored.users).toBe(1_000_000);
    expect(results.nodes.app).toMatchObject({ band: 'saturated', bottleneck: true });
    expect(results.nodes.db?.spof).toBe(true);
    expect(results.nodes).not.toHaveProperty('users');
    expect(Object.keys(results.edges ?? {})).toHaveLength(stage3.edges.length);
    scoring.stop();
  });

  it('shows the Bottleneck badge only where the busiest component is busy enough to limit anything', async () => {
    vi.useFakeTimers();
    // Stage 3's design at 1K users: the busiest component runs at a few percent.
    const store = createEditorStore({ design: stage3 });
    const scoring = startScoring(store, { live: inlineClient(), lazy: inlineClient() });
    await settle();
    // At stage 4's 1M users its app tier is saturated and wears the badge.
    expect(store.getState().results!.nodes.app?.bottleneck).toBe(true);
    scoring.setUsers(1_000);
    await settle();
    const state = store.getState();
    const scored = state.results?.scored;
    expect(scored?.status === 'ok' && scored.users).toBe(1_000);
    const evaluation = scored?.status === 'ok' ? scored.evaluation : null;
    const busiest = evaluation!.bottleneck;
    expect(busiest.nodeId).not.toBeNull();
    expect(busiest.utilization).toBeLessThan(0.1);
    expect(Object.values(state.results!.nodes).some((n) => n.bottleneck)).toBe(false);
    scoring.stop();
  });

  it('never scores while a node is dragged, nor on the drop, but does on a committed edit, debounced', async () => {
    vi.useFakeTimers();
    const store = createEditorStore({ design: stage3 });
    const live = countingClient();
    const scoring = startScoring(store, { live, lazy: inlineClient(), debounceMs: 50 });
    await settle();
    // Scorings: each one evaluates the design once with its stages (after a quick pass without them, scoring.ts).
    const scorings = () => live.requests.filter((r) => !(r.type === 'evaluate' && r.stages === false)).length;
    const before = scorings();
    const s = store.getState();
    for (let i = 1; i <= 20; i++) s.applyNodeChanges([{ type: 'position', id: 'app', position: { x: 10 * i, y: 0 }, dragging: true }]);
    s.applyNodeChanges([{ type: 'position', id: 'app', position: { x: 300, y: 0 }, dragging: false }]);
    await settle();
    expect(scorings()).toBe(before);

    // Three quick edits: one evaluation.
    s.updateNodeParams('app', { instances: 4 });
    s.updateNodeParams('app', { instances: 5 });
    s.updateNodeParams('app', { instances: 12 });
    await settle();
    expect(scorings()).toBe(before + 1);
    const r = store.getState().results!;
    expect(r.scored?.status === 'ok' && r.scored.evaluation.nodes.app.instances).toBe(12);
    expect(r.nodes.app.band).not.toBe('saturated');
    scoring.stop();
  });

  it('a stage switch scores the new users without judging the stages again: the design did not change', async () => {
    vi.useFakeTimers();
    const store = createEditorStore({ design: stage3 });
    const live = countingClient();
    const scoring = startScoring(store, { live, lazy: inlineClient(), debounceMs: 50 });
    await settle();
    const judged = store.getState().results!.scored;
    const stagesBefore = judged?.status === 'ok' ? judged.evaluation.stages : null;
    expect(stagesBefore).toHaveLength(8);
    const before = live.requests.length;
    scoring.chooseStage(6);
    await settle();
    expect(live.requests.slice(before)).toEqual([expect.objectContaining({ type: 'evaluate', users: STAGES[5].users, stages: false })]);
    const r = store.getState().results!.scored;
    expect(r?.status === 'ok' && r.users).toBe(STAGES[5].users);
    expect(r?.status === 'ok' && r.evaluation.stages).toEqual(stagesBefore);
    // An edit judges them afresh.
    store.getState().updateNodeParams('app', { instances: 1 });
    await settle();
    expect(live.requests.slice(before + 1).map((q) => q.type === 'evaluate' && q.stages !== false)).toEqual([false, true]);
    scoring.stop();
  });

  it('shows a calm reason instead of numbers for an empty or unconnected design', async () => {
    vi.useFakeTimers();
    const store = createEditorStore();
    const scoring = startScoring(store, { live: inlineClient(), lazy: inlineClient() });
    await settle();
    expect(store.getState().results?.scored).toMatchObject({ status: 'empty', title: 'Nothing to score yet' });
    store.getState().addNode('users', { x: 0, y: 0 });
    store.getState().addNode('app-server', { x: 200, y: 0 });
    await settle();
    expect(store.getState().results?.scored).toMatchObject({ status: 'empty', title: 'Connect Users to your design' });
    scoring.stop();
  });

  it('computes the sweep lazily and exactly as the engine does', async () => {
    vi.useFakeTimers();
    const store = createEditorStore({ design: stage3 });
    const lazy = countingClient();
    const scoring = startScoring(store, { live: inlineClient(), lazy });
    await settle();
    expect(lazy.requests).toHaveLength(0);
    scoring.ensureSweep();
    await settle();
    const got = scoring.view.getState().sweep!.value!;
    const want = sweep(stage3, SWEEP_FROM_USERS, SWEEP_TO_USERS, SWEEP_POINTS);
    expect(got.points).toHaveLength(SWEEP_POINTS);
    expect(got.breakingUsers).toBe(want.capacityLimitUsers);
    expect(got.failingNodeId).toBe(want.failingNodeId);
    scoring.ensureSweep();
    expect(lazy.requests).toHaveLength(1);
    scoring.stop();
  });
});

describe('scoring helpers', () => {

  it('snaps users to a stage nearby and picks the stage after the highest that passes', () => {
    expect(snapUsers(1_100_000)).toBe(1_000_000);
    expect(snapUsers(2_345_678)).toBe(2_300_000);
    expect(snapUsers(10)).toBe(1_000);
    expect(nextStageToPass([{ stage: 1, passed: false }, { stage: 3, passed: true }])).toBe(4);
    expect(nextStageToPass([])).toBe(1);
    expect(nextStageToPass(STAGES.map((s) => ({ stage: s.stage, passed: true })))).toBe(8);
  });

  it('explains what an incomplete design lacks', () => {
    expect(emptyReason({ schemaVersion: 1, nodes: [{ id: 'a', kind: 'app-server' }], edges: [] })?.title).toBe('Add Users to send traffic');
    expect(emptyReason(stage3)).toBeNull();
  });

  it('gives each connection the traffic the engine routes along it, class by class, not a share of the node’s arrivals', () => {
    // App servers send reads to the cache and writes to the database; cache misses go on to the database.
    const design: Design = {
      schemaVersion: 1,
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'app', kind: 'app-server', params: { instances: 4 } },
        { id: 'cache', kind: 'cache', params: { hitRatio: 0.9 } },
        { id: 'db', kind: 'database' },
      ],
      edges: [
        { id: 'u-app', source: 'users', target: 'app' },
        { id: 'app-cache', source: 'app', target: 'cache' },
        { id: 'app-db', source: 'app', target: 'db' },
        { id: 'cache-db', source: 'cache', target: 'db' },
      ],
    };
    const r = runEngineRequest({ type: 'evaluate', design, users: 100_000 });
    if (!r.ok) throw new Error(r.message);
    const { evaluation, edges } = r.value as EvaluateAnswer;
    const reads = evaluation.offered.read;
    const writes = evaluation.offered.write;
    expect(edges['app-cache'].rps).toBeCloseTo(reads, 6);
    expect(edges['cache-db'].rps).toBeCloseTo(reads * 0.1, 6);
    // The app's direct connection to the database carries the writes only (splitting the database's arrivals by sender would give it half).
    expect(edges['app-db'].rps).toBeCloseTo(writes, 6);
    expect(edges['app-db'].rps + edges['cache-db'].rps).toBeCloseTo(evaluation.nodes.db.arrivalRps.total, 6);
    expect(edges['u-app'].rps).toBeCloseTo(evaluation.offered.total, 6);
  });

  it('answers an invalid design with a message, never a throw', () => {
    const r = runEngineRequest({ type: 'evaluate', design: { schemaVersion: 1, nodes: [{ id: 'x', kind: 'nope' as never }], edges: [] }, users: 1000 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/unknown kind/);
    const s = runEngineRequest({ type: 'sweep', design: stage3 });
    expect(s.ok && (s.value as SweepSummary).points).toHaveLength(SWEEP_POINTS);
  });
});
