import { describe, expect, it } from 'vitest';
import { fromDesign } from './adapter';
import { copyPayload, instantiatePayload, parseClipboard, serializeClipboard } from './clipboard';

const { nodes, edges } = fromDesign({
  schemaVersion: 1,
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
    { id: 'lb', kind: 'load-balancer', position: { x: 300, y: 0 } },
    { id: 'app', kind: 'app-server', label: 'App server', position: { x: 600, y: 0 }, params: { instances: 2 } },
    { id: 'db', kind: 'database', position: { x: 900, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app', params: { share: 1 } },
    { id: 'e3', source: 'app', target: 'db' },
  ],
});

describe('clipboard', () => {
  it('copies the chosen nodes and only the edges between them', () => {
    const payload = copyPayload(nodes, edges, ['lb', 'app'])!;
    expect(payload.nodes.map((n) => n.id)).toEqual(['lb', 'app']);
    expect(payload.edges).toEqual([{ id: 'e2', source: 'lb', target: 'app', params: { share: 1 } }]);
    expect(copyPayload(nodes, edges, [])).toBeNull();
  });

  it('survives the trip through clipboard text, and ignores other text', () => {
    const payload = copyPayload(nodes, edges, ['lb', 'app'])!;
    expect(parseClipboard(serializeClipboard(payload))).toEqual(payload);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"type":"scalelab/clipboard","version":1,"nodes":[{"id":"x","kind":"mainframe"}],"edges":[]}')).toBeNull();
    expect(parseClipboard(null)).toBeNull();
  });

  it('pastes with fresh ids that collide with nothing, edges rewired, params kept', () => {
    const payload = copyPayload(nodes, edges, ['lb', 'app'])!;
    const first = instantiatePayload(payload, { nodes, edges }, { x: 32, y: 32 });
    const ids = new Set(nodes.map((n) => n.id));
    for (const n of first.nodes) expect(ids.has(n.id)).toBe(false);
    expect(first.nodes.map((n) => n.id)).toEqual(['load-balancer', 'app-server']);
    expect(first.edges).toHaveLength(1);
    expect(first.edges[0]).toMatchObject({ source: 'load-balancer', target: 'app-server', data: { params: { share: 1 } } });
    expect(new Set(edges.map((e) => e.id)).has(first.edges[0].id)).toBe(false);
    expect(first.nodes[1].data.params).toEqual({ instances: 2 });
    expect(first.nodes[1].position).toEqual({ x: 632, y: 32 });
    expect(first.nodes[1].data.label).toBe('App server 2');

    // A second paste on top of the first collides with neither.
    const all = { nodes: [...nodes, ...first.nodes], edges: [...edges, ...first.edges] };
    const second = instantiatePayload(payload, all, { x: 64, y: 64 });
    const taken = new Set(all.nodes.map((n) => n.id));
    expect(second.nodes.every((n) => !taken.has(n.id))).toBe(true);
    expect(second.nodes.map((n) => n.data.label)).toEqual(['Load balancer 3', 'App server 3']);
    expect(new Set([...all.edges, ...second.edges].map((e) => e.id)).size).toBe(all.edges.length + 1);
  });
});
