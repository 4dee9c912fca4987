import { CATALOG, type RequestClass } from '@/lib/engine/data';
import type { KindNodeData } from './types';

/** The name a node goes by on the canvas: its own label, else its kind's. */
export function displayLabel(data: Pick<KindNodeData, 'kind' | 'label'>): string {
  const own = data.label?.trim();
  return own ? own : CATALOG[data.kind].label;
}

/** Request classes in words a learner reads in a sentence. */
export const CLASS_WORDS: Record<RequestClass, string> = {
  static: 'static files',
  read: 'reads',
  write: 'writes',
  job: 'background jobs',
};

/** "reads and writes", "static files, reads and writes". */
export function listClasses(classes: readonly RequestClass[]): string {
  const words = classes.map((c) => CLASS_WORDS[c]);
  if (words.length <= 1) return words[0] ?? 'nothing';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
