/** Attempts built for tests: the ideal answer to a problem, and an empty one. */
import { createAttempt, type Attempt } from './attempt';
import { idealApi } from './api-ideal';
import { modelFigures } from './estimation';
import { problemWorkload, runModel } from './model';
import { designFigures } from './tradeoff-judge';
import { deepDiveQuestions, deepDiveTruth } from './deep-dive';
import type { Problem } from './schema';
import { formatPercent } from '@/lib/shared/format';

/** An in-memory Storage for the persistence tests. */
export { MemoryStorage } from '@/lib/testing/test-storage';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * Trade-offs a strong candidate writes about a design: one sentence per busy
 * component, naming it and quoting the model's rate and utilisation for it.
 */
export function groundedTradeoffs(problem: Problem, design: Attempt['design'], count = 5): string {
  const run = runModel(design, problemWorkload(problem));
  if (!run.ok) return '';
  const figures = designFigures(design, run.evaluation);
  const lines: string[] = [];
  for (const n of design.nodes) {
    const rps = figures.find((f) => f.id === `${n.id}:rps`);
    const util = figures.find((f) => f.id === `${n.id}:util`);
    if (!rps || !util || lines.length >= count) continue;
    lines.push(
      `The ${n.label ?? n.kind} takes ${Math.round(rps.value).toLocaleString('en-US')} rps at peak, so it runs at ${formatPercent(util.value)} and keeps headroom for growth.`,
    );
  }
  return lines.join('\n');
}

/** Everything right: every question asked, every requirement confirmed, exact estimates, the complete entities and API, the reference design, every curveball read, the deep dive exact, grounded trade-offs. */
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
    questionLog: problem.questions.map((q, i) => ({
      text: q.question,
      atMs: 60_000 + i * 10_000,
      outcome: 'answered' as const,
      answers: [{ questionId: q.id, question: q.question, answer: q.answer, reveals: [] }],
    })),
    inScope: problem.requirements.map((r) => r.id),
    estimates,
    estimatesCheckedAtMs: 8 * 60_000,
    estimateTries: [{ inputs: estimates, atMs: 8 * 60_000 }],
    api: idealApi(problem),
    design: problem.reference.design,
    curveballs: emptyAttempt(problem).curveballs,
    deepDive: exactDeepDive(problem, problem.reference.design),
    tradeoffs: `${groundedTradeoffs(problem, problem.reference.design)}\n${filler}`,
  };
}

/** The deep dive on a design answered with the engine's own figures, handed in. */
export function exactDeepDive(problem: Problem, design: Attempt['design']): Attempt['deepDive'] {
  const questions = deepDiveQuestions(problem, design);
  return {
    questions,
    answers: questions.map((q) => deepDiveTruth(problem, design, q).value),
    submittedAtMs: 30 * 60_000,
  };
}

/** Nothing done: the starting canvas, no notes, no estimates, no trade-offs (the curveballs arrived and were read, as they are before any mock can finish). */
export function emptyAttempt(problem: Problem): Attempt {
  const a = createAttempt(problem, { mode: 'blind', minutes: 45, now: T0, id: `empty-${problem.id}` });
  return { ...a, curveballs: a.curveballs.map((c) => ({ ...c, deliveredAtMs: c.dueMs, seen: true })) };
}
