'use client';

import { useState } from 'react';
import { CATALOG, type Design } from '@/lib/engine/data';
import type { ScenarioGrade, TargetGrade } from '@/lib/classroom/scenarios/grading';
import type { SubmissionDetail } from '@/lib/classroom/scenarios/repository';
import { GradeView, PassPill } from './grade-view';
import { DesignView } from './scenario-editor';
import { formatAvailability, formatDateTime, formatMs, formatUsd, formatUtilization } from '@/lib/shared/format';

export interface DetailData {
  submission: SubmissionDetail;
  reference: { design: Design; grade: ScenarioGrade } | null;
}

function kindCounts(design: Design): Map<string, number> {
  const m = new Map<string, number>();
  for (const n of design.nodes) m.set(n.kind, (m.get(n.kind) ?? 0) + (n.params?.instances ?? 1));
  return m;
}

function Comparison({ mine, reference, mineDesign, referenceDesign }: { mine: ScenarioGrade; reference: ScenarioGrade; mineDesign: Design; referenceDesign: Design }) {
  const rows: { label: string; get: (t: TargetGrade) => string }[] = [
    { label: 'Score', get: (t) => String(t.score) },
    { label: 'p95 read latency', get: (t) => formatMs(t.metrics.p95ReadMs ?? NaN) },
    { label: 'Availability', get: (t) => formatAvailability(t.metrics.availability ?? NaN) },
    { label: 'Monthly cost', get: (t) => formatUsd(t.metrics.monthlyCostUsd ?? NaN) },
    { label: 'Busiest component', get: (t) => (t.metrics.bottleneck ? `${t.metrics.bottleneck} (${formatUtilization(t.metrics.maxUtilization ?? NaN)})` : '—') },
  ];
  const a = kindCounts(mineDesign);
  const b = kindCounts(referenceDesign);
  const kinds = [...new Set([...a.keys(), ...b.keys()])].sort();
  return (
    <div className="space-y-5">
      {mine.targets.map((t) => {
        const r = reference.targets.find((x) => x.key === t.key);
        return (
          <div key={t.key} className="relative overflow-x-auto">
            <table className="w-full min-w-[24rem] text-sm">
              <caption className="mb-1 text-left font-semibold text-slate-900">{t.label}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Measure
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Submission <PassPill passed={t.passed} className="ml-1" />
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Reference {r ? <PassPill passed={r.passed} className="ml-1" /> : null}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                      {row.label}
                    </th>
                    <td className="py-1 pr-2 tabular-nums text-slate-900">{row.get(t)}</td>
                    <td className="py-1 tabular-nums text-slate-900">{r ? row.get(r) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[24rem] text-sm">
          <caption className="mb-1 text-left font-semibold text-slate-900">Components (instances)</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-1 pr-2 font-medium">
                Kind
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Submission
              </th>
              <th scope="col" className="py-1 font-medium">
                Reference
              </th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr key={k} className={`border-b border-slate-100 ${(a.get(k) ?? 0) !== (b.get(k) ?? 0) ? 'bg-amber-50/60' : ''}`}>
                <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                  {CATALOG[k as keyof typeof CATALOG]?.label ?? k}
                </th>
                <td className="py-1 pr-2 tabular-nums text-slate-900">{a.get(k) ?? 0}</td>
                <td className="py-1 tabular-nums text-slate-900">{b.get(k) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** One submission, read-only: its design, its results, and how it compares with the reference. */
export function SubmissionDetailView({ data, onClose }: { data: DetailData; onClose(): void }) {
  const { submission, reference } = data;
  const [view, setView] = useState<'results' | 'compare'>('results');
  const [canvas, setCanvas] = useState<'submission' | 'reference'>('submission');
  const shown = canvas === 'reference' && reference ? reference.design : submission.design;
  return (
    <section aria-labelledby="detail-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h2 id="detail-heading" className="break-words text-lg font-semibold text-slate-900">
            {submission.displayName}
          </h2>
          <p className="text-sm text-slate-600">
            Submitted {formatDateTime(submission.createdAt)} · {submission.latest ? 'latest (counts)' : 'an earlier submission'} · read-only
          </p>
        </div>
        <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Close
        </button>
      </div>
      <div className="grid gap-0 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex flex-col border-b border-slate-200 lg:sticky lg:top-0 lg:self-start lg:border-b-0">
          {reference ? (
            <div role="group" aria-label="Canvas shows" className="flex gap-1 border-b border-slate-200 px-3 py-2 text-sm">
              {(['submission', 'reference'] as const).map((c) => (
                <button
                  key={c}
                  type="button"
                  aria-pressed={canvas === c}
                  onClick={() => setCanvas(c)}
                  className={`rounded-md px-2.5 py-1 font-medium ${canvas === c ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100'}`}
                >
                  {c === 'submission' ? 'Submitted design' : 'Reference design'}
                </button>
              ))}
            </div>
          ) : null}
          <div className="h-[420px] bg-slate-50">
            <DesignView key={`${submission.id}-${canvas}`} design={shown} label={canvas === 'reference' ? 'Reference design (read-only)' : 'Submitted design (read-only)'} />
          </div>
        </div>
        <div className="min-w-0 border-slate-200 p-4 lg:border-l">
          <div role="group" aria-label="Panel shows" className="mb-3 flex gap-1 text-sm">
            <button
              type="button"
              aria-pressed={view === 'results'}
              onClick={() => setView('results')}
              className={`rounded-md px-2.5 py-1 font-medium ${view === 'results' ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100'}`}
            >
              Results
            </button>
            <button
              type="button"
              aria-pressed={view === 'compare'}
              onClick={() => setView('compare')}
              disabled={!reference}
              title={reference ? undefined : 'This scenario has no reference design'}
              className={`rounded-md px-2.5 py-1 font-medium disabled:cursor-not-allowed disabled:text-slate-400 ${
                view === 'compare' ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100'
              }`}
            >
              Compare with reference
            </button>
          </div>
          {view === 'compare' && reference ? (
            <Comparison mine={submission.grade} reference={reference.grade} mineDesign={submission.design} referenceDesign={reference.design} />
          ) : (
            <GradeView grade={submission.grade} heading="Results" />
          )}
        </div>
      </div>
    </section>
  );
}
