/**
 * Keyboard movement in a tab list (WAI-ARIA tabs pattern): the arrow keys
 * move to the next or previous tab, wrapping; Home and End go to the first
 * and the last. Returns the index of the tab to select and focus, or null
 * when the key does not move (let it through).
 */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  const i = index < 0 ? 0 : index;
  switch (key) {
    case 'ArrowRight':
      return (i + 1) % count;
    case 'ArrowLeft':
      return (i - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
