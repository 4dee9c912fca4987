/**
 * Attempts in the browser's localStorage, under versioned keys:
 * - `scalelab:interview:v1:active:{problemId}` — the mock in progress on a
 *   problem (at most one per problem), written on every change;
 * - `scalelab:interview:v1:history` — finished attempts, newest last, at most
 *   HISTORY_LIMIT (the oldest are dropped).
 * A stored copy that no longer validates is moved to `{key}:unreadable`
 * rather than overwritten, so nothing is silently lost.
 */
import { stableJson } from '@/lib/design/stable-json';
import { writeJson, type StorageWrite } from '@/lib/browser/storage-write';
import { isCompleted, parseAttempt, type Attempt, type CompletedAttempt } from './attempt';

export const KEY_PREFIX = 'scalelab:interview:v1';
export const HISTORY_KEY = `${KEY_PREFIX}:history`;
export const HISTORY_LIMIT = 100;

export function activeKey(problemId: string): string {
  return `${KEY_PREFIX}:active:${problemId}`;
}

export type WriteResult = StorageWrite;

function setAside(storage: Storage, key: string, text: string) {
  try {
    storage.setItem(`${key}:unreadable`, text);
    storage.removeItem(key);
  } catch {
    // Leave it; the next write replaces it.
  }
}

function read(storage: Storage, key: string): { text: string | null; value: unknown } {
  let text: string | null = null;
  try {
    text = storage.getItem(key);
  } catch {
    return { text: null, value: null };
  }
  if (text === null) return { text, value: null };
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    return { text, value: undefined };
  }
}

export type ActiveRead = { status: 'none' } | { status: 'ok'; attempt: Attempt } | { status: 'unreadable' };

export function readActive(storage: Storage, problemId: string): ActiveRead {
  const key = activeKey(problemId);
  const { text, value } = read(storage, key);
  if (text === null) return { status: 'none' };
  const attempt = parseAttempt(value);
  if (!attempt || attempt.problemId !== problemId || attempt.finishedAt !== null) {
    setAside(storage, key, text);
    return { status: 'unreadable' };
  }
  return { status: 'ok', attempt };
}

export function writeActive(storage: Storage, attempt: Attempt): WriteResult {
  return writeJson(storage, activeKey(attempt.problemId), attempt);
}

/**
 * The same attempt, whatever the key order of either copy: another tab's is
 * parsed back from storage, this tab's was built by the reducer.
 */
export function sameAttempt(a: Attempt, b: Attempt): boolean {
  return stableJson(a) === stableJson(b);
}

export function clearActive(storage: Storage, problemId: string): void {
  try {
    storage.removeItem(activeKey(problemId));
  } catch {
    // Nothing to do.
  }
}

/** Every problem with a mock in progress, for the library ("Resume"). */
export function listActive(storage: Storage, problemIds: readonly string[]): Attempt[] {
  const out: Attempt[] = [];
  for (const id of problemIds) {
    const { text, value } = read(storage, activeKey(id));
    if (text === null) continue;
    const a = parseAttempt(value);
    if (a && a.finishedAt === null) out.push(a);
  }
  return out;
}

export function readHistory(storage: Storage): CompletedAttempt[] {
  const { text, value } = read(storage, HISTORY_KEY);
  if (text === null) return [];
  const list = (value as { version?: unknown; attempts?: unknown } | null)?.attempts;
  if (!value || (value as { version?: unknown }).version !== 1 || !Array.isArray(list)) {
    setAside(storage, HISTORY_KEY, text);
    return [];
  }
  // Keep every entry that still validates; a single bad one does not cost the rest.
  return list.map(parseAttempt).filter((a): a is CompletedAttempt => a !== null && isCompleted(a));
}

function writeHistory(storage: Storage, attempts: CompletedAttempt[]): WriteResult {
  return writeJson(storage, HISTORY_KEY, { version: 1, attempts: attempts.slice(-HISTORY_LIMIT) });
}

/** Files a finished attempt (replacing one with the same id) and clears the problem's active slot. */
export function saveCompleted(storage: Storage, attempt: CompletedAttempt): WriteResult {
  const list = readHistory(storage).filter((a) => a.id !== attempt.id);
  list.push(attempt);
  list.sort((a, b) => a.finishedAt - b.finishedAt);
  const result = writeHistory(storage, list);
  if (result.ok) clearActive(storage, attempt.problemId);
  return result;
}

export function findAttempt(storage: Storage, id: string): CompletedAttempt | null {
  return readHistory(storage).find((a) => a.id === id) ?? null;
}

export function deleteAttempt(storage: Storage, id: string): WriteResult {
  return writeHistory(
    storage,
    readHistory(storage).filter((a) => a.id !== id),
  );
}

/** The JSON file an attempt exports to (and could be read back from). */
export function attemptExport(attempt: CompletedAttempt, problemTitle: string): string {
  return `${JSON.stringify({ kind: 'scalelab-interview-attempt', version: 1, problemTitle, attempt }, null, 2)}\n`;
}
