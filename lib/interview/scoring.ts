/**
 * The review: a score and a specific sentence per rubric item, computed from
 * the attempt and the model. Pure and deterministic, so a finished attempt's
 * review can be recomputed exactly from what the history keeps.
 */
import type { Evaluation } from '@/lib/engine/evaluation';
import { isLessonId } from '@/lib/engine/lessons';
import type { Attempt, ReviewSnapshot } from './attempt';
import { judgeCurveball, type CurveballResult } from './curveballs';
import type { ApiJudgement } from './api-check';
import { apiItem } from './api-item';
import { RETRY_RULE, describeRatio, formatFigure, judgeTries, type TriedJudgement } from './estimation';
import { LEVEL_RUBRIC, levelWeights, overtimePenalty, overtimeRule, type Level } from './levels';
import { scaleLabel } from './format';
import { designCheckPasses, labelOf, problemWorkload } from './model';
import { DEFAULT_WEIGHTS, RUBRIC_ITEMS, type Problem, type Requirement, type RubricItemId } from './schema';
import { isStudyId, STUDY, type StudyId } from './study';
import { checkTarget, formatPercent, formatUsd, servesLoad, worstSaturated, type TargetResult } from './target';
import { mentionsAny, wordCount } from './text-match';
import { formatMs } from '@/lib/editor/scoring-format';

/** Fewer words than this in the trade-offs box cost marks, however many topics they touch. */
export const TRADEOFF_MIN_WORDS = 60;
/** Capacity: full marks up to this utilisation, none at 1 (as the stage score, MODEL.md §6); a level sets its own. */
export const COMFORT_UTILIZATION = LEVEL_RUBRIC.senior.comfortUtilization;
/** Share of the capacity item for latency (the rest is headroom). */
const LATENCY_SHARE = 0.3;

export interface RubricScore {
  /** `requirements`, `estimation`, `capacity`, `availability`, `cost`, `curveball:{id}`, `tradeoffs`. */
  id: string;
  label: string;
  score: number;
  max: number;
  /** One sentence on what happened and what to improve. */
  sentence: string;
  /** Supporting lines (what was missed, what a strong answer does). */
  details: string[];
  lessonId: StudyId | null;
}

export interface RequirementResult {
  requirement: Requirement;
  captured: boolean;
  /** Through a clarifying question (hidden requirements). */
  askedFor: boolean;
  /** Null when the requirement has no design check. */
  inDesign: boolean | null;
  /** The question that reveals it, for a hidden requirement that was missed. */
  revealedBy: string | null;
}

export interface StudyItem {
  lessonId: StudyId;
  title: string;
  reason: string;
}

export interface Review {
  total: number;
  items: RubricScore[];
  target: TargetResult;
  estimates: TriedJudgement[];
  /** The "Entities & API" step, judged; null for an attempt saved before that step. */
  api: ApiJudgement | null;
  requirements: RequirementResult[];
  curveballs: {
    curveballId: string;
    title: string;
    result: CurveballResult;
    atArrival: Attempt['curveballs'][number]['atArrival'];
  }[];
  tradeoffTopics: { id: string; label: string; hit: boolean }[];
  study: StudyItem[];
  /** One line for the top of the review. */
  headline: string;
  level: Level;
  /** Whether the attempt meets its level's bar, and what kept it from it. */
  bar: { score: number; met: boolean; missing: string[] };
  /** Minutes over the clock (rounded up) and the points they cost; 0 when on time or before the rule. */
  overtime: { minutes: number; penalty: number };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** A problem's weights at a level; without the "Entities & API" step (attempts saved before it) the others share its points. */
export function weightsOf(problem: Problem, level: Level = 'senior', withApi = true): Record<RubricItemId, number> {
  return levelWeights({ ...DEFAULT_WEIGHTS, ...problem.rubric.weights, ...(withApi ? {} : { api: 0 }) }, level);
}

function listWords(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Lower-cases a label's first word for use mid-sentence, leaving acronyms and names (CDN, WebSockets) alone. */
export function lowerFirst(label: string): string {
  const first = label.split(/[\s,:(]/)[0];
  if (first.length > 1 && first.slice(1) !== first.slice(1).toLowerCase()) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function quote(s: string): string {
  return `“${s.replace(/\.$/, '')}”`;
}

/* ---- Requirements ---- */

export function judgeRequirements(
  problem: Problem,
  attempt: Pick<Attempt, 'notes' | 'asked'>,
  e: Evaluation | null,
  design: Attempt['design'],
): RequirementResult[] {
  const asked = new Set(attempt.asked.map((q) => q.id));
  return problem.requirements.map((r) => {
    const revealing = problem.questions.filter((q) => q.reveals.includes(r.id));
    const askedFor = revealing.some((q) => asked.has(q.id));
    const captured = mentionsAny(attempt.notes, r.keywords) || askedFor;
    const inDesign = r.design ? (e ? designCheckPasses(r.design.check, design, e) : false) : null;
    return {
      requirement: r,
      captured,
      askedFor,
      inDesign,
      revealedBy: r.hidden ? (revealing[0]?.question ?? null) : null,
    };
  });
}

function requirementsItem(problem: Problem, results: RequirementResult[], max: number): RubricScore {
  let points = 0;
  for (const r of results) {
    if (r.inDesign === null) points += r.captured ? 1 : 0;
    else points += (r.captured ? 0.5 : 0) + (r.inDesign ? 0.5 : 0);
  }
  const share = results.length > 0 ? points / results.length : 1;
  const captured = results.filter((r) => r.captured).length;
  const missedHidden = results.filter((r) => !r.captured && r.requirement.hidden);
  const missedStated = results.filter((r) => !r.captured && !r.requirement.hidden);
  const notBuilt = results.filter((r) => r.inDesign === false);
  const details: string[] = [];
  // Notes are judged by words, not meaning: say which words count, so a requirement written another way is not a mystery.
  const lookedFor = (r: RequirementResult) =>
    ` (the notes were searched for words beginning ${listWords(r.requirement.keywords.slice(0, 4).map(quote), 'or')})`;
  for (const r of missedHidden)
    details.push(
      `Missed ${quote(r.requirement.text)}; asking ${quote(r.revealedBy ?? 'a clarifying question')} would have revealed it${lookedFor(r)}.`,
    );
  for (const r of missedStated) details.push(`Not in your notes: ${quote(r.requirement.text)}${lookedFor(r)}.`);
  for (const r of notBuilt)
    details.push(`Not in your design: ${quote(r.requirement.text)} — ${lowerFirst(r.requirement.design!.label)}.`);
  let sentence: string;
  if (share >= 0.999)
    sentence = `You captured all ${results.length} requirements, including the hidden ones, and your design addresses each.`;
  else {
    const parts = [`You captured ${captured} of ${results.length} requirements`];
    if (missedHidden.length > 0)
      parts.push(
        `${missedHidden.length} hidden one${missedHidden.length === 1 ? '' : 's'} needed a clarifying question you did not ask`,
      );
    if (notBuilt.length > 0)
      parts.push(`${notBuilt.length} ${notBuilt.length === 1 ? 'is' : 'are'} not reflected in the design`);
    sentence = `${parts.join('; ')}. Before drawing, write each requirement down and ask about scale, consistency and failure.`;
  }
  return {
    id: 'requirements',
    label: 'Requirements covered',
    score: round1(max * share),
    max,
    sentence,
    details,
    lessonId: null,
  };
}

/* ---- Estimation ---- */

function estimationItem(js: TriedJudgement[], checked: boolean, max: number): RubricScore {
  const credit = js.reduce((sum, j) => sum + j.credit, 0) / js.length;
  const details = js.map((j) => {
    const base = `${j.label}: ${j.yours === null ? 'not given' : formatFigure(j.id, j.yours)} against the model’s ${formatFigure(j.id, j.model)}`;
    const how = j.ratio === null || j.hint ? '' : ` (${describeRatio(j.ratio)})`;
    const before = j.first
      ? ` First try: ${j.first.yours === null ? 'not given' : formatFigure(j.id, j.first.yours)} (${j.first.verdict === 'on-target' ? 'on target' : j.first.verdict}); credit ${Math.round(j.credit * 100)}%.`
      : '';
    return `${base}${how}.${j.hint ? ` ${j.hint}` : ''}${before}`;
  });
  if (js.some((j) => j.first)) details.push(RETRY_RULE);
  let sentence: string;
  if (!checked && js.every((j) => j.yours === null))
    sentence =
      'You skipped the estimates. Size the load before the boxes: peak requests per second decides how many of everything you need.';
  else if (credit >= 0.999)
    sentence = 'All three estimates were on target at the first check: your sizing started from the right numbers.';
  else {
    const worst = [...js].sort(
      (a, b) => a.credit - b.credit || Math.abs(Math.log(b.ratio ?? 1e9)) - Math.abs(Math.log(a.ratio ?? 1e9)),
    )[0];
    const what =
      worst.yours === null
        ? `you gave no figure for ${lowerFirst(worst.label)}.`
        : (worst.hint ?? `${lowerFirst(worst.label)} was ${describeRatio(worst.ratio!)}.`);
    sentence = `${js.filter((j) => j.verdict === 'on-target').length} of 3 estimates were on target. ${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  }
  return {
    id: 'estimation',
    label: 'Estimation accuracy',
    score: round1(max * credit),
    max,
    sentence,
    details,
    lessonId: 'guide-estimation',
  };
}

/* ---- Capacity, availability, cost ---- */

function findingLesson(e: Evaluation, nodeId: string | null): StudyId | null {
  const f =
    e.findings.find((x) => x.nodeId === nodeId && (x.severity === 'error' || x.severity === 'warning')) ??
    e.findings.find((x) => x.severity === 'error');
  return f && isLessonId(f.lessonId) && isStudyId(f.lessonId) ? f.lessonId : null;
}

function capacityItem(
  problem: Problem,
  t: TargetResult,
  design: Attempt['design'],
  max: number,
  comfort = COMFORT_UTILIZATION,
): RubricScore {
  const e = t.evaluation;
  const users = scaleLabel(problem);
  if (!e)
    return {
      id: 'capacity',
      label: 'Capacity at target scale',
      score: 0,
      max,
      sentence: `The model could not evaluate the design: ${t.error}`,
      details: [],
      lessonId: 'guide-wiring',
    };
  const capacity = t.checks.find((c) => c.id === 'capacity')!;
  const p95 = e.endToEnd.latencyMs.read.p95;
  const slo = problem.slo.p95ReadMs;
  const rho = e.bottleneck.utilization;
  const headroom = !capacity.passed ? 0 : rho <= comfort ? 1 : clamp01((1 - rho) / (1 - comfort));
  const latency = !capacity.passed ? 0 : p95 <= slo ? 1 : clamp01(2 - p95 / slo);
  const share = (1 - LATENCY_SHARE) * headroom + LATENCY_SHARE * latency;
  const details: string[] = [];
  // The finding about the component that gives way first, then the others.
  const worstId = worstSaturated(e)?.[0] ?? null;
  const errors = e.findings
    .filter((f) => f.severity === 'error')
    .sort((a, b) => Number(b.nodeId === worstId) - Number(a.nodeId === worstId))
    .slice(0, 3);
  for (const f of errors) details.push(f.message);
  const peak = Math.round(e.offered.total).toLocaleString('en-US');
  let sentence: string;
  const bottleneck = labelOf(design, e.bottleneck.nodeId);
  if (design.nodes.length <= 1) {
    sentence =
      'The design has nothing to serve the traffic yet: connect the users to a load balancer, servers and a data store.';
  } else if (!capacity.passed) {
    const lead = `At ${users} (${peak} rps at peak) the design does not carry the load`;
    sentence =
      worstId && errors[0]?.nodeId === worstId
        ? `${lead}. ${errors[0].message}`
        : `${lead}: ${capacity.detail}. ${errors[0]?.message ?? ''}`.trim();
  } else if (headroom < 1) {
    sentence = `It carries ${peak} rps, but ${bottleneck} runs at ${Math.round(rho * 100)}%: above ${Math.round(comfort * 100)}% (the headroom this level expects) queues grow fast, so add instances there.`;
  } else if (latency < 1) {
    sentence = `It carries ${peak} rps with headroom, but p95 read latency is ${formatMs(p95)} against the ${slo} ms SLO: put a cache in front of the reads or cut a hop.`;
  } else {
    sentence = `It carries ${peak} rps at ${users} with headroom (busiest: ${bottleneck} at ${Math.round(rho * 100)}%) and p95 read ${formatMs(p95)} within the ${slo} ms SLO.`;
  }
  if (capacity.passed && rho < 0.2 && design.nodes.length > 1)
    details.push(`The busiest component is at only ${Math.round(rho * 100)}%: fewer instances would do and cost less.`);
  const lessonId =
    !capacity.passed || headroom < 1
      ? (findingLesson(e, e.bottleneck.nodeId) ?? 'guide-bottlenecks')
      : latency < 1
        ? 'guide-latency'
        : null;
  return {
    id: 'capacity',
    label: 'Capacity at target scale',
    score: round1(max * share),
    max,
    sentence,
    details,
    lessonId,
  };
}

/** Full at the SLO, none at ten times the allowed unavailability, linear in log10 between (as the stage score). */
export function availabilityCredit(a: number, slo: number): number {
  if (a >= slo) return 1;
  const allowed = 1 - slo;
  const actual = 1 - a;
  return clamp01(1 - Math.log10(actual / allowed));
}

function availabilityItem(problem: Problem, t: TargetResult, design: Attempt['design'], max: number): RubricScore {
  const e = t.evaluation;
  if (!e)
    return {
      id: 'availability',
      label: 'Availability',
      score: 0,
      max,
      sentence: 'The design could not be evaluated.',
      details: [],
      lessonId: 'guide-reliability',
    };
  const a = e.endToEnd.availability;
  const slo = problem.slo.availability;
  const credit = availabilityCredit(a, slo);
  const spofs = e.spofs.map((id) => labelOf(design, id));
  const minutes = (x: number) => Math.round((1 - x) * 365 * 24 * 60);
  const details: string[] = [];
  if (spofs.length > 0)
    details.push(`Single points of failure: ${listWords(spofs)}. Give each a second instance or a standby.`);
  if (e.endToEnd.errorRate > 0.001)
    details.push(
      `${formatPercent(e.endToEnd.errorRate, 1)} of requests fail under load, which counts against availability.`,
    );
  let sentence: string;
  if (credit >= 1)
    sentence = `Expected availability ${formatPercent(a, 3)} meets the ${formatPercent(slo)} target (about ${minutes(a)} minutes down a year).`;
  else {
    sentence = `Expected availability ${formatPercent(a, 3)} misses the ${formatPercent(slo)} target: about ${minutes(a).toLocaleString('en-US')} minutes down a year against ${minutes(slo).toLocaleString('en-US')} allowed.${
      spofs.length > 0
        ? ` Start with the single points of failure: ${listWords(spofs)}.`
        : ' Add redundancy to the weakest tier or monitoring to shorten repairs.'
    }`;
  }
  return {
    id: 'availability',
    label: 'Availability',
    score: round1(max * credit),
    max,
    sentence,
    details,
    lessonId:
      credit < 1
        ? spofs.length > 0 && e.spofs.some((id) => design.nodes.find((n) => n.id === id)?.kind === 'database')
          ? 'guide-replication'
          : 'guide-reliability'
        : null,
  };
}

function costItem(problem: Problem, t: TargetResult, design: Attempt['design'], max: number): RubricScore {
  const e = t.evaluation;
  if (!e)
    return {
      id: 'cost',
      label: 'Cost',
      score: 0,
      max,
      sentence: 'The design could not be evaluated.',
      details: [],
      lessonId: 'guide-cost',
    };
  const cost = e.endToEnd.monthlyCostUsd;
  const budget = problem.budgetUsd;
  const serves = servesLoad(design, e);
  const credit = !serves ? 0 : cost <= budget ? 1 : clamp01(2 - cost / budget);
  const top = Object.entries(e.cost.byNode)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .filter(([, v]) => v > 0);
  const egress = e.cost.internetEgressUsd;
  const details: string[] = [];
  if (top.length > 0)
    details.push(
      `Largest costs: ${top.map(([id, v]) => `${labelOf(design, id)} ${formatUsd(v)}`).join(', ')}; internet egress ${formatUsd(egress)}.`,
    );
  details.push(`$${e.endToEnd.costPer1kUsersUsd.toFixed(2)} per 1,000 daily users a month.`);
  let sentence: string;
  if (!serves)
    sentence = `Cheap only because it does not serve the load (${formatUsd(cost)} a month): cost is judged once the design carries the traffic.`;
  else if (credit >= 1) sentence = `${formatUsd(cost)} a month is within the ${formatUsd(budget)} budget.`;
  else {
    const biggest = top[0] ? labelOf(design, top[0][0]) : 'the largest tier';
    sentence = `${formatUsd(cost)} a month is ${Math.round((cost / budget - 1) * 100)}% over the ${formatUsd(budget)} budget; look first at ${biggest}${
      egress > cost * 0.3 ? ' and at egress (a CDN serves static bytes for less)' : ''
    }.`;
  }
  return {
    id: 'cost',
    label: 'Cost',
    score: round1(max * credit),
    max,
    sentence,
    details,
    lessonId: credit < 1 && serves ? 'guide-cost' : null,
  };
}

/* ---- Curveballs ---- */

const OUTCOME_CREDIT = { held: 1, degraded: 0.5, failed: 0 } as const;

/** Whether the candidate was shown this curveball (it arrived and its dialog was read). */
function wasShown(attempt: Attempt, id: string): boolean {
  const state = attempt.curveballs.find((s) => s.id === id);
  return !!state && state.deliveredAtMs !== null && state.seen;
}

/**
 * Only curveballs the candidate was shown are graded; they share the
 * curveball weight. One never shown is listed at 0 of 0 with the reason
 * (the mock shows every curveball before the design phase is left, so this
 * only happens to attempts saved before that was so).
 */
function curveballItems(
  problem: Problem,
  attempt: Attempt,
  max: number,
): { items: RubricScore[]; results: Review['curveballs'] } {
  const shown = problem.curveballs.filter((c) => wasShown(attempt, c.id)).length;
  const each = shown > 0 ? max / shown : 0;
  const items: RubricScore[] = [];
  const results: Review['curveballs'] = [];
  for (const c of problem.curveballs) {
    if (!wasShown(attempt, c.id)) {
      items.push({
        id: `curveball:${c.id}`,
        label: `Curveball: ${c.title}`,
        score: 0,
        max: 0,
        sentence: 'Not shown to you during the interview, so not scored.',
        details: [],
        lessonId: null,
      });
      continue;
    }
    const r = judgeCurveball(problem, attempt.design, c);
    const arrival = attempt.curveballs.find((s) => s.id === c.id)?.atArrival ?? null;
    results.push({ curveballId: c.id, title: c.title, result: r, atArrival: arrival });
    let sentence: string;
    if (r.outcome === 'held') {
      sentence = `Held: ${formatPercent(r.errorRate, 2)} of requests failed and p95 read was ${formatMs(r.p95ReadMs)} under the new conditions.`;
      if (arrival && arrival.outcome !== 'held')
        sentence += ' It did not hold when it arrived; you adapted the design in time.';
    } else {
      sentence = `${r.outcome === 'degraded' ? 'Degraded' : 'Failed'}: ${listWords(r.reasons)}. ${c.strongResponse}`;
    }
    const details = [
      ...r.notes.map((n) => `Under the curveball: ${lowerFirst(n)}`),
      ...r.figures.map((f) => `The model: ${f}`),
    ];
    if (r.outcome === 'held') details.push(`A strong answer: ${c.strongResponse}`);
    items.push({
      id: `curveball:${c.id}`,
      label: `Curveball: ${c.title}`,
      score: round1(each * OUTCOME_CREDIT[r.outcome]),
      max: round1(each),
      sentence,
      details,
      lessonId: r.outcome === 'held' ? null : c.lessonId,
    });
  }
  return { items, results };
}

/* ---- Trade-offs ---- */

function tradeoffsItem(
  problem: Problem,
  text: string,
  max: number,
): { item: RubricScore; topics: Review['tradeoffTopics'] } {
  const topics = problem.rubric.tradeoffTopics.map((t) => ({
    id: t.id,
    label: t.label,
    keywords: t.keywords,
    hit: mentionsAny(text, t.keywords),
    lessonId: t.lessonId ?? null,
  }));
  const hits = topics.filter((t) => t.hit);
  const words = wordCount(text);
  const expected = Math.min(problem.rubric.tradeoffsExpected, topics.length);
  const credit = clamp01(hits.length / expected) * clamp01(words / TRADEOFF_MIN_WORDS);
  const missed = topics.filter((t) => !t.hit);
  let sentence: string;
  if (words === 0)
    sentence = `You wrote no trade-offs. Say what each choice cost you: for this problem, ${listWords(missed.slice(0, 3).map((t) => lowerFirst(t.label)))}.`;
  else if (credit >= 1)
    sentence = `You weighed ${listWords(hits.map((t) => lowerFirst(t.label)))}: the choices an interviewer wants to hear defended.`;
  else {
    const parts: string[] = [];
    if (hits.length > 0) parts.push(`You discussed ${listWords(hits.map((t) => lowerFirst(t.label)))}`);
    else parts.push('Your notes named none of the key trade-offs');
    if (hits.length < expected)
      parts.push(`also weigh ${listWords(missed.slice(0, expected - hits.length).map((t) => lowerFirst(t.label)))}`);
    if (words < TRADEOFF_MIN_WORDS) parts.push(`and say more (${words} words; aim for ${TRADEOFF_MIN_WORDS} or more)`);
    sentence = `${parts.join('; ')}.`;
  }
  const lessonId = credit < 1 ? (missed.find((t) => t.lessonId)?.lessonId ?? null) : null;
  return {
    item: {
      id: 'tradeoffs',
      label: 'Trade-offs written',
      score: round1(max * credit),
      max,
      sentence,
      details: [
        ...problem.rubric.strongAnswer.map((s) => `Strong answers: ${s}`),
        ...(missed.length > 0
          ? [
              `Topics are recognised by words they begin with, not by meaning; missed here: ${missed
                .map((t) => `${lowerFirst(t.label)} (${listWords(t.keywords.slice(0, 3).map(quote), 'or')})`)
                .join('; ')}.`,
            ]
          : []),
      ],
      lessonId: lessonId && isStudyId(lessonId) ? lessonId : null,
    },
    topics: topics.map(({ id, label, hit }) => ({ id, label, hit })),
  };
}

/* ---- Study next ---- */

function studyList(problem: Problem, items: RubricScore[]): StudyItem[] {
  const out: StudyItem[] = [];
  const seen = new Set<StudyId>();
  const lost = [...items]
    .filter((i) => i.score < i.max * 0.85 && i.lessonId)
    .sort((a, b) => b.max - b.score - (a.max - a.score));
  for (const i of lost) {
    const id = i.lessonId!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      lessonId: id,
      title: STUDY[id],
      reason: `${i.label}: ${Math.round(i.score * 10) / 10} of ${i.max} points.`,
    });
  }
  for (const id of problem.lessons) {
    if (out.length >= 5) break;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ lessonId: id, title: STUDY[id], reason: `Background for the ${lowerFirst(problem.title)} problem.` });
  }
  return out.slice(0, 5);
}

/** Scores an attempt (finished or not) against its problem, at the attempt's level. */
export function reviewAttempt(problem: Problem, attempt: Attempt): Review {
  const level = attempt.level;
  const rubric = LEVEL_RUBRIC[level];
  const w = weightsOf(problem, level, attempt.api !== null);
  const target = checkTarget(problem, attempt.design);
  const estimates = judgeTries(attempt.estimateTries, attempt.estimates, problemWorkload(problem), {
    onTarget: rubric.onTargetFactor,
    close: rubric.closeFactor,
  });
  const requirements = judgeRequirements(problem, attempt, target.evaluation, attempt.design);
  const curve = curveballItems(problem, attempt, w.curveballs);
  const trade = tradeoffsItem(problem, attempt.tradeoffs, w.tradeoffs);
  const api = attempt.api ? apiItem(problem, attempt.api, attempt.design, w.api) : null;
  const items: RubricScore[] = [
    requirementsItem(problem, requirements, w.requirements),
    estimationItem(estimates, attempt.estimatesCheckedAtMs !== null, w.estimation),
    ...(api ? [api.item] : []),
    capacityItem(problem, target, attempt.design, w.capacity, rubric.comfortUtilization),
    availabilityItem(problem, target, attempt.design, w.availability),
    costItem(problem, target, attempt.design, w.cost),
    ...curve.items,
    trade.item,
  ];
  // Overtime, on the clock as it stands (stopped when the attempt is finished).
  const overMs = attempt.penalizeOvertime ? attempt.clock.elapsedMs - attempt.durationMs : 0;
  const penalty = overtimePenalty(overMs, level);
  const overtime = { minutes: penalty > 0 ? Math.ceil(overMs / 60_000) : 0, penalty };
  if (penalty > 0)
    items.push({
      id: 'overtime',
      label: 'Overtime',
      score: -penalty,
      max: 0,
      sentence: `You ran ${overtime.minutes} minute${overtime.minutes === 1 ? '' : 's'} over the clock: ${overtimeRule(level)}. In an interview, time is part of the answer: move on from a phase when its suggested time is up.`,
      details: [],
      lessonId: null,
    });
  const total = Math.max(0, Math.round(items.reduce((s, i) => s + i.score, 0)));
  const held = curve.results.filter((c) => c.result.outcome === 'held').length;
  const missing: string[] = [];
  if (total < rubric.bar) missing.push(`${rubric.bar} points (you have ${total})`);
  if (rubric.requires.target && !target.passed) missing.push('a design that passes the target');
  if (rubric.requires.allCurveballs && held < curve.results.length)
    missing.push(`every curveball held (${held} of ${curve.results.length})`);
  const bar = { score: rubric.bar, met: missing.length === 0, missing };
  const headline = `${target.passed ? 'Passes' : 'Does not pass'} the target (${scaleLabel(problem)}); held ${held} of ${curve.results.length} curveballs. ${
    bar.met
      ? `Meets the ${rubric.label.toLowerCase()} bar.`
      : `Below the ${rubric.label.toLowerCase()} bar: needs ${listWords(missing)}.`
  }`;
  return {
    total,
    items,
    target,
    estimates,
    api: api?.judgement ?? null,
    requirements,
    curveballs: curve.results,
    tradeoffTopics: trade.topics,
    study: studyList(problem, items),
    headline,
    level,
    bar,
    overtime,
  };
}

export function snapshotOf(review: Review): ReviewSnapshot {
  return {
    total: review.total,
    items: review.items.map(({ id, label, score, max }) => ({ id, label, score, max })),
    passedTarget: review.target.passed,
  };
}

/** The rubric item ids a problem is scored on, in review order. */
export function rubricItemIds(problem: Problem): string[] {
  return RUBRIC_ITEMS.flatMap((k) => (k === 'curveballs' ? problem.curveballs.map((c) => `curveball:${c.id}`) : [k]));
}
