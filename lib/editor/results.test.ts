import { describe, expect, it } from 'vitest';
import { bandOf, resultsFromUtilisation } from './results';
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
