/**
 * What the results panel draws from the engine's latency breakdown
 * (MODEL.md §9.4, `endToEnd.breakdown`): one waterfall row per hop of the
 * dominant path, each split into network, waiting (behind inline jobs or
 * for a free core) and service, scaled to the class's server-side p95, and
 * one plain sentence naming the hop that dominates. Pure functions, no React.
 */
import type { BreakdownHop, LatencyBreakdown, NodeResult } from '@/lib/engine/data';
import { formatShare } from '@/lib/shared/format';

export type UserClass = 'static' | 'read' | 'write';

export const USER_CLASSES: readonly { id: UserClass; label: string; noun: string }[] = [
  { id: 'static', label: 'Static', noun: 'static' },
  { id: 'read', label: 'Read', noun: 'read' },
  { id: 'write', label: 'Write', noun: 'write' },
];

/** The parts of a hop's time, in the order the waterfall draws them. */
export type SegmentKind = 'network' | 'waiting' | 'waiting-jobs' | 'service';

export interface WaterfallSegment {
  kind: SegmentKind;
  /** This part's slice of the hop's p95 time, ms. */
  ms: number;
}

export interface WaterfallRow {
  hop: BreakdownHop;
  /** Where the row starts: the p95 time of the hops before it, ms. */
  offsetMs: number;
  /** The hop's p95 time (its share of the class's p95), ms. */
  ms: number;
  segments: WaterfallSegment[];
}

const nonNegative = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);

/**
 * The hop's p95 time split in the proportions of its mean network, waiting
 * and service times; the waiting behind background jobs run inline is its
 * own segment. Segments of zero length are left out.
 */
export function hopSegments(hop: BreakdownHop): WaterfallSegment[] {
  const network = nonNegative(hop.networkMs);
  const waiting = nonNegative(hop.waitingMs);
  const jobs = Math.min(waiting, nonNegative(hop.waitingBehindJobsMs));
  const service = nonNegative(hop.serviceMs);
  const sum = network + waiting + service;
  const total = nonNegative(hop.p95Ms);
  if (sum <= 0 || total <= 0) return [];
  const parts: WaterfallSegment[] = [
    { kind: 'network', ms: (total * network) / sum },
    { kind: 'waiting', ms: (total * (waiting - jobs)) / sum },
    { kind: 'waiting-jobs', ms: (total * jobs) / sum },
    { kind: 'service', ms: (total * service) / sum },
  ];
  return parts.filter((p) => p.ms > 0);
}

/** One row per hop, each starting where the one before ended. */
export function waterfallRows(breakdown: LatencyBreakdown): WaterfallRow[] {
  let offset = 0;
  return breakdown.hops.map((hop) => {
    const ms = nonNegative(hop.p95Ms);
    const row = { hop, offsetMs: offset, ms, segments: hopSegments(hop) };
    offset += ms;
    return row;
  });
}

/** Whether the class has anything to draw: a path with some time on it. */
export function hasBreakdown(breakdown: LatencyBreakdown | undefined | null): breakdown is LatencyBreakdown {
  return !!breakdown && breakdown.hops.length > 0 && nonNegative(breakdown.p95Ms) > 0;
}

/** The hop with the largest share of the path (the first of equals), or null without hops. */
export function dominantHop(breakdown: LatencyBreakdown): BreakdownHop | null {
  let best: BreakdownHop | null = null;
  for (const h of breakdown.hops) if (!best || h.share > best.share) best = h;
  return best;
}

/** Kinds that run a design's own code, where background jobs may run inline. */
const COMPUTE = new Set(['app-server', 'service', 'server']);

/**
 * One plain sentence about where the class's p95 goes: the dominant hop,
 * its share, and what most of its time is ("App servers: 62% of the read
 * p95, mostly waiting behind background jobs run inline"). Null when the
 * class has no path.
 */
export function latencyCaption(breakdown: LatencyBreakdown, cls: UserClass, nodes: Readonly<Record<string, Pick<NodeResult, 'saturated'>>> = {}): string | null {
  if (!hasBreakdown(breakdown)) return null;
  const hop = dominantHop(breakdown);
  if (!hop) return null;
  const head = `${hop.label}: ${formatShare(hop.share)} of the ${cls} p95`;
  if (nodes[hop.nodeId]?.saturated) return `${head}, saturated, so its requests wait until they time out`;
  const network = nonNegative(hop.networkMs);
  const waiting = nonNegative(hop.waitingMs);
  const jobs = Math.min(waiting, nonNegative(hop.waitingBehindJobsMs));
  const service = nonNegative(hop.serviceMs);
  if (waiting >= network && waiting >= service && waiting > 0) {
    return jobs >= waiting / 2 ? `${head}, mostly waiting behind background jobs run inline` : `${head}, mostly waiting for a free core`;
  }
  if (service >= network && service > 0) {
    // A write's service time includes the jobs it runs inline (evaluation.ts, BreakdownHop.serviceMs).
    if (cls === 'write' && jobs > 0 && COMPUTE.has(hop.kind)) return `${head}, mostly its own work, which includes background jobs run inline`;
    return `${head}, mostly its own work (service time)`;
  }
  if (network > 0) return `${head}, mostly the network round trip to reach it`;
  return head;
}

/** Round trips as the catalog gives them: share of users at each distance. */
interface Trip {
  share: number;
  rttMs: number;
}

/**
 * Where an audience is, in words, from its round-trip buckets (MODEL.md §9.4):
 * "round trips of 20–40 ms to the region" or "40% near (about 20 ms), the
 * rest 80–230 ms away".
 */
export function audienceNote(buckets: readonly Trip[]): string {
  if (buckets.length === 0) return '';
  const sorted = [...buckets].sort((a, b) => a.rttMs - b.rttMs);
  const min = sorted[0].rttMs;
  const max = sorted[sorted.length - 1].rttMs;
  if (min === max) return `round trips of about ${min} ms to the region`;
  const near = sorted.filter((b) => b.rttMs === min);
  const far = sorted.filter((b) => b.rttMs !== min);
  const nearShare = near.reduce((s, b) => s + b.share, 0);
  if (far.length >= 2 && nearShare < 1) {
    return `${formatShare(nearShare)} near (about ${min} ms), the rest ${far[0].rttMs}–${max} ms away`;
  }
  return `round trips of ${min}–${max} ms to the region`;
}
