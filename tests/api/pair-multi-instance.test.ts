import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { request } from '@/scripts/app-process';
import { startMultiInstance, type MultiInstance } from '@/scripts/multi-instance';
import { getProblem } from '@/lib/interview/problems';
import { docFromState, readPair, setScore, toBase64, writeDesign } from '@/lib/classroom/pair/doc';

/*
 * A pair interview across two app instances on one PostgreSQL database: the
 * interviewer's stream on one instance receives the candidate's update sent
 * to the other within 2 s, and either instance serves the merged state.
 * Needs TEST_DATABASE_URL (PostgreSQL).
 */
const pg = process.env.TEST_DATABASE_URL;
const problem = getProblem('url-shortener')!;

interface Session {
  id: string;
  interviewerKey: string;
  candidateToken: string;
}

/** Reads server-sent events from a stream until `until` says stop. */
async function readEvents(res: Response, until: (frames: { event: string; data: string }[]) => boolean, timeoutMs: number) {
  const reader = res.body!.getReader();
  const frames: { event: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(frames) && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())))]);
    if (!chunk || chunk.done) break;
    buffer += new TextDecoder().decode(chunk.value);
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data !== undefined) frames.push({ event, data });
    }
  }
  await reader.cancel().catch(() => {});
  return frames;
}

describe.skipIf(!pg)('a pair interview on two app instances', () => {
  let multi: MultiInstance;
  let s: Session;
  const at = (i: number) => multi.instances[i].url;

  beforeAll(async () => {
    multi = await startMultiInstance({ databaseUrl: pg! });
    const created = await request<Session>(`${at(0)}/api/pair`, { body: { problemId: problem.id } });
    expect(created.status).toBe(201);
    s = created.body;
  }, 600_000);

  afterAll(async () => {
    await multi?.stop();
  });

  it("brings the candidate's change made on one instance to the interviewer streaming from the other within 2 s", async () => {
    const state = await request<{ state: string; streamKey: string }>(`${at(0)}/api/pair/${s.id}`, { headers: { 'x-pair-key': s.interviewerKey } });
    expect(state.status).toBe(200);
    const ac = new AbortController();
    const stream = await fetch(`${at(0)}/api/pair/${s.id}/stream?s=${state.body.streamKey}`, { signal: ac.signal });
    expect(stream.status).toBe(200);

    const doc = docFromState(state.body.state);
    const sv = Y.encodeStateVector(doc);
    writeDesign(doc, problem.reference.design);
    const update = toBase64(Y.encodeStateAsUpdate(doc, sv));
    const sentAt = Date.now();
    const frames = readEvents(stream, (f) => f.some((x) => x.event === 'live'), 5000);
    // Sent once the stream has had its snapshot, as a browser would after opening it.
    await new Promise((r) => setTimeout(r, 300));
    const posted = await request(`${at(1)}/api/pair/${s.id}/updates`, { body: { update }, headers: { 'x-pair-token': s.candidateToken } });
    expect(posted.status).toBe(201);
    const got = await frames;
    const delay = Date.now() - sentAt - 300;
    ac.abort();
    const live = got.find((f) => f.event === 'live');
    expect(live, `frames: ${got.map((f) => f.event).join(', ')}`).toBeDefined();
    expect((JSON.parse(live!.data) as { data: { update: string; by: string } }).data).toEqual({ update, by: 'candidate' });
    console.log(`pair across instances: the update reached the other instance's stream in ${delay} ms`);
    expect(delay).toBeLessThan(2000);

    // Either instance serves the merged state; a role's limits hold on both.
    const fromB = await request<{ state: string }>(`${at(1)}/api/pair/${s.id}`, { headers: { 'x-pair-token': s.candidateToken } });
    expect(readPair(docFromState(fromB.body.state), problem, s.id)!.attempt.design.nodes).toHaveLength(problem.reference.design.nodes.length);
    const cheat = Y.encodeStateVector(docFromState(fromB.body.state));
    const d2 = docFromState(fromB.body.state);
    setScore(d2, 'capacity', 20);
    const refused = await request(`${at(0)}/api/pair/${s.id}/updates`, {
      body: { update: toBase64(Y.encodeStateAsUpdate(d2, cheat)) },
      headers: { 'x-pair-token': s.candidateToken },
    });
    expect(refused.status).toBe(403);
  });
});
