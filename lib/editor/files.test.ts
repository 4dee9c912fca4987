import { describe, expect, it } from 'vitest';
import { designJson, fileStem, parseDesignText } from './files';

describe('design files', () => {
  it('reads a valid file, and names every problem of a broken one', () => {
    const ok = parseDesignText(designJson({ schemaVersion: 1, nodes: [{ id: 'a', kind: 'cache' }], edges: [] }));
    expect(ok).toEqual({ ok: true, design: { schemaVersion: 1, nodes: [{ id: 'a', kind: 'cache' }], edges: [] }, notices: [] });
    const bad = parseDesignText('{"schemaVersion":1,"nodes":[{"id":"a","kind":"mainframe"},{"id":"b","kind":"cache","params":{"hitRatio":2}}],"edges":[]}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.map((i) => i.path)).toEqual(['nodes[0].kind', 'nodes[1].params.hitRatio']);
    const notJson = parseDesignText('{"schemaVersion": 1,');
    expect(!notJson.ok && notJson.issues[0].message).toMatch(/^the file is not valid JSON/);
  });

  it('opens an older file whose node carries a param its kind does not take: dropped, with a notice (MODEL.md §9.5)', () => {
    const r = parseDesignText(designJson({ schemaVersion: 1, nodes: [{ id: 'a', kind: 'cache', params: { hitRatio: 0.5, shards: 4 } }], edges: [] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.design.nodes[0]).toEqual({ id: 'a', kind: 'cache', params: { hitRatio: 0.5 } });
    expect(r.notices).toEqual([{ path: 'nodes[0].params.shards', message: expect.stringMatching(/^dropped shards from "a": it does not apply to a cache \(a cache takes: hitRatio, /) }]);
  });

  it('derives file names from design names', () => {
    expect(fileStem('Stage 3 reference: LB & app tier')).toBe('stage-3-reference-lb-app-tier');
    expect(fileStem(undefined)).toBe('scalelab-design');
    expect(fileStem('***')).toBe('scalelab-design');
  });
});
