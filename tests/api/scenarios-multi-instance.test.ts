import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '@/scripts/app-process';
import { freshWindow } from './scenarios-helpers';
import { startMultiInstance, type MultiInstance } from '@/scripts/multi-instance';
import { eventOf, sseReader } from './live-helpers';

/*
 * Two `next start` instances on one PostgreSQL database behind the
 * round-robin load balancer of scripts/multi-instance.ts: whichever instance
 * answers, a scenario reads the same, and every change made through one is
 * seen at once through the other. Needs TEST_DATABASE_URL (PostgreSQL).
 */
const pg = process.env.TEST_DATABASE_URL;

const design = {
  schemaVersion: 1,
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
    { id: 'app', kind: 'app-server', params: { instances: 2 } },
    { id: 'db', kind: 'database' },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'app' },
    { id: 'e2', source: 'app', target: 'db' },
  ],
};

describe.skipIf(!pg)('two app instances on one PostgreSQL database', () => {
  let multi: MultiInstance;
  let slug = '';
  let manageKey = '';
  const at = (i: number) => multi.instances[i].url;

  beforeAll(async () => {
    multi = await startMultiInstance({ databaseUrl: pg! });
    const created = await request<{ slug: string; manageKey: string }>(`${multi.url}/api/scenarios`, {
      body: {
        title: 'Across instances',
        brief: 'Same everywhere.',
        config: { targets: [{ type: 'stage', stage: 2 }], allowedKinds: ['app-server', 'database'], scoreVisibility: 'on-submit', leaderboard: true },
      },
    });
    expect(created.status).toBe(201);
    ({ slug, manageKey } = created.body);
  }, 600_000);

  afterAll(async () => {
    await multi?.stop();
  });

  it('reads the same scenario from either instance', async () => {
    const [a, b] = await Promise.all([request(`${at(0)}/api/scenarios/${slug}`), request(`${at(1)}/api/scenarios/${slug}`)]);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    for (const sample of ['sample-daily-byte', 'sample-scale-out']) {
      const [sa, sb] = await Promise.all([request(`${at(0)}/api/scenarios/${sample}`), request(`${at(1)}/api/scenarios/${sample}`)]);
      expect(sa.status).toBe(200);
      expect(sb.body).toEqual(sa.body);
    }
  });

  it('sees through each instance every submission made through the load balancer', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      const joined = await request<{ resumeToken: string }>(`${multi.url}/api/scenarios/${slug}/students`, { body: { displayName: `Student ${i}` } });
      expect(joined.status).toBe(201);
      tokens.push(joined.body.resumeToken);
    }
    const ids = await Promise.all(
      tokens.map(async (t) => {
        const r = await request<{ submission: { id: string } }>(`${multi.url}/api/scenarios/${slug}/submissions`, { body: { design }, headers: { 'x-student-token': t } });
        expect(r.status).toBe(201);
        return r.body.submission.id;
      }),
    );
    expect(multi.served.every((n) => n > 0)).toBe(true);
    for (const i of [0, 1]) {
      const listed = await request<{ submissions: { id: string }[] }>(`${at(i)}/api/scenarios/${slug}/manage`, { headers: { 'x-manage-key': manageKey } });
      expect(new Set(listed.body.submissions.map((s) => s.id))).toEqual(new Set(ids));
      // A student resumes on either instance.
      const me = await request<{ submissions: { id: string }[] }>(`${at(i)}/api/scenarios/${slug}/me`, { headers: { 'x-student-token': tokens[0] } });
      expect(me.body.submissions.map((s) => s.id)).toEqual([ids[0]]);
    }
    const [la, lb] = await Promise.all([request(`${at(0)}/api/scenarios/${slug}/leaderboard`), request(`${at(1)}/api/scenarios/${slug}/leaderboard`)]);
    expect(lb.body).toEqual(la.body);
  });

  it('applies a key rotated on one instance at once on the other', async () => {
    const rotated = await request<{ manageKey: string }>(`${at(0)}/api/scenarios/${slug}/manage/key`, { method: 'POST', headers: { 'x-manage-key': manageKey } });
    expect(rotated.status).toBe(200);
    expect((await request(`${at(1)}/api/scenarios/${slug}/manage`, { headers: { 'x-manage-key': manageKey } })).status).toBe(404);
    manageKey = rotated.body.manageKey;
    expect((await request(`${at(1)}/api/scenarios/${slug}/manage`, { headers: { 'x-manage-key': manageKey } })).status).toBe(200);
  });

  it('applies closing submissions on one instance at once on the other', async () => {
    const joined = await request<{ resumeToken: string }>(`${at(0)}/api/scenarios/${slug}/students`, { body: { displayName: 'Late' } });
    const token = joined.body.resumeToken;
    const close = await request(`${at(1)}/api/scenarios/${slug}/manage`, { method: 'PATCH', body: { status: 'closed' }, headers: { 'x-manage-key': manageKey } });
    expect(close.status).toBe(200);
    expect((await request(`${at(0)}/api/scenarios/${slug}/submissions`, { body: { design }, headers: { 'x-student-token': token } })).status).toBe(409);
    await request(`${at(0)}/api/scenarios/${slug}/manage`, { method: 'PATCH', body: { status: 'open' }, headers: { 'x-manage-key': manageKey } });
    expect((await request(`${at(1)}/api/scenarios/${slug}/submissions`, { body: { design }, headers: { 'x-student-token': token } })).status).toBe(201);
  });

  it('counts one rate limit across both instances', async () => {
    const joined = await request<{ resumeToken: string }>(`${multi.url}/api/scenarios/${slug}/students`, { body: { displayName: 'Eager' } });
    const token = joined.body.resumeToken;
    const statuses: number[] = [];
    await freshWindow(60, 30);
    // 30 submissions a minute per student: alternate instances, the 31st is refused wherever it lands.
    for (let i = 0; i < 31; i++) {
      statuses.push((await request(`${at(i % 2)}/api/scenarios/${slug}/submissions`, { body: { design }, headers: { 'x-student-token': token } })).status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
    expect(statuses[30]).toBe(429);
    expect((await request(`${at(0)}/api/scenarios/${slug}/submissions`, { body: { design }, headers: { 'x-student-token': token } })).status).toBe(429);
  }, 120_000);

  it('live classroom: a draft sent to instance 1 reaches a dashboard on instance 2 within 2 s, and a reconnect loses nothing', async () => {
    // Turned on through one instance, seen by the other.
    const on = await request(`${at(1)}/api/scenarios/${slug}/manage`, { method: 'PATCH', body: { liveView: true }, headers: { 'x-manage-key': manageKey } });
    expect(on.status).toBe(200);
    const joined = await request<{ resumeToken: string }>(`${at(0)}/api/scenarios/${slug}/students`, { body: { displayName: 'Live' } });
    const token = joined.body.resumeToken;
    const withInstances = (n: number) => ({ ...design, nodes: design.nodes.map((x) => (x.id === 'app' ? { ...x, params: { instances: n } } : x)) });
    const sendDraft = async (n: number) => {
      const r = await request<{ draft: { studentId: string; updatedAt: string; components: number } }>(`${at(0)}/api/scenarios/${slug}/draft`, {
        body: { design: withInstances(n) },
        headers: { 'x-student-token': token },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.draft;
    };
    const connect = async (instance: number, lastEventId?: string) => {
      const controller = new AbortController();
      const res = await fetch(`${at(instance)}/api/scenarios/${slug}/manage/live/stream`, {
        headers: { 'x-manage-key': manageKey, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal: controller.signal,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      return { reader: sseReader(res.body!), controller };
    };

    // The dashboard on instance 2: a snapshot first, then each draft sent to instance 1, within 2 s.
    const dash = await connect(1);
    const [, snapshot] = await dash.reader.next(2, 10_000);
    expect(snapshot.event).toBe('snapshot');
    let lastId = snapshot.id!;
    for (const n of [2, 3, 4]) {
      const t0 = Date.now();
      const sent = await sendDraft(n);
      const [f] = await dash.reader.next(1, 2_000);
      expect(Date.now() - t0).toBeLessThan(2_000);
      expect(eventOf(f).data).toMatchObject({ displayName: 'Live', updatedAt: sent.updatedAt });
      lastId = f.id!;
      await new Promise((r) => setTimeout(r, 1_000)); // the page sends at most one a second
    }

    // The stream is cut; two drafts are sent meanwhile; the dashboard reconnects (to either instance) with its last id.
    dash.controller.abort();
    const missed = [await sendDraft(5)];
    await new Promise((r) => setTimeout(r, 1_000));
    missed.push(await sendDraft(6));
    const again = await connect(1, lastId);
    const frames = await again.reader.next(3, 5_000); // retry, then exactly the two missed
    expect(frames[0].retry).toBeDefined();
    expect(frames.slice(1).map((f) => (eventOf(f).data as { updatedAt: string }).updatedAt)).toEqual(missed.map((m) => m.updatedAt));
    // Nothing else was waiting: the next frame is the next draft.
    await new Promise((r) => setTimeout(r, 1_000));
    missed.push(await sendDraft(7));
    const [next] = await again.reader.next(1, 2_000);
    expect((eventOf(next).data as { updatedAt: string }).updatedAt).toBe(missed[2].updatedAt);
    again.controller.abort();
    // The same last id on the other instance: the same three, in order.
    const other = await connect(0, lastId);
    const replay = await other.reader.next(4, 5_000);
    expect(replay.slice(1).map((f) => (eventOf(f).data as { updatedAt: string }).updatedAt)).toEqual(missed.map((m) => m.updatedAt));
    other.controller.abort();
  }, 120_000);
});
