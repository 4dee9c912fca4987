/**
 * Curveballs: changes of conditions the interviewer throws in mid-design,
 * expressed as what the engine can evaluate — a different workload, or the
 * same design with parts taken away or slowed down (design → design), which
 * the engine then evaluates like any design. The design transforms are the
 * engine's what-if ones (lib/engine/what-if.ts: remove nodes or a region,
 * slow kinds down, set params); curveballs add the general forms on top (any
 * workload multiplier, a zone outage, a hot key, a fan-out) and the checks
 * the engine cannot make itself.
 */
import { CATALOG, type Evaluation, type Kind, type Design, type DesignNode, type NodeParams, type ResolvedWorkload, peakLoad } from '@/lib/engine/data';
import { mapNodes, removeNodes, setParams, slowDown, withoutRegion, withParams } from '@/lib/engine';
import { busyRegions, labelOf, problemWorkload, runModel, shedShare } from './model';
import { GLOBAL_KINDS, regionOf } from '@/lib/rules/regions';
import type { Curveball, Effect, Problem } from './schema';
import { formatAvailability, formatFraction, formatInteger, formatMs, formatPercent, formatUtilization } from '@/lib/shared/format';

/** A curveball holds when at most this share of requests fails (unless the curveball says otherwise). */
export const DEFAULT_MAX_ERROR_RATE = 0.01;
/** ...and rate limiters turn away at most this share. */
export const DEFAULT_MAX_SHED_SHARE = 0.05;
/**
 * A design that did not hold still *degraded* gracefully while at most this
 * share of requests failed (turning requests away on purpose is graceful by
 * definition); beyond it, it failed.
 */
export const DEGRADED_LIMIT = 0.25;

export interface Scenario {
  design: Design;
  workload: ResolvedWorkload;
  /** What the transformation did, in plain words ("Removed App servers (region-1)"). */
  notes: string[];
  /**
   * Checks the engine cannot make itself, judged on the scenario's
   * evaluation (the hot key's one cache shard; data lost with a region).
   */
  post?: PostCheck[];
}

/** What a post check found: reasons it did not hold, requests it fails on top of the engine's, and its figures. */
export interface PostFinding {
  reasons: string[];
  /** Share of offered requests that fail because of it (added to the engine's error rate). */
  failedShare: number;
  /** The model's numbers behind it, in words. */
  figures: string[];
  /** Not a graceful degradation whatever the error rate (data lost for good). */
  fatal?: boolean;
}
export type PostCheck = (e: Evaluation, design: Design) => PostFinding;

const SELF_RUN: ReadonlySet<Kind> = new Set(
  (Object.keys(CATALOG) as Kind[]).filter((k) => !CATALOG[k].managed && !GLOBAL_KINDS.has(k)),
);

const WORKLOAD_WORDS: Record<keyof ResolvedWorkload, string> = {
  users: 'daily users',
  requestsPerUserPerDay: 'requests per user',
  peakFactor: 'peak traffic',
  staticShare: 'static share',
  readRatio: 'read share',
  asyncShare: 'share of writes with a job',
  jobServiceMs: 'job time',
  staticKB: 'static response size',
  dynamicKB: 'dynamic response size',
  dataPerUserMB: 'data per user',
  queriesPerRead: 'queries per read',
  queriesPerWrite: 'statements per write',
  deploysPerDay: 'deploys a day',
  flashFactor: 'flash crowd',
  audience: 'audience',
  analyticsQueriesPerHour: 'analytics queries an hour',
  analyticsScanGB: 'data per analytics query',
  eventKB: 'event size',
};

/** The numeric workload fields (all but `audience`). */
type NumericWorkloadKey = Exclude<keyof ResolvedWorkload, 'audience'>;

const SHARES = new Set<keyof ResolvedWorkload>(['staticShare', 'readRatio', 'asyncShare']);

/** "hit ratio 30%", "the hottest partition takes 4× its share", in words. */
function describeParams(p: NodeParams): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(p)) {
    if (k === 'hitRatio' && typeof v === 'number') parts.push(`hit ratio ${formatPercent(v)}`);
    else if (k === 'shardSkew' && typeof v === 'number') parts.push(`the hottest partition takes ${1 + v}× its share`);
    else parts.push(`${k} ${JSON.stringify(v)}`);
  }
  return parts.join(', ');
}

const rate = (x: number) => `${formatInteger(x)}/s`;

/** The workload with `extra` more reads a second at peak; static requests and writes stay as they were. */
export function withExtraReads(w: ResolvedWorkload, extra: number): ResolvedWorkload {
  const load = peakLoad(w);
  const total = load.total + extra;
  const dynamic = load.read + extra + load.write;
  return {
    ...w,
    requestsPerUserPerDay: (w.requestsPerUserPerDay * total) / load.total,
    staticShare: load.static / total,
    readRatio: (load.read + extra) / dynamic,
  };
}

/** Per-instance read capacity of a node (cores ÷ read service time), requests a second. */
function readCapacity(n: DesignNode): number {
  const spec = CATALOG[n.kind];
  const cores = n.params?.cores ?? spec.defaults.cores?.value ?? 1;
  const ms = n.params?.serviceMs?.read ?? spec.defaults.serviceMs?.value.read ?? 1;
  return (cores * 1000) / ms;
}

const STORES: ReadonlySet<Kind> = new Set<Kind>(['database', 'nosql']);
const WRITERS: ReadonlySet<Kind> = new Set<Kind>(['app-server', 'service', 'server', 'worker']);

/** A store's replicas (database → read-replica edges): one family shares the data. */
function familyOf(design: Design, id: string): string[] {
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  return [
    id,
    ...design.edges.filter((e) => e.source === id && kinds.get(e.target) === 'read-replica').map((e) => e.target),
  ];
}

function readsAt(e: Evaluation, ids: string[]): number {
  return ids.reduce((sum, id) => sum + (e.nodes[id]?.arrivalRps.read ?? 0), 0);
}
function totalAt(e: Evaluation, ids: string[]): number {
  return ids.reduce((sum, id) => sum + (e.nodes[id]?.arrivalRps.total ?? 0), 0);
}

/**
 * A hot key (see `effectSchema`). The engine spreads a cache's reads evenly
 * over its instances and has no skew for caches, so the one shard holding
 * the key is checked here from the engine's figures; a store's hottest
 * partition is the engine's own `shardSkew`, set so that the partition
 * holding the key takes the key's reads that reach the store on top of its
 * even share (the engine applies the skew to all of the partition's work).
 */
function hotKey(s: Scenario, readsPerSecond: number, baseline: Evaluation | undefined): Scenario {
  const notes = [...s.notes];
  const base = peakLoad(s.workload);
  const before =
    baseline ??
    (() => {
      const r = runModel(s.design, s.workload);
      return r.ok ? r.evaluation : undefined;
    })();
  const workload = withExtraReads(s.workload, readsPerSecond);
  notes.push(`One key takes ${rate(readsPerSecond)} more reads at peak (all other reads: ${rate(base.read)}).`);
  // Every read of the key after the first is a hit: the caches' hit ratios rise accordingly.
  const g = base.read > 0 ? readsPerSecond / base.read : 0;
  let design = mapNodes(s.design, (n) => {
    if (n.kind !== 'cache') return n;
    const h = n.params?.hitRatio ?? CATALOG.cache.defaults.hitRatio!.value;
    return withParams(n, { hitRatio: (h + g) / (1 + g) });
  });
  if (!before) return { design, workload, notes };
  const first = runModel(design, workload);
  if (!first.ok) return { design, workload, notes };
  const e1 = first.evaluation;
  // The key's reads that reach each store family land on the one partition holding it.
  const storeFigures: { id: string; extra: number }[] = [];
  for (const n of design.nodes) {
    if (!STORES.has(n.kind)) continue;
    const fam = familyOf(design, n.id);
    const extra = Math.max(0, readsAt(e1, fam) - readsAt(before, fam));
    storeFigures.push({ id: n.id, extra });
    if (extra < 1) continue;
    const parts = n.kind === 'database' ? (n.params?.shards ?? 1) : Math.max(1, n.params?.instances ?? 3);
    const all = totalAt(e1, fam);
    const share = (extra + (all - extra) / parts) / all;
    const skew = Math.max(n.params?.shardSkew ?? 0, parts * share - 1);
    design = mapNodes(design, (m) => (m.id === n.id ? withParams(m, { shardSkew: skew }) : m));
  }
  const caches = design.nodes.filter((n) => n.kind === 'cache');
  const post: PostCheck = (e, d) => {
    const reasons: string[] = [];
    const figures: string[] = [];
    let failed = 0;
    for (const c of caches) {
      const reads = e.nodes[c.id]?.arrivalRps.read ?? 0;
      const key = reads - readsAt(before, [c.id]);
      if (!(key >= 1)) continue;
      const n = Math.max(1, c.params?.instances ?? 1);
      const capacity = readCapacity(c);
      const shard = key + (reads - key) / n;
      const u = shard / capacity;
      figures.push(
        `${labelOf(d, c.id)}: the one shard holding the key takes ${rate(shard)} (the key's ${rate(key)} + its share of the rest), ${formatPercent(u)} of the ${rate(capacity)} one shard serves; ${n - 1 === 1 ? 'the other shard takes' : `the other ${n - 1} shards take`} ${rate((reads - key) / n)}${n - 1 === 1 ? '' : ' each'}.`,
      );
      if (u >= 1) {
        reasons.push(`the ${labelOf(d, c.id)} shard holding the hot key saturated at ${formatPercent(u)} of its capacity`);
        failed += shard - capacity;
      }
    }
    for (const { id, extra } of storeFigures) {
      const r = e.nodes[id];
      if (!r) continue;
      const fam = familyOf(d, id);
      const hottest = Math.max(...fam.map((x) => e.nodes[x]?.utilization ?? 0));
      figures.push(
        extra < 1
          ? `${labelOf(d, id)}: none of the key's reads reach it (${caches.length > 0 ? 'the cache answers them' : 'they fail before they get there'}); hottest partition at ${formatPercent(hottest)}.`
          : `${labelOf(d, id)}: the partition holding the key takes the ${rate(extra)} of its reads that reach the store; hottest partition at ${formatPercent(hottest)}.`,
      );
    }
    const offered = e.offered.total;
    return { reasons, failedShare: offered > 0 ? failed / offered : 0, figures };
  };
  return { design, workload, notes, post: [...(s.post ?? []), post] };
}

/**
 * A celebrity's post fanned out on write (see `effectSchema`): `followers`
 * feed inserts within `withinSeconds`, added as jobs on the write path
 * (each write then enqueues more than one job on average, which the engine
 * takes as given); a fan-out insert takes `insertMs` of a worker, blended
 * with the problem's own jobs.
 */
function fanOut(s: Scenario, followers: number, withinSeconds: number, insertMs: number): Scenario {
  const w = s.workload;
  const load = peakLoad(w);
  const inserts = followers / withinSeconds;
  const jobs = load.write * w.asyncShare;
  const withInserts = (perSecond: number): ResolvedWorkload =>
    load.write > 0
      ? {
          ...w,
          asyncShare: (jobs + perSecond) / load.write,
          jobServiceMs: (jobs * w.jobServiceMs + perSecond * insertMs) / (jobs + perSecond),
        }
      : w;
  const workload = withInserts(inserts);
  // A queue hands its workers the day's average rate (the engine's rule for
  // peak traffic, peak ÷ peak factor); a post's fan-out is a burst to be
  // delivered within the window, so the workers and the stores they write
  // to are judged on a second run whose workers see the whole insert rate.
  const burst = withInserts(inserts * w.peakFactor);
  const within = withinSeconds >= 60 ? `${formatInteger(withinSeconds / 60)} min` : `${formatInteger(withinSeconds)} s`;
  const notes = [
    ...s.notes,
    `Fan-out on write: ${formatInteger(followers)} followers = ${formatInteger(followers)} feed inserts; within ${within} that is ${rate(inserts)} jobs on the write path (normally ${rate(jobs)}), each ${insertMs} ms of a worker.`,
  ];
  const post: PostCheck = (e, d) => {
    const figures: string[] = [];
    const reasons: string[] = [];
    // The queues are judged on the first run; here they pass on what they take there.
    const queues = mapNodes(d, (n) =>
      n.kind === 'queue' ? withParams(n, { instances: Math.ceil((n.params?.instances ?? 1) * w.peakFactor) }) : n,
    );
    const second = runModel(queues, burst);
    let fatal = false;
    const b = second.ok ? second.evaluation : e;
    const allJobs = d.nodes.reduce(
      (sum, n) => sum + (n.kind === 'queue' ? (e.nodes[n.id]?.arrivalRps.job ?? 0) : 0),
      0,
    );
    for (const n of d.nodes) {
      const r = e.nodes[n.id];
      if (!r) continue;
      if (n.kind === 'queue' && r.queue) {
        if (!(r.arrivalRps.job >= 1)) continue;
        const q = b.nodes[n.id]?.queue ?? r.queue;
        // The post's inserts this queue takes (its share of all queues' jobs), at what its workers can do.
        const mine = followers * (allJobs > 0 ? r.arrivalRps.job / allJobs : 0);
        const seconds = q.workerCapacityRps > 0 ? mine / q.workerCapacityRps : Infinity;
        const takes = Number.isFinite(seconds) ? `${formatInteger(Math.ceil(seconds / 60))} min` : 'forever';
        figures.push(
          `${labelOf(d, n.id)}: ${rate(r.arrivalRps.job)} jobs in, at ${formatPercent(r.utilization)}; its workers can do ${rate(q.workerCapacityRps)}, so its ${formatInteger(mine)} inserts take ${takes}.`,
        );
        if (seconds > withinSeconds)
          reasons.push(
            `${labelOf(d, n.id)}'s workers do ${rate(q.workerCapacityRps)}: its ${formatInteger(mine)} inserts take ${takes}, not ${within}`,
          );
      } else if (n.kind === 'worker' || STORES.has(n.kind)) {
        const x = b.nodes[n.id] ?? r;
        if (!(x.arrivalRps.job + x.arrivalRps.write >= 1)) continue;
        const what = n.kind === 'worker' ? 'jobs' : 'writes and job writes';
        figures.push(
          `${labelOf(d, n.id)}: ${rate(x.arrivalRps.job + (n.kind === 'worker' ? 0 : x.arrivalRps.write))} ${what} while the post fans out, at ${formatPercent(x.utilization)}.`,
        );
        if (x.utilization >= 1 && !r.saturated)
          reasons.push(`${labelOf(d, n.id)} saturated at ${formatPercent(x.utilization)} while the post fans out`);
      } else if (WRITERS.has(n.kind) && r.arrivalRps.write > 0 && !sendsJobs(d, n.id)) {
        // No queue or worker to hand the inserts to: the post's own request makes them, one after another.
        const hours = (followers * insertMs) / 3_600_000;
        figures.push(
          `${labelOf(d, n.id)}: runs the fan-out inline, on the request path: the post's request makes ${formatInteger(followers)} inserts × ${insertMs} ms = ${formatInteger(hours)} h of work, at ${formatPercent(r.utilization)} overall.`,
        );
        reasons.push(
          `${labelOf(d, n.id)} fans out inline: the celebrity's post request waits ${formatInteger(hours)} h for its inserts`,
        );
        fatal = true;
      }
    }
    return { reasons, failedShare: 0, figures, fatal };
  };
  return { design: s.design, workload, notes, post: [...(s.post ?? []), post] };
}

/** Whether a node hands jobs on (an edge to a queue or a worker). */
function sendsJobs(design: Design, id: string): boolean {
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  return design.edges.some(
    (e) => e.source === id && (kinds.get(e.target) === 'queue' || kinds.get(e.target) === 'worker'),
  );
}

/**
 * The data a lost region held, and whether a surviving region has a copy:
 * a database's read replica in a surviving region (the engine's replication
 * edge), or a writer of the store that also writes to a store of record in
 * a surviving region. The engine has no cross-region replication edge for
 * NoSQL stores, so for them the writer's second edge is the only way to
 * draw it.
 */
function lostData(
  design: Design,
  region: string,
  kinds: ReadonlySet<Kind>,
  baseline: Evaluation | undefined,
): { unreplicated: string[]; replicated: string[]; lostShare: number } {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const elsewhere = (id: string) => {
    const n = byId.get(id);
    if (!n) return false;
    const r = regionOf(n);
    return r !== null && r !== region;
  };
  const unreplicated: string[] = [];
  const replicated: string[] = [];
  for (const n of design.nodes) {
    if (!kinds.has(n.kind) || regionOf(n) !== region) continue;
    const copies = design.edges.some(
      (e) => e.source === n.id && byId.get(e.target)?.kind === 'read-replica' && elsewhere(e.target),
    );
    const writers = design.edges.filter((e) => e.target === n.id && WRITERS.has(byId.get(e.source)?.kind ?? 'users'));
    const dualWrite = writers.some((w) =>
      design.edges.some(
        (e) => e.source === w.source && STORES.has(byId.get(e.target)?.kind ?? 'users') && elsewhere(e.target),
      ),
    );
    (copies || dualWrite ? replicated : unreplicated).push(n.id);
  }
  // Share of dynamic requests the lost region's serving tiers took: those users' data lived there.
  let inRegion = 0;
  let all = 0;
  if (baseline) {
    for (const n of design.nodes) {
      if (n.kind !== 'app-server' && n.kind !== 'service' && n.kind !== 'server') continue;
      const r = baseline.nodes[n.id];
      if (!r) continue;
      const dyn = r.arrivalRps.read + r.arrivalRps.write;
      all += dyn;
      if (regionOf(n) === region) inRegion += dyn;
    }
  }
  return { unreplicated, replicated, lostShare: all > 0 ? inRegion / all : 1 };
}

/**
 * The busiest region of the design at the given load: the one an outage of
 * "the primary region" takes down. Single-region designs: their one region.
 */
export function primaryRegion(design: Design, workload: ResolvedWorkload, baseline?: Evaluation): string | null {
  const run = baseline ? { ok: true as const, evaluation: baseline } : runModel(design, workload);
  if (run.ok) {
    const busy = busyRegions(design, run.evaluation);
    if (busy.length > 0) return busy[0];
  }
  const first = design.nodes.map(regionOf).find((r) => r !== null);
  return first ?? null;
}

/**
 * Applies one effect:
 * - `workload`: multiplies, then sets, workload fields (launch-day traffic is `peakFactor ×10`).
 * - `region-down`: every node of the primary region is removed with its edges;
 *   global kinds (users, DNS, CDN, monitoring, logging) stay, and DNS or the
 *   CDN route around the gap if something else can take the traffic.
 * - `zone-down`: each self-run tier loses `fraction` of its instances (an
 *   availability zone): n instances keep ⌊n·(1−fraction)⌋; a tier left with
 *   none is removed. Autoscaled tiers relaunch elsewhere and keep their
 *   range. A database fails over to its standby (which is then gone); one
 *   without a standby is removed. Managed kinds span zones and are unhurt.
 * - `slow`: nodes of the kinds take `factor` times as long: service times of
 *   stations, the fixed latency of managed kinds, and for workers the job time.
 * - `params`: sets parameters on every node of the kinds (a cold cache is `hitRatio: 0.3`).
 */
export function applyEffect(s: Scenario, effect: Effect, baseline?: Evaluation): Scenario {
  const notes = [...s.notes];
  switch (effect.type) {
    case 'workload': {
      const w = { ...s.workload };
      for (const [key, factor] of Object.entries(effect.multiply ?? {}) as [NumericWorkloadKey, number][]) {
        w[key] = w[key] * factor;
        notes.push(`${WORKLOAD_WORDS[key]} ×${factor}`);
      }
      for (const [key, value] of Object.entries(effect.set ?? {}) as [NumericWorkloadKey, number][]) {
        if (typeof value !== 'number') continue;
        w[key] = value;
        notes.push(`${WORKLOAD_WORDS[key]} ${SHARES.has(key) ? `${formatPercent(value)}` : value}`);
      }
      // Shares stay shares.
      for (const key of ['staticShare', 'readRatio', 'asyncShare'] as const) w[key] = Math.min(1, Math.max(0, w[key]));
      w.peakFactor = Math.max(1, w.peakFactor);
      return { ...s, workload: w, notes };
    }
    case 'region-down': {
      const region = primaryRegion(s.design, s.workload, baseline);
      if (region === null) return { ...s, notes: [...notes, 'No region to take down.'] };
      const { design: survivors, gone } = withoutRegion(s.design, region);
      notes.push(
        gone.size > 0
          ? `Region ${region} is down: ${[...gone].map((id) => labelOf(s.design, id)).join(', ')} removed.`
          : `Region ${region} is down.`,
      );
      const data = lostData(s.design, region, new Set<Kind>(effect.replicate ?? ['database', 'nosql']), baseline);
      const before = s.design;
      const offered = peakLoad(s.workload);
      const post: PostCheck = () => {
        const figures: string[] = [];
        const reasons: string[] = [];
        for (const id of data.replicated)
          figures.push(`${labelOf(before, id)} had a copy outside ${region}: the survivors still hold its data.`);
        if (data.unreplicated.length === 0) return { reasons, failedShare: 0, figures };
        const dynamicShare = offered.total > 0 ? (offered.read + offered.write) / offered.total : 1;
        const failedShare = data.lostShare * dynamicShare;
        const names = data.unreplicated.map((id) => labelOf(before, id)).join(', ');
        figures.push(
          `${names} had no copy outside ${region} (no replica or second write into another region): the ${formatPercent(data.lostShare)} of users whose data lived there lose it, so their reads and writes fail: ${formatFraction(failedShare)} of all requests.`,
        );
        reasons.push(
          `the data in ${names} was not replicated out of ${region}: ${formatFraction(failedShare)} of requests lost their data`,
        );
        return { reasons, failedShare, figures, fatal: true };
      };
      return { design: survivors, workload: s.workload, notes, post: [...(s.post ?? []), post] };
    }
    case 'hot-key':
      return hotKey(s, effect.readsPerSecond, baseline);
    case 'fan-out':
      return fanOut(s, effect.followers, effect.withinSeconds, effect.insertMs ?? 2);
    case 'zone-down': {
      const gone = new Set<string>();
      const lost: string[] = [];
      const design = mapNodes(s.design, (n) => {
        if (!SELF_RUN.has(n.kind)) return n;
        if (n.kind === 'database') {
          if (n.params?.standby) {
            lost.push(`${labelOf(s.design, n.id)} failed over to its standby`);
            return withParams(n, { standby: false });
          }
          gone.add(n.id);
          return n;
        }
        if (n.params?.autoscale) return n;
        const count = n.params?.instances ?? 1;
        const keep = Math.floor(count * (1 - effect.fraction) + 1e-9);
        if (keep <= 0) {
          gone.add(n.id);
          return n;
        }
        if (keep === count) return n;
        lost.push(`${labelOf(s.design, n.id)} ${count} → ${keep}`);
        return withParams(n, { instances: keep });
      });
      for (const id of gone) lost.push(`${labelOf(s.design, id)} lost`);
      notes.push(lost.length > 0 ? `A zone is down: ${lost.join('; ')}.` : 'A zone is down; every tier spans zones.');
      return { ...s, design: removeNodes(design, gone), notes };
    }
    case 'slow': {
      const kinds = new Set<Kind>(effect.kinds);
      let workload = s.workload;
      if (kinds.has('worker')) workload = { ...workload, jobServiceMs: workload.jobServiceMs * effect.factor };
      // Workers slow down through the job time above; every other kind through the engine's transform.
      const design = slowDown(s.design, new Set([...kinds].filter((k) => k !== 'worker')), effect.factor);
      notes.push(`${effect.kinds.map((k) => CATALOG[k].label).join(', ')} ${effect.factor}× slower.`);
      return { ...s, design, workload, notes };
    }
    case 'params': {
      const design = setParams(s.design, new Set<Kind>(effect.kinds), effect.set);
      notes.push(`${effect.kinds.map((k) => CATALOG[k].label).join(', ')}: ${describeParams(effect.set)}.`);
      return { ...s, design, notes };
    }
  }
}

/** The design and workload under a curveball, its effects applied in order. */
export function scenarioFor(
  problem: Pick<Problem, 'workload'>,
  design: Design,
  curveball: Pick<Curveball, 'effects'>,
): Scenario {
  const workload = problemWorkload(problem);
  const baseline = runModel(design, workload);
  let s: Scenario = { design, workload, notes: [] };
  for (const effect of curveball.effects)
    s = applyEffect(s, effect, baseline.ok && s.design === design ? baseline.evaluation : undefined);
  return s;
}

export type CurveballOutcome = 'held' | 'degraded' | 'failed';

export interface CurveballResult {
  curveballId: string;
  outcome: CurveballOutcome;
  /** Failed share of user requests (saturation, nowhere to go). */
  errorRate: number;
  shedShare: number;
  p95ReadMs: number;
  availability: number;
  monthlyCostUsd: number;
  /** The component that gave way, if one did. */
  bottleneckId: string | null;
  bottleneckLabel: string | null;
  bottleneckUtilization: number;
  /** Plain-language reasons it did not hold (empty when it held). */
  reasons: string[];
  notes: string[];
  /** The model's numbers behind the verdict, in words (the hot key's shard, the fan-out's queue, the data a region held). */
  figures: string[];
}

/** Re-scores a design under a curveball and says whether it held, degraded gracefully, or failed. */
export function judgeCurveball(
  problem: Pick<Problem, 'workload' | 'slo'>,
  design: Design,
  curveball: Curveball,
): CurveballResult {
  const s = scenarioFor(problem, design, curveball);
  const run = runModel(s.design, s.workload);
  if (!run.ok) {
    return {
      curveballId: curveball.id,
      outcome: 'failed',
      errorRate: 1,
      shedShare: 0,
      p95ReadMs: Infinity,
      availability: 0,
      monthlyCostUsd: 0,
      bottleneckId: null,
      bottleneckLabel: null,
      bottleneckUtilization: 0,
      reasons: [`The model could not evaluate the design: ${run.error}`],
      notes: s.notes,
      figures: [],
    };
  }
  const e = run.evaluation;
  const found = (s.post ?? []).map((check) => check(e, s.design));
  const errorRate = Math.min(1, e.endToEnd.errorRate + found.reduce((sum, f) => sum + f.failedShare, 0));
  const maxError = curveball.expect.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;
  const maxShed = curveball.expect.maxShedShare ?? DEFAULT_MAX_SHED_SHARE;
  const p95Limit = curveball.expect.p95ReadMs ?? problem.slo.p95ReadMs;
  const shed = shedShare(e);
  const p95 = e.endToEnd.latencyMs.read.p95;
  const saturated = Object.entries(e.nodes)
    .filter(([, n]) => n.saturated)
    .sort((a, b) => b[1].utilization - a[1].utilization);
  const reasons: string[] = [];
  if (saturated.length > 0) {
    const [id, n] = saturated[0];
    reasons.push(`${labelOf(s.design, id)} saturated at ${formatUtilization(n.utilization)} of capacity`);
  }
  for (const f of found) reasons.push(...f.reasons);
  if (errorRate > maxError) reasons.push(`${formatFraction(errorRate)} of requests failed (at most ${formatFraction(maxError)} allowed)`);
  if (shed > maxShed)
    reasons.push(`rate limiting turned away ${formatFraction(shed)} of requests (at most ${formatFraction(maxShed)} allowed)`);
  if (e.offered.read > 0 && p95 > p95Limit) reasons.push(`p95 read latency ${formatMs(p95)} is over ${p95Limit} ms`);
  const minA = curveball.expect.minAvailability;
  if (minA !== undefined && e.endToEnd.availability < minA) {
    reasons.push(`availability ${formatAvailability(e.endToEnd.availability)} is below ${formatAvailability(minA)}`);
  }
  const outcome: CurveballOutcome =
    reasons.length === 0 ? 'held' : errorRate <= DEGRADED_LIMIT && !found.some((f) => f.fatal) ? 'degraded' : 'failed';
  const bottleneckId = e.bottleneck.nodeId;
  return {
    curveballId: curveball.id,
    outcome,
    errorRate,
    shedShare: shed,
    p95ReadMs: p95,
    availability: e.endToEnd.availability,
    monthlyCostUsd: e.endToEnd.monthlyCostUsd,
    bottleneckId,
    bottleneckLabel: bottleneckId ? labelOf(s.design, bottleneckId) : null,
    bottleneckUtilization: e.bottleneck.utilization,
    reasons,
    notes: s.notes,
    figures: found.flatMap((f) => f.figures),
  };
}
