/**
 * Grades a design against a scenario with the capacity engine (MODEL.md §6,
 * §7). Pure and deterministic, so the student page can grade live in the
 * browser with the same code the server stores grades with.
 */
import { displayLabel } from '../../editor/labels';
import type { Design, Workload } from '../../engine/data';
import { resolveTargets, type ResolvedTarget, type ScenarioConfig } from './schema';
import { CARRY_MAX_ERROR_RATE, hasComponents } from '@/lib/design/carries-traffic';
import { formatAvailability, formatFraction, formatMs, formatUsd, formatUtilization } from '@/lib/shared/format';
import { capacityShare, judgeObjectives, partPoints, practicesShare, SCORE_WEIGHTS as WEIGHTS, totalScore } from '../../rules/rubric';

// ---------------------------------------------------------------------------
// The parts of the engine's output (MODEL.md §7, lib/engine/evaluation.ts)
// that grading reads. The engine's `Evaluation` satisfies this shape.

export interface EngineLatency {
  mean: number;
  p50?: number;
  p95: number;
  p99: number;
}

export interface EngineNodeResult {
  utilization: number;
  saturated: boolean;
  storageFull?: boolean;
}

export interface EngineStageCheck {
  /** `capacity`, `latency`, `latency-write`, `latency-static-user`, `flash-crowd`, …, or `practice:<id>`. */
  id: string;
  label: string;
  passed: boolean;
  /** The measured value and its limit (ms for latencies, a fraction for error rates); null for yes/no checks. */
  value?: number | null;
  limit?: number | null;
}

export interface EngineStageResult {
  stage: number;
  users: number;
  passed: boolean;
  score: number;
  checks: readonly EngineStageCheck[];
}

export interface EngineFinding {
  severity: string;
  code: string;
  nodeId: string | null;
  message: string;
  lessonId: string;
}

export interface EngineResult {
  nodes: Record<string, EngineNodeResult>;
  endToEnd: {
    latencyMs: Partial<Record<'static' | 'read' | 'write' | 'overall', EngineLatency>>;
    /** Already net of the error rate. */
    availability: number;
    errorRate: number;
    monthlyCostUsd: number;
  };
  bottleneck: { nodeId: string | null; utilization: number };
  findings: readonly EngineFinding[];
  stages: readonly EngineStageResult[];
}

/** The engine's `evaluate(design, workloadOverrides?, {stages})`. */
export type Evaluate = (design: Design, workload?: Partial<Workload>, options?: { stages?: boolean }) => EngineResult;

// ---------------------------------------------------------------------------
// What a grade is (stored with each submission as JSON).

export type CheckId = 'capacity' | 'latency' | 'availability' | 'cost' | 'practices' | 'design';

export interface GradeCheck {
  id: CheckId;
  label: string;
  passed: boolean;
  /** Points earned and the most available (MODEL.md §6 weights). */
  points: number;
  maxPoints: number;
  detail: string;
}

export interface TargetMetrics {
  p95ReadMs: number | null;
  availability: number | null;
  monthlyCostUsd: number | null;
  maxUtilization: number | null;
  bottleneck: string | null;
  saturated: string[];
}

export interface TargetGrade {
  key: string;
  label: string;
  users: number;
  stage?: number;
  passed: boolean;
  /** 0–100. */
  score: number;
  checks: GradeCheck[];
  metrics: TargetMetrics;
}

export interface GradeFinding {
  severity: string;
  code: string;
  node: string | null;
  message: string;
  lessonId: string | null;
}

export interface ScenarioGrade {
  version: 1;
  /** Mean of the target scores, 0–100, one decimal. */
  score: number;
  /** Every target passes. */
  passed: boolean;
  targets: TargetGrade[];
  /** The engine's findings at the largest target, most severe first. */
  findings: GradeFinding[];
}


export function metricsOf(r: EngineResult): TargetMetrics {
  const entries = Object.entries(r.nodes).filter(([, n]) => Number.isFinite(n.utilization));
  const read = r.endToEnd.latencyMs.read ?? r.endToEnd.latencyMs.overall;
  return {
    p95ReadMs: read && Number.isFinite(read.p95) ? read.p95 : null,
    availability: Number.isFinite(r.endToEnd.availability) ? r.endToEnd.availability : null,
    monthlyCostUsd: Number.isFinite(r.endToEnd.monthlyCostUsd) ? r.endToEnd.monthlyCostUsd : null,
    maxUtilization: entries.length ? Math.max(...entries.map(([, n]) => n.utilization)) : null,
    bottleneck: r.bottleneck.nodeId,
    saturated: entries.filter(([, n]) => n.saturated).map(([id]) => id),
  };
}

/** Share of requests that failed for reasons other than saturation (nowhere to go). */
const NOISE = 1e-9;

/** Why a design does not carry the traffic, or null when it does. */
export function notCarriedReason(design: Design, r: Pick<EngineResult, 'endToEnd'>): string | null {
  // The rule of lib/design/carries-traffic, with the reason in words.
  if (!hasComponents(design)) return 'the design has no components besides Users';
  const e = r.endToEnd.errorRate;
  if (!Number.isFinite(e)) return 'its error rate is unknown';
  return e > CARRY_MAX_ERROR_RATE ? `${formatFraction(e, 1)} of requests fail` : null;
}

/** The name a node goes by on the canvas (its label, else its kind's), for grade text. */
function nodeName(design: Design, id: string): string {
  const n = design.nodes.find((x) => x.id === id);
  return n ? displayLabel(n) : id;
}

function scoreTarget(
  design: Design,
  t: ResolvedTarget,
  r: EngineResult,
  stages: readonly EngineStageResult[],
  useEngineVerdict: boolean,
): TargetGrade {
  const m = metricsOf(r);
  const checks: GradeCheck[] = [];
  const names = (ids: readonly string[]) => ids.map((id) => nodeName(design, id)).join(', ');
  const notCarried = notCarriedReason(design, r);

  const u = m.maxUtilization ?? 0;
  const saturated = m.saturated.length > 0;
  const full = Object.entries(r.nodes).filter(([, n]) => n.storageFull).map(([id]) => id);
  const unrouted = !saturated && r.endToEnd.errorRate > NOISE;
  const blocked = saturated || full.length > 0 || unrouted;
  checks.push({
    id: 'capacity',
    label: 'Capacity',
    passed: !blocked,
    points: partPoints(capacityShare(blocked, u), WEIGHTS.capacity, blocked),
    maxPoints: WEIGHTS.capacity,
    detail: saturated
      ? `Saturated: ${names(m.saturated)}`
      : full.length > 0
        ? `The data does not fit in ${names(full)}`
        : unrouted
          ? `${formatFraction(r.endToEnd.errorRate, 1)} of requests have nowhere to go`
          : m.bottleneck
            ? `Busiest: ${nodeName(design, m.bottleneck)} at ${formatUtilization(u)} utilisation`
            : 'No component carries load',
  });

  const engineStage = t.stage ? stages.find((s) => s.stage === t.stage) : undefined;
  // The stage's other objectives (model v2: a server-side write p95 from
  // stage 6, a user-perceived static p95 for a global audience from stage 5,
  // stage 8's flash crowd) are measured by the engine's stage run; the
  // scenario cannot override them. Every objective is judged by the rule the
  // stage scorecard uses (lib/rules/rubric.ts `judgeObjectives`).
  const stageCheck = (id: string) => (engineStage?.checks ?? []).find((c) => c.id === id && typeof c.value === 'number' && typeof c.limit === 'number');
  const stageFigure = (id: string) => (stageCheck(id)?.value as number | undefined) ?? null;
  const judged = judgeObjectives(t.slo, {
    p95ReadMs: m.p95ReadMs,
    p95WriteMs: stageFigure('latency-write'),
    userStaticP95Ms: stageFigure('latency-static-user'),
    availability: m.availability,
    flashErrorRate: stageFigure('flash-crowd'),
    monthlyCostUsd: m.monthlyCostUsd,
  });
  const stageLatency = [judged.write && stageCheck('latency-write'), judged.userStatic && stageCheck('latency-static-user')].filter((c) => !!c);
  const p95 = m.p95ReadMs;
  const latencyOk = judged.latency.passed;
  const readDetail = p95 === null ? 'No reads reach the system' : `${formatMs(p95)} (target ≤ ${formatMs(t.slo.p95ReadMs)})`;
  checks.push({
    id: 'latency',
    label: stageLatency.length > 0 ? 'p95 latency' : 'p95 read latency',
    passed: latencyOk,
    points: partPoints(judged.latency.share, WEIGHTS.latency, !latencyOk),
    maxPoints: WEIGHTS.latency,
    detail: stageLatency.length > 0 ? [`reads ${readDetail}`, ...stageLatency.map((c) => c.label)].join('; ') : readDetail,
  });

  const a = m.availability;
  // Stage 8's flash crowd (model v2): the errors ordinary users see count against availability, as in the engine.
  const flash = judged.flash ? stageCheck('flash-crowd') : undefined;
  const availabilityOk = judged.availabilityPart.passed;
  const availabilityDetail = a === null ? 'Unknown' : `${formatAvailability(a)} (target ≥ ${formatAvailability(t.slo.availability)})`;
  checks.push({
    id: 'availability',
    label: 'Availability',
    passed: availabilityOk,
    // Full marks within the allowance, none at ten times the downtime.
    points: partPoints(judged.availabilityPart.share, WEIGHTS.availability, !availabilityOk),
    maxPoints: WEIGHTS.availability,
    detail: flash ? `${availabilityDetail}; ${flash.label}` : availabilityDetail,
  });

  const cost = m.monthlyCostUsd;
  // A scenario's own rule on top: cost is judged once the design carries the traffic.
  const costOk = notCarried === null && judged.cost.passed;
  checks.push({
    id: 'cost',
    label: 'Monthly cost',
    passed: costOk,
    points: notCarried !== null ? 0 : partPoints(judged.cost.share, WEIGHTS.cost, !costOk),
    maxPoints: WEIGHTS.cost,
    detail:
      cost === null
        ? 'Unknown'
        : notCarried !== null
          ? `${formatUsd(cost)}, not judged: cost is judged once the design carries the traffic (${notCarried})`
          : `${formatUsd(cost)} (budget ${formatUsd(t.slo.budgetUsd)})`,
  });

  if (notCarried !== null) {
    checks.push({
      id: 'practices',
      label: 'Practices',
      passed: false,
      points: 0,
      maxPoints: WEIGHTS.practices,
      detail: `Not judged: practices are judged once the design carries the traffic (${notCarried})`,
    });
  } else if (t.stage) {
    // Practices are about the design's shape, not its load: the engine's
    // stage checks name each one, present or missing.
    const practices = (engineStage?.checks ?? []).filter((c) => c.id.startsWith('practice:'));
    const present = practices.filter((c) => c.passed).length;
    checks.push({
      id: 'practices',
      label: 'Practices',
      passed: present === practices.length,
      points: partPoints(practicesShare(present, practices.length), WEIGHTS.practices, present < practices.length),
      maxPoints: WEIGHTS.practices,
      detail: practices.length === 0 ? 'None required' : practices.map((c) => c.label.replace(/^practice:\s*/, '')).join('; '),
    });
  } else {
    checks.push({
      id: 'practices',
      label: 'Practices',
      passed: true,
      points: WEIGHTS.practices,
      maxPoints: WEIGHTS.practices,
      detail: 'None required at a custom user count',
    });
  }

  let passed = checks.every((c) => c.passed);
  // The sum of the points shown; a failing target never shows 100.
  let score = totalScore(checks.reduce((s, c) => s + c.points, 0), passed, 1);
  if (useEngineVerdict && engineStage && notCarried === null) {
    // The stage as the engine defines it: the verdict the learner sees on the canvas.
    // Not for a design that carries nothing: the engine's stage score still
    // credits its cost and practices, which this grade withholds.
    score = engineStage.score;
    passed = engineStage.passed;
  }
  return { key: t.key, label: t.label, users: t.users, stage: t.stage, passed, score, checks, metrics: m };
}

function failedTarget(t: ResolvedTarget, message: string): TargetGrade {
  return {
    key: t.key,
    label: t.label,
    users: t.users,
    stage: t.stage,
    passed: false,
    score: 0,
    checks: [{ id: 'design', label: 'Design', passed: false, points: 0, maxPoints: 100, detail: message }],
    metrics: { p95ReadMs: null, availability: null, monthlyCostUsd: null, maxUtilization: null, bottleneck: null, saturated: [] },
  };
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, critical: 0, warning: 1, warn: 1, info: 2 };

/**
 * Grades `design` at every target of a scenario, under the scenario's
 * workload (the design's own workload is ignored: the instructor sets it).
 * Each target is scored by MODEL.md §6's weights against its SLOs and
 * budget; a stage target whose stage the scenario leaves as it is (no SLO or
 * workload changes) takes the engine's own stage score and verdict.
 */
export function gradeDesign(design: Design, config: Pick<ScenarioConfig, 'targets' | 'slo' | 'workload'>, evaluate: Evaluate): ScenarioGrade {
  const targets = resolveTargets(config);
  const plainWorkload = Object.values(config.workload ?? {}).every((v) => v === undefined);
  const graded = { design: { ...design, workload: undefined } };
  let stages: readonly EngineStageResult[] | null = null;
  let findings: GradeFinding[] = [];
  let largest = -1;
  const results = targets.map((t) => {
    let r: EngineResult;
    try {
      // The eight stages are computed once, with the first target that needs them.
      const needStages = t.stage !== undefined && stages === null;
      r = evaluate(graded.design, { ...config.workload, users: t.users }, { stages: needStages });
      if (needStages) stages = r.stages;
    } catch (e) {
      return failedTarget(t, e instanceof Error ? e.message : String(e));
    }
    if (t.users > largest) {
      largest = t.users;
      findings = [...r.findings]
        .sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3))
        .slice(0, 8)
        .map((f) => ({ severity: f.severity, code: f.code, node: f.nodeId ?? null, message: f.message, lessonId: f.lessonId ?? null }));
    }
    return scoreTarget(graded.design, t, r, stages ?? [], t.stageDefaults && plainWorkload);
  });
  const passed = results.length > 0 && results.every((g) => g.passed);
  // The mean of 100 and 99.9 rounds to 100: a failing grade is kept below it all the same.
  const score = results.length ? totalScore(results.reduce((s, g) => s + g.score, 0) / results.length, passed, 1) : 0;
  return { version: 1, score, passed, targets: results, findings };
}
