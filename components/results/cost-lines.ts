/**
 * The results panel's bill (MODEL.md §9.6): the engine's cost lines turned
 * into rows that visibly add up. Amounts are shown in whole dollars, rounded
 * so that the rows sum exactly to the rounded total (largest remainder), and
 * the component lines beyond the largest few fold into "Other components".
 */
import type { CostBreakdown, CostLine } from '@/lib/engine/data';

export interface CostRow {
  key: string;
  label: string;
  type: CostLine['type'] | 'other';
  /** Whole dollars, as shown. */
  dollars: number;
  /** The engine's figure, for the bar. */
  usd: number;
  /** Component id (component rows only). */
  nodeId?: string;
  /** The folded component rows (the "other" row only). */
  children?: CostRow[];
}

export interface CostRows {
  components: CostRow[];
  /** "Other components" when more than `topN` components cost something. */
  other: CostRow | null;
  /** egress, cdn, storage, transfer: always shown. */
  shared: CostRow[];
  /** Whole dollars; the sum of every shown row. */
  totalDollars: number;
}

/**
 * Rounds each value to an integer so the integers sum to `Math.round(total)`:
 * floor everything, then hand the missing units to the largest remainders.
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const target = Math.round(total);
  const out = values.map((v) => Math.floor(Math.max(0, v)));
  let missing = target - out.reduce((a, b) => a + b, 0);
  const order = values.map((v, i) => i).sort((a, b) => values[b] - out[b] - (values[a] - out[a]) || a - b);
  for (let k = 0; missing > 0 && order.length > 0; k = (k + 1) % order.length, missing--) out[order[k]]++;
  // Only when the values sum to less than the total's floor (float noise): take units back from the smallest remainders.
  for (let k = order.length - 1; missing < 0 && k >= 0; k--) {
    if (out[order[k]] > 0) {
      out[order[k]]--;
      missing++;
    }
  }
  return out;
}

const SHARED_TYPES = ['egress', 'cdn', 'storage', 'transfer'] as const;

/** The rows of the bill: the `topN` dearest components, the rest folded, then the shared lines. */
export function costRows(cost: CostBreakdown, topN = 5): CostRows {
  const lines = cost.lines;
  const dollars = roundToTotal(
    lines.map((l) => l.usd),
    cost.totalUsd,
  );
  const rows: CostRow[] = lines.map((l, i) => ({
    key: `${l.type}:${l.id}`,
    label: l.label,
    type: l.type,
    dollars: dollars[i],
    usd: l.usd,
    ...(l.type === 'component' ? { nodeId: l.id } : {}),
  }));
  const components = rows
    .filter((r) => r.type === 'component' && (r.usd > 0 || r.dollars > 0))
    .sort((a, b) => b.usd - a.usd || a.label.localeCompare(b.label));
  const shown = components.length > topN + 1 ? components.slice(0, topN) : components;
  const folded = components.slice(shown.length);
  const other: CostRow | null =
    folded.length > 0
      ? {
          key: 'other',
          label: `Other components (${folded.length})`,
          type: 'other',
          dollars: folded.reduce((a, r) => a + r.dollars, 0),
          usd: folded.reduce((a, r) => a + r.usd, 0),
          children: folded,
        }
      : null;
  const shared = SHARED_TYPES.map((t) => rows.find((r) => r.type === t)).filter((r): r is CostRow => r !== undefined);
  return { components: shown, other, shared, totalDollars: Math.round(cost.totalUsd) };
}
