/** Attempts built for tests: the ideal answer to a problem, and an empty one. */
import { createAttempt, type Attempt } from './attempt';
import { idealApi } from './api-ideal';
import { modelFigures } from './estimation';
import { problemWorkload } from './model';
import type { Problem } from './schema';

/** An in-memory Storage for the persistence tests. */
export { MemoryStorage } from '@/lib/test-storage';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Everything right: notes name every requirement, all questions asked, exact estimates, the complete entities and API, the reference design, every curveball read, every trade-off topic. */
export function idealAttempt(problem: Problem): Attempt {
  const a = createAttempt(problem, { mode: 'blind', minutes: 45, now: T0, id: `ideal-${problem.id}` });
  const f = modelFigures(problemWorkload(problem));
  const estimates: Attempt['estimates'] = {
    peakRps: f.peakRps,
    storage: { value: f.storageGB, unit: 'GB' },
    bandwidth: { value: f.bandwidthMBps, unit: 'MB/s' },
  };
  const filler =
    'We chose this because the load and the budget call for it, and we would revisit the choice as traffic grows.';
  return {
    ...a,
    notes: problem.requirements.map((r) => `- ${r.keywords[0]}`).join('\n'),
    asked: problem.questions.map((q, i) => ({ id: q.id, atMs: 60_000 + i * 10_000 })),
    estimates,
    estimatesCheckedAtMs: 8 * 60_000,
    estimateTries: [{ inputs: estimates, atMs: 8 * 60_000 }],
    api: idealApi(problem),
    design: problem.reference.design,
    curveballs: emptyAttempt(problem).curveballs,
    tradeoffs: `${problem.rubric.tradeoffTopics.map((t) => `On ${t.keywords[0]}: ${filler}`).join('\n')}`,
  };
}

/** Nothing done: the starting canvas, no notes, no estimates, no trade-offs (the curveballs arrived and were read, as they are before any mock can finish). */
export function emptyAttempt(problem: Problem): Attempt {
  const a = createAttempt(problem, { mode: 'blind', minutes: 45, now: T0, id: `empty-${problem.id}` });
  return { ...a, curveballs: a.curveballs.map((c) => ({ ...c, deliveredAtMs: c.dueMs, seen: true })) };
}
