'use client';

import { useEffect, useId, useState } from 'react';
import { finalScore, MAX_ADJUSTMENT, MAX_COMMENT_CHARS, MAX_REASON_CHARS, signedPoints, type FeedbackView, type RegradeView } from '@/lib/classroom/scenarios/feedback-schema';
import type { RubricCriterion } from '@/lib/classroom/scenarios/schema';
import { api } from './api';
import { formatDateTime } from '@/lib/shared/format';
import { buttonClass } from '@/components/ui/button';


/** A submission's re-grades, newest first: old → new score, the checks that flipped, what changed and why. */
export function RegradeHistory({ history, heading = 'Re-grade history' }: { history: RegradeView[]; heading?: string }) {
  if (history.length === 0) return null;
  return (
    <section aria-label={heading} className="space-y-2">
      <h4 className="text-sm font-semibold text-slate-900">{heading}</h4>
      <ol className="space-y-2 text-sm" data-testid="regrade-history">
        {history.map((h) => (
          <li key={h.revisionId} className="rounded-md border border-slate-200 px-3 py-2">
            <p className="text-slate-900">
              <span className="tabular-nums">{h.oldScore}</span> → <span className="font-semibold tabular-nums">{h.newScore}</span>
              {h.oldPassed !== h.newPassed ? <span className="ml-1 text-slate-600">({h.newPassed ? 'now passes' : 'now fails'})</span> : null}
              <span className="ml-2 text-xs text-slate-500">{formatDateTime(h.at)}</span>
            </p>
            {h.changes.length > 0 ? <p className="text-slate-700">Because: {h.changes.join('; ')}</p> : null}
            {h.reason ? <p className="text-slate-600">“{h.reason}”</p> : null}
            {h.flipped.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-slate-700">
                {h.flipped.map((f, i) => (
                  <li key={i}>
                    {f.target}: {f.check} {f.nowPassed ? 'now passes ✓' : 'now fails ✗'}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-600">No check changed its verdict.</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The instructor's feedback on one submission: a comment, a manual
 * adjustment with its reason (the final score stays within 0–100), points
 * on each criterion of their own rubric, and the submission's re-grade
 * history. Saved on the server; students see it once feedback is released.
 */
export function FeedbackPanel({
  slug,
  manageKey,
  submissionId,
  modelScore,
  released,
  onSaved,
}: {
  slug: string;
  manageKey: string;
  submissionId: string;
  modelScore: number;
  released: boolean;
  onSaved(f: FeedbackView): void;
}) {
  const ids = useId();
  const [loaded, setLoaded] = useState<{ rubric: RubricCriterion[]; history: RegradeView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [adjustment, setAdjustment] = useState('0');
  const [reason, setReason] = useState('');
  const [points, setPoints] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api<{ feedback: FeedbackView | null; history: RegradeView[]; rubric: RubricCriterion[] }>(
      `/api/scenarios/${slug}/manage/submissions/${submissionId}/feedback`,
      { manageKey },
    ).then((res) => {
      if (cancelled) return;
      if (!res.ok) {
        setError(res.error);
        return;
      }
      const f = res.data.feedback;
      setLoaded({ rubric: res.data.rubric, history: res.data.history });
      setComment(f?.comment ?? '');
      setAdjustment(String(f?.adjustment ?? 0));
      setReason(f?.adjustmentReason ?? '');
      setPoints(Object.fromEntries(Object.entries(f?.rubricPoints ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)])));
    });
    return () => {
      cancelled = true;
    };
  }, [slug, submissionId, manageKey]);

  if (error) return <p role="alert" className="text-sm text-saturated">{error}</p>;
  if (!loaded) return <p className="text-sm text-slate-600">Loading feedback…</p>;

  const adj = Number(adjustment);
  const preview = Number.isFinite(adj) ? finalScore(modelScore, adj) : null;

  const save = async () => {
    setBusy(true);
    setStatus(null);
    const rubricPoints = Object.fromEntries(loaded.rubric.map((c) => [c.id, points[c.id] === undefined || points[c.id] === '' ? null : Number(points[c.id])]));
    const res = await api<{ feedback: FeedbackView }>(`/api/scenarios/${slug}/manage/submissions/${submissionId}/feedback`, {
      method: 'PUT',
      manageKey,
      body: { comment, adjustment: Number.isFinite(adj) ? adj : adjustment, adjustmentReason: reason, ...(loaded.rubric.length > 0 ? { rubricPoints } : {}) },
    });
    setBusy(false);
    if (res.ok) {
      onSaved(res.data.feedback);
      setStatus({ ok: true, text: released ? 'Saved. Students see it now (feedback is released).' : 'Saved. Students see it once you release feedback.' });
    } else setStatus({ ok: false, text: res.issues.length ? res.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : res.error });
  };

  return (
    <section aria-labelledby={`${ids}-h`} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={`${ids}-h`} className="font-semibold text-slate-900">
        Your feedback
      </h3>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div>
          <label htmlFor={`${ids}-c`} className="block text-sm font-medium text-slate-800">
            Comment to the student
          </label>
          <textarea
            id={`${ids}-c`}
            value={comment}
            maxLength={MAX_COMMENT_CHARS}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
            className="mt-1 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={`${ids}-a`} className="block text-sm font-medium text-slate-800">
              Adjustment <span className="font-normal text-slate-500">(points, −{MAX_ADJUSTMENT} to +{MAX_ADJUSTMENT})</span>
            </label>
            <input
              id={`${ids}-a`}
              type="number"
              step="0.5"
              min={-MAX_ADJUSTMENT}
              max={MAX_ADJUSTMENT}
              value={adjustment}
              onChange={(e) => setAdjustment(e.target.value)}
              className="mt-1 w-28 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm tabular-nums"
            />
          </div>
          <div className="min-w-[12rem] flex-1">
            <label htmlFor={`${ids}-r`} className="block text-sm font-medium text-slate-800">
              Reason <span className="font-normal text-slate-500">(needed with an adjustment; students see it)</span>
            </label>
            <input
              id={`${ids}-r`}
              value={reason}
              maxLength={MAX_REASON_CHARS}
              onChange={(e) => setReason(e.target.value)}
              className="mt-1 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
            />
          </div>
        </div>
        <p className="text-sm text-slate-700" data-testid="final-preview">
          Model score <span className="tabular-nums">{modelScore}</span>
          {preview !== null ? (
            <>
              {' '}
              {signedPoints(adj)} → final <strong className="tabular-nums">{preview}</strong> <span className="text-slate-500">(kept within 0–100)</span>
            </>
          ) : null}
        </p>
        {loaded.rubric.length > 0 ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Your rubric</legend>
            {loaded.rubric.map((c) => (
              <div key={c.id} className="flex items-center justify-between gap-3">
                <label htmlFor={`${ids}-p-${c.id}`} className="min-w-0 text-sm text-slate-700">
                  {c.label}
                </label>
                <span className="flex shrink-0 items-center gap-1 text-sm text-slate-600">
                  <input
                    id={`${ids}-p-${c.id}`}
                    type="number"
                    min={0}
                    max={c.maxPoints}
                    step="0.5"
                    value={points[c.id] ?? ''}
                    onChange={(e) => setPoints((p) => ({ ...p, [c.id]: e.target.value }))}
                    className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums"
                  />
                  / {c.maxPoints}
                </span>
              </div>
            ))}
          </fieldset>
        ) : (
          <p className="text-sm text-slate-600">No rubric of your own yet: add criteria under Settings → Edit the scenario.</p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={busy} className={buttonClass('primary')}>
            Save feedback
          </button>
          {status ? (
            <p role={status.ok ? 'status' : 'alert'} className={`text-sm ${status.ok ? 'text-green-800' : 'text-saturated'}`}>
              {status.text}
            </p>
          ) : null}
        </div>
      </form>
      <RegradeHistory history={loaded.history} />
    </section>
  );
}

