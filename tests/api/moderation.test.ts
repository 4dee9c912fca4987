/**
 * An instructor removes a submission or a student; a removed student's
 * token stops working and says why. Public samples: a visitor's work is
 * seen by that visitor alone and is swept after a day.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-db';
import { call, newAddress, scaledDesign, scenarioInput, type Handler } from './scenarios-helpers';

type H = Handler;
const routes = {} as Record<'create' | 'join' | 'me' | 'submit' | 'leaderboard' | 'manage' | 'exportCsv' | 'removeSubmission' | 'removeStudent' | 'detail', H>;
let db: typeof import('@/lib/server/db').db;

beforeAll(async () => {
  await useTestDatabase();
  routes.create = (await import('@/app/api/scenarios/route')).POST as H;
  routes.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST as H;
  routes.me = (await import('@/app/api/scenarios/[slug]/me/route')).GET as H;
  routes.submit = (await import('@/app/api/scenarios/[slug]/submissions/route')).POST as H;
  routes.leaderboard = (await import('@/app/api/scenarios/[slug]/leaderboard/route')).GET as H;
  routes.manage = (await import('@/app/api/scenarios/[slug]/manage/route')).GET as H;
  routes.exportCsv = (await import('@/app/api/scenarios/[slug]/manage/export/route')).GET as H;
  const detail = await import('@/app/api/scenarios/[slug]/manage/submissions/[id]/route');
  routes.detail = detail.GET as H;
  routes.removeSubmission = detail.DELETE as H;
  routes.removeStudent = (await import('@/app/api/scenarios/[slug]/manage/students/[studentId]/route')).DELETE as unknown as H;
  ({ db } = await import('@/lib/server/db'));
});

async function create() {
  const res = await call(routes.create, { body: scenarioInput(), address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { slug: string; manageKey: string };
}

async function join(slug: string, displayName: string): Promise<string> {
  const res = await call(routes.join, { body: { displayName }, params: { slug }, address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { resumeToken: string }).resumeToken;
}

async function submit(slug: string, token: string, instances = 2) {
  const res = await call(routes.submit, { body: { design: scaledDesign(instances) }, params: { slug }, headers: { 'x-student-token': token }, address: newAddress() });
  return res;
}

interface Row {
  id: string;
  studentId: string;
  displayName: string;
  score: number;
  latest: boolean;
}

async function dashboard(slug: string, key: string, all = false) {
  const res = await call(routes.manage, { params: { slug }, headers: { 'x-manage-key': key }, url: `http://test.local/api/scenarios/${slug}/manage${all ? '?all=1' : ''}` });
  expect(res.status).toBe(200);
  return (await res.json()) as { scenario: { students: number; submissions: number }; submissions: Row[] };
}

function removeSubmission(slug: string, id: string, headers: Record<string, string>) {
  return call(routes.removeSubmission, { method: 'DELETE', params: { slug, id }, headers });
}

function removeStudent(slug: string, studentId: string, headers: Record<string, string>) {
  return call(routes.removeStudent, { method: 'DELETE', params: { slug, studentId }, headers });
}

async function counts(slug: string) {
  const [students, submissions] = await Promise.all([
    db().student.count({ where: { scenario: { slug } } }),
    db().submission.count({ where: { scenario: { slug } } }),
  ]);
  return { students, submissions };
}

describe(`moderation (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('an instructor removes one submission: the student’s previous one counts again, on the dashboard, the CSV and the leaderboard', async () => {
    const { slug, manageKey } = await create();
    const ada = await join(slug, 'Ada');
    expect((await submit(slug, ada, 1)).status).toBe(201);
    const second = (await (await submit(slug, ada, 4)).json()) as { submission: { id: string; score: number } };
    const before = await dashboard(slug, manageKey);
    expect(before.submissions.map((r) => r.id)).toEqual([second.submission.id]);

    const res = await removeSubmission(slug, second.submission.id, { 'x-manage-key': manageKey });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ deleted: { submission: second.submission.id, student: before.submissions[0].studentId } });

    const after = await dashboard(slug, manageKey);
    expect(after.submissions).toHaveLength(1);
    expect(after.submissions[0].id).not.toBe(second.submission.id);
    expect(after.scenario.submissions).toBe(1);
    const csv = await (await call(routes.exportCsv, { params: { slug }, headers: { 'x-manage-key': manageKey } })).text();
    expect(csv).not.toContain(second.submission.id);
    expect(csv).toContain(after.submissions[0].id);
    const board = (await (await call(routes.leaderboard, { params: { slug } })).json()) as { entries: { displayName: string; score: number }[] };
    expect(board.entries).toEqual([{ rank: 1, displayName: 'Ada', score: after.submissions[0].score }]);
    // Gone is gone: a second removal and the detail view answer 404.
    expect((await removeSubmission(slug, second.submission.id, { 'x-manage-key': manageKey })).status).toBe(404);
    expect((await call(routes.detail, { params: { slug, id: second.submission.id }, headers: { 'x-manage-key': manageKey } })).status).toBe(404);
  });

  it('an instructor removes a student with every submission; their token then answers 410 saying so, and a new join works', async () => {
    const { slug, manageKey } = await create();
    const ada = await join(slug, 'Ada');
    const bob = await join(slug, 'Bob');
    await submit(slug, ada, 1);
    await submit(slug, ada, 2);
    await submit(slug, bob, 3);
    const rows = (await dashboard(slug, manageKey)).submissions;
    const adaId = rows.find((r) => r.displayName === 'Ada')!.studentId;

    const res = await removeStudent(slug, adaId, { 'x-manage-key': manageKey });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ deleted: { student: adaId, displayName: 'Ada', submissions: 2 } });

    const after = await dashboard(slug, manageKey, true);
    expect(after.submissions.map((r) => r.displayName)).toEqual(['Bob']);
    expect(after.scenario).toMatchObject({ students: 1, submissions: 1 });
    expect(await db().submission.count({ where: { studentId: adaId } })).toBe(0);
    // Nothing of Ada's name is kept.
    expect(JSON.stringify(await db().student.findMany({ where: { scenario: { slug } } }))).not.toContain('Ada');
    const board = (await (await call(routes.leaderboard, { params: { slug } })).json()) as { entries: { displayName: string }[] };
    expect(board.entries.map((e) => e.displayName)).toEqual(['Bob']);

    for (const res of [
      await call(routes.me, { params: { slug }, headers: { 'x-student-token': ada } }),
      await call(routes.me, { params: { slug }, headers: { authorization: `Bearer ${ada}` } }),
      await submit(slug, ada, 4),
    ]) {
      expect(res.status).toBe(410);
      const body = (await res.json()) as { error: string; removed: boolean };
      expect(body.error).toMatch(/^Your instructor removed you from this scenario, with your submissions, so this resume link no longer works\./);
      expect(body.removed).toBe(true);
    }
    expect(await db().submission.count({ where: { studentId: adaId } })).toBe(0);
    // Bob is untouched; Ada can join again as someone new (the link is the class's).
    expect((await call(routes.me, { params: { slug }, headers: { 'x-student-token': bob } })).status).toBe(200);
    const again = await join(slug, 'Ada');
    expect((await submit(slug, again, 2)).status).toBe(201);
    // Removing the removed student again: 404.
    expect((await removeStudent(slug, adaId, { 'x-manage-key': manageKey })).status).toBe(404);
    // A submission of Ada's that committed while she was being removed (it was authorised just before) stays out of sight.
    const late = await db().submission.findFirstOrThrow({ where: { scenario: { slug } } });
    const lateId = `late-${Date.now()}-${process.pid}`;
    await db().submission.create({ data: { ...late, id: lateId, studentId: adaId, createdAt: new Date() } });
    expect((await dashboard(slug, manageKey, true)).submissions.map((r) => r.displayName).sort()).toEqual(['Ada', 'Bob']); // the new Ada and Bob
    expect((await dashboard(slug, manageKey, true)).submissions.map((r) => r.id)).not.toContain(lateId);
  });

  it('a removed student’s token still answers 404, not 410, on another scenario: it reveals nothing there', async () => {
    const a = await create();
    const b = await create();
    const ada = await join(a.slug, 'Ada');
    await submit(a.slug, ada);
    const adaId = (await dashboard(a.slug, a.manageKey)).submissions[0].studentId;
    expect((await removeStudent(a.slug, adaId, { 'x-manage-key': a.manageKey })).status).toBe(200);
    expect((await call(routes.me, { params: { slug: b.slug }, headers: { 'x-student-token': ada } })).status).toBe(404);
  });

  it('refuses another scenario’s manage key, a student token and no key, removing nothing', async () => {
    const { slug, manageKey } = await create();
    const other = await create();
    const ada = await join(slug, 'Ada');
    await submit(slug, ada);
    const row = (await dashboard(slug, manageKey)).submissions[0];
    const before = await counts(slug);
    const wrong: Record<string, string>[] = [
      { 'x-manage-key': other.manageKey },
      { authorization: `Bearer ${other.manageKey}` },
      { 'x-manage-key': ada },
      { 'x-student-token': ada },
      { authorization: `Bearer ${ada}` },
      {},
    ];
    for (const headers of wrong) {
      for (const res of [await removeSubmission(slug, row.id, headers), await removeStudent(slug, row.studentId, headers)]) {
        expect(res.status, JSON.stringify(headers)).toBe(404);
        expect(((await res.json()) as { error: string }).error).toBe('Not found. Check that the link is complete and current.');
      }
    }
    // The right key on the wrong scenario cannot reach this scenario's rows either.
    expect((await removeSubmission(other.slug, row.id, { 'x-manage-key': other.manageKey })).status).toBe(404);
    expect((await removeStudent(other.slug, row.studentId, { 'x-manage-key': other.manageKey })).status).toBe(404);
    expect(await counts(slug)).toEqual(before);
    expect((await call(routes.me, { params: { slug }, headers: { 'x-student-token': ada } })).status).toBe(200);
  });
});

describe('public samples', () => {
  const sample = 'sample-daily-byte';
  const design = async () => {
    const { SAMPLE_SCENARIOS } = await import('@/lib/classroom/scenarios/sample-definitions');
    return SAMPLE_SCENARIOS.find((s) => s.slug === sample)!.demoSubmissions.find((d) => d.displayName === 'Linus (demo)')!.design; // the starting design: within the locks
  };

  async function board(token?: string) {
    const res = await call(routes.leaderboard, { params: { slug: sample }, headers: token ? { 'x-student-token': token } : {} });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { entries: { rank: number; displayName: string; score: number; demo?: boolean; you?: boolean }[]; note: string };
  }

  it('a stranger’s submission never reaches another visitor’s leaderboard; each sees the demo students and themselves', async () => {
    const mallory = await join(sample, 'Mallory was here');
    const res = await call(routes.submit, { body: { design: await design() }, params: { slug: sample }, headers: { 'x-student-token': mallory }, address: newAddress() });
    expect(res.status, await res.clone().text()).toBe(201);

    const anonymous = await board();
    expect(anonymous.entries.map((e) => e.displayName).sort()).toEqual(['Ada (demo)', 'Grace (demo)', 'Linus (demo)']);
    expect(anonymous.entries.every((e) => e.demo === true)).toBe(true);
    expect(anonymous.note).toMatch(/public sample.*never other visitors.*deleted after 24 hours/);

    const visitor = await join(sample, 'Visitor');
    const theirs = await board(visitor);
    expect(theirs.entries.map((e) => e.displayName)).not.toContain('Mallory was here');
    expect(theirs.entries).toHaveLength(3); // not submitted yet

    const own = await board(mallory);
    const me = own.entries.find((e) => e.you);
    expect(me).toMatchObject({ displayName: 'Mallory was here', you: true });
    expect(own.entries).toHaveLength(4);
    expect([...own.entries].sort((a, b) => a.rank - b.rank).map((e) => e.rank)).toEqual(own.entries.map((e) => e.rank).sort((a, b) => a - b));
  });

  it('sweeps visitors’ work on a sample after 24 hours, and only on samples', async () => {
    const run = `${Date.now()}-${process.pid}`; // names of this run only (a PostgreSQL test database keeps earlier runs' rows)
    const [yesterday, kept, today] = ['Yesterday', 'Kept', 'Today'].map((n) => `${n} ${run}`);
    const old = await join(sample, yesterday);
    await call(routes.submit, { body: { design: await design() }, params: { slug: sample }, headers: { 'x-student-token': old }, address: newAddress() });
    const own = await create();
    const ownOld = await join(own.slug, kept);
    await submit(own.slug, ownOld);
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    await db().student.updateMany({ where: { displayName: { in: [yesterday, kept] } }, data: { createdAt: dayAgo } });
    const recent = await join(sample, today); // a join to a sample sweeps
    expect(await db().student.count({ where: { displayName: yesterday } })).toBe(0);
    expect(await db().submission.count({ where: { student: { displayName: yesterday } } })).toBe(0);
    expect(await db().student.count({ where: { displayName: today } })).toBe(1);
    expect(await db().student.count({ where: { displayName: kept } })).toBe(1);
    expect((await call(routes.me, { params: { slug: sample }, headers: { 'x-student-token': recent } })).status).toBe(200);
  });
});
