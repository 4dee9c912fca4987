/**
 * "Passes at the target scale": our own check list over the evaluation at the
 * problem's workload (not the engine's stage checks, which run the default
 * workload at the stage's users). The same list drives the practice-mode
 * summary, the review and the test that every reference design passes.
 */
import { type Evaluation, consistencyChecks, type Design } from '@/lib/engine/data';
import { designCheckPasses, labelOf, problemWorkload, runModel, shedShare } from './model';
import type { Problem } from './schema';
import { carriesTraffic } from '@/lib/design/carries-traffic';
import { formatAvailability, formatFraction, formatMs, formatUsd, formatUtilization } from '@/lib/shared/format';
import { judgeObjectives } from '@/lib/rules/rubric';

/** Above this failed (or shed) share, traffic is being lost: the design does not carry the load. */
export const MAX_TARGET_ERROR_RATE = 0.001;
/**
 * Whether the design serves the load well enough for its cost to mean
 * anything (lib/design/carries-traffic). The cost check here and the cost
 * rubric item both use this rule.
 */
export function servesLoad(design: Design, e: Evaluation): boolean {
  return carriesTraffic(design, e.endToEnd.errorRate);
}

export interface TargetCheck {
  id: string;
  label: string;
  passed: boolean;
  /** The measured figure in words: "p95 read 84 ms (SLO 200 ms)". */
  detail: string;
  /** Why a check is not met although its figure looks fine, short enough for a summary chip. */
  note?: string;
}

export interface TargetResult {
  passed: boolean;
  checks: TargetCheck[];
  /** Null when the model could not evaluate the design. */
  evaluation: Evaluation | null;
  error: string | null;
}


/** The hottest node that saturates, or null. */
export function worstSaturated(e: Evaluation): [string, Evaluation['nodes'][string]] | null {
  let worst: [string, Evaluation['nodes'][string]] | null = null;
  for (const [id, n] of Object.entries(e.nodes))
    if (n.saturated && (!worst || n.utilization > worst[1].utilization)) worst = [id, n];
  return worst;
}

export function checkTarget(problem: Problem, design: Design): TargetResult {
  const run = runModel(design, problemWorkload(problem));
  if (!run.ok) {
    return {
      passed: false,
      checks: [{ id: 'valid', label: 'The model can evaluate the design', passed: false, detail: run.error }],
      evaluation: null,
      error: run.error,
    };
  }
  const e = run.evaluation;
  const checks: TargetCheck[] = [];
  const sat = worstSaturated(e);
  const full = Object.entries(e.nodes).find(([, n]) => n.storageFull);
  const shed = shedShare(e);
  const carried = !sat && !full && e.endToEnd.errorRate <= MAX_TARGET_ERROR_RATE && shed <= MAX_TARGET_ERROR_RATE;
  checks.push({
    id: 'capacity',
    label: 'Carries the peak load',
    passed: carried,
    detail: sat
      ? `${labelOf(design, sat[0])} saturates at ${formatUtilization(sat[1].utilization)}`
      : full
        ? `${labelOf(design, full[0])} cannot hold the data`
        : e.endToEnd.errorRate > MAX_TARGET_ERROR_RATE
          ? `${formatFraction(e.endToEnd.errorRate, 1)} of requests fail`
          : shed > MAX_TARGET_ERROR_RATE
            ? `rate limiting turns away ${formatFraction(shed, 1)} of requests at the normal peak`
            : `busiest: ${labelOf(design, e.bottleneck.nodeId)} at ${formatUtilization(e.bottleneck.utilization)}`,
  });
  const p95 = e.endToEnd.latencyMs.read.p95;
  // The problem's service levels, judged by the rule stages and scenario targets use (lib/rules/rubric.ts).
  const slo = judgeObjectives(problem.slo, {
    p95ReadMs: p95,
    p95WriteMs: null,
    userStaticP95Ms: null,
    availability: e.endToEnd.availability,
    flashErrorRate: null,
    monthlyCostUsd: e.endToEnd.monthlyCostUsd,
  });
  checks.push({
    id: 'latency',
    label: `p95 read ≤ ${problem.slo.p95ReadMs} ms`,
    passed: carried && slo.read.passed,
    detail: `p95 read ${formatMs(p95)}`,
  });
  const a = e.endToEnd.availability;
  checks.push({
    id: 'availability',
    label: `Availability ≥ ${formatAvailability(problem.slo.availability)}`,
    passed: slo.availability.passed,
    detail: `${formatAvailability(a)}${e.spofs.length > 0 ? `; single points of failure: ${e.spofs.map((id) => labelOf(design, id)).join(', ')}` : ''}`,
  });
  const cost = e.endToEnd.monthlyCostUsd;
  const serves = servesLoad(design, e);
  checks.push({
    id: 'cost',
    label: `Cost ≤ ${formatUsd(problem.slo.budgetUsd)} a month`,
    passed: serves && slo.cost.passed,
    detail: serves
      ? `${formatUsd(cost)} a month`
      : `not judged yet: ${formatUsd(cost)} a month only because the design does not serve the load`,
    ...(serves ? {} : { note: 'not judged: the design does not serve the load' }),
  });
  // Consistency the problem demands: the same checks a stage target gets (lib/engine/stages.ts).
  for (const c of consistencyChecks(problem.slo.consistency, e.consistency)) {
    checks.push({ id: c.id, label: c.id === 'consistency-stale' ? `Stale reads ≤ ${formatFraction(c.limit ?? 0)}` : 'Read-your-writes', passed: c.passed, detail: c.label });
  }
  for (const r of problem.requirements) {
    if (!r.design) continue;
    const ok = designCheckPasses(r.design.check, design, e);
    checks.push({ id: `req:${r.id}`, label: r.design.label, passed: ok, detail: ok ? 'present' : 'missing' });
  }
  return { passed: checks.every((c) => c.passed), checks, evaluation: e, error: null };
}
