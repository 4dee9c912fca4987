/**
 * How a latency is written wherever a person reads it: stage checks and
 * findings here, the results panel, grades and interview checks (through
 * lib/editor/scoring-format). No imports, so any bundle can take it.
 */

/** Milliseconds: "0.8 ms", "57.7 ms", "1,240 ms", "10.0 s" (seconds from 10 s, the timeout). */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  return `${ms.toFixed(1)} ms`;
}
