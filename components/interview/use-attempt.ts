'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createAttempt,
  type Attempt,
  type AttemptAction,
  type CompletedAttempt,
  type Mode,
} from '@/lib/interview/attempt';
import type { Level } from '@/lib/interview/levels';
import { openAttemptTab, type AttemptTab } from '@/lib/interview/attempt-saving';
import type { Problem } from '@/lib/interview/schema';
import type { Design } from '@/lib/engine/data';
import { onOtherTabWrite, warnBeforeLeaving } from '@/lib/editor/other-tab';
import { onPageHide } from '@/lib/editor/page-hide';
import { activeKey, clearActive, saveCompleted } from '@/lib/interview/storage';

export type AttemptState =
  | { status: 'loading' }
  | { status: 'setup'; notice: string | null }
  /**
   * `synced` counts the times this tab took up another tab's save (a key for
   * what holds its own copy). `undoDesign`: when the user chose the other
   * tab's version over this tab's design, that design, one Undo away on the
   * canvas.
   */
  | { status: 'active'; attempt: Attempt; synced: number; notice: string | null; undoDesign?: Design | null };

/**
 * The mock in progress on one problem. Every change is written to
 * localStorage at once, inside the call that makes it (not in an effect), so
 * even a change made as the page is being hidden or reloaded is kept; the
 * canvas's edits a moment after the last one, and at once when the page is
 * hidden. When another tab saves the same mock, this tab takes up that
 * version if it has nothing unsaved of its own, so its next change cannot
 * overwrite newer work; if it has, saving here waits and `banner` holds the
 * actions of `OtherTabBanner` until the user chooses which version to keep
 * (see `openAttemptTab`).
 */
export function useAttempt(problem: Problem) {
  const [state, setState] = useState<AttemptState>({ status: 'loading' });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  // Leaving while the choice is open would drop this tab's unsaved change: the browser asks first.
  useEffect(() => (choosing ? warnBeforeLeaving() : undefined), [choosing]);
  const tab = useRef<AttemptTab | null>(null);
  const failing = useRef(false);
  const synced = useRef(0);

  useEffect(() => {
    const show = (attempt: Attempt) => setState({ status: 'active', attempt, synced: synced.current, notice: null });
    const t = openAttemptTab(localStorage, problem.id, {
      shown: show,
      adopted(theirs, undoDesign) {
        synced.current += 1;
        setState({ status: 'active', attempt: theirs, synced: synced.current, notice: null, undoDesign });
      },
      notify: (notice) => setState((s) => (s.status === 'active' ? { ...s, notice } : s)),
      ended: (notice) => setState({ status: 'setup', notice }),
      choosing: setChoosing,
      wrote(r) {
        if (r.ok === !failing.current) return;
        failing.current = !r.ok;
        setSaveError(r.ok ? null : `Your progress could not be saved (${r.error}). Keep this tab open.`);
      },
    });
    tab.current = t;
    const r = t.load();
    synced.current = 0;
    // Restoring from the browser's storage can only happen after mounting.
    if (r.status === 'ok') show(r.attempt);
    else
      setState({
        status: 'setup',
        notice:
          r.status === 'unreadable'
            ? 'A saved attempt on this problem could not be read, so it was set aside. Start a new one.'
            : null,
      });
    const stopWatching = onOtherTabWrite(activeKey(problem.id), t.heard);
    const stopFlushOnHide = onPageHide(t.saving.flush);
    return () => {
      stopWatching();
      stopFlushOnHide();
      t.saving.flush();
      setChoosing(false);
      if (tab.current === t) tab.current = null;
    };
  }, [problem.id]);

  const dispatch = useCallback((action: AttemptAction) => {
    const next = tab.current?.saving.apply(action);
    if (next) setState({ status: 'active', attempt: next, synced: synced.current, notice: null });
  }, []);

  /** The canvas changed; `design` reads it. The attempt takes it in a moment after the last change. */
  const editDesign = useCallback((design: () => Design) => tab.current?.saving.edit(design), []);

  const start = useCallback(
    (mode: Mode, minutes: number, level?: Level) => {
      const attempt = createAttempt(problem, { mode, minutes, now: Date.now(), level });
      tab.current?.saving.begin(attempt);
      setState({ status: 'active', attempt, synced: synced.current, notice: null });
    },
    [problem],
  );

  const abandon = useCallback(() => {
    clearActive(localStorage, problem.id);
    tab.current?.ended();
    setState({ status: 'setup', notice: null });
  }, [problem.id]);

  /** Files a finished attempt in the history (and clears the active slot). */
  const file = useCallback((done: CompletedAttempt) => {
    const r = saveCompleted(localStorage, done);
    if (r.ok) tab.current?.ended();
    return r;
  }, []);

  const banner = choosing
    ? { onKeepMine: () => tab.current?.keepMine(), onTakeTheirs: () => tab.current?.takeTheirs() }
    : null;

  return { state, dispatch, editDesign, start, abandon, file, saveError, banner };
}
