import { describe, expect, it } from 'vitest';
import stage5 from '@/content/stages/stage-5.json';
import { evaluate } from '@/lib/engine';
import { type BreakdownHop, type LatencyBreakdown, AUDIENCE, type Design } from '@/lib/engine/data';
import { audienceNote, dominantHop, hasBreakdown, hopSegments, latencyCaption, waterfallRows } from './latency-view';
import { formatShare } from '@/lib/shared/format';

/** Test figures as plain numbers (the engine brands its milliseconds). */
type Plain<T> = { [K in keyof T]?: T[K] extends number ? number : T[K] };

function hop(over: Plain<BreakdownHop>): BreakdownHop {
  return { nodeId: 'n', label: 'Node', kind: 'app-server', networkMs: 0, waitingMs: 0, waitingBehindJobsMs: 0, serviceMs: 0, share: 0, p95Ms: 0, ...over } as BreakdownHop;
}

function path(hops: BreakdownHop[], p95: number): LatencyBreakdown {
  return { hops, p95Ms: p95 } as LatencyBreakdown;
}

describe('latency waterfall', () => {
  it('splits a hop’s p95 in the proportions of its network, waiting and service, inline-job waiting apart', () => {
    const s = hopSegments(hop({ networkMs: 1, waitingMs: 6, waitingBehindJobsMs: 4, serviceMs: 3, p95Ms: 100 }));
    expect(s).toEqual([
      { kind: 'network', ms: 10 },
      { kind: 'waiting', ms: 20 },
      { kind: 'waiting-jobs', ms: 40 },
      { kind: 'service', ms: 30 },
    ]);
    // Zero parts are left out; a hop with no time has no segments.
    expect(hopSegments(hop({ serviceMs: 2, p95Ms: 8 }))).toEqual([{ kind: 'service', ms: 8 }]);
    expect(hopSegments(hop({}))).toEqual([]);
    // Waiting behind jobs never exceeds the waiting it is part of.
    expect(hopSegments(hop({ waitingMs: 1, waitingBehindJobsMs: 5, p95Ms: 10 }))).toEqual([{ kind: 'waiting-jobs', ms: 10 }]);
  });

  it('starts each row where the one before ended, and the rows add up to the class’s p95', () => {
    const b = path([hop({ nodeId: 'lb', serviceMs: 1, p95Ms: 5, share: 0.05 }), hop({ nodeId: 'app', serviceMs: 9, p95Ms: 95, share: 0.95 })], 100);
    const rows = waterfallRows(b);
    expect(rows.map((r) => [r.hop.nodeId, r.offsetMs, r.ms])).toEqual([
      ['lb', 0, 5],
      ['app', 5, 95],
    ]);
    expect(dominantHop(b)?.nodeId).toBe('app');
    expect(hasBreakdown(b)).toBe(true);
    expect(hasBreakdown(path([], 0))).toBe(false);
  });

  it('names the dominant hop and what most of its time is', () => {
    const b = (h: Plain<BreakdownHop>) => path([hop({ label: 'App servers', share: 0.62, p95Ms: 62, ...h }), hop({ share: 0.38, p95Ms: 38, serviceMs: 1 })], 100);
    expect(latencyCaption(b({ waitingMs: 30, waitingBehindJobsMs: 25, serviceMs: 5 }), 'read')).toBe('App servers: 62% of the read p95, mostly waiting behind background jobs run inline');
    expect(latencyCaption(b({ waitingMs: 30, waitingBehindJobsMs: 5, serviceMs: 5 }), 'read')).toBe('App servers: 62% of the read p95, mostly waiting for a free core');
    expect(latencyCaption(b({ serviceMs: 5, networkMs: 1 }), 'read')).toBe('App servers: 62% of the read p95, mostly its own work (service time)');
    expect(latencyCaption(b({ serviceMs: 48, waitingMs: 2, waitingBehindJobsMs: 2 }), 'write')).toBe('App servers: 62% of the write p95, mostly its own work, which includes background jobs run inline');
    expect(latencyCaption(b({ kind: 'object-storage', networkMs: 40, serviceMs: 20 }), 'static')).toBe('App servers: 62% of the static p95, mostly the network round trip to reach it');
    expect(latencyCaption(b({ nodeId: 'app', serviceMs: 5 }), 'read', { app: { saturated: true } })).toBe('App servers: 62% of the read p95, saturated, so its requests wait until they time out');
    expect(latencyCaption(path([], 0), 'read')).toBeNull();
  });

  it('explains the stage-5 reference’s read p95 at 10M users by its app servers waiting behind inline jobs', () => {
    const e = evaluate(stage5 as unknown as Design, { users: 10_000_000 });
    const rows = waterfallRows(e.endToEnd.breakdown.read);
    expect(rows.map((r) => r.hop.label)).toContain('App servers');
    const total = rows.reduce((s, r) => s + r.ms, 0);
    expect(total).toBeCloseTo(e.endToEnd.breakdown.read.p95Ms, 6);
    expect(latencyCaption(e.endToEnd.breakdown.read, 'read', e.nodes)).toMatch(/^App servers: \d+% of the read p95, mostly waiting behind background jobs run inline$/);
  });
});

describe('formatShare', () => {
  it('never rounds a part up to the whole or down to nothing', () => {
    expect([0.62, 0.996, 1, 0, 0.002, 0.5].map(formatShare)).toEqual(['62%', '99%', '100%', '0%', '< 1%', '50%']);
  });
});

describe('audienceNote', () => {
  it('says where the users are, from the catalog’s round trips', () => {
    expect(audienceNote(AUDIENCE.regional.value)).toBe('round trips of 20–40 ms to the region');
    expect(audienceNote(AUDIENCE.global.value)).toBe('40% near (about 20 ms), the rest 80–230 ms away');
    expect(audienceNote([{ share: 1, rttMs: 30 }])).toBe('round trips of about 30 ms to the region');
    expect(audienceNote([])).toBe('');
  });
});
