/**
 * How the engine writes numbers wherever a person reads them: latencies for
 * stage checks, findings, the results panel, grades and interview checks
 * (through lib/editor/scoring-format); shares and dollars for the engine's
 * own sentences. No imports, so any bundle can take it.
 */

/** Milliseconds: "0.8 ms", "57.7 ms", "1,240 ms", "10.0 s" (seconds from 10 s, the timeout). */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** Rounds and groups thousands with commas ("1,234,567"), without locale machinery. */
export function thousands(x: number): string {
  const r = Math.round(x);
  const s = String(Math.abs(r));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return r < 0 ? `-${out}` : out;
}

/** A share as a percentage: formatPercent(0.9959, 3) → "99.590%". */
export function formatPercent(x: number, digits = 0): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** Dollars, rounded to whole ones: "$1,234". */
export function formatUsd(x: number): string {
  return `$${thousands(x)}`;
}

/** Gigabytes, or terabytes from 1,000 GB ("12 GB", "1.5 TB"). */
export function fmtGB(gb: number): string {
  if (gb >= 1000) return `${(gb / 1000).toFixed(gb >= 10_000 ? 0 : 1)} TB`;
  return `${gb.toFixed(gb >= 10 ? 0 : 1)} GB`;
}

/** A duration in seconds as seconds, minutes or hours ("45 s", "12 min", "2.5 h"). */
export function fmtDuration(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
