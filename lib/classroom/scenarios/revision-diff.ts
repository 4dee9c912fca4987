/**
 * What an edit of a published scenario changed, in words a student reads
 * ("budget $300 → $400", "p95 target 200 ms → 150 ms"), and whether it
 * changes grades. Pure and client-safe; lib/classroom/scenarios/revisions.ts stores it.
 */
import { stableJson } from '../../design/stable-json';
import { formatAvailability, formatMs, formatUsd } from '@/lib/shared/format';
import { resolveTargets, type ResolvedSlo, type ScenarioConfig } from './schema';

export interface ChangeItem {
  text: string;
  /** Shown to students (false: the reference design, the instructor's rubric). */
  students: boolean;
}

export interface ScenarioSide {
  title: string;
  brief: string;
  config: ScenarioConfig;
}

const SLO_FIELDS: { key: keyof Pick<ResolvedSlo, 'budgetUsd' | 'p95ReadMs' | 'availability'>; name: string; show(v: number): string }[] = [
  { key: 'budgetUsd', name: 'budget', show: formatUsd },
  { key: 'p95ReadMs', name: 'p95 target', show: formatMs },
  { key: 'availability', name: 'availability target', show: formatAvailability },
];

function quoted(s: string): string {
  return `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;
}

/** The changes from `before` to `after`, in order: title, brief, targets, service levels, workload, reference, rubric. */
export function describeChanges(before: ScenarioSide, after: ScenarioSide): { items: ChangeItem[]; regrade: boolean } {
  const items: ChangeItem[] = [];
  if (before.title !== after.title) items.push({ text: `title ${quoted(before.title)} → ${quoted(after.title)}`, students: true });
  if (before.brief !== after.brief) items.push({ text: 'brief edited', students: true });

  const was = resolveTargets(before.config);
  const now = resolveTargets(after.config);
  const added = now.filter((t) => !was.some((w) => w.key === t.key));
  const removed = was.filter((w) => !now.some((t) => t.key === w.key));
  for (const t of added) items.push({ text: `target added: ${t.label}`, students: true });
  for (const t of removed) items.push({ text: `target removed: ${t.label}`, students: true });

  const common = now.filter((t) => was.some((w) => w.key === t.key));
  for (const f of SLO_FIELDS) {
    const lines = common
      .map((t) => {
        const old = was.find((w) => w.key === t.key)!.slo[f.key];
        const fresh = t.slo[f.key];
        return old === fresh ? null : { label: t.label, text: `${f.name} ${f.show(old)} → ${f.show(fresh)}` };
      })
      .filter((x): x is { label: string; text: string } => x !== null);
    if (lines.length === 0) continue;
    // The same change for every target reads once, without the target's name.
    if (lines.length === common.length && lines.every((l) => l.text === lines[0].text)) items.push({ text: lines[0].text, students: true });
    else for (const l of lines) items.push({ text: `${l.label}: ${l.text}`, students: true });
  }

  const keys = new Set([...Object.keys(before.config.workload), ...Object.keys(after.config.workload)]);
  for (const k of [...keys].sort()) {
    const a = (before.config.workload as Record<string, unknown>)[k];
    const b = (after.config.workload as Record<string, unknown>)[k];
    if (stableJson(a ?? null) !== stableJson(b ?? null)) {
      items.push({ text: `workload ${k} ${a === undefined ? 'default' : String(stableJson(a))} → ${b === undefined ? 'default' : String(stableJson(b))}`, students: true });
    }
  }

  const refBefore = before.config.referenceDesign ? stableJson(before.config.referenceDesign) : null;
  const refAfter = after.config.referenceDesign ? stableJson(after.config.referenceDesign) : null;
  if (refBefore !== refAfter) {
    items.push({ text: refAfter === null ? 'reference design removed' : refBefore === null ? 'reference design added' : 'reference design replaced', students: false });
  }

  const rubricBefore = before.config.rubric;
  const rubricAfter = after.config.rubric;
  for (const c of rubricAfter) {
    const old = rubricBefore.find((x) => x.id === c.id);
    if (!old) items.push({ text: `rubric criterion added: ${quoted(c.label)} (${c.maxPoints} points)`, students: false });
    else if (old.label !== c.label || old.maxPoints !== c.maxPoints) {
      items.push({ text: `rubric criterion ${quoted(old.label)} (${old.maxPoints} points) → ${quoted(c.label)} (${c.maxPoints} points)`, students: false });
    }
  }
  for (const c of rubricBefore) {
    if (!rubricAfter.some((x) => x.id === c.id)) items.push({ text: `rubric criterion removed: ${quoted(c.label)}`, students: false });
  }

  // Grades change with the targets, their service levels and the workload; not with the words, the reference or the rubric.
  const grading = (c: ScenarioConfig) => stableJson({ targets: c.targets, slo: c.slo, workload: c.workload });
  return { items, regrade: grading(before.config) !== grading(after.config) };
}
