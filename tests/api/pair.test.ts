/**
 * The pair interview's API: starting a session, each side's capability,
 * updates checked by role before they are stored and published, the
 * interviewer's private notes, and the live stream's snapshot.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getProblem } from '@/lib/interview/problems';
import { deliverCurveball, docFromState, readPair, setScore, toBase64, writeDesign } from '@/lib/classroom/pair/doc';
import { useTestDatabase } from './test-db';
import { call, newAddress, type Handler } from './scenarios-helpers';

type H = Handler;
const routes = {} as Record<'create' | 'state' | 'notes' | 'updates' | 'stream', H>;
let eventsAfter: typeof import('@/lib/server/live/channel').eventsAfter;
const problem = getProblem('url-shortener')!;

beforeAll(async () => {
  await useTestDatabase();
  routes.create = (await import('@/app/api/pair/route')).POST as H;
  const one = await import('@/app/api/pair/[id]/route');
  routes.state = one.GET as H;
  routes.notes = one.PATCH as H;
  routes.updates = (await import('@/app/api/pair/[id]/updates/route')).POST as H;
  routes.stream = (await import('@/app/api/pair/[id]/stream/route')).GET as H;
  ({ eventsAfter } = await import('@/lib/server/live/channel'));
});

interface Session {
  id: string;
  interviewerKey: string;
  candidateToken: string;
  interviewerUrl: string;
  candidateUrl: string;
}

async function start(): Promise<Session> {
  const res = await call(routes.create, { body: { problemId: problem.id, level: 'senior', minutes: 45 }, address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Session;
}

const asInterviewer = (s: Session) => ({ 'x-pair-key': s.interviewerKey });
const asCandidate = (s: Session) => ({ 'x-pair-token': s.candidateToken });

async function state(s: Session, headers: Record<string, string>) {
  const res = await call(routes.state, { params: { id: s.id }, headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { role: string; state: string; streamKey: string; interviewerNotes?: string };
}

/** The update a browser holding the session's current state would send after `edit`. */
async function updateFor(s: Session, edit: (doc: Y.Doc) => void): Promise<string> {
  const doc = docFromState((await state(s, asInterviewer(s))).state);
  const sv = Y.encodeStateVector(doc);
  edit(doc);
  return toBase64(Y.encodeStateAsUpdate(doc, sv));
}

function send(s: Session, headers: Record<string, string>, update: string) {
  return call(routes.updates, { params: { id: s.id }, headers, body: { update }, address: newAddress() });
}

async function view(s: Session) {
  return readPair(docFromState((await state(s, asInterviewer(s))).state), problem, s.id)!;
}

describe('starting a pair interview', () => {
  it('answers the two links, each secret after #, and keeps only hashes', async () => {
    const s = await start();
    expect(s.interviewerUrl).toBe(`/interview/pair/${s.id}#key=${s.interviewerKey}`);
    expect(s.candidateUrl).toBe(`/interview/pair/${s.id}/candidate#token=${s.candidateToken}`);
    const { db } = await import('@/lib/server/db');
    const row = await db().pairSession.findUniqueOrThrow({ where: { id: s.id } });
    expect(JSON.stringify(row)).not.toContain(s.interviewerKey);
    expect(JSON.stringify(row)).not.toContain(s.candidateToken);
    const v = await view(s);
    expect(v.attempt.phase).toBe('requirements');
    expect(v.meta).toMatchObject({ problemId: problem.id, level: 'senior', durationMs: 45 * 60_000 });
  });

  it('refuses an unknown problem or level, naming it', async () => {
    const res = await call(routes.create, { body: { problemId: 'nope' }, address: newAddress() });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/no problem "nope"/);
    const bad = await call(routes.create, { body: { problemId: problem.id, level: 'principal' }, address: newAddress() });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: string }).error).toMatch(/level/);
  });
});

describe("each side's key", () => {
  it('opens its own session only', async () => {
    const a = await start();
    const b = await start();
    expect((await state(a, asInterviewer(a))).role).toBe('interviewer');
    expect((await state(a, asCandidate(a))).role).toBe('candidate');
    for (const headers of [asInterviewer(b), asCandidate(b), {}, { 'x-pair-key': a.candidateToken }]) {
      const res = await call(routes.state, { params: { id: a.id }, headers });
      expect(res.status).toBe(404);
      const up = await send(a, headers, await updateFor(a, (d) => setScore(d, 'capacity', 3)));
      expect(up.status).toBe(404);
      const notes = await call(routes.notes, { method: 'PATCH', params: { id: a.id }, headers, body: { interviewerNotes: 'x' } });
      expect(notes.status).toBe(404);
    }
    expect((await view(a)).scores).toEqual({});
  });
});

describe('updates, by role', () => {
  it("stores and publishes the candidate's design, and the interviewer sees it", async () => {
    const s = await start();
    const res = await send(s, asCandidate(s), await updateFor(s, (d) => writeDesign(d, problem.reference.design)));
    expect(res.status, await res.clone().text()).toBe(201);
    const { eventId } = (await res.json()) as { eventId: string };
    expect((await view(s)).attempt.design.nodes).toHaveLength(problem.reference.design.nodes.length);
    const events = await eventsAfter(`pair:${s.id}`, null);
    expect(events.map((e) => e.id)).toContain(eventId);
  });

  it('refuses the candidate delivering a curveball or scoring, and stores nothing', async () => {
    const s = await start();
    const before = await eventsAfter(`pair:${s.id}`, null);
    for (const edit of [(d: Y.Doc) => deliverCurveball(d, problem.curveballs[0].id, 1000, null), (d: Y.Doc) => setScore(d, 'capacity', 20)]) {
      const res = await send(s, asCandidate(s), await updateFor(s, edit));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/candidate may not change/);
    }
    const v = await view(s);
    expect(v.delivered).toEqual({});
    expect(v.scores).toEqual({});
    expect(await eventsAfter(`pair:${s.id}`, null)).toEqual(before);
  });

  it("takes the interviewer's curveball and score, and refuses the interviewer's edit of the design", async () => {
    const s = await start();
    const cb = problem.curveballs[0].id;
    const ok = await send(s, asInterviewer(s), await updateFor(s, (d) => {
      deliverCurveball(d, cb, 5000, null);
      setScore(d, 'capacity', 14);
    }));
    expect(ok.status, await ok.clone().text()).toBe(201);
    const v = await view(s);
    expect(Object.keys(v.delivered)).toEqual([cb]);
    expect(v.scores).toEqual({ capacity: 14 });
    const design = await send(s, asInterviewer(s), await updateFor(s, (d) => writeDesign(d, problem.reference.design)));
    expect(design.status).toBe(403);
    expect((await view(s)).attempt.design.nodes).toHaveLength(1);
  });

  it('refuses bodies that are not an update, or too large', async () => {
    const s = await start();
    const notB64 = await send(s, asCandidate(s), 'not base64!');
    expect(notB64.status).toBe(422);
    const garbage = await send(s, asCandidate(s), toBase64(new Uint8Array([1, 2, 3, 250, 7])));
    expect(garbage.status).toBe(422);
    const huge = await send(s, asCandidate(s), 'A'.repeat(200_000));
    expect(huge.status).toBe(413);
  });

  it('keeps both of two updates made at the same time', async () => {
    const s = await start();
    const [a, b] = await Promise.all([
      updateFor(s, (d) => writeDesign(d, problem.reference.design)),
      updateFor(s, (d) => setScore(d, 'cost', 6)),
    ]);
    const [ra, rb] = await Promise.all([send(s, asCandidate(s), a), send(s, asInterviewer(s), b)]);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    const v = await view(s);
    expect(v.scores).toEqual({ cost: 6 });
    expect(v.attempt.design.nodes).toHaveLength(problem.reference.design.nodes.length);
  });
});

describe("the interviewer's private notes", () => {
  it('are written by the interviewer only and never sent to the candidate', async () => {
    const s = await start();
    const res = await call(routes.notes, { method: 'PATCH', params: { id: s.id }, headers: asInterviewer(s), body: { interviewerNotes: 'weak on caching' } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await state(s, asInterviewer(s))).interviewerNotes).toBe('weak on caching');
    const cand = await state(s, asCandidate(s));
    expect(cand).not.toHaveProperty('interviewerNotes');
    expect(JSON.stringify(cand)).not.toContain('weak on caching');
    const byCandidate = await call(routes.notes, { method: 'PATCH', params: { id: s.id }, headers: asCandidate(s), body: { interviewerNotes: 'x' } });
    expect(byCandidate.status).toBe(403);
    expect((await state(s, asInterviewer(s))).interviewerNotes).toBe('weak on caching');
  });
});

describe('the live stream', () => {
  it('opens with the stream key only, and starts with a snapshot of the merged state', async () => {
    const s = await start();
    await send(s, asCandidate(s), await updateFor(s, (d) => writeDesign(d, problem.reference.design)));
    const { streamKey } = await state(s, asCandidate(s));
    const wrong = await call(routes.stream, { params: { id: s.id }, url: `http://test.local/api/pair/${s.id}/stream?s=${s.candidateToken}` });
    expect(wrong.status).toBe(404);
    const other = await start();
    const foreign = await call(routes.stream, { params: { id: other.id }, url: `http://test.local/api/pair/${other.id}/stream?s=${streamKey}` });
    expect(foreign.status).toBe(404);
    const ac = new AbortController();
    const res = await routes.stream(new Request(`http://test.local/api/pair/${s.id}/stream?s=${streamKey}`, { signal: ac.signal }), {
      params: Promise.resolve({ id: s.id, slug: '' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: snapshot')) text += new TextDecoder().decode((await reader.read()).value);
    while (!/event: snapshot\ndata: .*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    ac.abort();
    await reader.cancel().catch(() => {});
    const data = JSON.parse(/event: snapshot\ndata: (.*)\n/.exec(text)![1]) as { state: string };
    expect(readPair(docFromState(data.state), problem, s.id)!.attempt.design.nodes).toHaveLength(problem.reference.design.nodes.length);
  });
  it('deletes a session nobody changed for 30 days: its links answer 404; a session in use stays', async () => {
    const { sweepStalePairSessions, PAIR_RETENTION_DAYS } = await import('@/lib/classroom/pair/repository');
    const { db } = await import('@/lib/server/db');
    const old = await start();
    const fresh = await start();
    const now = new Date();
    await db().pairSession.update({ where: { id: old.id }, data: { updatedAt: new Date(now.getTime() - (PAIR_RETENTION_DAYS + 1) * 86_400_000) } });
    await db().pairSession.update({ where: { id: fresh.id }, data: { updatedAt: new Date(now.getTime() - (PAIR_RETENTION_DAYS - 1) * 86_400_000) } });
    expect(await sweepStalePairSessions(now)).toBeGreaterThanOrEqual(1);
    expect((await call(routes.state, { params: { id: old.id }, headers: asInterviewer(old) })).status).toBe(404);
    expect((await state(fresh, asInterviewer(fresh))).role).toBe('interviewer');
  });
  it('answers 404, not 500, for an id no session could have (a NUL byte, odd characters, too long), whatever credentials come with it', async () => {
    const s = await start();
    for (const id of ['\u0000', `${s.id}\u0000`, '../x', 'x'.repeat(65)]) {
      const res = await call(routes.state, { params: { id }, headers: asCandidate(s) });
      expect(res.status, id).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
  });
});
