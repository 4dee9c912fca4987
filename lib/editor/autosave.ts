/**
 * Autosave of the sandbox design to localStorage: written a moment after the
 * last edit (debounced) and at once when the page is hidden or closed, under
 * a versioned key. Reading validates the document like any import; a stored
 * copy that no longer validates is set aside under a backup key rather than
 * overwritten, so nothing is lost.
 */
import { parseDesign, type DesignIssue } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/types';
import { designOf, type EditorStore } from './store';

export const AUTOSAVE_KEY = 'scalelab:sandbox:v1';
export const AUTOSAVE_BACKUP_KEY = 'scalelab:sandbox:v1:unreadable';
export const AUTOSAVE_DELAY_MS = 400;

export interface AutosaveRecord {
  version: 1;
  savedAt: string;
  design: Design;
}

export type AutosaveRead =
  | { status: 'empty' }
  | { status: 'ok'; design: Design; savedAt: string }
  | { status: 'unreadable'; issues: DesignIssue[] };

export function readAutosave(storage: Storage): AutosaveRead {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { status: 'empty' };
  }
  if (text === null) return { status: 'empty' };
  const setAside = (issues: DesignIssue[]): AutosaveRead => {
    try {
      storage.setItem(AUTOSAVE_BACKUP_KEY, text!);
      storage.removeItem(AUTOSAVE_KEY);
    } catch {
      // Keep it where it is; it will be overwritten only by the next save.
    }
    return { status: 'unreadable', issues };
  };
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (e) {
    return setAside([{ path: '', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const r = record as Partial<AutosaveRecord> | null;
  if (!r || typeof r !== 'object' || r.version !== 1) {
    return setAside([{ path: 'version', message: 'unknown autosave version' }]);
  }
  const parsed = parseDesign(r.design);
  if (!parsed.ok) return setAside(parsed.issues);
  return { status: 'ok', design: parsed.design, savedAt: String(r.savedAt ?? '') };
}

export type AutosaveWrite = { ok: true } | { ok: false; error: string };

export function writeAutosave(storage: Storage, design: Design, now = new Date()): AutosaveWrite {
  const record: AutosaveRecord = { version: 1, savedAt: now.toISOString(), design };
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(record));
    return { ok: true };
  } catch (e) {
    const quota = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
    return { ok: false, error: quota ? 'the browser storage is full' : e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Saves the store's graph whenever it changes, `delayMs` after the last
 * change. `flush` writes a pending save now (page hide, unload).
 */
export function startAutosave(
  store: EditorStore,
  storage: Storage,
  onError: (message: string) => void,
  delayMs = AUTOSAVE_DELAY_MS,
): { flush(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  const save = () => {
    timer = null;
    const result = writeAutosave(storage, designOf(store.getState()));
    if (!result.ok && !failing) onError(`Autosave failed: ${result.error}. Export the design to keep it.`);
    failing = !result.ok;
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.graph === prev.graph) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  return {
    flush() {
      if (timer) {
        clearTimeout(timer);
        save();
      }
    },
    stop() {
      unsubscribe();
      if (timer) {
        clearTimeout(timer);
        save();
      }
    },
  };
}
