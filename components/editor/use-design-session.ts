'use client';

import { useEffect, useRef, useState } from 'react';
import type { Design } from '@/lib/engine/types';
import { startSession, type DesignSlot, type Session, type SlotRead } from '@/lib/editor/session';
import { createEditorStore, type EditorStore, type EditorStoreOptions } from '@/lib/editor/store';
import { useOtherTab } from './use-other-tab';

export interface DesignSessionOptions extends Omit<EditorStoreOptions, 'design'> {
  /** The design the store starts from, before any saved one is restored (read once). */
  initial?: Design | (() => Design);
  /** A design one Undo away from `initial` (the store starts from it, then `initial` is loaded on top). */
  undo?: Design | null;
  /** Where the design is kept in this browser (`sandboxSlot`, `lessonSlot`); null: not saved here. Read when the session starts. */
  slot?: (() => DesignSlot) | null;
  /** Restarts the session when it changes (e.g. the lesson's id); the store stays. */
  slotKey?: string;
  /** Hears the design a moment after each committed change, at once on page hide and on unmount. */
  onChange?: (design: Design) => void;
  /** After the restore, before the editor shows as ready. */
  onRestored?: (read: SlotRead, store: EditorStore) => void;
  /** Fits the canvas once restored. */
  fit?: boolean;
}

/**
 * One editor store and its session (lib/editor/session.ts): created from
 * `initial`, restored from the slot, saved with the one debounce, flushed on
 * page hide and on unmount, watched for another tab saving the same slot.
 * `banner` is `OtherTabBanner`'s props while the user chooses between this
 * tab's version and another's (null otherwise); `session` is null until the
 * effect has run.
 */
export function useDesignSession(options: DesignSessionOptions): { store: EditorStore; banner: ReturnType<typeof useOtherTab>['banner']; session: Session | null } {
  const [store] = useState<EditorStore>(() => {
    const design = typeof options.initial === 'function' ? options.initial() : options.initial;
    const { lockedNodeIds, lockedStart, allowedKinds, readOnly } = options;
    if (!options.undo) return createEditorStore({ design, lockedNodeIds, lockedStart, allowedKinds, readOnly });
    const s = createEditorStore({ design: options.undo, lockedNodeIds, lockedStart, allowedKinds, readOnly });
    if (design) s.getState().loadDesign(design, 'record');
    return s;
  });
  const { watch, banner } = useOtherTab();
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const [session, setSession] = useState<Session | null>(null);
  const hasSlot = !!options.slot;
  const fit = options.fit ?? false;
  useEffect(() => {
    const o = latest.current;
    const started = startSession(store, {
      slot: o.slot ? o.slot() : null,
      onChange: o.onChange ? (design) => latest.current.onChange?.(design) : undefined,
      onRestored: (read) => latest.current.onRestored?.(read, store),
      fit,
      watch,
    });
    // The session lives exactly as long as this effect.
    setSession(started);
    return () => {
      started.stop();
      setSession(null);
    };
  }, [store, watch, hasSlot, options.slotKey, fit]);
  return { store, banner, session };
}
