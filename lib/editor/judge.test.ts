import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '@/lib/engine';
import { STAGES } from '@/lib/rules/stages';
import { REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';
import { checkStage, judgeDesign, stageCheck } from './judge';
import { inlineClient, judgeStart, startScoring } from './scoring';
import { createEditorStore } from './store';

const design = (stage: number) => REFERENCE_DESIGNS.find((r) => r.stage === stage)!.design;

const settle = async (ms = 120) => {
  await vi.advanceTimersByTimeAsync(ms);
  await vi.dynamicImportSettled();
  await vi.advanceTimersByTimeAsync(ms);
};

describe('the stage judge', () => {
  afterEach(() => vi.useRealTimers());

  it('says what checkStage says, with or without an evaluation to reuse', () => {
    const d = design(2);
    const verdict = judgeDesign(d, { kind: 'stage', stage: 3 });
    expect(verdict).toEqual({ kind: 'stage', check: checkStage(d, 3) });
    // The stages are judged at their own users: an evaluation at any load gives the same checks.
    expect(judgeDesign(d, { kind: 'stage', stage: 3 }, evaluate(d, { users: 5_000 }))).toEqual(verdict);
    expect(stageCheck(evaluate(d), 3).passed).toBe(false);
    expect(checkStage({ schemaVersion: 1, nodes: [], edges: [] }, 1).problem).toMatch(/empty/);
  });

  it('puts the panel at the judged stage’s users', () => {
    expect(judgeStart({ kind: 'stage', stage: 4 })).toEqual({ users: STAGES[3].users, stage: 4 });
    expect(judgeStart(null)).toBeNull();
  });

  it('comes back from the scorer beside the evaluation, same revision, at the stage’s users', async () => {
    vi.useFakeTimers();
    const store = createEditorStore({ design: design(2) });
    const scoring = startScoring(store, { live: inlineClient(), lazy: inlineClient(), judge: { kind: 'stage', stage: 3 } });
    await settle();
    const scored = store.getState().results!.scored!;
    expect(scored.status).toBe('ok');
    expect(scored.verdict).toEqual({ kind: 'stage', check: checkStage(design(2), 3) });
    expect(scored.status === 'ok' && scored.users).toBe(STAGES[2].users);
    expect(scoring.view.getState()).toMatchObject({ stage: 3, stageChosen: true });
    expect(scored.revision).toBe(scoring.view.getState().revision);

    // A change: a new evaluation and a new verdict, together.
    store.getState().loadDesign(design(3), 'record');
    await settle();
    const next = store.getState().results!.scored!;
    expect(next.verdict?.kind === 'stage' && next.verdict.check.passed).toBe(true);
    expect(scoring.view.getState()).toMatchObject({ stage: 3, users: STAGES[2].users });

    // An empty canvas still gets the judge's word.
    store.getState().loadDesign({ schemaVersion: 1, nodes: [], edges: [] }, 'record');
    await settle();
    const empty = store.getState().results!.scored!;
    expect(empty.status).toBe('empty');
    expect(empty.verdict?.kind === 'stage' && empty.verdict.check.problem).toMatch(/empty/);
    scoring.stop();
  });

  it('keeps the side panel’s tab where the user left it when a component is selected', async () => {
    vi.useFakeTimers();
    const store = createEditorStore({ design: design(2) });
    const scoring = startScoring(store, { live: inlineClient(), lazy: inlineClient() });
    await settle();
    expect(scoring.view.getState().tab).toBe('results');
    store.getState().selectElements([design(2).nodes[1].id]);
    expect(scoring.view.getState().tab).toBe('results');
    scoring.setTab('inspect');
    store.getState().selectElements([]);
    expect(scoring.view.getState().tab).toBe('inspect');
    scoring.stop();
  });
});
