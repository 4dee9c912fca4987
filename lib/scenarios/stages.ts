/**
 * The eight growth stages with their service levels, as an instructor picks
 * them for a scenario: taken from the engine's own table (MODEL.md §6), so a
 * stage means the same here as on the canvas.
 */
import { PRACTICES, STAGES, type Audience } from '../engine';

export interface StageTarget {
  stage: number;
  title: string;
  users: number;
  /** Server-side p95 latency of reads, milliseconds. */
  p95ReadMs: number;
  /** Server-side p95 latency of writes, milliseconds, or null where the stage sets none (model v2: from stage 6). */
  p95WriteMs: number | null;
  /** User-perceived p95 of a static asset, milliseconds, or null (model v2: from stage 5). */
  userStaticP95Ms: number | null;
  /** Largest error rate ordinary users may see in a flash crowd, or null (model v2: stage 8). */
  flashErrorRate: number | null;
  /** Where the stage's users are. */
  audience: Audience;
  /** Fraction of requests that succeed, e.g. 0.999. */
  availability: number;
  monthlyBudgetUsd: number;
  /** Practices the stage requires, in words. */
  practices: string;
}

export const STAGE_TARGETS: readonly StageTarget[] = STAGES.map((s) => ({
  stage: s.stage,
  title: s.name,
  users: s.users,
  p95ReadMs: s.p95ReadMs,
  p95WriteMs: s.p95WriteMs,
  userStaticP95Ms: s.userStaticP95Ms,
  flashErrorRate: s.flashErrorRate,
  audience: s.audience,
  availability: s.availability,
  monthlyBudgetUsd: s.budgetUsd,
  practices: s.practices.length ? s.practices.map((p) => PRACTICES[p].label).join('; ') : 'none',
}));

export function stageTarget(stage: number): StageTarget | undefined {
  return STAGE_TARGETS.find((s) => s.stage === stage);
}

/** Service levels used for a custom user count when the scenario sets none. */
export const DEFAULT_SLOS = { p95ReadMs: 300, availability: 0.999, monthlyBudgetUsd: 20_000 } as const;
