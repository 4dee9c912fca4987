'use client';

import { createContext, type ReactNode } from 'react';
import type { Workload } from '@/lib/engine/data';

/**
 * What an editor outside the sandbox compares at: a lesson's stage, a
 * scenario's or an interview's own load, and whether it shows figures at all
 * (a scenario without live scoring and a timed interview keep the numbers
 * for their grading). The sandbox needs none: it compares at the results
 * panel's users and stage.
 */
export interface ComparisonScope {
  users: number;
  /** The stage each choice is judged against, or null where the mode judges by its own rules. */
  stage: number | null;
  /** The rest of the workload (read ratio, request sizes…) where the mode has its own. */
  workload?: Partial<Workload>;
  figures: boolean;
  /** Why there are no figures, as the inspector says it. */
  why?: string;
}

export const ScopeContext = createContext<ComparisonScope | null>(null);

export function TechnologyComparisonScope({ value, children }: { value: ComparisonScope; children: ReactNode }) {
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}
