/**
 * How ScaleLab writes a number wherever a person reads it: the engine's
 * findings and stage checks, the results panel, the learn pages and their live
 * examples, the interview, the classroom and the model page. One spelling per
 * unit, so the same figure reads the same on every page:
 *
 *   users        "950", "1K", "2.3M", "100M", "1B"
 *   counts       "1,234,567"
 *   requests     "1.7 req/s", "5,787 req/s", "174K req/s", "1.2M req/s"
 *   latency      "0.52 ms", "57.7 ms", "1,240 ms", "10.0 s"
 *   durations    "45 s", "12 min", "2.5 h"
 *   dollars      "$0.42", "$9.60", "$1,218", "$2.4M"
 *   percentages  "85%" (utilisation, shares), "99.95%" (availability), "0.12%" (rates)
 *   data         "730 GB", "7.3 TB", "1.2 PB"; "20.7 MB/s (0.166 Gbit/s)"
 *
 * No imports and no locale machinery (a server render and a browser render
 * agree), so the engine, the scoring worker, server code and components can
 * all take it. A value that is not a finite number is written "—"; negative
 * values carry a minus sign "−".
 */

const NOT_A_NUMBER = '—';
const MINUS = '−';

/** `n` with at most `digits` decimals and no trailing zeros: trim(2.50, 2) → "2.5". */
function trim(n: number, digits: number): string {
  const s = n.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Groups a non-negative whole-number string's thousands with commas. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `n` (non-negative) with exactly `digits` decimals and its thousands grouped: 12345.67 → "12,345.7". */
function fixed(n: number, digits: number): string {
  const [whole, frac] = n.toFixed(digits).split('.');
  return frac === undefined ? group(whole) : `${group(whole)}.${frac}`;
}

function signOf(x: number): string {
  return x < 0 && Math.round(Math.abs(x) * 1e12) !== 0 ? MINUS : '';
}

/** A whole number with thousands grouped: 1234567.4 → "1,234,567", −1500 → "−1,500". */
export function formatInteger(x: number): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  const r = Math.round(Math.abs(x));
  // BigInt writes every digit of a large whole number ("1e+21" from toFixed would not group).
  return `${r === 0 ? '' : signOf(x)}${group(BigInt(r).toString())}`;
}

/**
 * A plain quantity with `digits` significant digits, grouped from 1,000 on:
 * 0.123456 → "0.123", 42.37 → "42.4", 12345.6 → "12,346".
 */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const rounded = Number(abs.toPrecision(digits));
  if (rounded >= 1000) return `${signOf(x)}${formatInteger(abs)}`;
  return `${signOf(x)}${String(rounded)}`;
}

/**
 * A count of people (or anything large) in short form: 950 → "950",
 * 1,000 → "1K", 671,098 → "671K", 2,345,678 → "2.3M", 1e9 → "1B". One
 * decimal below 10 of a unit, whole units above; 999,950 → "1M", not "1000K".
 */
export function formatUsers(users: number): string {
  if (!Number.isFinite(users)) return NOT_A_NUMBER;
  const abs = Math.abs(users);
  const sign = signOf(users);
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  if (Math.round(abs) < 1000) return `${Math.round(abs) === 0 ? '' : sign}${Math.round(abs)}`;
  for (let i = units.length - 1; i >= 0; i--) {
    const [size, suffix] = units[i];
    const v = abs / size;
    const text = trim(v, v < 9.95 ? 1 : 0);
    if (Number(text) < 1000 || i === 0) return `${sign}${i === 0 ? group(text) : text}${suffix}`;
  }
  return NOT_A_NUMBER; // unreachable: the loop returns at the largest unit
}

/**
 * Requests per second: "0.0042 req/s", "1.7 req/s", "5,787 req/s",
 * "57,870 req/s", then short from 100,000 so a canvas label stays short:
 * "174K req/s", "1.2M req/s". One decimal below 10, whole and grouped below
 * 100,000.
 */
export function formatRps(r: number): string {
  if (!Number.isFinite(r)) return NOT_A_NUMBER;
  const abs = Math.abs(r);
  const sign = signOf(r);
  if (abs === 0) return '0 req/s';
  if (abs < 0.05) return `${sign}${Number(abs.toPrecision(2))} req/s`;
  if (abs < 9.95) return `${sign}${trim(abs, 1)} req/s`;
  if (Math.round(abs) < 1e5) return `${sign}${formatInteger(abs)} req/s`;
  return `${sign}${formatUsers(abs)} req/s`;
}

/**
 * Milliseconds: "0 ms", "< 0.01 ms", "0.52 ms", "57.7 ms", "1,240 ms", then seconds from
 * 10 s (the timeout): "10.0 s", "12.5 s". Two decimals below 1 ms, one below
 * 100 ms, whole milliseconds below 10 s; 99.96 → "100 ms", 9,999.6 → "10.0 s".
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return NOT_A_NUMBER;
  const abs = Math.abs(ms);
  if (abs === 0) return '0 ms';
  const sign = signOf(ms);
  if (Math.round(abs) >= 10_000) return `${sign}${fixed(abs / 1000, 1)} s`;
  if (Number(abs.toFixed(1)) >= 100) return `${sign}${formatInteger(abs)} ms`;
  if (Number(abs.toFixed(2)) >= 1) return `${sign}${abs.toFixed(1)} ms`;
  if (abs < 0.005) return ms > 0 ? '< 0.01 ms' : `> ${MINUS}0.01 ms`;
  return `${sign}${abs.toFixed(2)} ms`;
}

/** Seconds as a readable duration: "45 s", "12 min", "2.5 h" (minutes from 90 s, hours from 90 min). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return NOT_A_NUMBER;
  const abs = Math.abs(seconds);
  const sign = Math.round(abs) === 0 ? '' : signOf(seconds);
  if (abs < 90) return `${sign}${Math.round(abs)} s`;
  if (abs < 90 * 60) return `${sign}${Math.round(abs / 60)} min`;
  return `${sign}${fixed(abs / 3600, 1)} h`;
}

/**
 * A fraction as a percentage with exactly `digits` decimals, for sentences
 * that state a figure to a given precision: formatPercent(0.734) → "73%",
 * formatPercent(0.9959, 3) → "99.590%".
 */
export function formatPercent(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  const text = fixed(Math.abs(x) * 100, digits);
  return `${Number(text.replace(/,/g, '')) === 0 ? '' : signOf(x)}${text}%`;
}

/**
 * A rate or small share (error rates, stale reads, cold starts) as a
 * percentage with up to `digits` decimals (one from 10%), trailing zeros
 * dropped, and never rounded to nothing: 0.0123 → "1.23%", 0.5 → "50%",
 * 0.00004 → "< 0.01%", 0 → "0%".
 */
export function formatFraction(f: number, digits = 2): string {
  if (!Number.isFinite(f)) return NOT_A_NUMBER;
  if (f === 0) return '0%';
  const pct = f * 100;
  const floor = 10 ** -digits;
  if (Math.abs(pct) < floor / 2) return pct > 0 ? `< ${trim(floor, digits)}%` : `> ${MINUS}${trim(floor, digits)}%`;
  const text = trim(Math.abs(pct), Math.abs(pct) >= 9.95 ? Math.min(digits, 1) : digits);
  return `${signOf(f)}${text}%`;
}

/** Whole percent of a utilisation, which can pass 100%: 0.734 → "73%", 42.92 → "4,292%". */
export function formatUtilization(u: number): string {
  if (!Number.isFinite(u)) return NOT_A_NUMBER;
  return `${formatInteger(u * 100)}%`;
}

/**
 * A share of a whole as a whole percent that never overstates or hides a part:
 * 0.62 → "62%", 0.996 of a path that has other parts → "99%", 0.002 → "< 1%".
 * Only a share of exactly 1 is "100%"; only 0 is "0%".
 */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return NOT_A_NUMBER;
  if (share >= 1) return '100%';
  if (share <= 0) return '0%';
  const pct = Math.round(share * 100);
  if (pct >= 100) return '99%';
  if (pct < 1) return '< 1%';
  return `${pct}%`;
}

/**
 * An availability as a percentage with enough digits to tell nines apart,
 * without trailing zeros: 0.99847 → "99.847%", 0.995 → "99.5%",
 * 0.9995 → "99.95%", 0.999 → "99.9%", 0.9 → "90%". Never rounds up to "100%"
 * (that would claim no downtime): 0.9999999 → "99.9999%".
 */
export function formatAvailability(a: number): string {
  if (!Number.isFinite(a)) return NOT_A_NUMBER;
  if (a >= 1) return '100%';
  if (a <= 0) return '0%';
  const pct = a * 100;
  // Show the first digit that is not a 9 after the decimal point, and one more.
  const digits = a >= 0.99 ? Math.min(4, Math.max(2, Math.ceil(-Math.log10(1 - a)))) : 1;
  const text = trim(pct, digits);
  return text === '100' ? `${(100 - 10 ** -digits).toFixed(digits)}%` : `${text}%`;
}

/** "Nines" of an availability: 0.999 → 3. */
export function ninesOf(a: number): number {
  if (!(a < 1)) return Infinity;
  if (a <= 0) return 0;
  return -Math.log10(1 - a);
}

/** Nines, rounded down to a tenth: 0.9 → "1 nine", 0.999 → "3 nines", 0.9995 → "3.3 nines", 1 → "no downtime". */
export function formatNines(a: number): string {
  if (Number.isNaN(a)) return NOT_A_NUMBER;
  const n = ninesOf(a);
  if (!Number.isFinite(n)) return 'no downtime';
  const text = trim(Math.floor(n * 10 + 1e-6) / 10, 1);
  return `${text} ${text === '1' ? 'nine' : 'nines'}`;
}

/** Hours in a month as the price table counts them (730). */
const HOURS_PER_MONTH = 730;

/** Expected downtime a month at an availability: "< 1 s", "26 s", "44 min", "7.3 h", "30.4 days". */
export function formatDowntime(a: number): string {
  if (Number.isNaN(a)) return NOT_A_NUMBER;
  if (!(a < 1)) return 'none';
  const minutes = (1 - Math.max(0, a)) * HOURS_PER_MONTH * 60;
  if (minutes * 60 < 0.5) return '< 1 s';
  if (minutes < 59.5 / 60) return `${Math.round(minutes * 60)} s`;
  if (minutes < 119.5) return `${trim(minutes, minutes < 9.95 ? 1 : 0)} min`;
  const hours = minutes / 60;
  if (hours < 71.95) return `${trim(hours, 1)} h`;
  return `${trim(hours / 24, 1)} days`;
}

/**
 * US dollars: whole and grouped from $10 ("$96", "$1,218"), cents below
 * ("$9.60", "$0.42"; whole dollars without them: "$3"), two significant digits below a cent ("$0.0042"), and
 * millions and billions from $1M ("$2.4M", "$24M", "$1.5B").
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return NOT_A_NUMBER;
  const abs = Math.abs(usd);
  if (abs === 0) return '$0';
  const sign = signOf(usd);
  if (Math.round(abs) >= 1e6) return `${sign}$${formatUsers(abs)}`;
  if (Math.round(abs * 100) >= 1000) return `${sign}$${formatInteger(abs)}`;
  if (Math.round(abs * 100) >= 1) return `${sign}$${abs.toFixed(2).replace(/\.00$/, '')}`;
  return `${sign}$${Number(abs.toPrecision(2))}`;
}

/**
 * A unit price, to the precision a price list gives it: "$0.0416" (three
 * significant digits below $1), "$1.50", then whole dollars from $100
 * ("$1,234,567"). For prices and the arithmetic that multiplies them out.
 */
export function formatPrice(usd: number): string {
  if (!Number.isFinite(usd)) return NOT_A_NUMBER;
  const abs = Math.abs(usd);
  if (abs === 0) return '$0';
  const sign = signOf(usd);
  if (Number(abs.toFixed(2)) >= 100) return `${sign}$${formatInteger(abs)}`;
  if (Number(abs.toPrecision(3)) >= 1) return `${sign}$${abs.toFixed(2)}`;
  return `${sign}$${Number(abs.toPrecision(3))}`;
}

/**
 * Whole dollars, grouped, however large: "$1,234,567". For a bill whose rows
 * must visibly add up to its total (formatUsd would write "$1.2M").
 */
export function formatWholeUsd(usd: number): string {
  if (!Number.isFinite(usd)) return NOT_A_NUMBER;
  const text = formatInteger(usd);
  return text.startsWith(MINUS) ? `${MINUS}$${text.slice(1)}` : `$${text}`;
}

/** Dollars a month in a table cell or a target line: "$1,234/mo". */
export function formatUsdPerMonth(usd: number): string {
  return Number.isFinite(usd) ? `${formatUsd(usd)}/mo` : NOT_A_NUMBER;
}

/**
 * Gigabytes (decimal units) as stored data: "0.5 GB" → "500 MB", "730 GB",
 * "7.3 TB", "13 TB", "1.2 PB". One decimal below 10 of a unit, whole above.
 */
export function formatGB(gb: number): string {
  if (!Number.isFinite(gb)) return NOT_A_NUMBER;
  const abs = Math.abs(gb);
  if (abs === 0) return '0 GB';
  const sign = signOf(gb);
  const units: [number, string][] = [
    [1e-3, 'MB'],
    [1, 'GB'],
    [1e3, 'TB'],
    [1e6, 'PB'],
  ];
  const start = Math.round(abs * 10) / 10 < 1 ? 0 : 1;
  for (let i = start; i < units.length; i++) {
    const [size, suffix] = units[i];
    const v = abs / size;
    const text = v < 9.95 ? trim(v, 1) : formatInteger(v);
    if (Number(text.replace(/,/g, '')) < 1000 || i === units.length - 1) return `${sign}${text} ${suffix}`;
  }
  return NOT_A_NUMBER; // unreachable: the loop returns at the largest unit
}

/** A data rate in MB/s, with the network's Gbit/s: 20.7 → "20.7 MB/s (0.166 Gbit/s)", 1200 → "1.2 GB/s (9.6 Gbit/s)". */
export function formatBandwidth(mbps: number): string {
  if (!Number.isFinite(mbps)) return NOT_A_NUMBER;
  const main = Math.abs(mbps) >= 1000 ? `${formatNumber(mbps / 1000)} GB/s` : `${formatNumber(mbps)} MB/s`;
  return `${main} (${formatNumber(mbps / 125)} Gbit/s)`;
}

/**
 * A moment (an ISO string or epoch milliseconds) as a date and time in the
 * reader's own locale and time zone: "Dec 7, 2026, 11:05 PM" in en-US. The
 * one formatter that follows the locale: deadlines and submissions are read
 * by people in their own time zone.
 */
export function formatDateTime(when: string | number): string {
  const d = new Date(when);
  if (Number.isNaN(d.getTime())) return NOT_A_NUMBER;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A signed difference for a comparison row: signed("9,942 ms", 9942) → "+9,942 ms", negatives with "−". */
export function signed(text: string, n: number): string {
  if (n > 0) return `+${text}`;
  if (n < 0) return `${MINUS}${text.replace(/^[−-]/, '')}`;
  return text;
}
