'use client';
/**
 * The calibration table (MODEL.md §9.2, docs/model.md §12): each catalog
 * figure next to its published counterpart, largest departures first, or
 * grouped by area. The rows are evaluated on the server from
 * lib/engine/calibration.ts (the engine values are read from the catalog);
 * this component only orders and shows them.
 */
import { useState } from 'react';
import { formatNumber } from '@/lib/shared/format';

const th = 'border-b border-slate-200 bg-slate-50 px-3 py-2 font-semibold whitespace-nowrap text-slate-900';
const td = 'border-b border-slate-100 px-3 py-2 align-top text-slate-800';

export interface CalibrationView {
  id: string;
  group: string;
  figure: string;
  unit: string;
  engine: number;
  published: { low: number; high: number; text: string } | null;
  source: string;
  evidence: string;
  /** 0 inside the range, signed fraction outside, null without a counterpart. */
  departure: number | null;
  acceptedBecause: string | null;
}

type Order = 'departure' | 'group';

export function valueText(x: number, unit: string): string {
  if (unit === 'fraction') return `${Number((x * 100).toPrecision(6))}%`;
  if (unit.startsWith('$') && x < 1) return `$${Number(x.toPrecision(3))}`;
  return formatNumber(x, 4);
}

function publishedText(row: CalibrationView): string {
  if (!row.published) return '—';
  const { low, high } = row.published;
  if (low === high) return valueText(low, row.unit);
  return `${valueText(low, row.unit)}–${valueText(high, row.unit)}`;
}

export function departureText(d: number | null): string {
  if (d === null) return 'no published figure';
  if (d === 0) return 'inside';
  const pct = Math.abs(d) * 100;
  return `${d > 0 ? '+' : '−'}${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

function DepartureBadge({ row }: { row: CalibrationView }) {
  const open = row.acceptedBecause?.startsWith('Open') ?? false;
  const cls =
    row.departure === null
      ? 'bg-slate-100 text-slate-700'
      : row.departure === 0
        ? 'bg-emerald-50 text-emerald-800'
        : open
          ? 'bg-red-50 text-red-800'
          : 'bg-amber-50 text-amber-900';
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap tabular-nums ${cls}`}>
      {departureText(row.departure)}
      {open ? ' · open' : ''}
    </span>
  );
}

const size = (r: CalibrationView) => (r.departure === null ? -1 : Math.abs(r.departure));

export function CalibrationTable({ rows }: { rows: CalibrationView[] }) {
  const [order, setOrder] = useState<Order>('departure');
  const groups = [...new Set(rows.map((r) => r.group))];
  const sorted =
    order === 'departure'
      ? [...rows].sort((a, b) => size(b) - size(a))
      : groups.flatMap((g) => rows.filter((r) => r.group === g).sort((a, b) => size(b) - size(a)));
  const outside = rows.filter((r) => r.departure !== null && r.departure !== 0).length;
  const missing = rows.filter((r) => r.departure === null).length;

  return (
    <div className="my-5">
      <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Order the calibration table">
        <span className="text-slate-700">Order:</span>
        {(
          [
            ['departure', 'Largest departure first'],
            ['group', 'By area'],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            aria-pressed={order === value}
            onClick={() => setOrder(value)}
            className={`rounded-md border px-2.5 py-1 ${order === value ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
          >
            {label}
          </button>
        ))}
        <span className="text-slate-600">
          {rows.length} figures: {rows.length - outside - missing} inside their published range, {outside} outside, {missing} without a published counterpart.
        </span>
      </div>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full border-collapse text-left text-sm" aria-label="Calibration: catalog figures against published figures">
          <caption className="bg-slate-50 px-3 py-2 text-left text-sm font-medium text-slate-700">
            Each engine figure (read from the catalog) against its published counterpart. Departure: 0 inside the published range, else the distance to its
            nearer end. Amber: outside, with the reason it stays; red: open, to be fixed in the engine.
          </caption>
          <thead>
            <tr>
              <th scope="col" className={th}>
                Figure
              </th>
              <th scope="col" className={`${th} hidden text-right sm:table-cell`}>
                Engine
              </th>
              <th scope="col" className={`${th} hidden text-right sm:table-cell`}>
                Published
              </th>
              <th scope="col" className={`${th} hidden sm:table-cell`}>
                Departure
              </th>
            </tr>
          </thead>
          {order === 'group'
            ? groups.map((g) => (
                <tbody key={g}>
                  <tr>
                    <th scope="colgroup" colSpan={4} className="border-b border-slate-200 bg-slate-100 px-3 py-1.5 text-xs font-semibold tracking-wide text-slate-700 uppercase">
                      {g}
                    </th>
                  </tr>
                  {sorted
                    .filter((r) => r.group === g)
                    .map((r) => (
                      <Row key={r.id} row={r} />
                    ))}
                </tbody>
              ))
            : (
                <tbody>
                  {sorted.map((r) => (
                    <Row key={r.id} row={r} />
                  ))}
                </tbody>
              )}
        </table>
      </div>
    </div>
  );
}

function Row({ row }: { row: CalibrationView }) {
  return (
    <tr data-calibration-row={row.id}>
      <th scope="row" className={`${td} font-normal sm:min-w-60`}>
        <span className="font-medium text-slate-900">{row.figure}</span>
        {/* On a phone the three number columns fold into this line, so the departure stays in sight. */}
        <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm tabular-nums sm:hidden">
          <span>
            <span className="text-slate-600">Engine</span> {valueText(row.engine, row.unit)}
          </span>
          <span>
            <span className="text-slate-600">Published</span> {publishedText(row)}
          </span>
          <DepartureBadge row={row} />
        </span>
        <span className="block text-xs text-slate-600">
          {row.unit} · {row.source} ({row.evidence})
        </span>
        {row.published ? <span className="mt-0.5 block text-xs text-slate-600">Published: {row.published.text}</span> : null}
        {row.acceptedBecause ? <span className="mt-0.5 block text-xs text-amber-900">Why: {row.acceptedBecause}</span> : null}
      </th>
      <td className={`${td} hidden text-right whitespace-nowrap tabular-nums sm:table-cell`}>{valueText(row.engine, row.unit)}</td>
      <td className={`${td} hidden text-right whitespace-nowrap tabular-nums sm:table-cell`}>{publishedText(row)}</td>
      <td className={`${td} hidden sm:table-cell`}>
        <DepartureBadge row={row} />
      </td>
    </tr>
  );
}
