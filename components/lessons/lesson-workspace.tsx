'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ChallengePanel } from '@/components/content/challenge-panel';
import { EditorProvider } from '@/components/editor/editor-provider';
import { OtherTabBanner } from '@/components/editor/other-tab-banner';
import { useOtherTab } from '@/components/editor/use-other-tab';
import { describeNotices } from '@/lib/design/schema';
import { sameDesign, startSaving } from '@/lib/editor/autosave';
import type { Design } from '@/lib/engine/types';
import { createEditorStore, designOf, onlyMeasured, type EditorStore } from '@/lib/editor/store';
import { onPageHide } from '@/lib/editor/page-hide';
import { checkStage } from '@/lib/editor/judge';
import {
  lessonDesignKey,
  lessonSaveFailed,
  markLessonDone,
  readLessonDesign,
  readProgress,
  writeLessonDesign,
  type ChallengeCheck,
} from '@/lib/progress';
import { isReferenceSolution, REFERENCE_DESIGNS } from '@/lib/reference-designs';
import { LessonEditor } from './lesson-editor';
import { TechnologyComparisonScope } from '@/components/editor/technology-compare';
import { GROWTH_STAGES } from '@/lib/growth-stages';

/** How long after the last committed change the design is checked and saved, ms. */
export const CHECK_DELAY_MS = 150;

const BLANK: Design = { schemaVersion: 1, name: 'Stage 1', nodes: [], edges: [] };

const LESSON_SCOPES = new Map(GROWTH_STAGES.map((s) => [s.stage, { users: s.users, stage: s.stage, figures: true }]));
function lessonScope(stage: number) {
  return LESSON_SCOPES.get(stage) ?? { users: GROWTH_STAGES[0].users, stage: 1, figures: true };
}

/** Where a lesson's canvas starts: the previous stage's reference design (stage 1: a blank canvas). */
export function startingDesign(stage: number): Design {
  if (stage <= 1) return BLANK;
  return REFERENCE_DESIGNS.find((r) => r.stage === stage - 1)?.design ?? BLANK;
}

export function referenceDesign(stage: number): Design | null {
  return REFERENCE_DESIGNS.find((r) => r.stage === stage)?.design ?? null;
}

/** A check's label as a plain sentence: "practice: a stateless app tier — missing" → "Missing: a stateless app tier." */
export function checkSentence(label: string): string {
  const practice = /^practice: (.*) — missing$/.exec(label);
  if (practice) return `Missing: ${practice[1]}.`;
  return `Not met: ${label}.`;
}

const BTN =
  'inline-flex h-8 items-center justify-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50';

function CheckPanel({
  stage,
  check,
  done,
  showingReference,
  onLoadReference,
  onReset,
  next,
}: {
  stage: number;
  check: ChallengeCheck | null;
  done: boolean;
  /** The canvas holds the reference solution as loaded: it passes, but earns no credit. */
  showingReference: boolean;
  onLoadReference: (() => void) | null;
  onReset: () => void;
  next?: { href: string; title: string };
}) {
  const failing = check?.checks.filter((c) => !c.passed) ?? [];
  const passed = check?.passed ?? false;
  return (
    <section
      aria-labelledby="challenge-check-title"
      data-testid="challenge-check"
      data-passed={check ? String(passed) : undefined}
      className={`rounded-xl border p-3 sm:p-4 lg:p-3 ${passed ? 'border-emerald-200 bg-emerald-50' : 'border-slate-200 bg-white'}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 id="challenge-check-title" className="text-base font-semibold text-slate-900" aria-live="polite">
          Stage {stage}:{' '}
          {check === null ? (
            <span className="text-slate-500">checking…</span>
          ) : passed ? (
            <span className="text-emerald-700">passed ✓</span>
          ) : (
            <span className="text-amber-700">not yet</span>
          )}
        </h2>
        <div className="ml-auto flex flex-wrap gap-2">
          {onLoadReference ? (
            <button type="button" className={BTN} onClick={onLoadReference}>
              Load the reference solution
            </button>
          ) : null}
          <button type="button" className={BTN} onClick={onReset}>
            Reset to the starting design
          </button>
        </div>
      </div>
      {passed ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {showingReference ? (
            <>
              This is the reference solution: it meets every check of stage {stage}. Undo or reset, then build your own
              design to mark the lesson done.{done ? ' (The lesson is already marked done.)' : ''}
            </>
          ) : (
            <>
              Well done: this design meets every check of stage {stage}.{done ? ' The lesson is marked done.' : ''}
            </>
          )}{' '}
          {next ? (
            <Link href={next.href} className="font-medium underline">
              Next: {next.title}
            </Link>
          ) : null}
        </p>
      ) : check?.problem ? (
        <p className="mt-2 text-sm text-slate-700">{check.problem}</p>
      ) : failing.length > 0 ? (
        <ul aria-label="Checks not met yet" className="mt-2 space-y-0.5 text-sm text-slate-800">
          {failing.map((c) => (
            <li key={c.label} className="flex gap-2">
              <span aria-hidden="true" className="text-amber-600">
                ✗
              </span>
              <span>{checkSentence(c.label)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * A lesson's live canvas with its challenge: the real editor started from the
 * previous stage's design and autosaved under the lesson's own key from the
 * learner's first change (opening a lesson saves nothing); every
 * committed change is checked against the lesson's stage, and a pass marks
 * the lesson done.
 */
export function LessonWorkspace({
  lessonId,
  stage,
  challenge,
  hints,
  next,
}: {
  lessonId: string;
  stage: number;
  challenge: string;
  hints: string[];
  next?: { href: string; title: string };
}) {
  const [store] = useState<EditorStore>(() => createEditorStore({ design: startingDesign(stage) }));
  const [check, setCheck] = useState<ChallengeCheck | null>(null);
  const [done, setDone] = useState(false);
  const [showingReference, setShowingReference] = useState(false);
  const { watch: watchOtherTab, banner } = useOtherTab();

  useEffect(() => {
    const s = store.getState();
    const saved = readLessonDesign(localStorage, lessonId);
    if (saved.status === 'ok') {
      s.loadDesign(saved.design, 'reset');
      if (saved.notices.length > 0)
        s.notify(`Your saved design for this lesson was restored. ${describeNotices(saved.notices)}`, 'info');
    } else if (saved.status === 'unreadable') {
      s.notify(
        'Your saved design for this lesson could not be read, so the lesson starts from its starting design. The old copy was kept in this browser’s storage.',
        'error',
      );
    }
    s.setHydrated();
    s.requestFit();

    // Only the learner's own changes are saved, started after the saved design
    // is loaded: React Flow measuring the cards when the canvas first draws is
    // not one, and saving then would mark a lesson that was only opened as in
    // progress on the learning path. A failed write is reported once, until one succeeds.
    const autosave = startSaving(
      store,
      (design) => writeLessonDesign(localStorage, lessonId, design),
      (reason) => s.notify(lessonSaveFailed(reason), 'error'),
      CHECK_DELAY_MS,
    );
    // Every change is checked, another tab's too; subscribed after the autosave, so a change is saved before it is checked.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      timer = null;
      const design = designOf(store.getState());
      const result = checkStage(design, stage);
      const reference = isReferenceSolution(design, stage);
      setCheck(result);
      setShowingReference(reference);
      if (result.passed && !reference) markLessonDone(localStorage, lessonId);
      setDone(!!readProgress(localStorage).done[lessonId]);
    };
    const checkNow = () => {
      if (timer) clearTimeout(timer);
      check();
    };
    const unsubscribe = store.subscribe((state, prev) => {
      if (onlyMeasured(prev.graph, state.graph)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(check, CHECK_DELAY_MS);
    });
    timer = setTimeout(check, CHECK_DELAY_MS);
    const stopFlushOnHide = onPageHide(() => {
      autosave.flush();
      if (timer) checkNow();
    });
    const stopOtherTab = watchOtherTab(lessonDesignKey(lessonId), {
      read: () => {
        const r = readLessonDesign(localStorage, lessonId);
        return r.status === 'ok' ? r.design : null;
      },
      mine: () => designOf(store.getState()),
      same: sameDesign,
      saving: {
        ...autosave,
        release(saveNow) {
          autosave.release(saveNow);
          if (saveNow) checkNow();
        },
      },
      notify: (message, tone) => s.notify(message, tone),
      followed:
        'This lesson’s design was changed in another tab, so this tab now shows that version. Undo brings back what was here.',
    });
    return () => {
      stopOtherTab();
      stopFlushOnHide();
      unsubscribe();
      if (timer) clearTimeout(timer);
      autosave.stop();
    };
  }, [store, lessonId, stage, watchOtherTab]);

  const reference = referenceDesign(stage);
  const load = (design: Design, message: string) => {
    const s = store.getState();
    s.loadDesign(design, 'record');
    s.requestFit();
    s.notify(message, 'success');
  };

  return (
    <div className="flex flex-col gap-3 lg:h-full lg:min-h-0 lg:gap-2">
      {/*
        On a laptop the checks and the challenge share the pane with the canvas: compact,
        so that four failing checks, the challenge and its hint button fit without
        scrolling at 1280×720; up to half the pane, the canvas keeping the other half.
        Only longer lists (or many revealed hints) scroll here.
      */}
      <div className="flex shrink-0 flex-col gap-3 lg:max-h-[50%] lg:gap-2 lg:overflow-y-auto">
        <CheckPanel
          stage={stage}
          check={check}
          done={done}
          showingReference={showingReference}
          next={next}
          onLoadReference={
            reference ? () => load(reference, 'Loaded the reference solution. Undo brings back your design.') : null
          }
          onReset={() => load(startingDesign(stage), 'Back to the starting design. Undo brings back your design.')}
        />
        <ChallengePanel lessonId={lessonId} stage={stage} challenge={challenge} hints={hints} />
      </div>
      {banner ? <OtherTabBanner className="rounded-xl border" {...banner} /> : null}
      <div className="h-[70vh] min-h-[360px] lg:h-auto lg:min-h-0 lg:flex-1">
        <EditorProvider store={store}>
          <ReactFlowProvider>
            {/* Technologies are compared at the lesson's stage, as its checks judge the design. */}
            <TechnologyComparisonScope value={lessonScope(stage)}>
              <LessonEditor />
            </TechnologyComparisonScope>
          </ReactFlowProvider>
        </EditorProvider>
      </div>
    </div>
  );
}
