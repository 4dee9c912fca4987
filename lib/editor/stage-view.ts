/**
 * How the scorecard shows a stage's result (MODEL.md §9.6): checks grouped by
 * what they judge, the stage's objectives, with/without comparisons of a
 * practice, and scores that never round a failure up to full marks. Pure
 * functions, no React.
 */
import type { CheckCategory, Evaluation, PracticeComparison, StageCheck, StageObjectives, StageScoreParts } from '@/lib/engine/data';
import { formatAvailability, formatFraction, formatInteger, formatMs, formatUsd, formatUsers, formatUtilization } from '@/lib/shared/format';

/**
 * What the screen says when the users slider rests between stages: no
 * stage is judged there, so the one line names the load and the busiest
 * component at that load, from the same evaluation the cards colour from.
 */
export function atUsersLine(evaluation: Pick<Evaluation, 'users' | 'bottleneck' | 'nodes'>): string {
  const busiest = evaluation.bottleneck.nodeId ? evaluation.nodes[evaluation.bottleneck.nodeId] : undefined;
  const head = `At ${formatUsers(evaluation.users)} users`;
  return busiest ? `${head}: busiest is ${busiest.label} at ${formatUtilization(evaluation.bottleneck.utilization)}` : head;
}

export const CATEGORY_ORDER: readonly { id: CheckCategory; label: string }[] = [
  { id: 'capacity', label: 'Capacity' },
  { id: 'latency', label: 'Latency' },
  { id: 'availability', label: 'Availability' },
  { id: 'errors', label: 'Errors' },
  { id: 'cost', label: 'Cost' },
  { id: 'practice', label: 'Practices' },
];

const KNOWN = new Set<string>(CATEGORY_ORDER.map((c) => c.id));

/** A check's category; older results without one are placed by their id. */
export function categoryOf(check: Pick<StageCheck, 'id'> & { category?: string }): CheckCategory {
  if (check.category && KNOWN.has(check.category)) return check.category as CheckCategory;
  const id = check.id;
  if (id.startsWith('practice:')) return 'practice';
  if (id.startsWith('latency')) return 'latency';
  if (id === 'availability') return 'availability';
  if (id === 'cost') return 'cost';
  if (id === 'routing' || id === 'shedding' || id === 'flash-crowd') return 'errors';
  return 'capacity';
}

export interface CheckGroup {
  category: CheckCategory;
  label: string;
  checks: StageCheck[];
  passed: boolean;
}

/** Checks grouped by category in a fixed order, the engine's order within each; empty groups left out. */
export function groupChecks(checks: readonly StageCheck[]): CheckGroup[] {
  return CATEGORY_ORDER.map(({ id, label }) => {
    const mine = checks.filter((c) => categoryOf(c) === id);
    return { category: id, label, checks: mine, passed: mine.every((c) => c.passed) };
  }).filter((g) => g.checks.length > 0);
}

/**
 * The stage score as shown: a passing stage's score rounded; a failing
 * stage's rounded down and never 100 (MODEL.md §9.6), whatever the engine
 * or a stored result says.
 */
export function displayScore(score: number, passed: boolean): number {
  if (!Number.isFinite(score)) return 0;
  if (passed) return Math.round(score);
  return Math.max(0, Math.min(99, Math.floor(score)));
}

/** Which score part a check's failure takes marks from (lib/engine/stages.ts `judgeStage`). */
export function partOfCheck(check: Pick<StageCheck, 'id'> & { category?: string }): keyof StageScoreParts {
  const category = categoryOf(check);
  if (category === 'practice') return 'practices';
  if (category === 'errors') return check.id === 'routing' ? 'capacity' : 'availability';
  return category;
}

/**
 * A score part as shown, out of `max`: rounded when its checks hold; rounded
 * down and below full marks when one of them fails (a part the engine
 * rounded to full marks is still short of them).
 */
export function displayPart(value: number, max: number, failing: boolean): number {
  if (!Number.isFinite(value)) return 0;
  if (!failing) return Math.round(value);
  return Math.max(0, Math.min(max - 1, Math.floor(value)));
}

/** The score parts that have a failing check. */
export function failingParts(checks: readonly StageCheck[]): Set<keyof StageScoreParts> {
  const out = new Set<keyof StageScoreParts>();
  for (const c of checks) if (!c.passed) out.add(partOfCheck(c));
  return out;
}

/** The stage's objectives as short phrases, in the order a learner reads them. */
export function objectivePhrases(o: StageObjectives, users: number): string[] {
  const out = [`${formatUsers(users)} users`, `p95 read ≤ ${formatMs(o.p95ReadMs)}`];
  if (o.p95WriteMs !== null) out.push(`p95 write ≤ ${formatMs(o.p95WriteMs)}`);
  if (o.userStaticP95Ms !== null) out.push(`static for users ≤ ${formatMs(o.userStaticP95Ms)}`);
  out.push(`${formatAvailability(o.availability)} available`);
  if (o.flashErrorRate !== null) out.push(`flash-crowd errors ≤ ${formatFraction(o.flashErrorRate)}`);
  out.push(`${formatUsd(o.budgetUsd)} a month`);
  out.push(`${o.audience} audience`);
  return out;
}

export interface ComparisonRow {
  label: string;
  with: string;
  without: string;
}

/**
 * The rows of a practice's with/without table: replicas and blast radius
 * only where the engine reports them, then the data tier's monthly cost,
 * the read p95 and the busiest component.
 */
export function comparisonRows(c: PracticeComparison): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const count = (n: number | null) => formatInteger(n ?? NaN);
  if (c.with.replicaInstances !== null || c.without.replicaInstances !== null) {
    rows.push({ label: 'Read replicas', with: count(c.with.replicaInstances), without: count(c.without.replicaInstances) });
  }
  rows.push({ label: 'Data tier, a month', with: formatUsd(c.with.dataTierUsd), without: formatUsd(c.without.dataTierUsd) });
  rows.push({ label: 'p95 read', with: formatMs(c.with.p95ReadMs), without: formatMs(c.without.p95ReadMs) });
  const busiest = (s: PracticeComparison['with']) => `${formatUtilization(s.maxUtilization)}${s.saturated ? ' (saturated)' : ''}`;
  rows.push({ label: 'Busiest component', with: busiest(c.with), without: busiest(c.without) });
  if (c.with.blastRadius !== null || c.without.blastRadius !== null) {
    const pct = (n: number | null) => (n === null ? '—' : formatFraction(n));
    rows.push({ label: 'Blast radius of a bad deploy', with: pct(c.with.blastRadius), without: pct(c.without.blastRadius) });
  }
  return rows;
}
