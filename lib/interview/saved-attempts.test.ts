/**
 * Attempts saved before the "Entities & API" step (on the judged interview
 * with its deep dive, commit ff73e23) keep their review exactly: the same
 * items, points and total at every level. The expected figures below were
 * computed by that version's reviewAttempt on the same attempts.
 */
import { describe, expect, it } from 'vitest';
import { parseAttempt, type Attempt } from './attempt';
import { getProblem } from './problems';
import { reviewAttempt } from './scoring';
import { DEFAULT_WEIGHTS } from './schema';
import { idealAttempt } from './test-helpers';

/** A good but imperfect attempt, saved as the earlier version saved it (no `api` key). */
function savedBefore(problemId: string, level: Attempt['level']): unknown {
  const { api: _api, ...ideal } = idealAttempt(getProblem(problemId)!);
  const estimates = { ...ideal.estimates, peakRps: ideal.estimates.peakRps! * 3 };
  return JSON.parse(
    JSON.stringify({
      ...ideal,
      level,
      estimates,
      estimateTries: [{ inputs: estimates, atMs: 8 * 60_000 }],
      deepDive: {
        ...ideal.deepDive,
        answers: ideal.deepDive.answers.map((a, i) => (i === 0 || a === null ? a : a * 1.3)),
      },
      tradeoffs: ideal.tradeoffs.split('\n').slice(0, 2).join('\n'),
      curveballs: ideal.curveballs.map((c, i) => (i === 0 ? { ...c, seen: false } : c)),
    }),
  );
}

const BEFORE: [string, Attempt['level'], number, [string, number, number][]][] = [
  [
    'url-shortener',
    'mid',
    97,
    [
      ['requirements', 19.8, 19.8],
      ['estimation', 15.8, 15.8],
      ['capacity', 18.3, 18.3],
      ['availability', 13.2, 13.2],
      ['cost', 9.1, 9.1],
      ['curveball:viral-link', 0, 0],
      ['curveball:cold-cache', 9.1, 9.1],
      ['deepdive', 5.4, 8.1],
      ['tradeoffs', 6.5, 6.5],
    ],
  ],
  [
    'url-shortener',
    'senior',
    92,
    [
      ['requirements', 15, 15],
      ['estimation', 10, 12],
      ['capacity', 18, 18],
      ['availability', 13, 13],
      ['cost', 9, 9],
      ['curveball:viral-link', 0, 0],
      ['curveball:cold-cache', 15, 15],
      ['deepdive', 6.7, 10],
      ['tradeoffs', 5.3, 8],
    ],
  ],
  [
    'url-shortener',
    'staff',
    90,
    [
      ['requirements', 10.5, 10.5],
      ['estimation', 7, 8.4],
      ['capacity', 15.7, 15.7],
      ['availability', 11.3, 11.3],
      ['cost', 9.4, 9.4],
      ['curveball:viral-link', 0, 0],
      ['curveball:cold-cache', 23.5, 23.5],
      ['deepdive', 8.1, 12.2],
      ['tradeoffs', 4.6, 9.1],
    ],
  ],
  [
    'chat',
    'mid',
    98,
    [
      ['requirements', 19.8, 19.8],
      ['estimation', 15.8, 15.8],
      ['capacity', 18.3, 18.3],
      ['availability', 13.2, 13.2],
      ['cost', 9.1, 9.1],
      ['curveball:new-year', 0, 0],
      ['curveball:push-slow', 4.6, 4.6],
      ['curveball:region-down', 4.6, 4.6],
      ['deepdive', 6.1, 8.1],
      ['tradeoffs', 6.5, 6.5],
    ],
  ],
  [
    'chat',
    'senior',
    93,
    [
      ['requirements', 15, 15],
      ['estimation', 10, 12],
      ['capacity', 18, 18],
      ['availability', 13, 13],
      ['cost', 9, 9],
      ['curveball:new-year', 0, 0],
      ['curveball:push-slow', 7.5, 7.5],
      ['curveball:region-down', 7.5, 7.5],
      ['deepdive', 7.5, 10],
      ['tradeoffs', 5.3, 8],
    ],
  ],
  [
    'chat',
    'staff',
    91,
    [
      ['requirements', 10.5, 10.5],
      ['estimation', 7, 8.4],
      ['capacity', 15.7, 15.7],
      ['availability', 11.3, 11.3],
      ['cost', 9.4, 9.4],
      ['curveball:new-year', 0, 0],
      ['curveball:push-slow', 11.8, 11.8],
      ['curveball:region-down', 11.8, 11.8],
      ['deepdive', 9.1, 12.2],
      ['tradeoffs', 4.6, 9.1],
    ],
  ],
];

describe('attempts saved before the Entities & API step', () => {
  it.each(BEFORE)('%s at %s keeps its items and its total of %d', (problemId, level, total, items) => {
    const attempt = parseAttempt(savedBefore(problemId, level))!;
    expect(attempt.api).toBeNull();
    const review = reviewAttempt(getProblem(problemId)!, attempt);
    expect(review.items.map((i) => [i.id, i.score, i.max])).toEqual(items);
    expect(review.total).toBe(total);
  });

  it('while the same attempt with entities and an API is scored on the new weights, the step included', () => {
    const p = getProblem('chat')!;
    const withApi = { ...parseAttempt(savedBefore('chat', 'senior'))!, api: idealAttempt(p).api };
    const review = reviewAttempt(p, withApi);
    expect(review.items.find((i) => i.id === 'api')!.max).toBe(DEFAULT_WEIGHTS.api);
    expect(review.items.find((i) => i.id === 'deepdive')!.max).toBe(DEFAULT_WEIGHTS.deepdive);
    expect(review.items.find((i) => i.id === 'capacity')!.max).toBe(DEFAULT_WEIGHTS.capacity);
  });
});
