'use client';

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Judge, JudgeKind, Verdict, VerdictOf } from '@/lib/editor/judge';
import { freshView, startScoring, type Scoring, type ScoringView } from '@/lib/editor/scoring';
import type { EditorState } from '@/lib/editor/store';
import { useEditor, useEditorStore } from '@/components/editor/editor-provider';

const ScoringContext = createContext<Scoring | null>(null);

/** What components outside a scoring editor (scenarios, interviews, shared views) read: nothing live. */
const IDLE_VIEW = createStore<ScoringView>()(() => freshView({ users: 1_000, stage: 1, stageChosen: false }, 'inspect'));

/**
 * Starts live scoring (in the Web Worker) for the editor it sits in and hands
 * the scorer down. `judge`: what the design is judged against (a lesson's
 * stage, an interview problem, a scenario); its verdict comes with every
 * evaluation, read with `useVerdict()`. A changed judge (compared by value)
 * rescores without restarting. `figures={false}`: blind modes, no figures on
 * the cards (the verdict still comes).
 */
export function LiveScoring({ children, judge = null, figures = true }: { children: ReactNode; judge?: Judge | null; figures?: boolean }) {
  const store = useEditorStore();
  const [scoring, setScoring] = useState<Scoring | null>(null);
  const judgeRef = useRef(judge);
  useEffect(() => {
    const s = startScoring(store, { judge: judgeRef.current, figures });
    // The scorer lives exactly as long as this effect: started here, stopped on unmount.
    setScoring(s);
    return () => {
      s.stop();
      setScoring(null);
    };
  }, [store, figures]);
  const judgeKey = JSON.stringify(judge);
  useEffect(() => {
    judgeRef.current = judge;
    scoring?.setJudge(judge);
    // The judge is compared by value: a new object with the same fields changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scoring, judgeKey]);
  return <ScoringContext.Provider value={scoring}>{children}</ScoringContext.Provider>;
}

export function useScoring(): Scoring | null {
  return useContext(ScoringContext);
}

/** Subscribes to one narrow piece of the results view state. */
export function useScoringView<T>(selector: (v: ScoringView) => T): T {
  const scoring = useContext(ScoringContext);
  return useStore(scoring?.view ?? IDLE_VIEW, selector);
}

const selectVerdict = (s: EditorState): Verdict | null => s.results?.scored?.verdict ?? null;
const selectRevision = (s: EditorState): number | null => s.results?.scored?.revision ?? null;

/**
 * The judge's verdict on the design as last scored (null until the first
 * answer, or without a judge). With `kind`, only a verdict of that kind
 * (`useVerdict('stage')?.check`). It belongs to the same evaluation as the
 * results panel's numbers: `useVerdictRevision()` is their shared revision.
 */
export function useVerdict(): Verdict | null;
export function useVerdict<K extends JudgeKind>(kind: K): VerdictOf<K> | null;
export function useVerdict(kind?: JudgeKind): Verdict | null {
  const verdict = useEditor(selectVerdict);
  if (!verdict || (kind && verdict.kind !== kind)) return null;
  return verdict;
}

/** The revision of the evaluation (and verdict) last applied; null before the first. */
export function useVerdictRevision(): number | null {
  return useEditor(selectRevision);
}
