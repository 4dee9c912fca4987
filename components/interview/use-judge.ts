'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Design } from '@/lib/engine/data';
import type { JudgeKind, JudgeOf, Verdict, VerdictOf } from '@/lib/editor/judge';
import { createScoringWorker, workerClient, type EngineClient } from '@/lib/editor/scoring';

/**
 * Judges designs that are not on this page's canvas (a curveball's arrival,
 * the pair interviewer's view of the candidate's design) in a scoring Web
 * Worker of their own, started on first use and stopped with the component:
 * the engine never runs on the main thread. Resolves to null when the judge
 * could not judge at all.
 */
export type JudgeOnce = <K extends JudgeKind>(design: Design, judge: JudgeOf<K>) => Promise<VerdictOf<K> | null>;

export function useJudgeOnce(): JudgeOnce {
  const client = useRef<EngineClient | null>(null);
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );
  return useCallback(async (design, judge) => {
    client.current ??= workerClient(createScoringWorker);
    const r = await client.current.run<Verdict>({ type: 'judge', design, judge });
    const verdict = r.ok ? r.value : (r.verdict ?? null);
    return verdict && verdict.kind === judge.kind ? (verdict as VerdictOf<typeof judge.kind>) : null;
  }, []) as JudgeOnce;
}

/**
 * The verdict on `design` (null: not judged yet, or no design), judged again
 * whenever the design or the judge changes by value; an answer that arrives
 * after a newer request is dropped.
 */
export function useJudged<K extends JudgeKind>(design: Design | null, judge: JudgeOf<K> | null): VerdictOf<K> | null {
  const judgeOnce = useJudgeOnce();
  const [verdict, setVerdict] = useState<VerdictOf<K> | null>(null);
  const key = design && judge ? JSON.stringify([design, judge]) : '';
  const latest = useRef({ design, judge });
  useEffect(() => {
    latest.current = { design, judge };
  });
  useEffect(() => {
    const { design: d, judge: j } = latest.current;
    if (!d || !j) return;
    let current = true;
    void judgeOnce<K>(d, j).then((v) => {
      if (current) setVerdict(v);
    });
    return () => {
      current = false;
    };
  }, [key, judgeOnce]);
  return key ? verdict : null;
}
