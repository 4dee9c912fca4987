/**
 * The learning path's progress, kept in this browser only:
 *
 * - `scalelab:progress:v1` = { done: { [lessonId]: isoDate } } — a lesson is
 *   done once its stage challenge has passed on the lesson's canvas.
 * - `scalelab:lesson:v1:<lessonId>` = { version: 1, savedAt, design } — the
 *   lesson canvas's autosave, first written on the learner's first change
 *   (opening a lesson writes nothing); its presence makes a lesson
 *   "in progress".
 * - `scalelab:lesson-unreadable:v1:<lessonId>` — a saved lesson design that
 *   no longer reads (corrupt, or from a version that validated differently),
 *   set aside rather than overwritten by the next edit.
 *
 * Nothing is locked: the status only tells a learner where they are.
 * Every read tolerates missing, blocked or corrupt storage.
 */
import { parseDesign, type DesignNotice } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';
import { writeJson, type StorageWrite } from '@/lib/browser/storage-write';

export const PROGRESS_KEY = 'scalelab:progress:v1';
export const LESSON_DESIGN_PREFIX = 'scalelab:lesson:v1:';

export const lessonDesignKey = (lessonId: string) => `${LESSON_DESIGN_PREFIX}${lessonId}`;
export const lessonDesignBackupKey = (lessonId: string) => `scalelab:lesson-unreadable:v1:${lessonId}`;

export interface Progress {
  done: Record<string, string>;
}

export type LessonStatus = 'done' | 'in-progress' | 'not-started';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function safeGet(storage: StorageLike, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Parses the stored progress; anything unreadable counts as no progress. */
export function parseProgress(text: string | null): Progress {
  if (!text) return { done: {} };
  try {
    const raw = JSON.parse(text) as unknown;
    const done = (raw as { done?: unknown } | null)?.done;
    if (!done || typeof done !== 'object' || Array.isArray(done)) return { done: {} };
    const out: Record<string, string> = {};
    for (const [id, at] of Object.entries(done)) if (typeof at === 'string') out[id] = at;
    return { done: out };
  } catch {
    return { done: {} };
  }
}

export function readProgress(storage: StorageLike): Progress {
  return parseProgress(safeGet(storage, PROGRESS_KEY));
}

/**
 * Marks a lesson done (keeping the first date it was done). Returns the new
 * progress and whether it changed anything.
 */
export function markLessonDone(storage: StorageLike, lessonId: string, now: Date = new Date()): { progress: Progress; changed: boolean } {
  const progress = readProgress(storage);
  if (progress.done[lessonId]) return { progress, changed: false };
  const next: Progress = { done: { ...progress.done, [lessonId]: now.toISOString() } };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(next));
  } catch {
    return { progress, changed: false };
  }
  return { progress: next, changed: true };
}

export function lessonStatus(progress: Progress, lessonId: string, hasDraft: boolean): LessonStatus {
  if (progress.done[lessonId]) return 'done';
  return hasDraft ? 'in-progress' : 'not-started';
}

/** "Where you are": the first lesson, in reading order, that is not done; null when all are. */
export function continueHere(lessonIds: readonly string[], progress: Progress): string | null {
  return lessonIds.find((id) => !progress.done[id]) ?? null;
}

/** `notices`: what loading the saved design dropped (a param its kind does not take). */
export type LessonDesignRead = { status: 'empty' } | { status: 'ok'; design: Design; notices: DesignNotice[] } | { status: 'unreadable' };

/**
 * The lesson canvas's saved design. One that no longer validates is moved to
 * its backup key (so the next autosave cannot overwrite it) and reported as
 * unreadable; blocked storage reads as empty.
 */
export function readLessonDesign(storage: StorageLike, lessonId: string): LessonDesignRead {
  const key = lessonDesignKey(lessonId);
  const text = safeGet(storage, key);
  if (!text) return { status: 'empty' };
  let design: Design | null = null;
  let notices: DesignNotice[] = [];
  try {
    const record = JSON.parse(text) as { design?: unknown } | null;
    const parsed = parseDesign(record?.design);
    if (parsed.ok) {
      design = parsed.design;
      notices = parsed.notices;
    }
  } catch {
    // Not JSON: set aside below.
  }
  if (design) return { status: 'ok', design, notices };
  try {
    storage.setItem(lessonDesignBackupKey(lessonId), text);
    storage.removeItem(key);
  } catch {
    // Keep it where it is; only the next save would replace it.
  }
  return { status: 'unreadable' };
}

/** What a learner is told when their lesson design cannot be saved (`reason` from `writeLessonDesign`). */
export function lessonSaveFailed(reason: string): string {
  return `This lesson’s design could not be saved: ${reason}. Your changes stay on this page until you leave or reload it.`;
}

export function writeLessonDesign(storage: StorageLike, lessonId: string, design: Design, now: Date = new Date()): StorageWrite {
  return writeJson(storage, lessonDesignKey(lessonId), { version: 1, savedAt: now.toISOString(), design });
}

/** A lesson's check: the stage judge's verdict (lib/editor/judge.ts, run in the scoring worker). */
export type { ChallengeCheck } from '@/lib/editor/judge';
