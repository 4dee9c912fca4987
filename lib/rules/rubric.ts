/**
 * The score rubric of MODEL.md §6, in one place: the canvas's stage verdicts
 * (lib/engine/stages.ts `judgeStage`) and an instructor's scenario grades
 * (lib/classroom/scenarios/grading.ts) both judge a target's service levels with
 * `judgeObjectives` and score with these functions, so the same design earns
 * the same verdict and points for the same figures wherever it is shown.
 * Pure, data-only imports; safe in the browser.
 */
import type { Slo } from './slo';

/** The score parts and their full marks (they add up to 100). */
export const SCORE_WEIGHTS = { capacity: 30, latency: 20, availability: 20, cost: 15, practices: 15 } as const;
export type ScorePart = keyof typeof SCORE_WEIGHTS;

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** Capacity: full at a busiest utilisation of 80% or less, none at 100%, and none when anything is blocked (saturated, full, unrouted). */
export function capacityShare(blocked: boolean, maxUtilization: number): number {
  return blocked ? 0 : clamp01((1 - maxUtilization) / 0.2);
}

/** A "lower is better" figure (a p95, a monthly cost): full within its limit, none at twice it, linear between. */
export function withinLimitShare(value: number, limit: number): number {
  return clamp01((2 * limit - value) / limit);
}

/** Availability: full within the allowed downtime, none at ten times it, log-linear between. */
export function availabilityShare(availability: number, objective: number): number {
  const allowed = 1 - objective;
  const down = 1 - availability;
  return down <= allowed ? 1 : clamp01(1 - Math.log10(down / allowed));
}

/** Errors that count against availability (shedding, a flash crowd), as a multiple of what is tolerated. */
export function errorShare(timesTolerated: number): number {
  return clamp01(1 - Math.log10(Math.max(1, timesTolerated)));
}

/**
 * Points of one part, to a tenth, out of `max`. A part with a failing check
 * never shows full marks: rounding would turn 14.96 of 15 for a design $1
 * over budget into 15/15 beside a ✗; it gets at most max − 0.1.
 */
export function partPoints(share: number, max: number, failing: boolean): number {
  const points = Math.round(max * clamp01(share) * 10) / 10;
  return failing && points >= max ? Math.round((max - 0.1) * 10) / 10 : points;
}

/** The highest score a failing grade may show: never 100 (MODEL.md §9.6). */
export const FAILING_CEILING = 99;

/**
 * A total as shown: a failing total is never 100. `digits` is how it is
 * rounded (0 for a stage's whole-number score, 1 for a scenario's tenths);
 * a failing one is kept below the ceiling after rounding.
 */
export function totalScore(sum: number, passed: boolean, digits: 0 | 1): number {
  const f = digits === 1 ? 10 : 1;
  const rounded = Math.round(sum * f) / f;
  return passed ? rounded : Math.min(rounded, FAILING_CEILING);
}

/** Practices: the share of the required practices present (full when none is required). */
export function practicesShare(present: number, required: number): number {
  return required === 0 ? 1 : present / required;
}

/** One objective judged: the measured figure, its limit, whether it holds, and its share of the part's points. */
export interface Judged {
  passed: boolean;
  /** Null when the run gives no figure (no reads reach the system): the objective fails and earns nothing. */
  value: number | null;
  limit: number;
  share: number;
}

/** A "lower is better" objective (a p95, a monthly cost, an error rate). */
export function withinLimit(value: number | null, limit: number): Judged {
  if (value === null) return { passed: false, value, limit, share: 0 };
  return { passed: value <= limit, value, limit, share: withinLimitShare(value, limit) };
}

/** The figures a target's service levels are judged on; null where the run gives none. */
export interface ObjectiveMeasures {
  p95ReadMs: number | null;
  p95WriteMs: number | null;
  userStaticP95Ms: number | null;
  availability: number | null;
  flashErrorRate: number | null;
  monthlyCostUsd: number | null;
}

export interface ObjectivesVerdict {
  read: Judged;
  /** Null where the SLO sets no write p95 or the run measures none. */
  write: Judged | null;
  userStatic: Judged | null;
  /** The latency part: every latency objective holds; its share is the worst of theirs. */
  latency: { passed: boolean; share: number };
  availability: Judged;
  flash: Judged | null;
  /**
   * The availability part: availability and the flash crowd hold; errors
   * (the flash crowd's, and `otherErrors` such as shedding) lower its share
   * by how many times the tolerated rate they reach.
   */
  availabilityPart: { passed: boolean; share: number };
  cost: Judged;
}

/**
 * A target's service levels judged on a run's figures (MODEL.md §6, §9): the
 * one rule for a growth stage, a scenario target and any SLO of the one type
 * (lib/rules/slo.ts). `otherErrors` are further error rates counted against
 * availability, as multiples of what is tolerated (a stage's shedding).
 */
export function judgeObjectives(slo: Slo, m: ObjectiveMeasures, otherErrors = 0): ObjectivesVerdict {
  const read = withinLimit(m.p95ReadMs, slo.p95ReadMs);
  const write = slo.p95WriteMs !== null && m.p95WriteMs !== null ? withinLimit(m.p95WriteMs, slo.p95WriteMs) : null;
  const userStatic = slo.userStaticP95Ms !== null && m.userStaticP95Ms !== null ? withinLimit(m.userStaticP95Ms, slo.userStaticP95Ms) : null;
  const latencies = [read, ...(write ? [write] : []), ...(userStatic ? [userStatic] : [])];
  const a = m.availability;
  const availability: Judged = { passed: a !== null && a >= slo.availability, value: a, limit: slo.availability, share: availabilityShare(a ?? 0, slo.availability) };
  const flash = slo.flashErrorRate !== null && m.flashErrorRate !== null ? withinLimit(m.flashErrorRate, slo.flashErrorRate) : null;
  // Errors are requests that do not succeed: past what is tolerated, they cost availability points.
  const errors = Math.max(otherErrors, flash && slo.flashErrorRate ? flash.value! / slo.flashErrorRate : 0);
  return {
    read,
    write,
    userStatic,
    latency: { passed: latencies.every((j) => j.passed), share: Math.min(...latencies.map((j) => j.share)) },
    availability,
    flash,
    availabilityPart: { passed: availability.passed && (flash?.passed ?? true), share: Math.min(availability.share, errorShare(errors)) },
    cost: withinLimit(m.monthlyCostUsd, slo.budgetUsd),
  };
}
