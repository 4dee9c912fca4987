import { PRACTICES, STAGES, peakLoad, resolveWorkload, type OfferedLoad } from '@/lib/engine';

/**
 * What each growth stage asks of a design (users, SLOs, budget, required
 * practices), read from the engine's stage definitions so the lessons show
 * exactly what the scorer checks. The one place the learn pages touch them.
 */
export interface StageFact {
  stage: number;
  title: string;
  /** Daily active users. */
  users: number;
  /** p95 latency SLO for reads, milliseconds. */
  p95ReadMs: number;
  /** Availability SLO, a fraction (0.999 = 99.9%). */
  availability: number;
  /** Monthly budget, US dollars. */
  budgetUsd: number;
  /** Required practices, as sentences. */
  practices: string[];
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FACTS: StageFact[] = STAGES.map((s) => ({
  stage: s.stage,
  title: s.name,
  users: s.users,
  p95ReadMs: s.p95ReadMs,
  availability: s.availability,
  budgetUsd: s.budgetUsd,
  practices: s.practices.map((p) => sentence(PRACTICES[p].label)),
}));

export function getStageFacts(): StageFact[] {
  return FACTS;
}

export function getStageFact(stage: number): StageFact | undefined {
  return FACTS.find((s) => s.stage === stage);
}

/** Peak offered load at a stage's user count with the default workload, from the engine. */
export function stagePeakLoad(stage: StageFact): OfferedLoad {
  return peakLoad(resolveWorkload({ users: stage.users }));
}
