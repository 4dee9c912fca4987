/**
 * Realistic generated designs for the benchmark (`scripts/bench.ts`): users
 * behind geo DNS, a CDN with object storage, and per region a rate limiter
 * and an API gateway in front of chains of services (each calling the next
 * for part of its traffic), every service with its cache, a sharded primary
 * with a standby and read replicas, and a queue with workers; monitoring and
 * logging. Wide (many chains) and deep (chains of up to five services).
 * Instance counts are then sized so that nothing runs hotter than 70% at the
 * design's own users, as a competent engineer would submit it.
 */
import { evaluate } from '../lib/engine';
import type { Design, DesignEdge, DesignNode } from '../lib/engine/data';

/** The ten-node design of the simulation benchmark: a stage-6-style system. */
export function tenNodeDesign(): Design {
  return size({
    schemaVersion: 1,
    name: 'Benchmark: 10 nodes',
    workload: { users: 2_000_000 },
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'cdn', kind: 'cdn' },
      { id: 'assets', kind: 'object-storage' },
      { id: 'lb', kind: 'load-balancer' },
      { id: 'app', kind: 'app-server', params: { instances: 4, stateless: true } },
      { id: 'cache', kind: 'cache' },
      { id: 'db', kind: 'database', params: { standby: true } },
      { id: 'replicas', kind: 'read-replica', params: { instances: 2 } },
      { id: 'queue', kind: 'queue' },
      { id: 'workers', kind: 'worker', params: { instances: 2 } },
    ],
    edges: edges([
      ['users', 'cdn'],
      ['cdn', 'assets'],
      ['users', 'lb'],
      ['lb', 'app'],
      ['app', 'cache'],
      ['cache', 'db'],
      ['app', 'db'],
      ['db', 'replicas'],
      ['app', 'queue'],
      ['queue', 'workers'],
      ['workers', 'db'],
    ]),
  });
}

function edges(list: [string, string, number?][]): DesignEdge[] {
  return list.map(([source, target, share], i) => ({ id: `e${i}`, source, target, ...(share !== undefined ? { params: { share } } : {}) }));
}

/**
 * A design of about `target` nodes (exactly `target` for 10, within a few
 * nodes otherwise), two regions from 30 nodes up. Deterministic.
 */
export function generateDesign(target: number): Design {
  if (target <= 10) return tenNodeDesign();
  const nodes: DesignNode[] = [];
  const list: [string, string, number?][] = [];
  const add = (node: DesignNode) => nodes.push(node);
  add({ id: 'users', kind: 'users' });
  add({ id: 'dns', kind: 'dns', params: { routing: 'geo' } });
  add({ id: 'cdn', kind: 'cdn' });
  add({ id: 'monitoring', kind: 'monitoring' });
  add({ id: 'logging', kind: 'logging' });
  list.push(['users', 'dns'], ['users', 'cdn']);
  const regions = ['us-east', 'eu-west'];
  // Per region: assets, limiter, gateway (3 nodes); per service: service, cache, db, replicas, queue, workers (6).
  const fixed = nodes.length + regions.length * 3;
  const perRegion = Math.max(1, Math.round((target - fixed) / 6 / regions.length));
  const chain = 5;
  for (const region of regions) {
    const r = (id: string) => `${region}-${id}`;
    add({ id: r('assets'), kind: 'object-storage', params: { region } });
    add({ id: r('limiter'), kind: 'rate-limiter', params: { region, instances: 2 } });
    add({ id: r('gateway'), kind: 'api-gateway', params: { region } });
    list.push(['cdn', r('assets')], ['dns', r('limiter')], [r('limiter'), r('gateway')]);
    let previous: string | null = null;
    for (let i = 0; i < perRegion; i++) {
      const s = (id: string) => r(`s${i}-${id}`);
      add({ id: s('svc'), kind: 'service', params: { region, instances: 2 } });
      add({ id: s('cache'), kind: 'cache', params: { region } });
      add({ id: s('db'), kind: 'database', params: { region, standby: true, shards: 1 + (i % 3) } });
      add({ id: s('replicas'), kind: 'read-replica', params: { region, instances: 2 } });
      add({ id: s('queue'), kind: 'queue', params: { region } });
      add({ id: s('workers'), kind: 'worker', params: { region, instances: 2 } });
      // The head of each chain is reached from the gateway; the rest from the service before it.
      if (i % chain === 0 || previous === null) list.push([r('gateway'), s('svc')]);
      else list.push([previous, s('svc'), 0.2]);
      list.push([s('svc'), s('cache')], [s('cache'), s('db')], [s('svc'), s('db')], [s('db'), s('replicas')], [s('svc'), s('queue')], [s('queue'), s('workers')], [s('workers'), s('db')]);
      previous = s('svc');
    }
  }
  return size({ schemaVersion: 1, name: `Benchmark: ${nodes.length} nodes`, workload: { users: 400_000 * perRegion * regions.length }, nodes, edges: edges(list) });
}

/** Raises instances (shards for a database) until no node is above 70% at the design's users. */
function size(design: Design): Design {
  for (let pass = 0; pass < 12; pass++) {
    const e = evaluate(design, undefined, { stages: false });
    let changed = false;
    for (const node of design.nodes) {
      const r = e.nodes[node.id];
      if (!r || r.utilization <= 0.7) continue;
      const factor = r.utilization / 0.6;
      const p = (node.params ??= {});
      if (node.kind === 'database') p.shards = Math.ceil((p.shards ?? 1) * factor);
      else if (node.kind === 'cdn' || node.kind === 'dns') continue;
      else p.instances = Math.ceil((p.instances ?? 1) * factor);
      changed = true;
    }
    if (!changed) break;
  }
  return design;
}
