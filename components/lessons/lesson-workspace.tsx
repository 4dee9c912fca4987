'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { ChallengePanel } from '@/components/content/challenge-panel';
import { EditorSession, EditorShell } from '@/components/editor/editor-shell';
import { useEditorStore } from '@/components/editor/editor-provider';
import { OtherTabBanner } from '@/components/editor/other-tab-banner';
import { TechnologyComparisonScope } from '@/components/editor/technology-compare';
import { useDesignSession } from '@/components/editor/use-design-session';
import { useVerdict, useVerdictRevision } from '@/components/results/scoring-context';
import { InspectAndResults } from '@/components/results/side-tabs';
import { describeNotices } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';
import { lessonSlot, takeHandoff, writeHandoff } from '@/lib/editor/session';
import { designOf } from '@/lib/editor/store';
import type { ChallengeCheck } from '@/lib/editor/judge';
import { STAGES } from '@/lib/rules/stages';
import { markLessonDone, readProgress } from '@/lib/learn/progress';
import { isReferenceSolution, REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';

const BLANK: Design = { schemaVersion: 1, name: 'Stage 1', nodes: [], edges: [] };

const LESSON_SCOPES = new Map(STAGES.map((s) => [s.stage, { users: s.users, stage: s.stage, figures: true }]));
function lessonScope(stage: number) {
  return LESSON_SCOPES.get(stage) ?? { users: STAGES[0].users, stage: 1, figures: true };
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
 * previous stage's design and saved under the lesson's own key from the
 * learner's first change (opening a lesson saves nothing). The design is
 * judged against the lesson's stage in the scoring worker, with every
 * evaluation; the results panel beside the canvas shows the same evaluation
 * at the stage's users. A pass marks the lesson done. "Open in the sandbox"
 * takes the design to /play, and the sandbox offers the way back.
 */
export function LessonWorkspace({
  lessonId,
  title,
  stage,
  challenge,
  hints,
  next,
}: {
  lessonId: string;
  /** The lesson's title, to name it in the sandbox. */
  title?: string;
  stage: number;
  challenge: string;
  hints: string[];
  next?: { href: string; title: string };
}) {
  const { store, banner, session } = useDesignSession({
    initial: () => startingDesign(stage),
    slot: () => lessonSlot(localStorage, lessonId),
    slotKey: lessonId,
    fit: true,
    // A design brought back from the sandbox replaces the lesson's (one Undo away); it is saved like any change.
    onRestored: (_read, store) => {
      const back = takeHandoff(sessionStorage, 'lesson', lessonId);
      if (!back) return;
      const s = store.getState();
      s.loadDesign(back.design, 'record');
      s.requestFit();
      const dropped = back.notices.length > 0 ? ` ${describeNotices(back.notices)}` : '';
      s.notify(`Brought your design back from the sandbox. Undo brings back what the lesson had.${dropped}`, dropped ? 'info' : 'success');
    },
  });
  const router = useRouter();
  const judge = useMemo(() => ({ kind: 'stage' as const, stage }), [stage]);
  const reference = referenceDesign(stage);
  const load = (design: Design, message: string) => {
    const s = store.getState();
    s.loadDesign(design, 'record');
    s.requestFit();
    s.notify(message, 'success');
  };
  const openInSandbox = () => {
    // What waits is saved first, so the lesson keeps the same design as the sandbox gets.
    session?.flush();
    const href = `/learn/${lessonId}`;
    const sent = writeHandoff(sessionStorage, { to: 'sandbox', lessonId, title: title ?? `Stage ${stage}`, href, design: designOf(store.getState()) });
    if (!sent.ok) {
      store.getState().notify(`The design could not be handed to the sandbox: ${sent.error}.`, 'error');
      return;
    }
    router.push(`/play?lesson=${encodeURIComponent(lessonId)}`);
  };

  return (
    <EditorSession store={store} judge={judge}>
      <div className="flex flex-col gap-3 lg:h-full lg:min-h-0 lg:gap-2">
        {/*
          On a laptop the checks and the challenge share the pane with the canvas: compact,
          so that four failing checks, the challenge and its hint button fit without
          scrolling at 1280×720; up to half the pane, the canvas keeping the other half.
          Only longer lists (or many revealed hints) scroll here.
        */}
        <div className="flex shrink-0 flex-col gap-3 lg:max-h-[50%] lg:gap-2 lg:overflow-y-auto">
          <LessonCheck
            lessonId={lessonId}
            stage={stage}
            next={next}
            onLoadReference={reference ? () => load(reference, 'Loaded the reference solution. Undo brings back your design.') : null}
            onReset={() => load(startingDesign(stage), 'Back to the starting design. Undo brings back your design.')}
          />
          <ChallengePanel lessonId={lessonId} stage={stage} challenge={challenge} hints={hints} />
        </div>
        {banner ? <OtherTabBanner className="rounded-xl border" {...banner} /> : null}
        <div className="h-[70vh] min-h-[360px] lg:h-auto lg:min-h-0 lg:flex-1">
          {/* Technologies are compared at the lesson's stage, as its checks judge the design. */}
          <TechnologyComparisonScope value={lessonScope(stage)}>
            <EditorShell
              className="h-full rounded-lg border border-slate-200"
              ids="lesson"
              shortcuts="while-active"
              toolbar={{
                variant: 'compact',
                sideLabel: 'Settings and results',
                end: (
                  <button
                    type="button"
                    onClick={openInSandbox}
                    title="Open this design in the sandbox; the sandbox offers the way back"
                    className="inline-flex h-9 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
                  >
                    Open in the sandbox
                  </button>
                ),
              }}
              // The lesson pane is narrow: the palette is a drawer over the canvas; the results stand beside it on a wide screen.
              dock={{ palette: 'always', side: 'xl' }}
              widths={{ palette: 'w-64 max-w-[88%]', side: 'w-80 max-w-[88%] xl:w-80' }}
              side={<InspectAndResults />}
              sideLabel="Inspector and results"
            />
          </TechnologyComparisonScope>
        </div>
      </div>
    </EditorSession>
  );
}

/** The check panel fed by the worker's verdict: marks the lesson done on a pass of the learner's own design. */
function LessonCheck({
  lessonId,
  stage,
  next,
  onLoadReference,
  onReset,
}: {
  lessonId: string;
  stage: number;
  next?: { href: string; title: string };
  onLoadReference: (() => void) | null;
  onReset: () => void;
}) {
  const store = useEditorStore();
  const verdict = useVerdict('stage');
  const revision = useVerdictRevision();
  const check = verdict?.check ?? null;
  const [seen, setSeen] = useState<{ revision: number | null; reference: boolean; done: boolean }>({ revision: null, reference: false, done: false });
  if (check && seen.revision !== revision) {
    // The verdict is for the design as scored at `revision`: whether that is the reference solution, and what it earns.
    const reference = isReferenceSolution(designOf(store.getState()), stage);
    setSeen({ revision, reference, done: seen.done });
  }
  useEffect(() => {
    if (!check) return;
    if (check.passed && !seen.reference) markLessonDone(localStorage, lessonId);
    const done = !!readProgress(localStorage).done[lessonId];
    // Progress lives in localStorage: read after the write above.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSeen((s) => (s.done === done ? s : { ...s, done }));
  }, [check, seen.reference, lessonId]);
  return (
    <CheckPanel
      stage={stage}
      check={check}
      done={seen.done}
      showingReference={seen.reference}
      next={next}
      onLoadReference={onLoadReference}
      onReset={onReset}
    />
  );
}
