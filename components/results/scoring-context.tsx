'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { startScoring, type Scoring, type ScoringView } from '@/lib/editor/scoring';
import { useEditorStore } from '@/components/editor/editor-provider';

const ScoringContext = createContext<Scoring | null>(null);

/** What components outside a scoring editor (scenarios, interviews, shared views) read: nothing live. */
const IDLE_VIEW = createStore<ScoringView>()(() => ({
  users: 1_000,
  stage: 1,
  stageChosen: false,
  tab: 'inspect',
  section: 'scorecard',
  revision: 0,
  busy: false,
  lastScoreMs: null,
  sweep: null,
  whatIf: null,
  chaos: null,
  traffic: false,
  simulation: null,
}));

/** Starts live scoring for the editor it sits in and hands the scorer down. */
export function LiveScoring({ children }: { children: ReactNode }) {
  const store = useEditorStore();
  const [scoring, setScoring] = useState<Scoring | null>(null);
  useEffect(() => {
    const s = startScoring(store);
    // The scorer lives exactly as long as this effect: started here, stopped on unmount.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setScoring(s);
    return () => {
      s.stop();
      setScoring(null);
    };
  }, [store]);
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
