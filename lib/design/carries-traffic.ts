/**
 * When a design counts as carrying its traffic, for the judgements that only
 * make sense then: an empty canvas, Users alone, or a design that fails most
 * requests is cheap only because it does nothing, so the interview's cost
 * check and rubric item and a scenario's cost and practices wait for this.
 */
import type { Design } from './types';

/** Most of the requests a design may fail and still count as carrying the traffic. */
export const CARRY_MAX_ERROR_RATE = 0.05;

/** Whether the design has a component besides Users. */
export function hasComponents(design: Pick<Design, 'nodes'>): boolean {
  return design.nodes.some((n) => n.kind !== 'users');
}

/** Whether the design carries its traffic: a component besides Users, and at most CARRY_MAX_ERROR_RATE of requests failing. */
export function carriesTraffic(design: Design, errorRate: number): boolean {
  return hasComponents(design) && Number.isFinite(errorRate) && errorRate <= CARRY_MAX_ERROR_RATE;
}
