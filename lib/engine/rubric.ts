/**
 * The score rubric of MODEL.md §6, in one place: the canvas's stage verdicts
 * (lib/engine/stages.ts `judgeStage`) and an instructor's scenario grades
 * (lib/scenarios/grading.ts) both score with these functions, so the same
 * design earns the same points for the same figures wherever it is shown.
 * Pure; safe in the browser.
 */

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
