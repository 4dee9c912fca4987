import { describe, expect, it } from 'vitest';
import { createAttempt } from './attempt';
import { getProblem } from './problems';
import { reviewAttempt } from './scoring';
import { checkTarget } from './target';
import { designFigures, judgeTradeoffText, quotedNumbers, sentences } from './tradeoff-judge';
import { groundedTradeoffs, idealAttempt } from './test-helpers';

const pastebin = getProblem('pastebin')!;
const design = pastebin.reference.design;
const e = checkTarget(pastebin, design).evaluation!;
const fig = (id: string) => designFigures(design, e).find((f) => f.id === id)!.value;
const n = (x: number) => Math.round(x).toLocaleString('en-US');

const STUFFED = Array.from({ length: 14 }, () => 'cache s3 expire base62 replica').join(' ');

describe('trade-off text judged against the design', () => {
  it('scores the issue’s stuffing 0/10, and the review does not praise it', () => {
    const a = { ...idealAttempt(pastebin), tradeoffs: STUFFED };
    const item = reviewAttempt(pastebin, a).items.find((i) => i.id === 'tradeoffs')!;
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/None of your/);
    expect(item.sentence).not.toMatch(/weighed|strong|good/i);
  });

  it('scores stuffing on separate lines, and keyword sentences without numbers, nothing', () => {
    for (const text of [
      Array.from({ length: 14 }, () => 'cache s3 expire base62 replica').join('\n'),
      'We use a cache and replicas and a CDN for availability and failover. Caching, replication, sharding, queues.',
      'cache 90% replica 231 rps database 352 rps',
    ]) {
      expect(judgeTradeoffText(text, design, e, { expected: 3 }).credit, text).toBe(0);
    }
  });

  it('credits a genuine claim that names components and the model’s numbers for them', () => {
    const text = `The paste cache at a 90% hit ratio takes the database from ${n(fig('cache:rps'))} to ${n(fig('db:read'))} reads per second, so one primary with two replicas is enough.`;
    const j = judgeTradeoffText(text, design, e, { expected: 3 });
    expect(j.credited).toHaveLength(1);
    expect(j.credited[0].matched.map((f) => f.id)).toEqual(
      expect.arrayContaining(['cache:hit', 'cache:rps', 'db:read']),
    );
  });

  it('does not credit the same claim with numbers that are not the design’s', () => {
    const text = `The paste cache at a 90% hit ratio takes the database from ${n(fig('cache:rps') * 3)} to ${n(fig('db:read') * 3)} reads per second.`;
    const wrongHit = `The paste cache at a 55% hit ratio takes the database from ${n(fig('cache:rps') * 3)} to 5 reads per second.`;
    // 90% is the cache's own hit ratio, so the first is credited for that alone; the second for nothing.
    expect(judgeTradeoffText(text, design, e, { expected: 3 }).credited[0].matched.map((f) => f.id)).toEqual([
      'cache:hit',
    ]);
    expect(judgeTradeoffText(wrongHit, design, e, { expected: 3 }).credited).toHaveLength(0);
  });

  it('does not credit a component the design lacks', () => {
    const text = `The queue takes ${n(fig('db:write'))} writes per second off the database, so workers absorb spikes.`;
    const j = judgeTradeoffText(text, design, e, { expected: 3 });
    // Names the database (present) with its write rate: credited for the database, not for a queue it does not have.
    expect(j.credited[0]?.components).toEqual(['Paste database']);
    expect(
      judgeTradeoffText('The queue at 80% keeps the workers busy so jobs drain.', design, e, { expected: 3 }).credit,
    ).toBe(0);
  });

  it('counts a pasted genuine answer once', () => {
    const one = groundedTradeoffs(pastebin, design, 1);
    const j = judgeTradeoffText(Array.from({ length: 14 }, () => one).join('\n'), design, e, { expected: 3 });
    expect(j.credited).toHaveLength(1);
    expect(j.credit).toBeCloseTo(1 / 3, 6);
  });

  it('gives full marks to three distinct grounded claims at senior, and asks for four at staff', () => {
    const text = groundedTradeoffs(pastebin, design, 3);
    const senior = reviewAttempt(pastebin, { ...idealAttempt(pastebin), tradeoffs: text, level: 'senior' });
    const staff = reviewAttempt(pastebin, { ...idealAttempt(pastebin), tradeoffs: text, level: 'staff' });
    const item = (r: typeof senior) => r.items.find((i) => i.id === 'tradeoffs')!;
    expect(item(senior).score).toBe(item(senior).max);
    expect(item(staff).score).toBeCloseTo(item(staff).max * 0.75, 1);
    expect(item(senior).details.filter((d) => d.startsWith('Credited:'))).toHaveLength(3);
  });

  it('judges trade-offs on an empty canvas as nothing', () => {
    const blank = createAttempt(pastebin, { mode: 'blind', minutes: 45, now: 0 });
    const r = reviewAttempt(pastebin, { ...blank, tradeoffs: groundedTradeoffs(pastebin, design) });
    expect(r.items.find((i) => i.id === 'tradeoffs')!.score).toBe(0);
  });

  it('reads numbers with their units and splits sentences outside decimals', () => {
    expect(sentences('Availability is 99.95% here. Next one')).toEqual(['Availability is 99.95% here', 'Next one']);
    expect(quotedNumbers('from 4,000 to 600 rps at 85% and $12k, p95 1.2 s')).toEqual([
      { raw: '4,000', value: 4000, unit: null },
      { raw: '600 rps', value: 600, unit: 'rps' },
      { raw: '85%', value: 0.85, unit: 'share' },
      { raw: '$12k', value: 12000, unit: 'usd' },
      { raw: '1.2 s', value: 1200, unit: 'ms' },
    ]);
    expect(quotedNumbers('base62 and s3')).toEqual([]);
  });
});
