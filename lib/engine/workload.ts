import type { ResolvedWorkload, Workload } from './types';

/** Workload defaults (MODEL.md §1.2). `users` has no default. */
export const WORKLOAD_DEFAULTS: Omit<ResolvedWorkload, 'users'> = {
  requestsPerUserPerDay: 50,
  peakFactor: 3,
  staticShare: 0.5,
  readRatio: 0.9,
  asyncShare: 0.2,
  jobServiceMs: 200,
  staticKB: 100,
  dynamicKB: 10,
  dataPerUserMB: 2,
};

/** Fills every missing workload field with its default; `users` defaults to 0. */
export function resolveWorkload(...parts: (Partial<Workload> | undefined)[]): ResolvedWorkload {
  const out: ResolvedWorkload = { users: 0, ...WORKLOAD_DEFAULTS };
  for (const p of parts) {
    if (!p) continue;
    for (const key of Object.keys(p) as (keyof Workload)[]) {
      const v = p[key];
      if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
    }
  }
  return out;
}

/** Peak offered load per class, requests (jobs) per second. */
export interface OfferedLoad {
  static: number;
  read: number;
  write: number;
  job: number;
  /** static + read + write (jobs are born inside the system). */
  total: number;
}

/**
 * Peak offered load (MODEL.md §1.2):
 * `R = users × requestsPerUserPerDay / 86400 × peakFactor`, split into
 * static, read and write; jobs are `write × asyncShare`. Rates in rps.
 */
export function peakLoad(w: ResolvedWorkload): OfferedLoad {
  const r = (w.users * w.requestsPerUserPerDay * w.peakFactor) / 86400;
  const stat = r * w.staticShare;
  const dynamic = r * (1 - w.staticShare);
  const read = dynamic * w.readRatio;
  const write = dynamic * (1 - w.readRatio);
  return { static: stat, read, write, job: write * w.asyncShare, total: stat + read + write };
}
