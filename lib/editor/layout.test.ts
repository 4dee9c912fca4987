import { describe, expect, it } from 'vitest';
import { freeSpotNear, NODE_HEIGHT, NODE_WIDTH } from './layout';

/** Whether two cards at these top-left corners overlap. */
const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

describe('freeSpotNear: where a component added by tap or Enter goes', () => {
  it('is the requested spot when nothing is there', () => {
    expect(freeSpotNear({ x: 100, y: 100 }, [{ x: 600, y: 600 }])).toEqual({ x: 100, y: 100 });
  });

  it('puts the second card beside the first, not on it', () => {
    const first = { x: 0, y: 0 };
    const second = freeSpotNear(first, [first]);
    expect(overlap(first, second)).toBe(false);
    expect(second.y).toBe(0);
    expect(second.x).toBeGreaterThan(0);
  });

  it('adds twelve cards at the same spot without any two overlapping', () => {
    const cards: { x: number; y: number }[] = [];
    for (let i = 0; i < 12; i++) cards.push(freeSpotNear({ x: 0, y: 0 }, cards));
    for (let a = 0; a < cards.length; a++) for (let b = a + 1; b < cards.length; b++) expect(overlap(cards[a], cards[b]), `${a} and ${b}`).toBe(false);
    // And they stay close to where they were asked for: within two slots.
    for (const c of cards) expect(Math.abs(c.x)).toBeLessThanOrEqual(2 * (NODE_WIDTH + 32));
  });
});
