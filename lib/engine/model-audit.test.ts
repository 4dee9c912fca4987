/**
 * Statement-by-statement checks of MODEL.md found deviating in an audit:
 * each test names the section it holds the engine to, and failed before the fix.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { Design } from './types';

function design(nodes: Design['nodes'], edges: [string, string][], users: number): Design {
  return {
    schemaVersion: 1,
    name: 'audit',
    workload: { users },
    nodes,
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

describe('MODEL.md statements held by the engine', () => {
  it('§2.1 server: the single box runs jobs inline even when a queue is connected to it', () => {
    const d = design(
      [
        { id: 'users', kind: 'users' },
        { id: 'server', kind: 'server' },
        { id: 'queue', kind: 'queue' },
        { id: 'workers', kind: 'worker' },
      ],
      [
        ['users', 'server'],
        ['server', 'queue'],
        ['queue', 'workers'],
      ],
      10_000,
    );
    const e = evaluate(d, undefined, { stages: false });
    const o = e.offered;
    // static 2 ms, read 15 ms, write 30 ms plus asyncShare (0.2) × jobServiceMs (200 ms), on 2 cores.
    const work = o.static * 2 + o.read * 15 + o.write * (30 + 0.2 * 200);
    expect(e.nodes.server.utilization).toBeCloseTo(work / 2000, 9);
    expect(e.nodes.queue.arrivalRps.job).toBe(0);
    expect(e.jobs.inlineRps).toBeCloseTo(o.write * 0.2, 9);
  });
});
