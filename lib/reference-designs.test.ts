import { describe, expect, it } from 'vitest';
import { checkConnection } from './editor/connection-rules';
import { fromDesign } from './editor/adapter';
import { checkReferenceDesigns, REFERENCE_DESIGNS } from './reference-designs';

describe('reference designs', () => {
  it('every listed stage file is a valid design', () => {
    for (const r of checkReferenceDesigns()) expect(r, `stage ${r.stage}`).toEqual({ stage: r.stage, ok: true, issues: [] });
    expect(REFERENCE_DESIGNS.map((r) => r.stage)).toEqual(checkReferenceDesigns().map((r) => r.stage));
  });

  it('the canvas accepts every connection of every reference design', () => {
    for (const r of REFERENCE_DESIGNS) {
      const { nodes, edges } = fromDesign(r.design);
      edges.forEach((e, i) => {
        const others = { nodes, edges: edges.filter((_, j) => j !== i) };
        expect(checkConnection(others, e.source, e.target), `stage ${r.stage}: ${e.source} → ${e.target}`).toEqual({ ok: true });
      });
    }
  });
});
