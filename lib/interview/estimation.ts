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
import { type ResolvedWorkload, peakLoad } from '@/lib/engine/data';
import { formatBandwidth, formatGB, formatInteger, formatNumber, formatRps } from '@/lib/shared/format';

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
  /**
   * The diagnosis when not on target: how far off, and the slip that explains
   * it when one does ("Your rate is 3× too low: you forgot the peak factor…").
   */
  hint: string | null;
}

export const ESTIMATE_LABEL: Record<EstimateId, string> = {
  peakRps: 'Peak requests per second',
  storage: 'Storage per year',
  bandwidth: 'Peak bandwidth out',
};

/** How near is on target, and how near is close (a level sets its own; levels.ts). */
export interface Thresholds {
  onTarget: number;
  close: number;
}
export const DEFAULT_THRESHOLDS: Thresholds = { onTarget: ON_TARGET_FACTOR, close: CLOSE_FACTOR };

export function verdictOf(yours: number | null, model: number, t: Thresholds = DEFAULT_THRESHOLDS): EstimateVerdict {
  if (yours === null) return 'missing';
  if (!(model > 0)) return yours === 0 ? 'on-target' : 'off';
  const factor = Math.max(yours / model, model / yours);
  if (factor <= t.onTarget * (1 + 1e-9)) return 'on-target';
  if (factor <= t.close * (1 + 1e-9)) return 'close';
  return 'off';
}

const near = (x: number, target: number, tolerance = 1.2) => Math.abs(Math.log(x / target)) < Math.log(tolerance);

/** One common slip and what it does to a figure: the candidate's figure ÷ the model's. */
export interface Slip {
  id: string;
  ratio: number;
  /** What went wrong, worked from the facts ("you divided by 86,400 s but used users, not daily actions"). */
  text: string;
}

const pctOf = (x: number) => `${formatNumber(x * 100)}%`;

/** Writes a user makes a day: requests × dynamic share × write share. */
export function writesPerUserPerDay(w: ResolvedWorkload): number {
  return w.requestsPerUserPerDay * (1 - w.staticShare) * (1 - w.readRatio);
}

/** Bytes one write stores (data a user adds a year ÷ the writes they make in it), as the facts state it. */
export function bytesPerWrite(w: ResolvedWorkload): number {
  const writes = writesPerUserPerDay(w) * 365;
  return writes > 0 ? (w.dataPerUserMB * 1e6) / writes : 0;
}

/**
 * Whether the facts state storage per write (a link of 500 bytes) rather
 * than per user and year (a client's 10 KB a year): a per-write size under
 * 10 bytes is no item anyone describes.
 */
function perWriteFacts(w: ResolvedWorkload): boolean {
  return bytesPerWrite(w) >= 10;
}

/** The slips each figure is checked for, with their effect on it. */
export function slipsFor(id: EstimateId, w: ResolvedWorkload): Slip[] {
  const out: Slip[] = [];
  const unit = (what: string): Slip[] => [
    { id: 'x1000', ratio: 1000, text: `a unit slip of ×1,000 (${what})` },
    { id: '/1000', ratio: 1 / 1000, text: `a unit slip of ÷1,000 (${what})` },
  ];
  if (id === 'peakRps') {
    const rpd = w.requestsPerUserPerDay;
    if (rpd > 1.5)
      out.push({
        id: 'users-not-actions',
        ratio: 1 / rpd,
        text: `you divided by 86,400 s but used users, not daily actions: each user makes ${formatNumber(rpd)} requests a day`,
      });
    if (w.peakFactor > 1.2)
      out.push({
        id: 'no-peak',
        ratio: 1 / w.peakFactor,
        text: `you forgot the peak factor: that is the daily average; the busiest hour is ${formatNumber(w.peakFactor)}× it`,
      });
    out.push({ id: 'per-day', ratio: 86_400, text: 'that is per day, not per second: divide by 86,400 s' });
    out.push({ id: 'per-hour', ratio: 86_400 / 3_600, text: 'you divided by 3,600 s (an hour), not 86,400 s (a day)' });
    out.push({
      id: 'per-minute',
      ratio: 86_400 / 1_440,
      text: 'you divided by 1,440 (minutes in a day), not 86,400 s',
    });
    if (w.staticShare >= 0.1)
      out.push({
        id: 'no-static',
        ratio: 1 - w.staticShare,
        text: `you left out the static requests (${pctOf(w.staticShare)} of all): they count too`,
      });
    if (w.readRatio <= 0.97 && w.readRatio >= 0.3)
      out.push({
        id: 'reads-only',
        ratio: (1 - w.staticShare) * w.readRatio,
        text: `you counted only the reads (${pctOf(w.readRatio)} of dynamic requests), not the static requests and writes`,
      });
    out.push(...unit('thousands of users or requests'));
  } else if (id === 'storage') {
    const wpd = writesPerUserPerDay(w);
    out.push({ id: 'per-day', ratio: 1 / 365, text: 'that is one day of data, not a year: multiply by 365' });
    if (perWriteFacts(w) && w.requestsPerUserPerDay / wpd > 1.5)
      out.push({
        id: 'every-request',
        ratio: w.requestsPerUserPerDay / wpd,
        text: `you stored data for every request, but only writes store data: ${formatNumber(wpd)} of a user’s ${formatNumber(w.requestsPerUserPerDay)} requests a day`,
      });
    out.push({
      id: 'replicas',
      ratio: 3,
      text: 'you counted three copies (replication); the figure asked for is the data itself, one copy',
    });
    out.push({
      id: 'per-user',
      ratio: 1 / w.users,
      text: `that is one user’s data: multiply by ${formatInteger(w.users)} users`,
    });
    out.push(...unit('KB, MB, GB and TB are 1,000 apart'));
  } else {
    out.push({ id: 'bits', ratio: 8, text: 'bits and bytes got mixed up (×8): 1 byte = 8 bits' });
    out.push({ id: 'bits-', ratio: 1 / 8, text: 'bits and bytes got mixed up (÷8): 1 byte = 8 bits' });
    if (w.peakFactor > 1.2)
      out.push({
        id: 'no-peak',
        ratio: 1 / w.peakFactor,
        text: `you forgot the peak factor (${formatNumber(w.peakFactor)}×): that is the daily average`,
      });
    const load = peakLoad(w);
    const total = load.static * w.staticKB + (load.read + load.write) * w.dynamicKB;
    if (total > 0 && load.static * w.staticKB > 0.2 * total)
      out.push({
        id: 'no-static',
        ratio: ((load.read + load.write) * w.dynamicKB) / total,
        text: `you left out the static files (${formatNumber(w.staticKB)} KB each, ${pctOf(w.staticShare)} of requests), most of the bytes`,
      });
    if (total > 0 && w.staticShare > 0.05 && w.staticKB / w.dynamicKB > 2)
      out.push({
        id: 'all-dynamic',
        ratio: (load.total * w.dynamicKB) / total,
        text: `you sized every response at ${formatNumber(w.dynamicKB)} KB; the static ones are ${formatNumber(w.staticKB)} KB`,
      });
    out.push(...unit('KB, MB and GB are 1,000 apart'));
  }
  return out;
}

export interface Diagnosis {
  /** The slips that explain the ratio (one or two), empty when none does. */
  slips: Slip[];
  /** One or two sentences: how far off, which factor, and what is left unexplained. */
  text: string;
}

/**
 * Which factor is off and by how much: the single slip, or pair of slips,
 * whose combined effect lands within 20% of the candidate's ratio (a single
 * slip preferred); none when nothing explains it.
 */
export function diagnose(id: EstimateId, ratio: number, w: ResolvedWorkload): Diagnosis {
  const slips = slipsFor(id, w);
  const what = id === 'peakRps' ? 'rate' : id === 'storage' ? 'storage' : 'bandwidth';
  const how = describeRatio(ratio);
  let best: Slip[] | null = null;
  let bestError = Infinity;
  for (const s of slips) {
    const err = Math.abs(Math.log(ratio / s.ratio));
    if (near(ratio, s.ratio) && err < bestError) {
      best = [s];
      bestError = err;
    }
  }
  if (!best) {
    for (let i = 0; i < slips.length; i++)
      for (let j = i + 1; j < slips.length; j++) {
        const r = slips[i].ratio * slips[j].ratio;
        const err = Math.abs(Math.log(ratio / r));
        if (near(ratio, r) && err < bestError && !near(r, 1, 1.5)) {
          best = [slips[i], slips[j]];
          bestError = err;
        }
      }
  }
  if (!best) {
    return {
      slips: [],
      text: `Your ${what} is ${how}, and no single slip explains it: compare your working with the model’s, step by step.`,
    };
  }
  return { slips: best, text: `Your ${what} is ${how}: ${best.map((s) => s.text).join('; and ')}.` };
}

export function judgeEstimates(
  inputs: EstimateInputs,
  w: ResolvedWorkload,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): EstimateJudgement[] {
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
    const verdict = verdictOf(y, m, thresholds);
    return {
      id,
      label: ESTIMATE_LABEL[id],
      yours: y,
      model: m,
      ratio,
      verdict,
      hint: ratio !== null && verdict !== 'on-target' ? diagnose(id, ratio, w).text : null,
    };
  });
}


export function formatFigure(id: EstimateId, value: number): string {
  if (id === 'peakRps') return formatRps(value);
  if (id === 'storage') return formatGB(value);
  return formatBandwidth(value);
}

/** "3.2× too high", "2.1× too low", "spot on". */
export function describeRatio(ratio: number): string {
  if (ratio >= 0.95 && ratio <= 1.05) return 'about right';
  if (ratio > 1) return `${formatNumber(ratio)}× too high`;
  return `${formatNumber(1 / ratio)}× too low`;
}

/**
 * How the model's figure is worked out, step by step from the facts the
 * candidate was given (users, requests a day, shares, sizes, peak factor):
 * no figure appears that the brief does not state or that is not worked
 * out on the way.
 */
export function workingFor(id: EstimateId, w: ResolvedWorkload): string {
  const load = peakLoad(w);
  const n = formatInteger;
  const s3 = (x: number) => formatNumber(x);
  if (id === 'peakRps') {
    const perDay = w.users * w.requestsPerUserPerDay;
    return `${n(w.users)} users × ${s3(w.requestsPerUserPerDay)} requests a day = ${n(perDay)} requests a day; ÷ 86,400 s = ${formatRps(perDay / 86_400)} on average; × peak factor ${s3(w.peakFactor)} = ${formatRps(load.total)}`;
  }
  if (id === 'storage') {
    const gb = (w.users * w.dataPerUserMB) / 1000;
    if (!perWriteFacts(w))
      return `${n(w.users)} users × ${s3(w.dataPerUserMB * 1000)} KB a year each = ${formatGB(gb)}`;
    const wpd = writesPerUserPerDay(w);
    const perDay = w.users * wpd;
    const bytes = bytesPerWrite(w);
    const size = bytes >= 1000 ? `${s3(bytes / 1000)} KB` : `${s3(bytes)} bytes`;
    return `${n(w.users)} users × ${s3(wpd)} writes a day (${s3(w.requestsPerUserPerDay)} requests × ${pctOf(1 - w.staticShare)} dynamic × ${pctOf(1 - w.readRatio)} writes) = ${n(perDay)} writes a day; × 365 days = ${n(perDay * 365)} a year; × ${size} each = ${formatGB(gb)}`;
  }
  const staticMB = (load.static * w.staticKB) / 1000;
  const dynamicMB = ((load.read + load.write) * w.dynamicKB) / 1000;
  return `${formatRps(load.total)} × ${pctOf(w.staticShare)} static = ${formatRps(load.static)} × ${s3(w.staticKB)} KB = ${s3(staticMB)} MB/s; ${formatRps(load.read + load.write)} dynamic × ${s3(w.dynamicKB)} KB = ${s3(dynamicMB)} MB/s; together ${formatBandwidth(staticMB + dynamicMB)}`;
}

/** Share of a figure's credit a correction on the second try earns of what it adds. */
export const RETRY_SHARE = 0.5;

/** Each figure's credit over the tries: the first try's, plus half of what the second try adds. */
export interface TriedJudgement extends EstimateJudgement {
  /** The first try's judgement, when there was a second. */
  first: EstimateJudgement | null;
  credit: number;
}

/**
 * Judges the tries (at most two): each figure earns its first try's credit
 * (on target 1, close ½, off or missing 0) plus RETRY_SHARE of whatever the
 * second try adds; a second try never lowers it. Without any check, the
 * figures as they stand are judged once.
 */
export function judgeTries(
  tries: readonly { inputs: EstimateInputs }[],
  current: EstimateInputs,
  w: ResolvedWorkload,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): TriedJudgement[] {
  const first = judgeEstimates(tries[0]?.inputs ?? current, w, thresholds);
  const second = tries.length >= 2 ? judgeEstimates(tries[1].inputs, w, thresholds) : null;
  return first.map((j, i) => {
    const c1 = VERDICT_CREDIT[j.verdict];
    if (!second) return { ...j, first: null, credit: c1 };
    const s = second[i];
    const c2 = VERDICT_CREDIT[s.verdict];
    return { ...s, first: j, credit: c1 + RETRY_SHARE * Math.max(0, c2 - c1) };
  });
}

/** The credit rule in words. */
export const RETRY_RULE = `A figure earns full credit on target and half when close on the first check; a corrected second try earns ${RETRY_SHARE * 100}% of what it adds.`;
