import { describe, expect, it } from 'vitest';
import { resolveWorkload } from '@/lib/engine/workload';
import {
  candidateFigures,
  describeRatio,
  judgeEstimates,
  modelFigures,
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
