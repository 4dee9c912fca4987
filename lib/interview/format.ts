/** Labels shared by the interview pages (kept apart from the problem files, so client code does not bundle them). */
import type { Problem } from './schema';

export const DIFFICULTY_LABEL: Record<Problem['difficulty'], string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** "50M daily users", or the problem's own label. */
export function scaleLabel(p: Problem): string {
  return p.scaleLabel ?? `${compact.format(p.workload.users)} daily users`;
}
