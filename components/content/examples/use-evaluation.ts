'use client';

import { useMemo } from 'react';
import { evaluate, type Design, type Evaluation, type Workload } from '@/lib/engine';

export type EvaluationState = { ok: true; result: Evaluation } | { ok: false; error: string };

/**
 * Evaluates a design with the engine, skipping the eight stage passes the
 * examples do not show. Pure and fast (well under a millisecond for these
 * small designs), so it runs on every control change.
 */
export function evaluateExample(design: Design, workload?: Partial<Workload>): EvaluationState {
  try {
    return { ok: true, result: evaluate(design, workload, { stages: false }) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export function useEvaluation(design: Design, workload?: Partial<Workload>): EvaluationState {
  return useMemo(() => evaluateExample(design, workload), [design, workload]);
}
