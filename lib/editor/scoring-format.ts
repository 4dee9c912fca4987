/**
 * How the results panel writes numbers: users, milliseconds, percentages,
 * nines and downtime, dollars. Plain functions, tested beside this file.
 */

/** Hours in a month as the price table counts them (730). */
const HOURS_PER_MONTH = 730;

function trim(n: number, digits: number): string {
  return n.toFixed(digits).replace(/\.0+$|(\.\d*[1-9])0+$/, '$1');
}

/** 1,000 → "1K", 2,345,678 → "2.3M", 1e9 → "1B". */
export function formatUsers(users: number): string {
  const abs = Math.abs(users);
  const scale = (d: number, s: string) => {
    const v = users / d;
    return `${trim(v, v < 10 ? 1 : 0)}${s}`;
  };
  if (abs >= 1e9) return scale(1e9, 'B');
  if (abs >= 1e6) return scale(1e6, 'M');
  if (abs >= 1e3) return scale(1e3, 'K');
  return String(Math.round(users));
}

export { formatMs } from '../engine/data';

/**
 * A fraction as a percentage with enough digits to tell nines apart, without
 * trailing zeros: 0.99847 → "99.847%", 0.995 → "99.5%", 0.9995 → "99.95%",
 * 0.999 → "99.9%" (as /model writes them).
 */
export function formatAvailability(a: number): string {
  if (!Number.isFinite(a)) return '—';
  if (a >= 1) return '100%';
  if (a <= 0) return '0%';
  const pct = a * 100;
  // Show the first digit that is not a 9 after the decimal point, and one more.
  const digits = a >= 0.99 ? Math.min(4, Math.max(2, Math.ceil(-Math.log10(1 - a)))) : 1;
  const text = trim(pct, digits);
  // Rounding up to 100 would claim no downtime: keep the nines instead.
  return text === '100' ? `${(100 - 10 ** -digits).toFixed(digits)}%` : `${text}%`;
}

/** "Nines" of an availability: 0.999 → 3.0. */
export function ninesOf(a: number): number {
  if (!(a < 1)) return Infinity;
  if (a <= 0) return 0;
  return -Math.log10(1 - a);
}

export function formatNines(a: number): string {
  const n = ninesOf(a);
  if (!Number.isFinite(n)) return 'no downtime';
  return `${trim(Math.floor(n * 10 + 1e-6) / 10, 1)} nines`;
}

/** Expected downtime per month of an availability: "43 min", "7.3 h", "26 s". */
export function formatDowntime(a: number): string {
  if (!(a < 1)) return 'none';
  const minutes = (1 - Math.max(0, a)) * HOURS_PER_MONTH * 60;
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 120) return `${trim(minutes, minutes < 10 ? 1 : 0)} min`;
  const hours = minutes / 60;
  if (hours < 72) return `${trim(hours, 1)} h`;
  return `${trim(hours / 24, 1)} days`;
}

/** A rate or fraction as a percentage: 0.0123 → "1.23%", 0 → "0%". */
export function formatPercent(f: number, digits = 2): string {
  if (!Number.isFinite(f)) return '—';
  if (f === 0) return '0%';
  const pct = f * 100;
  if (Math.abs(pct) < 0.01) return pct > 0 ? '< 0.01%' : '> −0.01%';
  return `${trim(pct, Math.abs(pct) >= 10 ? Math.min(digits, 1) : digits)}%`;
}

/** Whole percent of a utilisation: 1.49 → "149%". */
export function formatUtilisation(u: number): string {
  return Number.isFinite(u) ? `${Math.round(u * 100)}%` : '—';
}

/**
 * A share of a whole as a whole percent that never overstates or hides a part:
 * 0.62 → "62%", 0.996 of a path that has other parts → "99%", 0.002 → "< 1%".
 * Only a share of exactly 1 is "100%"; only 0 is "0%".
 */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '—';
  if (share >= 1) return '100%';
  if (share <= 0) return '0%';
  const pct = Math.round(share * 100);
  if (pct >= 100) return '99%';
  if (pct < 1) return '< 1%';
  return `${pct}%`;
}

/** Dollars: "$0.42", "$1,218", "$2.4M". */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  const abs = Math.abs(usd);
  const sign = usd < 0 ? '−' : '';
  if (abs >= 10_000_000) return `${sign}$${trim(abs / 1e6, 1)}M`;
  if (abs >= 100) return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
  if (abs >= 1) return `${sign}$${abs.toFixed(2).replace(/\.00$/, '')}`;
  return `${sign}$${abs.toFixed(abs === 0 ? 0 : 3)}`;
}

/** Requests per second: "12 req/s", "1.2K req/s". */
export function formatRps(r: number): string {
  if (!Number.isFinite(r)) return '—';
  if (r >= 10_000) return `${formatUsers(r)} req/s`;
  if (r >= 100) return `${Math.round(r).toLocaleString('en-US')} req/s`;
  return `${trim(r, r < 10 ? 1 : 0)} req/s`;
}

/** A signed difference for a comparison row: "+9,942 ms", "−49.86 points". */
export function signed(text: string, n: number): string {
  if (n > 0) return `+${text}`;
  if (n < 0) return `−${text.replace(/^[−-]/, '')}`;
  return text;
}
