/**
 * An in-memory `Storage` for tests of what the app keeps in localStorage.
 * `failWrites` makes every write throw as a full storage does; `quotaBytes`
 * only writes longer than it.
 */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  failWrites = false;
  quotaBytes = Infinity;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites || value.length > this.quotaBytes) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(key, String(value));
  }
}
