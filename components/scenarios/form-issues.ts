/**
 * The authoring form's error messages: each names the field as the form
 * labels it, in the units the instructor typed (Availability in %, budget in
 * US $), never an internal path such as `config.slo.availability`. The API
 * keeps its own messages (fractions, field names) for scripts; this module
 * only rewords them for the form.
 */
import type { z } from 'zod';
import { formatPath } from '@/lib/design/schema';
import type { WORKLOAD_DEFAULTS } from '@/lib/engine/data';
import type { FieldIssue } from '@/lib/classroom/scenarios/schema';

/** The numeric workload fields an instructor can set (`audience` is a choice, not a number). */
export type WorkloadKey = Exclude<keyof typeof WORKLOAD_DEFAULTS, 'audience'>;

export const WORKLOAD_FIELDS: { key: WorkloadKey; label: string; unit?: string; fraction?: boolean }[] = [
  { key: 'requestsPerUserPerDay', label: 'Requests per user per day' },
  { key: 'peakFactor', label: 'Peak hour ÷ daily average' },
  { key: 'staticShare', label: 'Static share of requests', unit: '%', fraction: true },
  { key: 'readRatio', label: 'Reads among dynamic requests', unit: '%', fraction: true },
  { key: 'asyncShare', label: 'Writes that start a background job', unit: '%', fraction: true },
  { key: 'jobServiceMs', label: 'Background job time', unit: 'ms' },
  { key: 'dataPerUserMB', label: 'Data stored per user', unit: 'MB' },
];

/** The id of a workload input, so an error can point at it. */
export const workloadFieldId = (key: string) => `f-w-${key}`;

interface FieldSpec {
  label: string;
  /** Numbers are shown as typed: value × scale, with a unit before or after. */
  numeric?: { scale?: number; before?: string; after?: string; percentRange?: boolean };
}

const SLO_SPECS: Record<string, FieldSpec> = {
  'config.slo.p95ReadMs': { label: 'p95 read latency', numeric: { after: ' ms' } },
  'config.slo.availability': { label: 'Availability', numeric: { scale: 100, after: '%' } },
  'config.slo.budgetUsd': { label: 'Monthly budget', numeric: { before: '$' } },
  // The budget's old name, still accepted from older clients.
  'config.slo.monthlyBudgetUsd': { label: 'Monthly budget', numeric: { before: '$' } },
};

const startsWith = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** The form's name (and units) for an API path, or null for one the form has no field for. */
export function fieldSpecOf(path: string): FieldSpec | null {
  if (startsWith(path, 'title')) return { label: 'Title' };
  if (startsWith(path, 'brief')) return { label: 'Brief' };
  const target = /^config\.targets\[(\d+)\]\.(users|label)$/.exec(path);
  if (target) {
    const n = Number(target[1]) + 1;
    return target[2] === 'users' ? { label: `Daily users of target ${n}`, numeric: {} } : { label: `Label of target ${n}` };
  }
  if (startsWith(path, 'config.targets')) return { label: 'Targets' };
  if (SLO_SPECS[path]) return SLO_SPECS[path];
  const w = /^config\.workload\.(\w+)$/.exec(path);
  const wf = w ? WORKLOAD_FIELDS.find((f) => f.key === w[1]) : undefined;
  if (wf) {
    return {
      label: wf.label,
      numeric: wf.fraction ? { scale: 100, after: '%', percentRange: true } : { after: wf.unit ? ` ${wf.unit}` : '' },
    };
  }
  if (startsWith(path, 'config.workload')) return { label: 'Workload' };
  if (startsWith(path, 'config.allowedKinds')) return { label: 'Components students may use' };
  if (startsWith(path, 'config.startingDesign') || startsWith(path, 'config.lockedNodeIds')) return { label: 'Starting design' };
  if (startsWith(path, 'config.referenceDesign')) return { label: 'Reference design' };
  if (startsWith(path, 'config.scoreVisibility')) return { label: 'Students see their scores' };
  if (startsWith(path, 'config.deadline')) return { label: 'Deadline' };
  return null;
}

function show(n: number | bigint, numeric: NonNullable<FieldSpec['numeric']>): string {
  const v = Number(n) * (numeric.scale ?? 1);
  return `${numeric.before ?? ''}${Number(v.toPrecision(12)).toLocaleString('en-US', { maximumFractionDigits: 6 })}${numeric.after ?? ''}`;
}

/** An API message reworded to lead with the form's label ("title must not be empty" → "Title must not be empty"). */
function relabel(path: string, message: string, label: string): string {
  const last = /([A-Za-z]+)(?:\[\d+\])?$/.exec(path)?.[1];
  if (last && message.startsWith(`${last} `)) return `${label}${message.slice(last.length)}`;
  return `${label}: ${message}`;
}

/** One issue as the form shows it; the path stays, for placing it next to its field. */
export function formIssue(issue: FieldIssue & { zod?: z.core.$ZodIssue }): FieldIssue {
  const spec = fieldSpecOf(issue.path);
  if (!spec) return { path: issue.path, message: issue.message };
  const i = issue.zod;
  const numeric = spec.numeric;
  if (i && numeric) {
    if (i.code === 'invalid_type') {
      return { path: issue.path, message: i.expected === 'int' ? `${spec.label} must be a whole number` : `${spec.label} must be a number` };
    }
    if ((i.code === 'too_small' || i.code === 'too_big') && (i.origin === 'number' || i.origin === 'int')) {
      if (numeric.percentRange) return { path: issue.path, message: `${spec.label} must be between 0% and 100%` };
      const message =
        i.code === 'too_small'
          ? `${spec.label} must be ${i.inclusive ? 'at least' : 'above'} ${show(i.minimum, numeric)}`
          : `${spec.label} must be ${i.inclusive ? 'at most' : 'below'} ${show(i.maximum, numeric)}`;
      return { path: issue.path, message };
    }
  }
  return { path: issue.path, message: relabel(issue.path, issue.message, spec.label) };
}

/** The schema's issues with the form's field names and units. */
export function formIssuesFromZod(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((i) => formIssue({ path: formatPath(i.path), message: i.message, zod: i }));
}
