import { PRACTICES, STAGES, peakLoad, resolveWorkload, type Audience, type OfferedLoad } from '@/lib/engine';

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
  /** Server-side p95 latency SLO for reads, milliseconds. */
  p95ReadMs: number;
  /** Server-side p95 latency SLO for writes, milliseconds, or null where the stage sets none (model v2: from stage 6). */
  p95WriteMs: number | null;
  /** User-perceived p95 SLO for a static asset, milliseconds, or null (model v2: from stage 5). */
  userStaticP95Ms: number | null;
  /** Largest error rate ordinary users may see in a flash crowd, or null (model v2: stage 8). */
  flashErrorRate: number | null;
  /** Where the stage's users are: near one region, or spread over the world. */
  audience: Audience;
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
  p95WriteMs: s.p95WriteMs,
  userStaticP95Ms: s.userStaticP95Ms,
  flashErrorRate: s.flashErrorRate,
  audience: s.audience,
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
