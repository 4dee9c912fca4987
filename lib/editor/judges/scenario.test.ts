import { describe, expect, it } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { bandOf } from '@/lib/editor/results';
import type { EditorResults } from '@/lib/editor/types';
import { evaluateDesign } from '@/lib/classroom/scenarios/engine';
import { gradeDesign } from '@/lib/classroom/scenarios/grading';
import { SAMPLE_SCENARIOS } from '@/lib/classroom/scenarios/sample-definitions';
import { resolveTargets, scenarioConfigSchema } from '@/lib/classroom/scenarios/schema';
import { judgeScenario, type ScenarioGradingSpec } from './scenario';
import { largestTargetUsers, scenarioWorkload } from './specs';

/** What components/scenarios/student-workspace.tsx computed on the main thread on every change before the judge. */
function mainThreadGrade(design: Design, grading: ScenarioGradingSpec) {
  const grade = gradeDesign(design, grading, evaluateDesign);
  const biggest = Math.max(...resolveTargets(grading).map((t) => t.users));
  let nodes: EditorResults['nodes'] | null;
  try {
    const r = evaluateDesign({ ...design, workload: undefined }, { ...grading.workload, users: biggest }, { stages: false });
    nodes = Object.fromEntries(Object.entries(r.nodes).map(([id, n]) => [id, { utilization: n.utilization, band: bandOf(n.utilization) }]));
  } catch {
    nodes = null;
  }
  return { grade, nodes };
}

/** `PublicScenario.grading` as the API gives it for a sample. */
function gradingOf(config: unknown): ScenarioGradingSpec {
  const c = scenarioConfigSchema.parse(config);
  return { targets: c.targets, slo: c.slo, workload: c.workload };
}

describe('the scenario judge', () => {
  for (const sample of SAMPLE_SCENARIOS) {
    const grading = gradingOf(sample.scenario.config);
    const designs: [string, Design][] = [
      ['reference', sample.scenario.config.referenceDesign as Design],
      ['start', sample.scenario.config.startingDesign as Design],
      ...sample.demoSubmissions.map((d): [string, Design] => [d.displayName, d.design]),
    ];
    for (const [name, design] of designs) {
      it(`grades the ${name} design of ${sample.slug} as the main thread did`, () => {
        const verdict = judgeScenario(design, { kind: 'scenario', scenario: grading });
        expect(verdict).toEqual({ kind: 'scenario', ...mainThreadGrade(design, grading) });
        expect(structuredClone(verdict)).toEqual(verdict);
      });
    }
  }

  it('scores the canvas at the largest target, under the scenario’s workload', () => {
    const grading = gradingOf(SAMPLE_SCENARIOS[0].scenario.config);
    expect(largestTargetUsers(grading)).toBe(250_000);
    expect(scenarioWorkload(grading)).toEqual({ readRatio: 0.97, staticShare: 0.6, users: 250_000 });
    const stage = gradingOf(SAMPLE_SCENARIOS[1].scenario.config);
    expect(scenarioWorkload(stage).users).toBe(resolveTargets(stage)[0].users);
  });

  it('keeps the grade and drops the colours when the engine refuses the design', () => {
    const grading = gradingOf(SAMPLE_SCENARIOS[0].scenario.config);
    const broken: Design = { schemaVersion: 1, nodes: [{ id: 'u', kind: 'users' }], edges: [{ id: 'e', source: 'u', target: 'missing' }] };
    const verdict = judgeScenario(broken, { kind: 'scenario', scenario: grading });
    expect(verdict).toEqual({ kind: 'scenario', ...mainThreadGrade(broken, grading) });
    expect(verdict.nodes).toBeNull();
    expect(verdict.grade.passed).toBe(false);
  });
});
