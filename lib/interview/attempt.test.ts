import { describe, expect, it } from 'vitest';
import {
  attemptReducer,
  canGoTo,
  clampMinutes,
  createAttempt,
  dueCurveballs,
  elapsedMs,
  formatClock,
  isPaused,
  mayLeaveDesign,
  parseAttempt,
  pendingCurveballs,
  phaseDeadlines,
  remainingMs,
  unseenCurveballs,
  type Attempt,
  type AttemptAction,
} from './attempt';
import { getProblem } from './problems';
import { T0 } from './test-helpers';

const MIN = 60_000;
const problem = getProblem('url-shortener')!;
const start = (minutes = 45) => createAttempt(problem, { mode: 'blind', minutes, now: T0, id: 'a1' });
const run = (a: Attempt, ...actions: AttemptAction[]) => actions.reduce(attemptReducer, a);
const snapshot = { outcome: 'held' as const, errorRate: 0, p95ReadMs: 60, reasons: [] };

describe('the mock clock', () => {
  it('runs on wall time from the start and counts down from the chosen duration', () => {
    const a = start();
    expect(elapsedMs(a, T0 + 90_000)).toBe(90_000);
    expect(remainingMs(a, T0 + 90_000)).toBe(45 * MIN - 90_000);
    expect(formatClock(remainingMs(a, T0 + 90_000))).toBe('43:30');
  });

  it('stops while paused and goes on from where it stopped', () => {
    const a = run(start(), { type: 'pause', now: T0 + 5 * MIN });
    expect(isPaused(a)).toBe(true);
    expect(elapsedMs(a, T0 + 60 * MIN)).toBe(5 * MIN);
    const b = attemptReducer(a, { type: 'resume', now: T0 + 20 * MIN });
    expect(elapsedMs(b, T0 + 21 * MIN)).toBe(6 * MIN);
    expect(attemptReducer(b, { type: 'resume', now: T0 + 22 * MIN })).toBe(b);
  });

  it('shows overtime as a negative time left', () => {
    const a = start(15);
    expect(formatClock(remainingMs(a, T0 + 16.5 * MIN))).toBe('-1:30');
  });

  it('keeps the duration between 15 and 120 minutes and rescales curveballs still to come', () => {
    expect(clampMinutes(5)).toBe(15);
    expect(clampMinutes(500)).toBe(120);
    const a = start(45);
    const due = a.curveballs.map((c) => c.dueMs);
    expect(due).toEqual(problem.curveballs.map((c) => c.atMinute * MIN));
    const b = attemptReducer(a, { type: 'set-duration', minutes: 90 });
    expect(b.durationMs).toBe(90 * MIN);
    expect(b.curveballs.map((c) => c.dueMs)).toEqual(due.map((d) => d * 2));
  });

  it('suggests phase ends of 5, 10, 15, 32, 37 and 45 minutes on the default clock', () => {
    expect(phaseDeadlines(45 * MIN)).toEqual({
      requirements: 5 * MIN,
      estimation: 10 * MIN,
      api: 15 * MIN,
      design: 32 * MIN,
      deepdive: 37 * MIN,
      tradeoffs: 45 * MIN,
    });
  });
});

describe('phases', () => {
  it('moves forward one phase at a time and back to any phase reached', () => {
    let a = start();
    expect(canGoTo(a, 'design')).toBe(false);
    a = attemptReducer(a, { type: 'go', phase: 'design', now: T0 });
    expect(a.phase).toBe('requirements');
    a = run(a, { type: 'go', phase: 'estimation', now: T0 }, { type: 'go', phase: 'design', now: T0 });
    // Entities & API comes between estimation and design: no skipping it.
    expect(a.phase).toBe('estimation');
    a = run(a, { type: 'go', phase: 'api', now: T0 }, { type: 'go', phase: 'design', now: T0 });
    expect(a.reached).toBe('design');
    a = attemptReducer(a, { type: 'go', phase: 'requirements', now: T0 });
    expect(a.phase).toBe('requirements');
    expect(a.reached).toBe('design');
    expect(canGoTo(a, 'deepdive')).toBe(true);
    expect(canGoTo(a, 'tradeoffs')).toBe(false);
  });

  it('records each clarifying question once, with the time it was asked', () => {
    const a = run(
      start(),
      { type: 'ask', questionId: 'expiry', now: T0 + 2 * MIN },
      { type: 'ask', questionId: 'expiry', now: T0 + 3 * MIN },
    );
    expect(a.asked).toEqual([{ id: 'expiry', atMs: 2 * MIN }]);
  });

  it('allows one corrected second try after the first check, then locks the estimates', () => {
    const inputs = {
      peakRps: 2300,
      storage: { value: 0.35, unit: 'TB' as const },
      bandwidth: { value: 20, unit: 'MB/s' as const },
    };
    const a = run(start(), { type: 'estimates', inputs }, { type: 'check-estimates', now: T0 + 9 * MIN });
    expect(a.estimatesCheckedAtMs).toBe(9 * MIN);
    expect(a.estimateTries).toEqual([{ inputs, atMs: 9 * MIN }]);
    // Not locked after the first check: the candidate corrects the rate.
    const b = run(
      a,
      { type: 'estimates', inputs: { ...inputs, peakRps: 7000 } },
      { type: 'check-estimates', now: T0 + 10 * MIN },
    );
    expect(b.estimates.peakRps).toBe(7000);
    expect(b.estimatesCheckedAtMs).toBe(9 * MIN);
    expect(b.estimateTries.map((t) => t.inputs.peakRps)).toEqual([2300, 7000]);
    // Locked after the second.
    const c = attemptReducer(b, { type: 'estimates', inputs: { ...inputs, peakRps: 1 } });
    expect(c).toBe(b);
    expect(attemptReducer(b, { type: 'check-estimates', now: T0 + 11 * MIN })).toBe(b);
  });

  it('changes no more once finished', () => {
    const a = run(start(), {
      type: 'finish',
      now: T0 + 40 * MIN,
      review: { total: 50, items: [], passedTarget: false },
    });
    expect(a.finishedAt).toBe(T0 + 40 * MIN);
    expect(elapsedMs(a, T0 + 60 * MIN)).toBe(40 * MIN);
    expect(attemptReducer(a, { type: 'notes', text: 'late' })).toBe(a);
  });
});

describe('curveballs on the clock', () => {
  it('come due at their minute but arrive only once the candidate is designing', () => {
    const a = start();
    const first = problem.curveballs[0];
    expect(dueCurveballs(a, T0 + (first.atMinute + 1) * MIN)).toEqual([]);
    const designing = run(
      a,
      { type: 'go', phase: 'estimation', now: T0 },
      { type: 'go', phase: 'api', now: T0 },
      { type: 'go', phase: 'design', now: T0 },
    );
    expect(dueCurveballs(designing, T0 + (first.atMinute - 1) * MIN)).toEqual([]);
    expect(dueCurveballs(designing, T0 + (first.atMinute + 1) * MIN).map((c) => c.id)).toEqual([first.id]);
  });

  it('are delivered once, with what the model said at that moment', () => {
    const a = run(
      start(),
      { type: 'go', phase: 'estimation', now: T0 },
      { type: 'go', phase: 'api', now: T0 },
      { type: 'go', phase: 'design', now: T0 },
      { type: 'deliver', curveballId: problem.curveballs[0].id, now: T0 + 25 * MIN, snapshot },
      {
        type: 'deliver',
        curveballId: problem.curveballs[0].id,
        now: T0 + 26 * MIN,
        snapshot: { ...snapshot, outcome: 'failed' },
      },
    );
    const c = a.curveballs[0];
    expect(c.deliveredAtMs).toBe(25 * MIN);
    expect(c.atArrival?.outcome).toBe('held');
    expect(pendingCurveballs(a).map((x) => x.id)).toEqual([problem.curveballs[1].id]);
  });
});

describe('checking the estimates', () => {
  const estimating = () => run(start(), { type: 'go', phase: 'estimation', now: T0 });
  it('refuses to lock a figure that cannot be judged, and locks once it is fixed or emptied', () => {
    const bad = run(estimating(), {
      type: 'estimates',
      inputs: { peakRps: 7000, storage: { value: -5, unit: 'TB' }, bandwidth: { value: null, unit: 'Gbit/s' } },
    });
    const refused = attemptReducer(bad, { type: 'check-estimates', now: T0 + MIN });
    expect(refused.estimatesCheckedAtMs).toBeNull();
    expect(refused.estimates.storage.value).toBe(-5);
    const emptied = run(
      bad,
      {
        type: 'estimates',
        inputs: { peakRps: 7000, storage: { value: null, unit: 'TB' }, bandwidth: { value: null, unit: 'Gbit/s' } },
      },
      { type: 'check-estimates', now: T0 + MIN },
    );
    expect(emptied.estimatesCheckedAtMs).toBe(MIN);
  });
});

describe('leaving the design with curveballs to come', () => {
  const [first, second] = problem.curveballs;
  const designing = () =>
    run(
      start(),
      { type: 'go', phase: 'estimation', now: T0 },
      { type: 'go', phase: 'api', now: T0 },
      { type: 'go', phase: 'design', now: T0 },
    );
  const deliverBoth = (a: Attempt) =>
    run(
      a,
      { type: 'deliver', curveballId: first.id, now: T0 + 10 * MIN, snapshot },
      { type: 'deliver', curveballId: second.id, now: T0 + 10 * MIN, snapshot },
    );

  it('stays in the design until every curveball has arrived and been read', () => {
    const a = designing();
    expect(mayLeaveDesign(a)).toBe(false);
    expect(run(a, { type: 'go', phase: 'deepdive', now: T0 + 10 * MIN }).phase).toBe('design');
    const both = deliverBoth(a);
    // Both arrive at once; they are shown one at a time, in the order they came due.
    expect(unseenCurveballs(both).map((c) => c.id)).toEqual([first.id, second.id]);
    const oneRead = run(both, { type: 'seen', curveballId: first.id });
    expect(unseenCurveballs(oneRead).map((c) => c.id)).toEqual([second.id]);
    expect(run(oneRead, { type: 'go', phase: 'deepdive', now: T0 + 11 * MIN }).phase).toBe('design');
    const bothRead = run(oneRead, { type: 'seen', curveballId: second.id });
    expect(mayLeaveDesign(bothRead)).toBe(true);
    expect(run(bothRead, { type: 'go', phase: 'deepdive', now: T0 + 11 * MIN }).phase).toBe('deepdive');
  });

  it('cannot mark a curveball read before it has arrived', () => {
    const a = run(
      designing(),
      { type: 'deliver', curveballId: first.id, now: T0 + 10 * MIN, snapshot },
      { type: 'seen', curveballId: first.id },
      { type: 'seen', curveballId: second.id },
    );
    expect(a.curveballs.map((c) => [c.id, c.seen])).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect(pendingCurveballs(a).map((c) => c.id)).toEqual([second.id]);
  });

  it('still lets the candidate go back to earlier phases', () => {
    expect(run(designing(), { type: 'go', phase: 'estimation', now: T0 }).phase).toBe('estimation');
  });
});

describe('stored attempts', () => {
  it('survive a JSON round trip, infinite latencies included', () => {
    const a = run(
      start(),
      { type: 'go', phase: 'estimation', now: T0 },
      { type: 'go', phase: 'api', now: T0 },
      { type: 'go', phase: 'design', now: T0 },
      {
        type: 'deliver',
        curveballId: problem.curveballs[0].id,
        now: T0 + 25 * MIN,
        snapshot: { ...snapshot, outcome: 'failed', p95ReadMs: Infinity },
      },
    );
    const back = parseAttempt(JSON.parse(JSON.stringify(a)))!;
    expect(back.curveballs[0].atArrival?.p95ReadMs).toBe(Infinity);
    expect({ ...back, curveballs: [] }).toEqual({ ...a, curveballs: [] });
  });

  it('reject documents that are not attempts', () => {
    expect(parseAttempt({ version: 2 })).toBeNull();
    expect(parseAttempt({ ...start(), phase: 'lunch' })).toBeNull();
  });
});
