'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { onOtherTabWrite, otherTabSync, warnBeforeLeaving, type OtherTabPage, type OtherTabSync } from '@/lib/editor/other-tab';

/**
 * The two-tab watcher of a page that keeps a design in localStorage under
 * one key (see `otherTabSync` for what it decides). `watch(key, page)` starts
 * it, from the effect that starts the page's saving, and returns the function
 * that stops it. `banner` holds `OtherTabBanner`'s actions while the user is
 * choosing which version to keep, and is null otherwise. The choice outlives
 * a restarted watcher: it is the component's, like the banner.
 */
export function useOtherTab() {
  const [choosing, setChoosing] = useState(false);
  // Leaving while the choice is open would drop this tab's unsaved change: the browser asks first.
  useEffect(() => (choosing ? warnBeforeLeaving() : undefined), [choosing]);
  const open = useRef(false);
  const current = useRef<OtherTabSync | null>(null);

  const watch = useCallback(<D>(key: string, page: OtherTabPage<D>) => {
    const sync = otherTabSync(page, {
      isOpen: () => open.current,
      setOpen: (on) => {
        open.current = on;
        setChoosing(on);
      },
    });
    current.current = sync;
    const stop = onOtherTabWrite(key, sync.heard);
    return () => {
      stop();
      if (current.current === sync) current.current = null;
    };
  }, []);

  const banner = choosing
    ? { onKeepMine: () => current.current?.keepMine(), onTakeTheirs: () => current.current?.takeTheirs() }
    : null;
  return { watch, banner };
}
