import { describe, expect, it } from 'vitest';
import { PROBLEMS } from './problems';
import { checkTarget } from './target';

describe('a problem can demand consistency, judged by the engine\'s stage checks (docs/model.md §14.1)', () => {
  const booking = PROBLEMS.find((p) => p.id === 'ticket-booking')!;

  it('the ticket-booking reference reads from replicas: it fails a read-your-writes demand and passes without it', () => {
    const plain = checkTarget(booking, booking.reference.design);
    expect(plain.checks.some((c) => c.id.startsWith('consistency'))).toBe(false);
    const strict = checkTarget({ ...booking, slo: { ...booking.slo, consistency: { readYourWrites: true } } }, booking.reference.design);
    const ryw = strict.checks.find((c) => c.id === 'consistency-read-your-writes')!;
    expect(ryw.passed).toBe(false);
    expect(ryw.detail).toMatch(/^read-your-writes broken: \d+% of reads go to asynchronous replicas/);
    expect(strict.passed).toBe(false);
  });

  it('a stale-read ceiling passes above the design\'s share and fails below it', () => {
    const share = checkTarget(booking, booking.reference.design).evaluation!.consistency.staleReadShare;
    expect(share).toBeGreaterThan(0);
    const loose = checkTarget({ ...booking, slo: { ...booking.slo, consistency: { maxStaleReadShare: share * 2 } } }, booking.reference.design);
    expect(loose.checks.find((c) => c.id === 'consistency-stale')!.passed).toBe(true);
    const tight = checkTarget({ ...booking, slo: { ...booking.slo, consistency: { maxStaleReadShare: share / 2 } } }, booking.reference.design);
    expect(tight.checks.find((c) => c.id === 'consistency-stale')!.passed).toBe(false);
  });
});
