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
  // MODEL.md §9.2: a page built by an ORM makes 5–20 queries; 10 reads, and a
  // write is one transaction of 5 statements (TPC-B's shape).
  queriesPerRead: 10,
  queriesPerWrite: 5,
  // MODEL.md §9.3: one deploy a day; §9.5: a flash crowd is 5× the peak.
  deploysPerDay: 1,
  flashFactor: 5,
  // MODEL.md §9.4: users near one region until stage 5.
  audience: 'regional',
  // docs/model.md §14.4: no analytics load unless a design says so (old designs
  // are unchanged); a report reads 10 GB; an event is about 1 KB.
  analyticsQueriesPerHour: 0,
  analyticsScanGB: 10,
  eventKB: 1,
};

/** Largest peak factor: a peak hour cannot carry more than the whole day (MODEL.md §9.5); the design's bound. */
export { MAX_PEAK_FACTOR } from '../design/params';

/** Fills every missing workload field with its default; `users` defaults to 0. */
export function resolveWorkload(...parts: (Partial<Workload> | undefined)[]): ResolvedWorkload {
  const out: ResolvedWorkload = { users: 0, ...WORKLOAD_DEFAULTS };
  for (const p of parts) {
    if (!p) continue;
    for (const key of Object.keys(p) as (keyof Workload)[]) {
      const v = p[key];
      if (key === 'audience') {
        if (v === 'regional' || v === 'global') out.audience = v;
      } else if (typeof v === 'number' && Number.isFinite(v)) (out as unknown as Record<string, number>)[key] = v;
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
