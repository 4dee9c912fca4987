/**
 * The service levels a design is judged against, one type for all three
 * places that judge: a growth stage (lib/rules/stages.ts, scored by the
 * engine's `judgeStage`), a scenario target (lib/classroom/scenarios/grading.ts) and an
 * interview problem's target (lib/interview/target.ts). Data only: no
 * runtime imports, so client components may import it.
 */

/** What a stage, scenario or interview target may demand of reads (docs/model.md §14.1). */
export interface ConsistencyDemand {
  /** Largest share of user reads that may return stale data (e.g. 0.01). */
  maxStaleReadShare?: number;
  /** Every user must read their own writes: no read on an asynchronous replica. */
  readYourWrites?: boolean;
}

export interface Slo {
  /** Server-side p95 read latency, milliseconds. */
  p95ReadMs: number;
  /** Server-side p95 write latency, milliseconds (MODEL.md §9.4: from stage 6), or null where none is set. */
  p95WriteMs: number | null;
  /** User-perceived p95 of a static asset, milliseconds (MODEL.md §9.4: from stage 5), or null. */
  userStaticP95Ms: number | null;
  /** Availability as a fraction (0.999 = 99.9%). */
  availability: number;
  /** Largest error rate ordinary users may see during a flash crowd (MODEL.md §9.5: stage 8), or null. */
  flashErrorRate: number | null;
  /** Monthly budget, US dollars. The one name of the budget (was also `monthlyBudgetUsd` in scenarios). */
  budgetUsd: number;
  /** Consistency demanded of reads (docs/model.md §14.1); absent = none. */
  consistency?: ConsistencyDemand;
}

/** The figures of an SLO a scenario may override; the rest come from the stage. */
export type SloOverride = Partial<Pick<Slo, 'p95ReadMs' | 'availability' | 'budgetUsd'>>;

/** An SLO with none of the optional objectives: for a custom user count or an interview problem. */
export function plainSlo(s: Pick<Slo, 'p95ReadMs' | 'availability' | 'budgetUsd'> & { consistency?: ConsistencyDemand }): Slo {
  return {
    p95ReadMs: s.p95ReadMs,
    p95WriteMs: null,
    userStaticP95Ms: null,
    availability: s.availability,
    flashErrorRate: null,
    budgetUsd: s.budgetUsd,
    ...(s.consistency ? { consistency: s.consistency } : {}),
  };
}
