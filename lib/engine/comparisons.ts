/**
 * What a practice buys at a soft transition (MODEL.md §9.1.4): the design
 * evaluated with and without the technique, by the engine, at the stage's
 * load. No hand-written figures.
 *
 * - cache-for-reads (4 → 5): the app tiers first scaled until they carry
 *   the stage's load (so the data tier is what is compared), then caches
 *   removed (their callers read the store directly) or added (one in front
 *   of each app tier's reads, at the catalog's hit ratio); on each side the
 *   read replicas the design already has are scaled to the fewest that keep
 *   the data tier at or under 80%,
 *   and the side reports those replicas, the data tier's monthly cost and
 *   the server-side p95 read.
 * - separate-data-store (1 → 2): the database merged into the app tier (one
 *   `server` box doing both) or split out of a `server`; p95 read, the
 *   busiest component and cost.
 * - services-own-data (6 → 7): the blast radius of a bad deploy, the share
 *   of user requests that fail when one deployable's release is broken: a
 *   monolith's fails every dynamic route, a service's only its own.
 */
import { CATALOG } from './catalog';
import { compile, type CompiledNetwork } from './compile';
import * as codes from './compile';
import type { ComparisonSide, PracticeComparison } from './evaluation';
import { classP95, endToEndAvailability, totalCost } from './evaluate';
import { formatMs, formatPercent, formatUsd } from '../shared/format';
import { HOT_UTILIZATION } from './findings';
import { LAT_NONE, LAT_READ, borrowRunState, createRunState, forward, placeAndStore, returnRunState, run, type RunState } from './run';
import type { PracticeId } from './stages';
import type { Design, DesignEdge, DesignNode, ResolvedWorkload } from './types';

const { READ, STATIC, WRITE } = codes;

const DATA_KINDS = new Set(['database', 'read-replica', 'cache', 'nosql', 'search']);

/** Designs above this size skip comparisons: each side is several full model runs. */
export const COMPARISON_MAX_NODES = 400;

export function practiceComparison(practice: PracticeId, design: Design, w: ResolvedWorkload): PracticeComparison | null {
  if (design.nodes.length > COMPARISON_MAX_NODES) return null;
  try {
    switch (practice) {
      case 'cache-for-reads':
        return cacheComparison(design, w);
      case 'separate-data-store':
        return separateComparison(design, w);
      case 'services-own-data':
        return servicesComparison(design, w);
      default:
        return null;
    }
  } catch {
    // A transformed design the engine refuses (it should not happen) shows no comparison rather than failing the stage.
    return null;
  }
}

// ---------------------------------------------------------------------------

interface Measured {
  st: RunState;
  net: CompiledNetwork;
}

function runDesign(design: Design, w: ResolvedWorkload, mask = LAT_READ | (1 << WRITE)): Measured {
  const net = compile(design);
  const st = createRunState(net);
  // The spare buffers only serve the run's region and average-hour passes: borrowed from the pool.
  const spare = borrowRunState(net);
  try {
    run(st, w, mask, spare);
  } finally {
    returnRunState(spare);
  }
  return { st, net };
}

function maxUtil(st: RunState, only?: (v: number) => boolean): { u: number; saturated: boolean } {
  let u = 0;
  let saturated = false;
  for (let v = 0; v < st.net.n; v++) {
    if (only && !only(v)) continue;
    if (st.utilization[v] > u) u = st.utilization[v];
    if (st.saturated[v]) saturated = true;
  }
  return { u, saturated };
}

function side(label: string, m: Measured, extra: Partial<ComparisonSide> = {}): ComparisonSide {
  const { st, net } = m;
  let data = 0;
  for (let v = 0; v < net.n; v++) if (DATA_KINDS.has(net.kinds[v])) data += st.costUsd[v];
  const mu = maxUtil(st);
  return {
    label,
    maxUtilization: mu.u,
    saturated: mu.saturated,
    p95ReadMs: classP95(st, READ),
    p95WriteMs: classP95(st, WRITE),
    // Component and region failures alone: the side's capacity shows in maxUtilization and saturated.
    availability: endToEndAvailability(st).structural,
    monthlyCostUsd: totalCost(st),
    dataTierUsd: data,
    replicaInstances: null,
    blastRadius: null,
    ...extra,
  };
}

const usd = formatUsd;
const pct = (x: number) => formatPercent(x, x > 0 && x < 0.01 ? 1 : 0);

// ---------------------------------------------------------------------------
// Cache for reads

function withoutCaches(design: Design): Design {
  const caches = new Set(design.nodes.filter((n) => n.kind === 'cache').map((n) => n.id));
  if (caches.size === 0) return design;
  const edges: DesignEdge[] = [];
  const seen = new Set<string>();
  const add = (source: string, target: string) => {
    const key = `${source}->${target}`;
    if (seen.has(key) || source === target) return;
    seen.add(key);
    edges.push({ id: `cmp-${edges.length}`, source, target });
  };
  const targetsOf = (id: string) => design.edges.filter((e) => e.source === id).map((e) => e.target);
  for (const e of design.edges) {
    if (caches.has(e.source)) continue;
    if (caches.has(e.target)) {
      for (const t of targetsOf(e.target)) if (!caches.has(t)) add(e.source, t);
    } else add(e.source, e.target);
  }
  return { ...design, nodes: design.nodes.filter((n) => !caches.has(n.id)), edges };
}

function withCaches(design: Design): Design {
  if (design.nodes.some((n) => n.kind === 'cache')) return design;
  const nodes: DesignNode[] = [...design.nodes];
  const edges: DesignEdge[] = [...design.edges];
  for (const app of design.nodes) {
    if (app.kind !== 'app-server' && app.kind !== 'service') continue;
    const stores = design.edges.filter((e) => e.source === app.id && ['database', 'read-replica', 'nosql'].includes(design.nodes.find((n) => n.id === e.target)?.kind ?? ''));
    if (stores.length === 0) continue;
    const id = `cmp-cache-${app.id}`;
    nodes.push({ id, kind: 'cache', label: 'Cache', params: app.params?.region ? { region: app.params.region } : undefined });
    edges.push({ id: `${id}-in`, source: app.id, target: id });
    for (const e of stores) edges.push({ id: `${id}-${e.target}`, source: id, target: e.target });
  }
  return { ...design, nodes, edges };
}

/**
 * Scales the app tiers (app servers, services, load balancers, gateways) by
 * the smallest common factor that keeps them at or under 80%, so a
 * comparison of the data tier is not drowned by an app tier that cannot
 * carry the stage's load either way.
 */
function fitCompute(design: Design, w: ResolvedWorkload): Design {
  const kinds = new Set(['app-server', 'service', 'load-balancer', 'api-gateway']);
  const ids = design.nodes.filter((n) => kinds.has(n.kind) && !n.params?.autoscale).map((n) => n.id);
  if (ids.length === 0) return design;
  const net = compile(design);
  const st = createRunState(net);
  const idx = ids.map((id) => net.ids.indexOf(id));
  const base = idx.map((v) => net.instances[v]);
  const ok = (m: number) => {
    idx.forEach((v, i) => (net.instances[v] = Math.ceil(base[i] * m)));
    forward(st, w, -1, LAT_NONE);
    return idx.every((v) => !st.saturated[v] && st.utilization[v] <= HOT_UTILIZATION);
  };
  if (ok(1)) return design;
  let hi = 2;
  while (!ok(hi) && hi < 4096) hi *= 2;
  let lo = hi / 2;
  while (hi - lo > 0.05 * lo) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  const scale = new Map(ids.map((id, i) => [id, Math.ceil(base[i] * hi)]));
  return { ...design, nodes: design.nodes.map((n) => (scale.has(n.id) ? { ...n, params: { ...n.params, instances: scale.get(n.id)! } } : n)) };
}

/** Scales every read-replica node to the fewest instances (same for each) that keep the data tier at or under 80% and nothing saturated. */
function fitReplicas(design: Design, w: ResolvedWorkload): { design: Design; replicas: number | null } {
  const replicaIds = design.nodes.filter((n) => n.kind === 'read-replica').map((n) => n.id);
  if (replicaIds.length === 0) return { design, replicas: null };
  const net = compile(design);
  const st = createRunState(net);
  const idx = replicaIds.map((id) => net.ids.indexOf(id));
  const data = (v: number) => DATA_KINDS.has(net.kinds[v]);
  const ok = (count: number) => {
    for (const v of idx) net.instances[v] = count;
    forward(st, w, -1, LAT_NONE);
    // Storage can saturate a store that its CPU does not (MODEL.md §9.2).
    placeAndStore(st);
    const m = maxUtil(st, data);
    return !m.saturated && m.u <= HOT_UTILIZATION;
  };
  let hi = 1;
  while (!ok(hi) && hi < 4096) hi *= 2;
  let lo = hi === 1 ? 1 : hi / 2;
  if (hi > 1) {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(mid)) hi = mid;
      else lo = mid;
    }
  }
  const count = hi;
  const replicaSet = new Set(replicaIds);
  const scaled: Design = {
    ...design,
    nodes: design.nodes.map((n) => (replicaSet.has(n.id) ? { ...n, params: { ...n.params, instances: count } } : n)),
  };
  let shards = 0;
  for (const v of idx) shards += net.primaryOf[v] >= 0 ? net.shards[net.primaryOf[v]] : 1;
  return { design: scaled, replicas: count * Math.max(1, shards) };
}

function cacheComparison(design: Design, w: ResolvedWorkload): PracticeComparison | null {
  const hit = CATALOG.cache.defaults.hitRatio?.value ?? 0.8;
  const fitted = fitCompute(design, w);
  const withD = withCaches(fitted);
  const withoutD = withoutCaches(fitted);
  if (withD === withoutD) return null;
  const a = fitReplicas(withD, w);
  const b = fitReplicas(withoutD, w);
  const withSide = side(design.nodes.some((n) => n.kind === 'cache') ? 'with its cache' : `with a cache (${pct(hit)} hits)`, runDesign(a.design, w), { replicaInstances: a.replicas });
  const withoutSide = side('without a cache', runDesign(b.design, w), { replicaInstances: b.replicas });
  const part = (s: ComparisonSide) =>
    `${s.replicaInstances !== null ? `${s.replicaInstances} read replica${s.replicaInstances === 1 ? '' : 's'}, ` : ''}${usd(s.dataTierUsd)} a month for the data tier, p95 read ${formatMs(s.p95ReadMs)}${s.saturated ? ' (something saturates)' : ''}`;
  return { with: withSide, without: withoutSide, summary: `Without a cache: ${part(withoutSide)}; ${withSide.label}: ${part(withSide)}.` };
}

// ---------------------------------------------------------------------------
// Separate data store

function merged(design: Design): Design | null {
  const dbs = new Set(design.nodes.filter((n) => n.kind === 'database').map((n) => n.id));
  if (dbs.size === 0) return null;
  const apps = design.nodes.filter((n) => n.kind === 'app-server');
  if (apps.length === 0) return null;
  const gone = new Set([...dbs, ...design.nodes.filter((n) => n.kind === 'read-replica').map((n) => n.id)]);
  const nodes = design.nodes
    .filter((n) => !gone.has(n.id))
    .map((n) => (n.kind === 'app-server' ? { ...n, kind: 'server' as const, params: keep(n.params, 'server') } : n));
  const edges = design.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  return { ...design, nodes, edges };
}

function split(design: Design): Design | null {
  const servers = design.nodes.filter((n) => n.kind === 'server');
  if (servers.length === 0) return null;
  const nodes: DesignNode[] = [];
  const edges: DesignEdge[] = [...design.edges];
  for (const n of design.nodes) {
    if (n.kind !== 'server') {
      nodes.push(n);
      continue;
    }
    nodes.push({ ...n, kind: 'app-server', params: keep(n.params, 'app-server') });
    const db = `cmp-db-${n.id}`;
    nodes.push({ id: db, kind: 'database', label: 'Database', params: n.params?.region ? { region: n.params.region } : undefined });
    edges.push({ id: `${db}-in`, source: n.id, target: db });
  }
  return { ...design, nodes, edges };
}

function keep(params: DesignNode['params'], kind: DesignNode['kind']): DesignNode['params'] {
  if (!params) return undefined;
  const allowed = new Set<string>(CATALOG[kind].params as readonly string[]);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (allowed.has(k) && k !== 'serviceMs' && k !== 'cores') out[k] = v;
  return out as DesignNode['params'];
}

function separateComparison(design: Design, w: ResolvedWorkload): PracticeComparison | null {
  const hasDb = design.nodes.some((n) => n.kind === 'database');
  const withD = hasDb ? design : split(design);
  const withoutD = hasDb ? merged(design) : design;
  if (!withD || !withoutD) return null;
  const a = side('with the database on its own node', runDesign(withD, w));
  const b = side('with app and database on one box', runDesign(withoutD, w));
  const part = (s: ComparisonSide) => `busiest component at ${pct(s.maxUtilization)}, p95 read ${formatMs(s.p95ReadMs)}, ${usd(s.monthlyCostUsd)} a month`;
  return { with: a, without: b, summary: `App and database on one box: ${part(b)}; on separate nodes: ${part(a)}, and each can be sized on its own.` };
}

// ---------------------------------------------------------------------------
// Services own their data: blast radius of a bad deploy

/** Largest share of user requests that one app-tier node's broken deploy fails (the requests that reach it). */
function blastRadius(st: RunState): number {
  const net = st.net;
  const o = st.offered.total;
  if (!(o > 0)) return 0;
  let worst = 0;
  for (let v = 0; v < net.n; v++) {
    const k = net.kinds[v];
    if (k !== 'app-server' && k !== 'service' && k !== 'server') continue;
    const through = st.arrival[v * 4 + READ] + st.arrival[v * 4 + WRITE] + (k === 'server' ? st.arrival[v * 4 + STATIC] : 0);
    worst = Math.max(worst, through / o);
  }
  return worst;
}

function monolith(design: Design): Design | null {
  const services = design.nodes.filter((n) => n.kind === 'service');
  if (services.length < 2) return null;
  const ids = new Set(services.map((s) => s.id));
  const keepId = services[0].id;
  const nodes = design.nodes.filter((n) => !ids.has(n.id) || n.id === keepId).map((n) => (n.id === keepId ? { ...n, kind: 'app-server' as const, label: 'Monolith', params: { ...keep(n.params, 'app-server'), instances: services.reduce((s, x) => s + (x.params?.instances ?? 1), 0), stateless: true } } : n));
  const edges: DesignEdge[] = [];
  const seen = new Set<string>();
  for (const e of design.edges) {
    const source = ids.has(e.source) ? keepId : e.source;
    const target = ids.has(e.target) ? keepId : e.target;
    const key = `${source}->${target}`;
    if (seen.has(key) || source === target) continue;
    seen.add(key);
    edges.push({ id: `cmp-${edges.length}`, source, target, params: e.params?.latencyMs !== undefined ? { latencyMs: e.params.latencyMs } : undefined });
  }
  return { ...design, nodes, edges };
}

function servicesComparison(design: Design, w: ResolvedWorkload): PracticeComparison | null {
  const mono = monolith(design);
  const own = runDesign(design, w);
  const ownBlast = blastRadius(own.st);
  if (!mono) {
    const s = side('as designed: one deployable', own, { blastRadius: ownBlast });
    return {
      with: s,
      without: s,
      summary: `One deployable serves ${pct(ownBlast)} of user requests: a bad deploy of it fails all of them. Services that own their data each carry only their own routes.`,
    };
  }
  const m = runDesign(mono, w);
  const a = side('as services', own, { blastRadius: ownBlast });
  const b = side('as one monolith', m, { blastRadius: blastRadius(m.st) });
  return {
    with: a,
    without: b,
    summary: `A bad deploy of the monolith fails ${pct(b.blastRadius ?? 0)} of user requests; of the busiest service, ${pct(a.blastRadius ?? 0)}.`,
  };
}
