/**
 * The review: a score and a specific sentence per rubric item, computed from
 * the attempt and the model. Pure and deterministic, so a finished attempt's
 * review can be recomputed exactly from what the history keeps.
 */
import { type Evaluation, isLessonId } from '@/lib/engine/data';
import type { Attempt, ReviewSnapshot } from './attempt';
import { judgeCurveball, type CurveballResult } from './curveballs';
import type { ApiJudgement } from './api-check';
import { apiItem } from './api-item';
import { RETRY_RULE, describeRatio, formatFigure, judgeTries, type TriedJudgement } from './estimation';
import { LEVEL_RUBRIC, levelWeights, overtimePenalty, overtimeRule, type Level } from './levels';
import { scaleLabel } from './format';
import { designCheckPasses, labelOf, problemWorkload } from './model';
import {
  DEFAULT_WEIGHTS,
  RUBRIC_ITEMS,
  TECHNOLOGY_POINTS,
  type Problem,
  type Requirement,
  type RubricItemId,
} from './schema';
import { isStudyId, STUDY, type StudyId } from './study';
import { checkTarget, servesLoad, worstSaturated, type TargetResult } from './target';
import { mentionsAny } from './text-match';
import { formatDeepDiveValue, judgeDeepDive, type DeepDiveResult } from './deep-dive';
import { expectedClaims, judgeTradeoffText, type TradeoffJudgement } from './tradeoff-judge';
import { judgeTechnology, type TechnologyVerdict } from './technology-judge';
import { formatAvailability, formatFraction, formatMs, formatPercent, formatRps, formatUsd, formatUtilization } from '@/lib/shared/format';

/** A guide shown under the trade-offs box; words alone earn nothing (see tradeoff-judge.ts). */
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
  /** Confirmed in scope in the requirements list. */
  confirmed: boolean;
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
  /** The deep dive's questions, answers and the engine's figures (deep-dive.ts). */
  deepDive: DeepDiveResult[];
  /** Each sentence of the trade-offs and whether it was credited, and why (tradeoff-judge.ts). */
  tradeoffClaims: TradeoffJudgement['claims'];
  study: StudyItem[];
  /** One line for the top of the review. */
  headline: string;
  level: Level;
  /** Whether the attempt meets its level's bar, and what kept it from it. */
  bar: { score: number; met: boolean; missing: string[] };
  /** Minutes over the clock (rounded up) and the points they cost; 0 when on time or before the rule. */
  overtime: { minutes: number; penalty: number };
  /** Each technology choice the problem judges, with the model's figures for every alternative (technology-judge.ts); empty when not judged. */
  technology: TechnologyVerdict[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Whether an attempt's review has the technology item: its problem judges a choice and the attempt was started since (attempt.ts). */
export function judgesTechnology(problem: Problem, attempt: Pick<Attempt, 'judgesTechnology' | 'api'>): boolean {
  // An attempt without the Entities & API step is older than technology judging too.
  return problem.rubric.technology.length > 0 && attempt.judgesTechnology && attempt.api !== null;
}

/** A problem's weights at a level; without the "Entities & API" step (attempts saved before it) the others share its points. */
export function weightsOf(problem: Problem, level: Level = 'senior', withApi = true): Record<RubricItemId, number> {
  return levelWeights({ ...DEFAULT_WEIGHTS, ...problem.rubric.weights, ...(withApi ? {} : { api: 0 }) }, level);
}

/**
 * The points of each item shown in a review: the weights, and with technology
 * judging the technology item's points taken from the items TECHNOLOGY_POINTS
 * names (to a tenth, so the items still add up to the weights' 100).
 */
export function itemMaxima(
  weights: Record<RubricItemId, number>,
  withTechnology: boolean,
): Record<RubricItemId, number> & { technology: number } {
  const out = { ...weights, technology: 0 };
  if (!withTechnology) return out;
  for (const [k, share] of Object.entries(TECHNOLOGY_POINTS) as [RubricItemId, number][]) {
    const kept = round1(weights[k] * (1 - share));
    out.technology = round1(out.technology + weights[k] - kept);
    out[k] = kept;
  }
  return out;
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

/**
 * Requirements are judged on what the candidate did, never on words in the
 * notes (a keyword list used to pass: "create read expire private limit fast
 * availability cdn" scored 13.1 of 15 without a question asked):
 *
 * - A hidden requirement counts only once a question the candidate asked in
 *   their own words brought it out (ask.ts) and it stayed in scope. Notes
 *   and design earn nothing for it before that: an interviewer credits what
 *   the candidate found, not what they happened to build.
 * - A stated requirement (the brief gives it away) counts when the
 *   candidate confirms it in the requirements list — a structural act, not
 *   a word to type — and, where it names a design check, half for that
 *   confirmation and half for the design having it.
 * - A hidden requirement weighs the level's `hiddenWeight` against 1 for a
 *   stated one (mid 1, senior 1.5, staff 2): finding what was left unsaid
 *   is what senior and staff interviews listen for.
 * The notes box is the candidate's scratch pad and is not scored.
 */
export function judgeRequirements(
  problem: Problem,
  attempt: Pick<Attempt, 'asked' | 'inScope'>,
  e: Evaluation | null,
  design: Attempt['design'],
): RequirementResult[] {
  const asked = new Set(attempt.asked.map((q) => q.id));
  const inScope = new Set(attempt.inScope);
  return problem.requirements.map((r) => {
    const revealing = problem.questions.filter((q) => q.reveals.includes(r.id));
    const askedFor = revealing.some((q) => asked.has(q.id));
    const confirmed = inScope.has(r.id);
    const captured = (r.hidden ? askedFor : true) && confirmed;
    const inDesign = r.design ? (e ? designCheckPasses(r.design.check, design, e) : false) : null;
    return {
      requirement: r,
      captured,
      askedFor,
      confirmed,
      inDesign,
      revealedBy: r.hidden ? (revealing[0]?.question ?? null) : null,
    };
  });
}

/** Points one requirement earns, of 1 (before its weight): see `judgeRequirements`. */
export function requirementPoints(r: RequirementResult): number {
  if (r.requirement.hidden && !r.captured) return 0;
  if (r.inDesign === null) return r.captured ? 1 : 0;
  return (r.captured ? 0.5 : 0) + (r.inDesign ? 0.5 : 0);
}

function requirementsItem(
  problem: Problem,
  results: RequirementResult[],
  max: number,
  level: Level = 'senior',
  questionsAsked = 0,
): RubricScore {
  const hiddenWeight = LEVEL_RUBRIC[level].hiddenWeight;
  const weightOf = (r: RequirementResult) => (r.requirement.hidden ? hiddenWeight : 1);
  const total = results.reduce((s, r) => s + weightOf(r), 0);
  const points = results.reduce((s, r) => s + weightOf(r) * requirementPoints(r), 0);
  const share = total > 0 ? points / total : 1;
  const hidden = results.filter((r) => r.requirement.hidden);
  const found = hidden.filter((r) => r.captured);
  const stated = results.filter((r) => !r.requirement.hidden);
  const confirmed = stated.filter((r) => r.confirmed);
  const missedHidden = hidden.filter((r) => !r.captured);
  const notBuilt = results.filter((r) => r.inDesign === false && (r.captured || !r.requirement.hidden));
  const details: string[] = [];
  for (const r of found)
    details.push(`Found by asking: ${quote(r.requirement.text)} (${weightOf(r)}× a stated requirement at this level).`);
  for (const r of missedHidden)
    details.push(
      r.askedFor
        ? `You asked and then took ${quote(r.requirement.text)} out of scope: the interviewer needs it.`
        : `Not found: ${quote(r.requirement.text)}; a question such as ${quote(r.revealedBy ?? 'a clarifying question')} would have brought it out.`,
    );
  for (const r of stated.filter((x) => !x.confirmed))
    details.push(`Not confirmed in your list: ${quote(r.requirement.text)}.`);
  for (const r of notBuilt)
    details.push(`Not in your design: ${quote(r.requirement.text)} — ${lowerFirst(r.requirement.design!.label)}.`);
  details.push(
    'Only what you asked and confirmed counts here; your notes are yours and are not searched for words.',
  );
  let sentence: string;
  const asked = `You asked ${questionsAsked} question${questionsAsked === 1 ? '' : 's'}`;
  if (share >= 0.999)
    sentence = `${asked}, found all ${hidden.length} requirements the brief left out, confirmed the ${stated.length} it states, and your design addresses each.`;
  else {
    const parts = [
      `${asked} and found ${found.length} of ${hidden.length} requirements the brief left out`,
      `confirmed ${confirmed.length} of the ${stated.length} it states`,
    ];
    if (notBuilt.length > 0)
      parts.push(`${notBuilt.length} ${notBuilt.length === 1 ? 'is' : 'are'} not reflected in the design`);
    sentence = `${parts.join('; ')}. Before drawing, ask about scope, lifetime, scale, consistency and failure.`;
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
      ? ` First try: ${j.first.yours === null ? 'not given' : formatFigure(j.id, j.first.yours)} (${j.first.verdict === 'on-target' ? 'on target' : j.first.verdict}); credit ${formatPercent(j.credit)}.`
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
  const peak = formatRps(e.offered.total);
  let sentence: string;
  const bottleneck = labelOf(design, e.bottleneck.nodeId);
  if (design.nodes.length <= 1) {
    sentence =
      'The design has nothing to serve the traffic yet: connect the users to a load balancer, servers and a data store.';
  } else if (!capacity.passed) {
    const lead = `At ${users} (${peak} at peak) the design does not carry the load`;
    sentence =
      worstId && errors[0]?.nodeId === worstId
        ? `${lead}. ${errors[0].message}`
        : `${lead}: ${capacity.detail}. ${errors[0]?.message ?? ''}`.trim();
  } else if (headroom < 1) {
    sentence = `It carries ${peak}, but ${bottleneck} runs at ${formatUtilization(rho)}: above ${formatPercent(comfort)} (the headroom this level expects) queues grow fast, so add instances there.`;
  } else if (latency < 1) {
    sentence = `It carries ${peak} with headroom, but p95 read latency is ${formatMs(p95)} against the ${slo} ms SLO: put a cache in front of the reads or cut a hop.`;
  } else {
    sentence = `It carries ${peak} at ${users} with headroom (busiest: ${bottleneck} at ${formatUtilization(rho)}) and p95 read ${formatMs(p95)} within the ${slo} ms SLO.`;
  }
  if (capacity.passed && rho < 0.2 && design.nodes.length > 1)
    details.push(`The busiest component is at only ${formatUtilization(rho)}: fewer instances would do and cost less.`);
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
      `${formatFraction(e.endToEnd.errorRate, 1)} of requests fail under load, which counts against availability.`,
    );
  let sentence: string;
  if (credit >= 1)
    sentence = `Expected availability ${formatAvailability(a)} meets the ${formatAvailability(slo)} target (about ${minutes(a)} minutes down a year).`;
  else {
    sentence = `Expected availability ${formatAvailability(a)} misses the ${formatAvailability(slo)} target: about ${minutes(a).toLocaleString('en-US')} minutes down a year against ${minutes(slo).toLocaleString('en-US')} allowed.${
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
  const budget = problem.slo.budgetUsd;
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
    sentence = `${formatUsd(cost)} a month is ${formatPercent(cost / budget - 1)} over the ${formatUsd(budget)} budget; look first at ${biggest}${
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
      sentence = `Held: ${formatFraction(r.errorRate, 2)} of requests failed and p95 read was ${formatMs(r.p95ReadMs)} under the new conditions.`;
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

/* ---- Technology choices ---- */

/**
 * The design's technology choices, judged by the model (technology-judge.ts):
 * each choice the problem names shares the item's points. Words in the
 * trade-offs earn nothing here: naming Kafka beside a generic queue is still
 * a generic queue.
 */
function technologyItem(judged: TechnologyVerdict[], max: number): RubricScore {
  // A choice judged only where the design has its reader (`readBy`: a stream processor) is left out where it has none.
  const verdicts = judged.filter((v) => !(v.outcome === 'absent' && v.choice.readBy));
  const credit = verdicts.length > 0 ? verdicts.reduce((s, v) => s + v.credit, 0) / verdicts.length : 0;
  const generic = verdicts.filter((v) => v.outcome === 'generic');
  const sentence =
    verdicts.length === 1 ? verdicts[0].sentence : verdicts.map((v) => `${v.choice.label}: ${v.sentence}`).join(' ');
  const details = verdicts.flatMap((v) =>
    verdicts.length === 1 ? v.details : v.details.map((d) => `${v.choice.label} — ${d}`),
  );
  if (generic.length > 0)
    details.push(
      'A generic component scores nothing here: choose a technology in the inspector and compare what each does to your design before you commit.',
    );
  const lesson = verdicts.find((v) => v.credit < 1)?.choice.lessonId ?? 'guide-choosing-technology';
  return {
    id: 'technology',
    label: 'Technology choices',
    score: round1(max * credit),
    max,
    sentence,
    details,
    lessonId: credit < 1 && isStudyId(lesson) ? lesson : null,
  };
}

/* ---- Trade-offs ---- */

/**
 * The written trade-offs count only as grounded claims: sentences that name
 * a component of the candidate's design and quote the model's own number
 * for it (tradeoff-judge.ts). Repeats and keyword lists earn nothing. The
 * problem's topics are shown in the review as what an interviewer listens
 * for, marked discussed only where a credited sentence touches them; they
 * no longer score.
 */
function tradeoffsItem(
  problem: Problem,
  text: string,
  max: number,
  design: Attempt['design'],
  e: Evaluation | null,
  level: Level,
): { item: RubricScore; topics: Review['tradeoffTopics']; judgement: TradeoffJudgement } {
  const j = judgeTradeoffText(text, design, e, {
    expected: expectedClaims(problem.rubric.tradeoffsExpected, level),
  });
  const creditedText = j.credited.map((c) => c.sentence).join('. ');
  const topics = problem.rubric.tradeoffTopics.map((t) => ({
    id: t.id,
    label: t.label,
    hit: creditedText !== '' && mentionsAny(creditedText, t.keywords),
    lessonId: t.lessonId ?? null,
  }));
  const missed = topics.filter((t) => !t.hit);
  let sentence: string;
  if (j.words === 0)
    sentence = `You wrote no trade-offs. Say what each choice cost you, in your design’s numbers: for this problem, ${listWords(missed.slice(0, 3).map((t) => lowerFirst(t.label)))}.`;
  else if (j.credited.length === 0)
    sentence = `None of your ${j.claims.length} sentence${j.claims.length === 1 ? '' : 's'} ties a component of your design to a number the model gives for it, so none earns credit. Write claims such as “the cache at 80% hit ratio takes the database from 4,000 to 800 req/s”, with your design’s figures.`;
  else if (j.credit >= 1)
    sentence = `${j.credited.length} claim${j.credited.length === 1 ? '' : 's'} tie components of your design to the model’s numbers for them: the grounded reasoning an interviewer wants to hear.`;
  else
    sentence = `${j.credited.length} of the ${j.expected} grounded claims this level expects: each names a component of your design and quotes the model’s number for it. Add ${j.expected - j.credited.length} more, on ${listWords(missed.slice(0, 2).map((t) => lowerFirst(t.label)), 'or')}.`;
  const notCredited = j.claims.filter((c) => !c.credited);
  const repeats = notCredited.filter((c) => c.reason === 'a repeat of an earlier sentence').length;
  const details = [
    ...j.credited.map((c) => `Credited: ${quote(c.sentence)} — ${c.reason}.`),
    ...notCredited
      .filter((c) => c.reason !== 'a repeat of an earlier sentence')
      .slice(0, 4)
      .map((c) => `Not credited: ${quote(c.sentence.length > 120 ? `${c.sentence.slice(0, 117)}…` : c.sentence)} — ${c.reason}.`),
    ...(repeats > 0 ? [`${repeats} repeated sentence${repeats === 1 ? '' : 's'} counted once.`] : []),
    ...problem.rubric.strongAnswer.map((x) => `Strong answers: ${x}`),
  ];
  const lessonId = j.credit < 1 ? (missed.find((t) => t.lessonId)?.lessonId ?? null) : null;
  return {
    item: {
      id: 'tradeoffs',
      label: 'Trade-offs written',
      score: round1(max * j.credit),
      max,
      sentence,
      details,
      lessonId: lessonId && isStudyId(lessonId) ? lessonId : null,
    },
    topics: topics.map(({ id, label, hit }) => ({ id, label, hit })),
    judgement: j,
  };
}

/* ---- Deep dive ---- */

/** The deep dive's numeric answers against the engine's figures on the transformed design (deep-dive.ts). */
function deepDiveItem(results: DeepDiveResult[], max: number): RubricScore {
  const credit = results.length > 0 ? results.reduce((s, r) => s + r.credit, 0) / results.length : 0;
  const details = results.map((r, i) => {
    const yours = r.answer === null ? 'no answer' : formatDeepDiveValue(r.question, r.answer);
    const model = r.truth.value === null ? r.truth.why : `${formatDeepDiveValue(r.question, r.truth.value)} (${r.truth.why})`;
    return `${i + 1}. ${r.question.prompt} You: ${yours}; the model: ${model}. ${r.verdict === 'not judged' ? 'Not judged' : `${r.verdict.charAt(0).toUpperCase()}${r.verdict.slice(1)}`}: ${formatPercent(r.credit)} credit.`;
  });
  let sentence: string;
  if (results.length === 0)
    sentence = 'Your design carried no traffic, so the interviewer had nothing to probe.';
  else if (results.every((r) => r.answer === null))
    sentence = `You answered none of the ${results.length} deep-dive questions about your own design. Reason out loud from your design’s numbers: what reaches each tier, and what changes when a part fails.`;
  else if (credit >= 0.999)
    sentence = `All ${results.length} deep-dive answers matched the model’s figures for your design: you know where its load goes.`;
  else {
    const on = results.filter((r) => r.credit >= 1).length;
    const worst = [...results].sort((a, b) => a.credit - b.credit)[0];
    sentence = `${on} of ${results.length} deep-dive answers were on target. ${
      worst.answer === null || worst.truth.value === null
        ? ''
        : `For “${worst.question.prompt.split('. ')[0]}” you said ${formatDeepDiveValue(worst.question, worst.answer)}; the model says ${formatDeepDiveValue(worst.question, worst.truth.value)}.`
    }`.trim();
  }
  return {
    id: 'deepdive',
    label: 'Deep dive',
    score: round1(max * credit),
    max,
    sentence,
    details,
    lessonId: credit < 1 && results.length > 0 ? 'guide-bottlenecks' : null,
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
  const withTechnology = judgesTechnology(problem, attempt);
  const w = itemMaxima(weightsOf(problem, level, attempt.api !== null), withTechnology);
  const target = checkTarget(problem, attempt.design);
  const technology = withTechnology ? judgeTechnology(problem, attempt.design, target) : [];
  const estimates = judgeTries(attempt.estimateTries, attempt.estimates, problemWorkload(problem), {
    onTarget: rubric.onTargetFactor,
    close: rubric.closeFactor,
  });
  const requirements = judgeRequirements(problem, attempt, target.evaluation, attempt.design);
  const curve = curveballItems(problem, attempt, w.curveballs);
  const deepDive = judgeDeepDive(problem, attempt.design, attempt.deepDive, level);
  const trade = tradeoffsItem(problem, attempt.tradeoffs, w.tradeoffs, attempt.design, target.evaluation, level);
  const api = attempt.api ? apiItem(problem, attempt.api, attempt.design, w.api) : null;
  const items: RubricScore[] = [
    requirementsItem(problem, requirements, w.requirements, level, attempt.questionLog.length),
    estimationItem(estimates, attempt.estimatesCheckedAtMs !== null, w.estimation),
    ...(api ? [api.item] : []),
    capacityItem(problem, target, attempt.design, w.capacity, rubric.comfortUtilization),
    availabilityItem(problem, target, attempt.design, w.availability),
    costItem(problem, target, attempt.design, w.cost),
    ...(withTechnology ? [technologyItem(technology, w.technology)] : []),
    ...curve.items,
    deepDiveItem(deepDive, w.deepdive),
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
    tradeoffClaims: trade.judgement.claims,
    deepDive,
    study: studyList(problem, items),
    headline,
    level,
    bar,
    overtime,
    technology,
  };
}

export function snapshotOf(review: Review): ReviewSnapshot {
  return {
    total: review.total,
    items: review.items.map(({ id, label, score, max }) => ({ id, label, score, max })),
    passedTarget: review.target.passed,
  };
}

/** The rubric item ids a problem is scored on, in review order (the technology item, after cost, only where the problem judges a choice). */
export function rubricItemIds(problem: Problem, withTechnology = problem.rubric.technology.length > 0): string[] {
  return RUBRIC_ITEMS.flatMap((k) =>
    k === 'curveballs'
      ? problem.curveballs.map((c) => `curveball:${c.id}`)
      : k === 'cost' && withTechnology
        ? [k, 'technology']
        : [k],
  );
}
