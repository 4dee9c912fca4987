import type { NoticeTone } from './store';

/**
 * Calls `onChange` when another tab of this browser writes, removes or
 * clears the localStorage item `key`, and when the page comes back from the
 * back/forward cache (it heard nothing while it was frozen there). Browsers
 * fire `storage` only in the other tabs, never in the one that wrote, so a
 * tab never hears its own saves. Returns the function that stops listening.
 */
export function onOtherTabWrite(key: string, onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key !== null && e.key !== key) return;
    try {
      if (e.storageArea !== localStorage) return;
    } catch {
      return;
    }
    onChange();
  };
  const onShow = (e: PageTransitionEvent) => {
    if (e.persisted) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener('pageshow', onShow);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('pageshow', onShow);
  };
}

/**
 * Asks the browser to confirm leaving the page, until the returned function
 * is called. Meant only for the moments when leaving would lose work: a
 * `beforeunload` listener keeps some browsers from caching the page.
 */
export function warnBeforeLeaving(): () => void {
  const listener = (e: BeforeUnloadEvent) => {
    e.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', listener);
  return () => window.removeEventListener('beforeunload', listener);
}

/**
 * How a page saves its design, as far as the two-tab watcher needs it (an
 * `Autosave` is one).
 */
export interface TabSaving<D> {
  /** This tab has a change of its own not written yet; `mine` is what it shows now. */
  unsaved(mine: D): boolean;
  /** Stops writing while the user chooses which version to keep. */
  hold(): void;
  /** Writes again from now on; with `saveNow`, this tab's version at once. */
  release(saveNow: boolean): void;
  /** Shows `theirs` without writing it back; Undo brings back what the tab showed. */
  adopt(theirs: D): void;
}

/** What differs between the pages that keep a design in localStorage. */
export interface OtherTabPage<D> {
  /** The version stored now, or null when there is none that reads. */
  read(): D | null;
  /** What this tab shows now, or null when there is nothing to compare yet. */
  mine(): D | null;
  same(a: D, b: D): boolean;
  saving: TabSaving<D>;
  /** The stored version is the one this tab shows (another tab saved what it already had). */
  matched?(stored: D): void;
  notify(message: string, tone: NoticeTone): void;
  /** The notice when this tab follows another tab's save. */
  followed: string;
  /** The notice when the user chose the other tab's version (`SHOWING_THEIRS` unless given), once it is shown. */
  tookTheirs?(theirs: D): string;
}

/** Whether the user is choosing between this tab's version and another's. */
export interface TabChoice {
  isOpen(): boolean;
  setOpen(open: boolean): void;
}

export interface OtherTabSync {
  /** Another tab wrote: follow it, hold this tab's own change, or ignore it. */
  heard(): void;
  /** The user chose this tab's version: it is written, and the other tab follows. */
  keepMine(): void;
  /** The user chose the other tab's version: shown, with this tab's one Undo away. */
  takeTheirs(): void;
}

export const KEPT_MINE = 'Kept this tab’s version; the other tab will show it too.';
export const THEIRS_UNREADABLE = 'The other tab’s version could not be read, so this tab’s version was kept.';
export const SHOWING_THEIRS = 'Showing the other tab’s version. Undo brings back this tab’s.';

function localChoice(): TabChoice {
  let open = false;
  return {
    isOpen: () => open,
    setOpen: (on) => {
      open = on;
    },
  };
}

/**
 * The decisions of a page that keeps a design in localStorage while the same
 * page may be open in another tab. When another tab saves, a tab with nothing
 * unsaved of its own follows (and says so); a tab with a change of its own
 * waiting holds its saving and asks the user which version to keep, so
 * neither tab's work is dropped without them deciding. A save that matches
 * what this tab shows changes nothing, and so does any save while the user
 * is choosing. Feed `heard` from `onOtherTabWrite`.
 */
export function otherTabSync<D>(page: OtherTabPage<D>, choice: TabChoice = localChoice()): OtherTabSync {
  const { saving } = page;
  return {
    heard() {
      // Read even while the user chooses: reading sets aside a save that no longer reads, before an answer could overwrite it.
      const theirs = page.read();
      if (theirs === null || choice.isOpen()) return;
      const mine = page.mine();
      if (mine === null) return;
      if (page.same(theirs, mine)) {
        page.matched?.(theirs);
        return;
      }
      if (saving.unsaved(mine)) {
        saving.hold();
        choice.setOpen(true);
        return;
      }
      saving.adopt(theirs);
      page.notify(page.followed, 'info');
    },
    keepMine() {
      choice.setOpen(false);
      saving.release(true);
      page.notify(KEPT_MINE, 'success');
    },
    takeTheirs() {
      choice.setOpen(false);
      const theirs = page.read();
      if (theirs === null) {
        saving.release(true);
        page.notify(THEIRS_UNREADABLE, 'error');
        return;
      }
      saving.release(false);
      saving.adopt(theirs);
      page.notify(page.tookTheirs?.(theirs) ?? SHOWING_THEIRS, 'success');
    },
  };
}
