/**
 * The capacity engine as grading calls it: one place that binds grading to
 * lib/engine, so the API tests can stand a simpler model in for it.
 */
import { evaluate } from '../../engine';
import type { Evaluate } from './grading';

export const evaluateDesign: Evaluate = (design, workload, options) => evaluate(design, workload, options);
