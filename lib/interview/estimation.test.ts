import { describe, expect, it } from 'vitest';
import { resolveWorkload } from '@/lib/engine/workload';
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
    // 347 static rps × 50 KB + 6,597 dynamic rps × 0.5 KB
    expect(f.bandwidthMBps).toBeCloseTo(20.66, 1);
    expect(workingFor('peakRps', w)).toContain('= 6,944 rps');
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
    expect(peak.hint).toMatch(/peak factor \(3×\)/);
    expect(describeRatio(peak.ratio!)).toBe('3× too low');
  });

  it('name a unit slip of a thousand', () => {
    const [peak] = judgeEstimates(inputs(6_944_000), w);
    expect(peak.verdict).toBe('off');
    expect(peak.hint).toMatch(/thousand/);
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
