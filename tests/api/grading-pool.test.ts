import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDesign } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';
import { heavyDesign } from '@/scripts/heavy-design';
import { useTestDatabase } from './test-db';

/**
 * The grading pool with the real engine in real worker threads: grading
 * leaves the request thread free, a job over the time limit is stopped and
 * its worker replaced, and a job that cannot start in time is refused as busy.
 */
type PoolModule = typeof import('@/lib/classroom/scenarios/grading-pool');
let poolModule: PoolModule;
let health: () => Promise<Response>;
const pools: { destroy(): Promise<void> }[] = [];

const config = { targets: [{ type: 'stage' as const, stage: 3 }, { type: 'users' as const, users: 250_000 }], slo: {}, workload: {} };

function parsed(raw: unknown): Design {
  const p = parseDesign(raw, { strict: true, newDesign: true });
  if (!p.ok) throw new Error(p.issues.map((i) => i.message).join('; '));
  return p.design;
}

const small = parsed(heavyDesign(4));
const heavy = parsed(heavyDesign(3_400));

function pool(options: Parameters<PoolModule['createGradingPool']>[0]) {
  const p = poolModule.createGradingPool(options);
  pools.push(p);
  return p;
}

beforeAll(async () => {
  await useTestDatabase();
  poolModule = await import('@/lib/classroom/scenarios/grading-pool');
  ({ GET: health } = (await import('@/app/api/health/route')) as unknown as { GET: () => Promise<Response> });
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
});

describe('grading pool', () => {
  it('grades in a worker thread, with the same result as grading in place', async () => {
    const p = pool({ threads: 1 });
    const out = await p.grade(small, config);
    expect(threadId).toBe(0);
    expect(out.threadId).not.toBe(0);
    expect(p.threadIds()).toContain(out.threadId);
    const { gradeDesign } = await import('@/lib/classroom/scenarios/grading');
    const { evaluateDesign } = await import('@/lib/classroom/scenarios/engine');
    expect(out.grade).toEqual(gradeDesign(small, config, evaluateDesign));
  });

  it('keeps the request thread free: /api/health answers while a large design is being graded', async () => {
    const p = pool({ threads: 1 });
    await p.grade(small, config); // the worker has loaded the engine
    let graded = false;
    const grading = p.grade(heavy, config).then((out) => {
      graded = true;
      return out;
    });
    // Were grading on this thread, it would have finished before anything below ran.
    const answers: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await health();
      expect(res.status).toBe(200);
      answers.push(graded);
    }
    expect(answers).toEqual([false, false, false]);
    const out = await grading;
    expect(out.grade.targets).toHaveLength(2);
    expect(out.threadId).not.toBe(threadId);
  });

  it('stops a job over the time limit, replaces its worker and keeps grading', async () => {
    const p = pool({ threads: 1, timeLimitMs: 20 });
    await p.grade(small, config).catch(() => {}); // warm the worker (may itself hit 20 ms while loading)
    const before = p.threadIds();
    const err = await p.grade(heavy, config).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(poolModule.GradingTimeout);
    expect((err as Error).message).toMatch(/longer than the 0\.02 s limit/);
    // A fresh worker took the stopped one's place.
    await expect.poll(() => p.threadIds().length).toBe(1);
    expect(p.threadIds()).not.toEqual(before);
  });

  it('refuses a job as busy when no worker is free within the queue wait', async () => {
    const p = pool({ threads: 1, queueWaitMs: 50 });
    // Until the worker has started (loading the engine takes longer than 50 ms), jobs are refused too.
    await expect.poll(() => p.grade(small, config).then(() => true, () => false), { timeout: 20_000, interval: 200 }).toBe(true);
    // A large design ahead of it (hundreds of ms): the small one cannot start within 50 ms.
    const ahead = p.grade(heavy, config);
    const queued = p.grade(small, config).then(
      () => null,
      (e: unknown) => e,
    );
    const busy = await queued;
    expect(busy).toBeInstanceOf(poolModule.GradingBusy);
    expect((busy as Error).message).toMatch(/busy/);
    expect((await ahead).grade.targets).toHaveLength(2);
  });

  it('counts components and connections against the cap before validation', () => {
    const { overGradingCap, gradingCapMessage, MAX_GRADED_COMPONENTS } = poolModule;
    expect(overGradingCap(heavyDesign(MAX_GRADED_COMPONENTS))).toBeNull();
    const over = overGradingCap(heavyDesign(3_400));
    expect(over).toEqual({ components: 3_400, connections: expect.any(Number) });
    expect(gradingCapMessage(over!)).toMatch(/has 3,400 components .* at most 500 components and 2,000 connections/);
    expect(overGradingCap({ nodes: [], edges: new Array(2_001).fill({}) })).toEqual({ components: 0, connections: 2_001 });
  });
});
