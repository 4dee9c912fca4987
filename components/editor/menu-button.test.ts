import { describe, expect, it } from 'vitest';
import { shiftIntoView } from './menu-button';

describe('menus stay on screen', () => {
  it('leaves a menu that fits where it is', () => {
    expect(shiftIntoView(20, 260, 390)).toBe(0);
  });

  it('pulls a menu hanging off the right edge back in, 8 px from the edge', () => {
    // The phone's "Start from" menu: 240 px wide from x = 196 on a 390 px screen.
    const dx = shiftIntoView(196, 436, 390);
    expect(436 + dx).toBe(382);
    expect(196 + dx).toBeGreaterThanOrEqual(8);
  });

  it('pushes a menu hanging off the left edge back in', () => {
    expect(shiftIntoView(-30, 210, 390)).toBe(38);
  });

  it('keeps the left edge on screen when the menu is wider than the screen', () => {
    expect(shiftIntoView(100, 500, 300)).toBe(-92);
  });
});
