'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  attemptReducer,
  createAttempt,
  type Attempt,
  type AttemptAction,
  type CompletedAttempt,
  type Mode,
} from '@/lib/interview/attempt';
import type { Problem } from '@/lib/interview/schema';
import { onOtherTabWrite } from '@/lib/editor/other-tab';
import { activeKey, clearActive, readActive, sameAttempt, saveCompleted, writeActive } from '@/lib/interview/storage';

export type AttemptState =
  | { status: 'loading' }
  | { status: 'setup'; notice: string | null }
  /** `synced` counts the times this tab took up a newer save from another tab (a key for what holds its own copy). */
  | { status: 'active'; attempt: Attempt; synced: number; notice: string | null };

/**
 * The mock in progress on one problem. Every change is written to
 * localStorage at once, inside the call that makes it (not in an effect), so
 * even a change made as the page is being hidden or reloaded is kept. When
 * another tab saves the same mock, this tab takes up that version (it has
 * nothing unsaved of its own), so its next change cannot overwrite newer work.
 */
export function useAttempt(problem: Problem) {
  const [state, setState] = useState<AttemptState>({ status: 'loading' });
  const [saveError, setSaveError] = useState<string | null>(null);
  const current = useRef<Attempt | null>(null);
  const failing = useRef(false);
  const synced = useRef(0);

  const persist = useCallback((attempt: Attempt) => {
    const r = writeActive(localStorage, attempt);
    if (r.ok === !failing.current) return;
    failing.current = !r.ok;
    setSaveError(r.ok ? null : `Your progress could not be saved (${r.error}). Keep this tab open.`);
  }, []);

  useEffect(() => {
    const r = readActive(localStorage, problem.id);
    current.current = r.status === 'ok' ? r.attempt : null;
    synced.current = 0;
    // Restoring from the browser's storage can only happen after mounting.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (r.status === 'ok') setState({ status: 'active', attempt: r.attempt, synced: 0, notice: null });
    else
      setState({
        status: 'setup',
        notice:
          r.status === 'unreadable'
            ? 'A saved attempt on this problem could not be read, so it was set aside. Start a new one.'
            : null,
      });
  }, [problem.id]);

  useEffect(
    () =>
      onOtherTabWrite(activeKey(problem.id), () => {
        const r = readActive(localStorage, problem.id);
        if (r.status === 'ok') {
          if (current.current && sameAttempt(r.attempt, current.current)) return;
          current.current = r.attempt;
          synced.current += 1;
          setState({
            status: 'active',
            attempt: r.attempt,
            synced: synced.current,
            notice: 'This interview was continued in another tab, so this tab now shows where it is.',
          });
        } else if (r.status === 'none' && current.current) {
          current.current = null;
          setState({ status: 'setup', notice: 'This interview was finished or abandoned in another tab. Finished attempts are in your history.' });
        }
      }),
    [problem.id],
  );

  const dispatch = useCallback(
    (action: AttemptAction) => {
      const before = current.current;
      if (!before) return;
      const next = attemptReducer(before, action);
      if (next === before) return;
      current.current = next;
      if (next.finishedAt === null) persist(next);
      setState({ status: 'active', attempt: next, synced: synced.current, notice: null });
    },
    [persist],
  );

  const start = useCallback(
    (mode: Mode, minutes: number) => {
      const attempt = createAttempt(problem, { mode, minutes, now: Date.now() });
      current.current = attempt;
      persist(attempt);
      setState({ status: 'active', attempt, synced: synced.current, notice: null });
    },
    [problem, persist],
  );

  const abandon = useCallback(() => {
    clearActive(localStorage, problem.id);
    current.current = null;
    setState({ status: 'setup', notice: null });
  }, [problem.id]);

  /** Files a finished attempt in the history (and clears the active slot). */
  const file = useCallback((done: CompletedAttempt) => {
    const r = saveCompleted(localStorage, done);
    if (r.ok) current.current = null;
    return r;
  }, []);

  return { state, dispatch, start, abandon, file, saveError };
}
