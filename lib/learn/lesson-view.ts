/**
 * How a learner left a lesson page, kept per lesson in this browser so a
 * reload brings it back:
 *
 * - `scalelab:lesson-hints:v1:<lessonId>` = { shown } — how many of the
 *   lesson's hints are revealed;
 * - `scalelab:lesson-split:v1:<lessonId>` = { guide } — the guide's share of
 *   the page's width beside the canvas, in percent.
 *
 * Neither key starts with the lesson design's prefix (`scalelab:lesson:v1:`),
 * whose presence marks a lesson "in progress" on the learning path: reading
 * hints is not working on the canvas. A value that does not read (corrupt, or
 * written by another version) counts as none, and the next change replaces it.
 */
import { z } from 'zod';

export const lessonHintsKey = (lessonId: string) => `scalelab:lesson-hints:v1:${lessonId}`;
export const lessonSplitKey = (lessonId: string) => `scalelab:lesson-split:v1:${lessonId}`;

/** The guide's share of the lesson page's width, in percent. */
export const SPLIT_MIN = 25;
export const SPLIT_MAX = 65;
export const SPLIT_DEFAULT = 40;

export const clampSplit = (v: number) => Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(v)));

const hintsRecord = z.object({ shown: z.number().int().min(0) });
const splitRecord = z.object({ guide: z.number().finite() });

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** How many of a lesson's `count` hints are revealed; 0 when nothing readable is stored. */
export function parseHintsShown(text: string | null, count: number): number {
  const r = hintsRecord.safeParse(parseJson(text));
  return r.success ? Math.min(r.data.shown, count) : 0;
}

/** The stored text for `shown` revealed hints; null (nothing to keep) for none. */
export function serializeHintsShown(shown: number): string | null {
  return shown > 0 ? JSON.stringify({ shown }) : null;
}

/** The stored split, kept within its bounds; the default when nothing readable is stored. */
export function parseSplit(text: string | null): number {
  const r = splitRecord.safeParse(parseJson(text));
  return r.success ? clampSplit(r.data.guide) : SPLIT_DEFAULT;
}

/** The stored text for a split; null (nothing to keep) for the default. */
export function serializeSplit(guide: number): string | null {
  return guide === SPLIT_DEFAULT ? null : JSON.stringify({ guide });
}
