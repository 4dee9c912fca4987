/**
 * One grading job, as a worker thread of the grading pool runs it
 * (lib/scenarios/grading-pool.ts): the capacity engine's CPU time is spent
 * here, off the thread that answers HTTP requests.
 */
import { threadId } from 'node:worker_threads';
import type { Design } from '../engine/types';
import { evaluateDesign } from './engine';
import { gradeDesign, type ScenarioGrade } from './grading';
import type { ScenarioConfig } from './schema';

export interface GradingTask {
  design: Design;
  config: Pick<ScenarioConfig, 'targets' | 'slo' | 'workload'>;
  /** Set to the start time (ms since the epoch) when a worker picks the job up; the pool's time limit runs from then. */
  started: SharedArrayBuffer;
}

export interface GradingOutcome {
  grade: ScenarioGrade;
  /** The worker thread that graded (never the main thread's 0). */
  threadId: number;
  ms: number;
}

export function runGradingTask(task: GradingTask): GradingOutcome {
  const t0 = Date.now();
  Atomics.store(new BigInt64Array(task.started), 0, BigInt(t0));
  const grade = gradeDesign(task.design, task.config, evaluateDesign);
  return { grade, threadId, ms: Date.now() - t0 };
}
