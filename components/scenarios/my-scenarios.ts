/**
 * Scenarios this browser created or opened with a manage link, so the
 * instructor can find their dashboards again from /teach. Kept only in this
 * browser's storage, like a bookmark.
 */
import { storeItem } from '@/lib/browser/browser-state';

export interface SavedScenario {
  slug: string;
  title: string;
  manageUrl: string;
  savedAt: string;
  /** Archived by the instructor: listed apart from the active scenarios. */
  archived?: boolean;
}

export const SAVED_SCENARIOS_KEY = 'scalelab:teach:scenarios';

export function parseSavedScenarios(raw: string | null | undefined): SavedScenario[] {
  try {
    const list = JSON.parse(raw ?? '[]') as unknown;
    return Array.isArray(list)
      ? list.filter((s): s is SavedScenario => !!s && typeof s.slug === 'string' && typeof s.manageUrl === 'string' && typeof s.title === 'string')
      : [];
  } catch {
    return [];
  }
}

function current(): SavedScenario[] {
  try {
    return parseSavedScenarios(localStorage.getItem(SAVED_SCENARIOS_KEY));
  } catch {
    return [];
  }
}

export function saveScenario(entry: Omit<SavedScenario, 'savedAt'>): void {
  const list = current();
  const existing = list.find((s) => s.slug === entry.slug);
  if (existing && existing.title === entry.title && existing.manageUrl === entry.manageUrl && !!existing.archived === !!entry.archived) return;
  storeItem(SAVED_SCENARIOS_KEY, JSON.stringify([{ ...entry, savedAt: new Date().toISOString() }, ...list.filter((s) => s.slug !== entry.slug)].slice(0, 50)));
}

export function forgetScenario(slug: string): void {
  storeItem(SAVED_SCENARIOS_KEY, JSON.stringify(current().filter((s) => s.slug !== slug)));
}
