import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '@/scripts/app-process';
import { freshWindow } from './scenarios-helpers';
import { startMultiInstance, type MultiInstance } from '@/scripts/multi-instance';

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

  it('refuses a co-instructor key revoked on one instance at once on the other, and names stay unique across both', async () => {
    const made = await request<{ manageKey: string; key: { id: string } }>(`${at(0)}/api/scenarios/${slug}/manage/keys`, { body: { label: 'TA Priya' }, headers: { 'x-manage-key': manageKey } });
    expect(made.status).toBe(201);
    const ta = made.body.manageKey;
    expect((await request(`${at(1)}/api/scenarios/${slug}/manage`, { headers: { 'x-manage-key': ta } })).status).toBe(200);
    expect((await request(`${at(1)}/api/scenarios/${slug}/manage/keys/${made.body.key.id}`, { method: 'DELETE', headers: { 'x-manage-key': manageKey } })).status).toBe(200);
    for (const i of [0, 1]) expect((await request(`${at(i)}/api/scenarios/${slug}/manage`, { headers: { 'x-manage-key': ta } })).status).toBe(403);
    // One name joining through both instances at once: one of them gets it.
    const both = await Promise.all([0, 1].map((i) => request(`${at(i)}/api/scenarios/${slug}/students`, { body: { displayName: i ? 'twin name' : 'Twin Name' } })));
    expect(both.map((b) => b.status).sort()).toEqual([201, 409]);
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
});
