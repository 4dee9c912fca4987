import type { Evaluation } from '@/lib/engine/data';
import type { EditorResults, NodeResult, UtilisationBand } from './types';

/**
 * Colour band of a per-instance utilisation ρ. The stage score gives full
 * capacity marks up to ρ = 0.8 (MODEL.md §6), so 0.8 is where "hot" begins;
 * queueing delay starts to climb visibly from about 0.6.
 */
export function bandOf(utilization: number): UtilisationBand {
  if (!(utilization < 1)) return 'saturated';
  if (utilization >= 0.8) return 'hot';
  if (utilization >= 0.6) return 'warm';
  return 'healthy';
}

/**
 * The busiest component wears the "Bottleneck" badge only from this
 * utilisation on: below it (a design at 1–10%) the busiest component limits
 * nothing yet, and a badge there would send the learner to fix a non-problem.
 * 0.6 is where the warm band, and visible queueing delay, begins.
 */
export const BOTTLENECK_BADGE_FROM = 0.6;

export const BAND_LABEL: Record<UtilisationBand, string> = {
  healthy: 'healthy',
  warm: 'warm',
  hot: 'hot',
  saturated: 'saturated',
};

/**
 * Builds the store's `results` slice from per-node utilisations, the shape
 * the engine's `evaluate(...).nodes` reports (MODEL.md §7). Live scoring
 * calls `setResults(resultsFromUtilisation(report.nodes))`.
 */
export function resultsFromUtilisation(nodes: Readonly<Record<string, { utilization: number }>>): EditorResults {
  const out: Record<string, NodeResult> = {};
  for (const [id, n] of Object.entries(nodes)) {
    if (Number.isFinite(n.utilization)) out[id] = { utilization: n.utilization, band: bandOf(n.utilization) };
  }
  return { nodes: out };
}

/**
 * The canvas's `results` (colour, Bottleneck and SPOF badges) from one
 * evaluation, for the pages that evaluate a design themselves (the pair
 * interview, the mock's practice mode): a component shows its utilisation
 * only when traffic reaches it, and the busiest one wears the Bottleneck
 * badge only from BOTTLENECK_BADGE_FROM on, as in the sandbox.
 */
export function resultsOfEvaluation(evaluation: Evaluation): EditorResults {
  const nodes: Record<string, NodeResult> = {};
  for (const [id, n] of Object.entries(evaluation.nodes)) {
    if (!(n.arrivalRps.total > 0)) continue;
    const bottleneck = id === evaluation.bottleneck.nodeId && n.utilization >= BOTTLENECK_BADGE_FROM;
    nodes[id] = { utilization: n.utilization, band: bandOf(n.utilization), bottleneck, spof: n.spof };
  }
  return { nodes };
}
