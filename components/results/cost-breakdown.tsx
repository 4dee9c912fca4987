'use client';

import Link from 'next/link';
import type { Evaluation } from '@/lib/engine/data';
import { costRows, type CostRow } from './cost-lines';
import { formatGB, formatWholeUsd } from '@/lib/shared/format';
import { TechnologyAfterName } from '@/components/editor/technology-tag';

const SHARED_NOTES: Record<string, (e: Evaluation) => string | null> = {
  egress: (e) => gbNote(e.cost.internetEgressGB),
  cdn: (e) => gbNote(e.cost.cdnEgressGB),
  storage: () => 'databases, replicas, objects',
  transfer: (e) =>
    e.cost.transferGB > 0 ? `${gbNote(e.cost.transferGB)} of writes to other regions` : 'one region: nothing to copy',
};

function gbNote(gb: number): string | null {
  if (!(gb > 0)) return null;
  return `${formatGB(gb)} a month`;
}

function Line({ row, top, note }: { row: CostRow; top: number; note?: string | null }) {
  return (
    <li
      className="grid grid-cols-[1fr_5.5rem] items-center gap-2 text-xs"
      data-cost-line={row.type}
      data-usd={row.dollars}
    >
      <span className="min-w-0">
        <span className="block truncate text-slate-800">
          {row.label}
          {row.nodeId ? <TechnologyAfterName nodeId={row.nodeId} /> : null}
        </span>
        {note ? <span className="block text-[11px] leading-tight text-slate-600">{note}</span> : null}
        <span
          aria-hidden="true"
          className={`mt-0.5 block h-1 rounded-full ${row.type === 'component' || row.type === 'other' ? 'bg-brand-500/70' : 'bg-slate-400/70'}`}
          style={{ width: `${top > 0 ? Math.max(2, (row.usd / top) * 100) : 2}%` }}
        />
      </span>
      <span className="text-right font-mono text-slate-900" data-testid="cost-line-usd">
        {formatWholeUsd(row.dollars)}
      </span>
    </li>
  );
}

/**
 * The monthly bill as lines that add up to the total (MODEL.md §9.6): the
 * dearest components, the rest folded, then internet egress, CDN, storage
 * and inter-region transfer, then the total, with the price table's date.
 */
export function CostBreakdownView({ evaluation }: { evaluation: Evaluation }) {
  const { components, other, shared, totalDollars } = costRows(evaluation.cost);
  const top = Math.max(0, ...components.map((r) => r.usd), ...shared.map((r) => r.usd));
  return (
    <section
      aria-labelledby="cost-breakdown-title"
      className="rounded-md border border-slate-200 px-2.5 py-2"
      data-testid="cost-breakdown"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h4 id="cost-breakdown-title" className="text-sm font-medium text-slate-800">
          Monthly cost breakdown
        </h4>
        <Link
          href="/model#prices"
          className="text-xs text-slate-600 underline decoration-slate-300 underline-offset-2 hover:text-brand-700"
        >
          Prices of {evaluation.cost.priceTableDate}
        </Link>
      </div>
      <ul className="mt-1.5 space-y-1" aria-label="Monthly cost per component">
        {components.map((row) => (
          <Line key={row.key} row={row} top={top} />
        ))}
        {other ? (
          <li data-cost-line="other" data-usd={other.dollars}>
            <details className="group">
              <summary className="grid cursor-pointer list-none grid-cols-[1fr_5.5rem] items-center gap-2 text-xs [&::-webkit-details-marker]:hidden">
                <span className="min-w-0">
                  <span className="block truncate text-slate-800">
                    <span
                      aria-hidden="true"
                      className="mr-1 inline-block text-slate-500 transition-transform group-open:rotate-90"
                    >
                      ▸
                    </span>
                    {other.label}
                  </span>
                  <span
                    aria-hidden="true"
                    className="mt-0.5 block h-1 rounded-full bg-brand-500/40"
                    style={{ width: `${top > 0 ? Math.max(2, (other.usd / top) * 100) : 2}%` }}
                  />
                </span>
                <span className="text-right font-mono text-slate-900" data-testid="cost-line-usd">
                  {formatWholeUsd(other.dollars)}
                </span>
              </summary>
              <ul className="mt-1 space-y-1 border-l border-slate-200 pl-2" aria-label="Other components">
                {other.children!.map((row) => (
                  <Line key={row.key} row={row} top={top} />
                ))}
              </ul>
            </details>
          </li>
        ) : null}
      </ul>
      <ul className="mt-1.5 space-y-1 border-t border-slate-100 pt-1.5" aria-label="Monthly cost shared by the design">
        {shared.map((row) => (
          <Line key={row.key} row={row} top={top} note={SHARED_NOTES[row.type]?.(evaluation)} />
        ))}
      </ul>
      <p
        className="mt-1.5 grid grid-cols-[1fr_5.5rem] gap-2 border-t border-slate-300 pt-1.5 text-xs font-semibold text-slate-900"
        data-testid="cost-total"
      >
        <span>Total a month</span>
        <span className="text-right font-mono" data-usd={totalDollars}>
          {formatWholeUsd(totalDollars)}
        </span>
      </p>
    </section>
  );
}
