/** Labels shared by the interview pages (kept apart from the problem files, so client code does not bundle them). */
import { formatUsers } from '@/lib/shared/format';
import type { Problem } from './schema';

export const DIFFICULTY_LABEL: Record<Problem['difficulty'], string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

/** "50M daily users", or the problem's own label. */
export function scaleLabel(p: Problem): string {
  return p.scaleLabel ?? `${formatUsers(p.workload.users)} daily users`;
}
