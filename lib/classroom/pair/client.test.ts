import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getProblem } from '@/lib/interview/problems';
import { T0 } from '@/lib/interview/test-helpers';
import { checkUpdate } from './check';
import { PairClient, type PendingStore } from './client';
import { createPairDoc, fromBase64, readPair, setScore, toBase64, writeDesign } from './doc';

const problem = getProblem('url-shortener')!;
const ID = 'session-0001';

/** A server in memory that checks updates as the real route does (lib/classroom/pair/check.ts), and can be taken offline. */
function fakeServer() {
  let state = Y.encodeStateAsUpdate(createPairDoc(problem, { level: 'senior', minutes: 45, now: T0 }));
  const server = { offline: false, posts: 0, state: () => state };
  const fetcher = (async (url: string | URL | Request, init?: RequestInit) => {
    if (server.offline) throw new TypeError('fetch failed');
    const role = (init?.headers as Record<string, string>)['x-pair-key'] ? 'interviewer' : 'candidate';
    if (String(url).endsWith('/updates')) {
      server.posts++;
      const { update } = JSON.parse(String(init!.body)) as { update: string };
      const r = checkUpdate(state, fromBase64(update), role, problem, ID);
      if (!r.ok) return new Response(JSON.stringify({ error: r.error }), { status: r.status });
      state = r.state;
      return new Response(JSON.stringify({ eventId: '1' }), { status: 201 });
    }
    return new Response(JSON.stringify({ role, state: toBase64(state), streamKey: 's' }), { status: 200 });
  }) as typeof fetch;
  return { server, fetcher };
}

function memoryPending(): PendingStore & { value: Uint8Array | null } {
  const store = {
    value: null as Uint8Array | null,
    get: () => store.value,
    set: (u: Uint8Array | null) => void (store.value = u),
  };
  return store;
}

const nodesOn = (state: Uint8Array) => readPair((() => { const d = new Y.Doc(); Y.applyUpdate(d, state); return d; })(), problem, ID)!.attempt.design.nodes.length;

describe('a browser side of the pair interview', () => {
  it('sends its edits and keeps them while offline, across a reload, until the server has them', async () => {
    const { server, fetcher } = fakeServer();
    const pending = memoryPending();
    const tab = new PairClient(ID, 'candidate', 'token', pending, fetcher);
    await tab.start();
    server.offline = true;
    writeDesign(tab.doc!, problem.reference.design);
    await tab.flush();
    expect(tab.syncError).toMatch(/Not connected/);
    expect(tab.unsent).toBe(1);
    expect(pending.value).not.toBeNull();
    tab.stop();
    // The tab is reloaded while still offline; the server comes back.
    server.offline = false;
    const reloaded = new PairClient(ID, 'candidate', 'token', pending, fetcher);
    await reloaded.start();
    expect(readPair(reloaded.doc!, problem, ID)!.attempt.design.nodes).toHaveLength(problem.reference.design.nodes.length);
    await reloaded.flush();
    reloaded.stop();
    expect(nodesOn(server.state())).toBe(problem.reference.design.nodes.length);
    expect(pending.value).toBeNull();
    expect(reloaded.syncError).toBeNull();
  });

  it("drops an edit the server refuses, says why, and goes back to the server's state", async () => {
    const { server, fetcher } = fakeServer();
    const tab = new PairClient(ID, 'candidate', 'token', memoryPending(), fetcher);
    await tab.start();
    const before = tab.snapshot.remoteDesign;
    setScore(tab.doc!, 'capacity', 20);
    await tab.flush();
    tab.stop();
    expect(server.posts).toBe(1);
    expect(tab.syncError).toMatch(/candidate may not change the scores/);
    expect(readPair(tab.doc!, problem, ID)!.scores).toEqual({});
    expect(tab.snapshot.remoteDesign).toBe(before + 1);
    // The document is live again: the next allowed edit goes through.
    writeDesign(tab.doc!, problem.reference.design);
    await tab.flush();
    tab.stop();
    expect(nodesOn(server.state())).toBe(problem.reference.design.nodes.length);
  });

  it('says so when the link has no secret or names no session', async () => {
    const { fetcher } = fakeServer();
    const tab = new PairClient(ID, 'candidate', null, memoryPending(), fetcher);
    await tab.start();
    expect(tab.snapshot.status).toBe('error');
    expect(tab.snapshot.error).toMatch(/part after # is missing/);
    const gone = new PairClient(ID, 'candidate', 'x', memoryPending(), (async () => new Response('{}', { status: 404 })) as typeof fetch);
    await gone.start();
    expect(gone.snapshot.error).toMatch(/was not found/);
  });
});
