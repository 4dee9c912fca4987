'use client';

import { useMemo } from 'react';

import type { Design } from '@/lib/engine/data';

import { interviewJudge } from '@/lib/editor/judges/specs';

import { PHASES, PHASE_LABEL, type Attempt, type AttemptAction, type Phase } from '@/lib/interview/attempt';

import type { Problem } from '@/lib/interview/schema';

import { DesignSide } from './design-side';

import { Icon } from './icons';

import { InterviewEditor } from './interview-editor';

import { ApiPhase } from './phase-api';

import { DeepDivePhase } from './phase-deepdive';

import { EstimationPhase } from './phase-estimation';

import { RequirementsPhase } from './phase-requirements';

import { TradeoffsPhase } from './phase-tradeoffs';


/** The phase after `phase`, in the interview's order (lib/interview/attempt.ts), or null after the last. */
export function nextPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null;
}

/**
 * The screen of the phase an attempt is in: one place for every way an
 * interview is taken (the solo mock, the pair interview's candidate), so a
 * phase added to the interview has its screen in each.
 */
export function PhaseScreen({
  problem,
  attempt,
  dispatch,
  go,
  onFinish,
  editorKey,
  onDesignChange,
  undoDesign,
}: {
  /** The problem as the candidate knows it (lib/interview/candidate-view.ts). */
  problem: Problem;
  attempt: Attempt;
  dispatch(action: AttemptAction): void;
  go(phase: Phase): void;
  /** The last phase's "finish". */
  onFinish(): void;
  /** The canvas starts afresh from `attempt.design` when this changes. */
  editorKey: string;
  onDesignChange(design: () => Design): void;
  undoDesign?: Design | null;
}) {
  const next = nextPhase(attempt.phase);
  // What practice mode scores the design against: the problem as the candidate knows it and the curveballs that have arrived.
  const arrived = attempt.curveballs.filter((c) => c.deliveredAtMs !== null).map((c) => c.id).join(' ');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the curveballs that arrived, not the attempt's identity
  const judge = useMemo(() => interviewJudge(problem, attempt), [problem, arrived]);
  const onNext = () => next && go(next);
  const delivered = attempt.curveballs.filter((c) => c.deliveredAtMs !== null).length;
  switch (attempt.phase) {
    case 'requirements':
      return <RequirementsPhase problem={problem} attempt={attempt} dispatch={dispatch} onNext={onNext} />;
    case 'estimation':
      return <EstimationPhase problem={problem} attempt={attempt} dispatch={dispatch} onNext={onNext} />;
    case 'api':
      return <ApiPhase problem={problem} attempt={attempt} dispatch={dispatch} onNext={onNext} />;
    case 'design':
      return (
        <InterviewEditor
          key={editorKey}
          initialDesign={attempt.design}
          undoDesign={undoDesign}
          onChange={onDesignChange}
          practice={attempt.mode === 'practice'}
          judge={judge}
          side={(live) => <DesignSide problem={problem} attempt={attempt} live={live} />}
          sideLabel="Interview"
          sideBadge={
            delivered > 0 ? (
              <span className="ml-1 inline-flex items-center gap-0.5 rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-warm">
                <Icon name="bolt" className="h-3 w-3" />
                {delivered}
                <span className="sr-only"> {delivered === 1 ? 'curveball' : 'curveballs'}</span>
              </span>
            ) : null
          }
          toolbarEnd={
            next ? (
              <button
                type="button"
                className="inline-flex h-9 items-center gap-1.5 rounded-md bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700"
                onClick={onNext}
              >
                Next: {PHASE_LABEL[next].toLowerCase()}
                <Icon name="arrowRight" className="h-4 w-4" />
              </button>
            ) : null
          }
        />
      );
    case 'deepdive':
      return <DeepDivePhase problem={problem} attempt={attempt} dispatch={dispatch} onNext={onNext} />;
    case 'tradeoffs':
      return <TradeoffsPhase problem={problem} attempt={attempt} dispatch={dispatch} onFinish={onFinish} />;
    default: {
      // A phase without a screen fails the type check here.
      const missing: never = attempt.phase;
      return missing;
    }
  }
}
