/**
 * The inspector's warning when an edit cuts a component's capacity (fewer
 * instances, or an autoscale maximum below what the peak needs). Read from
 * the latest evaluation in the store, on the main thread, without the
 * engine. The approximation (docs/model.md's queue model): the load spreads
 * evenly over the instances, so per-instance utilisation scales as
 * instances now / instances then, and what exceeds the instances' capacity
 * is dropped. Pure, no React.
 */
import { bandOf } from './results';
import { formatRps, formatUtilization } from '@/lib/shared/format';

/** The component as the latest evaluation saw it. */
export interface CapacityNow {
  /** Per-instance utilisation (uncapped: 1.4 = 140%). */
  utilization: number;
  /** Instances at peak (an autoscaled component: as many as it chose at peak). */
  instances: number;
  /** Requests per second arriving at it, at peak. */
  arrivalRps: number;
}

export interface CapacityProjection {
  instances: number;
  utilization: number;
  /** Requests per second beyond the instances' capacity. */
  dropsRps: number;
}

/** Utilisation and dropped traffic with `instances` instead of `now.instances` (load spread evenly over them). */
export function projectInstances(now: CapacityNow, instances: number): CapacityProjection {
  const n = Math.max(1, Math.round(instances));
  const utilization = (now.utilization * now.instances) / n;
  // Capacity then = arrivals / utilisation then; what arrives beyond it is dropped.
  const dropsRps = utilization > 1 ? now.arrivalRps * (1 - 1 / utilization) : 0;
  return { instances: n, utilization, dropsRps };
}

/** Whether a projection is worth a warning: fewer instances than now, and hot (80%) or beyond. */
export function cutsCapacity(now: CapacityNow, p: CapacityProjection): boolean {
  if (!(p.instances < now.instances) || !Number.isFinite(p.utilization)) return false;
  const band = bandOf(p.utilization);
  return band === 'hot' || band === 'saturated';
}

const plural = (n: number) => `${n.toLocaleString('en-US')} instance${n === 1 ? '' : 's'}`;

/** "2 instances would run at 340% busy (drops 1,200 req/s)"; `done` for a change already stored ("run"). */
export function capacitySentence(p: CapacityProjection, done = false): string {
  const drops = p.dropsRps > 0 ? ` (drops ${formatRps(p.dropsRps)})` : '';
  return `${plural(p.instances)} ${done ? (p.instances === 1 ? 'runs' : 'run') : 'would run'} at ${formatUtilization(p.utilization)} busy${drops}`;
}
