/**
 * The estimation phase: the candidate's three back-of-the-envelope figures
 * beside the model's, with a verdict by ratio.
 *
 * The model's figures come from the problem's workload (MODEL.md §1.2):
 * - peak requests per second: `users × requestsPerUserPerDay / 86400 × peakFactor`
 *   (all user requests: static, reads and writes);
 * - storage per year: `users × dataPerUserMB`, reading `dataPerUserMB` as what
 *   each daily user adds in a year (the model stores exactly that);
 * - peak bandwidth out: `static rps × staticKB + (read + write) rps × dynamicKB`.
 * Units are decimal (1 GB = 1000 MB; 1 Gbit/s = 125 MB/s).
 */
import type { ResolvedWorkload } from '@/lib/engine/types';
import { peakLoad } from '@/lib/engine/workload';

/** Within this factor of the model's figure, either way: on target. */
export const ON_TARGET_FACTOR = 2;
/** Within this factor: close. Beyond it: off. */
export const CLOSE_FACTOR = 5;

export const ESTIMATES = ['peakRps', 'storage', 'bandwidth'] as const;
export type EstimateId = (typeof ESTIMATES)[number];

export const STORAGE_UNITS = { GB: 1, TB: 1_000, PB: 1_000_000 } as const;
export type StorageUnit = keyof typeof STORAGE_UNITS;
export const BANDWIDTH_UNITS = { 'MB/s': 1, 'Gbit/s': 125, 'GB/s': 1_000 } as const;
export type BandwidthUnit = keyof typeof BANDWIDTH_UNITS;

/** What the candidate typed; `null` when a field was left empty. */
export interface EstimateInputs {
  peakRps: number | null;
  storage: { value: number | null; unit: StorageUnit };
  bandwidth: { value: number | null; unit: BandwidthUnit };
}

export const EMPTY_ESTIMATES: EstimateInputs = {
  peakRps: null,
  storage: { value: null, unit: 'TB' },
  bandwidth: { value: null, unit: 'Gbit/s' },
};

/** The largest figure accepted in any field; beyond it a typo is far likelier than an estimate. */
export const MAX_ESTIMATE = 1e15;

export const ESTIMATE_ERRORS = {
  notANumber: 'Not a number: write digits, like 12000, 12,000 or 1.2e4.',
  notPositive: 'Must be more than zero.',
  tooLarge: 'Too large: keep it under 1,000,000,000,000,000 (10^15).',
} as const;

/** What is wrong with a stored figure, or null when it is a usable figure (or empty). */
export function estimateError(value: number | null): string | null {
  if (value === null) return null;
  if (Number.isNaN(value)) return ESTIMATE_ERRORS.notANumber;
  if (!Number.isFinite(value) || value > MAX_ESTIMATE) return ESTIMATE_ERRORS.tooLarge;
  if (!(value > 0)) return ESTIMATE_ERRORS.notPositive;
  return null;
}

export interface ParsedEstimate {
  /** The figure to keep: null when empty, not a number or too large to store. */
  value: number | null;
  /** What is wrong with it, in words; null when it is fine (or empty). */
  error: string | null;
}

/**
 * Reads a figure as typed. Thousands separators, spaces and underscores are
 * ignored; scientific notation is accepted. A figure that is not a number,
 * not more than zero, or too large comes back with the problem named, so it
 * is never thrown away silently (the grader counts such figures as not given).
 */
export function parseEstimate(text: string): ParsedEstimate {
  const t = text.replace(/[,\s_]/g, '');
  if (t === '') return { value: null, error: null };
  const n = Number(t);
  if (Number.isNaN(n)) return { value: null, error: ESTIMATE_ERRORS.notANumber };
  const error = estimateError(n);
  // Kept only when it can be stored and shown again after a reload (a negative figure, flagged there too).
  return { value: Number.isFinite(n) && n <= MAX_ESTIMATE ? n : null, error };
}

/** The fields whose stored figure cannot be judged, with the problem; empty when all can be checked. */
export function estimateProblems(i: EstimateInputs): Partial<Record<EstimateId, string>> {
  const out: Partial<Record<EstimateId, string>> = {};
  const values: Record<EstimateId, number | null> = {
    peakRps: i.peakRps,
    storage: i.storage.value,
    bandwidth: i.bandwidth.value,
  };
  for (const id of ESTIMATES) {
    const error = estimateError(values[id]);
    if (error) out[id] = error;
  }
  return out;
}

export interface ModelFigures {
  peakRps: number;
  storageGB: number;
  bandwidthMBps: number;
}

export function modelFigures(w: ResolvedWorkload): ModelFigures {
  const load = peakLoad(w);
  return {
    peakRps: load.total,
    storageGB: (w.users * w.dataPerUserMB) / 1000,
    bandwidthMBps: (load.static * w.staticKB + (load.read + load.write) * w.dynamicKB) / 1000,
  };
}

/** The candidate's figures in the model's units (rps, GB, MB/s); null where missing. */
export function candidateFigures(i: EstimateInputs): Record<EstimateId, number | null> {
  const ok = (v: number | null) => (v !== null && Number.isFinite(v) && v > 0 ? v : null);
  const storage = ok(i.storage.value);
  const bandwidth = ok(i.bandwidth.value);
  return {
    peakRps: ok(i.peakRps),
    storage: storage === null ? null : storage * STORAGE_UNITS[i.storage.unit],
    bandwidth: bandwidth === null ? null : bandwidth * BANDWIDTH_UNITS[i.bandwidth.unit],
  };
}

export type EstimateVerdict = 'on-target' | 'close' | 'off' | 'missing';

export const VERDICT_LABEL: Record<EstimateVerdict, string> = {
  'on-target': 'On target',
  close: 'Close',
  off: 'Off',
  missing: 'Not given',
};

/** Credit per verdict towards the estimation rubric item. */
export const VERDICT_CREDIT: Record<EstimateVerdict, number> = { 'on-target': 1, close: 0.5, off: 0, missing: 0 };

export interface EstimateJudgement {
  id: EstimateId;
  label: string;
  yours: number | null;
  model: number;
  /** yours / model; null when missing. */
  ratio: number | null;
  verdict: EstimateVerdict;
  /** A likely slip, when the ratio matches one ("you used the daily average, not the peak"). */
  hint: string | null;
}

export const ESTIMATE_LABEL: Record<EstimateId, string> = {
  peakRps: 'Peak requests per second',
  storage: 'Storage per year',
  bandwidth: 'Peak bandwidth out',
};

export function verdictOf(yours: number | null, model: number): EstimateVerdict {
  if (yours === null) return 'missing';
  if (!(model > 0)) return yours === 0 ? 'on-target' : 'off';
  const factor = Math.max(yours / model, model / yours);
  if (factor <= ON_TARGET_FACTOR) return 'on-target';
  if (factor <= CLOSE_FACTOR) return 'close';
  return 'off';
}

const near = (x: number, target: number) => Math.abs(Math.log(x / target)) < Math.log(1.25);

function hintFor(id: EstimateId, ratio: number, w: ResolvedWorkload): string | null {
  if (id === 'peakRps' && w.peakFactor > 1.5 && near(ratio, 1 / w.peakFactor)) {
    return `That is the daily average: multiply by the peak factor (${w.peakFactor}×).`;
  }
  if (id === 'peakRps' && near(ratio, 1 - w.staticShare) && w.staticShare > 0.2)
    return 'You left out the static requests (images, scripts): they count too.';
  if (near(ratio, 1000) || near(ratio, 1 / 1000))
    return 'Off by about a thousand: check the units (KB vs MB, GB vs TB).';
  if (id === 'bandwidth' && (near(ratio, 8) || near(ratio, 1 / 8)))
    return 'Off by about eight: bits and bytes got mixed up.';
  if (id === 'peakRps' && (near(ratio, 24) || near(ratio, 1 / 24) || near(ratio, 60) || near(ratio, 1 / 60))) {
    return 'Check the time units: a day has 86,400 seconds.';
  }
  return null;
}

export function judgeEstimates(inputs: EstimateInputs, w: ResolvedWorkload): EstimateJudgement[] {
  const model = modelFigures(w);
  const yours = candidateFigures(inputs);
  const modelById: Record<EstimateId, number> = {
    peakRps: model.peakRps,
    storage: model.storageGB,
    bandwidth: model.bandwidthMBps,
  };
  return ESTIMATES.map((id) => {
    const y = yours[id];
    const m = modelById[id];
    const ratio = y === null || !(m > 0) ? null : y / m;
    const verdict = verdictOf(y, m);
    return {
      id,
      label: ESTIMATE_LABEL[id],
      yours: y,
      model: m,
      ratio,
      verdict,
      hint: ratio !== null && verdict !== 'on-target' ? hintFor(id, ratio, w) : null,
    };
  });
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const short = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** "11,574 rps". */
export function formatRate(rps: number): string {
  return `${rps >= 100 ? whole.format(rps) : short.format(rps)} rps`;
}

/** GB → "730 GB", "7.3 TB", "1.2 PB". */
export function formatStorage(gb: number): string {
  if (gb >= 1_000_000) return `${short.format(gb / 1_000_000)} PB`;
  if (gb >= 1_000) return `${short.format(gb / 1_000)} TB`;
  return `${short.format(gb)} GB`;
}

/** MB/s → "120 MB/s (0.96 Gbit/s)". */
export function formatBandwidth(mbps: number): string {
  const gbit = mbps / 125;
  const main = mbps >= 1000 ? `${short.format(mbps / 1000)} GB/s` : `${short.format(mbps)} MB/s`;
  return `${main} (${short.format(gbit)} Gbit/s)`;
}

export function formatFigure(id: EstimateId, value: number): string {
  if (id === 'peakRps') return formatRate(value);
  if (id === 'storage') return formatStorage(value);
  return formatBandwidth(value);
}

/** "3.2× too high", "2.1× too low", "spot on". */
export function describeRatio(ratio: number): string {
  if (ratio >= 0.95 && ratio <= 1.05) return 'about right';
  if (ratio > 1) return `${short.format(ratio)}× too high`;
  return `${short.format(1 / ratio)}× too low`;
}

/** How the model's figure is worked out, with the problem's numbers. */
export function workingFor(id: EstimateId, w: ResolvedWorkload): string {
  const load = peakLoad(w);
  const n = (x: number) => whole.format(x);
  if (id === 'peakRps') {
    return `${n(w.users)} users × ${short.format(w.requestsPerUserPerDay)} requests a day ÷ 86,400 s × peak factor ${short.format(w.peakFactor)} = ${formatRate(load.total)}`;
  }
  if (id === 'storage')
    return `${n(w.users)} users × ${short.format(w.dataPerUserMB)} MB a year = ${formatStorage((w.users * w.dataPerUserMB) / 1000)}`;
  return `${formatRate(load.static)} static × ${short.format(w.staticKB)} KB + ${formatRate(load.read + load.write)} dynamic × ${short.format(w.dynamicKB)} KB = ${formatBandwidth(
    (load.static * w.staticKB + (load.read + load.write) * w.dynamicKB) / 1000,
  )}`;
}
