/**
 * The pair interview's shared document: one Yjs document per session,
 * synchronised between the interviewer's and the candidate's browsers over
 * the live channel (topic `pair:<sessionId>`), and mapped here, by pure
 * functions, to and from the solo mock's own types (`Attempt`, `Design`), so
 * that the existing reducer, scoring path and components serve it unchanged.
 *
 * Root types, each written by one role only (the server refuses an update
 * that touches a root its sender may not write, see `rootsTouched`):
 * - `design` (candidate): `nodes` and `edges`, each a map id → {order, value},
 *   and `meta` (name, workload);
 * - `answers` (candidate): every attempt field the candidate changes
 *   (`notes` and `tradeoffs` as Y.Text, the rest as JSON under their own
 *   key, so fields added to the attempt later travel as they are), and
 *   `seen`, the curveballs the candidate has read;
 * - `curveballs` (interviewer): id → {deliveredAtMs, atArrival}, delivered
 *   when the interviewer chooses;
 * - `scores` (interviewer): rubric item id → the interviewer's points;
 * - `control` (interviewer): `meta` (problem, level, start, length), `clock`
 *   and `finishedAt`.
 * The interviewer's private notes are not in the document: the candidate
 * receives every update, so they are kept on the server (PairSession row).
 */
import * as Y from 'yjs';
import {
  attemptSchema,
  createAttempt,
  type Attempt,
  type CurveballSnapshot,
} from '@/lib/interview/attempt';
import { LEVELS, type Level } from '@/lib/interview/levels';
import type { Problem } from '@/lib/interview/schema';
import { designSchema } from '@/lib/design/schema';
import type { Design, DesignEdge, DesignNode } from '@/lib/engine/data';

export type Role = 'interviewer' | 'candidate';

export const ROOTS = ['design', 'answers', 'curveballs', 'scores', 'control'] as const;
export type RootName = (typeof ROOTS)[number];

/** The roots each role may change; one rule, used by the server's check and by the tests. */
export const WRITABLE: Record<Role, ReadonlySet<RootName>> = {
  candidate: new Set<RootName>(['design', 'answers']),
  interviewer: new Set<RootName>(['curveballs', 'scores', 'control']),
};

/** Attempt fields the document keeps elsewhere than `answers` (or derives). */
const NOT_ANSWERS = new Set<keyof Attempt>([
  'version',
  'id',
  'problemId',
  'mode',
  'level',
  'penalizeOvertime',
  'durationMs',
  'startedAt',
  'clock',
  'design',
  'curveballs',
  'finishedAt',
  'review',
]);
const TEXT_FIELDS = ['notes', 'tradeoffs'] as const;

export interface PairMeta {
  problemId: string;
  level: Level;
  /** Epoch ms the session was created (its clock starts then). */
  startedAt: number;
  durationMs: number;
}

export interface DeliveredCurveball {
  /** Elapsed ms on the interview's clock when the interviewer delivered it. */
  deliveredAtMs: number;
  atArrival: CurveballSnapshot | null;
}

type Entry<T> = { order: number; value: T };

const jsonEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function designMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('design');
}
function answersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('answers');
}
function controlMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('control');
}
export function curveballsMap(doc: Y.Doc): Y.Map<DeliveredCurveball> {
  return doc.getMap('curveballs');
}
export function scoresMap(doc: Y.Doc): Y.Map<number> {
  return doc.getMap('scores');
}

/**
 * The document a new session starts from, made once on the server: every
 * nested type is created here, so two browsers never create the same one
 * concurrently (one of the two would be lost).
 */
export function createPairDoc(problem: Problem, options: { level: Level; minutes: number; now: number }): Y.Doc {
  const doc = new Y.Doc();
  const start = createAttempt(problem, { mode: 'practice', minutes: options.minutes, now: options.now, level: options.level });
  doc.transact(() => {
    const control = controlMap(doc);
    const meta: PairMeta = {
      problemId: problem.id,
      level: options.level,
      startedAt: options.now,
      durationMs: start.durationMs,
    };
    control.set('meta', meta);
    control.set('clock', start.clock);
    control.set('finishedAt', null);
    const design = designMap(doc);
    design.set('nodes', new Y.Map());
    design.set('edges', new Y.Map());
    const answers = answersMap(doc);
    for (const f of TEXT_FIELDS) answers.set(f, new Y.Text(start[f]));
    answers.set('seen', []);
    writeDesign(doc, start.design);
  });
  return doc;
}

/* ---- Design ---- */

function entries<T>(m: Y.Map<unknown> | undefined): Entry<T>[] {
  if (!m) return [];
  const out: (Entry<T> & { id: string })[] = [];
  m.forEach((v, id) => out.push({ ...(v as Entry<T>), id }));
  // Insertion order on each browser may differ; the order number (then the id) does not.
  out.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

/** The candidate's design as the document holds it (not validated: see `readPair`). */
export function readDesign(doc: Y.Doc): Design {
  const design = designMap(doc);
  const meta = (design.get('meta') ?? {}) as Pick<Design, 'name' | 'workload'>;
  return {
    schemaVersion: 1,
    ...(meta.name !== undefined ? { name: meta.name } : {}),
    ...(meta.workload !== undefined ? { workload: meta.workload } : {}),
    nodes: entries<DesignNode>(design.get('nodes') as Y.Map<unknown>).map((e) => e.value),
    edges: entries<DesignEdge>(design.get('edges') as Y.Map<unknown>).map((e) => e.value),
  };
}

function writeItems<T extends { id: string }>(m: Y.Map<unknown>, items: readonly T[]) {
  const keep = new Set(items.map((i) => i.id));
  for (const id of [...m.keys()]) if (!keep.has(id)) m.delete(id);
  let next = entries<T>(m).reduce((max, e) => Math.max(max, e.order), -1) + 1;
  for (const item of items) {
    const old = m.get(item.id) as Entry<T> | undefined;
    if (old && jsonEqual(old.value, item)) continue;
    m.set(item.id, { order: old ? old.order : next++, value: item });
  }
}

/** Writes only what differs between the document's design and `design` (one node or edge per change). */
export function writeDesign(doc: Y.Doc, design: Design) {
  doc.transact(() => {
    const m = designMap(doc);
    const meta = { name: design.name, workload: design.workload };
    if (!jsonEqual(m.get('meta'), meta)) m.set('meta', meta);
    writeItems(m.get('nodes') as Y.Map<unknown>, design.nodes);
    writeItems(m.get('edges') as Y.Map<unknown>, design.edges);
  });
}

/* ---- Text ---- */

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Replaces a Y.Text's content with `next` by one delete and one insert around the common prefix and suffix. */
export function setText(t: Y.Text, next: string) {
  const prev = t.toString();
  if (prev === next) return;
  let s = 0;
  while (s < prev.length && s < next.length && prev.charCodeAt(s) === next.charCodeAt(s)) s++;
  // Never split a surrogate pair.
  if (s > 0 && isHigh(prev.charCodeAt(s - 1))) s--;
  let e = 0;
  while (e < prev.length - s && e < next.length - s && prev.charCodeAt(prev.length - 1 - e) === next.charCodeAt(next.length - 1 - e)) e++;
  if (e > 0 && isLow(prev.charCodeAt(prev.length - e))) e--;
  if (prev.length - s - e > 0) t.delete(s, prev.length - s - e);
  if (next.length - s - e > 0) t.insert(s, next.slice(s, next.length - e));
}

/* ---- Reading the whole document as an attempt ---- */

export interface PairView {
  meta: PairMeta;
  /** The candidate's attempt, as the solo mock's types, in practice mode (both see the model's numbers). */
  attempt: Attempt;
  /** Every curveball the interviewer delivered, by id. */
  delivered: Record<string, DeliveredCurveball>;
  /** The interviewer's points per rubric item id (absent: not scored yet). */
  scores: Record<string, number>;
  /** Fields of the document that did not validate and were read as their starting value. */
  problems: string[];
}

function readMeta(doc: Y.Doc): PairMeta | null {
  const meta = controlMap(doc).get('meta') as PairMeta | undefined;
  if (!meta || typeof meta.problemId !== 'string' || !LEVELS.includes(meta.level)) return null;
  return meta;
}

/**
 * The document as the mock's own types. Every candidate-written field is
 * checked against the attempt's schema; one that fails is read as it was at
 * the start and named in `problems` (the server refuses such updates, so
 * this only guards a browser against a document it did not check).
 */
export function readPair(doc: Y.Doc, problem: Problem, sessionId: string): PairView | null {
  const meta = readMeta(doc);
  if (!meta || meta.problemId !== problem.id) return null;
  const base = createAttempt(problem, {
    mode: 'practice',
    minutes: meta.durationMs / 60_000,
    now: meta.startedAt,
    level: meta.level,
    id: sessionId,
  });
  const problems: string[] = [];
  const shape = attemptSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  const out: Record<string, unknown> = { ...base, durationMs: meta.durationMs };
  answersMap(doc).forEach((value, key) => {
    if (key === 'seen' || NOT_ANSWERS.has(key as keyof Attempt)) return;
    const raw = value instanceof Y.Text ? value.toString() : value;
    const schema = shape[key];
    if (!schema) {
      // A field this build does not know (added by a newer build): kept as it is.
      out[key] = raw;
      return;
    }
    const r = schema.safeParse(raw);
    if (r.success) out[key] = r.data;
    else problems.push(key);
  });
  const control = controlMap(doc);
  const clock = attemptSchema.shape.clock.safeParse(control.get('clock'));
  if (clock.success) out.clock = clock.data;
  const finishedAt = control.get('finishedAt');
  out.finishedAt = typeof finishedAt === 'number' ? finishedAt : null;

  const design = designSchema.safeParse(readDesign(doc));
  if (design.success) out.design = design.data;
  else problems.push('design');

  const seenRaw = answersMap(doc).get('seen');
  const seen = new Set(Array.isArray(seenRaw) ? seenRaw.filter((x): x is string => typeof x === 'string') : []);
  const delivered: Record<string, DeliveredCurveball> = {};
  curveballsMap(doc).forEach((v, id) => {
    if (problem.curveballs.some((c) => c.id === id) && v && typeof v.deliveredAtMs === 'number') delivered[id] = v;
  });
  // Only delivered curveballs are part of the attempt: the interviewer chooses when (and whether) each comes.
  out.curveballs = problem.curveballs
    .filter((c) => delivered[c.id])
    .map((c) => ({
      id: c.id,
      dueMs: delivered[c.id].deliveredAtMs,
      deliveredAtMs: delivered[c.id].deliveredAtMs,
      atArrival: delivered[c.id].atArrival ?? null,
      seen: seen.has(c.id),
    }));
  out.review = null;

  const scores: Record<string, number> = {};
  scoresMap(doc).forEach((v, id) => {
    if (typeof v === 'number' && Number.isFinite(v)) scores[id] = v;
  });
  return { meta, attempt: out as unknown as Attempt, delivered, scores, problems };
}

/* ---- Writing: the candidate's changes ---- */

/**
 * Writes the candidate's side of `next` into the document: only the fields
 * that differ from `prev` (the attempt the change was made on), text as an
 * edit of the Y.Text, the design node by node, the curveballs read as
 * `seen`. Fields owned by the interviewer (clock, curveballs delivered) are
 * never written from here.
 */
export function writeCandidate(doc: Y.Doc, prev: Attempt, next: Attempt) {
  if (prev === next) return;
  doc.transact(() => {
    const answers = answersMap(doc);
    for (const key of Object.keys(next) as (keyof Attempt)[]) {
      if (NOT_ANSWERS.has(key)) continue;
      const value = next[key];
      if ((TEXT_FIELDS as readonly string[]).includes(key)) {
        const t = answers.get(key);
        if (t instanceof Y.Text) setText(t, value as string);
        continue;
      }
      if (!jsonEqual(prev[key], value) || !answers.has(key)) answers.set(key, value);
    }
    if (prev.design !== next.design) writeDesign(doc, next.design);
    const seen = next.curveballs.filter((c) => c.seen).map((c) => c.id);
    if (!jsonEqual(answers.get('seen'), seen)) answers.set('seen', seen);
  });
}

/* ---- Writing: the interviewer's changes ---- */

/** Delivers a curveball now (once: a second delivery of the same one changes nothing). */
export function deliverCurveball(doc: Y.Doc, curveballId: string, deliveredAtMs: number, atArrival: CurveballSnapshot | null) {
  const m = curveballsMap(doc);
  if (m.has(curveballId)) return;
  m.set(curveballId, { deliveredAtMs, atArrival });
}

/** The interviewer's points for one rubric line; null clears it. */
export function setScore(doc: Y.Doc, itemId: string, points: number | null) {
  const m = scoresMap(doc);
  if (points === null) m.delete(itemId);
  else if (m.get(itemId) !== points) m.set(itemId, points);
}

/** Stops the clock and ends the interview (the interviewer's call). */
export function finishPair(doc: Y.Doc, now: number) {
  const control = controlMap(doc);
  if (typeof control.get('finishedAt') === 'number') return;
  const clock = control.get('clock') as Attempt['clock'];
  doc.transact(() => {
    const elapsed = clock.elapsedMs + (clock.runningSince === null ? 0 : Math.max(0, now - clock.runningSince));
    control.set('clock', { elapsedMs: elapsed, runningSince: null });
    control.set('finishedAt', now);
  });
}

/* ---- Who changed what ---- */

/** The root a (possibly nested) shared type belongs to, by name; null for one no root holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types by their event type
type AnyType = Y.AbstractType<any>;
function rootName(doc: Y.Doc, type: AnyType): string | null {
  let t: AnyType = type;
  while (t._item !== null) {
    const parent = t._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    t = parent;
  }
  for (const [name, root] of doc.share) if (root === t) return name;
  return null;
}

export type ApplyResult =
  | { ok: true; roots: string[] }
  | { ok: false; reason: 'missing' | 'malformed'; roots: string[] };

/**
 * Applies `update` to `doc` and answers which roots it changed (insertions
 * and deletions alike). `missing`: the update depends on changes the
 * document does not have (it is left pending in `doc`; throw the copy away).
 */
export function applyAndInspect(doc: Y.Doc, update: Uint8Array): ApplyResult {
  const roots = new Set<string>();
  const onTransaction = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) roots.add(rootName(doc, type) ?? '(unknown)');
  };
  doc.on('afterTransaction', onTransaction);
  try {
    Y.applyUpdate(doc, update);
  } catch {
    return { ok: false, reason: 'malformed', roots: [...roots] };
  } finally {
    doc.off('afterTransaction', onTransaction);
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
    return { ok: false, reason: 'missing', roots: [...roots] };
  return { ok: true, roots: [...roots] };
}

/** The roots in `roots` that `role` may not write. */
export function forbiddenRoots(role: Role, roots: readonly string[]): string[] {
  return roots.filter((r) => !WRITABLE[role].has(r as RootName));
}

/* ---- Encoding ---- */

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function docFromState(state: string | Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, typeof state === 'string' ? fromBase64(state) : state);
  return doc;
}
