/**
 * The server's check of one Yjs update sent by a browser in a pair
 * interview, before it is stored: pure (no database), so the role rules are
 * tested on their own. The update is applied to a copy of the session's
 * merged state; it is refused when it touches a root its sender may not
 * write (the candidate: only the design and the answers; the interviewer:
 * only curveballs, scores and the clock), when what it leaves does not
 * validate, or when the result would outgrow the limits below.
 */
import * as Y from 'yjs';
import type { Problem } from '@/lib/interview/schema';
import { applyAndInspect, docFromState, forbiddenRoots, readPair, type Role } from './doc';

/** One update (an edit batch of the design or a text; a whole large design is about 10 KB): as base64 it must fit a live event (64 KB). */
export const MAX_UPDATE_BYTES = 40 * 1024;
/** The merged document: a large design (200 components, 64 KB as JSON), long answers and their history. */
export const MAX_STATE_BYTES = 1024 * 1024;
/** Components a pair design may have, as a shared design (lib/server/designs.ts). */
export const MAX_COMPONENTS = 200;
/** Characters in one written answer (notes, trade-offs). */
export const MAX_TEXT_CHARS = 20_000;

export type CheckResult =
  | { ok: true; state: Uint8Array; doc: Y.Doc }
  | { ok: false; status: 403 | 409 | 413 | 422; error: string };

const ROLE_WORDS: Record<Role, string> = { candidate: 'the candidate', interviewer: 'the interviewer' };
const ROOT_WORDS: Record<string, string> = {
  design: 'the design',
  answers: 'the answers',
  curveballs: 'the curveballs',
  scores: 'the scores',
  control: 'the clock',
};

export function checkUpdate(
  state: Uint8Array,
  update: Uint8Array,
  role: Role,
  problem: Problem,
  sessionId: string,
): CheckResult {
  const doc = docFromState(state);
  const applied = applyAndInspect(doc, update);
  if (!applied.ok) {
    return applied.reason === 'missing'
      ? { ok: false, status: 409, error: 'The update builds on changes the server does not have; reload to catch up.' }
      : { ok: false, status: 422, error: 'The update is not a valid Yjs update.' };
  }
  const forbidden = forbiddenRoots(role, applied.roots);
  if (forbidden.length > 0) {
    const what = forbidden.map((r) => ROOT_WORDS[r] ?? `"${r.slice(0, 40)}"`).join(', ');
    return { ok: false, status: 403, error: `${ROLE_WORDS[role]} may not change ${what}. Nothing was saved.` };
  }
  const view = readPair(doc, problem, sessionId);
  if (!view) return { ok: false, status: 422, error: 'The update would remove what the session is about. Nothing was saved.' };
  if (view.problems.length > 0)
    return { ok: false, status: 422, error: `The update leaves ${view.problems.join(', ')} invalid. Nothing was saved.` };
  const a = view.attempt;
  if (a.design.nodes.length > MAX_COMPONENTS)
    return { ok: false, status: 413, error: `A design may have at most ${MAX_COMPONENTS} components (this one has ${a.design.nodes.length}).` };
  for (const f of ['notes', 'tradeoffs'] as const)
    if (a[f].length > MAX_TEXT_CHARS)
      return { ok: false, status: 413, error: `${f === 'notes' ? 'The requirements' : 'The trade-offs'} may be at most ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters.` };
  for (const [id, points] of Object.entries(view.scores))
    if (points < 0 || points > 100)
      return { ok: false, status: 422, error: `The score for "${id.slice(0, 60)}" must be between 0 and 100 (got ${points}).` };
  const merged = Y.encodeStateAsUpdate(doc);
  if (merged.byteLength > MAX_STATE_BYTES)
    return { ok: false, status: 413, error: `The interview's document would be larger than ${MAX_STATE_BYTES / 1024} KB.` };
  return { ok: true, state: merged, doc };
}
