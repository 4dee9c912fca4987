import { describe, expect, it } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { candidateProblem } from '@/lib/interview/candidate-view';
import { judgeCurveball, type CurveballResult } from '@/lib/interview/curveballs';
import { PROBLEMS } from '@/lib/interview/problems';
import type { Problem } from '@/lib/interview/schema';
import { checkTarget } from '@/lib/interview/target';
import { judgeInterview, type InterviewJudge } from './interview';

/** What components/interview/mock.tsx computed on the main thread on every change before the judge. */
function mainThreadLiveScore(problem: Problem, design: Design, delivered: readonly string[]) {
  const target = checkTarget(problem, design);
  const curveballs: Record<string, CurveballResult> = {};
  for (const id of delivered) curveballs[id] = judgeCurveball(problem, design, problem.curveballs.find((x) => x.id === id)!);
  return { target, curveballs };
}

const judgeOf = (problem: Problem, curveballIds: string[]): InterviewJudge => ({
  kind: 'interview',
  problemId: problem.id,
  problem,
  curveballIds,
});

/** The reference design with its busiest tier cut to one instance: something fails somewhere. */
function weakened(design: Design): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) => (n.params && 'instances' in n.params ? { ...n, params: { ...n.params, instances: 1 } } : n)),
  };
}

describe('the interview judge', () => {
  for (const full of PROBLEMS) {
    const problem = candidateProblem(full);
    it(`gives the main thread's live check on ${full.id}`, () => {
      const ids = problem.curveballs.map((c) => c.id);
      for (const design of [full.reference.design, weakened(full.reference.design)]) {
        const verdict = judgeInterview(design, judgeOf(problem, ids));
        expect(verdict).toEqual({ kind: 'interview', ...mainThreadLiveScore(problem, design, ids) });
        // It crosses the worker boundary unchanged.
        expect(structuredClone(verdict)).toEqual(verdict);
      }
    });
  }

  it('tells a passing design from a failing one (the comparison above covers both)', () => {
    const failing = PROBLEMS.filter((p) => !checkTarget(p, weakened(p.reference.design)).passed);
    expect(PROBLEMS.every((p) => checkTarget(p, p.reference.design).passed)).toBe(true);
    expect(failing.length).toBeGreaterThan(PROBLEMS.length / 2);
  });

  it('judges only the curveballs that have arrived', () => {
    const problem = candidateProblem(PROBLEMS[0]);
    const first = problem.curveballs[0].id;
    expect(Object.keys(judgeInterview(problem.reference.design, judgeOf(problem, [])).curveballs)).toEqual([]);
    expect(Object.keys(judgeInterview(full(problem), judgeOf(problem, [first])).curveballs)).toEqual([first]);
    expect(Object.keys(judgeInterview(full(problem), judgeOf(problem, ['no-such-curveball'])).curveballs)).toEqual([]);
  });

  it('says why when the model cannot evaluate the design', () => {
    const problem = candidateProblem(PROBLEMS[0]);
    const broken: Design = { schemaVersion: 1, nodes: [{ id: 'u', kind: 'users' }, { id: 'a', kind: 'app-server' }], edges: [{ id: 'e', source: 'u', target: 'missing' }] };
    const verdict = judgeInterview(broken, judgeOf(problem, [problem.curveballs[0].id]));
    expect(verdict).toEqual({ kind: 'interview', ...mainThreadLiveScore(problem, broken, [problem.curveballs[0].id]) });
    expect(verdict.target.passed).toBe(false);
    expect(verdict.target.evaluation).toBeNull();
  });
});

function full(problem: Problem): Design {
  return PROBLEMS.find((p) => p.id === problem.id)!.reference.design;
}
