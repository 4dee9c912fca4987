import { describe, expect, it } from 'vitest';
import { candidateProblem } from '@/lib/interview/candidate-view';
import { PROBLEMS } from '@/lib/interview/problems';
import { SAMPLE_SCENARIOS } from '@/lib/classroom/scenarios/sample-definitions';
import { scenarioConfigSchema } from '@/lib/classroom/scenarios/schema';
import type { Design } from '@/lib/engine/data';
import { underJudge } from '../scoring';
import { runEngineRequest, type EvaluateAnswer } from '../scoring-engine';
import { interviewJudge, scenarioJudge } from './specs';

/** The live evaluation the scoring worker makes under a judge, with its verdict. */
function live(design: Design, judge: ReturnType<typeof interviewJudge> | ReturnType<typeof scenarioJudge>): EvaluateAnswer {
  const r = runEngineRequest({ type: 'evaluate', design: underJudge(design, judge), users: judge.users, judge });
  if (!r.ok) throw new Error(r.message);
  return r.value as EvaluateAnswer;
}

describe('the results panel and the verdict agree', () => {
  it('in the interview: the panel evaluates at the problem’s workload, whatever the design’s own', () => {
    for (const full of PROBLEMS.slice(0, 4)) {
      const problem = candidateProblem(full);
      const design: Design = { ...full.reference.design, workload: { users: 1_000, readRatio: 0.5 } };
      const judge = interviewJudge(problem, { curveballs: [] });
      const { evaluation, verdict } = live(design, judge);
      expect(verdict?.kind).toBe('interview');
      const target = verdict?.kind === 'interview' ? verdict.target.evaluation! : null;
      expect(evaluation.users).toBe(full.workload.users);
      expect(evaluation.endToEnd).toEqual(target!.endToEnd);
      expect(evaluation.bottleneck).toEqual(target!.bottleneck);
      for (const [id, n] of Object.entries(target!.nodes)) expect(evaluation.nodes[id].utilization).toBe(n.utilization);
    }
  });

  it('in a scenario: the cards’ utilisation is the judge’s, at the largest target', () => {
    const c = scenarioConfigSchema.parse(SAMPLE_SCENARIOS[0].scenario.config);
    const judge = scenarioJudge({ targets: c.targets, slo: c.slo, workload: c.workload });
    const design = c.referenceDesign!;
    const { evaluation, verdict } = live(design, judge);
    expect(evaluation.users).toBe(250_000);
    const nodes = verdict?.kind === 'scenario' ? verdict.nodes! : {};
    for (const [id, n] of Object.entries(nodes)) expect(evaluation.nodes[id].utilization).toBe(n.utilization);
  });

  it('a judge without a workload leaves the design as it is', () => {
    const design: Design = { schemaVersion: 1, nodes: [], edges: [], workload: { users: 5 } };
    expect(underJudge(design, null)).toBe(design);
    expect(underJudge(design, { kind: 'stage', stage: 2 })).toBe(design);
  });
});
