'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { askUrl } from '@/lib/interview/api';
import { ASK_REPLY, MAX_QUESTION_CHARS } from '@/lib/interview/ask';
import { ASK_OUTCOMES, revealedRequirements, type AnswerGiven, type AskOutcome } from '@/lib/interview/asked';
import { Brief } from './brief';
import { Icon } from './icons';
import { BTN_PRIMARY, CARD, INPUT } from './ui';
import type { PhaseProps } from './phase-props';

interface AskReply {
  outcome: AskOutcome;
  answers: AnswerGiven[];
  reply: string | null;
}

async function putQuestion(problemId: string, question: string): Promise<AskReply> {
  const res = await fetch(askUrl(problemId), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  const body = (await res.json().catch(() => null)) as (AskReply & { error?: string }) | null;
  if (!res.ok || !body || !ASK_OUTCOMES.includes(body.outcome))
    throw new Error(body?.error ?? `the interviewer could not be reached (HTTP ${res.status})`);
  return body;
}

/**
 * Phase 1: the brief, questions to the interviewer in the candidate's own
 * words (nothing to pick from: what to ask is part of the test), the
 * requirements to design to — those the brief states and those the answers
 * brought out — confirmed in scope one by one, and free notes.
 */
export function RequirementsPhase({ problem, attempt, dispatch, onNext }: PhaseProps) {
  const id = useId();
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const revealed = revealedRequirements(attempt.questionLog);
  const listed = [
    ...problem.requirements
      .filter((r) => !r.hidden)
      .map((r) => ({ id: r.id, kind: r.kind, text: r.text, found: false })),
    ...revealed.map((r) => ({ id: r.id, kind: r.kind, text: r.text, found: true })),
  ];
  const inScope = new Set(attempt.inScope);

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    const text = question.trim();
    if (!text || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await putQuestion(problem.id, text);
      dispatch({ type: 'asked', entry: { text, outcome: r.outcome, answers: r.answers }, now: Date.now() });
      setQuestion('');
    } catch (err) {
      setError(`Not asked: ${err instanceof Error ? err.message : String(err)}. Your question is still in the box.`);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
      <section aria-labelledby="brief-title" className={`${CARD} h-fit p-5 sm:p-6`}>
        <h2 id="brief-title" className="text-lg font-semibold text-slate-900">
          The brief
        </h2>
        <div className="mt-4">
          <Brief problem={problem} headingLevel={3} />
        </div>
      </section>

      <div className="space-y-6">
        <section aria-labelledby={`${id}-ask`} className={`${CARD} p-5`}>
          <h2 id={`${id}-ask`} className="text-lg font-semibold text-slate-900">
            Ask the interviewer
          </h2>
          <p className="mt-1 text-sm leading-relaxed text-slate-600" id={`${id}-ask-help`}>
            Ask clarifying questions in your own words, one at a time. Some answers add requirements the brief does not
            mention; a question the interviewer has nothing on costs only time.
          </p>
          <form className="mt-3" onSubmit={ask}>
            <label htmlFor={`${id}-q`} className="sr-only">
              Your question
            </label>
            <textarea
              id={`${id}-q`}
              ref={input}
              value={question}
              maxLength={MAX_QUESTION_CHARS}
              rows={2}
              aria-describedby={`${id}-ask-help`}
              placeholder="e.g. Who is going to use this, and how?"
              onChange={(e) => setQuestion(e.target.value)}
              onKeyDown={(e) => {
                // Enter asks; Shift+Enter breaks the line.
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
              className={`${INPUT} resize-y`}
            />
            <div className="mt-2 flex items-center justify-between gap-3">
              <span className="text-xs text-slate-500">{attempt.questionLog.length} asked · Enter to ask</span>
              <button type="submit" className={BTN_PRIMARY} disabled={busy || question.trim() === ''}>
                <Icon name="question" className="h-4 w-4" />
                {busy ? 'Asking…' : 'Ask'}
              </button>
            </div>
          </form>
          {error ? (
            <p role="alert" className="mt-2 text-sm font-medium text-saturated">
              {error}
            </p>
          ) : null}
          <ol className="mt-4 space-y-3" aria-label="Questions and answers" aria-live="polite">
            {attempt.questionLog.map((q, i) => (
              <li
                key={i}
                className={`rounded-lg border p-3 ${q.outcome === 'answered' ? 'border-brand-100 bg-brand-50/60' : 'border-slate-200'}`}
              >
                <p className="text-sm font-medium text-slate-900">
                  <span className="sr-only">You asked: </span>
                  {q.text}
                </p>
                {q.outcome === 'answered' ? (
                  q.answers.map((a) => (
                    <div key={a.questionId} className="mt-2 border-l-2 border-brand-500 pl-3 text-sm leading-relaxed">
                      <p className="text-slate-800">
                        <span className="sr-only">The interviewer: </span>
                        {a.answer}
                      </p>
                      {a.reveals.map((r) => (
                        <p key={r.id} className="mt-1 text-xs font-semibold text-healthy">
                          New requirement: {r.text}
                        </p>
                      ))}
                    </div>
                  ))
                ) : (
                  <p className="mt-2 border-l-2 border-slate-300 pl-3 text-sm text-slate-600">
                    <span className="sr-only">The interviewer: </span>
                    {ASK_REPLY[q.outcome]}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby={`${id}-reqs`} className={`${CARD} p-5`}>
          <h2 id={`${id}-reqs`} className="text-lg font-semibold text-slate-900">
            Requirements you are designing to
          </h2>
          <p className="mt-1 text-sm leading-relaxed text-slate-600">
            Confirm each one you will design for. Those the brief states are listed; those you find by asking join the
            list.
          </p>
          <ul className="mt-3 space-y-2" aria-label="Requirements">
            {listed.map((r) => (
              <li key={r.id}>
                <label className="flex cursor-pointer items-start gap-2.5 rounded-md p-1.5 text-sm hover:bg-slate-50">
                  <input
                    type="checkbox"
                    className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
                    checked={inScope.has(r.id)}
                    onChange={(e) => dispatch({ type: 'scope', requirementId: r.id, inScope: e.target.checked })}
                  />
                  <span className="text-slate-800">
                    {r.text}
                    <span className="ml-1.5 text-xs text-slate-500">
                      {r.kind === 'functional' ? 'functional' : 'non-functional'}
                      {r.found ? ' · found by asking' : ''}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby={`${id}-notes`} className={`${CARD} p-5`}>
          <h2 id={`${id}-notes`} className="text-lg font-semibold text-slate-900">
            Your notes
          </h2>
          <label htmlFor={`${id}-n`} className="mt-1 block text-sm text-slate-600">
            Assumptions and scope, for you and the interviewer. Notes are not scored.
          </label>
          <textarea
            id={`${id}-n`}
            value={attempt.notes}
            onChange={(e) => dispatch({ type: 'notes', text: e.target.value })}
            rows={5}
            placeholder={'Assumptions…\nOut of scope…'}
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
