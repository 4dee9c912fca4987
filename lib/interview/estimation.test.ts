import { describe, expect, it } from 'vitest';
import { resolveWorkload } from '@/lib/engine/data';
import {
  candidateFigures,
  ESTIMATE_ERRORS,
  describeRatio,
  estimateProblems,
  judgeEstimates,
  modelFigures,
  parseEstimate,
  verdictOf,
  workingFor,
  diagnose,
  bytesPerWrite,
  type EstimateInputs,
} from './estimation';

const w = resolveWorkload({
  users: 50_000_000,
  requestsPerUserPerDay: 4,
  peakFactor: 3,
  staticShare: 0.05,
  readRatio: 0.99,
  staticKB: 50,
  dynamicKB: 0.5,
  dataPerUserMB: 0.00694,
});
const inputs = (peakRps: number | null): EstimateInputs => ({
  peakRps,
  storage: { value: 347, unit: 'GB' },
  bandwidth: { value: 0.165, unit: 'Gbit/s' },
});

describe('the model’s figures', () => {
  it('follow MODEL.md §1.2: users × requests ÷ 86,400 × peak factor', () => {
    const f = modelFigures(w);
    expect(f.peakRps).toBeCloseTo((50e6 * 4 * 3) / 86400, 6);
    expect(f.storageGB).toBeCloseTo(347, 0);
    // 347 static req/s × 50 KB + 6,597 dynamic req/s × 0.5 KB
    expect(f.bandwidthMBps).toBeCloseTo(20.66, 1);
    expect(workingFor('peakRps', w)).toBe(
      '50,000,000 users × 4 requests a day = 200,000,000 requests a day; ÷ 86,400 s = 2,315 req/s on average; × peak factor 3 = 6,944 req/s',
    );
  });

  it('convert the candidate’s units (decimal; 1 Gbit/s = 125 MB/s)', () => {
    const c = candidateFigures({
      peakRps: 7000,
      storage: { value: 2, unit: 'PB' },
      bandwidth: { value: 8, unit: 'Gbit/s' },
    });
    expect(c).toEqual({ peakRps: 7000, storage: 2_000_000, bandwidth: 1000 });
    expect(
      candidateFigures({ peakRps: -5, storage: { value: null, unit: 'TB' }, bandwidth: { value: 0, unit: 'MB/s' } }),
    ).toEqual({ peakRps: null, storage: null, bandwidth: null });
  });
});

describe('verdicts', () => {
  it('are on target within 2× either way, close within 5×, off beyond', () => {
    expect(verdictOf(200, 100)).toBe('on-target');
    expect(verdictOf(50, 100)).toBe('on-target');
    expect(verdictOf(201, 100)).toBe('close');
    expect(verdictOf(20, 100)).toBe('close');
    expect(verdictOf(19.9, 100)).toBe('off');
    expect(verdictOf(null, 100)).toBe('missing');
  });

  it('name the likely slip: the daily average instead of the peak', () => {
    const [peak] = judgeEstimates(inputs(2315), w);
    expect(peak.verdict).toBe('close');
    expect(peak.hint).toBe(
      'Your rate is 3× too low: you forgot the peak factor: that is the daily average; the busiest hour is 3× it.',
    );
    expect(describeRatio(peak.ratio!)).toBe('3× too low');
  });

  it('name a unit slip of a thousand', () => {
    const [peak] = judgeEstimates(inputs(6_944_000), w);
    expect(peak.verdict).toBe('off');
    expect(peak.hint).toMatch(/unit slip of ×1,000/);
  });

  it('judge all three figures', () => {
    expect(judgeEstimates(inputs(7000), w).map((j) => j.verdict)).toEqual(['on-target', 'on-target', 'on-target']);
  });
});

describe('reading a typed figure', () => {
  it('accepts separators, spaces and scientific notation', () => {
    expect(parseEstimate('12,000')).toEqual({ value: 12000, error: null });
    expect(parseEstimate(' 1.2e4 ')).toEqual({ value: 12000, error: null });
    expect(parseEstimate('7_000')).toEqual({ value: 7000, error: null });
    expect(parseEstimate('')).toEqual({ value: null, error: null });
    expect(parseEstimate('   ')).toEqual({ value: null, error: null });
  });

  it('names the problem instead of dropping a bad figure silently', () => {
    expect(parseEstimate('abc')).toEqual({ value: null, error: ESTIMATE_ERRORS.notANumber });
    expect(parseEstimate('12k')).toEqual({ value: null, error: ESTIMATE_ERRORS.notANumber });
    expect(parseEstimate('-5')).toEqual({ value: -5, error: ESTIMATE_ERRORS.notPositive });
    // Zero would be judged “not given”, so it is refused like a negative figure.
    expect(parseEstimate('0')).toEqual({ value: 0, error: ESTIMATE_ERRORS.notPositive });
    expect(parseEstimate('1e400')).toEqual({ value: null, error: ESTIMATE_ERRORS.tooLarge });
    expect(parseEstimate('Infinity')).toEqual({ value: null, error: ESTIMATE_ERRORS.tooLarge });
    expect(parseEstimate('2e15')).toEqual({ value: null, error: ESTIMATE_ERRORS.tooLarge });
    expect(ESTIMATE_ERRORS.notANumber).toMatch(/^Not a number/);
    expect(ESTIMATE_ERRORS.notPositive).toMatch(/more than zero/);
    expect(ESTIMATE_ERRORS.tooLarge).toMatch(/^Too large/);
  });

  it('finds every stored figure that cannot be judged', () => {
    expect(estimateProblems(inputs(7000))).toEqual({});
    expect(
      estimateProblems({ peakRps: null, storage: { value: -5, unit: 'TB' }, bandwidth: { value: 0, unit: 'MB/s' } }),
    ).toEqual({ storage: ESTIMATE_ERRORS.notPositive, bandwidth: ESTIMATE_ERRORS.notPositive });
  });
});

describe('diagnosing an estimate', () => {
  // The URL shortener's facts: 50M users, 4 requests a day, 5% static, 99% of dynamic are reads, 500 bytes a link, peak 3×.
  const url = w;
  const chat = resolveWorkload({
    users: 50_000_000,
    requestsPerUserPerDay: 100,
    peakFactor: 3,
    staticShare: 0.1,
    readRatio: 0.5,
    staticKB: 50,
    dynamicKB: 1,
    dataPerUserMB: 3.285,
  });
  const model = modelFigures(chat);
  const cases: { what: string; id: 'peakRps' | 'storage' | 'bandwidth'; yours: number; says: string }[] = [
    {
      what: 'users ÷ 86,400 × peak: daily actions left out',
      id: 'peakRps',
      yours: (50e6 / 86_400) * 3,
      says: 'Your rate is 100× too low: you divided by 86,400 s but used users, not daily actions: each user makes 100 requests a day.',
    },
    {
      what: 'users ÷ 86,400, neither actions nor peak',
      id: 'peakRps',
      yours: 50e6 / 86_400,
      says: 'Your rate is 300× too low: you divided by 86,400 s but used users, not daily actions: each user makes 100 requests a day; and you forgot the peak factor: that is the daily average; the busiest hour is 3× it.',
    },
    {
      what: 'per day, not per second',
      id: 'peakRps',
      yours: 50e6 * 100 * 3,
      says: 'Your rate is 86,400× too high: that is per day, not per second: divide by 86,400 s.',
    },
    {
      what: 'per hour',
      id: 'peakRps',
      yours: ((50e6 * 100) / 3_600) * 3,
      says: 'Your rate is 24× too high: you divided by 3,600 s (an hour), not 86,400 s (a day).',
    },
    {
      what: 'a year of data is one day',
      id: 'storage',
      yours: model.storageGB / 365,
      says: 'Your storage is 365× too low: that is one day of data, not a year: multiply by 365.',
    },
    {
      what: 'replication counted',
      id: 'storage',
      yours: model.storageGB * 3,
      says: 'Your storage is 3× too high: you counted three copies (replication); the figure asked for is the data itself, one copy.',
    },
    {
      what: 'every request stores a message',
      id: 'storage',
      yours: (model.storageGB * 100) / 45,
      says: 'Your storage is 2.22× too high: you stored data for every request, but only writes store data: 45 of a user’s 100 requests a day.',
    },
    {
      what: 'GB typed as TB',
      id: 'storage',
      yours: model.storageGB * 1000,
      says: 'Your storage is 1,000× too high: a unit slip of ×1,000 (KB, MB, GB and TB are 1,000 apart).',
    },
    {
      what: 'bits for bytes',
      id: 'bandwidth',
      yours: model.bandwidthMBps * 8,
      says: 'Your bandwidth is 8× too high: bits and bytes got mixed up (×8): 1 byte = 8 bits.',
    },
    {
      what: 'no clear slip',
      id: 'peakRps',
      yours: model.peakRps * 15,
      says: 'Your rate is 15× too high, and no single slip explains it: compare your working with the model’s, step by step.',
    },
  ];
  it.each(cases)('$what', ({ id, yours, says }) => {
    const ratio = yours / (id === 'peakRps' ? model.peakRps : id === 'storage' ? model.storageGB : model.bandwidthMBps);
    expect(diagnose(id, ratio, chat).text).toBe(says);
  });

  it('works storage from the stated size of one write, not from a hidden per-user constant', () => {
    const text = workingFor('storage', url);
    expect(text).toBe(
      '50,000,000 users × 0.038 writes a day (4 requests × 95% dynamic × 1% writes) = 1,900,000 writes a day; × 365 days = 693,500,000 a year; × 500 bytes each = 347 GB',
    );
    expect(text).not.toMatch(/0\.00694/);
    expect(bytesPerWrite(url)).toBeCloseTo(500, 0);
  });

  it('works bandwidth from the shares and sizes', () => {
    expect(workingFor('bandwidth', url)).toBe(
      '6,944 req/s × 5% static = 347 req/s × 50 KB = 17.4 MB/s; 6,597 req/s dynamic × 0.5 KB = 3.3 MB/s; together 20.7 MB/s (0.165 Gbit/s)',
    );
  });
});
