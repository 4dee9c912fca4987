/**
 * The technology choices of a candidate's design, judged by the model — not
 * by the words in the trade-offs. A problem names the choices it judges
 * (`rubric.technology`: the message store, the location stream…). For each:
 *
 * 1. the node judged is the busiest node of the choice's kinds in the
 *    candidate's design; its siblings of the same kind and technology (the
 *    same store in another region) go with it;
 * 2. the same design is evaluated at the problem's load with those nodes
 *    switched to each technology of their kind (and to the problem's
 *    alternatives of another kind, such as a single PostgreSQL primary),
 *    sized as the candidate sized them, and checked against the problem's
 *    targets (target.ts);
 * 3. the choice scores when the design with it meets the targets: full
 *    marks; half when the choice fits but the design misses the targets for
 *    another reason (no alternative would have passed either); none when a
 *    generic component was drawn ("you did not choose a technology"), when
 *    the choice does not do what the problem needs (`needs`), or when an
 *    alternative would have passed where it does not.
 *
 * The review quotes the model's numbers for each alternative: the node's
 * utilisation, what the engine says about it (a throttled partition, a
 * saturated primary) and what it costs. Pure and deterministic.
 */
import { CATALOG, type Evaluation, type Kind, GENERIC, technologiesOf, technologyParams, technologySpec, technologyWithoutParams, type Design, type DesignNode, type NodeParams } from '@/lib/engine/data';
import { withTechnology } from '@/lib/engine';
import { labelOf } from './model';
import type { Problem, TechnologyChoice } from './schema';
import { checkTarget, type TargetResult } from './target';
import { formatAvailability, formatInteger, formatRps, formatUsd, formatUtilization } from '@/lib/shared/format';

/** One way the judged nodes could be built, and what the model says of the design with it. */
export interface TechnologyOption {
  kind: Kind;
  /** Null: the generic component (no technology). */
  technology: string | null;
  /** "Cassandra", "a single PostgreSQL primary". */
  label: string;
  /** The candidate's own choice. */
  chosen: boolean;
  /** Does what the problem needs (`needs`). */
  fits: boolean;
  /** The design with it meets the problem's targets. */
  passes: boolean;
  /** The target checks it misses, in the model's words. */
  misses: string[];
  /** The judged (busiest) node with it: utilisation per instance, its arrival rate, what the engine says of it. */
  utilization: number | null;
  arrivalRps: number | null;
  finding: string | null;
  /** What the judged nodes cost a month with it, and the whole design. */
  nodesMonthlyUsd: number | null;
  designMonthlyUsd: number | null;
  /** The model could not evaluate the design with it (the message). */
  error: string | null;
}

export type TechnologyOutcome = 'absent' | 'generic' | 'misfit' | 'passes' | 'beaten' | 'elsewhere';

export interface TechnologyVerdict {
  choice: TechnologyChoice;
  /** The busiest node judged, and the nodes switched with it. */
  nodeId: string | null;
  nodeIds: string[];
  outcome: TechnologyOutcome;
  credit: number;
  sentence: string;
  details: string[];
  options: TechnologyOption[];
}


/** The label of a technology ("Cassandra"), or of the generic kind. */
export function optionLabel(kind: Kind, technology: string | null | undefined): string {
  if (!technology) return `a generic ${CATALOG[kind].label.toLowerCase()}`;
  return technologySpec(kind, technology ?? undefined)?.label ?? technology;
}

/**
 * The design with `ids` switched to another technology of their kind (compare-technologies.ts
 * `withTechnology`, keeping their sizing; params only the old technology takes, such as Kafka's
 * partitions, are dropped) or to another kind (its own params, the node's region kept).
 */
function switched(design: Design, ids: string[], kind: Kind, technology: string | null, params?: NodeParams): Design {
  let out = design;
  for (const id of ids) {
    const node = out.nodes.find((n) => n.id === id)!;
    if (kind === node.kind) {
      out = withTechnology(out, id, technology ?? GENERIC);
      // Params the new technology refuses: the old one's own (Kafka's partitions) and those a managed service has no use for (DynamoDB's instances).
      const keep = new Set(technologyParams(kind, technology ?? undefined));
      const drop = [
        ...technologyParams(node.kind, node.params?.technology).filter((k) => !keep.has(k)),
        ...technologyWithoutParams(kind, technology ?? undefined),
      ];
      if (drop.length > 0)
        out = {
          ...out,
          nodes: out.nodes.map((n) => {
            if (n.id !== id) return n;
            const p: NodeParams = { ...n.params };
            for (const k of drop) delete p[k];
            return { ...n, params: p };
          }),
        };
    } else {
      const next: NodeParams = { ...params, ...(node.params?.region ? { region: node.params.region } : {}) };
      if (technology) next.technology = technology;
      out = { ...out, nodes: out.nodes.map((n) => (n.id === id ? { ...n, kind, params: next } : n)) };
    }
  }
  return out;
}

/** Requests and jobs arriving at a node (a queue's traffic is jobs). */
function loadOf(e: Evaluation, id: string): number {
  const r = e.nodes[id]?.arrivalRps;
  return r ? r.total + r.job : 0;
}

/** The nodes of kind `choice.readBy` that read `id` (its stream processors); [] when the choice names no reader. */
function readersOf(choice: TechnologyChoice, design: Design, id: string): string[] {
  if (!choice.readBy) return [];
  return design.edges
    .filter((x) => x.source === id && design.nodes.some((n) => n.id === x.target && n.kind === choice.readBy))
    .map((x) => x.target);
}

/** The busiest node of the choice's kinds that carries traffic (and is read by a `readBy` node when the choice names one), or null. */
function judgedNode(choice: TechnologyChoice, design: Design, e: Evaluation): DesignNode | null {
  let best: DesignNode | null = null;
  let bestRps = 0;
  for (const n of design.nodes) {
    if (!choice.kinds.includes(n.kind)) continue;
    if (choice.readBy && readersOf(choice, design, n.id).length === 0) continue;
    const rps = loadOf(e, n.id);
    if (rps > bestRps) [best, bestRps] = [n, rps];
  }
  return best;
}

/** The target checks a variant misses, in the model's numbers; latency is left out when the load is not carried (it fails with capacity). */
function describeMisses(problem: Problem, t: TargetResult): string[] {
  const carried = t.checks.find((c) => c.id === 'capacity')?.passed ?? false;
  return t.checks
    .filter((c) => !c.passed && !(c.id === 'latency' && !carried))
    .map((c) => {
      switch (c.id) {
        case 'latency':
          return `${c.detail} against ${problem.slo.p95ReadMs} ms`;
        case 'availability':
          return `availability ${formatAvailability(t.evaluation?.endToEnd.availability ?? 0)} against ${formatAvailability(problem.slo.availability)}`;
        case 'cost':
          return `${c.detail} against a budget of ${formatUsd(problem.slo.budgetUsd)}`;
        default:
          return c.id.startsWith('req:') ? `${c.label}: ${c.detail}` : c.detail;
      }
    });
}

function optionOf(
  problem: Problem,
  design: Design,
  nodeIds: string[],
  judged: string,
  o: { kind: Kind; technology: string | null; label: string; params?: NodeParams },
  chosen: boolean,
  fits: boolean,
  own: TargetResult | null,
  readers: string[] = [],
): TechnologyOption {
  const variant: Design = chosen ? design : switched(design, nodeIds, o.kind, o.technology, o.params);
  const t = chosen && own ? own : checkTarget(problem, variant);
  const base = { kind: o.kind, technology: o.technology, label: o.label, chosen, fits };
  const e = t.evaluation;
  if (!e)
    return {
      ...base,
      passes: false,
      misses: [],
      utilization: null,
      arrivalRps: null,
      finding: null,
      nodesMonthlyUsd: null,
      designMonthlyUsd: null,
      error: t.error,
    };
  const r = e.nodes[judged];
  const finding =
    e.findings.find((f) => f.nodeId === judged && f.severity === 'error') ??
    e.findings.find((f) => f.nodeId === judged && f.severity === 'warning') ??
    null;
  // A log's readers (stream processors) must keep up: consumer lag at the peak is a miss, in the model's numbers.
  const lags = readers.flatMap((id) => {
    const s = e.nodes[id]?.stream;
    if (!s || s.maxLagEvents <= 0) return [];
    const capped = s.upstreamPartitions !== null && s.parallelism < s.slots ? `, the log's ${formatInteger(s.upstreamPartitions)} partition${s.upstreamPartitions === 1 ? '' : 's'} letting ${formatInteger(s.parallelism)} of its ${formatInteger(s.slots)} slots read` : '';
    return [
      `${labelOf(design, id)} falls ${formatInteger(s.maxLagEvents)} events behind at the peak (${formatInteger(s.capacityEventsPerSecond)} events/s against ${formatInteger(s.peakEventsPerSecond)}${capped})`,
    ];
  });
  return {
    ...base,
    passes: t.passed && lags.length === 0,
    misses: [...lags, ...describeMisses(problem, t)],
    utilization: r?.utilization ?? null,
    arrivalRps: r ? loadOf(e, judged) : null,
    finding: finding?.message ?? null,
    nodesMonthlyUsd: nodeIds.reduce((s, id) => s + (e.nodes[id]?.monthlyCostUsd ?? 0), 0),
    designMonthlyUsd: e.endToEnd.monthlyCostUsd,
    error: null,
  };
}

/** One option in numbers: "Cassandra: busiest node 41% at 26,042 req/s, $96,360 a month for them; meets the targets". */
export function describeOption(o: TechnologyOption, nodeLabel: string): string {
  const name = o.label.charAt(0).toUpperCase() + o.label.slice(1);
  if (o.error) return `${name}: the model cannot evaluate the design with it (${o.error}).`;
  const load =
    o.utilization !== null && o.arrivalRps !== null
      ? `${nodeLabel} at ${formatUtilization(o.utilization)} utilisation with ${formatRps(o.arrivalRps)} arriving`
      : `${nodeLabel} carries no traffic`;
  const cost = o.nodesMonthlyUsd !== null ? `, ${formatUsd(o.nodesMonthlyUsd)} a month for it` : '';
  // The finding's first sentence: what happens, with its numbers (the advice after it is the inspector's).
  const said = o.finding ? ` The model: ${o.finding.split(/(?<=[a-z0-9%)])\. (?=[A-Z])/)[0].replace(/\.$/, '')}.` : '';
  const verdict = o.passes
    ? 'the design meets the targets'
    : `the design misses the targets (${o.misses.slice(0, 2).join('; ')})`;
  const need = o.fits ? '' : ' It does not do what this problem needs.';
  return `${name}: ${load}${cost}; ${verdict}.${said}${need}`;
}

/** Judges one technology choice of the design (see the file's comment). */
export function judgeTechnologyChoice(
  problem: Problem,
  design: Design,
  target: TargetResult,
  choice: TechnologyChoice,
): TechnologyVerdict {
  const e = target.evaluation;
  const node = e ? judgedNode(choice, design, e) : null;
  const kinds = choice.kinds.map((k) => CATALOG[k].label.toLowerCase());
  if (!e || !node)
    return {
      choice,
      nodeId: null,
      nodeIds: [],
      outcome: 'absent',
      credit: 0,
      sentence: `Your design has no ${choice.label.toLowerCase()} carrying traffic (${kinds.join(' or ')}), so there is no technology choice to judge.`,
      details: [],
      options: [],
    };
  const chosenTech = node.params?.technology ?? null;
  const nodeIds = design.nodes
    .filter(
      (n) =>
        n.kind === node.kind &&
        (n.params?.technology ?? null) === chosenTech &&
        loadOf(e, n.id) > 0 &&
        (!choice.readBy || readersOf(choice, design, n.id).length > 0),
    )
    .map((n) => n.id);
  const fitsTech = (tech: string | null) =>
    !choice.needs || (tech !== null && choice.needs.technologies.includes(tech));
  const wanted = [
    ...technologiesOf(node.kind).map((t) => ({
      kind: node.kind,
      technology: t as string | null,
      label: optionLabel(node.kind, t),
    })),
    // An alternative of the judged node's own kind is its technology above, sized as the candidate sized it.
    ...choice.alternatives
      .filter((a) => a.kind !== node.kind)
      .map((a) => ({ kind: a.kind, technology: a.technology ?? null, label: a.label, params: a.params })),
  ];
  const options: TechnologyOption[] = [];
  const own = { kind: node.kind, technology: chosenTech, label: optionLabel(node.kind, chosenTech) };
  const readers = nodeIds.flatMap((id) => readersOf(choice, design, id));
  options.push(optionOf(problem, design, nodeIds, node.id, own, true, fitsTech(chosenTech), target, readers));
  for (const o of wanted) {
    if (o.kind === node.kind && o.technology === chosenTech) continue;
    options.push(optionOf(problem, design, nodeIds, node.id, o, false, fitsTech(o.technology), null, readers));
  }
  const mine = options[0];
  const nodeLabel = labelOf(design, node.id);
  const others = options.slice(1);
  const betterOnes = others.filter((o) => o.passes && o.fits);
  const details = options.map((o) => `${o.chosen ? 'Yours — ' : ''}${describeOption(o, nodeLabel)}`);
  if (choice.needs) details.push(`Why the choice matters here: ${choice.needs.why}`);
  const siblings = nodeIds.length > 1 ? ` (and the ${nodeIds.length - 1} like it)` : '';
  let outcome: TechnologyOutcome;
  let credit: number;
  let sentence: string;
  const strongest = betterOnes[0] ?? null;
  // The alternative that fails hardest: one that cannot carry the load first, then the busiest.
  const failing = others.filter((o) => !o.passes && !o.error && o.misses.length > 0);
  const blocked = (o: TechnologyOption) =>
    (o.utilization ?? 0) >= 1 || o.misses.some((m) => /saturates|cannot hold|fail/.test(m));
  const worstOther =
    [...failing].sort(
      (a, b) => Number(blocked(b)) - Number(blocked(a)) || (b.utilization ?? 0) - (a.utilization ?? 0),
    )[0] ?? null;
  const contrast = worstOther ? ` By contrast, ${lowerFirstLabel(describeOption(worstOther, nodeLabel))}` : '';
  if (chosenTech === null) {
    outcome = 'generic';
    credit = 0;
    sentence = `${nodeLabel}${siblings} is ${optionLabel(node.kind, null)}: you did not choose a technology, and which one is what an interviewer asks next. ${
      strongest
        ? `On your design, ${lowerFirstLabel(describeOption(strongest, nodeLabel))}`
        : 'On your design no technology of this kind meets the targets as sized: look at the figures below.'
    }`;
  } else if (!mine.fits) {
    outcome = 'misfit';
    credit = 0;
    sentence = `${nodeLabel} runs ${mine.label}, which does not do what this problem needs: ${choice.needs!.why}${
      strongest ? ` ${describeOption(strongest, nodeLabel)}` : ''
    }`;
  } else if (mine.passes) {
    outcome = 'passes';
    credit = 1;
    sentence = `${describeOption(mine, nodeLabel)}${contrast}`;
  } else if (strongest) {
    outcome = 'beaten';
    credit = 0;
    sentence = `${describeOption(mine, nodeLabel)} With ${strongest.label} instead${strongest.kind === node.kind ? ', sized as you sized it' : ''}, ${
      strongest.utilization !== null ? `${nodeLabel} runs at ${formatUtilization(strongest.utilization)} and ` : ''
    }the design meets the targets: the choice is what fails.`;
  } else {
    outcome = 'elsewhere';
    credit = 0.5;
    sentence = `${mine.label.charAt(0).toUpperCase()}${mine.label.slice(1)} fits, but the design misses the targets for another reason (${mine.misses
      .slice(0, 2)
      .join('; ')}), and no other technology here would pass as your design stands.`;
  }
  // Where the sentence already describes the candidate's own choice, the details compare the alternatives only.
  const shown = outcome === 'passes' || outcome === 'beaten' ? details.slice(1) : details;
  return { choice, nodeId: node.id, nodeIds, outcome, credit, sentence, details: shown, options };
}

function lowerFirstLabel(s: string): string {
  // "Cassandra: …" stays; "A single PostgreSQL primary: …" reads "a single …" mid-sentence.
  return /^(A|An|The) /.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** Every technology choice the problem judges, on the candidate's design. */
export function judgeTechnology(problem: Problem, design: Design, target: TargetResult): TechnologyVerdict[] {
  return problem.rubric.technology.map((c) => judgeTechnologyChoice(problem, design, target, c));
}
