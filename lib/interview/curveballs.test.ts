import { describe, expect, it } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { applyEffect, judgeCurveball, primaryRegion, scenarioFor } from './curveballs';
import { problemWorkload } from './model';
import { getProblem } from './problems';
import type { Curveball } from './schema';

const problem = getProblem('url-shortener')!;
const w = problemWorkload(problem);

/**
 * A small single-region design that carries the URL shortener's load only just.
 * Its cache is set to a 90% hit ratio: with the default, the misses' storage
 * reads put the large database at 134% (its IOPS, MODEL.md §9.2), and it would
 * not carry the load at all.
 */
const single: Design = {
  schemaVersion: 1,
  nodes: [
    { id: 'users', kind: 'users' },
    { id: 'lb', kind: 'load-balancer' },
    { id: 'app', kind: 'app-server', label: 'App', params: { instances: 30, stateless: true } },
    { id: 'cache', kind: 'cache', label: 'Cache', params: { hitRatio: 0.9 } },
    { id: 'db', kind: 'database', label: 'DB', params: { size: 'large' } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'cache' },
    { id: 'e4', source: 'cache', target: 'db' },
    { id: 'e5', source: 'app', target: 'db' },
  ],
};

const curveball = (effects: Curveball['effects'], expect: Curveball['expect'] = {}): Curveball => ({
  id: 'test',
  title: 'Test',
  atMinute: 20,
  message: 'Test.',
  effects,
  expect,
  strongResponse: 'Do better.',
  lessonId: 'guide-reliability',
});

describe('curveball effects', () => {
  it('multiply workload fields (launch day: peak factor ×10)', () => {
    const s = applyEffect(
      { design: single, workload: w, notes: [] },
      { type: 'workload', multiply: { peakFactor: 10 } },
    );
    expect(s.workload.peakFactor).toBe(30);
    expect(s.design).toBe(single);
  });

  it('take the busiest region down, keeping global components', () => {
    const two: Design = {
      schemaVersion: 1,
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'dns', kind: 'dns', params: { routing: 'geo' } },
        { id: 'a', kind: 'app-server', params: { instances: 10, region: 'a' } },
        { id: 'b', kind: 'app-server', params: { instances: 10, region: 'b' } },
      ],
      edges: [
        { id: 'e1', source: 'users', target: 'dns' },
        { id: 'e2', source: 'dns', target: 'a' },
        { id: 'e3', source: 'dns', target: 'b' },
      ],
    };
    expect(primaryRegion(two, w)).toBe('a');
    const s = applyEffect({ design: two, workload: w, notes: [] }, { type: 'region-down' });
    expect(s.design.nodes.map((n) => n.id)).toEqual(['users', 'dns', 'b']);
    expect(s.design.edges.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(s.notes[0]).toMatch(/Region a is down/);
  });

  it('take a zone down: half the instances, standbys used, lone instances lost', () => {
    const design: Design = {
      ...single,
      nodes: single.nodes.map((n) => (n.id === 'db' ? { ...n, params: { ...n.params, standby: true } } : n)),
    };
    const s = applyEffect({ design, workload: w, notes: [] }, { type: 'zone-down', fraction: 0.5 });
    const byId = new Map(s.design.nodes.map((n) => [n.id, n]));
    expect(byId.get('app')!.params!.instances).toBe(15);
    expect(byId.has('cache')).toBe(false);
    expect(byId.get('db')!.params!.standby).toBe(false);
    expect(byId.get('lb')).toBeDefined();
    const noStandby = applyEffect({ design: single, workload: w, notes: [] }, { type: 'zone-down', fraction: 0.5 });
    expect(noStandby.design.nodes.some((n) => n.id === 'db')).toBe(false);
  });

  it('slow a dependency down by multiplying its service times', () => {
    const s = applyEffect(
      { design: single, workload: w, notes: [] },
      { type: 'slow', kinds: ['database', 'worker'], factor: 5 },
    );
    // Model v2 (MODEL.md §9.2) states a database's service times per query:
    // 0.12 ms a read query, 0.17 ms a write statement, and a request makes
    // workload.queriesPerRead (or queriesPerWrite) of them. A slow dependency
    // makes each query 5× slower; the number of queries a request makes stays
    // the same, so a read request's database time grows 5× as before.
    const svc = s.design.nodes.find((n) => n.id === 'db')!.params!.serviceMs!;
    expect(svc.static).toBeCloseTo(0.6, 10);
    expect(svc.read).toBeCloseTo(0.6, 10);
    expect(svc.write).toBeCloseTo(0.85, 10);
    expect(s.workload.queriesPerRead).toBe(w.queriesPerRead);
    expect(s.workload.queriesPerWrite).toBe(w.queriesPerWrite);
    expect(s.workload.jobServiceMs).toBe(w.jobServiceMs * 5);
  });

  it('set parameters on every node of a kind (a cold cache)', () => {
    const s = scenarioFor(problem, single, curveball([{ type: 'params', kinds: ['cache'], set: { hitRatio: 0.3 } }]));
    expect(s.design.nodes.find((n) => n.id === 'cache')!.params).toEqual({ hitRatio: 0.3 });
  });
});

describe('judging a curveball', () => {
  it('fails a single-region design when its region goes down', () => {
    const r = judgeCurveball(problem, single, curveball([{ type: 'region-down' }]));
    expect(r.outcome).toBe('failed');
    expect(r.errorRate).toBeGreaterThan(0.9);
  });

  it('names the component that gave way under a surge', () => {
    const r = judgeCurveball(problem, single, curveball([{ type: 'workload', multiply: { peakFactor: 10 } }]));
    expect(r.outcome).not.toBe('held');
    expect(r.reasons[0]).toMatch(/saturated at \d+% of capacity/);
  });

  it('counts shedding as graceful only where the curveball allows it', () => {
    const limited: Design = {
      ...single,
      nodes: [...single.nodes, { id: 'rl', kind: 'rate-limiter', params: { instances: 3, limitRps: 7000 } }],
      edges: [
        { id: 'e0', source: 'users', target: 'rl' },
        { id: 'e1', source: 'rl', target: 'lb' },
        ...single.edges.slice(1),
      ],
    };
    const surge = [{ type: 'workload' as const, multiply: { peakFactor: 3 } }];
    expect(judgeCurveball(problem, limited, curveball(surge)).reasons.join()).toMatch(/rate limiting turned away/);
    const allowed = judgeCurveball(problem, limited, curveball(surge, { maxShedShare: 1, p95ReadMs: 200 }));
    expect(allowed.reasons).toEqual([]);
    expect(allowed.outcome).toBe('held');
  });
});

describe('curveballs whose model matches their story', () => {
  const byId = (id: string) => getProblem(id)!;
  const without = (d: Design, drop: (e: Design['edges'][number]) => boolean): Design => ({
    ...d,
    edges: d.edges.filter((e) => !drop(e)),
  });

  describe('a link goes viral: one hot key', () => {
    const url = byId('url-shortener');
    const viral = url.curveballs.find((c) => c.id === 'viral-link')!;

    it('lands on the one cache shard holding the key, which the model answer has room for', () => {
      const r = judgeCurveball(url, url.reference.design, viral);
      expect(r.outcome).toBe('held');
      expect(r.notes[0]).toBe('One key takes 50,000/s more reads at peak (all other reads: 6,531/s).');
      // 50,000 + (6,531 reads that reach the cache) ÷ 3 shards = 52,177/s on one shard of 125,000/s (1 core ÷ 0.008 ms).
      expect(r.figures[0]).toBe(
        'Link cache: the one shard holding the key takes 52,177/s (the key’s 50,000/s + its share of the rest), 42% of the 125,000/s one shard serves; the other 2 shards take 2,177/s each.'.replace(
          '’',
          "'",
        ),
      );
      expect(r.figures[1]).toMatch(/^Links database: none of the key's reads reach it \(the cache answers them\)/);
    });

    it('lands on one database partition without a cache, and the feedback never says a cache absorbed it', () => {
      const noCache: Design = {
        ...single,
        nodes: single.nodes
          .filter((n) => n.kind !== 'cache')
          .map((n) =>
            n.kind === 'app-server'
              ? { ...n, params: { autoscale: { min: 4, max: 1000, target: 0.7 }, stateless: true } }
              : n.kind === 'load-balancer'
                ? { ...n, params: { instances: 4 } }
                : n,
          ),
        edges: single.edges.filter((e) => e.source !== 'cache' && e.target !== 'cache'),
      };
      const r = judgeCurveball(url, noCache, viral);
      expect(r.outcome).toBe('failed');
      expect(r.figures.join(' ')).not.toMatch(/cache/i);
      expect(r.figures).toHaveLength(1);
      expect(r.figures[0]).toMatch(
        /^DB: the partition holding the key takes the 50,000\/s of its reads that reach the store; hottest partition at \d{3,}%\.$/,
      );
      expect(r.reasons[0]).toMatch(/^DB saturated at \d{3,}% of capacity$/);
    });

    it('saturates a cache shard when the key alone is more than one shard serves', () => {
      // A cache node whose shards serve 50,000 reads a second (0.02 ms a read on its one core).
      const slowCache: Design = {
        ...url.reference.design,
        nodes: url.reference.design.nodes.map((n) =>
          n.kind === 'cache' ? { ...n, params: { ...n.params, serviceMs: { read: 0.02 } } } : n,
        ),
      };
      const r = judgeCurveball(url, slowCache, viral);
      expect(r.outcome).not.toBe('held');
      expect(r.figures[0]).toMatch(/takes 52,177\/s .*, 104% of the 50,000\/s one shard serves/);
      expect(r.reasons).toContain('the Link cache shard holding the hot key saturated at 104% of its capacity');
    });
  });

  describe('a celebrity posts: fan-out on write', () => {
    const feed = byId('news-feed');
    const celebrity = feed.curveballs.find((c) => c.id === 'celebrity-post')!;

    it('is one insert per follower on the write path, which the model answer delivers in time', () => {
      const r = judgeCurveball(feed, feed.reference.design, celebrity);
      expect(r.notes[0]).toBe(
        'Fan-out on write: 30,000,000 followers = 30,000,000 feed inserts; within 10 min that is 50,000/s jobs on the write path (normally 2,083/s), each 2 ms of a worker.',
      );
      expect(r.outcome).toBe('held');
      expect(r.figures.join('\n')).toMatch(/its workers can do [\d,]+\/s, so its 15,000,000 inserts take [1-9] min/);
    });

    it('fails a design whose queue and workers were sized for ordinary posts, with the delivery time', () => {
      const small: Design = {
        ...feed.reference.design,
        nodes: feed.reference.design.nodes.map((n) =>
          n.kind === 'queue'
            ? { ...n, params: { ...n.params, instances: 1 } }
            : n.kind === 'worker'
              ? { ...n, params: { ...n.params, autoscale: { min: 4, max: 30, target: 0.7 } } }
              : n,
        ),
      };
      const r = judgeCurveball(feed, small, celebrity);
      expect(r.outcome).not.toBe('held');
      expect(r.reasons).toContain('Fan-out queue (us-east) saturated at 130% of capacity');
      expect(r.reasons.join('\n')).toMatch(/workers do [\d,]+\/s: its 15,000,000 inserts take \d{2} min, not 10 min/);
      expect(r.figures.join('\n')).toMatch(
        /Fan-out workers \(us-east\): [\d,]+\/s jobs while the post fans out, at \d+%/,
      );
    });

    it('fails a design that fans out inline, on the request path', () => {
      const inline = without(feed.reference.design, (e) => e.target.endsWith('-queue'));
      const r = judgeCurveball(feed, inline, celebrity);
      expect(r.outcome).toBe('failed');
      // 30,000,000 inserts × 2 ms = 16.7 hours of work behind one request.
      expect(r.reasons).toContain(
        "Feed service (us-east) fans out inline: the celebrity's post request waits 17 h for its inserts",
      );
      // The queues and workers left unconnected take nothing, and are not listed.
      expect(r.figures.join('\n')).not.toMatch(/Fan-out (queue|workers)/);
    });
  });

  describe('the primary region goes down: data must be replicated', () => {
    const feed = byId('news-feed');
    const down = feed.curveballs.find((c) => c.id === 'region-down')!;

    it('fails two unconnected per-region stores: the lost region’s users lose their data', () => {
      const unconnected = without(
        feed.reference.design,
        (e) =>
          (e.source === 'east-workers' && e.target === 'west-store') ||
          (e.source === 'west-workers' && e.target === 'east-store'),
      );
      const r = judgeCurveball(feed, unconnected, down);
      expect(r.outcome).toBe('failed');
      // Half the users lived in the lost region; 40% of requests are dynamic (60% static): 50% × 40% = 20%.
      expect(r.reasons[0]).toBe(
        'the data in Post and feed store (eu-west) was not replicated out of eu-west: 20% of requests lost their data',
      );
      expect(r.errorRate).toBeCloseTo(0.2, 6);
    });

    it('holds the model answer, whose workers write to both regions’ stores', () => {
      const r = judgeCurveball(feed, feed.reference.design, down);
      expect(r.outcome).toBe('held');
      expect(r.figures).toEqual([
        'Post and feed store (eu-west) had a copy outside eu-west: the survivors still hold its data.',
      ]);
    });

    it('counts a database’s read replica in a surviving region as a copy', () => {
      const two: Design = {
        schemaVersion: 1,
        nodes: [
          { id: 'users', kind: 'users' },
          { id: 'dns', kind: 'dns', params: { routing: 'geo' } },
          { id: 'a', kind: 'app-server', params: { instances: 40, region: 'a', stateless: true } },
          { id: 'b', kind: 'app-server', params: { instances: 40, region: 'b', stateless: true } },
          { id: 'db-a', kind: 'database', params: { size: 'large', region: 'a' } },
          { id: 'db-b', kind: 'database', params: { size: 'large', region: 'b' } },
          { id: 'copy-b', kind: 'read-replica', params: { region: 'b' } },
          { id: 'copy-a', kind: 'read-replica', params: { region: 'a' } },
        ],
        edges: [
          { id: 'e1', source: 'users', target: 'dns' },
          { id: 'e2', source: 'dns', target: 'a' },
          { id: 'e3', source: 'dns', target: 'b' },
          { id: 'e4', source: 'a', target: 'db-a' },
          { id: 'e5', source: 'b', target: 'db-b' },
          { id: 'e6', source: 'db-a', target: 'copy-b' },
          { id: 'e7', source: 'db-b', target: 'copy-a' },
        ],
      };
      const r = judgeCurveball(url0, two, curveball([{ type: 'region-down' }]));
      expect(r.reasons.join()).not.toMatch(/not replicated/);
      const unlinked = { ...two, edges: two.edges.filter((e) => e.id !== 'e6' && e.id !== 'e7') };
      const lost = judgeCurveball(url0, unlinked, curveball([{ type: 'region-down' }]));
      expect(lost.outcome).toBe('failed');
      expect(lost.reasons.join('\n')).toMatch(
        /the data in Database was not replicated out of (a|b): [\d.]+% of requests lost their data/,
      );
    });
  });
});

const url0 = problem;

describe('design transforms, once', () => {
  it('slows a database as the what-if does: from its technology’s service times (Aurora’s), not the generic kind’s', async () => {
    const { applyWhatIf } = await import('@/lib/engine');
    const aurora: Design = { ...single, nodes: single.nodes.map((n) => (n.id === 'db' ? { ...n, params: { ...n.params, technology: 'aurora' } } : n)) };
    const s = applyEffect({ design: aurora, workload: w, notes: [] }, { type: 'slow', kinds: ['database'], factor: 5 });
    const whatIf = applyWhatIf(aurora, { type: 'slow-database', factor: 5 }).design;
    const db = (d: Design) => d.nodes.find((n) => n.id === 'db')!.params!.serviceMs;
    expect(db(s.design)).toEqual(db(whatIf));
    const generic = applyEffect({ design: single, workload: w, notes: [] }, { type: 'slow', kinds: ['database'], factor: 5 });
    expect(db(s.design)).not.toEqual(db(generic.design));
  });
});
