'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PHASE_LABEL, elapsedMs } from '@/lib/interview/attempt';
import { ESTIMATES, ESTIMATE_LABEL, formatFigure } from '@/lib/interview/estimation';
import { candidateProblem, withRevealed } from '@/lib/interview/candidate-view';
import type { Problem } from '@/lib/interview/schema';
import { reviewAttempt } from '@/lib/interview/scoring';
import { deliverCurveball, finishPair, setScore, type PairView } from '@/lib/classroom/pair/doc';
import { authHeader, usePairSession } from '@/lib/classroom/pair/use-pair';
import { useDeliverCurveballs } from '@/components/interview/mock';
import { DesignDiagram } from '@/components/interview/design-diagram';
import { OUTCOME_LABEL, OUTCOME_TONE, ScoreSummary } from '@/components/interview/design-side';
import { Icon } from '@/components/interview/icons';
import { BTN_PRIMARY, BTN_SECONDARY, Badge, CARD, INPUT } from '@/components/interview/ui';
import { Dialog } from '@/components/editor/dialog';
import { useLiveScore } from './candidate';
import { FinishedPair } from './finished';
import { PairBar, PairMessage, SyncBanner } from './pair-bar';
import { RubricScores } from './rubric';
import { usePairSecret } from './secret';
import { formatNumber, formatRps } from '@/lib/shared/format';

function Card({ id, title, children, aside }: { id: string; title: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={`${CARD} p-4`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        {aside}
      </div>
      <div className="mt-2">{children}</div>
    </section>
  );
}

function Answers({ problem, view }: { problem: Problem; view: PairView }) {
  const a = view.attempt;
  return (
    <>
      <Card id="pair-requirements" title="Requirements" aside={<span className="text-xs text-slate-600">{a.asked.length} of {problem.questions.length} questions asked</span>}>
        {a.notes.trim() ? (
          <p className="font-mono text-xs leading-5 whitespace-pre-wrap text-slate-800 wrap-anywhere" data-testid="pair-notes">
            {a.notes}
          </p>
        ) : (
          <p className="text-sm text-slate-600">None written yet.</p>
        )}
        {a.asked.length > 0 ? (
          <ul className="mt-2 space-y-1 text-xs text-slate-700">
            {a.asked.map((q) => (
              <li key={q.id}>Asked: {problem.questions.find((x) => x.id === q.id)?.question ?? q.id}</li>
            ))}
          </ul>
        ) : null}
      </Card>
      <Card id="pair-estimates" title="Estimates" aside={<span className="text-xs text-slate-600">checked {a.estimateTries.length} of 2 times</span>}>
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          {ESTIMATES.map((e) => {
            const value = e === 'peakRps' ? a.estimates.peakRps : a.estimates[e].value;
            return (
              <div key={e}>
                <dt className="text-xs text-slate-500">{ESTIMATE_LABEL[e]}</dt>
                <dd className="font-mono text-slate-900">
                  {value === null ? '—' : e === 'peakRps' ? formatFigure(e, value) : `${value.toLocaleString('en-US')} ${a.estimates[e].unit}`}
                </dd>
              </div>
            );
          })}
        </dl>
      </Card>
      <Card
        id="pair-api"
        title="Entities & API"
        aside={
          <span className="text-xs text-slate-600">
            {a.api ? `${a.api.entities.length} entities · ${a.api.endpoints.length} endpoints` : 'not started'}
          </span>
        }
      >
        {a.api && (a.api.entities.length > 0 || a.api.endpoints.length > 0) ? (
          <div className="space-y-2 text-xs text-slate-800" data-testid="pair-api">
            {a.api.entities.length > 0 ? (
              <ul className="space-y-1">
                {a.api.entities.map((e) => {
                  const field = (id: string | null) => e.fields.find((f) => f.id === id)?.name || id;
                  return (
                    <li key={e.id} className="wrap-anywhere">
                      <span className="font-semibold">{e.name || 'Unnamed entity'}</span>
                      {e.fields.length > 0 ? ` (${e.fields.map((f) => f.name || '?').join(', ')})` : ''}
                      {e.primaryKey.length > 0 ? ` · key ${e.primaryKey.map(field).join(' + ')}` : ''}
                      {e.partitionKey ? ` · partitioned by ${field(e.partitionKey)}` : ''}
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {a.api.endpoints.length > 0 ? (
              <ul className="space-y-0.5 font-mono">
                {a.api.endpoints.map((ep) => (
                  <li key={ep.id} className="wrap-anywhere">
                    {ep.method} {ep.path || '…'}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">None written yet.</p>
        )}
      </Card>
      <Card
        id="pair-deepdive"
        title="Deep dive"
        aside={
          a.deepDive.questions.length > 0 ? (
            <span className="text-xs text-slate-600">{a.deepDive.submittedAtMs === null ? 'answering' : 'handed in'}</span>
          ) : null
        }
      >
        {a.deepDive.questions.length > 0 ? (
          <ol className="list-decimal space-y-1 pl-4 text-xs text-slate-800" data-testid="pair-deepdive">
            {a.deepDive.questions.map((q, i) => (
              <li key={q.id}>
                {q.prompt}{' '}
                <span className="font-mono font-semibold">
                  {a.deepDive.answers[i] === null || a.deepDive.answers[i] === undefined ? '—' : q.unit === 'rps' ? formatRps(a.deepDive.answers[i]!) : `${formatNumber(a.deepDive.answers[i]!)}%`}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-600">Not reached yet.</p>
        )}
      </Card>
      <Card id="pair-tradeoffs" title="Trade-offs">
        {a.tradeoffs.trim() ? (
          <p className="text-sm leading-relaxed whitespace-pre-wrap text-slate-800 wrap-anywhere">{a.tradeoffs}</p>
        ) : (
          <p className="text-sm text-slate-600">None written yet.</p>
        )}
      </Card>
    </>
  );
}

/** The interviewer's private notes: saved on the server a moment after typing stops, never sent to the candidate. */
function PrivateNotes({ id, secret, initial }: { id: string; secret: string; initial: string }) {
  const [text, setText] = useState(initial);
  const [state, setState] = useState<'saved' | 'saving' | 'error'>('saved');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const save = useCallback(
    async (value: string) => {
      setState('saving');
      try {
        const res = await fetch(`/api/pair/${encodeURIComponent(id)}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', ...authHeader('interviewer', secret) },
          body: JSON.stringify({ interviewerNotes: value }),
        });
        if (!res.ok) throw new Error(((await res.json()) as { error?: string }).error ?? `The server answered ${res.status}.`);
        setState('saved');
        setError(null);
      } catch (e) {
        setState('error');
        setError(e instanceof Error ? e.message : 'Not saved.');
      }
    },
    [id, secret],
  );
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return (
    <Card
      id="pair-private-notes"
      title="Your notes (private)"
      aside={
        <span role="status" className={`text-xs ${state === 'error' ? 'text-saturated' : 'text-slate-600'}`}>
          {state === 'saving' ? 'Saving…' : state === 'error' ? 'Not saved' : 'Saved'}
        </span>
      }
    >
      <label htmlFor="pair-notes-input" className="text-xs text-slate-600">
        Only you see these; the candidate never receives them.
      </label>
      <textarea
        id="pair-notes-input"
        value={text}
        rows={5}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          setState('saving');
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(v), 500);
        }}
        className={`${INPUT} mt-1`}
      />
      {error ? <p className="mt-1 text-xs text-saturated">{error}</p> : null}
    </Card>
  );
}

/** The interviewer's side: the candidate's work live, the model's numbers, curveballs on demand, the rubric. */
export function PairInterviewer({ id, problem }: { id: string; problem: Problem }) {
  const secret = usePairSecret(id, 'interviewer');
  if (secret === undefined) return <PairMessage>Opening the interview…</PairMessage>;
  return <InterviewerSession id={id} problem={problem} secret={secret} />;
}

function InterviewerSession({ id, problem, secret }: { id: string; problem: Problem; secret: string | null }) {
  const { status, error, interviewerNotes, view, connection, syncError, unsent, doc } = usePairSession({ id, role: 'interviewer', secret, problem });
  // The live check as the candidate sees it: the requirements they know (the brief's and those their
  // questions found), so both sides read the same list; the rubric below judges on the whole problem.
  const questionLog = view?.attempt.questionLog;
  const known = useMemo(() => withRevealed(candidateProblem(problem), questionLog ?? []), [problem, questionLog]);
  const { live } = useLiveScore(known, view);
  const deliverNow = useDeliverCurveballs(problem, (action) => {
    const a = view?.attempt;
    if (action.type === 'deliver' && doc && a) deliverCurveball(doc, action.curveballId, elapsedMs(a, action.now), action.snapshot);
  });
  const [confirmEnd, setConfirmEnd] = useState(false);
  const reviewKey = view ? JSON.stringify([view.attempt, view.scores]) : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content
  const review = useMemo(() => (view ? reviewAttempt(problem, view.attempt) : null), [problem, reviewKey]);
  const onScore = useCallback((itemId: string, points: number | null) => doc && setScore(doc, itemId, points), [doc]);

  if (status === 'loading') return <PairMessage>Loading the interview…</PairMessage>;
  if (status === 'error') return <PairMessage tone="alert">{error}</PairMessage>;
  if (!view || !review || !doc || !secret) return <PairMessage tone="alert">This interview&apos;s document could not be read.</PairMessage>;
  const attempt = view.attempt;
  const finished = attempt.finishedAt !== null;

  // The model's verdict on the design as it is when the curveball arrives, as the solo mock keeps it.
  const deliver = (curveballId: string) => void deliverNow(attempt.design, [curveballId]);
  const origin = typeof window === 'undefined' ? '' : window.location.origin;

  return (
    <div className="flex flex-col" data-role="interviewer">
      <PairBar
        problem={problem}
        attempt={attempt}
        role="interviewer"
        connection={connection}
        unsent={unsent}
        end={
          finished ? null : (
            <button type="button" className="inline-flex h-9 items-center rounded-md bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700" onClick={() => setConfirmEnd(true)}>
              End the interview
            </button>
          )
        }
      />
      <SyncBanner error={syncError} />
      {finished ? (
        <div className="bg-slate-50">
          <FinishedPair problem={problem} attempt={attempt} scores={view.scores} onScore={onScore} />
          <div className="mx-auto w-full max-w-6xl px-4 pb-8">
            <PrivateNotes id={id} secret={secret} initial={interviewerNotes ?? ''} />
          </div>
        </div>
      ) : (
        <div className="mx-auto grid w-full max-w-[1600px] gap-4 bg-slate-50 px-4 py-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
          <div className="min-w-0 space-y-4">
            <Card
              id="pair-design"
              title="The candidate's design"
              aside={
                <span className="text-xs text-slate-600">
                  Now on: <span className="font-semibold text-slate-900">{PHASE_LABEL[attempt.phase]}</span> · {attempt.design.nodes.length} components
                </span>
              }
            >
              <div data-testid="pair-design" data-nodes={attempt.design.nodes.length}>
                <DesignDiagram design={attempt.design} title={`The candidate's design for ${problem.title}`} />
              </div>
            </Card>
            <Answers problem={problem} view={view} />
            <Card id="pair-link" title="Candidate's link">
              <p className="text-xs text-slate-600">
                The candidate opens the link you copied when you started. Lost it? The candidate&apos;s browser keeps it; or start a new pair interview from the problem&apos;s page.
              </p>
              <p className="mt-1 font-mono text-xs break-all text-slate-500">{origin}/interview/pair/{id}/candidate</p>
            </Card>
          </div>
          <div className="min-w-0 space-y-4">
            <section aria-label="The model's numbers" className={`${CARD} overflow-hidden`}>
              {live ? <ScoreSummary live={live} /> : null}
            </section>
            <Card id="pair-curveballs" title="Curveballs">
              <ul className="space-y-3">
                {problem.curveballs.map((c) => {
                  const state = attempt.curveballs.find((x) => x.id === c.id);
                  const now = live?.curveballs[c.id];
                  return (
                    <li key={c.id} className={`rounded-lg border p-3 ${state ? 'border-amber-200 bg-amber-50/60' : 'border-slate-200'}`}>
                      <div className="flex items-start justify-between gap-2">
                        <p className="flex items-center gap-1.5 text-sm font-semibold text-slate-900">
                          <Icon name="bolt" className="h-4 w-4 text-warm" />
                          {c.title}
                        </p>
                        {state ? (
                          <span className="shrink-0 text-xs text-slate-600">
                            {Math.round(state.deliveredAtMs! / 60000)} min in · {state.seen ? 'read' : 'not read yet'}
                          </span>
                        ) : (
                          <button type="button" className={`${BTN_SECONDARY} h-8 shrink-0 px-3`} onClick={() => deliver(c.id)} aria-label={`Deliver now: ${c.title}`}>
                            Deliver now
                          </button>
                        )}
                      </div>
                      <p className="mt-1 text-sm leading-relaxed text-slate-700">{c.message}</p>
                      {now ? (
                        <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-700">
                          The design now: <Badge tone={OUTCOME_TONE[now.outcome]}>{OUTCOME_LABEL[now.outcome]}</Badge>
                          {now.reasons[0] ? <span className="basis-full">{now.reasons[0]}</span> : null}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </Card>
            <RubricScores review={review} scores={view.scores} onScore={onScore} />
            <PrivateNotes id={id} secret={secret} initial={interviewerNotes ?? ''} />
          </div>
        </div>
      )}
      <Dialog
        open={confirmEnd}
        onClose={() => setConfirmEnd(false)}
        title="End the interview?"
        footer={
          <>
            <button type="button" className={BTN_SECONDARY} onClick={() => setConfirmEnd(false)}>
              Keep going
            </button>
            <button
              type="button"
              className={BTN_PRIMARY}
              onClick={() => {
                setConfirmEnd(false);
                finishPair(doc, Date.now());
              }}
            >
              End it
            </button>
          </>
        }
      >
        <p className="text-sm leading-relaxed text-slate-700">
          The clock stops and both of you see the review. You can still adjust your scores afterwards.
        </p>
      </Dialog>
    </div>
  );
}
