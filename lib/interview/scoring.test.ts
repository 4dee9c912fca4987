import { describe, expect, it } from 'vitest';
import { trendOf } from './history';
import { getProblem } from './problems';
import { availabilityCredit, reviewAttempt, snapshotOf } from './scoring';
import { emptyAttempt, idealAttempt, T0 } from './test-helpers';
import { mentions, mentionsAny } from './text-match';

const problem = getProblem('url-shortener')!;

describe('keyword matching', () => {
  it('matches at word starts, case-insensitively, across punctuation', () => {
    expect(mentions('We use Caching heavily', 'cache')).toBe(false);
    expect(mentions('We use caching heavily', 'cach')).toBe(true);
    expect(mentions('a read-heavy load', 'read heavy')).toBe(true);
    expect(mentions('headcache', 'cache')).toBe(false);
    expect(mentionsAny('99.95% availability', ['99.9'])).toBe(true);
  });
});

describe('the review', () => {
  it('names a missed hidden requirement and the question that would have revealed it', () => {
    const a = { ...idealAttempt(problem), notes: 'create links; redirect them', asked: [] };
    const item = reviewAttempt(problem, a).items.find((i) => i.id === 'requirements')!;
    expect(item.score).toBeLessThan(item.max);
    expect(item.details.join('\n')).toContain('Do links expire?');
  });

  it('gives no credit for hidden requirements typed as keywords without asking (the issue’s Pastebin case)', () => {
    const pastebin = getProblem('pastebin')!;
    const stuffed = {
      ...emptyAttempt(pastebin),
      notes: 'create read expire private limit fast availability cdn',
    };
    const review = reviewAttempt(pastebin, stuffed);
    const item = review.items.find((i) => i.id === 'requirements')!;
    // Nothing asked, nothing confirmed, nothing built: the keywords earn nothing.
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/^You asked 0 questions and found 0 of 3 requirements the brief left out/);
    expect(review.requirements.filter((r) => r.requirement.hidden).every((r) => !r.captured)).toBe(true);
    // Confirming the stated ones is worth something; the hidden ones still need asking.
    const confirmed = {
      ...stuffed,
      inScope: pastebin.requirements.filter((r) => !r.hidden).map((r) => r.id),
    };
    const some = reviewAttempt(pastebin, confirmed).items.find((i) => i.id === 'requirements')!;
    expect(some.score).toBeGreaterThan(0);
    expect(some.score).toBeLessThan(some.max / 2);
  });

  it('credits a hidden requirement once a question revealed it and it stayed in scope', () => {
    const pastebin = getProblem('pastebin')!;
    const base = { ...emptyAttempt(pastebin), inScope: ['expiry'] };
    const asked = { ...base, asked: [{ id: 'lifetime', atMs: 60_000 }] };
    const before = reviewAttempt(pastebin, base).requirements.find((r) => r.requirement.id === 'expiry')!;
    const after = reviewAttempt(pastebin, asked).requirements.find((r) => r.requirement.id === 'expiry')!;
    expect(before.captured).toBe(false);
    expect(after.captured).toBe(true);
    const dropped = { ...asked, inScope: [] };
    expect(reviewAttempt(pastebin, dropped).requirements.find((r) => r.requirement.id === 'expiry')!.captured).toBe(false);
  });

  it('weighs a found hidden requirement more at staff than at mid', () => {
    const pastebin = getProblem('pastebin')!;
    const a = { ...emptyAttempt(pastebin), asked: [{ id: 'lifetime', atMs: 60_000 }], inScope: ['expiry'] };
    const share = (level: 'mid' | 'staff') => {
      const item = reviewAttempt(pastebin, { ...a, level }).items.find((i) => i.id === 'requirements')!;
      return item.score / item.max;
    };
    expect(share('staff')).toBeGreaterThan(share('mid'));
  });

  it('tells the candidate the peak factor was forgotten', () => {
    const ideal = idealAttempt(problem);
    const estimates = { ...ideal.estimates, peakRps: ideal.estimates.peakRps! / 3 };
    const a = { ...ideal, estimates, estimateTries: [{ inputs: estimates, atMs: 8 * 60_000 }] };
    const item = reviewAttempt(problem, a).items.find((i) => i.id === 'estimation')!;
    // Scores are rounded to one decimal.
    expect(item.score).toBe(Math.round(item.max * (2.5 / 3) * 10) / 10);
    expect(item.sentence).toMatch(/Your rate is 3× too low: you forgot the peak factor/);
  });

  it('gives half of what a corrected second try adds', () => {
    const ideal = idealAttempt(problem);
    const wrong = { ...ideal.estimates, peakRps: ideal.estimates.peakRps! / 86_400 };
    const a = {
      ...ideal,
      estimateTries: [
        { inputs: wrong, atMs: 8 * 60_000 },
        { inputs: ideal.estimates, atMs: 9 * 60_000 },
      ],
    };
    const item = reviewAttempt(problem, a).items.find((i) => i.id === 'estimation')!;
    // Rate: off (0) at first, on target (1) on the second try: 0 + ½ × 1 = ½; the others 1 each: (½ + 1 + 1) ÷ 3.
    expect(item.score).toBe(Math.round(item.max * (2.5 / 3) * 10) / 10);
    expect(item.details.join('\n')).toMatch(/First try: 0\.\d+ req\/s \(off\); credit 50%/);
    expect(item.details).toContain(
      'A figure earns full credit on target and half when close on the first check; a corrected second try earns 50% of what it adds.',
    );
  });

  it('names the component that saturates and the curveball it failed', () => {
    const design = {
      ...problem.reference.design,
      nodes: problem.reference.design.nodes.map((n) =>
        n.id === 'app' ? { ...n, params: { instances: 10, stateless: true } } : n,
      ),
    };
    const review = reviewAttempt(problem, { ...idealAttempt(problem), design });
    const capacity = review.items.find((i) => i.id === 'capacity')!;
    expect(capacity.score).toBe(0);
    expect(capacity.sentence).toMatch(/Link service.* saturated at \d+%/);
    const viral = review.items.find((i) => i.id === 'curveball:viral-link')!;
    expect(viral.score).toBe(0);
    expect(viral.sentence).toMatch(/^Failed: /);
    expect(review.study.map((s) => s.lessonId)).toContain('guide-bottlenecks');
  });

  it('gives no cost marks to a design that does not carry the load', () => {
    const item = reviewAttempt(problem, emptyAttempt(problem)).items.find((i) => i.id === 'cost')!;
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/does not serve the load/);
  });

  it('does not show cost as met on the target check for a design that does not serve the load', () => {
    // The empty canvas costs $0: the rubric gives it no cost marks, so the check must not pass it either.
    const empty = reviewAttempt(problem, emptyAttempt(problem));
    const check = empty.target.checks.find((c) => c.id === 'cost')!;
    expect(check.passed).toBe(false);
    expect(check.detail).toMatch(/^not judged yet: \$0 a month only because the design does not serve the load$/);
    expect(check.note).toMatch(/does not serve the load/);
    expect(empty.items.find((i) => i.id === 'cost')!.score).toBe(0);

    // A design that serves the load within budget passes both, with the figure and no caveat.
    const ideal = reviewAttempt(problem, idealAttempt(problem));
    const ok = ideal.target.checks.find((c) => c.id === 'cost')!;
    expect(ok.passed).toBe(true);
    expect(ok.detail).toMatch(/^\$[\d,]+ a month$/);
    expect(ok.note).toBeUndefined();
    const cost = ideal.items.find((i) => i.id === 'cost')!;
    expect(cost.score).toBe(cost.max);

    // A design that fails almost every request is cheap for the same reason: neither passes it.
    const design = {
      ...problem.reference.design,
      edges: problem.reference.design.edges.filter((e) => e.source !== 'users'),
    };
    const dead = reviewAttempt(problem, { ...idealAttempt(problem), design });
    expect(dead.target.checks.find((c) => c.id === 'cost')!.passed).toBe(false);
    expect(dead.items.find((i) => i.id === 'cost')!.score).toBe(0);
  });

  it('grades only the curveballs the candidate was shown', () => {
    const [first, second] = problem.curveballs;
    const ideal = idealAttempt(problem);
    const all = reviewAttempt(problem, ideal).items.filter((i) => i.id.startsWith('curveball:'));
    const each = Math.round((13.5 / problem.curveballs.length) * 10) / 10;
    expect(all.map((i) => i.max)).toEqual(problem.curveballs.map(() => each));
    // An attempt saved before the Entities & API step keeps the 15 points it had for curveballs.
    const before = reviewAttempt(problem, { ...ideal, api: null }).items.filter((i) => i.id.startsWith('curveball:'));
    expect(before.map((i) => i.max)).toEqual(problem.curveballs.map(() => 15 / problem.curveballs.length));

    // The second arrived but its dialog was never read: it is not scored, and the first carries the weight.
    const a = {
      ...ideal,
      curveballs: ideal.curveballs.map((c) => (c.id === second.id ? { ...c, seen: false } : c)),
    };
    const review = reviewAttempt(problem, a);
    const shown = review.items.find((i) => i.id === `curveball:${first.id}`)!;
    const hidden = review.items.find((i) => i.id === `curveball:${second.id}`)!;
    expect(shown.max).toBe(13.5);
    expect(shown.score).toBe(13.5);
    expect(hidden).toMatchObject({
      score: 0,
      max: 0,
      sentence: 'Not shown to you during the interview, so not scored.',
    });
    expect(review.curveballs.map((c) => c.curveballId)).toEqual([first.id]);
    expect(review.total).toBe(reviewAttempt(problem, ideal).total);
  });

  it('scores availability like the stage score: full at the SLO, none at ten times the downtime', () => {
    expect(availabilityCredit(0.9995, 0.9995)).toBe(1);
    expect(availabilityCredit(0.995, 0.9995)).toBeCloseTo(0, 9);
    expect(availabilityCredit(0.9985, 0.9995)).toBeCloseTo(1 - Math.log10(3), 6);
  });

  it('gives a keyword line no trade-off credit and says what a claim needs', () => {
    const a = { ...idealAttempt(problem), tradeoffs: 'cache, base62 and nosql' };
    const item = reviewAttempt(problem, a).items.find((i) => i.id === 'tradeoffs')!;
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/ties a component of your design to a number the model gives for it/);
  });
});

describe('the trend', () => {
  it('follows totals over time and finds the weakest rubric item', () => {
    const mk = (id: string, at: number, askedAll: boolean) => {
      const ideal = idealAttempt(problem);
      const a = askedAll ? { ...ideal, id } : { ...ideal, id, asked: [], questionLog: [], inScope: [] };
      return { ...a, finishedAt: at, review: snapshotOf(reviewAttempt(problem, a)) };
    };
    const t = trendOf([
      mk('b', T0 + 2, false),
      mk('a', T0 + 1, false),
      mk('c', T0 + 3, true),
      mk('d', T0 + 4, true),
    ]);
    expect(t.points.map((p) => p.attemptId)).toEqual(['a', 'b', 'c', 'd']);
    expect(t.latest?.attemptId).toBe('d');
    expect(t.change).toBeGreaterThan(0);
    expect(t.weakest[0].id).toBe('requirements');
  });
});

describe('labels mid-sentence', () => {
  it('lower-case the first word but leave acronyms and names alone', async () => {
    const { lowerFirst } = await import('./scoring');
    expect(lowerFirst('Caching immutable links')).toBe('caching immutable links');
    expect(lowerFirst('CDN versus serving from origin')).toBe('CDN versus serving from origin');
    expect(lowerFirst('WebSockets versus long polling')).toBe('WebSockets versus long polling');
    expect(lowerFirst('Deduplication (Bloom filter versus exact set)')).toBe(
      'deduplication (Bloom filter versus exact set)',
    );
  });
});
