import { describe, expect, it } from 'vitest';
import { CATALOG, KINDS, type Kind } from '@/lib/engine/data';
import { checkConnection, connectableTargets, forwardedClasses, type RulesGraph } from './connection-rules';

function graph(nodes: [string, Kind, string?][], edges: [string, string][] = []): RulesGraph {
  return {
    nodes: nodes.map(([id, kind, label]) => ({ id, data: { kind, label } })),
    edges: edges.map(([source, target]) => ({ source, target })),
  };
}

const reason = (g: RulesGraph, s: string, t: string) => {
  const v = checkConnection(g, s, t);
  return v.ok ? null : v.reason;
};

describe('connection rules', () => {
  const g = graph(
    [
      ['users', 'users'],
      ['lb', 'load-balancer'],
      ['app', 'app-server', 'App 1'],
      ['cache', 'cache'],
      ['db', 'database'],
      ['queue', 'queue'],
      ['worker', 'worker'],
      ['cdn', 'cdn'],
      ['mon', 'monitoring'],
    ],
    [
      ['users', 'lb'],
      ['lb', 'app'],
      ['app', 'db'],
    ],
  );

  it('allows the connections the model uses', () => {
    expect(checkConnection(g, 'app', 'cache')).toEqual({ ok: true });
    expect(checkConnection(g, 'cache', 'db')).toEqual({ ok: true });
    expect(checkConnection(g, 'app', 'queue')).toEqual({ ok: true });
    expect(checkConnection(g, 'queue', 'worker')).toEqual({ ok: true });
    expect(checkConnection(g, 'worker', 'db')).toEqual({ ok: true });
    expect(checkConnection(g, 'users', 'cdn')).toEqual({ ok: true });
  });

  it('refuses anything into users, with a reason', () => {
    expect(reason(g, 'cache', 'users')).toMatch(/Users only send traffic/);
    expect(reason(g, 'app', 'users')).toMatch(/nothing can flow into them/);
  });

  it('refuses a target that accepts none of the classes the source forwards', () => {
    expect(reason(g, 'cache', 'queue')).toBe('Cache sends reads; Queue accepts only background jobs.');
    expect(reason(g, 'users', 'worker')).toMatch(/^Users send static files, reads and writes; Worker accepts only background jobs/);
    expect(reason(g, 'cdn', 'db')).toMatch(/CDN sends static files; Database accepts only reads, writes and background jobs/);
  });

  it('refuses connections that would make a cycle, naming the loop', () => {
    expect(reason(g, 'db', 'lb')).toBe('That would make a loop (Database → Load balancer → App 1 → Database); traffic must flow one way.');
  });

  it('refuses self-loops, duplicates and kinds that carry no traffic', () => {
    expect(reason(g, 'app', 'app')).toMatch(/itself/);
    expect(reason(g, 'lb', 'app')).toBe('Load balancer already sends to App 1.');
    expect(reason(g, 'app', 'mon')).toMatch(/Monitoring carries no traffic/);
    expect(reason(g, 'mon', 'app')).toMatch(/Monitoring carries no traffic/);
  });

  it('derives forwarding from the model: users send user classes, compute also spawns jobs', () => {
    expect(forwardedClasses('users')).toEqual(['static', 'read', 'write']);
    expect(forwardedClasses('app-server')).toContain('job');
    expect(forwardedClasses('cache')).toEqual(CATALOG.cache.accepts);
    expect(forwardedClasses('monitoring')).toEqual([]);
  });

  it('offers no edge the model ignores: the single server and the stores answer everything themselves (MODEL.md §2.1)', () => {
    const g2 = graph([
      ['srv', 'server'],
      ['q', 'queue'],
      ['db', 'database'],
      ['rep', 'read-replica'],
      ['c', 'cache'],
      ['obj', 'object-storage'],
      ['cdn', 'cdn'],
    ]);
    // The server runs its jobs inline and keeps its own data: a queue or database behind it would sit idle.
    expect(reason(g2, 'srv', 'q')).toBe('Server answers requests itself and sends nothing onward.');
    expect(reason(g2, 'srv', 'db')).toBe('Server answers requests itself and sends nothing onward.');
    expect(connectableTargets(g2, 'srv')).toEqual([]);
    expect(reason(g2, 'rep', 'c')).toBe('Read replica answers requests itself and sends nothing onward.');
    expect(reason(g2, 'obj', 'cdn')).toBe('Object storage answers requests itself and sends nothing onward.');
    // What the model does forward stays connectable.
    expect(checkConnection(g2, 'db', 'rep')).toEqual({ ok: true });
    expect(checkConnection(g2, 'cdn', 'obj')).toEqual({ ok: true });
  });

  it('never lets any kind send into users, whatever the catalog says', () => {
    for (const kind of KINDS) {
      const two = graph([
        ['a', kind],
        ['u', 'users'],
      ]);
      expect(checkConnection(two, 'a', 'u').ok).toBe(false);
    }
  });

  it('lists exactly the targets checkConnection would accept', () => {
    for (const n of g.nodes) {
      const listed = connectableTargets(g, n.id);
      const accepted = g.nodes.filter((t) => checkConnection(g, n.id, t.id).ok).map((t) => t.id);
      expect(listed).toEqual(accepted);
    }
  });
});
