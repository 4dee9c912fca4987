/** The outcome of writing to the browser's storage: a failure says why, in words a user can act on. */
export type StorageWrite = { ok: true } | { ok: false; error: string };

/**
 * Writes `value` as JSON under `key`. Storage that is full (the quota) or
 * blocked (private modes, disabled cookies) throws; that becomes the reason.
 */
export function writeJson(storage: Pick<Storage, 'setItem'>, key: string, value: unknown): StorageWrite {
  try {
    storage.setItem(key, JSON.stringify(value));
    return { ok: true };
  } catch (e) {
    const quota = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
    return { ok: false, error: quota ? 'the browser storage is full' : e instanceof Error ? e.message : String(e) };
  }
}
