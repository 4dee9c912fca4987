'use client';

import { useRouter } from 'next/navigation';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { attemptReducer, unseenCurveballs, type AttemptAction, type Phase } from '@/lib/interview/attempt';

import { interviewJudge } from '@/lib/editor/judges/specs';

import type { Design } from '@/lib/engine/data';

import type { Problem } from '@/lib/interview/schema';

import { readPair, writeCandidate, writeDesign, type PairView } from '@/lib/classroom/pair/doc';

import { usePairSession } from '@/lib/classroom/pair/use-pair';

import type { LiveScore } from '@/components/interview/design-side';

import { CurveballDialog } from '@/components/interview/mock';

import { useJudged } from '@/components/interview/use-judge';

import { PhaseScreen } from '@/components/interview/phase-screen';

import { withRevealed } from '@/lib/interview/candidate-view';

import { FinishedPair } from './finished';

import { PairBar, PairMessage, SyncBanner } from './pair-bar';

import { usePairSecret } from './secret';



/**
 * The model's live check of the candidate's design as the problem `known`
 * has it (the target and each curveball that arrived), judged in a scoring
 * worker whenever the design or the arrived curveballs change.
 */
export function useLiveScore(known: Problem, view: PairView | null): { live: LiveScore | null } {
  const a = view?.attempt ?? null;
  const judge = useMemo(() => (a ? interviewJudge(known, a) : null), [known, a]);
  const verdict = useJudged(a?.design ?? null, judge);
  const live = useMemo(() => (verdict ? { target: verdict.target, curveballs: verdict.curveballs } : null), [verdict]);
  return { live };
}

/** The candidate's side: the solo mock's phases on the shared document; the interviewer ends it. */
/**
 * The candidate's side. `ended`: the server saw the interview ended when it
 * made the page, so `problem` is the whole problem the review needs; before
 * that it is the candidate's view of it (lib/interview/candidate-view.ts).
 */
export function PairCandidate({ id, problem, ended }: { id: string; problem: Problem; ended: boolean }) {
  const secret = usePairSecret(id, 'candidate');
  if (secret === undefined) return <PairMessage>Opening the interview…</PairMessage>;
  return <CandidateSession id={id} problem={problem} secret={secret} ended={ended} />;
}

function CandidateSession({ id, problem, secret, ended }: { id: string; problem: Problem; secret: string | null; ended: boolean }) {
  const { status, error, view, connection, syncError, unsent, remoteDesign, doc } = usePairSession({ id, role: 'candidate', secret, problem });
  const router = useRouter();
  const endedNow = (view?.attempt.finishedAt ?? null) !== null;
  // The interviewer ended it while this page held the candidate's view of the problem: the review
  // needs the whole problem (its hidden requirements are no secret now), which the server page has.
  useEffect(() => {
    if (endedNow && !ended) router.refresh();
  }, [endedNow, ended, router]);
  const [waiting, setWaiting] = useState(false);

  const dispatch = useCallback(
    (action: AttemptAction) => {
      if (!doc) return;
      // Read afresh: several actions may be dispatched in one event.
      const prev = readPair(doc, problem, id)?.attempt;
      if (!prev) return;
      writeCandidate(doc, prev, attemptReducer(prev, action));
    },
    [doc, problem, id],
  );

  // Canvas changes are written a moment after the last, not on every pointer move.
  const designTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editDesign = useCallback(
    (design: () => Design) => {
      if (designTimer.current) clearTimeout(designTimer.current);
      designTimer.current = setTimeout(() => {
        designTimer.current = null;
        if (doc) writeDesign(doc, design());
      }, 120);
    },
    [doc],
  );
  useEffect(() => () => void (designTimer.current && clearTimeout(designTimer.current)), []);

  // The problem as the candidate knows it: the brief and what their questions brought out (as in the solo mock).
  const questionLog = view?.attempt.questionLog;
  const known = useMemo(() => withRevealed(problem, questionLog ?? []), [problem, questionLog]);

  if (status === 'loading') return <PairMessage>Loading the interview…</PairMessage>;
  if (status === 'error') return <PairMessage tone="alert">{error}</PairMessage>;
  if (!view) return <PairMessage tone="alert">This interview&apos;s document could not be read.</PairMessage>;
  const attempt = view.attempt;
  const go = (phase: Phase) => dispatch({ type: 'go', phase, now: Date.now() });
  const unseen = unseenCurveballs(attempt)[0]?.id ?? null;

  const body = (() => {
    if (attempt.finishedAt !== null)
      return ended ? <FinishedPair problem={problem} attempt={attempt} scores={view.scores} /> : <PairMessage>The interviewer ended the interview. Loading the review…</PairMessage>;
    return (
      <PhaseScreen
        problem={known}
        attempt={attempt}
        dispatch={dispatch}
        go={go}
        onFinish={() => setWaiting(true)}
        // A change to the design from elsewhere (this candidate's other tab) starts the canvas from it.
        editorKey={`pair-${remoteDesign}`}
        onDesignChange={editDesign}
      />
    );
  })();

  return (
    <div className={`flex flex-col ${attempt.finishedAt === null && attempt.phase === 'design' ? 'h-[calc(100dvh-3.5rem-1px)] min-h-[560px]' : ''}`} data-phase={attempt.phase}>
      <PairBar problem={problem} attempt={attempt} role="candidate" connection={connection} unsent={unsent} onGo={attempt.finishedAt === null ? go : undefined} />
      <SyncBanner error={syncError} />
      {waiting && attempt.finishedAt === null ? (
        <p role="status" className="bg-brand-50 px-4 py-2 text-sm font-medium text-brand-700">
          Your answers are saved as you type. The interviewer ends the interview; the review appears here then.
        </p>
      ) : null}
      <div className={`relative min-h-0 flex-1 ${attempt.phase === 'design' && attempt.finishedAt === null ? '' : 'bg-slate-50'}`}>{body}</div>
      {attempt.finishedAt === null ? (
        <CurveballDialog
          problem={problem}
          attempt={attempt}
          curveballId={unseen}
          leaving={null}
          leavingTo={null}
          onClose={() => unseen && dispatch({ type: 'seen', curveballId: unseen })}
          onContinue={() => unseen && dispatch({ type: 'seen', curveballId: unseen })}
        />
      ) : null}
    </div>
  );
}
