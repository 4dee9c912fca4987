import { describe, expect, it } from 'vitest';
import { cardInside, freeSpotNear, NODE_HEIGHT, NODE_WIDTH } from './layout';

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

  it('on a narrow view (a phone), keeps every added card inside the part in view while there is room', () => {
    // A 390 px wide canvas at zoom 1.25: about 310 × 590 flow px, room for one column of cards.
    const view = { x: -50, y: -250, width: 310, height: 590 };
    const cards: { x: number; y: number }[] = [];
    for (let i = 0; i < 4; i++) cards.push(freeSpotNear({ x: 0, y: 0 }, cards, view));
    for (const c of cards) expect(cardInside(c, view), JSON.stringify(c)).toBe(true);
    for (let a = 0; a < cards.length; a++) for (let b = a + 1; b < cards.length; b++) expect(overlap(cards[a], cards[b]), `${a} and ${b}`).toBe(false);
  });

  it('falls back to the nearest free slot when nothing in view is free', () => {
    const view = { x: 0, y: 0, width: NODE_WIDTH, height: NODE_HEIGHT };
    expect(freeSpotNear({ x: 0, y: 0 }, [{ x: 0, y: 0 }], view)).toEqual(freeSpotNear({ x: 0, y: 0 }, [{ x: 0, y: 0 }]));
  });
});
