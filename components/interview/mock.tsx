'use client';

import { useRouter } from 'next/navigation';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { Dialog } from '@/components/editor/dialog';

import { OtherTabBanner } from '@/components/editor/other-tab-banner';

import type { Design } from '@/lib/engine/data';

import type { VerdictOf } from '@/lib/editor/judge';

import {
  attemptReducer,
  dueCurveballs,
  elapsedMs,
  isPaused,
  mayLeaveDesign,
  pendingCurveballs,
  phaseIndex,
  unseenCurveballs,
  type Attempt,
  type AttemptAction,
  type CompletedAttempt,
  PHASE_LABEL,
  type Phase,
  type ReviewSnapshot,
} from '@/lib/interview/attempt';

import type { Problem } from '@/lib/interview/schema';

import { reviewUrl } from '@/lib/interview/api';

import { withRevealed } from '@/lib/interview/candidate-view';

import { OUTCOME_LABEL, OUTCOME_TONE } from './design-side';

import { PhaseScreen } from './phase-screen';

import { Icon } from './icons';

import { Setup } from './setup';

import { TimerBar } from './timer-bar';

import { BTN_PRIMARY, BTN_SECONDARY, Badge } from './ui';

import { useAttempt } from './use-attempt';

import { useJudgeOnce } from './use-judge';

import { useNow } from './use-now';


/** The record of a curveball's arrival: how the design did under it then (`verdict`: the interview judge's, with this curveball). */
export function deliverAction(curveballId: string, verdict: VerdictOf<'interview'> | null, now = Date.now()): AttemptAction {
  const r = verdict?.curveballs[curveballId];
  return {
    type: 'deliver',
    curveballId,
    now,
    snapshot: r
      ? { outcome: r.outcome, errorRate: r.errorRate, p95ReadMs: r.p95ReadMs, reasons: r.reasons }
      : { outcome: 'failed', errorRate: 1, p95ReadMs: Infinity, reasons: ['The model could not judge the design under this change.'] },
  };
}

/**
 * Delivers curveballs: they are judged on `design` in a scoring worker (the
 * engine stays off the main thread), then each is handed to `deliver` in the
 * order given. A curveball already being judged is skipped (the clock asks
 * every second) unless `again`: delivering one twice changes nothing, the
 * first arrival stands. Answers whether anything was delivered.
 */
export function useDeliverCurveballs(problem: Problem, deliver: (action: AttemptAction) => void) {
  const judgeOnce = useJudgeOnce();
  const judging = useRef(new Set<string>());
  const deliverRef = useRef(deliver);
  useEffect(() => {
    deliverRef.current = deliver;
  });
  return useCallback(
    async (design: Design, curveballIds: string[], again = false): Promise<boolean> => {
      const ids = again ? curveballIds : curveballIds.filter((id) => !judging.current.has(id));
      if (ids.length === 0) return false;
      for (const id of ids) judging.current.add(id);
      try {
        const verdict = await judgeOnce(design, { kind: 'interview', problemId: problem.id, problem, curveballIds: ids });
        const now = Date.now();
        for (const id of ids) deliverRef.current(deliverAction(id, verdict, now));
        return true;
      } finally {
        for (const id of ids) judging.current.delete(id);
      }
    },
    [judgeOnce, problem],
  );
}

export function CurveballDialog({
  problem,
  attempt,
  curveballId,
  leaving,
  leavingTo,
  onClose,
  onContinue,
}: {
  problem: Problem;
  attempt: Attempt;
  curveballId: string | null;
  /** Set while the candidate is leaving the design: the curveballs shown on the way out, in order. */
  leaving: string[] | null;
  /** Where the candidate goes once they are read. */
  leavingTo: Phase | null;
  onClose(): void;
  onContinue(): void;
}) {
  const spec = curveballId ? problem.curveballs.find((c) => c.id === curveballId) : null;
  const state = curveballId ? attempt.curveballs.find((c) => c.id === curveballId) : null;
  const practice = attempt.mode === 'practice';
  // On the way out, one change after another: the last one leads on to the next phase.
  const position = leaving && curveballId ? leaving.indexOf(curveballId) : -1;
  const count = leaving?.length ?? 0;
  const more = unseenCurveballs(attempt).filter((c) => c.id !== curveballId).length;
  return (
    <Dialog
      open={!!spec}
      onClose={onClose}
      title={spec ? `Curveball: ${spec.title}` : 'Curveball'}
      footer={
        <>
          {leaving ? (
            <button type="button" className={BTN_SECONDARY} onClick={onContinue}>
              {more > 0 ? 'Next change' : `Continue to ${PHASE_LABEL[leavingTo ?? 'deepdive'].toLowerCase()}`}
            </button>
          ) : null}
          <button type="button" className={BTN_PRIMARY} onClick={onClose}>
            Back to my design
          </button>
        </>
      }
    >
      {spec ? (
        <div className="space-y-4">
          {leaving ? (
            <p className="text-sm font-medium text-slate-700">
              {count > 1 && position >= 0
                ? `Before you move on, the interviewer has ${count} more changes for you. Change ${position + 1} of ${count}:`
                : 'Before you move on, the interviewer has one more change for you.'}
            </p>
          ) : null}
          <blockquote className="flex gap-3 rounded-lg bg-amber-50 p-4 text-[0.975rem] leading-relaxed text-slate-900 ring-1 ring-amber-200 ring-inset">
            <Icon name="bolt" className="mt-0.5 h-5 w-5 shrink-0 text-warm" />
            <span>“{spec.message}”</span>
          </blockquote>
          {practice && state?.atArrival ? (
            <div className="text-sm text-slate-700">
              <p className="flex items-center gap-2">
                Your design under these conditions:{' '}
                <Badge tone={OUTCOME_TONE[state.atArrival.outcome]}>{OUTCOME_LABEL[state.atArrival.outcome]}</Badge>
              </p>
              {state.atArrival.reasons.length > 0 ? (
                <ul className="mt-2 list-disc space-y-1 pl-5">
                  {state.atArrival.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <p className="text-sm leading-relaxed text-slate-700">
              The model has re-scored your design under these conditions; you will see how it did in the review. Adjust
              the design now if you think it needs it.
            </p>
          )}
        </div>
      ) : null}
    </Dialog>
  );
}

function AbandonDialog({ open, onClose, onConfirm }: { open: boolean; onClose(): void; onConfirm(): void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Abandon this attempt?"
      footer={
        <>
          <button type="button" className={BTN_SECONDARY} onClick={onClose}>
            Keep going
          </button>
          <button
            type="button"
            className="inline-flex h-10 items-center rounded-md bg-saturated px-4 text-sm font-semibold text-white hover:bg-red-800"
            onClick={onConfirm}
          >
            Abandon it
          </button>
        </>
      }
    >
      <p className="text-sm leading-relaxed text-slate-700">
        Your notes, estimates and design for this attempt will be deleted. Finished attempts in your history are kept.
      </p>
    </Dialog>
  );
}

function ActiveMock({
  problem: view,
  attempt,
  dispatch,
  abandon,
  file,
  saveError,
  notice,
  editDesign,
  undoDesign,
  banner,
}: {
  notice: string | null;
  problem: Problem;
  attempt: Attempt;
  dispatch(a: AttemptAction): void;
  /** The canvas changed; `design` reads it. */
  editDesign(design: () => Design): void;
  /** This tab's design one Undo away on the canvas (the other tab's version was chosen over it). */
  undoDesign: Design | null;
  /** The actions of `OtherTabBanner` while the user chooses between this tab's version and another's. */
  banner: { onKeepMine(): void; onTakeTheirs(): void } | null;
  abandon(): void;
  file(done: CompletedAttempt): { ok: boolean; error?: string };
  saveError: string | null;
}) {
  const router = useRouter();
  // The problem as the candidate knows it: what the brief states and what their questions brought out.
  const problem = useMemo(() => withRevealed(view, attempt.questionLog), [view, attempt.questionLog]);
  const paused = isPaused(attempt);
  const now = useNow(1000, !paused);
  /** Where the candidate is going once the curveballs shown on the way out of the design are read. */
  const [leaving, setLeaving] = useState<{ phase: Phase; ids: string[] } | null>(null);
  const [confirmAbandon, setConfirmAbandon] = useState(false);
  const [finishError, setFinishError] = useState<string | null>(null);

  // Curveballs come due on the clock and arrive while the candidate designs, each judged on the design as it is then.
  const deliver = useDeliverCurveballs(problem, dispatch);
  useEffect(() => {
    const due = dueCurveballs(attempt, now).map((c) => c.id);
    if (due.length > 0) void deliver(attempt.design, due);
  }, [now, attempt, deliver]);

  const unseen = unseenCurveballs(attempt)[0]?.id ?? null;

  const go = useCallback(
    (phase: Phase) => {
      if (attempt.phase === 'design' && phaseIndex(phase) > phaseIndex('design') && !mayLeaveDesign(attempt)) {
        // Curveballs still to come arrive now, and each is shown in turn before the design is left.
        const pending = pendingCurveballs(attempt).map((c) => c.id);
        const ids = [...unseenCurveballs(attempt).map((c) => c.id), ...pending];
        const show = () => setLeaving({ phase, ids: attempt.curveballs.map((c) => c.id).filter((id) => ids.includes(id)) });
        if (pending.length === 0) show();
        else void deliver(attempt.design, pending, true).then(show);
        return;
      }
      dispatch({ type: 'go', phase, now: Date.now() });
    },
    [attempt, dispatch, deliver],
  );

  /** "Back to my design": this curveball is read; any others still unread follow, and the design stays open. */
  const closeCurveball = () => {
    if (unseen) dispatch({ type: 'seen', curveballId: unseen });
    if (unseenCurveballs(attempt).length <= 1) setLeaving(null);
  };

  /** "Next change" / "Continue to trade-offs": this curveball is read; the next one is shown, or, after the last, the phase changes. */
  const continueFromCurveball = () => {
    if (unseen) dispatch({ type: 'seen', curveballId: unseen });
    if (unseenCurveballs(attempt).length > 1) return;
    const target = leaving?.phase ?? null;
    setLeaving(null);
    if (target) dispatch({ type: 'go', phase: target, now: Date.now() });
  };

  const [finishing, setFinishing] = useState(false);
  const finish = async () => {
    if (attempt.phase === 'design') {
      go('deepdive');
      return;
    }
    if (finishing) return;
    const now = Date.now();
    // Scored on the clock as it stops, so the overtime rule sees the minutes over.
    const stopped = { ...attempt, clock: { elapsedMs: elapsedMs(attempt, now), runningSince: null } };
    // Scored on the server, which holds the full problem (hidden requirements, topics) the browser is not given.
    setFinishing(true);
    setFinishError(null);
    let snapshot: ReviewSnapshot;
    try {
      const res = await fetch(reviewUrl(problem.id), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ attempt: stopped }),
      });
      const body = (await res.json().catch(() => null)) as { review?: ReviewSnapshot; error?: string } | null;
      if (!res.ok || !body?.review) throw new Error(body?.error ?? `HTTP ${res.status}`);
      snapshot = body.review;
    } catch (err) {
      setFinishing(false);
      setFinishError(
        `The attempt could not be scored (${err instanceof Error ? err.message : String(err)}). Your work is saved; try again.`,
      );
      return;
    }
    const done = attemptReducer(attempt, { type: 'finish', now, review: snapshot }) as CompletedAttempt;
    const r = file(done);
    if (!r.ok) {
      setFinishing(false);
      setFinishError(`The attempt could not be saved (${r.error}). Free some browser storage and try again.`);
      return;
    }
    router.push(`/interview/${problem.id}/review/${done.id}`);
  };

  const body = (
    <PhaseScreen
      problem={problem}
      attempt={attempt}
      dispatch={dispatch}
      go={go}
      onFinish={finish}
      editorKey={attempt.id}
      onDesignChange={editDesign}
      undoDesign={undoDesign}
    />
  );

  return (
    <div className="flex h-[calc(100dvh-3.5rem-1px)] min-h-[560px] flex-col" data-phase={attempt.phase}>
      <TimerBar
        problem={problem}
        attempt={attempt}
        now={now}
        onGo={go}
        onPause={() => dispatch({ type: 'pause', now: Date.now() })}
        onResume={() => dispatch({ type: 'resume', now: Date.now() })}
        onDuration={(minutes) => dispatch({ type: 'set-duration', minutes })}
        onAbandon={() => setConfirmAbandon(true)}
        onFinish={finish}
      />
      {banner ? <OtherTabBanner {...banner} /> : null}
      {notice && !saveError && !finishError ? (
        <p role="status" className="bg-amber-50 px-4 py-2 text-sm font-medium text-amber-950">
          {notice}
        </p>
      ) : null}
      {saveError || finishError ? (
        <p role="alert" className="bg-red-50 px-4 py-2 text-sm font-medium text-saturated">
          {finishError ?? saveError}
        </p>
      ) : null}
      <div className="relative min-h-0 flex-1">
        <div inert={paused} className={`h-full ${attempt.phase === 'design' ? '' : 'overflow-y-auto bg-slate-50'}`}>
          {body}
        </div>
        {paused ? (
          <div className="absolute inset-0 z-30 grid place-items-center bg-slate-50/85 backdrop-blur-sm">
            <div className="rounded-xl border border-slate-200 bg-white p-6 text-center shadow-lg">
              <h2 className="text-lg font-semibold text-slate-900">Paused</h2>
              <p className="mt-1 text-sm text-slate-600">The clock is stopped. Your work is saved.</p>
              <button
                type="button"
                className={`${BTN_PRIMARY} mt-4`}
                onClick={() => dispatch({ type: 'resume', now: Date.now() })}
              >
                <Icon name="play" className="h-4 w-4" />
                Resume the interview
              </button>
            </div>
          </div>
        ) : null}
      </div>
      <CurveballDialog
        problem={problem}
        attempt={attempt}
        curveballId={paused ? null : unseen}
        leaving={leaving?.ids ?? null}
        leavingTo={leaving?.phase ?? null}
        onClose={closeCurveball}
        onContinue={continueFromCurveball}
      />
      <AbandonDialog
        open={confirmAbandon}
        onClose={() => setConfirmAbandon(false)}
        onConfirm={() => {
          setConfirmAbandon(false);
          abandon();
        }}
      />
    </div>
  );
}

/** A mock interview on one problem: setup, the six timed phases, then off to the review. */
export function InterviewMock({ problem }: { problem: Problem }) {
  const { state, dispatch, editDesign, start, abandon, file, saveError, banner } = useAttempt(problem);
  if (state.status === 'loading') {
    return (
      <div className="grid flex-1 place-items-center p-10 text-sm text-slate-600" role="status">
        Loading your interview…
      </div>
    );
  }
  if (state.status === 'setup') return <Setup problem={problem} notice={state.notice} onStart={start} />;
  return (
    <ActiveMock
      // A newer save taken up from another tab starts the phase's fields and canvas afresh from it.
      key={state.synced}
      notice={state.notice}
      problem={problem}
      attempt={state.attempt}
      dispatch={dispatch}
      editDesign={editDesign}
      undoDesign={state.undoDesign ?? null}
      banner={banner}
      abandon={abandon}
      file={file}
      saveError={saveError}
    />
  );
}
