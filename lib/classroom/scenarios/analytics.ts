import 'server-only';
import { CATALOG, type Design } from '../../engine/data';
import { db } from '../../server/db';
import type { ScenarioGrade } from './grading';
import { feedbackBySubmission } from './feedback';
import { listSubmissions, type ScenarioRecord } from './repository';
import { resolveTargets } from './schema';

/**
 * Class analytics over each student's latest submission (what counts):
 * the distribution of final scores, the pass rate of every check of every
 * target, and the components (saturated, or named in an error finding) and
 * the findings most often behind a failure.
 * One pass over the rows: a class of 200 is a few milliseconds.
 */

export interface Bin {
  /** Lower bound, inclusive; the last bin (90) holds 100 too. */
  from: number;
  to: number;
  count: number;
}

export interface CheckRate {
  target: string;
  targetLabel: string;
  check: string;
  label: string;
  passed: number;
  total: number;
}

export interface FailingItem {
  key: string;
  label: string;
  /** Students whose latest submission shows it. */
  students: number;
  example?: string;
}

export interface ClassAnalytics {
  students: number;
  mean: number | null;
  median: number | null;
  passedAll: number;
  histogram: Bin[];
  checks: CheckRate[];
  components: FailingItem[];
  findings: FailingItem[];
}

function kindLabel(kind: string): string {
  return CATALOG[kind as keyof typeof CATALOG]?.label ?? kind;
}

export async function classAnalytics(rec: ScenarioRecord): Promise<ClassAnalytics> {
  const latest = await listSubmissions(rec);
  const ids = latest.map((r) => r.id);
  const [rows, feedback] = await Promise.all([
    ids.length ? db().submission.findMany({ where: { id: { in: ids }, scenarioId: rec.row.id }, select: { id: true, grade: true, document: true } }) : [],
    feedbackBySubmission(rec),
  ]);
  const targets = resolveTargets(rec.config);
  const histogram: Bin[] = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9.9, count: 0 }));
  const scores: number[] = [];
  const checkRates = new Map<string, CheckRate>();
  const components = new Map<string, FailingItem>();
  const findings = new Map<string, FailingItem>();
  let passedAll = 0;
  for (const r of rows) {
    const grade = JSON.parse(r.grade) as ScenarioGrade;
    const design = JSON.parse(r.document) as Design;
    const score = feedback.get(r.id)?.finalScore ?? grade.score;
    scores.push(score);
    histogram[Math.min(9, Math.floor(score / 10))].count++;
    if (grade.passed) passedAll++;
    const kindOf = new Map(design.nodes.map((n) => [n.id, n.kind]));
    const failingKinds = new Set<string>();
    for (const t of grade.targets) {
      const label = targets.find((x) => x.key === t.key)?.label ?? t.label;
      for (const c of t.checks) {
        const key = `${t.key}\n${c.id}`;
        const rate = checkRates.get(key) ?? { target: t.key, targetLabel: label, check: c.id, label: c.label, passed: 0, total: 0 };
        rate.total++;
        if (c.passed) rate.passed++;
        checkRates.set(key, rate);
      }
      for (const id of t.metrics.saturated) failingKinds.add(kindOf.get(id) ?? id);
    }
    // A component the model names in an error (traffic with nowhere to go, data that does not fit, …) fails too.
    for (const f of grade.findings) if ((f.severity === 'error' || f.severity === 'critical') && f.node) failingKinds.add(kindOf.get(f.node) ?? f.node);
    for (const kind of failingKinds) {
      const item = components.get(kind) ?? { key: kind, label: kindLabel(kind), students: 0 };
      item.students++;
      components.set(kind, item);
    }
    const codes = new Set<string>();
    for (const f of grade.findings) {
      if (f.severity === 'info' || codes.has(f.code)) continue;
      codes.add(f.code);
      const item = findings.get(f.code) ?? { key: f.code, label: f.code.replace(/-/g, ' '), students: 0, example: f.message };
      item.students++;
      findings.set(f.code, item);
    }
  }
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const byStudents = (a: FailingItem, b: FailingItem) => b.students - a.students || a.label.localeCompare(b.label);
  return {
    students: rows.length,
    mean: scores.length ? round1(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
    median: sorted.length ? round1(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2) : null,
    passedAll,
    histogram,
    checks: [...checkRates.values()],
    components: [...components.values()].sort(byStudents).slice(0, 10),
    findings: [...findings.values()].sort(byStudents).slice(0, 10),
  };
}
