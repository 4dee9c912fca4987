/**
 * The what-if scenarios' vocabulary, shared by the engine (what-if.ts) and
 * the results panel (components/results/what-if-options.ts): the scenario
 * type, which kinds belong to no region, which kinds a slow database slows,
 * and the sentence naming a scenario. Type imports only, so the panel can
 * use it without pulling the engine into the page bundle. Regions and global
 * kinds live in lib/rules/regions.ts.
 */
import type { Design } from '../design/types';
import { DEFAULT_REGION, GLOBAL_KINDS, regionOfKind } from '../rules/regions';

export { DEFAULT_REGION, GLOBAL_KINDS, regionOfKind };

export type WhatIf =
  | { type: 'fail-node'; nodeId: string }
  | { type: 'fail-instance'; nodeId: string }
  | { type: 'fail-region'; region: string }
  | { type: 'flash-crowd'; factor?: number }
  | { type: 'cache-flush' }
  | { type: 'slow-database'; factor?: number };

/** Kinds a slow database slows: every database, read replica and NoSQL node. */
export const DATA_KINDS: ReadonlySet<string> = new Set(['database', 'read-replica', 'nosql']);

/**
 * A short sentence naming the condition, for headings and curveballs:
 * components by label (else id) from the design, or named by `labelOf`.
 */
export function describeWhatIf(w: WhatIf, names?: Pick<Design, 'nodes'> | ((id: string) => string)): string {
  const labelOf = typeof names === 'function' ? names : (id: string) => names?.nodes.find((n) => n.id === id)?.label ?? id;
  switch (w.type) {
    case 'fail-node':
      return `${labelOf(w.nodeId)} fails`;
    case 'fail-instance':
      return `one instance of ${labelOf(w.nodeId)} fails`;
    case 'fail-region':
      return `region ${w.region} goes down`;
    case 'flash-crowd':
      // 5: the workload's default flashFactor (MODEL.md §9.5); a test keeps the two equal.
      return `a flash crowd brings ${w.factor ?? 5}× the peak traffic`;
    case 'cache-flush':
      return 'the cache is flushed (hit ratio 0 while it warms up)';
    case 'slow-database':
      return `the database slows down ${w.factor ?? 5}×`;
  }
}
