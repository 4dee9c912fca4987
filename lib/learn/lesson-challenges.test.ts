/**
 * Every stage lesson's challenge is completable by doing what the lesson
 * teaches, under the engine's own verdict (model v2), and fails without the
 * technique. Each design is built from the lesson's starting design (the
 * previous stage's reference, content/stages/stage-(K-1).json) plus the steps
 * the challenge and hints name. The figures the lessons and guides quote in
 * prose are pinned here, so a model change that moves them fails a test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, type Design, type DesignNode, type NodeParams, type StageResult } from '@/lib/engine';

const reference = (k: number): Design => JSON.parse(readFileSync(path.join(process.cwd(), 'content/stages', `stage-${k}.json`), 'utf8'));

class Edit {
  constructor(readonly d: Design) {}
  node(id: string): DesignNode {
    const n = this.d.nodes.find((x) => x.id === id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }
  set(id: string, params: NodeParams): this {
    const n = this.node(id);
    n.params = { ...n.params, ...params };
    return this;
  }
  add(id: string, kind: DesignNode['kind'], params?: NodeParams): this {
    this.d.nodes.push({ id, kind, ...(params ? { params } : {}) });
    return this;
  }
  connect(source: string, target: string): this {
    this.d.edges.push({ id: `${source}-${target}`, source, target });
    return this;
  }
  remove(...ids: string[]): this {
    this.d.nodes = this.d.nodes.filter((n) => !ids.includes(n.id));
    this.d.edges = this.d.edges.filter((e) => !ids.includes(e.source) && !ids.includes(e.target));
    return this;
  }
  /** Puts `via` on the edge source → target. */
  between(source: string, target: string, via: string): this {
    const e = this.d.edges.find((x) => x.source === source && x.target === target);
    if (!e) throw new Error(`no edge ${source} → ${target}`);
    e.target = via;
    return this.connect(via, target);
  }
}
const from = (k: number) => new Edit(reference(k));

function stage(d: Design, k: number): StageResult {
  return evaluate(d).stages.find((s) => s.stage === k)!;
}
const failing = (s: StageResult) => s.checks.filter((c) => !c.passed).map((c) => c.id);
const value = (s: StageResult, id: string) => s.checks.find((c) => c.id === id)!.value!;

describe('stage lesson challenges under model v2', () => {
  it('stage 3: a load balancer and two stateless instances pass; without the load balancer, or with monitoring or a standby instead, availability fails', () => {
    const withLb = from(2).add('lb', 'load-balancer').between('users', 'app', 'lb').set('app', { instances: 2, stateless: true });
    expect(failing(stage(withLb.d, 3))).toEqual([]);
    const noLb = from(2).set('app', { instances: 3, stateless: true });
    expect(failing(stage(noLb.d, 3))).toContain('availability');
    expect(failing(stage(from(2).add('monitoring', 'monitoring').d, 3))).toContain('availability');
    expect(failing(stage(from(2).set('db', { standby: true }).d, 3))).toContain('availability');
  });

  it('stage 3: the reference clears 99.8% over all requests with a lone database only because static requests skip it', () => {
    const r = evaluate(reference(3), undefined, { stages: false });
    // The lesson: "reaches 99.83% while its lone database is up only 99.688% … reads and writes … are up 99.674%".
    expect(r.endToEnd.availability).toBeCloseTo(0.99829, 5);
    expect(r.nodes.db.availability).toBeCloseTo(0.99688, 5);
    expect(r.endToEnd.availabilityByClass.read).toBeCloseTo(0.99674, 5);
    expect(r.endToEnd.availabilityByClass.write).toBeCloseTo(0.99674, 5);
    expect(r.endToEnd.availabilityByClass.read).toBeLessThan(0.998);
    expect(r.offered.static / (r.offered.static + r.offered.read + r.offered.write)).toBeCloseTo(0.5, 6);
    expect(failing(stage(reference(3), 3))).toEqual([]);
  });

  it('stage 4: more app instances, replicas and a standby pass; a lone primary fails even with monitoring and the largest size', () => {
    const done = from(3).set('app', { instances: 8 }).set('db', { standby: true }).add('replicas', 'read-replica', { instances: 2 }).connect('db', 'replicas');
    expect(failing(stage(done.d, 4))).toEqual([]);
    // The lesson says the stage-3 design's 3 instances saturate at a million users.
    const few = from(3).set('db', { standby: true }).add('replicas', 'read-replica', { instances: 2 }).connect('db', 'replicas');
    expect(failing(stage(few.d, 4))).toContain('capacity');
    const lone = from(3).set('app', { instances: 8 }).set('db', { size: 'xlarge' }).add('monitoring', 'monitoring');
    expect(failing(stage(lone.d, 4))).toContain('availability');
  });

  it('stage 5: a CDN and a cache pass; without the CDN the user-perceived static p95 is about 700 ms', () => {
    expect(failing(stage(reference(5), 5))).toEqual([]);
    const noCdn = stage(from(5).remove('cdn', 'assets').d, 5);
    expect(failing(noCdn)).toContain('latency-static-user');
    // 696 ms: the farthest fifth pay 3 × 230 ms before the server starts. (764 ms while the
    // user-perceived mixture was merged into 10 bins, which joined near and far legs.)
    expect(value(noCdn, 'latency-static-user')).toBeGreaterThan(690);
    expect(value(noCdn, 'latency-static-user')).toBeLessThan(760);
    // The stage-4 design's 8 app instances saturate at five million users.
    const small = from(4).add('cdn', 'cdn').add('assets', 'object-storage', { instances: 2 }).connect('users', 'cdn').connect('cdn', 'assets');
    small.add('cache', 'cache', { instances: 2 }).connect('app', 'cache').connect('cache', 'db');
    expect(failing(stage(small.d, 5))).toContain('capacity');
    expect(failing(stage(small.set('app', { instances: 44 }).d, 5))).toEqual([]);
  });

  it('stage 6: a queue and workers pass; without the queue the write p95 stays over 300 ms at any app count', () => {
    const queued = from(5).add('queue', 'queue').add('workers', 'worker', { instances: 10 }).connect('app', 'queue').connect('queue', 'workers').connect('workers', 'db');
    // Queue and workers alone pass: the cache falls back on the replicas its primary reads from, so it is no single point of failure.
    const done = stage(queued.d, 6);
    expect(failing(done)).toEqual([]);
    expect(value(done, 'latency-write')).toBeLessThan(40);
    // The lesson's own bound, which the stage's checks do not test: the peak hour's backlog drains within two hours.
    // The reference's 10 workers (the challenge's design) drain it in 1.7 hours; 6 also pass every stage check, with
    // 409,000 jobs that take 53 hours (the lesson quotes both, and 12 under an hour, 15 about a quarter of one).
    const drainHours = (d: Design) => evaluate(d, { users: 10_000_000 }, { stages: false }).nodes.queue.queue!.drainSeconds! / 3600;
    expect(drainHours(reference(6))).toBeLessThan(2);
    expect(drainHours(reference(6))).toBeCloseTo(1.7, 1);
    expect(drainHours(queued.d)).toBeCloseTo(drainHours(reference(6)), 6);
    const workers = (k: number) => from(5).add('queue', 'queue').add('workers', 'worker', { instances: k }).connect('app', 'queue').connect('queue', 'workers').connect('workers', 'db').d;
    expect(drainHours(workers(12))).toBeLessThan(1);
    expect(drainHours(workers(15)) * 60).toBeCloseTo(15, 0);
    const six = from(5).add('queue', 'queue').add('workers', 'worker', { instances: 6 }).connect('app', 'queue').connect('queue', 'workers').connect('workers', 'db');
    expect(drainHours(six.d)).toBeCloseTo(53.3, 1);
    expect(evaluate(six.d, { users: 10_000_000 }, { stages: false }).nodes.queue.queue!.backlogJobs).toBeCloseTo(409_000, -3);
    const inline = stage(from(5).d, 6);
    expect(value(inline, 'latency-write')).toBeGreaterThan(1000);
    // The lesson: tripling the app servers to 120 leaves the write p95 at 318 ms, with reads at 73 ms
    // (reads were 33 ms before misses cost storage reads from the buffer pool).
    const more = stage(from(5).set('app', { instances: 120 }).d, 6);
    expect(failing(more)).toEqual(['latency-write', 'practice:queue-and-workers']);
    expect(value(more, 'latency-write')).toBeGreaterThan(300);
    expect(value(more, 'latency-write')).toBeLessThan(330);
    expect(value(more, 'latency')).toBeGreaterThan(68);
    expect(value(more, 'latency')).toBeLessThan(78);
  });

  it("stages 7 and 8: the references' queues also drain their peak-hour backlog within the stage-6 lesson's two hours", () => {
    for (const k of [7, 8]) {
      const r = evaluate(reference(k), undefined, { stages: false });
      const queues = Object.entries(r.nodes).filter(([, n]) => n.queue);
      expect(queues.length).toBeGreaterThan(0);
      // Autoscaled workers at a 0.5 target: under an hour (at 0.7 they took 3.3–3.5 h).
      for (const [id, n] of queues) expect(n.queue!.drainSeconds! / 3600, `stage ${k} ${id}`).toBeLessThan(1);
    }
  });

  it('stage 7: services pass; a scaled-up monolith fails only the practice check', () => {
    expect(failing(stage(reference(7), 7))).toEqual([]);
    const big = from(6).set('app', { instances: 170 }).set('db', { shards: 8 }).set('workers', { instances: 50 }).set('replicas', { instances: 4 }).set('cache', { instances: 4 }).set('assets', { instances: 4 });
    expect(failing(stage(big.d, 7))).toEqual(['practice:api-gateway', 'practice:services-own-data']);
  });

  it('stage 8: two regions with limiters pass; one region caps availability, no limiter fails the flash crowd', () => {
    expect(failing(stage(reference(8), 8))).toEqual([]);
    const west = reference(8).nodes.filter((n) => n.id.startsWith('west-') || n.id === 'assets-west').map((n) => n.id);
    const one = stage(from(8).remove(...west).set('dns', { routing: undefined }).d, 8);
    expect(failing(one)).toContain('availability');
    // 99.945% (was 99.953%), as the lesson says: the catalog cache now falls back on the catalog replicas,
    // and one of its 2 replicas alone cannot carry the misses, so they join the limiter as single points of failure.
    expect(value(one, 'availability')).toBeCloseTo(0.99945, 5);
    const open = from(8).remove('east-limiter', 'west-limiter').connect('dns', 'east-gateway').connect('dns', 'west-gateway');
    const flash = stage(open.d, 8);
    expect(failing(flash)).toEqual(['flash-crowd', 'practice:rate-limiting']);
    expect(value(flash, 'flash-crowd')).toBeGreaterThan(0.2);
    expect(value(flash, 'flash-crowd')).toBeLessThan(0.25);
  });
});
