import { describe, expect, it } from 'vitest';
import { bandOf, resultsFromUtilisation, resultsOfEvaluation } from './results';
import { createEditorStore, selectNodeResult } from './store';

describe('results slot', () => {
  it('bands utilisation: healthy < 0.6 ≤ warm < 0.8 ≤ hot < 1 ≤ saturated', () => {
    expect([0, 0.59, 0.6, 0.79, 0.8, 0.99, 1, 1.4, Number.NaN].map(bandOf)).toEqual([
      'healthy',
      'healthy',
      'warm',
      'warm',
      'hot',
      'hot',
      'saturated',
      'saturated',
      'saturated',
    ]);
  });

  it('starts empty and gives each card its own result once scoring fills it in', () => {
    const store = createEditorStore();
    const id = store.getState().addNode('app-server', { x: 0, y: 0 });
    expect(store.getState().results).toBeNull();
    expect(selectNodeResult(id)(store.getState())).toBeNull();
    store.getState().setResults(resultsFromUtilisation({ [id]: { utilization: 0.85 }, ghost: { utilization: Number.NaN } }));
    expect(selectNodeResult(id)(store.getState())).toEqual({ utilization: 0.85, band: 'hot' });
    expect(store.getState().results?.nodes).not.toHaveProperty('ghost');
  });
});

describe('resultsOfEvaluation', () => {
  const evaluation = (busiest: number) =>
    ({
      bottleneck: { nodeId: 'app', utilization: busiest },
      nodes: {
        users: { arrivalRps: { total: 0 }, utilization: 0, spof: false },
        app: { arrivalRps: { total: 100 }, utilization: busiest, spof: true },
        db: { arrivalRps: { total: 50 }, utilization: 0.3, spof: false },
      },
    }) as unknown as Parameters<typeof resultsOfEvaluation>[0];

  it('colours the components traffic reaches, and badges the busiest only once it is busy', () => {
    expect(resultsOfEvaluation(evaluation(0.85)).nodes).toEqual({
      app: { utilization: 0.85, band: 'hot', bottleneck: true, spof: true },
      db: { utilization: 0.3, band: 'healthy', bottleneck: false, spof: false },
    });
    expect(resultsOfEvaluation(evaluation(0.05)).nodes.app).toEqual({ utilization: 0.05, band: 'healthy', bottleneck: false, spof: true });
  });
});
