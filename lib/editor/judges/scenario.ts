/**
 * The scenario's judge: the grade a student's design gets against the
 * scenario (lib/classroom/scenarios/grading.ts, the code the server stores grades
 * with) and the per-component utilisation at the scenario's largest target,
 * computed in the scoring worker (lib/editor/judge.ts) instead of on the
 * student page's main thread.
 *
 * Imports the engine: run it in the worker. Components import only its types.
 */
import type { Design } from '@/lib/engine/data';
import { bandOf } from '@/lib/editor/results';
import type { NodeResult } from '@/lib/editor/types';
import { evaluateDesign } from '@/lib/classroom/scenarios/engine';
import { gradeDesign, type ScenarioGrade } from '@/lib/classroom/scenarios/grading';
import type { ScenarioConfig } from '@/lib/classroom/scenarios/schema';
import { scenarioWorkload } from './specs';

/** What grading needs of a scenario (`PublicScenario.grading`). */
export type ScenarioGradingSpec = Pick<ScenarioConfig, 'targets' | 'slo' | 'workload'>;

export interface ScenarioJudge {
  kind: 'scenario';
  scenario: ScenarioGradingSpec;
}

export interface ScenarioVerdict {
  kind: 'scenario';
  grade: ScenarioGrade;
  /** Per-component utilisation at the largest target's users; null when the engine refused the design. */
  nodes: Record<string, NodeResult> | null;
}

export function judgeScenario(design: Design, judge: ScenarioJudge): ScenarioVerdict {
  const grade = gradeDesign(design, judge.scenario, evaluateDesign);
  let nodes: ScenarioVerdict['nodes'];
  try {
    const r = evaluateDesign({ ...design, workload: undefined }, scenarioWorkload(judge.scenario), { stages: false });
    nodes = Object.fromEntries(
      Object.entries(r.nodes).map(([id, n]) => [id, { utilization: n.utilization, band: bandOf(n.utilization) }]),
    );
  } catch {
    nodes = null;
  }
  return { kind: 'scenario', grade, nodes };
}
