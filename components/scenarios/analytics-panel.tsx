'use client';

import { useEffect, useId, useState } from 'react';
import type { ClassAnalytics } from '@/lib/classroom/scenarios/analytics';
import type { TargetGrade } from '@/lib/classroom/scenarios/grading';
import type { SubmissionSummary } from '@/lib/classroom/scenarios/repository';
import { api } from './api';
import { PassPill } from './grade-view';
import { DesignView } from './scenario-editor';
import type { DetailData } from './submission-detail';
import { formatAvailability, formatMs, formatPercent, formatUsd, formatUtilization } from '@/lib/shared/format';

const pct = (n: number, of: number) => (of === 0 ? '—' : `${formatPercent(n / of)}`);

function Histogram({ bins, students }: { bins: ClassAnalytics['histogram']; students: number }) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  return (
    <figure>
      <figcaption className="text-sm font-semibold text-slate-900">Score distribution (final scores, latest submission of each student)</figcaption>
      <table className="mt-2 w-full text-sm" data-testid="histogram">
        <caption className="sr-only">Students by score band</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Score band</th>
            <th scope="col">Students</th>
          </tr>
        </thead>
        <tbody>
          {[...bins].reverse().map((b) => (
            <tr key={b.from}>
              <th scope="row" className="w-20 py-0.5 pr-2 text-left font-normal tabular-nums text-slate-600">
                {b.from === 90 ? '90–100' : `${b.from}–${b.from + 9}`}
              </th>
              <td className="py-0.5">
                <div className="flex items-center gap-2">
                  <div className="h-4 rounded-sm bg-brand-500" style={{ width: `${(b.count / max) * 100}%`, minWidth: b.count ? 4 : 0 }} aria-hidden="true" />
                  <span className="tabular-nums text-slate-800">
                    {b.count}
                    <span className="sr-only"> of {students}</span>
                  </span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Two submissions side by side: both designs drawn read-only, and their numbers in one table. */
export function SideBySide({ slug, manageKey, submissions }: { slug: string; manageKey: string; submissions: SubmissionSummary[] }) {
  const ids = useId();
  const [pick, setPick] = useState<[string, string]>(() => [submissions[0]?.id ?? '', submissions[1]?.id ?? '']);
  const [details, setDetails] = useState<Record<string, DetailData>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    for (const id of pick) {
      if (!id || details[id]) continue;
      void api<DetailData>(`/api/scenarios/${slug}/manage/submissions/${id}`, { manageKey }).then((res) => {
        if (res.ok) setDetails((d) => ({ ...d, [id]: res.data }));
        else setError(res.error);
      });
    }
  }, [pick, details, slug, manageKey]);
  if (submissions.length < 2) return <p className="text-sm text-slate-600">Two submissions are needed to compare side by side.</p>;
  const [a, b] = pick.map((id) => details[id]?.submission);
  const label = (s: SubmissionSummary) => `${s.displayName} — ${s.score}`;
  const rows: { label: string; get: (t: TargetGrade) => string }[] = [
    { label: 'Score', get: (t) => String(t.score) },
    { label: 'p95 read latency', get: (t) => formatMs(t.metrics.p95ReadMs ?? NaN) },
    { label: 'Availability', get: (t) => formatAvailability(t.metrics.availability ?? NaN) },
    { label: 'Monthly cost', get: (t) => formatUsd(t.metrics.monthlyCostUsd ?? NaN) },
    { label: 'Busiest component', get: (t) => (t.metrics.bottleneck ? `${t.metrics.bottleneck} (${formatUtilization(t.metrics.maxUtilization ?? NaN)})` : '—') },
  ];
  return (
    <section aria-labelledby={`${ids}-h`} className="space-y-3">
      <h3 id={`${ids}-h`} className="text-sm font-semibold text-slate-900">
        Side by side
      </h3>
      <div className="flex flex-wrap gap-3">
        {(['Left', 'Right'] as const).map((side, i) => (
          <div key={side} className="min-w-0 max-w-full">
            <label htmlFor={`${ids}-${side}`} className="block text-xs font-medium text-slate-600">
              {side}
            </label>
            <select
              id={`${ids}-${side}`}
              value={pick[i]}
              onChange={(e) => setPick((p) => (i === 0 ? [e.target.value, p[1]] : [p[0], e.target.value]))}
              className="mt-0.5 w-full max-w-xs rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              {submissions.map((s) => (
                <option key={s.id} value={s.id}>
                  {label(s)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {error ? <p role="alert" className="text-sm text-saturated">{error}</p> : null}
      {a && b ? (
        <>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            {[a, b].map((s, i) => (
              <div key={`${i}-${s.id}`} className="overflow-hidden rounded-lg border border-slate-200">
                <p className="border-b border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-900">{s.displayName}</p>
                <div className="h-[300px] bg-slate-50">
                  <DesignView key={s.id} design={s.design} label={`${s.displayName}’s design (read-only)`} />
                </div>
              </div>
            ))}
          </div>
          <div className="relative overflow-x-auto">
            <table className="w-full min-w-[28rem] text-sm" data-testid="side-by-side">
              <caption className="sr-only">
                {a.displayName} and {b.displayName}, measure by measure
              </caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Measure
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    {a.displayName}
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    {b.displayName}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                    Overall score
                  </th>
                  <td className="py-1 pr-2 tabular-nums">
                    {a.grade.score} <PassPill passed={a.grade.passed} />
                  </td>
                  <td className="py-1 tabular-nums">
                    {b.grade.score} <PassPill passed={b.grade.passed} />
                  </td>
                </tr>
                {a.grade.targets.flatMap((t) => {
                  const o = b.grade.targets.find((x) => x.key === t.key);
                  return rows.map((row) => (
                    <tr key={`${t.key}-${row.label}`} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                        {t.label}: {row.label}
                      </th>
                      <td className="py-1 pr-2 tabular-nums text-slate-900">{row.get(t)}</td>
                      <td className="py-1 tabular-nums text-slate-900">{o ? row.get(o) : '—'}</td>
                    </tr>
                  ));
                })}
                <tr className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                    Components
                  </th>
                  <td className="py-1 pr-2 tabular-nums">{a.design.nodes.length}</td>
                  <td className="py-1 tabular-nums">{b.design.nodes.length}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      ) : !error ? (
        <p className="text-sm text-slate-600">Loading the two submissions…</p>
      ) : null}
    </section>
  );
}

/** The Analytics tab: distribution, pass rate per check, what fails most, and a side-by-side of two submissions. */
export function AnalyticsPanel({ slug, manageKey, submissions, version }: { slug: string; manageKey: string; submissions: SubmissionSummary[]; version: number }) {
  const [data, setData] = useState<ClassAnalytics | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api<{ analytics: ClassAnalytics }>(`/api/scenarios/${slug}/manage/analytics`, { manageKey }).then((res) => {
      if (cancelled) return;
      if (res.ok) setData(res.data.analytics);
      else setError(res.error);
    });
    return () => {
      cancelled = true;
    };
  }, [slug, manageKey, version]);
  if (error) return <p role="alert" className="text-sm text-saturated">The analytics could not be loaded: {error}</p>;
  if (!data) return <p className="text-sm text-slate-600">Loading analytics…</p>;
  if (data.students === 0) return <p className="py-8 text-center text-sm text-slate-600">No submissions yet: analytics appear once students submit.</p>;
  const byTarget = new Map<string, ClassAnalytics['checks']>();
  for (const c of data.checks) byTarget.set(c.targetLabel, [...(byTarget.get(c.targetLabel) ?? []), c]);
  return (
    <div className="space-y-6" data-testid="analytics">
      <p className="text-sm text-slate-700">
        <strong>{data.students}</strong> {data.students === 1 ? 'student' : 'students'} · mean <strong className="tabular-nums">{data.mean}</strong> · median{' '}
        <strong className="tabular-nums">{data.median}</strong> · <strong>{data.passedAll}</strong> passed every target ({pct(data.passedAll, data.students)})
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Histogram bins={data.histogram} students={data.students} />
        <div className="space-y-4">
          <h3 className="text-sm font-semibold text-slate-900">Pass rate per check</h3>
          {[...byTarget.entries()].map(([target, checks]) => (
            <table key={target} className="w-full text-sm">
              <caption className="text-left text-xs font-medium text-slate-600">{target}</caption>
              <tbody>
                {checks.map((c) => (
                  <tr key={c.check} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                      {c.label}
                    </th>
                    <td className="w-1/2 py-1">
                      <div className="flex items-center gap-2">
                        <div className="h-2 flex-1 rounded bg-slate-100" aria-hidden="true">
                          <div className={`h-2 rounded ${c.passed === c.total ? 'bg-healthy' : 'bg-warm'}`} style={{ width: `${(c.passed / c.total) * 100}%` }} />
                        </div>
                        <span className="w-28 shrink-0 text-right tabular-nums text-slate-800">
                          {pct(c.passed, c.total)} ({c.passed}/{c.total})
                        </span>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Components most often failing</h3>
          {data.components.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No student’s design has a saturated component or one the model reports an error on.</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {data.components.map((c) => (
                <li key={c.key} className="flex justify-between gap-2">
                  <span className="text-slate-800">{c.label}</span>
                  <span className="tabular-nums text-slate-600">
                    {c.students} {c.students === 1 ? 'student' : 'students'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Findings most often raised</h3>
          {data.findings.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">The model raised no warnings or errors.</p>
          ) : (
            <ul className="mt-1 space-y-1.5 text-sm">
              {data.findings.map((f) => (
                <li key={f.key}>
                  <span className="flex justify-between gap-2">
                    <span className="font-medium capitalize text-slate-800">{f.label}</span>
                    <span className="shrink-0 tabular-nums text-slate-600">
                      {f.students} {f.students === 1 ? 'student' : 'students'}
                    </span>
                  </span>
                  {f.example ? <span className="block text-slate-600">e.g. {f.example}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <SideBySide slug={slug} manageKey={manageKey} submissions={submissions} />
    </div>
  );
}
