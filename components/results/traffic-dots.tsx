'use client';

import { useScoringView } from './scoring-context';
import { useReducedMotion } from './use-reduced-motion';

/** Seconds for a dot to travel one connection. */
const TRAVEL_S = 2.4;

/**
 * Animated traffic on one connection, from the seeded simulation: more dots
 * for more requests. Off unless the traffic toggle is on; never moves when
 * the user asked for reduced motion (the toggle then shows a note instead).
 */
export function TrafficDots({ edgeId, path }: { edgeId: string; path: string }) {
  const rps = useScoringView((v) => (v.traffic && v.simulation?.status === 'ready' ? (v.simulation.value?.edges[edgeId] ?? 0) : null));
  const max = useScoringView((v) => (v.traffic && v.simulation?.value ? Math.max(0, ...Object.values(v.simulation.value.edges)) : 0));
  const reduced = useReducedMotion();
  if (rps === null || reduced || rps <= 0 || max <= 0) return null;
  const dots = 1 + Math.round((Math.log10(1 + rps) / Math.log10(1 + max)) * 3);
  return (
    <g aria-hidden="true" className="pointer-events-none" data-traffic={edgeId}>
      {Array.from({ length: dots }, (_, i) => (
        <circle key={i} r={3} fill="var(--color-brand-500)">
          <animateMotion dur={`${TRAVEL_S}s`} begin={`${-(i * TRAVEL_S) / dots}s`} repeatCount="indefinite" path={path} />
        </circle>
      ))}
    </g>
  );
}
