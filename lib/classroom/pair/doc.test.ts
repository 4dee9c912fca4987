import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attemptReducer, createAttempt, mayLeaveDesign, unseenCurveballs, type Attempt, type AttemptAction } from '@/lib/interview/attempt';
import { getProblem } from '@/lib/interview/problems';
import { reviewAttempt } from '@/lib/interview/scoring';
import { T0 } from '@/lib/interview/test-helpers';
import {
  createPairDoc,
  deliverCurveball,
  docFromState,
  finishPair,
  readDesign,
  readPair,
  setScore,
  setText,
  toBase64,
  fromBase64,
  writeCandidate,
  writeDesign,
} from './doc';

const problem = getProblem('url-shortener')!;
const SID = 'session-0001';

/** A second browser: a copy of `doc`, each receiving the other's later updates. */
function mirror(doc: Y.Doc): Y.Doc {
  const other = docFromState(Y.encodeStateAsUpdate(doc));
  doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(other, u, 'remote'));
  other.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(doc, u, 'remote'));
  return other;
}

/** The candidate's side: an attempt read from the document, changed by the mock's own reducer, written back. */
function act(doc: Y.Doc, action: AttemptAction): Attempt {
  const before = readPair(doc, problem, SID)!.attempt;
  const after = attemptReducer(before, action);
  writeCandidate(doc, before, after);
  return after;
}

describe('the pair document as an attempt', () => {
  it('starts as a fresh practice attempt at the chosen level and length', () => {
    const doc = createPairDoc(problem, { level: 'staff', minutes: 30, now: T0 });
    const view = readPair(doc, problem, SID)!;
    const fresh = createAttempt(problem, { mode: 'practice', minutes: 30, now: T0, level: 'staff', id: SID });
    expect(view.problems).toEqual([]);
    // No curveball is part of the attempt until the interviewer delivers it.
    expect(view.attempt).toEqual({ ...fresh, curveballs: [] });
    expect(view.scores).toEqual({});
  });

  it("carries the candidate's answers and design to the other browser, as the same attempt", () => {
    const doc = createPairDoc(problem, { level: 'senior', minutes: 45, now: T0 });
    const interviewer = mirror(doc);
    act(doc, { type: 'notes', text: 'create short links\nredirect fast' });
    act(doc, { type: 'ask', questionId: problem.questions[0].id, now: T0 + 60_000 });
    act(doc, { type: 'estimates', inputs: { peakRps: 4000, storage: { value: 2, unit: 'TB' }, bandwidth: { value: null, unit: 'MB/s' } } });
    act(doc, { type: 'go', phase: 'estimation', now: T0 + 120_000 });
    act(doc, { type: 'design', design: problem.reference.design });
    const mine = readPair(doc, problem, SID)!.attempt;
    const theirs = readPair(interviewer, problem, SID)!.attempt;
    expect(theirs).toEqual(mine);
    expect(theirs.notes).toBe('create short links\nredirect fast');
    expect(theirs.asked.map((q) => q.id)).toEqual([problem.questions[0].id]);
    expect(theirs.estimates.peakRps).toBe(4000);
    expect(theirs.phase).toBe('estimation');
    expect(theirs.design.nodes.map((n) => n.id)).toEqual(problem.reference.design.nodes.map((n) => n.id));
    expect(theirs.design.edges).toEqual(problem.reference.design.edges);
    // The model's numbers are the solo mock's: the same review for the same attempt.
    expect(reviewAttempt(problem, theirs)).toEqual(reviewAttempt(problem, { ...mine }));
    expect(reviewAttempt(problem, theirs).target.passed).toBe(true);
  });

  it('keeps one node order on both sides whatever order the nodes arrived in', () => {
    const a = createPairDoc(problem, { level: 'senior', minutes: 45, now: T0 });
    const b = docFromState(Y.encodeStateAsUpdate(a));
    writeDesign(a, problem.reference.design);
    const update = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    Y.applyUpdate(b, update);
    expect(readDesign(b).nodes).toEqual(readDesign(a).nodes);
    // Moving one node sends that node only, not the whole design.
    const moved = {
      ...problem.reference.design,
      nodes: problem.reference.design.nodes.map((n, i) => (i === 1 ? { ...n, position: { x: 999, y: 9 } } : n)),
    };
    const sv = Y.encodeStateVector(a);
    writeDesign(a, moved);
    const diff = Y.encodeStateAsUpdate(a, sv);
    expect(diff.byteLength).toBeLessThan(JSON.stringify(moved.nodes[1]).length + 120);
    Y.applyUpdate(b, diff);
    expect(readDesign(b).nodes[1].position).toEqual({ x: 999, y: 9 });
    // Removing a node removes it (and its edges, as the editor does) on the other side.
    const fewer = { ...moved, nodes: moved.nodes.slice(0, 2), edges: moved.edges.filter((e) => moved.nodes.slice(0, 2).some((n) => n.id === e.source) && moved.nodes.slice(0, 2).some((n) => n.id === e.target)) };
    const sv2 = Y.encodeStateVector(a);
    writeDesign(a, fewer);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, sv2));
    expect(readDesign(b)).toEqual(readDesign(a));
    expect(readDesign(b).nodes).toHaveLength(2);
  });

  it('sends a keystroke as a small text edit, and keeps characters outside the BMP whole', () => {
    const doc = new Y.Doc();
    const t = doc.getText('t');
    setText(t, 'cache 😀 then db');
    const sv = Y.encodeStateVector(doc);
    setText(t, 'cache 😀 then the db');
    expect(Y.encodeStateAsUpdate(doc, sv).byteLength).toBeLessThan(40);
    expect(t.toString()).toBe('cache 😀 then the db');
    setText(t, 'cache 😁 then the db');
    expect(t.toString()).toBe('cache 😁 then the db');
    setText(t, '');
    expect(t.toString()).toBe('');
  });

  it('shows a curveball to the candidate when the interviewer delivers it, and only then', () => {
    const doc = createPairDoc(problem, { level: 'senior', minutes: 45, now: T0 });
    const candidate = mirror(doc);
    act(candidate, { type: 'go', phase: 'estimation', now: T0 });
    act(candidate, { type: 'go', phase: 'design', now: T0 });
    // Nothing arrives on the clock: an hour in, no curveball yet.
    expect(readPair(candidate, problem, SID)!.attempt.curveballs).toEqual([]);
    const spec = problem.curveballs[1];
    deliverCurveball(doc, spec.id, 600_000, { outcome: 'failed', errorRate: 0.4, p95ReadMs: 900, reasons: ['x'] });
    const a = readPair(candidate, problem, SID)!.attempt;
    expect(unseenCurveballs(a).map((c) => c.id)).toEqual([spec.id]);
    expect(mayLeaveDesign(a)).toBe(false);
    act(candidate, { type: 'seen', curveballId: spec.id });
    const b = readPair(doc, problem, SID)!.attempt;
    expect(b.curveballs).toEqual([
      { id: spec.id, dueMs: 600_000, deliveredAtMs: 600_000, atArrival: { outcome: 'failed', errorRate: 0.4, p95ReadMs: 900, reasons: ['x'] }, seen: true },
    ]);
    // Undelivered curveballs do not hold the candidate in the design phase…
    expect(mayLeaveDesign(b)).toBe(true);
    // …and are not scored.
    const review = reviewAttempt(problem, b);
    expect(review.items.find((i) => i.id === `curveball:${problem.curveballs[0].id}`)?.max).toBe(0);
    expect(review.items.find((i) => i.id === `curveball:${spec.id}`)?.max).toBeGreaterThan(0);
    // A second delivery changes nothing.
    deliverCurveball(doc, spec.id, 900_000, null);
    expect(readPair(doc, problem, SID)!.delivered[spec.id].deliveredAtMs).toBe(600_000);
  });

  it("keeps the interviewer's scores and the end of the interview", () => {
    const doc = createPairDoc(problem, { level: 'senior', minutes: 45, now: T0 });
    const other = mirror(doc);
    setScore(doc, 'capacity', 12);
    setScore(doc, 'cost', 4);
    setScore(doc, 'cost', null);
    finishPair(doc, T0 + 50 * 60_000);
    const v = readPair(other, problem, SID)!;
    expect(v.scores).toEqual({ capacity: 12 });
    expect(v.attempt.finishedAt).toBe(T0 + 50 * 60_000);
    expect(v.attempt.clock).toEqual({ elapsedMs: 50 * 60_000, runningSince: null });
    // A finished attempt takes no more changes from the candidate's reducer.
    expect(act(other, { type: 'notes', text: 'late' }).notes).toBe('');
  });

  it('reads a field that does not validate as it started, and names it', () => {
    const doc = createPairDoc(problem, { level: 'senior', minutes: 45, now: T0 });
    doc.getMap('answers').set('estimates', { peakRps: 'lots' });
    doc.getMap('answers').set('phase', 'nowhere');
    const v = readPair(doc, problem, SID)!;
    expect(v.problems.sort()).toEqual(['estimates', 'phase']);
    expect(v.attempt.phase).toBe('requirements');
    expect(v.attempt.estimates.peakRps).toBeNull();
    // Another problem's document is not read as this one.
    expect(readPair(doc, getProblem('pastebin')!, SID)).toBeNull();
  });

  it('round-trips state through base64', () => {
    const doc = createPairDoc(problem, { level: 'mid', minutes: 45, now: T0 });
    act(doc, { type: 'notes', text: 'ünïcode ✓' });
    const copy = docFromState(fromBase64(toBase64(Y.encodeStateAsUpdate(doc))));
    expect(readPair(copy, problem, SID)).toEqual(readPair(doc, problem, SID));
  });
});
