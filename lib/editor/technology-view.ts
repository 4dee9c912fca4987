/**
 * How the editor shows a component's technology and compares its choices
 * (the inspector's "Compare technologies", the canvas card, the results
 * panel). Plain functions over the registry in lib/engine/technologies.ts:
 * the registry owns the choices and their names; this file only words them
 * and measures the differences a learner should notice.
 */
import { type Kind, GENERIC, technologiesOf, technologyLabel, technologyParams, type NodeParams } from '@/lib/engine/data';
import { formatAvailability, formatMs, formatRps, formatUsd, signed } from '@/lib/shared/format';

export { GENERIC };

/** Whether a kind offers a choice of technology. */
export function hasTechnologies(kind: Kind): boolean {
  return technologiesOf(kind).length > 0;
}

/** The choices of a kind as the compare view lists them: "generic" first, then the registry's order. */
export function technologyChoices(kind: Kind): string[] {
  const own = technologiesOf(kind);
  return own.length > 0 ? [GENERIC, ...own] : [];
}

/** "Redis", "Memcached", or "Generic" for an absent technology (the registry's words). */
export function technologyName(kind: Kind, technology: string | undefined): string {
  return technologyLabel(kind, technology);
}

/** "Redis, Valkey, Memcached or Serverless cache"; "" for a kind without choices. */
export function technologyList(kind: Kind): string {
  const names = technologiesOf(kind).map((t) => technologyName(kind, t));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * What the canvas card and the results say after the kind: the technology's
 * name, "generic" for a kind that offers a choice but has none, and nothing
 * for a kind without choices.
 */
export function technologyTag(kind: Kind, technology: string | undefined): { text: string; generic: boolean } | null {
  if (!hasTechnologies(kind)) return null;
  if (!technology || technology === GENERIC) return { text: 'generic', generic: true };
  return { text: technologyName(kind, technology), generic: false };
}

/**
 * The parameter change that switches a node from one technology to another,
 * as ONE edit: the new `technology` (absent for generic), and the
 * technology-specific settings of the old choice that the new one does not
 * take removed, so the switch is never refused for a leftover setting.
 */
export function technologyPatch(kind: Kind, from: string | undefined, to: string): Partial<Record<keyof NodeParams, unknown>> {
  const patch: Record<string, unknown> = { technology: to === GENERIC ? undefined : to };
  const keep = new Set<string>(technologyParams(kind, to));
  const old = technologyParams(kind, from);
  for (const key of old) if (!keep.has(key)) patch[key] = undefined;
  return patch as Partial<Record<keyof NodeParams, unknown>>;
}

/* ---------- the comparison ---------- */

/** One choice's numbers in the compare view (a summary that crosses the worker boundary). */
export interface TechnologyRow {
  /** A technology id of the kind, or "generic". */
  technology: string;
  /** Largest request rate the component serves before saturating at this traffic mix, req/s; null when idle or unbounded. */
  capacityRps: number | null;
  /** The design's server-side p95 and p99 over all user requests, ms. */
  p95Ms: number;
  p99Ms: number;
  /** The design's end-to-end availability. */
  availability: number;
  /** The whole design's monthly cost with this choice, US dollars. */
  monthlyUsd: number;
  /** Share of reads that may see stale data with this choice (0 when none can). */
  staleReadShare: number;
  /** Whether the design passes the compared stage with this choice; null when not judged. */
  passes: boolean | null;
  /** Why this choice cannot be evaluated here (refused by the model), instead of numbers. */
  error?: string;
}

export interface TechnologyComparison {
  nodeId: string;
  kind: Kind;
  users: number;
  /** The stage each choice was judged against, or null where the mode judges by its own rules. */
  stage: number | null;
  rows: TechnologyRow[];
}

export type MetricKey = 'capacityRps' | 'p95Ms' | 'p99Ms' | 'availability' | 'monthlyUsd';

interface MetricSpec {
  key: MetricKey;
  label: string;
  /** Whether a larger number is the better one. */
  higherIsBetter: boolean;
  format(v: number | null): string;
  /** The difference from the compared-to value, as the cell writes it. */
  delta(v: number, base: number): string;
  /** Whether two values differ enough to be worth pointing out. */
  differs(v: number, base: number): boolean;
}

/** Relative differences under 1% are noise a learner should not be shown. */
const relDiffers = (v: number, base: number) => {
  if (!Number.isFinite(v) || !Number.isFinite(base)) return v !== base;
  const scale = Math.max(Math.abs(v), Math.abs(base));
  return scale > 0 && Math.abs(v - base) / scale >= 0.01;
};

/** "3.6×" for a large ratio, "+12%" / "−40%" for a small one. */
function ratioText(v: number, base: number): string {
  if (!(base > 0) || !Number.isFinite(v)) return '';
  const r = v / base;
  if (r >= 1.995) return `${r >= 10 ? Math.round(r) : r.toFixed(1)}×`;
  if (r <= 0.5) return `÷${(1 / r) >= 10 ? Math.round(1 / r) : (1 / r).toFixed(1)}`;
  return signed(`${Math.abs(Math.round((r - 1) * 100))}%`, r - 1);
}

export const METRICS: readonly MetricSpec[] = [
  {
    key: 'capacityRps',
    label: 'Capacity',
    higherIsBetter: true,
    format: (v) => (v === null ? '—' : formatRps(v)),
    delta: ratioText,
    differs: relDiffers,
  },
  {
    key: 'p95Ms',
    label: 'p95',
    higherIsBetter: false,
    format: (v) => (v === null ? '—' : formatMs(v)),
    delta: (v, b) => signed(formatMs(Math.abs(v - b)), v - b),
    differs: relDiffers,
  },
  {
    key: 'p99Ms',
    label: 'p99',
    higherIsBetter: false,
    format: (v) => (v === null ? '—' : formatMs(v)),
    delta: (v, b) => signed(formatMs(Math.abs(v - b)), v - b),
    differs: relDiffers,
  },
  {
    key: 'availability',
    label: 'Availability',
    higherIsBetter: true,
    format: (v) => (v === null ? '—' : formatAvailability(v)),
    // In percentage points: 99.99% against 99.9% is "+0.09 pts".
    delta: (v, b) => signed(`${trimPts(Math.abs(v - b) * 100)} pts`, v - b),
    // Availabilities differ when their downtime does by 1% or more.
    differs: (v, b) => relDiffers(1 - v, 1 - b),
  },
  {
    key: 'monthlyUsd',
    label: 'Cost / month',
    higherIsBetter: false,
    format: (v) => (v === null ? '—' : formatUsd(v)),
    delta: (v, b) => signed(formatUsd(Math.abs(v - b)), v - b),
    differs: relDiffers,
  },
];

function trimPts(p: number): string {
  if (p >= 1) return p.toFixed(1).replace(/\.0$/, '');
  const digits = Math.min(4, Math.max(2, Math.ceil(-Math.log10(p)) + 1));
  return p.toFixed(digits).replace(/0+$/, '').replace(/\.$/, '');
}

export interface MetricCell {
  key: MetricKey;
  label: string;
  text: string;
  /** Against the technology in use; null on the row in use, when equal, or when either side has no figure. */
  change: { text: string; better: boolean } | null;
}

/** One row's cells, each compared with the row of the technology in use (`base`). */
export function metricCells(row: TechnologyRow, base: TechnologyRow | undefined): MetricCell[] {
  return METRICS.map((m) => {
    const v = row[m.key];
    const b = base?.[m.key];
    const change =
      base && base !== row && !row.error && !base.error && v !== null && b !== null && b !== undefined && m.differs(v, b)
        ? { text: m.delta(v, b), better: m.higherIsBetter ? v > b : v < b }
        : null;
    return { key: m.key, label: m.label, text: m.format(v), change };
  });
}

/** A sentence for screen readers and the row's title: what this choice changes against the one in use. */
export function changeSummary(kind: Kind, row: TechnologyRow, base: TechnologyRow | undefined): string {
  const name = technologyName(kind, row.technology);
  if (row.error) return `${name}: ${row.error}`;
  if (!base || base === row) return `${name} is in use.`;
  const cells = metricCells(row, base).filter((c) => c.change);
  const stage = row.passes !== base.passes && row.passes !== null ? (row.passes ? 'passes the stage' : 'fails the stage') : '';
  if (cells.length === 0 && !stage) return `${name}: the same numbers as ${technologyName(kind, base.technology)} here.`;
  const parts = cells.map((c) => `${c.label} ${c.change!.text} (${c.change!.better ? 'better' : 'worse'})`);
  if (stage) parts.push(stage);
  return `${name} against ${technologyName(kind, base.technology)}: ${parts.join(', ')}.`;
}
