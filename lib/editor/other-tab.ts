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
