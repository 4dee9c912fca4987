import type { Evaluation } from '@/lib/engine';

/**
 * Numbers the live examples derive from an evaluation, shared by the
 * components and content/live-examples.test.ts so the test checks the same
 * figure the reader sees.
 */

/** Offered user requests a second (static, read and write). */
export function offeredUserRps(r: Evaluation): number {
  return r.offered.static + r.offered.read + r.offered.write;
}

/**
 * What fails from the users' side: the engine's errors (saturation, unhandled
 * traffic) plus what a rate limiter rejected. Model v2 counts shed requests as
 * failures (MODEL.md §5.5): a fast 429 is still a request that did not succeed.
 */
export function failingShare(r: Evaluation): number {
  const offered = offeredUserRps(r);
  return offered > 0 ? Math.min(1, r.endToEnd.errorRate + r.endToEnd.shedRps / offered) : 0;
}
