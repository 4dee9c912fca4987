/**
 * Calls `flush` when the page is hidden or unloaded (tab switch, reload,
 * close), where a debounced save still waiting would otherwise be lost.
 * Returns the function that stops listening.
 */
export function onPageHide(flush: () => void): () => void {
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
