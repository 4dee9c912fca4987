/**
 * A design session, the part every mode shares and no React: where the
 * design is kept (a `DesignSlot`), restoring it into the editor store,
 * saving it a moment after each change (ONE debounce for every mode,
 * `SAVE_DELAY_MS`), reporting changes to a page that keeps the design itself,
 * flushing what waits when the page is hidden or the editor goes, and the
 * watcher for another tab saving the same slot.
 *
 * `components/editor/use-design-session.ts` is the React side (store
 * creation, the other-tab banner).
 */
import { describeNotices, parseDesign, type DesignNotice } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';
import { lessonDesignKey, lessonSaveFailed, readLessonDesign, writeLessonDesign } from '@/lib/learn/progress';
import { writeJson, type StorageWrite } from '@/lib/browser/storage-write';
import { AUTOSAVE_KEY, readAutosave, SAVE_DELAY_MS, sameDesign, startSaving, writeAutosave, type Autosave } from './autosave';
import type { OtherTabPage } from './other-tab';
import { onPageHide } from './page-hide';
import { designOf, onlyMeasured, type EditorStore } from './store';

export { SAVE_DELAY_MS };

export type SlotRead = { status: 'empty' } | { status: 'ok'; design: Design; notices: DesignNotice[] } | { status: 'unreadable' };

/** Where a mode keeps its design in this browser, and what the user is told about it. */
export interface DesignSlot {
  /** The localStorage key: another tab writing it is heard. */
  key: string;
  read(): SlotRead;
  write(design: Design): StorageWrite;
  /** A saved design was restored; `notices` says what loading it dropped. */
  restored(notices: DesignNotice[]): string;
  /** The saved design could not be read (it was set aside, not lost). */
  unreadable: string;
  saveFailed(reason: string): string;
  /** This tab now shows what another tab saved. */
  followed: string;
}

/** The sandbox's one design (`scalelab:sandbox:v1`). */
export function sandboxSlot(storage: Storage): DesignSlot {
  return {
    key: AUTOSAVE_KEY,
    read: () => readAutosave(storage),
    write: (design) => writeAutosave(storage, design),
    restored: (notices) => `Your autosaved design was restored. ${describeNotices(notices)}`,
    unreadable: 'Your autosaved design could not be read, so the sandbox starts empty. The old copy was kept in this browser’s storage.',
    saveFailed: (reason) => `Autosave failed: ${reason}. Export the design to keep it.`,
    followed: 'This design was changed in another tab, so this tab now shows that version. Undo brings back what was here.',
  };
}

/** A lesson canvas's design (`scalelab:lesson:v1:<id>`). */
export function lessonSlot(storage: Storage, lessonId: string): DesignSlot {
  return {
    key: lessonDesignKey(lessonId),
    read: () => readLessonDesign(storage, lessonId),
    write: (design) => writeLessonDesign(storage, lessonId, design),
    restored: (notices) => `Your saved design for this lesson was restored. ${describeNotices(notices)}`,
    unreadable:
      'Your saved design for this lesson could not be read, so the lesson starts from its starting design. The old copy was kept in this browser’s storage.',
    saveFailed: lessonSaveFailed,
    followed: 'This lesson’s design was changed in another tab, so this tab now shows that version. Undo brings back what was here.',
  };
}

export interface SessionOptions {
  /** Where the design is kept; absent: nothing is saved here (the page keeps it through `onChange`). */
  slot?: DesignSlot | null;
  /** Hears the design a moment after each committed change (and at once on page hide and when the session stops). */
  onChange?: (design: Design) => void;
  /** Runs after the saved design is restored and saving has started, before the editor shows as ready (the sandbox's shared copy). */
  onRestored?: (read: SlotRead) => void;
  /** Fits the canvas to the design once restored. */
  fit?: boolean;
  /** Starts the two-tab watcher on the slot's key (`useOtherTab().watch`). */
  watch?: <D>(key: string, page: OtherTabPage<D>) => () => void;
  delayMs?: number;
}

export interface Session {
  /** The slot's saver (null without a slot). */
  saving: Autosave | null;
  /** Writes and reports what is waiting, now. */
  flush(): void;
  /** Stops saving and watching; what is waiting is written first. */
  stop(): void;
}

/** Starts a session on `store`: restore, save, report, flush on hide, watch the other tabs. */
export function startSession(store: EditorStore, options: SessionOptions): Session {
  const { slot = null, onChange, onRestored, fit = false, watch } = options;
  const delayMs = options.delayMs ?? SAVE_DELAY_MS;
  const s = store.getState();
  const notify = (message: string, tone: 'info' | 'success' | 'error') => store.getState().notify(message, tone);

  const read: SlotRead = slot ? slot.read() : { status: 'empty' };
  if (read.status === 'ok') {
    s.loadDesign(read.design, 'reset');
    if (read.notices.length > 0) notify(slot!.restored(read.notices), 'info');
  } else if (read.status === 'unreadable') {
    notify(slot!.unreadable, 'error');
  }

  // Saving starts after the restore: opening a page saves nothing (a lesson only opened is not "in progress").
  // A failed write is reported once, until one succeeds.
  const saving = slot ? startSaving(store, slot.write, (reason) => notify(slot.saveFailed(reason), 'error'), delayMs) : null;

  let timer: ReturnType<typeof setTimeout> | null = null;
  const report = () => {
    timer = null;
    onChange?.(designOf(store.getState()));
  };
  const unsubscribe = onChange
    ? store.subscribe((state, prev) => {
        if (onlyMeasured(prev.graph, state.graph)) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(report, delayMs);
      })
    : () => {};

  onRestored?.(read);
  store.getState().setHydrated();
  if (fit) store.getState().requestFit();

  const flush = () => {
    saving?.flush();
    if (timer) {
      clearTimeout(timer);
      report();
    }
  };
  const stopFlushOnHide = onPageHide(flush);
  const stopWatching =
    slot && saving && watch
      ? watch<Design>(slot.key, {
          read: () => {
            const r = slot.read();
            return r.status === 'ok' ? r.design : null;
          },
          mine: () => designOf(store.getState()),
          same: sameDesign,
          saving,
          notify,
          followed: slot.followed,
        })
      : () => {};

  return {
    saving,
    flush,
    stop() {
      stopWatching();
      stopFlushOnHide();
      unsubscribe();
      // Leaving inside the app (a link, Back) unmounts the editor without hiding the page: what waits is written now.
      if (timer) {
        clearTimeout(timer);
        report();
      }
      saving?.stop();
    },
  };
}

/* ---------- a lesson's design to the sandbox and back ---------- */

/** Where a design travels between a lesson and the sandbox (this tab only: sessionStorage). */
export const HANDOFF_KEY = 'scalelab:handoff:v1';
/** The lesson the sandbox's design came from, so the sandbox can offer the way back (this tab only). */
export const SANDBOX_FROM_LESSON_KEY = 'scalelab:sandbox-from-lesson:v1';

/** The lesson a design belongs to: enough to name it and link back. */
export interface LessonRef {
  lessonId: string;
  title: string;
  href: string;
}

export interface Handoff extends LessonRef {
  /** Which page takes it: the sandbox (opened from the lesson) or the lesson (brought back). */
  to: 'sandbox' | 'lesson';
  design: Design;
}

type SessionStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function writeHandoff(storage: SessionStorageLike, handoff: Handoff): StorageWrite {
  return writeJson(storage, HANDOFF_KEY, { version: 1, ...handoff });
}

/**
 * Takes (reads and removes) the design waiting for `to` (and for `lessonId`
 * when a lesson takes it); null when there is none, it is for another page,
 * or it no longer reads.
 */
export function takeHandoff(storage: SessionStorageLike, to: Handoff['to'], lessonId?: string): (LessonRef & { design: Design; notices: DesignNotice[] }) | null {
  let text: string | null = null;
  try {
    text = storage.getItem(HANDOFF_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Partial<Handoff> & { version?: unknown };
    if (raw?.version !== 1 || raw.to !== to || (lessonId !== undefined && raw.lessonId !== lessonId)) return null;
    storage.removeItem(HANDOFF_KEY);
    const parsed = parseDesign(raw.design);
    if (!parsed.ok || typeof raw.lessonId !== 'string' || typeof raw.title !== 'string' || typeof raw.href !== 'string') return null;
    return { lessonId: raw.lessonId, title: raw.title, href: raw.href, design: parsed.design, notices: parsed.notices };
  } catch {
    return null;
  }
}

/** The lesson the sandbox's design came from (null when none, or unreadable). */
export function readSandboxLesson(storage: SessionStorageLike): LessonRef | null {
  try {
    const raw = JSON.parse(storage.getItem(SANDBOX_FROM_LESSON_KEY) ?? 'null') as Partial<LessonRef> | null;
    if (!raw || typeof raw.lessonId !== 'string' || typeof raw.title !== 'string' || typeof raw.href !== 'string') return null;
    return { lessonId: raw.lessonId, title: raw.title, href: raw.href };
  } catch {
    return null;
  }
}

export function writeSandboxLesson(storage: SessionStorageLike, lesson: LessonRef | null): void {
  try {
    if (lesson) storage.setItem(SANDBOX_FROM_LESSON_KEY, JSON.stringify(lesson));
    else storage.removeItem(SANDBOX_FROM_LESSON_KEY);
  } catch {
    // Only the way back is lost; the design is in the sandbox.
  }
}
