/**
 * Calls `onChange` when another tab of this browser writes, removes or
 * clears the localStorage item `key`. Browsers fire `storage` only in the
 * other tabs, never in the one that wrote, so a tab never hears its own
 * saves. Returns the function that stops listening.
 */
export function onOtherTabWrite(key: string, onChange: () => void): () => void {
  const listener = (e: StorageEvent) => {
    if (e.key !== null && e.key !== key) return;
    try {
      if (e.storageArea !== localStorage) return;
    } catch {
      return;
    }
    onChange();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

/** Asks the browser to confirm leaving the page while `unsaved()` says work would be lost. */
export function warnBeforeLeaving(unsaved: () => boolean): () => void {
  const listener = (e: BeforeUnloadEvent) => {
    if (!unsaved()) return;
    e.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', listener);
  return () => window.removeEventListener('beforeunload', listener);
}
