/** Number formatting shared by the learn pages and their live examples. */

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1000 → "1K", 100000000 → "100M". */
export function formatCount(n: number): string {
  return compact.format(n);
}

/** Requests per second, with sensible precision: "1.7 rps", "5,787 rps". */
export function formatRps(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n < 10) return `${n.toFixed(1)} rps`;
  return `${whole.format(n)} rps`;
}

/** Milliseconds: "0.52 ms", "14.3 ms", "1,240 ms". */
export function formatMs(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n < 1) return `${n.toFixed(2)} ms`;
  if (n < 100) return `${n.toFixed(1)} ms`;
  return `${whole.format(n)} ms`;
}

/**
 * Availability as a percentage with enough nines to tell values apart:
 * 0.99 → "99%", 0.9995 → "99.95%", 0.999934 → "99.9934%".
 */
export function formatAvailability(a: number): string {
  if (!Number.isFinite(a)) return '—';
  const pct = a * 100;
  if (pct >= 100) return '100%';
  for (let digits = 0; digits <= 4; digits++) {
    const s = pct.toFixed(digits);
    if (Math.abs(Number(s) - pct) < 1e-9 || digits === 4) return `${Number(s)}%`;
  }
  return `${pct}%`;
}

/** Utilisation as a percentage: 0.734 → "73%", 1.42 → "142%". */
export function formatUtilization(u: number): string {
  if (!Number.isFinite(u)) return '—';
  return `${Math.round(u * 100)}%`;
}

/** US dollars: "$96", "$3,000", "$1.2M". */
export function formatUsd(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n >= 1_000_000) return `$${compact.format(n)}`;
  if (n < 10) return `$${n.toFixed(2)}`;
  return `$${whole.format(n)}`;
}

/** Seconds as a readable duration: "45 s", "12 min", "2.5 h". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
