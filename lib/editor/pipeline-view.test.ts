import { describe, expect, it } from 'vitest';
import { evaluate } from '@/lib/engine';
import type { Kind, Design } from '@/lib/engine/data';
import { checkConnection, connectableTargets, type RulesGraph } from './connection-rules';
import { pipelineLines } from './pipeline-view';

function graph(nodes: [string, Kind][], edges: [string, string][] = []): RulesGraph {
  return { nodes: nodes.map(([id, kind]) => ({ id, data: { kind } })), edges: edges.map(([source, target]) => ({ source, target })) };
}

describe('connecting a stream processor and a warehouse', () => {
  const g = graph([
    ['app', 'app-server'],
    ['queue', 'queue'],
    ['worker', 'worker'],
    ['stream', 'stream-processor'],
    ['wh', 'warehouse'],
    ['db', 'database'],
    ['cache', 'cache'],
  ]);
  const reason = (s: string, t: string) => {
    const v = checkConnection(g, s, t);
    return v.ok ? null : v.reason;
  };

  it('lets a queue feed a stream processor, which feeds a warehouse; a queue or worker may feed the warehouse too', () => {
    expect(reason('queue', 'stream')).toBeNull();
    expect(reason('stream', 'wh')).toBeNull();
    expect(reason('stream', 'db')).toBeNull();
    expect(reason('queue', 'wh')).toBeNull();
    expect(reason('worker', 'wh')).toBeNull();
  });

  it('refuses the request path straight into either, saying where they connect from', () => {
    expect(reason('app', 'stream')).toMatch(/connect it from a queue/);
    expect(reason('app', 'wh')).toMatch(/fed by a pipeline: connect it from a stream processor, a queue or a worker, not from app server/);
    expect(reason('stream', 'cache')).toBe('Stream processor sends background jobs; Cache accepts only reads.');
    expect(reason('stream', 'worker')).toMatch(/stream processor writes its results to a data warehouse, a database or a NoSQL store/);
    expect(connectableTargets(g, 'app')).not.toContain('wh');
    expect(connectableTargets(g, 'app')).not.toContain('stream');
    expect(connectableTargets(g, 'queue')).toEqual(expect.arrayContaining(['worker', 'stream', 'wh']));
  });
});

describe('the node focus lines', () => {
  it('say the parallelism, the lag and the drain time in numbers', () => {
    const design: Design = {
      schemaVersion: 1,
      workload: { users: 17_280_000, staticShare: 0, readRatio: 0, asyncShare: 1 },
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'app', kind: 'app-server', params: { instances: 10, serviceMs: { write: 0.1 } } },
        { id: 'log', kind: 'queue', params: { instances: 2, partitions: 2 } },
        { id: 'stream', kind: 'stream-processor', params: { instances: 2 } },
        { id: 'wh', kind: 'warehouse' },
      ],
      edges: [
        { id: 'a', source: 'users', target: 'app' },
        { id: 'b', source: 'app', target: 'log' },
        { id: 'c', source: 'log', target: 'stream' },
        { id: 'd', source: 'stream', target: 'wh' },
      ],
    };
    const e = evaluate(design, undefined, { stages: false });
    expect(pipelineLines(e.nodes.stream)).toEqual([
      'Parallelism 2 of 4 slots (the log has 2 partitions): 20,000 events/s.',
      'Consumer lag grows 10,000 events/s at peak to 36,000,000 events (30 min behind); caught up 60 min after the peak.',
    ]);
    expect(pipelineLines(e.nodes.wh)[0]).toBe("Loads 10,000 events/s: +26 TB a month, 315 TB kept.");
    expect(pipelineLines(e.nodes.app)).toEqual([]);
  });
});
