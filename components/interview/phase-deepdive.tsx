'use client';

import { useEffect, useId, useMemo } from 'react';
import { deepDiveQuestions, judgeDeepDive, formatDeepDiveValue } from '@/lib/interview/deep-dive';
import { DesignDiagram } from './design-diagram';
import { Icon } from './icons';
import { BTN_PRIMARY, BTN_SECONDARY, Badge, CARD, INPUT } from './ui';
import type { PhaseProps } from './phase-props';

/** A typed figure as a number: "4,000", "4k", "85%" → 4000, 4000, 85; empty → null; anything else → NaN. */
export function parseFigure(text: string): number | null {
  const t = text
    .trim()
    .replace(/,/g, '')
    .replace(/\s+/g, '')
    .replace(/(%|rps|req\/s)$/i, '');
  if (t === '') return null;
  const m = /^(\d+(?:\.\d+)?)(k|m)?$/i.exec(t);
  if (!m) return NaN;
  const scale = m[2]?.toLowerCase() === 'k' ? 1e3 : m[2]?.toLowerCase() === 'm' ? 1e6 : 1;
  return Number(m[1]) * scale;
}

/**
 * Phase 4: the deep dive. Two or three questions about the candidate's own
 * design, each answered with a number, checked by the engine on a
 * transformed copy of the design (lib/interview/deep-dive.ts). Answers lock
 * when handed in; practice mode shows the engine's figures at once, blind
 * mode in the review.
 */
export function DeepDivePhase({ problem, attempt, dispatch, onNext }: PhaseProps) {
  const id = useId();
  const { questions, answers, submittedAtMs } = attempt.deepDive;
  // The questions are drawn from the design once, when the phase is first reached.
  const fresh = useMemo(
    () => (questions.length > 0 ? null : deepDiveQuestions(problem, attempt.design)),
    [questions.length, problem, attempt.design],
  );
  useEffect(() => {
    if (fresh && fresh.length > 0) dispatch({ type: 'deepdive-questions', questions: fresh });
  }, [fresh, dispatch]);
  const submitted = submittedAtMs !== null;
  const practice = attempt.mode === 'practice';
  const results = useMemo(
    () => (submitted && practice ? judgeDeepDive(problem, attempt.design, attempt.deepDive, attempt.level) : null),
    [submitted, practice, problem, attempt.design, attempt.deepDive, attempt.level],
  );

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
      <section aria-labelledby={`${id}-title`} className={`${CARD} p-5`}>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          Deep dive: your design under pressure
        </h2>
        <p className="mt-1 text-sm leading-relaxed text-slate-600">
          The interviewer picks parts of your design and asks what happens when something changes. Answer each with a
          number; the model checks it on a copy of your design with that change made. Within{' '}
          {attempt.level === 'mid' ? '25%' : '15%'} earns full credit, within {attempt.level === 'mid' ? '60%' : '40%'}{' '}
          half.
        </p>
        {questions.length === 0 ? (
          <p className="mt-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700" role="status">
            Your design has nothing carrying traffic yet, so there is nothing to probe. Go back to the design, or move
            on.
          </p>
        ) : (
          <form
            className="mt-4 space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (!submitted) dispatch({ type: 'deepdive-submit', now: Date.now() });
            }}
          >
            <ol className="space-y-4">
              {questions.map((q, i) => {
                const r = results?.[i];
                return (
                  <li key={q.id} className="rounded-lg border border-slate-200 p-4">
                    <label
                      htmlFor={`${id}-${q.id}`}
                      className="block text-sm font-medium leading-relaxed text-slate-900"
                    >
                      <span className="mr-1 text-slate-500">{i + 1}.</span>
                      {q.prompt}
                    </label>
                    <div className="mt-2 flex items-center gap-2">
                      <AnswerInput
                        id={`${id}-${q.id}`}
                        value={answers[i] ?? null}
                        unit={q.unit}
                        disabled={submitted}
                        onChange={(value) => dispatch({ type: 'deepdive-answer', index: i, value })}
                      />
                      <span className="text-sm text-slate-600">{q.unit === '%' ? '%' : 'requests per second'}</span>
                    </div>
                    {r ? (
                      <p className="mt-2 text-sm text-slate-700" role="status">
                        <Badge tone={r.credit >= 1 ? 'good' : r.credit > 0 ? 'mid' : 'bad'}>{r.verdict}</Badge>{' '}
                        {r.truth.value !== null
                          ? `The model: ${formatDeepDiveValue(q, r.truth.value)}. ${r.truth.why}.`
                          : r.truth.why}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ol>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-xs text-slate-600">
                {submitted
                  ? practice
                    ? 'Answers handed in and checked.'
                    : 'Answers handed in: you will see how close they were in the review.'
                  : 'Handing in locks your answers. Empty answers earn nothing.'}
              </p>
              {submitted ? null : (
                <button type="submit" className={BTN_SECONDARY}>
                  Hand in answers
                </button>
              )}
            </div>
          </form>
        )}
        <div className="mt-5 flex justify-end">
          <button type="button" className={BTN_PRIMARY} onClick={onNext}>
            Next: trade-offs
            <Icon name="arrowRight" className="h-4 w-4" />
          </button>
        </div>
      </section>
      <section aria-labelledby={`${id}-design`} className={`${CARD} h-fit p-4`}>
        <h2 id={`${id}-design`} className="mb-2 text-sm font-semibold text-slate-900">
          Your design
        </h2>
        <DesignDiagram design={attempt.design} title={`Your design for ${problem.title}`} />
      </section>
    </div>
  );
}

function AnswerInput({
  id,
  value,
  unit,
  disabled,
  onChange,
}: {
  id: string;
  value: number | null;
  unit: 'rps' | '%';
  disabled: boolean;
  onChange(value: number | null): void;
}) {
  const shown = value === null ? '' : String(value);
  const bad = (text: string) => Number.isNaN(parseFigure(text));
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      defaultValue={shown}
      disabled={disabled}
      placeholder={unit === '%' ? 'e.g. 65' : 'e.g. 4,000'}
      className={`${INPUT} max-w-40`}
      onChange={(e) => {
        const v = parseFigure(e.target.value);
        e.target.setCustomValidity(bad(e.target.value) ? 'Type a number, such as 4,000 or 4k' : '');
        if (!Number.isNaN(v)) onChange(v);
      }}
    />
  );
}
