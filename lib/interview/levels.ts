/**
 * Levels: what a mid-level, senior or staff candidate is expected to show,
 * chosen at setup and kept with the attempt. A level changes the rubric's
 * weights (a staff interview weighs the curveballs, where the design is
 * probed in depth, more than a mid-level one does), the estimation
 * thresholds, the headroom the capacity item asks for, the bar an attempt
 * must reach and what it must hold to meet it, and the overtime rule.
 *
 * Senior is the rubric as it was before levels (the problems' own weights,
 * on target within 2×): an attempt saved before levels is read as senior,
 * so its review does not change.
 */
import { RUBRIC_ITEMS, type RubricItemId } from './schema';

export const LEVELS = ['mid', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];
export const DEFAULT_LEVEL: Level = 'senior';

export interface LevelRubric {
  label: string;
  /** What the interviewer expects, one sentence for setup and the review. */
  expects: string;
  /** Multiplies each rubric item's weight; the result is scaled back to 100. */
  weightFactors: Record<RubricItemId, number>;
  /** An estimate within this factor is on target; within `closeFactor`, close. */
  onTargetFactor: number;
  closeFactor: number;
  /**
   * Requirements: what one hidden requirement (found only by asking) weighs
   * against one stated in the brief. Finding what was left unsaid is what
   * the senior and staff interviews listen for.
   */
  hiddenWeight: number;
  /** Capacity: full headroom marks up to this utilisation. */
  comfortUtilization: number;
  /** The total an attempt needs to meet the level's bar. */
  bar: number;
  /** What must also hold to meet the bar. */
  requires: { target: boolean; allCurveballs: boolean };
  /** Points taken off per minute (or part of one) over the clock, up to `overtimeCap`. */
  overtimePerMinute: number;
  overtimeCap: number;
}

const ONE: Record<RubricItemId, number> = Object.fromEntries(RUBRIC_ITEMS.map((k) => [k, 1])) as Record<
  RubricItemId,
  number
>;

export const LEVEL_RUBRIC: Record<Level, LevelRubric> = {
  mid: {
    label: 'Mid-level',
    expects:
      'A working design that carries the load: clear requirements, estimates, entities and API matter more; curveballs count for less, and one that degrades is forgiven.',
    weightFactors: { ...ONE, requirements: 1.3, estimation: 1.3, api: 1.2, curveballs: 0.6, deepdive: 0.8, tradeoffs: 0.8 },
    onTargetFactor: 3,
    closeFactor: 10,
    hiddenWeight: 1,
    comfortUtilization: 0.85,
    bar: 60,
    requires: { target: false, allCurveballs: false },
    overtimePerMinute: 1,
    overtimeCap: 10,
  },
  senior: {
    label: 'Senior',
    expects:
      'A design that passes the target at a sensible cost and survives most curveballs, with estimates within 2× of the model.',
    weightFactors: ONE,
    onTargetFactor: 2,
    closeFactor: 5,
    hiddenWeight: 1.5,
    comfortUtilization: 0.8,
    bar: 70,
    requires: { target: true, allCurveballs: false },
    overtimePerMinute: 2,
    overtimeCap: 20,
  },
  staff: {
    label: 'Staff',
    expects:
      'A design that passes the target and holds under every curveball, with headroom to spare, estimates within 1.5×, and trade-offs weighed: the curveballs, where the design is probed in depth, weigh most.',
    weightFactors: { ...ONE, requirements: 0.8, estimation: 0.8, api: 0.8, curveballs: 1.8, deepdive: 1.4, tradeoffs: 1.3, cost: 1.2 },
    onTargetFactor: 1.5,
    closeFactor: 3,
    hiddenWeight: 2,
    comfortUtilization: 0.7,
    bar: 80,
    requires: { target: true, allCurveballs: true },
    overtimePerMinute: 3,
    overtimeCap: 30,
  },
};

export function isLevel(x: unknown): x is Level {
  return typeof x === 'string' && (LEVELS as readonly string[]).includes(x);
}

/** A problem's weights at a level: each item's weight × the level's factor, scaled back to 100 (one decimal). */
export function levelWeights(base: Record<RubricItemId, number>, level: Level): Record<RubricItemId, number> {
  const f = LEVEL_RUBRIC[level].weightFactors;
  const raw = RUBRIC_ITEMS.map((k) => base[k] * f[k]);
  const sum = raw.reduce((s, x) => s + x, 0);
  if (!(sum > 0)) return base;
  const out = {} as Record<RubricItemId, number>;
  RUBRIC_ITEMS.forEach((k, i) => (out[k] = Math.round((raw[i] * 1000) / sum) / 10));
  return out;
}

/** Points taken off for running over: per started minute over the clock, capped. 0 when on time. */
export function overtimePenalty(overMs: number, level: Level): number {
  if (!(overMs > 0)) return 0;
  const r = LEVEL_RUBRIC[level];
  return Math.min(r.overtimeCap, Math.ceil(overMs / 60_000) * r.overtimePerMinute);
}

/** The overtime rule in words, for setup and the review. */
export function overtimeRule(level: Level): string {
  const r = LEVEL_RUBRIC[level];
  return `−${r.overtimePerMinute} point${r.overtimePerMinute === 1 ? '' : 's'} per minute (or part of one) over the clock, at most −${r.overtimeCap}`;
}
