/**
 * The deep dive: after the design, the interviewer probes the candidate's
 * own design with "what happens if" questions answered with a number, and
 * the engine checks the number by re-evaluating a transformed copy of the
 * design. The transformations are the curveballs' (curveballs.ts
 * `applyEffect`) and the sandbox's what-ifs (lib/engine/what-if.ts
 * `applyWhatIf`); none is new here.
 *
 * Questions are chosen from what the design has, in this order, two or
 * three per attempt:
 *   cache            its hit ratio falls to 50% (25% if it is already at or
 *                    below 50%): the peak load reaching the busiest data
 *                    store behind it, rps            (params effect);
 *   read replicas    one instance of a replica tier of two or more fails:
 *                    the load on each remaining instance, rps
 *                                                    (what-if fail-instance);
 *   workers          half of a single worker tier is lost: the remaining
 *                    workers' utilisation, %         (params effect);
 *   any tier         (when fewer than two so far) one instance of the
 *                    busiest self-run tier of two or more fails: the
 *                    rest's utilisation, %           (what-if fail-instance);
 *   app tier         an availability zone fails (every self-run tier keeps
 *                    half its instances): the busiest app tier's
 *                    utilisation, %                  (zone-down effect);
 *   busiest tier     peak traffic doubles: the peak load reaching the
 *                    busiest component not asked about yet (past the
 *                    edge), rps                      (workload effect),
 *                    to make up three.
 *
 * A question names components by their label and is frozen when the
 * candidate first reaches the phase; the answer is judged against the final
 * design (re-evaluated the same way), so a component removed afterwards
 * scores nothing, with the reason. Credit: within 15% of the engine's
 * figure full, within 40% half (mid level: 25% and 60%); a utilisation
 * within 5 (or 15) percentage points counts as within the band too.
 */
import { CATALOG, type Evaluation, type Kind, type Design } from '@/lib/engine/data';
import { applyWhatIf } from '@/lib/engine';
import { z } from 'zod';
import { applyEffect, type Scenario } from './curveballs';
import type { Level } from './levels';
import { labelOf, problemWorkload, runModel } from './model';
import type { Effect, Problem } from './schema';
import { formatPercent, formatRps, formatUtilization } from '@/lib/shared/format';

export const DEEP_DIVE_KINDS = [
  'cache-hit',
  'lose-replica',
  'half-workers',
  'zone-app',
  'lose-instance',
  'double-peak',
] as const;
export type DeepDiveKind = (typeof DEEP_DIVE_KINDS)[number];

export const deepDiveQuestionSchema = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(DEEP_DIVE_KINDS),
  /** The component the change is made to. */
  nodeId: z.string().max(200),
  /** The component whose figure is asked for. */
  targetId: z.string().max(200),
  /** Hit ratio the cache falls to (cache-hit), or instances left (half-workers). */
  value: z.number().optional(),
  unit: z.enum(['rps', '%']),
  prompt: z.string().max(1000),
});
export type DeepDiveQuestion = z.infer<typeof deepDiveQuestionSchema>;

export const deepDiveStateSchema = z.object({
  questions: z.array(deepDiveQuestionSchema).max(5),
  answers: z.array(z.number().nullable()).max(5),
  /** When the answers were handed in (elapsed ms); null until then. They lock then. */
  submittedAtMs: z.number().nullable(),
});
export type DeepDiveState = z.infer<typeof deepDiveStateSchema>;
export const EMPTY_DEEP_DIVE: DeepDiveState = { questions: [], answers: [], submittedAtMs: null };

export const MAX_DEEP_DIVE_QUESTIONS = 3;

const DATA: ReadonlySet<Kind> = new Set<Kind>(['database', 'read-replica', 'nosql']);
const APP: ReadonlySet<Kind> = new Set<Kind>(['app-server', 'server', 'service']);
const EDGE: ReadonlySet<Kind> = new Set<Kind>(['dns', 'cdn', 'load-balancer', 'api-gateway']);

const carries = (e: Evaluation, id: string) => (e.nodes[id]?.arrivalRps.total ?? 0) > 0;
const busiest = (design: Design, e: Evaluation, kinds: ReadonlySet<Kind>) =>
  design.nodes
    .filter((n) => kinds.has(n.kind) && carries(e, n.id))
    .sort((a, b) => e.nodes[b.id].arrivalRps.total - e.nodes[a.id].arrivalRps.total)[0] ?? null;
const instancesOf = (n: Design['nodes'][number]) =>
  n.params?.instances ?? CATALOG[n.kind].defaults.instances?.value ?? 1;

/** Questions for a design, from what it has (see the module comment); empty when it carries nothing. */
export function deepDiveQuestions(problem: Pick<Problem, 'workload'>, design: Design): DeepDiveQuestion[] {
  const run = runModel(design, problemWorkload(problem));
  if (!run.ok) return [];
  const e = run.evaluation;
  const out: DeepDiveQuestion[] = [];
  const L = (id: string) => labelOf(design, id);

  const cache = busiest(design, e, new Set<Kind>(['cache']));
  const store = busiest(design, e, DATA);
  if (cache && store) {
    const hit = cache.params?.hitRatio ?? CATALOG.cache.defaults.hitRatio?.value ?? 0.8;
    const value = hit > 0.5 ? 0.5 : 0.25;
    out.push({
      id: 'cache-hit',
      kind: 'cache-hit',
      nodeId: cache.id,
      targetId: store.id,
      value,
      unit: 'rps',
      prompt: `Your ${L(cache.id)}’s hit ratio falls to ${formatPercent(value)} (a cold start, or keys that stopped repeating). What peak load, in requests per second, reaches ${L(store.id)}?`,
    });
  }
  const replica = design.nodes
    .filter((n) => n.kind === 'read-replica' && carries(e, n.id) && !n.params?.autoscale && instancesOf(n) >= 2)
    .sort((a, b) => e.nodes[b.id].arrivalRps.total - e.nodes[a.id].arrivalRps.total)[0];
  if (replica) {
    out.push({
      id: 'lose-replica',
      kind: 'lose-replica',
      nodeId: replica.id,
      targetId: replica.id,
      unit: 'rps',
      prompt: `One of the ${instancesOf(replica)} instances of ${L(replica.id)} fails. What peak load, in requests per second, does each remaining instance take?`,
    });
  }
  const workers = design.nodes.filter((n) => n.kind === 'worker' && carries(e, n.id));
  if (workers.length === 1 && !workers[0].params?.autoscale && instancesOf(workers[0]) >= 2) {
    const w = workers[0];
    const left = Math.floor(instancesOf(w) / 2);
    out.push({
      id: 'half-workers',
      kind: 'half-workers',
      nodeId: w.id,
      targetId: w.id,
      value: left,
      unit: '%',
      prompt: `Half of ${L(w.id)} is lost: ${instancesOf(w)} instances become ${left}. At what utilisation, in percent, do the remaining workers run at peak?`,
    });
  }
  const app = busiest(design, e, APP);
  if (app && out.length < MAX_DEEP_DIVE_QUESTIONS && !app.params?.autoscale && instancesOf(app) >= 2) {
    out.push({
      id: 'zone-app',
      kind: 'zone-app',
      nodeId: app.id,
      targetId: app.id,
      unit: '%',
      prompt: `An availability zone fails: every tier you run yourself keeps half its instances (managed and autoscaled ones are unhurt). At what utilisation, in percent, does ${L(app.id)} run at peak?`,
    });
  }
  if (out.length < 2) {
    const asked = new Set(out.map((q) => q.targetId));
    const tier = design.nodes
      .filter(
        (n) =>
          n.kind !== 'users' &&
          !EDGE.has(n.kind) &&
          !CATALOG[n.kind].managed &&
          carries(e, n.id) &&
          !asked.has(n.id) &&
          !n.params?.autoscale &&
          instancesOf(n) >= 2,
      )
      .sort((a, b) => e.nodes[b.id].utilization - e.nodes[a.id].utilization)[0];
    if (tier)
      out.push({
        id: 'lose-instance',
        kind: 'lose-instance',
        nodeId: tier.id,
        targetId: tier.id,
        unit: '%',
        prompt: `One of the ${instancesOf(tier)} instances of ${L(tier.id)} fails. At what utilisation, in percent, do the remaining ones run at peak?`,
      });
  }
  if (out.length < MAX_DEEP_DIVE_QUESTIONS) {
    // The busiest component not asked about yet (the edge and DNS pass everything on: skip them when there is more).
    const asked = new Set(out.map((q) => q.targetId));
    const candidates = design.nodes
      .filter((n) => n.kind !== 'users' && carries(e, n.id) && !asked.has(n.id))
      .sort((a, b) => e.nodes[b.id].arrivalRps.total - e.nodes[a.id].arrivalRps.total);
    const top = candidates.find((n) => !EDGE.has(n.kind)) ?? candidates[0];
    if (top)
      out.push({
        id: 'double-peak',
        kind: 'double-peak',
        nodeId: top.id,
        targetId: top.id,
        unit: 'rps',
        prompt: `A launch doubles the peak traffic. What peak load, in requests per second, reaches ${L(top.id)}?`,
      });
  }
  return out.slice(0, MAX_DEEP_DIVE_QUESTIONS);
}

/** The transformed design and load a question asks about, made with the curveballs' and what-ifs' own transformations. */
function scenarioOf(problem: Pick<Problem, 'workload'>, design: Design, q: DeepDiveQuestion): Scenario {
  const base: Scenario = { design, workload: problemWorkload(problem), notes: [] };
  const effect = (x: Effect) => applyEffect(base, x);
  switch (q.kind) {
    case 'cache-hit':
      return effect({ type: 'params', kinds: ['cache'], set: { hitRatio: q.value ?? 0.5 } });
    case 'lose-replica':
    case 'lose-instance':
      return { ...base, design: applyWhatIf(design, { type: 'fail-instance', nodeId: q.nodeId }).design };
    case 'half-workers':
      return effect({ type: 'params', kinds: ['worker'], set: { instances: q.value ?? 1 } });
    case 'zone-app':
      return effect({ type: 'zone-down', fraction: 0.5 });
    case 'double-peak':
      return effect({ type: 'workload', multiply: { peakFactor: 2 } });
  }
}

export interface DeepDiveTruth {
  /** The engine's figure; null when the design no longer has what the question is about. */
  value: number | null;
  /** The same figure on the design as it is, for the explanation. */
  before: number | null;
  why: string;
}

function figureOf(q: DeepDiveQuestion, design: Design, e: Evaluation): number | null {
  const n = e.nodes[q.targetId];
  if (!n || !design.nodes.some((x) => x.id === q.targetId)) return null;
  if (q.unit === '%') return n.utilization * 100;
  if (q.kind === 'lose-replica') return n.arrivalRps.total / Math.max(1, n.instances);
  return n.arrivalRps.total;
}

const fmtValue = (q: Pick<DeepDiveQuestion, 'unit'>, x: number) =>
  q.unit === '%' ? formatUtilization(x / 100) : formatRps(x);

/** The engine's answer to a question on a design. */
export function deepDiveTruth(problem: Pick<Problem, 'workload'>, design: Design, q: DeepDiveQuestion): DeepDiveTruth {
  const needed = [q.nodeId, q.targetId];
  if (!needed.every((id) => design.nodes.some((n) => n.id === id)))
    return { value: null, before: null, why: 'the component it asks about is no longer in your design' };
  const base = runModel(design, problemWorkload(problem));
  const s = scenarioOf(problem, design, q);
  const after = runModel(s.design, s.workload);
  if (!base.ok || !after.ok) return { value: null, before: null, why: 'the model could not evaluate the design' };
  const before = figureOf(q, design, base.evaluation);
  const value = figureOf(q, s.design, after.evaluation);
  if (value === null) return { value, before, why: 'the change removes the component it asks about' };
  const n0 = base.evaluation.nodes[q.targetId];
  const n1 = after.evaluation.nodes[q.targetId];
  let why: string;
  switch (q.kind) {
    case 'cache-hit':
      why = `${labelOf(design, q.targetId)} goes from ${fmtValue(q, before ?? 0)} to ${fmtValue(q, value)}: every miss passes through to it`;
      break;
    case 'lose-replica':
      why = `${formatRps(n1.arrivalRps.total)} over ${n1.instances} instance${n1.instances === 1 ? '' : 's'} (was ${formatRps(n0.arrivalRps.total)} over ${n0.instances})`;
      break;
    case 'half-workers':
    case 'zone-app':
    case 'lose-instance':
      why = `${n1.instances} instance${n1.instances === 1 ? '' : 's'} carry ${formatRps(n1.arrivalRps.total)} at ${fmtValue(q, value)} (was ${fmtValue(q, before ?? 0)} on ${n0.instances})${n1.utilization >= 1 ? ': saturated' : ''}`;
      break;
    case 'double-peak':
      why = `${fmtValue(q, before ?? 0)} at today’s peak becomes ${fmtValue(q, value)}`;
      break;
  }
  return { value, before, why };
}

export interface DeepDiveResult {
  question: DeepDiveQuestion;
  answer: number | null;
  truth: DeepDiveTruth;
  credit: number;
  verdict: 'on target' | 'close' | 'off' | 'not answered' | 'not judged';
}

/** Full within the first band, half within the second (see the module comment). */
export function deepDiveCredit(q: Pick<DeepDiveQuestion, 'unit'>, answer: number, truth: number, level: Level): number {
  const [full, half] = level === 'mid' ? [0.25, 0.6] : [0.15, 0.4];
  const [fullPts, halfPts] = [5, 15];
  const off = Math.abs(answer - truth);
  const rel = truth > 0 ? off / truth : answer === 0 ? 0 : Infinity;
  if (rel <= full || (q.unit === '%' && off <= fullPts)) return 1;
  if (rel <= half || (q.unit === '%' && off <= halfPts)) return 0.5;
  return 0;
}

export function judgeDeepDive(
  problem: Pick<Problem, 'workload'>,
  design: Design,
  state: DeepDiveState,
  level: Level,
): DeepDiveResult[] {
  const questions = state.questions.length > 0 ? state.questions : deepDiveQuestions(problem, design);
  return questions.map((q, i) => {
    const answer = state.questions.length > 0 ? (state.answers[i] ?? null) : null;
    const truth = deepDiveTruth(problem, design, q);
    if (truth.value === null) return { question: q, answer, truth, credit: 0, verdict: 'not judged' as const };
    if (answer === null) return { question: q, answer, truth, credit: 0, verdict: 'not answered' as const };
    const credit = deepDiveCredit(q, answer, truth.value, level);
    return { question: q, answer, truth, credit, verdict: credit >= 1 ? 'on target' : credit > 0 ? 'close' : 'off' };
  });
}

export function formatDeepDiveValue(q: Pick<DeepDiveQuestion, 'unit'>, x: number): string {
  return fmtValue(q, x);
}
