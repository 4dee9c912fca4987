'use client';

import { useId, useState, type CSSProperties } from 'react';
import type { Evaluation, StageResult } from '@/lib/engine/data';
import { hasBreakdown, latencyCaption, USER_CLASSES, waterfallRows, type SegmentKind, type UserClass } from '@/lib/editor/latency-view';
import { formatMs, formatShare, formatUsers } from '@/lib/shared/format';
import { TabList } from '@/components/ui/tabs';
import { SectionTitle } from './ui';

/**
 * How each part of a hop is drawn. The colours keep 3:1 against the white
 * track; waiting behind inline jobs is striped so it reads apart from
 * ordinary waiting without colour too.
 */
const SEGMENT: Record<SegmentKind, { label: string; className: string; style?: CSSProperties }> = {
  network: { label: 'Network', className: 'bg-slate-500' },
  waiting: { label: 'Waiting for a free core', className: 'bg-amber-600' },
  'waiting-jobs': {
    label: 'Waiting behind background jobs run inline',
    className: '',
    style: { backgroundImage: 'repeating-linear-gradient(135deg, #b91c1c 0 3px, #fecaca 3px 5px)' },
  },
  service: { label: 'Service', className: 'bg-brand-500' },
};
const ORDER: SegmentKind[] = ['network', 'waiting', 'waiting-jobs', 'service'];

/** Milliseconds without the unit, for a table whose caption gives it ("10.0 s" keeps its own). */
const bare = (ms: number) => formatMs(ms).replace(/ ms$/, '');

function Swatch({ kind }: { kind: SegmentKind }) {
  return <span aria-hidden="true" className={`inline-block h-2.5 w-3.5 shrink-0 rounded-[2px] ${SEGMENT[kind].className}`} style={SEGMENT[kind].style} />;
}

/** The p95 objective a stage holds this class to, server-side (static assets have none). */
function objectiveOf(stage: StageResult | null, cls: UserClass): number | null {
  if (!stage) return null;
  if (cls === 'read') return stage.objectives.p95ReadMs;
  if (cls === 'write') return stage.objectives.p95WriteMs;
  return null;
}

/**
 * Where a class's server-side p95 goes: one row per hop of its dominant
 * path, each starting where the one before ended, split into network,
 * waiting (behind inline jobs striped) and service; a class switcher; and a
 * sentence naming the hop that dominates (MODEL.md §9.4).
 */
export function LatencyWaterfall({ evaluation, stage }: { evaluation: Evaluation; stage: StageResult | null }) {
  const [cls, setCls] = useState<UserClass>('read');
  const base = useId();
  const tabId = (c: UserClass) => `${base}-tab-${c}`;
  const panelId = `${base}-panel`;
  const breakdown = evaluation.endToEnd.breakdown?.[cls];
  const noun = USER_CLASSES.find((c) => c.id === cls)!.noun;

  return (
    <section aria-labelledby={`${base}-title`} data-testid="latency-waterfall" data-class={cls}>
      <SectionTitle id={`${base}-title`}>Where the p95 goes</SectionTitle>
      <TabList<UserClass>
        tabs={USER_CLASSES}
        selected={cls}
        onSelect={setCls}
        label="Request class"
        tabId={tabId}
        panelId={() => panelId}
        variant="segmented"
        className="mt-2 grid grid-cols-3 rounded-lg bg-slate-100 p-0.5"
        tabClassName="px-2 py-1"
      />
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(cls)} className="mt-2">
        {hasBreakdown(breakdown) ? (
          <Waterfall evaluation={evaluation} cls={cls} noun={noun} objectiveMs={objectiveOf(stage, cls)} />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-700" data-testid="waterfall-empty">
            No {noun} requests reach this design at {formatUsers(evaluation.users)} users, so there is no {noun} latency to break down.
          </p>
        )}
      </div>
    </section>
  );
}

function Waterfall({ evaluation, cls, noun, objectiveMs }: { evaluation: Evaluation; cls: UserClass; noun: string; objectiveMs: number | null }) {
  const breakdown = evaluation.endToEnd.breakdown[cls];
  const rows = waterfallRows(breakdown);
  const p95 = breakdown.p95Ms;
  // The scale holds the p95 and the objective, so the objective's line is always on it.
  const scale = Math.max(p95, objectiveMs ?? 0);
  const pct = (ms: number) => (scale > 0 ? (ms / scale) * 100 : 0);
  const over = objectiveMs !== null && p95 > objectiveMs;
  const caption = latencyCaption(breakdown, cls, evaluation.nodes);
  const present = new Set(rows.flatMap((r) => r.segments.map((s) => s.kind)));
  const legend = ORDER.filter((k) => k !== 'waiting-jobs' || present.has(k));

  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="text-slate-700">Server-side p95</span>
        <span className="font-mono font-semibold text-slate-900">
          <span data-testid="waterfall-total" className={over ? 'text-saturated' : undefined}>
            {formatMs(p95)}
          </span>
          {objectiveMs !== null ? (
            <span className="ml-1 font-sans text-xs font-normal text-slate-600">
              {over ? '>' : '≤'} {formatMs(objectiveMs)} objective
            </span>
          ) : null}
        </span>
      </p>
      {caption ? (
        <p className="text-sm leading-snug text-slate-800" data-testid="waterfall-caption">
          {caption}.
        </p>
      ) : null}
      <ol aria-label={`Hops of the ${noun} path, entry first`} className="space-y-1.5">
        {rows.map((r) => {
          const jobs = r.segments.find((s) => s.kind === 'waiting-jobs');
          return (
            <li key={r.hop.nodeId} data-testid="waterfall-row" data-node={r.hop.nodeId} className="text-xs">
              <span className="flex items-baseline justify-between gap-2">
                <span className="min-w-0 text-slate-800">{r.hop.label}</span>
                <span className="shrink-0 font-mono text-slate-900">{formatMs(r.ms)}</span>
              </span>
              <span className="sr-only">
                {`, ${formatShare(r.hop.share)} of the p95: `}
                {r.segments.map((s) => `${SEGMENT[s.kind].label.toLowerCase()} ${formatMs(s.ms)}`).join(', ')}
              </span>
              <span aria-hidden="true" className="relative mt-0.5 block h-3 rounded-sm bg-slate-100">
                <span
                  className="absolute inset-y-0 flex overflow-hidden rounded-sm"
                  style={{ left: `min(${pct(r.offsetMs)}%, calc(100% - 3px))`, width: `max(3px, ${pct(r.ms)}%)` }}
                  title={`${r.hop.label}: ${formatMs(r.ms)} of the p95`}
                >
                  {r.segments.length > 0 ? (
                    r.segments.map((s) => <span key={s.kind} className={SEGMENT[s.kind].className} style={{ ...SEGMENT[s.kind].style, flex: `${s.ms} 0 0` }} />)
                  ) : (
                    <span className="flex-1 bg-slate-400" />
                  )}
                </span>
                {objectiveMs !== null ? <span className="absolute inset-y-[-2px] w-0 border-l-2 border-dashed border-slate-900" style={{ left: `${pct(objectiveMs)}%` }} /> : null}
              </span>
              {jobs ? (
                <span aria-hidden="true" className="mt-0.5 flex items-center gap-1 text-[11px] leading-tight text-saturated">
                  <Swatch kind="waiting-jobs" />
                  {formatMs(jobs.ms)} of it waiting behind background jobs run inline
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <ul aria-label="Key" className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700">
        {legend.map((k) => (
          <li key={k} className="flex items-center gap-1">
            <Swatch kind={k} />
            {SEGMENT[k].label}
          </li>
        ))}
        {objectiveMs !== null ? (
          <li className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-0 border-l-2 border-dashed border-slate-900" />
            Objective {formatMs(objectiveMs)}
          </li>
        ) : null}
      </ul>
      <details className="rounded-md border border-slate-200">
        <summary className="cursor-pointer px-2.5 py-1.5 text-sm font-medium text-slate-800">Show the numbers</summary>
        <div className="overflow-x-auto px-2.5 pb-2">
          <table className="w-full whitespace-nowrap text-xs" aria-label={`Mean time per hop of the ${noun} path, milliseconds`}>
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className="py-1 text-left font-medium">
                  Hop (share)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Network
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Waiting
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Service
                </th>
              </tr>
            </thead>
            <tbody className="font-mono text-slate-900">
              {rows.map(({ hop }) => (
                <tr key={hop.nodeId} className="border-t border-slate-100 align-top">
                  <th scope="row" className="whitespace-normal py-1 pr-1 text-left font-sans font-normal text-slate-700">
                    {hop.label}
                    <span className="block text-[11px] text-slate-600">{formatShare(hop.share)}</span>
                  </th>
                  <td className="py-1 pl-2 text-right">{bare(hop.networkMs)}</td>
                  <td className="py-1 pl-2 text-right">
                    {bare(hop.waitingMs)}
                    {hop.waitingBehindJobsMs > 0 ? <span className="block font-sans text-[11px] text-saturated">{bare(hop.waitingBehindJobsMs)} behind jobs</span> : null}
                  </td>
                  <td className="py-1 pl-2 text-right">{bare(hop.serviceMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 whitespace-normal text-xs text-slate-600">Mean milliseconds per request; the bars above scale each hop’s share to the p95.</p>
        </div>
      </details>
    </div>
  );
}
