'use client';

import { useEffect, useState } from 'react';
import { signedPoints, type RegradeView } from '@/lib/classroom/scenarios/feedback-schema';
import type { StudentFeedback } from '@/lib/classroom/scenarios/feedback';
import { api } from './api';
import { RegradeHistory } from './feedback-panel';
import { formatDateTime } from '@/lib/shared/format';

interface Update {
  id: string;
  at: string;
  changes: string[];
  reason: string;
}

/** “Updated”: what the instructor changed since publishing, newest first (the latest shown, older ones folded). */
export function ScenarioUpdates({ slug }: { slug: string }) {
  const [updates, setUpdates] = useState<Update[] | null>(null);
  useEffect(() => {
    void api<{ updates: Update[] }>(`/api/scenarios/${slug}/updates`).then((r) => r.ok && setUpdates(r.data.updates));
  }, [slug]);
  if (!updates || updates.length === 0) return null;
  const [latest, ...older] = updates;
  return (
    <div role="status" data-testid="scenario-updated" className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p>
        <strong>Updated</strong> {formatDateTime(latest.at)}: {latest.changes.join('; ')}
        {latest.reason ? <span className="text-amber-900"> — “{latest.reason}”</span> : null}
      </p>
      {older.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs font-medium">Earlier changes ({older.length})</summary>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {older.map((u) => (
              <li key={u.id}>
                {formatDateTime(u.at)}: {u.changes.join('; ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/**
 * The instructor's released feedback on the student's latest submission
 * (comment, adjusted score with its reason, rubric points), and how the
 * submission was re-graded after an edit of the targets.
 */
export function MyFeedback({ slug, token, submissionId }: { slug: string; token: string | null; submissionId: string | null }) {
  const [data, setData] = useState<{ released: boolean; feedback: StudentFeedback[]; history: Record<string, RegradeView[]> } | null>(null);
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    void api<{ released: boolean; feedback: StudentFeedback[]; history: Record<string, RegradeView[]> }>(`/api/scenarios/${slug}/me/feedback`, { studentToken: token }).then(
      (r) => !cancelled && r.ok && setData(r.data),
    );
    return () => {
      cancelled = true;
    };
  }, [slug, token, submissionId]);
  if (!data || !submissionId) return null;
  const f = data.feedback.find((x) => x.submissionId === submissionId);
  const history = data.history[submissionId] ?? [];
  if (!f && history.length === 0) return null;
  return (
    <div className="space-y-3">
      {f ? (
        <section aria-label="Your instructor’s feedback" data-testid="my-feedback" className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm">
          <h3 className="font-semibold text-slate-900">Your instructor’s feedback</h3>
          {f.comment ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{f.comment}</p> : null}
          {f.finalScore !== null && f.modelScore !== null ? (
            <p className="mt-2 text-slate-800">
              Final score <strong className="tabular-nums">{f.finalScore}</strong>
              {f.adjustment ? (
                <span className="text-slate-700">
                  {' '}
                  (model {f.modelScore}, {signedPoints(f.adjustment)}: {f.adjustmentReason})
                </span>
              ) : null}
            </p>
          ) : null}
          {f.rubric.length > 0 ? (
            <table className="mt-2 w-full">
              <caption className="text-left text-xs font-medium text-slate-600">Your instructor’s rubric</caption>
              <tbody>
                {f.rubric.map((c) => (
                  <tr key={c.id} className="border-b border-brand-100">
                    <th scope="row" className="py-0.5 pr-2 text-left font-normal text-slate-700">
                      {c.label}
                    </th>
                    <td className="py-0.5 text-right tabular-nums text-slate-900">
                      {c.points ?? '—'} / {c.maxPoints}
                    </td>
                  </tr>
                ))}
                {f.rubricTotal ? (
                  <tr>
                    <th scope="row" className="py-0.5 pr-2 text-left font-medium text-slate-900">
                      Total
                    </th>
                    <td className="py-0.5 text-right font-medium tabular-nums text-slate-900">
                      {f.rubricTotal.points} / {f.rubricTotal.max}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
      <RegradeHistory history={history} heading="Re-graded after the scenario changed" />
    </div>
  );
}
