'use client';

import { formatDeepDiveValue } from '@/lib/interview/deep-dive';
import type { Review } from '@/lib/interview/scoring';
import { Badge, CARD, PassMark } from './ui';

/** Each sentence of the trade-offs, credited or not, and why (lib/interview/tradeoff-judge.ts). */
export function TradeoffClaims({ claims }: { claims: Review['tradeoffClaims'] }) {
  if (claims.length === 0) return null;
  const repeats = claims.filter((c) => c.reason === 'a repeat of an earlier sentence').length;
  const shown = claims.filter((c) => c.reason !== 'a repeat of an earlier sentence').slice(0, 12);
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">What was credited</h3>
      <p className="mt-1 text-xs text-slate-600">
        A sentence counts when it names a component of your design and quotes the model’s number for it.
      </p>
      <ul className="mt-2 space-y-2 text-sm" aria-label="Trade-off sentences">
        {shown.map((c, i) => (
          <li key={i} className="flex items-start gap-2">
            <PassMark passed={c.credited} label={c.credited ? 'credited' : 'not credited'} />
            <span className="min-w-0 text-slate-800 wrap-anywhere">
              {c.sentence.length > 160 ? `${c.sentence.slice(0, 157)}…` : c.sentence}
              <span className="block text-xs text-slate-500">
                {c.credited ? 'Credited: ' : 'Not credited: '}
                {c.reason}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {repeats > 0 ? (
        <p className="mt-2 text-xs text-slate-600">
          {repeats} repeated sentence{repeats === 1 ? '' : 's'} counted once.
        </p>
      ) : null}
    </>
  );
}

const VERDICT_TONE = {
  'on target': 'good',
  close: 'mid',
  off: 'bad',
  'not answered': 'bad',
  'not judged': 'neutral',
} as const;

/** The deep dive: each question, the candidate's answer and the engine's figure on the changed design. */
export function DeepDiveReview({ results }: { results: Review['deepDive'] }) {
  return (
    <section
      aria-labelledby="deepdive"
      className={`${CARD} break-inside-avoid p-5 print:border-slate-300 print:shadow-none`}
    >
      <h2 id="deepdive" className="text-lg font-semibold text-slate-900">
        Deep dive
      </h2>
      {results.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Your design carried no traffic, so there was nothing to probe.</p>
      ) : (
        <ol className="mt-3 space-y-3 text-sm">
          {results.map((r) => (
            <li key={r.question.id}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <span className="min-w-0 flex-1 text-slate-900">{r.question.prompt}</span>
                <Badge tone={VERDICT_TONE[r.verdict]}>{r.verdict}</Badge>
              </div>
              <p className="mt-1 text-slate-600">
                You: {r.answer === null ? 'no answer' : formatDeepDiveValue(r.question, r.answer)}
                {' · '}
                {r.truth.value === null
                  ? r.truth.why
                  : `the model: ${formatDeepDiveValue(r.question, r.truth.value)} (${r.truth.why})`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
