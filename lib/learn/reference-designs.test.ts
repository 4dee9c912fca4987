import { describe, expect, it } from 'vitest';
import { checkConnection } from '../editor/connection-rules';
import { fromDesign } from '../editor/adapter';
import { checkReferenceDesigns, isReferenceSolution, REFERENCE_DESIGNS } from './reference-designs';

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

describe('isReferenceSolution', () => {
  const stage3 = REFERENCE_DESIGNS.find((r) => r.stage === 3)!.design;

  it('recognises the reference as loaded, moved or relabelled', () => {
    expect(isReferenceSolution(structuredClone(stage3), 3)).toBe(true);
    const moved = structuredClone(stage3);
    moved.nodes = moved.nodes.map((n, i) => ({ ...n, label: `Box ${i}`, position: { x: i * 300, y: 40 } })).reverse();
    moved.edges = moved.edges.map((e, i) => ({ ...e, id: `edge-${i}` })).reverse();
    expect(isReferenceSolution(moved, 3)).toBe(true);
  });

  it('does not take a changed design, or another stage, for the reference', () => {
    const more = structuredClone(stage3);
    const app = more.nodes.find((n) => n.kind === 'app-server')!;
    app.params = { ...app.params, instances: (app.params?.instances ?? 1) + 1 };
    expect(isReferenceSolution(more, 3)).toBe(false);
    const unwired = structuredClone(stage3);
    unwired.edges = unwired.edges.slice(1);
    expect(isReferenceSolution(unwired, 3)).toBe(false);
    expect(isReferenceSolution(structuredClone(stage3), 4)).toBe(false);
  });
});
