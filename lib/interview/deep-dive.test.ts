import { describe, expect, it } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { attemptReducer, createAttempt } from './attempt';
import { deepDiveCredit, deepDiveQuestions, deepDiveTruth, judgeDeepDive } from './deep-dive';
import { problemWorkload, runModel } from './model';
import { PROBLEMS, getProblem } from './problems';
import { reviewAttempt } from './scoring';
import { exactDeepDive, idealAttempt } from './test-helpers';

const pastebin = getProblem('pastebin')!;
const reference = pastebin.reference.design;

/** The model's figure for one node of a design at the problem's load. */
function arrival(design: Design, id: string): number {
  const run = runModel(design, problemWorkload(pastebin));
  if (!run.ok) throw new Error(run.error);
  return run.evaluation.nodes[id].arrivalRps.total;
}

describe('deep-dive questions from the candidate’s own design', () => {
  it('asks about what the design has: its cache, its replicas, then its busiest tier', () => {
    const qs = deepDiveQuestions(pastebin, reference);
    expect(qs.map((q) => q.kind)).toEqual(['cache-hit', 'lose-replica', 'double-peak']);
    expect(qs[0].prompt).toMatch(/Paste cache’s hit ratio falls to 50%.*reaches Paste database/);
  });

  it('asks nothing about parts the design lacks, and nothing of an empty canvas', () => {
    const noCache: Design = {
      ...reference,
      nodes: reference.nodes.filter((n) => n.kind !== 'cache'),
      edges: reference.edges.filter((e) => e.source !== 'cache' && e.target !== 'cache'),
    };
    // Route the app straight to the stores the cache sat in front of.
    noCache.edges = [...noCache.edges, { id: 'app-db', source: 'app', target: 'db' }];
    expect(deepDiveQuestions(pastebin, noCache).map((q) => q.kind)).not.toContain('cache-hit');
    const blank = createAttempt(pastebin, { mode: 'blind', minutes: 45, now: 0 }).design;
    expect(deepDiveQuestions(pastebin, blank)).toEqual([]);
  });

  it('asks two or three questions on every reference design', () => {
    for (const p of PROBLEMS) {
      const n = deepDiveQuestions(p, p.reference.design).length;
      expect(n, p.id).toBeGreaterThanOrEqual(2);
      expect(n, p.id).toBeLessThanOrEqual(3);
    }
  });

  it('answers the cache question by re-evaluating the design with the hit ratio at 50%', () => {
    const q = deepDiveQuestions(pastebin, reference).find((x) => x.kind === 'cache-hit')!;
    const truth = deepDiveTruth(pastebin, reference, q);
    const colder: Design = {
      ...reference,
      nodes: reference.nodes.map((n) => (n.kind === 'cache' ? { ...n, params: { ...n.params, hitRatio: 0.5 } } : n)),
    };
    expect(truth.value).toBeCloseTo(arrival(colder, q.targetId), 6);
    expect(truth.before).toBeCloseTo(arrival(reference, q.targetId), 6);
    // Misses go from 10% to 50% of the reads: the database sees several times the load.
    expect(truth.value! / truth.before!).toBeGreaterThan(2);
  });

  it('answers the replica question with the load per remaining instance', () => {
    const q = deepDiveQuestions(pastebin, reference).find((x) => x.kind === 'lose-replica')!;
    const truth = deepDiveTruth(pastebin, reference, q);
    const one: Design = {
      ...reference,
      nodes: reference.nodes.map((n) => (n.id === q.nodeId ? { ...n, params: { ...n.params, instances: 1 } } : n)),
    };
    expect(truth.value).toBeCloseTo(arrival(one, q.targetId), 6);
    expect(truth.why).toMatch(/over 1 instance \(was .* req\/s over 2\)/);
  });

  it('gives full credit within 15%, half within 40%, none beyond (wider at mid)', () => {
    const q = { unit: 'rps' as const };
    expect(deepDiveCredit(q, 1100, 1000, 'senior')).toBe(1);
    expect(deepDiveCredit(q, 1300, 1000, 'senior')).toBe(0.5);
    expect(deepDiveCredit(q, 1500, 1000, 'senior')).toBe(0);
    expect(deepDiveCredit(q, 1500, 1000, 'mid')).toBe(0.5);
    expect(deepDiveCredit({ unit: '%' }, 74, 70, 'senior')).toBe(1);
  });

  it('scores the exact answers full, wrong ones part or none, and explains with the engine’s numbers', () => {
    const ideal = idealAttempt(pastebin);
    const full = reviewAttempt(pastebin, ideal).items.find((i) => i.id === 'deepdive')!;
    expect(full.score).toBe(full.max);
    const exact = exactDeepDive(pastebin, reference);
    const off = { ...exact, answers: exact.answers.map((x, i) => (i === 0 ? x! * 1.3 : i === 1 ? x! * 3 : x)) };
    const item = reviewAttempt(pastebin, { ...ideal, deepDive: off }).items.find((i) => i.id === 'deepdive')!;
    expect(item.score).toBeCloseTo((full.max * (0.5 + 0 + 1)) / 3, 1);
    expect(item.details[0]).toMatch(
      /the model: [\d,]+ req\/s \(Paste database goes from [\d,]+ req\/s to [\d,]+ req\/s: every miss passes through to it\)/,
    );
    const none = reviewAttempt(pastebin, { ...ideal, deepDive: { ...exact, answers: [null, null, null] } });
    expect(none.items.find((i) => i.id === 'deepdive')!.score).toBe(0);
  });

  it('judges against the final design: a component removed since scores nothing, with the reason', () => {
    const exact = exactDeepDive(pastebin, reference);
    const withoutReplicas: Design = {
      ...reference,
      nodes: reference.nodes.filter((n) => n.kind !== 'read-replica'),
      edges: reference.edges.filter((e) => e.source !== 'replicas' && e.target !== 'replicas'),
    };
    const r = judgeDeepDive(pastebin, withoutReplicas, exact, 'senior');
    expect(r[1].verdict).toBe('not judged');
    expect(r[1].truth.why).toMatch(/no longer in your design/);
  });

  it('freezes the questions when first asked and locks the answers when handed in', () => {
    const qs = deepDiveQuestions(pastebin, reference);
    let a = createAttempt(pastebin, { mode: 'blind', minutes: 45, now: 0 });
    a = attemptReducer(a, { type: 'deepdive-questions', questions: qs });
    a = attemptReducer(a, { type: 'deepdive-questions', questions: qs.slice(0, 1) });
    expect(a.deepDive.questions).toHaveLength(qs.length);
    a = attemptReducer(a, { type: 'deepdive-answer', index: 0, value: 1234 });
    a = attemptReducer(a, { type: 'deepdive-submit', now: 1000 });
    a = attemptReducer(a, { type: 'deepdive-answer', index: 0, value: 99 });
    expect(a.deepDive.answers[0]).toBe(1234);
  });
});
