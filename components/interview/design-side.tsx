'use client';

import type { Attempt } from '@/lib/interview/attempt';
import type { CurveballResult } from '@/lib/interview/curveballs';
import type { Problem } from '@/lib/interview/schema';
import type { TargetResult } from '@/lib/interview/target';
import { Targets } from './brief';
import { Icon } from './icons';
import { Badge, PassMark, type Tone } from './ui';

export const OUTCOME_LABEL = { held: 'Held', degraded: 'Degraded', failed: 'Failed' } as const;
export const OUTCOME_TONE: Record<keyof typeof OUTCOME_LABEL, Tone> = { held: 'good', degraded: 'mid', failed: 'bad' };

export interface LiveScore {
  target: TargetResult;
  curveballs: Record<string, CurveballResult>;
}

/** Practice mode: pass or fail per check, on the current design. */
export function ScoreSummary({ live }: { live: LiveScore }) {
  return (
    <section aria-labelledby="live-score" className="border-b border-slate-200 p-4">
      <div className="flex items-center justify-between gap-2">
        <h3 id="live-score" className="text-sm font-semibold text-slate-900">
          Live check
        </h3>
        <Badge tone={live.target.passed ? 'good' : 'bad'}>
          {live.target.passed ? 'Passes the target' : 'Not there yet'}
        </Badge>
      </div>
      <ul className="mt-3 space-y-2" aria-live="polite">
        {live.target.checks.map((c) => (
          <li key={c.id} className="flex items-start gap-2 text-sm">
            <PassMark passed={c.passed} />
            <span className="min-w-0">
              <span className="text-slate-900">{c.label}</span>
              <span className="block text-xs text-slate-600">{c.detail}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The design phase's own side panel: targets, score (practice), curveballs received, the candidate's notes. */
export function DesignSide({ problem, attempt, live }: { problem: Problem; attempt: Attempt; live: LiveScore | null }) {
  const delivered = attempt.curveballs.filter((c) => c.deliveredAtMs !== null);
  // Each answer once, with the candidate's own wording of the question that drew it.
  const answered = attempt.questionLog
    .flatMap((q) => q.answers.map((a) => ({ questionId: a.questionId, asked: q.text, answer: a.answer })))
    .filter((a, i, all) => all.findIndex((x) => x.questionId === a.questionId) === i);
  return (
    <div className="text-sm">
      <section aria-labelledby="side-targets" className="border-b border-slate-200 p-4">
        <h3 id="side-targets" className="text-sm font-semibold text-slate-900">
          Targets
        </h3>
        <div className="mt-2">
          <Targets problem={problem} compact />
        </div>
      </section>

      {live ? (
        <ScoreSummary live={live} />
      ) : attempt.mode === 'practice' ? (
        <p className="border-b border-slate-200 p-4 text-slate-600" role="status">
          Scoring your design…
        </p>
      ) : (
        <p className="flex items-start gap-2 border-b border-slate-200 p-4 text-slate-700">
          <Icon name="eyeOff" className="mt-0.5 h-4 w-4 shrink-0 text-slate-500" />
          <span>Blind mode: the model scores your design, but you see how it did only in the review.</span>
        </p>
      )}

      <section aria-labelledby="side-curveballs" className="border-b border-slate-200 p-4">
        <h3 id="side-curveballs" className="text-sm font-semibold text-slate-900">
          Curveballs
        </h3>
        {delivered.length === 0 ? (
          <p className="mt-1 text-slate-600">None yet. The interviewer will change the conditions while you design.</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {delivered.map((c) => {
              const spec = problem.curveballs.find((x) => x.id === c.id)!;
              const now = live?.curveballs[c.id];
              return (
                <li key={c.id} className="rounded-lg border border-amber-200 bg-amber-50/60 p-3">
                  <div className="flex items-center justify-between gap-2">
                    <p className="flex items-center gap-1.5 font-semibold text-slate-900">
                      <Icon name="bolt" className="h-4 w-4 text-warm" />
                      {spec.title}
                    </p>
                    <span className="text-xs text-slate-500">{Math.round(c.deliveredAtMs! / 60000)} min in</span>
                  </div>
                  <p className="mt-1 leading-relaxed text-slate-700">{spec.message}</p>
                  {now ? (
                    <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-700">
                      Your design now: <Badge tone={OUTCOME_TONE[now.outcome]}>{OUTCOME_LABEL[now.outcome]}</Badge>
                      {now.reasons[0] ? <span className="basis-full">{now.reasons[0]}</span> : null}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="side-notes" className="p-4">
        <h3 id="side-notes" className="text-sm font-semibold text-slate-900">
          Your requirements
        </h3>
        {attempt.notes.trim() ? (
          <p className="mt-2 font-mono text-xs leading-5 whitespace-pre-wrap text-slate-700 wrap-anywhere">
            {attempt.notes}
          </p>
        ) : (
          <p className="mt-1 text-slate-600">You wrote none. You can go back to the requirements phase at any time.</p>
        )}
        {answered.length > 0 ? (
          <details className="mt-3">
            <summary className="cursor-pointer font-medium text-brand-700">
              Answers you were given ({answered.length})
            </summary>
            <ul className="mt-2 space-y-2">
              {answered.map((a) => (
                <li key={a.questionId} className="text-xs leading-relaxed text-slate-700">
                  <span className="font-medium text-slate-900">{a.asked}</span> {a.answer}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </div>
  );
}
