'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DraftSummary } from '@/lib/classroom/scenarios/live';
import { useLive, type LiveEventMessage } from '@/lib/browser/use-live';
import { api } from './api';
import { PassPill } from './grade-view';
import { ago, LiveConnection } from './live-status';
import { buttonClass } from '@/components/ui/button';

interface LiveData {
  liveView: boolean;
  drafts: DraftSummary[];
  waiting: { studentId: string; displayName: string }[];
  stream: string;
}


/**
 * The dashboard's live classroom: with live view on, every student's
 * current draft, its score (graded by the server) and how fresh it is,
 * updated as they work over the live stream; a link opens one student's
 * canvas, read-only, for a projector. The instructor turns live view on and
 * off here; students are told while it is on.
 */
export function LivePanel({ slug, manageKey }: { slug: string; manageKey: string }) {
  const [data, setData] = useState<{ key: string; live: LiveData } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState<Record<string, number>>({});
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let cancelled = false;
    void api<LiveData>(`/api/scenarios/${slug}/manage/live`, { manageKey }).then((res) => {
      if (cancelled) return;
      if (res.ok) setData({ key: manageKey, live: res.data });
      else setError(res.error);
    });
    return () => {
      cancelled = true;
    };
  }, [slug, manageKey]);

  const live = data && data.key === manageKey ? data.live : null;
  const on = live?.liveView ?? false;

  // Each new connection asks for a fresh stream ticket (they last 10 minutes).
  const streamUrl = useCallback(async () => {
    const res = await api<LiveData>(`/api/scenarios/${slug}/manage/live`, { manageKey });
    return res.ok ? res.data.stream : null;
  }, [slug, manageKey]);

  const { status } = useLive(on ? streamUrl : null, {
    onSnapshot(d) {
      const s = d as Pick<LiveData, 'drafts' | 'waiting'>;
      setData((prev) => (prev ? { ...prev, live: { ...prev.live, drafts: s.drafts, waiting: s.waiting } } : prev));
    },
    onEvent(e: LiveEventMessage) {
      if (e.type !== 'draft') return;
      const d = e.data as DraftSummary;
      setData((prev) => {
        if (!prev) return prev;
        const drafts = prev.live.drafts.filter((x) => x.studentId !== d.studentId).concat(d);
        const waiting = prev.live.waiting.filter((w) => w.studentId !== d.studentId);
        return { ...prev, live: { ...prev.live, drafts, waiting } };
      });
      setChanged((c) => ({ ...c, [d.studentId]: Date.now() }));
    },
  });

  // "12 s ago" stays true.
  useEffect(() => {
    if (!on) return;
    const t = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(t);
  }, [on]);

  const rows = useMemo(
    () => [...(live?.drafts ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    [live?.drafts],
  );

  const toggle = async () => {
    setBusy(true);
    const res = await api<{ scenario: { liveView: boolean } }>(`/api/scenarios/${slug}/manage`, {
      method: 'PATCH',
      body: { liveView: !on },
      manageKey,
    });
    setBusy(false);
    if (res.ok) {
      const liveView = res.data.scenario.liveView;
      setData((prev) => (prev ? { ...prev, live: { ...prev.live, liveView } } : prev));
      setError(null);
    } else setError(res.error);
  };

  const watchUrl = (studentId: string) => `/s/${slug}/manage/live/${studentId}#key=${manageKey}`;

  return (
    <section aria-labelledby="live-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="live-panel">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="live-heading" className="font-semibold text-slate-900">
            Live classroom
          </h2>
          <p className="text-sm text-slate-600">
            {on
              ? 'Students’ pages send their current design as they work; each is graded by the server. Students see that live view is on.'
              : 'Off. Turn it on to watch each student’s draft and score as they work; their page tells them it is on. Nothing is sent while it is off.'}
          </p>
        </div>
        <div className="flex items-center gap-3">
          {on ? <LiveConnection status={status} /> : null}
          <button type="button" className={buttonClass('secondary')} disabled={busy || !live} onClick={() => void toggle()} aria-pressed={on}>
            {on ? 'Turn live view off' : 'Turn live view on'}
          </button>
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-saturated">
          {error}
        </p>
      ) : null}
      {on && live ? (
        rows.length === 0 ? (
          <p className="text-sm text-slate-600">
            No drafts yet. They appear here as soon as students edit their design
            {live.waiting.length > 0 ? ` (${live.waiting.length} joined so far)` : ''}.
          </p>
        ) : (
          <div className="relative max-h-[32rem] overflow-auto">
            <table className="w-full min-w-[36rem] text-sm">
              <thead className="sticky top-0 bg-white">
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="py-2 pr-3 font-medium">Student</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Draft score</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Status</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Components</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Last change</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">Canvas</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => {
                  const fresh = (changed[d.studentId] ?? 0) > now - 2_000;
                  return (
                    <tr
                      key={d.studentId}
                      data-student={d.displayName}
                      className={`border-b border-slate-100 transition-colors duration-700 ${fresh ? 'bg-brand-50' : ''}`}
                    >
                      <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-900">{d.displayName}</th>
                      <td className="py-2 pr-3 tabular-nums text-slate-900" data-testid="draft-score">
                        {d.score === null ? '—' : Math.round(d.score * 10) / 10}
                      </td>
                      <td className="py-2 pr-3">
                        {d.status === 'invalid' ? (
                          <span className="text-amber-900" title={d.issue ?? undefined}>
                            Not gradable: {(d.issue ?? '').split('\n')[0].slice(0, 80)}
                          </span>
                        ) : d.passed !== null ? (
                          <PassPill passed={d.passed} />
                        ) : null}
                      </td>
                      <td className="py-2 pr-3 tabular-nums text-slate-700">{d.components}</td>
                      <td className="py-2 pr-3 text-slate-700">
                        <time dateTime={d.updatedAt}>{ago(d.updatedAt, now)}</time>
                      </td>
                      <td className="py-2 text-right">
                        <a href={watchUrl(d.studentId)} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline">
                          Watch<span className="sr-only"> {d.displayName}’s canvas</span>
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {live.waiting.length > 0 ? (
              <p className="mt-2 text-sm text-slate-600">
                No draft yet from {live.waiting.length === 1 ? '1 student' : `${live.waiting.length} students`}:{' '}
                {live.waiting.slice(0, 12).map((w) => w.displayName).join(', ')}
                {live.waiting.length > 12 ? '…' : ''}
              </p>
            ) : null}
          </div>
        )
      ) : null}
    </section>
  );
}
