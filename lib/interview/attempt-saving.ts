/**
 * How one tab saves the mock in progress, with what a mock open in two tabs
 * needs (a `TabSaving` for `otherTabSync`). Every change is written at once,
 * inside the call that makes it, except the canvas: its edits are taken into
 * the attempt a moment after the last one, and until then they count as
 * unsaved. Before each write the stored copy is compared with the one this
 * tab last wrote or took up, so a save another tab made meanwhile is never
 * written over without the user choosing.
 */
import type { Design } from '@/lib/engine/data';
import { otherTabSync, SHOWING_THEIRS, type OtherTabSync, type TabSaving } from '@/lib/editor/other-tab';
import type { StorageWrite } from '@/lib/browser/storage-write';
import { SAVE_DELAY_MS, sameDesign } from '@/lib/editor/autosave';
import { attemptReducer, type Attempt, type AttemptAction } from './attempt';
import { activeKey, readActive, sameAttempt, writeActive, type ActiveRead } from './storage';

/** How long after the last edit on the canvas the design is taken into the attempt (and saved), ms: every mode's one debounce. */
export const DESIGN_SAVE_DELAY_MS = SAVE_DELAY_MS;

export interface AttemptSavingHooks {
  write(attempt: Attempt): StorageWrite;
  /** Whether the stored copy is another tab's, newer than `base` (what this tab last wrote or took up). */
  changedElsewhere(base: Attempt): boolean;
  /** Another tab's save was found just before a write: decide as if it had just been heard (`otherTabSync.heard`). */
  heardLate(): void;
  /** A canvas edit was taken into the attempt: this tab shows `attempt` now. */
  shown(attempt: Attempt): void;
  /**
   * This tab shows `theirs`, another tab's save, afresh. `undoDesign`: this
   * tab's own design, one Undo away on the canvas (when the user chose the
   * other tab's version over it while on the design); null otherwise.
   */
  adopted(theirs: Attempt, undoDesign: Design | null): void;
}

export interface AttemptSaving extends TabSaving<Attempt> {
  /** What this tab shows, a canvas edit still waiting included; null when no mock is in progress. */
  mine(): Attempt | null;
  /** The mock as read from storage (null: none), as when the page opens. */
  reset(attempt: Attempt | null): void;
  /** Starts a new mock and writes it. */
  begin(attempt: Attempt): void;
  /**
   * Applies `action` after any canvas edit still waiting, and writes the
   * result unless it is finished or saving is held. Returns what this tab
   * shows now, or null when nothing changed.
   */
  apply(action: AttemptAction): Attempt | null;
  /** The canvas changed; `design` reads it. Taken into the attempt `delayMs` after the last change. */
  edit(design: () => Design): void;
  /** Takes a canvas edit still waiting into the attempt now (page hidden, unmounting). */
  flush(): void;
  /** The stored copy is the one this tab shows (another tab saved what it already had). */
  matched(stored: Attempt): void;
}

export function startAttemptSaving(hooks: AttemptSavingHooks, delayMs = DESIGN_SAVE_DELAY_MS): AttemptSaving {
  let current: Attempt | null = null;
  /** The stored copy as this tab last wrote or took it up: what it shows has nothing unsaved while it matches. */
  let base: Attempt | null = null;
  let pending: (() => Design) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let held = false;
  /** The user chose the other tab's version: this tab's design, kept for Undo when it is taken up. */
  let giving: Design | null = null;

  const clearPending = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  /** `current` with the canvas edit still waiting taken in (and no longer waiting). */
  const takePending = () => {
    const read = pending;
    clearPending();
    if (read && current) current = attemptReducer(current, { type: 'design', design: read() });
    return current;
  };
  const save = (attempt: Attempt, overwrite: boolean) => {
    if (held || attempt.finishedAt !== null) return;
    if (!overwrite && base !== null && hooks.changedElsewhere(base)) {
      hooks.heardLate();
      // Held (the user chooses), or this tab took the other's version up: nothing of its own to write.
      if (held || current !== attempt) return;
    }
    if (hooks.write(attempt).ok) base = attempt;
  };
  const apply = (action: AttemptAction): Attempt | null => {
    const before = current;
    if (!before) return null;
    const folded = takePending()!;
    const next = attemptReducer(folded, action);
    if (next === before) return null;
    current = next;
    save(next, false);
    return current === next ? next : null;
  };

  const mine = (): Attempt | null => {
    if (!current) return null;
    return pending ? attemptReducer(current, { type: 'design', design: pending() }) : current;
  };

  return {
    mine,
    reset(attempt) {
      clearPending();
      held = false;
      giving = null;
      current = attempt;
      base = attempt;
    },
    begin(attempt) {
      clearPending();
      current = attempt;
      base = null;
      save(attempt, true);
    },
    apply,
    edit(design) {
      if (!current) return;
      pending = design;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const read = pending;
        pending = null;
        if (!read) return;
        const next = apply({ type: 'design', design: read() });
        if (next) hooks.shown(next);
      }, delayMs);
    },
    flush() {
      if (!timer || !pending) return;
      const before = current;
      const next = takePending();
      if (next && next !== before) {
        save(next, false);
        if (current === next) hooks.shown(next);
      }
    },
    matched(stored) {
      base = stored;
    },
    unsaved: (mine) => base === null || !sameAttempt(mine, base),
    hold() {
      held = true;
    },
    release(saveNow) {
      held = false;
      if (saveNow) {
        const before = current;
        const next = takePending();
        if (!next) return;
        if (next !== before) hooks.shown(next);
        save(next, true);
      } else {
        giving = mine()?.design ?? null;
      }
    },
    adopt(theirs) {
      clearPending();
      const mineDesign = giving;
      giving = null;
      current = theirs;
      base = theirs;
      hooks.adopted(
        theirs,
        mineDesign && theirs.phase === 'design' && !sameDesign(mineDesign, theirs.design) ? mineDesign : null,
      );
    },
  };
}

export const FOLLOWED = 'This interview was continued in another tab, so this tab now shows where it is.';
export const ENDED_ELSEWHERE =
  'This interview was finished or abandoned in another tab. Finished attempts are in your history.';
export const SHOWING_THEIRS_ONLY = 'Showing the other tab’s version.';

/** What a tab of the mock shows, as far as saving and the other tabs change it. */
export interface AttemptTabView {
  /** A canvas edit was taken into the attempt: this tab shows `attempt`. */
  shown(attempt: Attempt): void;
  /** This tab shows `theirs`, another tab's save, afresh; `undoDesign` as in `AttemptSavingHooks.adopted`. */
  adopted(theirs: Attempt, undoDesign: Design | null): void;
  /** A notice about the other tab (replaces the one shown). */
  notify(message: string): void;
  /** The mock was finished or abandoned in another tab: this tab goes back to the setup. */
  ended(message: string): void;
  /** Whether the user is asked which version to keep. */
  choosing(open: boolean): void;
  /** The outcome of every write (to say when saving fails). */
  wrote(result: StorageWrite): void;
}

export interface AttemptTab extends OtherTabSync {
  saving: AttemptSaving;
  /** The mock as stored now, when the page opens (null: none). */
  load(): ActiveRead;
  /** No mock in progress here any more (abandoned or filed by this tab): no choice stays open. */
  ended(): void;
}

/**
 * One tab of the mock on `problemId`: its saving, and its two-tab watcher
 * (`otherTabSync` over whole attempts). Feed `heard` from `onOtherTabWrite`.
 * A tab with nothing unsaved follows another tab's save (and says so); one
 * with a change of its own waiting, even a canvas edit not yet taken into the
 * attempt, holds its saving and asks which version to keep.
 */
export function openAttemptTab(
  storage: Storage,
  problemId: string,
  view: AttemptTabView,
  delayMs = DESIGN_SAVE_DELAY_MS,
): AttemptTab {
  const key = activeKey(problemId);
  let open = false;
  let undoable = false;
  const choice = {
    isOpen: () => open,
    setOpen(on: boolean) {
      if (on === open) return;
      open = on;
      view.choosing(on);
    },
  };
  const read = () => {
    const r = readActive(storage, problemId);
    return r.status === 'ok' ? r.attempt : null;
  };
  const saving = startAttemptSaving(
    {
      write(attempt) {
        const r = writeActive(storage, attempt);
        view.wrote(r);
        return r;
      },
      changedElsewhere(base) {
        let text: string | null;
        try {
          text = storage.getItem(key);
        } catch {
          return false;
        }
        // Most often the stored copy is exactly what this tab wrote last.
        if (text === null || text === JSON.stringify(base)) return false;
        const stored = read();
        return stored !== null && !sameAttempt(stored, base);
      },
      heardLate: () => heard(),
      shown: view.shown,
      adopted(theirs, undoDesign) {
        undoable = undoDesign !== null;
        view.adopted(theirs, undoDesign);
      },
    },
    delayMs,
  );
  const sync = otherTabSync<Attempt>(
    {
      read,
      mine: saving.mine,
      same: sameAttempt,
      saving,
      matched: saving.matched,
      notify: (message) => view.notify(message),
      followed: FOLLOWED,
      tookTheirs: () => (undoable ? SHOWING_THEIRS : SHOWING_THEIRS_ONLY),
    },
    choice,
  );
  function heard() {
    const r = readActive(storage, problemId);
    if (r.status === 'none') {
      if (!saving.mine()) return;
      saving.reset(null);
      choice.setOpen(false);
      view.ended(ENDED_ELSEWHERE);
      return;
    }
    sync.heard();
  }
  return {
    saving,
    heard,
    keepMine: sync.keepMine,
    takeTheirs: sync.takeTheirs,
    load() {
      const r = readActive(storage, problemId);
      saving.reset(r.status === 'ok' ? r.attempt : null);
      return r;
    },
    ended() {
      saving.reset(null);
      choice.setOpen(false);
    },
  };
}
