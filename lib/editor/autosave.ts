/**
 * Autosave of the sandbox design to localStorage: written a moment after the
 * last edit (debounced) and at once when the page is hidden or closed, under
 * a versioned key. Reading validates the document like any import; a stored
 * copy that no longer validates is set aside under a backup key rather than
 * overwritten, so nothing is lost.
 */
import { parseDesign, type DesignIssue, type DesignNotice } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';
import { stableJson } from '@/lib/design/stable-json';
import { writeJson, type StorageWrite } from '@/lib/browser/storage-write';
import { designOf, onlyMeasured, type EditorStore } from './store';

export const AUTOSAVE_KEY = 'scalelab:sandbox:v1';
export const AUTOSAVE_BACKUP_KEY = 'scalelab:sandbox:v1:unreadable';
/** Quiet time after the last committed change before a design is saved (or reported to its page), ms: the one debounce of every mode (see session.ts). */
export const SAVE_DELAY_MS = 300;

export interface AutosaveRecord {
  version: 1;
  savedAt: string;
  design: Design;
}

export type AutosaveRead =
  | { status: 'empty' }
  /** `notices`: what loading the saved copy dropped (a param its kind does not take). */
  | { status: 'ok'; design: Design; savedAt: string; notices: DesignNotice[] }
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
  return { status: 'ok', design: parsed.design, savedAt: String(r.savedAt ?? ''), notices: parsed.notices };
}

export type AutosaveWrite = StorageWrite;

export function writeAutosave(storage: Storage, design: Design, now = new Date()): AutosaveWrite {
  const record: AutosaveRecord = { version: 1, savedAt: now.toISOString(), design };
  return writeJson(storage, AUTOSAVE_KEY, record);
}

/** The same design, whatever the key order it was written with. */
export function sameDesign(a: Design, b: Design): boolean {
  return stableJson(a) === stableJson(b);
}

export interface Autosave {
  /** Writes a pending save now (page hide, unload). */
  flush(): void;
  stop(): void;
  /** A change of this tab's is waiting to be written (or is held). */
  unsaved(): boolean;
  /** Shows `design` without saving it: it is what storage already holds. Undo brings back what the tab showed. */
  adopt(design: Design): void;
  /**
   * Stops writing until `release`: another tab saved while this one had a
   * change of its own waiting, and the user chooses which to keep.
   */
  hold(): void;
  /** Writes again from now on; with `saveNow`, this tab's design at once. */
  release(saveNow: boolean): void;
}

/**
 * Saves the sandbox's design to `storage` whenever it changes, `delayMs`
 * after the last change (React Flow measuring the cards is not a change).
 */
export function startAutosave(
  store: EditorStore,
  storage: Storage,
  onError: (message: string) => void,
  delayMs = SAVE_DELAY_MS,
): Autosave {
  return startSaving(store, (design) => writeAutosave(storage, design), (reason) => onError(`Autosave failed: ${reason}. Export the design to keep it.`), delayMs);
}

/**
 * Saves the store's design with `write` whenever it changes, `delayMs` after
 * the last change (React Flow measuring the cards is not a change), with the
 * bookkeeping a page open in two tabs needs (see `Autosave`). `onError` hears
 * why the first of a run of writes failed (e.g. "the browser storage is full").
 */
export function startSaving(
  store: EditorStore,
  write: (design: Design) => AutosaveWrite,
  onError: (message: string) => void,
  delayMs = SAVE_DELAY_MS,
): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  let held = false;
  let dirty = false;
  let adopting = false;
  const save = () => {
    timer = null;
    dirty = false;
    const result = write(designOf(store.getState()));
    if (!result.ok && !failing) onError(result.error);
    failing = !result.ok;
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (adopting || onlyMeasured(prev.graph, state.graph)) return;
    dirty = true;
    if (held) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      save();
    }
  };
  return {
    flush,
    stop() {
      unsubscribe();
      flush();
    },
    unsaved: () => dirty,
    adopt(design) {
      adopting = true;
      try {
        store.getState().loadDesign(design, 'record');
      } finally {
        adopting = false;
      }
    },
    hold() {
      held = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    release(saveNow) {
      held = false;
      if (saveNow) save();
      else dirty = false;
    },
  };
}
