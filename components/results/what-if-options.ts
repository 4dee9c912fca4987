/**
 * Which what-if scenarios apply to the design on the canvas, and how the
 * What if panel names them. Plain functions (only the engine's import-free
 * what-if-terms, to keep the engine out of the page bundle), tested beside
 * this file.
 */
import { DATA_KINDS, type WhatIf } from '@/lib/engine/data';

export type WhatIfKind = WhatIf['type'];

/** A component the panel can fail: the canvas' id, its name as on the card, kind and region (null for global kinds). */
export interface WhatIfTarget {
  id: string;
  label: string;
  kind: string;
  region: string | null;
}

/** The regions a region failure can take down, sorted. */
export function targetRegions(targets: readonly WhatIfTarget[]): string[] {
  return [...new Set(targets.flatMap((t) => (t.region === null ? [] : [t.region])))].sort();
}

/** Why a scenario cannot apply to this design, or null when it can. */
export function unavailableReason(type: WhatIfKind, targets: readonly WhatIfTarget[]): string | null {
  switch (type) {
    case 'fail-node':
    case 'fail-instance':
      return targets.length === 0 ? 'No components in this design' : null;
    case 'fail-region':
      return targetRegions(targets).length === 0 ? 'No regional components in this design' : null;
    case 'cache-flush':
      return targets.some((t) => t.kind === 'cache') ? null : 'No cache in this design';
    case 'slow-database':
      return targets.some((t) => DATA_KINDS.has(t.kind)) ? null : 'No database in this design';
    case 'flash-crowd':
      return null;
  }
}

/** The scenario of a type with its first valid choice (components listed in order of preference), or null if none applies. */
export function defaultWhatIf(type: WhatIfKind, preferred: readonly WhatIfTarget[], targets: readonly WhatIfTarget[]): WhatIf | null {
  if (unavailableReason(type, targets) !== null) return null;
  switch (type) {
    case 'fail-node':
    case 'fail-instance': {
      const first = preferred.find((p) => targets.some((t) => t.id === p.id)) ?? targets[0];
      return first ? { type, nodeId: first.id } : null;
    }
    case 'fail-region': {
      const regions = targetRegions(targets);
      return regions[0] ? { type, region: regions[0] } : null;
    }
    default:
      return { type };
  }
}

/**
 * The chosen scenario if it still applies to the design, else the same kind of
 * scenario with a valid choice, else null: a component or region deleted after
 * it was chosen must not stay chosen.
 */
export function validWhatIf(whatIf: WhatIf | null, targets: readonly WhatIfTarget[], preferred: readonly WhatIfTarget[] = []): WhatIf | null {
  if (!whatIf) return null;
  if (unavailableReason(whatIf.type, targets) !== null) return null;
  if ('nodeId' in whatIf) return targets.some((t) => t.id === whatIf.nodeId) ? whatIf : defaultWhatIf(whatIf.type, preferred, targets);
  if (whatIf.type === 'fail-region') return targetRegions(targets).includes(whatIf.region) ? whatIf : defaultWhatIf(whatIf.type, preferred, targets);
  return whatIf;
}


/**
 * A comparison row's change: the signed difference as written, or "no change"
 * when it rounds to zero at the precision shown, so no "−0.0 ms" in green.
 * `worse` is null for neutral (unchanged, or a row without a better direction).
 */
export function changeOf(d: number, magnitude: string, higherIsWorse: boolean | null): { text: string; worse: boolean | null } {
  if (!Number.isFinite(d)) return { text: '—', worse: null };
  // "< 0.01 ms" is how a figure too small to show reads: as a change, that is none.
  if (d === 0 || !/[1-9]/.test(magnitude) || /^[<>]/.test(magnitude)) return { text: 'no change', worse: null };
  const text = d > 0 ? `+${magnitude}` : `−${magnitude.replace(/^[−-]/, '')}`;
  return { text, worse: higherIsWorse === null ? null : higherIsWorse ? d > 0 : d < 0 };
}
