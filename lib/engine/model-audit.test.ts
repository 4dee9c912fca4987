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
    // The advice says what does take jobs off the request path: a queue behind the server cannot.
    const inline = e.findings.find((f) => f.code === 'inline-jobs' && f.nodeId === 'server')!;
    expect(inline.message).toBe('Server runs background jobs inline: 20% of writes wait 200 ms longer. App servers handing jobs to a queue with workers take them off the request path.');
    expect(inline.lessonId).toBe('stage-6-async-queues');
  });

  it('§4 regions: a path depends on each region it crosses; a region geo DNS does not spread users over is never counted in parallel', () => {
    const d = design(
      [
        { id: 'users', kind: 'users' },
        { id: 'dns', kind: 'dns', params: { routing: 'geo' } },
        { id: 'east', kind: 'app-server', params: { region: 'east', instances: 4, stateless: true } },
        { id: 'west', kind: 'app-server', params: { region: 'west', instances: 4, stateless: true } },
        // The only database, in a third region that DNS never sends users to.
        { id: 'db', kind: 'database', params: { region: 'central', standby: true } },
      ],
      [
        ['users', 'dns'],
        ['dns', 'east'],
        ['dns', 'west'],
        ['east', 'db'],
        ['west', 'db'],
      ],
      100_000,
    );
    const e = evaluate(d, undefined, { stages: false });
    // East and west carry each other's users, so they count in parallel.
    expect(e.regions.parallel).toBe(true);
    const parallel = 1 - 1e-4 * 1e-4;
    const app = e.nodes.east.availability;
    expect(e.nodes.west.availability).toBe(app);
    const dns = 0.999999;
    expect(e.endToEnd.availabilityByClass.static).toBeCloseTo(dns * parallel * app, 12);
    // A read crosses into the central region too: that region alone, 0.9999.
    expect(e.endToEnd.availabilityByClass.read).toBeCloseTo(dns * parallel * app * 0.9999 * e.nodes.db.availability, 12);
  });

  it('§2.1 queue: forwards jobs to workers only, so workers behind two chained queues still see the average job rate', () => {
    const d = design(
      [
        { id: 'users', kind: 'users' },
        { id: 'app', kind: 'app-server', params: { instances: 40 } },
        { id: 'db', kind: 'database' },
        { id: 'q1', kind: 'queue' },
        { id: 'q2', kind: 'queue' },
        { id: 'workers', kind: 'worker', params: { instances: 2 } },
      ],
      [
        ['users', 'app'],
        ['app', 'db'],
        ['app', 'q1'],
        ['q1', 'q2'],
        ['q1', 'workers'],
        ['q2', 'workers'],
      ],
      1_000_000,
    );
    const e = evaluate(d, undefined, { stages: false });
    // Jobs are write × asyncShare at peak; workers behind a queue run at peak / peakFactor (3).
    expect(e.nodes.q1.arrivalRps.job).toBeCloseTo(e.offered.job, 9);
    expect(e.nodes.q2.arrivalRps.job).toBe(0);
    expect(e.nodes.workers.arrivalRps.job).toBeCloseTo(e.offered.job / 3, 9);
  });

  it('§3 saturation: a saturated node serves at capacity however far it is overloaded, and only that flows downstream', () => {
    const readMs = 49.99803806791423;
    const d = design(
      [
        { id: 'users', kind: 'users' },
        { id: 'app', kind: 'app-server', params: { cores: 1, serviceMs: { read: readMs } } },
        { id: 'search', kind: 'search' },
      ],
      [
        ['users', 'app'],
        ['app', 'search'],
      ],
      1,
    );
    const capacity = 1000 / readMs; // one core, reads only
    for (const users of [23_160_772, 343_545_000]) {
      const e = evaluate(d, { users, staticShare: 0, readRatio: 1 }, { stages: false });
      expect(e.nodes.app.utilization).toBeGreaterThan(2000);
      // 1 - (1 - 1/ρ) used to lose ρ·ε: 1.6e-12 off at ρ = 30,000.
      expect(Math.abs(e.nodes.search.arrivalRps.read - capacity) / capacity).toBeLessThan(1e-14);
    }
  });

  it('§4 SPOF: a single worker that writes wait for (app → worker with no queue) is on a user-facing path and is listed', () => {
    const nodes: Design['nodes'] = [
      { id: 'users', kind: 'users' },
      { id: 'app', kind: 'app-server', params: { instances: 4 } },
      { id: 'db', kind: 'database', params: { standby: true } },
      { id: 'workers', kind: 'worker' },
    ];
    const sync = evaluate(design(nodes, [['users', 'app'], ['app', 'db'], ['app', 'workers'], ['workers', 'db']], 10_000), undefined, { stages: false });
    // The writes that spawn a job wait for the worker, so its downtime is the writes' downtime...
    expect(sync.endToEnd.availabilityByClass.write).toBeLessThan(sync.endToEnd.availabilityByClass.read);
    // ...and with one instance and no spare it is a single point of failure.
    expect(sync.nodes.workers.spof).toBe(true);
    expect(sync.spofs).toContain('workers');
    // Behind a queue the same worker is off the request path: not a SPOF.
    const queued = evaluate(
      design([...nodes, { id: 'queue', kind: 'queue' }], [['users', 'app'], ['app', 'db'], ['app', 'queue'], ['queue', 'workers'], ['workers', 'db']], 10_000),
      undefined,
      { stages: false },
    );
    expect(queued.nodes.workers.spof).toBe(false);
  });
});
