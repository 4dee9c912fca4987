'use client';

import { useEffect, useId } from 'react';
import { STAGES } from '@/lib/rules/stages';
import type { SweepRow, SweepSummary } from '@/lib/editor/scoring-engine';
import { SWEEP_FROM_USERS, SWEEP_TO_USERS } from '@/lib/editor/scoring-params';
import { displayLabel } from '@/lib/editor/labels';
import { nodeById } from '@/lib/editor/store';
import { formatAvailability, formatMs, formatUsd, formatUsers, formatUtilization } from '@/lib/shared/format';
import { useEditor } from '@/components/editor/editor-provider';
import { useScoring, useScoringView } from './scoring-context';

const W = 320;
const H = 78;
const M = { left: 44, right: 8, top: 6, bottom: 6 };
const X0 = Math.log10(SWEEP_FROM_USERS);
const X1 = Math.log10(SWEEP_TO_USERS);
const x = (users: number) => M.left + ((Math.log10(users) - X0) / (X1 - X0)) * (W - M.left - M.right);

interface Series {
  id: string;
  title: string;
  value: (r: SweepRow) => number;
  /** Maps a value to 0 (bottom) … 1 (top). */
  scale: (rows: SweepRow[]) => { y: (v: number) => number; ticks: { v: number; label: string }[] };
  colour: string;
  limit?: number;
}

function logScale(values: number[], format: (v: number) => string) {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.floor(Math.log10(Math.max(1e-3, Math.min(...finite, 1))));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...finite, 10))));
  const ticks: { v: number; label: string }[] = [];
  const step = Math.max(1, Math.ceil((hi - lo) / 3));
  for (let p = lo; p <= hi; p += step) ticks.push({ v: Math.pow(10, p), label: format(Math.pow(10, p)) });
  return { y: (v: number) => (v <= 0 ? 0 : Math.min(1, Math.max(0, (Math.log10(v) - lo) / (hi - lo)))), ticks };
}

const nines = (a: number) => (a >= 1 ? 6 : a <= 0 ? 0 : Math.min(6, -Math.log10(1 - a)));

const SERIES: Series[] = [
  {
    id: 'latency',
    title: 'p95 read latency',
    value: (r) => r.p95ReadMs,
    scale: (rows) => logScale(rows.map((r) => r.p95ReadMs), (v) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`)),
    colour: '#2852d8',
  },
  {
    id: 'utilisation',
    title: 'Highest utilisation',
    value: (r) => r.maxUtilization,
    scale: (rows) => {
      const top = Math.min(3, Math.max(1.2, ...rows.map((r) => r.maxUtilization)));
      return { y: (v: number) => Math.min(1, Math.max(0, v / top)), ticks: [0, 1, top > 2 ? 2 : null].filter((t): t is number => t !== null).map((v) => ({ v, label: `${v * 100}%` })) };
    },
    colour: '#c2410c',
    limit: 1,
  },
  {
    id: 'availability',
    title: 'Availability',
    value: (r) => r.availability,
    scale: () => ({ y: (a: number) => nines(a) / 5, ticks: ['90%', '99%', '99.9%', '99.99%'].map((label, i) => ({ v: 1 - Math.pow(10, -(i + 1)), label })) }),
    colour: '#15803d',
  },
  {
    id: 'cost',
    title: 'Monthly cost',
    value: (r) => r.monthlyCostUsd,
    scale: (rows) => logScale(rows.map((r) => r.monthlyCostUsd), (v) => `$${formatUsers(v)}`),
    colour: '#7c3aed',
  },
];

const USER_TICKS = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/** The stages' numbers along the top, where their dotted lines cross every panel below. */
function StageAxis() {
  return (
    <svg viewBox={`0 0 ${W} 10`} className="w-full" aria-hidden="true">
      {STAGES.map((st) => (
        <text key={st.stage} x={x(st.users)} y={8} textAnchor="middle" className="fill-slate-600 text-[8px]">
          {st.stage}
        </text>
      ))}
    </svg>
  );
}

function Panel({ s, rows, breaking, users, last }: { s: Series; rows: SweepRow[]; breaking: number | null; users: number; last: boolean }) {
  const id = useId();
  const { y, ticks } = s.scale(rows);
  const py = (v: number) => H - M.bottom - y(v) * (H - M.top - M.bottom);
  const d = rows.map((r, i) => `${i === 0 ? 'M' : 'L'}${x(r.users).toFixed(1)},${py(s.value(r)).toFixed(1)}`).join('');
  const first = rows[0];
  const end = rows[rows.length - 1];
  return (
    <svg viewBox={`0 0 ${W} ${H + (last ? 14 : 0)}`} className="w-full" role="img" aria-labelledby={`${id}-t ${id}-d`} data-series={s.id}>
      <title id={`${id}-t`}>{`${s.title} against users, 1K to 1B (log scale)`}</title>
      <desc id={`${id}-d`}>{`From ${formatValue(s.id, s.value(first))} at ${formatUsers(first.users)} users to ${formatValue(s.id, s.value(end))} at ${formatUsers(end.users)} users.`}</desc>
      <text x={M.left} y={M.top + 7} className="fill-slate-700 text-[9px] font-medium">
        {s.title}
      </text>
      {ticks.map((t) => (
        <g key={t.v}>
          <line x1={M.left} x2={W - M.right} y1={py(t.v)} y2={py(t.v)} stroke="#e2e8f0" strokeWidth={0.75} />
          <text x={M.left - 4} y={py(t.v) + 3} textAnchor="end" className="fill-slate-600 text-[8px]">
            {t.label}
          </text>
        </g>
      ))}
      {s.limit !== undefined ? <line x1={M.left} x2={W - M.right} y1={py(s.limit)} y2={py(s.limit)} stroke="#b91c1c" strokeDasharray="3 2" strokeWidth={0.75} /> : null}
      {STAGES.map((st) => (
        <line key={st.stage} x1={x(st.users)} x2={x(st.users)} y1={M.top} y2={H - M.bottom} stroke="#cbd5e1" strokeDasharray="1 2" strokeWidth={0.75} />
      ))}
      {last
        ? USER_TICKS.map((u) => (
            <text key={u} x={x(u)} y={H + 10} textAnchor="middle" className="fill-slate-600 text-[8px]">
              {formatUsers(u)}
            </text>
          ))
        : null}
      <line x1={x(users)} x2={x(users)} y1={M.top} y2={H - M.bottom} stroke="#2852d8" strokeWidth={1} opacity={0.5} />
      {breaking !== null ? <line x1={x(breaking)} x2={x(breaking)} y1={M.top} y2={H - M.bottom} stroke="#b91c1c" strokeWidth={1.25} /> : null}
      <path d={d} fill="none" stroke={s.colour} strokeWidth={1.6} strokeLinejoin="round" />
    </svg>
  );
}

function formatValue(series: string, v: number): string {
  if (series === 'latency') return formatMs(v);
  if (series === 'utilisation') return formatUtilization(v);
  if (series === 'availability') return formatAvailability(v);
  return formatUsd(v);
}

/** "the App servers saturate", "the data no longer fits in Database". */
export function breakingSentence(sweep: SweepSummary, label: string): string {
  const users = formatUsers(sweep.breakingUsers ?? 0);
  const reason = sweep.failingReason ?? '';
  if (reason.startsWith('saturated')) return `Breaks at ${users} users: ${label} saturates.`;
  if (reason.includes('no longer fits')) return `Breaks at ${users} users: the data no longer fits in ${label}.`;
  return `Breaks at ${users} users: ${label} gets traffic with nowhere to go.`;
}

/** The sweep from 1K to 1B users: four small charts on one log axis, the stages marked, the breaking point called out. */
export function GrowthChart() {
  const scoring = useScoring();
  const revision = useScoringView((v) => v.revision);
  const users = useScoringView((v) => v.users);
  const lazy = useScoringView((v) => v.sweep);
  useEffect(() => {
    scoring?.ensureSweep();
  }, [scoring, revision]);
  const sweep = lazy?.value;
  const failing = useEditor((s) => nodeById(s, sweep?.failingNodeId ?? null));
  if (!lazy || (lazy.status === 'loading' && !sweep)) return <p className="text-sm text-slate-700">Sweeping from 1K to 1B users…</p>;
  if (lazy.status === 'error' || !sweep) return <p className="text-sm text-slate-700">The sweep could not run: {lazy.message}</p>;
  const label = failing ? displayLabel(failing.data) : (sweep.failingNodeId ?? 'a component');
  return (
    <section aria-labelledby="growth-title" className="space-y-3" data-testid="growth-chart" data-breaking-users={sweep.breakingUsers ?? ''} aria-busy={lazy.status === 'loading'}>
      <div>
        <h3 id="growth-title" className="text-sm font-semibold text-slate-900">
          From 1K to 1B users
        </h3>
        {sweep.breakingUsers !== null ? (
          <p className="mt-1 rounded-md border border-red-200 bg-red-50/60 px-2.5 py-1.5 text-sm font-medium text-slate-900" data-testid="breaking-point">
            {breakingSentence(sweep, label)}
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-700" data-testid="breaking-point">
            Nothing saturates all the way to 1B users.
          </p>
        )}
      </div>
      <figure className="space-y-1">
        <StageAxis />
        {SERIES.map((s, i) => (
          <Panel key={s.id} s={s} rows={sweep.points} breaking={sweep.breakingUsers} users={users} last={i === SERIES.length - 1} />
        ))}
        <figcaption className="flex flex-wrap gap-x-3 text-xs text-slate-600">
          <span>Numbers along the top: stages.</span>
          <span>
            <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-3 bg-saturated align-middle" />
            Breaking point
          </span>
          <span>
            <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-3 bg-brand-500 align-middle" />
            Chosen users
          </span>
        </figcaption>
      </figure>
      <details className="rounded-md border border-slate-200">
        <summary className="cursor-pointer px-2.5 py-1.5 text-sm font-medium text-slate-800">Show the numbers as a table</summary>
        <div className="max-h-72 overflow-auto">
          <table className="w-full text-xs">
            <caption className="sr-only">The design swept from 1K to 1B users</caption>
            <thead className="sticky top-0 bg-white text-slate-600">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium">Users</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">p95 read</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">Busiest</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">Availability</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">Cost / month</th>
              </tr>
            </thead>
            <tbody className="font-mono text-slate-900">
              {sweep.points.map((r) => (
                <tr key={r.users} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-0.5 text-left font-normal">{formatUsers(r.users)}</th>
                  <td className="px-2 py-0.5 text-right">{formatMs(r.p95ReadMs)}</td>
                  <td className={`px-2 py-0.5 text-right ${r.maxUtilization >= 1 ? 'text-saturated' : ''}`}>{formatUtilization(r.maxUtilization)}</td>
                  <td className="px-2 py-0.5 text-right">{formatAvailability(r.availability)}</td>
                  <td className="px-2 py-0.5 text-right">{formatUsd(r.monthlyCostUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
