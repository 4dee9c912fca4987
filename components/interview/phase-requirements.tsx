'use client';

import { useId } from 'react';
import type { Attempt, AttemptAction } from '@/lib/interview/attempt';
import type { Problem } from '@/lib/interview/schema';
import { Brief } from './brief';
import { Icon } from './icons';
import { BTN_PRIMARY, CARD, INPUT } from './ui';

/** Phase 1: the brief, clarifying questions, and the candidate's own list of requirements. */
export function RequirementsPhase({
  problem,
  attempt,
  dispatch,
  onNext,
}: {
  problem: Problem;
  attempt: Attempt;
  dispatch(a: AttemptAction): void;
  onNext(): void;
}) {
  const notesId = useId();
  const helpId = useId();
  const asked = new Set(attempt.asked.map((q) => q.id));
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <section aria-labelledby="brief-title" className={`${CARD} h-fit p-5 sm:p-6`}>
        <h2 id="brief-title" className="text-lg font-semibold text-slate-900">
          The brief
        </h2>
        <div className="mt-4">
          <Brief problem={problem} headingLevel={3} />
        </div>
      </section>

      <div className="space-y-6">
        <section aria-labelledby="questions-title" className={`${CARD} p-5`}>
          <h2 id="questions-title" className="text-lg font-semibold text-slate-900">
            Clarifying questions
          </h2>
          <p className="mt-1 text-sm leading-relaxed text-slate-600">
            Ask before you design. Some answers change what you must build.
          </p>
          <ul className="mt-4 space-y-3">
            {problem.questions.map((q) => {
              const open = asked.has(q.id);
              return (
                <li
                  key={q.id}
                  className={`rounded-lg border ${open ? 'border-brand-100 bg-brand-50/60' : 'border-slate-200'} p-3`}
                >
                  <div className="flex items-start gap-3">
                    <Icon name="question" className="mt-0.5 h-4 w-4 shrink-0 text-brand-600" />
                    <p className="flex-1 text-sm font-medium text-slate-900">{q.question}</p>
                    {open ? null : (
                      <button
                        type="button"
                        onClick={() => dispatch({ type: 'ask', questionId: q.id, now: Date.now() })}
                        className="shrink-0 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:border-brand-500 hover:bg-brand-50"
                        aria-label={`Ask: ${q.question}`}
                      >
                        Ask
                      </button>
                    )}
                  </div>
                  {open ? (
                    <p
                      className="mt-2 border-l-2 border-brand-500 pl-3 text-sm leading-relaxed text-slate-800"
                      aria-live="polite"
                    >
                      <span className="sr-only">Answer: </span>
                      {q.answer}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>

        <section aria-labelledby="notes-title" className={`${CARD} p-5`}>
          <h2 id="notes-title" className="text-lg font-semibold text-slate-900">
            Your requirements
          </h2>
          <label htmlFor={notesId} className="mt-1 block text-sm text-slate-600" id={helpId}>
            One per line: what the system must do, then how well (scale, latency, availability, consistency). The review
            compares them with the interviewer’s list.
          </label>
          <textarea
            id={notesId}
            aria-describedby={helpId}
            value={attempt.notes}
            onChange={(e) => dispatch({ type: 'notes', text: e.target.value })}
            rows={9}
            placeholder={'What the system must do…\nHow fast, how available, how consistent…'}
            className={`${INPUT} mt-3 font-mono text-[0.8125rem] leading-6`}
          />
        </section>

        <div className="flex justify-end">
          <button type="button" className={BTN_PRIMARY} onClick={onNext}>
            Next: estimation
            <Icon name="arrowRight" className="h-4 w-4" />
          </button>
        </div>
      </div>
    </div>
  );
}
