import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getProblem } from '@/lib/interview/problems';
import { T0 } from '@/lib/interview/test-helpers';
import { checkUpdate } from './check';
import { createPairDoc, deliverCurveball, docFromState, finishPair, readPair, setScore, writeDesign } from './doc';

const problem = getProblem('url-shortener')!;
const SID = 'session-0001';

function session() {
  return Y.encodeStateAsUpdate(createPairDoc(problem, { level: 'senior', minutes: 45, now: T0 }));
}

/** What a browser holding `state` would send after `edit`. */
function updateFrom(state: Uint8Array, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = docFromState(state);
  const sv = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, sv);
}

describe('which role may change what', () => {
  const state = session();

  it("takes the candidate's design and answers", () => {
    const u = updateFrom(state, (d) => {
      writeDesign(d, problem.reference.design);
      d.getMap('answers').set('phase', 'design');
    });
    const r = checkUpdate(state, u, 'candidate', problem, SID);
    expect(r.ok).toBe(true);
    if (r.ok) expect(readPair(docFromState(r.state), problem, SID)!.attempt.phase).toBe('design');
  });

  it('refuses the candidate delivering a curveball', () => {
    const u = updateFrom(state, (d) => deliverCurveball(d, problem.curveballs[0].id, 1000, null));
    expect(checkUpdate(state, u, 'candidate', problem, SID)).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/candidate may not change the curveballs/) });
  });

  it('refuses the candidate writing a score, or ending the interview', () => {
    const score = updateFrom(state, (d) => setScore(d, 'capacity', 20));
    expect(checkUpdate(state, score, 'candidate', problem, SID)).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/the scores/) });
    const end = updateFrom(state, (d) => finishPair(d, T0 + 1000));
    expect(checkUpdate(state, end, 'candidate', problem, SID)).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/the clock/) });
    // Hidden among allowed changes, it is refused all the same.
    const mixed = updateFrom(state, (d) => {
      d.getMap('answers').set('phase', 'design');
      setScore(d, 'capacity', 20);
    });
    expect(checkUpdate(state, mixed, 'candidate', problem, SID)).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses the candidate deleting the interviewer's score", () => {
    const scored = Y.encodeStateAsUpdate(docFromState(state));
    const withScore = docFromState(scored);
    setScore(withScore, 'capacity', 12);
    const s2 = Y.encodeStateAsUpdate(withScore);
    const del = updateFrom(s2, (d) => setScore(d, 'capacity', null));
    expect(checkUpdate(s2, del, 'candidate', problem, SID)).toMatchObject({ ok: false, status: 403 });
    expect(checkUpdate(s2, del, 'interviewer', problem, SID).ok).toBe(true);
  });

  it("takes the interviewer's curveballs and scores, and refuses the interviewer editing the candidate's work", () => {
    const u = updateFrom(state, (d) => {
      deliverCurveball(d, problem.curveballs[0].id, 1000, null);
      setScore(d, 'capacity', 15);
    });
    expect(checkUpdate(state, u, 'interviewer', problem, SID).ok).toBe(true);
    const design = updateFrom(state, (d) => writeDesign(d, problem.reference.design));
    expect(checkUpdate(state, design, 'interviewer', problem, SID)).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/interviewer may not change the design/) });
  });

  it('refuses a new root, an update built on unseen changes, and bytes that are no update', () => {
    const root = updateFrom(state, (d) => d.getMap('mine').set('x', 1));
    expect(checkUpdate(state, root, 'candidate', problem, SID)).toMatchObject({ ok: false, status: 403 });
    // Two edits in a row; the second sent without the first.
    const doc = docFromState(state);
    doc.getMap('answers').set('phase', 'estimation');
    const sv = Y.encodeStateVector(doc);
    doc.getMap('answers').set('phase', 'design');
    const second = Y.encodeStateAsUpdate(doc, sv);
    expect(checkUpdate(state, second, 'candidate', problem, SID)).toMatchObject({ ok: false, status: 409 });
    expect(checkUpdate(state, new Uint8Array([1, 2, 3, 250, 7]), 'candidate', problem, SID)).toMatchObject({ ok: false, status: 422 });
  });

  it('refuses a design or answer that does not validate, or is too large', () => {
    const bad = updateFrom(state, (d) =>
      writeDesign(d, { ...problem.reference.design, nodes: [...problem.reference.design.nodes, { id: 'x1', kind: 'teleporter' as never }] }),
    );
    expect(checkUpdate(state, bad, 'candidate', problem, SID)).toMatchObject({ ok: false, status: 422, error: expect.stringMatching(/design/) });
    const long = updateFrom(state, (d) => (d.getMap('answers').get('notes') as Y.Text).insert(0, 'x'.repeat(20_001)));
    expect(checkUpdate(state, long, 'candidate', problem, SID)).toMatchObject({ ok: false, status: 413 });
    const score = updateFrom(state, (d) => setScore(d, 'capacity', 500));
    expect(checkUpdate(state, score, 'interviewer', problem, SID)).toMatchObject({ ok: false, status: 422 });
  });
});
