'use client';

import { useState } from 'react';
import { Toggle } from './example-frame';

/** Latency numbers every programmer should know (Dean, via the system-design-primer), in nanoseconds. */
const ROWS: { what: string; ns: number }[] = [
  { what: 'L1 cache reference', ns: 0.5 },
  { what: 'Main memory reference', ns: 100 },
  { what: 'Send 1 KB over a 1 Gbps network', ns: 10_000 },
  { what: 'Random 4 KB read from SSD', ns: 150_000 },
  { what: 'Round trip within a datacenter', ns: 500_000 },
  { what: 'Read 1 MB sequentially from SSD', ns: 1_000_000 },
  { what: 'Disk seek', ns: 10_000_000 },
  { what: 'Round trip California–Netherlands', ns: 150_000_000 },
];

function real(ns: number): string {
  if (ns < 1_000) return `${ns} ns`;
  if (ns < 1_000_000) return `${ns / 1_000} µs`;
  return `${ns / 1_000_000} ms`;
}

/** The same durations if one nanosecond lasted one second. */
function human(ns: number): string {
  const s = ns;
  if (s < 60) return `${s} s`;
  if (s < 3_600) return `${Math.round(s / 60)} min`;
  if (s < 86_400) return `${Math.round(s / 3_600)} h`;
  if (s < 86_400 * 365) return `${Math.round(s / 86_400)} days`;
  return `${(s / (86_400 * 365)).toFixed(1)} years`;
}

export function LatencyNumbers() {
  const [scaled, setScaled] = useState(false);
  const max = Math.log10(ROWS[ROWS.length - 1].ns / ROWS[0].ns);
  return (
    <figure className="my-6 overflow-hidden rounded-lg border border-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2">
        <figcaption className="text-sm font-semibold text-slate-700">Latency numbers (Dean; system-design-primer)</figcaption>
        <Toggle label="Show as if 1 ns took 1 second" checked={scaled} onChange={setScaled} />
      </div>
      <table className="w-full text-left text-sm">
        <thead className="sr-only">
          <tr>
            <th>Operation</th>
            <th>Time</th>
            <th>Scale</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {ROWS.map((r) => (
            <tr key={r.what}>
              <td className="px-4 py-2 text-slate-800">{r.what}</td>
              <td className="px-2 py-2 text-right font-mono whitespace-nowrap text-slate-900 tabular-nums">{scaled ? human(r.ns) : real(r.ns)}</td>
              <td className="hidden w-1/3 px-4 py-2 sm:table-cell" aria-hidden="true">
                <div
                  className="h-2 rounded-full bg-brand-500"
                  style={{ width: `${Math.max(2, (Math.log10(r.ns / ROWS[0].ns) / max) * 100)}%` }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-slate-200 bg-slate-50 px-4 py-2 text-xs text-slate-500">Bars on a logarithmic scale: equal steps in length are equal multiples of time.</p>
    </figure>
  );
}
