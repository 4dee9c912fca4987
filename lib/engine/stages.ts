/**
 * How a run is checked and scored against a growth stage (MODEL.md §6). The
 * stage table itself (users, SLOs, budget, practices, titles) is data in
 * lib/rules/stages.ts, which client pages read without this module.
 */
import * as codes from './compile';
import { type CompiledNetwork } from './compile';
import type { Finding, PracticeComparison, StageCheck, StageObjectives, StageResult, StageScoreParts } from './evaluation';
import type { RunState } from './run';
import { consistencyOf, type ConsistencyReport } from './consistency';
import { formatAvailability, formatFraction, formatMs, formatUsd, formatUtilization } from '../shared/format';
import { PRACTICES, type ConsistencyDemand, type PracticeId, type StageSpec } from '../rules/stages';
import { capacityShare, judgeObjectives, partPoints, practicesShare, SCORE_WEIGHTS, totalScore } from '../rules/rubric';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS).
const { JOB, READ, STATIC, WRITE } = codes;

export { PRACTICES, STAGES, type ConsistencyDemand, type PracticeId, type StageSpec } from '../rules/stages';

/**
 * The checks a consistency demand adds, judged on a run's consistency report.
 * Category `errors`: a stale answer is a wrong answer for the user, so it
 * weighs on the availability part of the one rubric (lib/engine/rubric.ts).
 */
export function consistencyChecks(demand: ConsistencyDemand | undefined, c: ConsistencyReport): StageCheck[] {
  const checks: StageCheck[] = [];
  if (!demand) return checks;
  if (demand.maxStaleReadShare !== undefined) {
    const ok = c.staleReadShare <= demand.maxStaleReadShare;
    checks.push({
      id: 'consistency-stale',
      category: 'errors',
      label: `stale reads ${formatFraction(c.staleReadShare)} of reads ${ok ? '≤' : '>'} ${formatFraction(demand.maxStaleReadShare)}`,
      passed: ok,
      value: c.staleReadShare,
      limit: demand.maxStaleReadShare,
      unit: 'fraction',
    });
  }
  if (demand.readYourWrites) {
    checks.push({
      id: 'consistency-read-your-writes',
      category: 'errors',
      label: c.readYourWrites ? 'read-your-writes: every user sees their own writes' : `read-your-writes broken: ${c.why}`,
      passed: c.readYourWrites,
      value: null,
      limit: null,
      unit: 'boolean',
    });
  }
  return checks;
}

/** The objectives a stage result reports. */
export function objectivesOf(spec: StageSpec): StageObjectives {
  return {
    p95ReadMs: spec.p95ReadMs,
    p95WriteMs: spec.p95WriteMs,
    userStaticP95Ms: spec.userStaticP95Ms,
    availability: spec.availability,
    budgetUsd: spec.budgetUsd,
    flashErrorRate: spec.flashErrorRate,
    audience: spec.audience,
  };
}

function userArrival(st: RunState, v: number): number {
  return st.arrival[v * 4 + STATIC] + st.arrival[v * 4 + READ] + st.arrival[v * 4 + WRITE];
}

function targetsOfKind(net: CompiledNetwork, v: number, kind: string): number[] {
  const out: number[] = [];
  for (let j = net.outStart[v]; j < net.outStart[v + 1]; j++) if (net.kinds[net.outTarget[j]] === kind) out.push(net.outTarget[j]);
  return out;
}

/** Data stores a service reaches without passing through another service (its own data). */
function ownedStores(net: CompiledNetwork, s: number): Set<number> {
  const found = new Set<number>();
  const seen = new Set<number>([s]);
  const stack = [s];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let j = net.outStart[v]; j < net.outStart[v + 1]; j++) {
      const t = net.outTarget[j];
      if (seen.has(t)) continue;
      seen.add(t);
      const kind = net.kinds[t];
      if (kind === 'service' || kind === 'app-server') continue;
      if (kind === 'database' || kind === 'nosql') found.add(t);
      if (kind === 'cache' || kind === 'database' || kind === 'read-replica' || kind === 'search') stack.push(t);
    }
  }
  return found;
}

/** Whether the practice is present in this run (MODEL.md §6 "practices required"). */
export function practicePresent(id: PracticeId, st: RunState): boolean {
  const net = st.net;
  const n = net.n;
  switch (id) {
    case 'separate-data-store':
      for (let v = 0; v < n; v++) {
        if ((net.kinds[v] === 'database' || net.kinds[v] === 'nosql') && st.arrival[v * 4 + READ] + st.arrival[v * 4 + WRITE] > 0) return true;
      }
      return false;
    case 'load-balanced-app-tier':
      for (let v = 0; v < n; v++) {
        if (net.kinds[v] !== 'load-balancer' || userArrival(st, v) <= 0) continue;
        let instances = 0;
        for (const t of [...targetsOfKind(net, v, 'app-server'), ...targetsOfKind(net, v, 'service')]) instances += st.instances[t];
        if (instances >= 2) return true;
      }
      return false;
    case 'stateless-app-tier': {
      let any = false;
      for (let v = 0; v < n; v++) {
        if ((net.kinds[v] === 'app-server' || net.kinds[v] === 'service') && userArrival(st, v) > 0) {
          any = true;
          if (!net.stateless[v]) return false;
        }
      }
      return any;
    }
    case 'database-not-spof': {
      let any = false;
      for (let v = 0; v < n; v++) {
        if ((net.kinds[v] === 'database' || net.kinds[v] === 'nosql') && userArrival(st, v) > 0) {
          any = true;
          if (st.spof[v]) return false;
        }
      }
      return any;
    }
    case 'read-replicas':
      for (let v = 0; v < n; v++) {
        if (net.kinds[v] === 'read-replica' && st.arrival[v * 4 + READ] > 0 && net.primaryOf[v] >= 0) return true;
        if (net.kinds[v] === 'nosql' && st.arrival[v * 4 + READ] > 0 && net.replicationFactor[v] >= 2 && net.instances[v] >= 2) return true;
      }
      return false;
    case 'cache-for-reads':
      for (let v = 0; v < n; v++) if (net.kinds[v] === 'cache' && st.arrival[v * 4 + READ] > 0) return true;
      return false;
    case 'cdn-for-static':
      for (let v = 0; v < n; v++) if (net.kinds[v] === 'cdn' && st.arrival[v * 4 + STATIC] > 0) return true;
      return false;
    case 'queue-and-workers': {
      let queued = false;
      for (let v = 0; v < n; v++) {
        if (net.kinds[v] === 'queue' && st.arrival[v * 4 + JOB] > 0 && targetsOfKind(net, v, 'worker').length > 0) queued = true;
        if ((net.kinds[v] === 'app-server' || net.kinds[v] === 'service' || net.kinds[v] === 'server') && st.inlineJobMs[v] > 0 && st.arrival[v * 4 + WRITE] > 0) return false;
      }
      return queued;
    }
    case 'api-gateway':
      for (let v = 0; v < n; v++) if (net.kinds[v] === 'api-gateway' && userArrival(st, v) > 0) return true;
      return false;
    case 'services-own-data': {
      const services: number[] = [];
      for (let v = 0; v < n; v++) if (net.kinds[v] === 'service' && userArrival(st, v) > 0) services.push(v);
      if (services.length < 2) return false;
      const owner = new Map<number, number>();
      for (const s of services) {
        const stores = ownedStores(net, s);
        if (stores.size === 0) return false;
        for (const d of stores) {
          if (owner.has(d) && owner.get(d) !== s) return false;
          owner.set(d, s);
        }
      }
      return true;
    }
    case 'rate-limiting':
      for (let v = 0; v < n; v++) if (net.kinds[v] === 'rate-limiter' && userArrival(st, v) > 0) return true;
      return false;
    case 'monitoring':
      return net.hasMonitoring;
    case 'logging':
      return net.hasLogging;
    case 'multi-region': {
      // Two or more regions that each hold the whole path for the users they
      // serve (MODEL.md §9.3): compute taking user requests and a copy of the
      // data, both in the region. A component placed elsewhere is not a region.
      const compute = new Set<number>();
      const data = new Set<number>();
      for (let v = 0; v < n; v++) {
        const r = net.region[v];
        if (r < 0) continue;
        const k = net.kinds[v];
        if ((k === 'app-server' || k === 'service' || k === 'server') && userArrival(st, v) > 0) compute.add(r);
        if ((k === 'database' || k === 'nosql' || k === 'server') && st.arrival[v * 4 + READ] + st.arrival[v * 4 + WRITE] + st.arrival[v * 4 + JOB] > 0) data.add(r);
      }
      let whole = 0;
      for (const r of compute) if (data.has(r)) whole++;
      return whole >= 2;
    }
  }
}

/** The numbers a stage is judged on, taken from one run. */
export interface StageMeasures {
  maxUtilization: number;
  bottleneckId: string | null;
  saturatedIds: string[];
  storageFullIds: string[];
  /** The same nodes by the names the canvas shows (labels, else the kind's name). */
  bottleneckName: string | null;
  saturatedNames: string[];
  storageFullNames: string[];
  unhandledRate: number;
  shedRate: number;
  p95ReadMs: number;
  /** Server-side write p95, ms (measured where the stage has a write objective). */
  p95WriteMs: number | null;
  /** User-perceived static p95, ms (measured where the stage has that objective). */
  userStaticP95Ms: number | null;
  availability: number;
  /** Error rate of ordinary users during a flash crowd (where the stage has that objective). */
  flashErrorRate: number | null;
  monthlyCostUsd: number;
  /** Findings that explain a failing check in numbers, by check id (MODEL.md §9.1.3). */
  causes: Partial<Record<string, Finding>>;
  /** With/without comparisons by practice (MODEL.md §9.1.4). */
  comparisons: Partial<Record<PracticeId, PracticeComparison>>;
}

const EMPTY_CONSISTENCY: ConsistencyReport = { replicas: [], stores: [], staleReadShare: 0, readYourWrites: true, why: '' };


/** Largest unhandled or shed share a stage tolerates (floating-point noise only). */
const NOISE = 1e-9;
/** Largest share of requests a rate limiter may shed at a stage's own peak. */
export const MAX_SHED_SHARE = 0.001;

/**
 * Checks and score of one stage (MODEL.md §6). Score parts: capacity 30 (full
 * at max ρ ≤ 0.8, none if anything saturates, data does not fit or traffic is
 * unhandled), latency 20 (full within the SLO, none at twice it), availability
 * 20 (full within the SLO, none at ten times the allowed unavailability,
 * log-linear between), cost 15 (full within budget, none at twice it),
 * practices 15 (share present).
 */
export function judgeStage(spec: StageSpec, m: StageMeasures, st: RunState, findings: Finding[]): StageResult {
  const checks: StageCheck[] = [];
  const saturated = m.saturatedIds.length > 0;
  checks.push({
    id: 'capacity',
    category: 'capacity',
    label: saturated
      ? `${m.saturatedNames.join(', ')} saturated (busiest at ${formatUtilization(m.maxUtilization)} of capacity)`
      : `busiest component ${m.bottleneckName ?? '(none)'} at ${formatUtilization(m.maxUtilization)} of capacity < 100%`,
    passed: !saturated,
    value: m.maxUtilization,
    limit: 1,
    unit: 'utilization',
  });
  const routed = m.unhandledRate <= NOISE;
  checks.push({
    id: 'routing',
    category: 'errors',
    label: routed ? 'every request has somewhere to go' : `${formatFraction(m.unhandledRate)} of requests have nowhere to go`,
    passed: routed,
    value: m.unhandledRate,
    limit: 0,
    unit: 'fraction',
  });
  const fits = m.storageFullIds.length === 0;
  checks.push({
    id: 'storage',
    category: 'capacity',
    label: fits ? 'the data fits in the data stores' : `the data does not fit in ${m.storageFullNames.join(', ')}`,
    passed: fits,
    value: null,
    limit: null,
    unit: 'boolean',
  });
  const shedOk = m.shedRate <= MAX_SHED_SHARE;
  checks.push({
    id: 'shedding',
    category: 'errors',
    label: `rate limiting sheds ${formatFraction(m.shedRate)} of requests ${shedOk ? '≤' : '>'} ${formatFraction(MAX_SHED_SHARE, 1)}`,
    passed: shedOk,
    value: m.shedRate,
    limit: MAX_SHED_SHARE,
    unit: 'fraction',
  });
  // The service levels, judged by the rule scenario grades use too (lib/rules/rubric.ts).
  const slo = judgeObjectives(spec, m, m.shedRate / MAX_SHED_SHARE);
  const latOk = slo.read.passed;
  checks.push({
    id: 'latency',
    category: 'latency',
    label: `server-side p95 read latency ${formatMs(m.p95ReadMs)} ${latOk ? '≤' : '>'} ${spec.p95ReadMs} ms`,
    passed: latOk,
    value: m.p95ReadMs,
    limit: spec.p95ReadMs,
    unit: 'ms',
  });
  const writeOk = slo.write?.passed ?? true;
  if (spec.p95WriteMs !== null && m.p95WriteMs !== null) {
    checks.push({
      id: 'latency-write',
      category: 'latency',
      label: `server-side p95 write latency ${formatMs(m.p95WriteMs)} ${writeOk ? '≤' : '>'} ${spec.p95WriteMs} ms`,
      passed: writeOk,
      value: m.p95WriteMs,
      limit: spec.p95WriteMs,
      unit: 'ms',
    });
  }
  const staticOk = slo.userStatic?.passed ?? true;
  if (spec.userStaticP95Ms !== null && m.userStaticP95Ms !== null) {
    checks.push({
      id: 'latency-static-user',
      category: 'latency',
      label: `user-perceived p95 of a static asset (${spec.audience} audience) ${formatMs(m.userStaticP95Ms)} ${staticOk ? '≤' : '>'} ${spec.userStaticP95Ms} ms`,
      passed: staticOk,
      value: m.userStaticP95Ms,
      limit: spec.userStaticP95Ms,
      unit: 'ms',
    });
  }
  const availOk = slo.availability.passed;
  checks.push({
    id: 'availability',
    category: 'availability',
    label: `availability ${formatAvailability(m.availability)} ${availOk ? '≥' : '<'} ${formatAvailability(spec.availability)}`,
    passed: availOk,
    value: m.availability,
    limit: spec.availability,
    unit: 'fraction',
  });
  const flashOk = slo.flash?.passed ?? true;
  if (spec.flashErrorRate !== null && m.flashErrorRate !== null) {
    checks.push({
      id: 'flash-crowd',
      category: 'errors',
      label: `during a flash crowd (${st.workload.flashFactor}× the peak) ordinary users see ${formatFraction(m.flashErrorRate)} errors ${flashOk ? '≤' : '>'} ${formatFraction(spec.flashErrorRate)}`,
      passed: flashOk,
      value: m.flashErrorRate,
      limit: spec.flashErrorRate,
      unit: 'fraction',
    });
  }
  const costOk = slo.cost.passed;
  checks.push({
    id: 'cost',
    category: 'cost',
    label: `monthly cost ${formatUsd(m.monthlyCostUsd)} ${costOk ? '≤' : '>'} ${formatUsd(spec.budgetUsd)} budget`,
    passed: costOk,
    value: m.monthlyCostUsd,
    limit: spec.budgetUsd,
    unit: 'usd',
  });
  checks.push(...consistencyChecks(spec.consistency, spec.consistency ? consistencyOf(st) : EMPTY_CONSISTENCY));
  let present = 0;
  const stageFindings = findings.slice();
  for (const p of spec.practices) {
    const ok = practicePresent(p, st);
    if (ok) present++;
    const check: StageCheck = {
      id: `practice:${p}`,
      category: 'practice',
      label: `practice: ${PRACTICES[p].label} — ${ok ? 'present' : 'missing'}`,
      passed: ok,
      value: null,
      limit: null,
      unit: 'boolean',
    };
    const comparison = m.comparisons[p];
    if (comparison) check.comparison = comparison;
    checks.push(check);
    if (!ok) {
      stageFindings.push({
        severity: 'error',
        code: 'practice-missing',
        nodeId: null,
        message: `Stage ${spec.stage} (${spec.name}) needs ${PRACTICES[p].label}.${comparison ? ` ${comparison.summary}` : ''}`,
        lessonId: spec.lessonId,
      });
    }
  }
  const cause = (id: string, fallback: Finding) => stageFindings.push(m.causes[id] ?? fallback);
  if (!latOk) {
    cause('latency', { severity: 'error', code: 'slo-latency', nodeId: null, message: `Server-side p95 read latency is ${formatMs(m.p95ReadMs)}, above the stage's ${spec.p95ReadMs} ms objective.`, lessonId: 'guide-latency' });
  }
  if (!writeOk) {
    cause('latency-write', { severity: 'error', code: 'slo-latency-write', nodeId: null, message: `Server-side p95 write latency is ${formatMs(m.p95WriteMs ?? 0)}, above the stage's ${spec.p95WriteMs} ms objective.`, lessonId: 'stage-6-async-queues' });
  }
  if (!staticOk) {
    cause('latency-static-user', { severity: 'error', code: 'slo-latency-static-user', nodeId: null, message: `Users wait ${formatMs(m.userStaticP95Ms ?? 0)} (p95) for a static asset, above the stage's ${spec.userStaticP95Ms} ms objective.`, lessonId: 'stage-5-cache-cdn' });
  }
  if (!availOk) {
    cause('availability', {
      severity: 'error',
      code: 'slo-availability',
      nodeId: null,
      message: `Availability is ${formatAvailability(m.availability)}, below the stage's ${formatAvailability(spec.availability)} objective.`,
      lessonId: 'guide-reliability',
    });
  }
  if (!flashOk) {
    cause('flash-crowd', {
      severity: 'error',
      code: 'flash-crowd-errors',
      nodeId: null,
      message: `A flash crowd fails ${formatFraction(m.flashErrorRate ?? 0)} of ordinary users' requests. A rate limiter in front sheds the crowd's excess instead.`,
      lessonId: 'stage-8-web-scale',
    });
  }
  if (!costOk) {
    cause('cost', { severity: 'error', code: 'over-budget', nodeId: null, message: `The design costs ${formatUsd(m.monthlyCostUsd)} a month, over the ${formatUsd(spec.budgetUsd)} budget.`, lessonId: 'guide-cost' });
  }

  // Scored by the one rubric (lib/engine/rubric.ts) that scenario grades use too.
  const blocked = saturated || !routed || !fits;
  const partOf: Record<string, keyof StageScoreParts> = { capacity: 'capacity', latency: 'latency', availability: 'availability', errors: 'availability', cost: 'cost', practice: 'practices' };
  const failing = new Set(checks.filter((c) => !c.passed).map((c) => partOf[c.category]));
  // Errors (shedding, a flash crowd) count against availability: they are requests that do not succeed.
  const shares: StageScoreParts = {
    capacity: capacityShare(blocked, m.maxUtilization),
    latency: slo.latency.share,
    availability: slo.availabilityPart.share,
    cost: slo.cost.share,
    practices: practicesShare(present, spec.practices.length),
  };
  // A part with a failing check never shows full marks (a p95 of 200.4 ms against 200 would round to 20.0).
  const parts = Object.fromEntries(
    (Object.keys(SCORE_WEIGHTS) as (keyof StageScoreParts)[]).map((k) => [k, partPoints(shares[k], SCORE_WEIGHTS[k], failing.has(k))]),
  ) as unknown as StageScoreParts;
  const passed = checks.every((c) => c.passed);
  // A failing stage never shows 100 (MODEL.md §9.6).
  const score = totalScore(parts.capacity + parts.latency + parts.availability + parts.cost + parts.practices, passed, 0);
  return {
    stage: spec.stage,
    name: spec.name,
    users: spec.users,
    objectives: objectivesOf(spec),
    passed,
    score,
    scoreParts: parts,
    checks,
    findings: stageFindings,
    lessonId: spec.lessonId,
  };
}
