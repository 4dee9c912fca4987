/**
 * A real class: the instructor's class list with personal join links and a
 * class code, unique names, co-instructor keys, per-student extensions and
 * the late policy, and what the leaderboard shows of names. Every new route
 * refuses another scenario's key and a student's token.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './test-db';
import { call, newAddress, scaledDesign, scenarioInput, type Handler } from './scenarios-helpers';

vi.mock('@/lib/classroom/scenarios/engine', async () => ({ evaluateDesign: (await import('./scenarios-helpers')).fakeEvaluate }));
vi.mock('@/lib/classroom/scenarios/grading-pool', async (importOriginal) => (await import('./scenarios-helpers')).gradingPoolWithFakeEngine(importOriginal));

type H = Handler;
const r = {} as Record<
  | 'create' | 'join' | 'joinLink' | 'me' | 'submit' | 'leaderboard' | 'manage' | 'patch' | 'removeScenario' | 'rotate' | 'exportCsv'
  | 'roster' | 'addRoster' | 'newLink' | 'removeEntry' | 'codeOn' | 'codeOff' | 'keys' | 'addKey' | 'revokeKey' | 'extend' | 'removeStudent',
  H
>;
let db: typeof import('@/lib/server/db').db;

beforeAll(async () => {
  await useTestDatabase();
  r.create = (await import('@/app/api/scenarios/route')).POST as H;
  r.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST as H;
  r.joinLink = (await import('@/app/api/scenarios/[slug]/join-link/route')).POST as H;
  r.me = (await import('@/app/api/scenarios/[slug]/me/route')).GET as H;
  r.submit = (await import('@/app/api/scenarios/[slug]/submissions/route')).POST as H;
  r.leaderboard = (await import('@/app/api/scenarios/[slug]/leaderboard/route')).GET as H;
  const manage = await import('@/app/api/scenarios/[slug]/manage/route');
  r.manage = manage.GET as H;
  r.patch = manage.PATCH as H;
  r.removeScenario = manage.DELETE as H;
  r.rotate = (await import('@/app/api/scenarios/[slug]/manage/key/route')).POST as H;
  r.exportCsv = (await import('@/app/api/scenarios/[slug]/manage/export/route')).GET as H;
  const roster = await import('@/app/api/scenarios/[slug]/manage/roster/route');
  r.roster = roster.GET as H;
  r.addRoster = roster.POST as H;
  const entry = await import('@/app/api/scenarios/[slug]/manage/roster/[entryId]/route');
  r.newLink = entry.POST as unknown as H;
  r.removeEntry = entry.DELETE as unknown as H;
  const code = await import('@/app/api/scenarios/[slug]/manage/class-code/route');
  r.codeOn = code.POST as H;
  r.codeOff = code.DELETE as H;
  const keys = await import('@/app/api/scenarios/[slug]/manage/keys/route');
  r.keys = keys.GET as H;
  r.addKey = keys.POST as H;
  r.revokeKey = (await import('@/app/api/scenarios/[slug]/manage/keys/[keyId]/route')).DELETE as unknown as H;
  r.extend = (await import('@/app/api/scenarios/[slug]/manage/extensions/route')).PUT as H;
  r.removeStudent = (await import('@/app/api/scenarios/[slug]/manage/students/[studentId]/route')).DELETE as unknown as H;
  ({ db } = await import('@/lib/server/db'));
});

async function create(config: Record<string, unknown> = {}) {
  const res = await call(r.create, { body: scenarioInput({}, config), address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { slug: string; manageKey: string };
}

const mk = (key: string) => ({ 'x-manage-key': key });
const st = (token: string) => ({ 'x-student-token': token });

async function json<T = Record<string, unknown>>(res: Response | Promise<Response>, status?: number): Promise<T> {
  const got = await res;
  const text = await got.text();
  if (status !== undefined) expect(got.status, text).toBe(status);
  return JSON.parse(text) as T;
}

function addRoster(slug: string, key: string, text: string) {
  return call(r.addRoster, { body: { text }, params: { slug }, headers: mk(key) });
}

interface ClassRow {
  entryId: string | null;
  studentId: string | null;
  name: string;
  email: string | null;
  onRoster: boolean;
  status: string;
  extension: string | null;
}

async function classList(slug: string, key: string) {
  return json<{ rows: ClassRow[]; classCode: string | null; counts: Record<string, number> }>(call(r.roster, { params: { slug }, headers: mk(key) }), 200);
}

function join(slug: string, displayName: string, extra: Record<string, unknown> = {}, address = newAddress()) {
  return call(r.join, { body: { displayName, ...extra }, params: { slug }, address });
}

function joinLink(slug: string, url: string, address = newAddress()) {
  const token = url.slice(url.indexOf('#join=') + 6);
  return call(r.joinLink, { body: { token }, params: { slug }, address });
}

function submit(slug: string, token: string, instances = 2) {
  return call(r.submit, { body: { design: scaledDesign(instances) }, params: { slug }, headers: st(token), address: newAddress() });
}

describe(`class list and joining (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('a pasted list is validated line by line: a bad line adds nothing and is named; repeats are left out', async () => {
    const { slug, manageKey } = await create();
    const bad = await json<{ error: string; issues: { path: string; message: string }[] }>(
      addRoster(slug, manageKey, 'Ava Smith\nBen <not-an-email>\n\nCleo, cleo@a.edu, cleo@b.edu\n'),
      422,
    );
    expect(bad.error).toMatch(/^Nothing was added/);
    expect(bad.issues.map((i) => i.path)).toEqual(['line 2', 'line 4']);
    expect(bad.issues[0].message).toContain('“not-an-email” is not an email address');
    expect(bad.issues[1].message).toContain('more than one email address');
    expect((await classList(slug, manageKey)).rows).toHaveLength(0);

    const ok = await json<{ added: { name: string; email: string | null; joinUrl: string }[]; skipped: { message: string }[] }>(
      addRoster(slug, manageKey, '# section A\nAva Smith\nava  SMITH\nBen Ode <Ben@School.edu>\nCleo\tcleo@school.edu\ndan@school.edu\n'),
      201,
    );
    expect(ok.added.map((a) => [a.name, a.email])).toEqual([
      ['Ava Smith', null],
      ['Ben Ode', 'ben@school.edu'],
      ['Cleo', 'cleo@school.edu'],
      ['dan@school.edu', 'dan@school.edu'],
    ]);
    expect(ok.skipped.map((s) => s.message)).toEqual(['line 3 (“ava  SMITH”) repeats line 2, so it was left out']);
    for (const a of ok.added) expect(a.joinUrl).toMatch(new RegExp(`^/s/${slug}#join=[A-Za-z0-9_-]{43}$`));
    expect(new Set(ok.added.map((a) => a.joinUrl)).size).toBe(4);

    // Pasting again adds only the new name; the rest are already on the list.
    const again = await json<{ added: { name: string }[]; skipped: { message: string }[] }>(addRoster(slug, manageKey, 'AVA SMITH\nEve'), 201);
    expect(again.added.map((a) => a.name)).toEqual(['Eve']);
    expect(again.skipped[0].message).toContain('already on the class list as “Ava Smith”');

    // The token is stored only as a hash.
    const stored = await db().rosterEntry.findMany({ where: { scenario: { slug } }, select: { joinTokenHash: true } });
    for (const s of stored) expect(s.joinTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const list = await classList(slug, manageKey);
    expect(list.rows.map((row) => [row.name, row.status])).toEqual([
      ['Ava Smith', 'not-joined'],
      ['Ben Ode', 'not-joined'],
      ['Cleo', 'not-joined'],
      ['dan@school.edu', 'not-joined'],
      ['Eve', 'not-joined'],
    ]);
  });

  it('a class list has at most 500 students; an empty paste and a body over 64 KB are refused', async () => {
    const { slug, manageKey } = await create();
    const many = Array.from({ length: 501 }, (_, i) => `Student ${i}`).join('\n');
    expect((await json(addRoster(slug, manageKey, many), 422)).error).toContain('at most 500');
    expect((await json(addRoster(slug, manageKey, '\n  \n# nobody\n'), 422)).error).toContain('The list is empty');
    const huge = await call(r.addRoster, { rawBody: JSON.stringify({ text: 'x'.repeat(70 * 1024) }), params: { slug }, headers: mk(manageKey) });
    expect(huge.status).toBe(413);
    expect((await json(addRoster(slug, manageKey, Array.from({ length: 300 }, (_, i) => `A ${i}`).join('\n')), 201)).added).toHaveLength(300);
    expect((await json(addRoster(slug, manageKey, Array.from({ length: 201 }, (_, i) => `B ${i}`).join('\n')), 422)).error).toContain('would have 501 students');
  });

  it('two students join, one by their personal link and one by the class code; the dashboard lists the one who never joined', async () => {
    const { slug, manageKey } = await create();
    const { added } = await json<{ added: { name: string; joinUrl: string }[] }>(addRoster(slug, manageKey, 'Ava Smith\nBen Ode <ben@school.edu>\nCleo Park'), 201);
    // Off-roster joining still works (the list is not "only").
    expect((await join(slug, 'Walk In')).status).toBe(201);

    const ava = await json<{ displayName: string; resumeToken: string; rejoined: boolean }>(joinLink(slug, added[0].joinUrl), 201);
    expect(ava).toMatchObject({ displayName: 'Ava Smith', rejoined: false });
    expect((await json<{ student: { displayName: string } }>(call(r.me, { params: { slug }, headers: st(ava.resumeToken) }), 200)).student.displayName).toBe('Ava Smith');

    // The class code: off until the instructor turns it on.
    expect((await json(join(slug, 'ben@school.edu', { classCode: 'ABCD-EFGH' }), 422)).error).toContain('does not use a class code');
    const { classCode } = await json<{ classCode: string }>(call(r.codeOn, { method: 'POST', rawBody: '', params: { slug }, headers: mk(manageKey) }), 200);
    expect(classCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const wrong = classCode.startsWith('A') ? 'BBBB-BBBB' : 'AAAA-AAAA';
    expect((await json(join(slug, 'Ben Ode', { classCode: wrong }), 422)).error).toContain('That class code is not right');
    expect((await json(join(slug, 'Zed Nobody', { classCode }), 422)).error).toContain('“Zed Nobody” is not on the class list');
    // Typed in lower case without the dash, with the email: fine.
    const ben = await json<{ displayName: string; resumeToken: string }>(join(slug, 'BEN@school.edu', { classCode: classCode.toLowerCase().replace('-', '') }), 201);
    expect(ben.displayName).toBe('Ben Ode');
    // The same entry cannot be taken twice with the code.
    expect((await json(join(slug, 'ben ode', { classCode }), 409)).error).toContain('Ben Ode has already joined');
    // Nor by typing a name on the list without code or link.
    expect((await json(join(slug, 'cleo  park'), 409)).error).toContain('“Cleo Park” is on the class list: join with the personal link your instructor sent you, or enter the class code');

    expect((await submit(slug, ava.resumeToken)).status).toBe(201);
    const list = await classList(slug, manageKey);
    expect(list.classCode).toBe(classCode);
    expect(list.rows.map((row) => [row.name, row.onRoster, row.status])).toEqual([
      ['Ava Smith', true, 'submitted'],
      ['Ben Ode', true, 'joined'],
      ['Cleo Park', true, 'not-joined'],
      ['Walk In', false, 'joined'],
    ]);
    expect(list.counts).toMatchObject({ expected: 3, 'not-joined': 1, joined: 2, submitted: 1, late: 0, notOnRoster: 1 });

    // The personal link again (another device): the same student, with her work; the old device is signed out.
    const again = await json<{ displayName: string; resumeToken: string; rejoined: boolean }>(joinLink(slug, added[0].joinUrl), 200);
    expect(again.rejoined).toBe(true);
    const me = await json<{ submissions: unknown[] }>(call(r.me, { params: { slug }, headers: st(again.resumeToken) }), 200);
    expect(me.submissions).toHaveLength(1);
    expect((await call(r.me, { params: { slug }, headers: st(ava.resumeToken) })).status).toBe(404);

    // A new link replaces the old one.
    const entryId = list.rows[2].entryId!;
    const fresh = await json<{ joinUrl: string }>(call(r.newLink, { method: 'POST', rawBody: '', params: { slug, entryId }, headers: mk(manageKey) }), 200);
    expect((await joinLink(slug, added[2].joinUrl)).status).toBe(404);
    expect((await json<{ displayName: string }>(joinLink(slug, fresh.joinUrl), 201)).displayName).toBe('Cleo Park');

    // Another scenario's link is no link here.
    const other = await create();
    expect((await joinLink(other.slug, added[1].joinUrl)).status).toBe(404);
  });

  it('names are unique within a scenario, ignoring case, spacing and invisible characters, with a clear message', async () => {
    const { slug } = await create();
    expect((await join(slug, 'Ava Smith')).status).toBe(201);
    for (const same of ['ava smith', '  AVA   SMITH ', 'Ava\u200b Smith', 'Ａｖａ Smith']) {
      const res = await json(join(slug, same), 409);
      expect(res.error).toContain(`already uses the name “${same.trim()}”`);
      expect(res.error).toContain('Add an initial or a surname');
    }
    // Another scenario may have its own Ava Smith.
    const other = await create();
    expect((await join(other.slug, 'Ava Smith')).status).toBe(201);
    // Two joining at once with one name: one wins.
    const both = await Promise.all([join(slug, 'Twin'), join(slug, 'twin')]);
    expect(both.map((b) => b.status).sort()).toEqual([201, 409]);
  });

  it('a removed student’s name is free again, and their class-list entry goes back to “not joined”', async () => {
    const { slug, manageKey } = await create();
    const { added } = await json<{ added: { joinUrl: string }[] }>(addRoster(slug, manageKey, 'Ava Smith'), 201);
    const ava = await json<{ resumeToken: string }>(joinLink(slug, added[0].joinUrl), 201);
    const rows = (await classList(slug, manageKey)).rows;
    expect((await call(r.removeStudent, { method: 'DELETE', params: { slug, studentId: rows[0].studentId! }, headers: mk(manageKey) })).status).toBe(200);
    expect((await call(r.me, { params: { slug }, headers: st(ava.resumeToken) })).status).toBe(410);
    expect((await classList(slug, manageKey)).rows.map((row) => row.status)).toEqual(['not-joined']);
    expect((await json<{ displayName: string }>(joinLink(slug, added[0].joinUrl), 201)).displayName).toBe('Ava Smith');
  });

  it('a name that had already joined becomes its class-list entry; "only the class list" refuses others', async () => {
    const { slug, manageKey } = await create();
    expect((await join(slug, 'ava smith')).status).toBe(201);
    const { added } = await json<{ added: { name: string; matchedStudent: string | null }[] }>(addRoster(slug, manageKey, 'Ava Smith\nBen'), 201);
    expect(added[0]).toMatchObject({ name: 'ava smith', matchedStudent: 'ava smith' });
    expect((await classList(slug, manageKey)).rows.map((row) => [row.name, row.onRoster, row.status])).toEqual([
      ['ava smith', true, 'joined'],
      ['Ben', true, 'not-joined'],
    ]);
    await json(call(r.patch, { method: 'PATCH', body: { rosterOnly: true }, params: { slug }, headers: mk(manageKey) }), 200);
    const refused = await json(join(slug, 'Stranger'), 403);
    expect(refused.error).toContain('Only students on the class list can join');
  });

  it('wrong class codes from one address are limited (30 per 10 minutes); the right code from elsewhere still works', async () => {
    const { slug, manageKey } = await create();
    await json(addRoster(slug, manageKey, 'Ava\nBen'), 201);
    const { classCode } = await json<{ classCode: string }>(call(r.codeOn, { method: 'POST', rawBody: '', params: { slug }, headers: mk(manageKey) }), 200);
    const guesser = newAddress();
    const wrong = classCode.startsWith('A') ? 'BBBBBBBB' : 'AAAAAAAA';
    for (let i = 0; i < 30; i++) expect((await join(slug, 'Ava', { classCode: wrong }, guesser)).status).toBe(422);
    const blocked = await call(r.join, { body: { displayName: 'Ava', classCode: wrong }, params: { slug }, address: guesser });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right code is refused from that address until the window ends: a guess that hits is not told apart.
    expect((await join(slug, 'Ava', { classCode }, guesser)).status).toBe(429);
    expect((await join(slug, 'Ava', { classCode })).status).toBe(201);
    // Turned off, the code no longer works.
    await json(call(r.codeOff, { method: 'DELETE', params: { slug }, headers: mk(manageKey) }), 200);
    expect((await join(slug, 'Ben', { classCode })).status).toBe(422);
  });
});

describe(`co-instructor keys (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('the owner makes a named key; it opens the dashboard, is listed with its last use, and once revoked is refused at once', async () => {
    const { slug, manageKey } = await create();
    const made = await json<{ key: { id: string; label: string }; manageKey: string; manageUrl: string }>(
      call(r.addKey, { body: { label: 'TA Priya' }, params: { slug }, headers: mk(manageKey) }),
      201,
    );
    expect(made.manageUrl).toBe(`/s/${slug}/manage#key=${made.manageKey}`);
    const stored = await db().coInstructorKey.findUniqueOrThrow({ where: { id: made.key.id } });
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.keyHash).not.toContain(made.manageKey);

    const ta = made.manageKey;
    const dash = await json<{ access: { role: string; label: string } }>(call(r.manage, { params: { slug }, headers: mk(ta) }), 200);
    expect(dash.access).toEqual({ role: 'co-instructor', label: 'TA Priya' });
    expect((await json<{ access: { role: string } }>(call(r.manage, { params: { slug }, headers: mk(manageKey) }), 200)).access.role).toBe('owner');
    // A TA works the class list.
    expect((await addRoster(slug, ta, 'Ava')).status).toBe(201);

    const listed = await json<{ you: { role: string }; keys: { label: string; lastUsedAt: string | null; revokedAt: string | null }[] }>(
      call(r.keys, { params: { slug }, headers: mk(ta) }),
      200,
    );
    expect(listed.you.role).toBe('co-instructor');
    expect(listed.keys).toHaveLength(1);
    expect(listed.keys[0].label).toBe('TA Priya');
    expect(listed.keys[0].lastUsedAt).not.toBeNull();

    // What belongs to the owner: a TA cannot make keys, revoke, replace the owner's key or delete.
    expect((await json(call(r.addKey, { body: { label: 'TA 2' }, params: { slug }, headers: mk(ta) }), 403)).error).toContain('Only the scenario’s owner');
    expect((await call(r.revokeKey, { method: 'DELETE', params: { slug, keyId: made.key.id }, headers: mk(ta) })).status).toBe(403);
    expect((await call(r.rotate, { method: 'POST', params: { slug }, headers: mk(ta) })).status).toBe(403);
    expect((await call(r.removeScenario, { method: 'DELETE', params: { slug }, headers: mk(ta) })).status).toBe(403);
    expect((await call(r.manage, { params: { slug }, headers: mk(manageKey) })).status).toBe(200);

    // Revoked: refused at once, saying so, on every manage route.
    const revoked = await json<{ key: { revokedAt: string | null } }>(call(r.revokeKey, { method: 'DELETE', params: { slug, keyId: made.key.id }, headers: mk(manageKey) }), 200);
    expect(revoked.key.revokedAt).not.toBeNull();
    const refused = await json(call(r.manage, { params: { slug }, headers: mk(ta) }), 403);
    expect(refused.error).toContain('revoked');
    expect((await call(r.roster, { params: { slug }, headers: mk(ta) })).status).toBe(403);
    expect((await call(r.exportCsv, { params: { slug }, headers: mk(ta) })).status).toBe(403);
    expect((await call(r.manage, { params: { slug }, headers: mk(manageKey) })).status).toBe(200);
  });

  it('labels are validated and a key of another scenario opens nothing here', async () => {
    const a = await create();
    const b = await create();
    expect((await json(call(r.addKey, { body: { label: '  ' }, params: { slug: a.slug }, headers: mk(a.manageKey) }), 422)).error).toContain('label must not be empty');
    expect((await call(r.addKey, { body: { label: 'x', extra: 1 }, params: { slug: a.slug }, headers: mk(a.manageKey) })).status).toBe(422);
    const taB = (await json<{ manageKey: string; key: { id: string } }>(call(r.addKey, { body: { label: 'TA B' }, params: { slug: b.slug }, headers: mk(b.manageKey) }), 201));
    expect((await call(r.manage, { params: { slug: a.slug }, headers: mk(taB.manageKey) })).status).toBe(404);
    // B's key id through A's owner: not A's key.
    expect((await call(r.revokeKey, { method: 'DELETE', params: { slug: a.slug, keyId: taB.key.id }, headers: mk(a.manageKey) })).status).toBe(404);
    expect((await db().coInstructorKey.findUniqueOrThrow({ where: { id: taB.key.id } })).revokedAt).toBeNull();
  });
});

describe(`deadlines and the late policy (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  const past = new Date(Date.now() - 3600_000).toISOString();
  const future = new Date(Date.now() + 3600_000).toISOString();

  it('after the deadline: refused by default; one student’s extension lets them submit on time; "accept" flags late work', async () => {
    const { slug, manageKey } = await create();
    const ada = (await json<{ resumeToken: string }>(join(slug, 'Ada'), 201)).resumeToken;
    const bob = (await json<{ resumeToken: string }>(join(slug, 'Bob'), 201)).resumeToken;
    await json(call(r.patch, { method: 'PATCH', body: { deadline: past }, params: { slug }, headers: mk(manageKey) }), 200);
    expect((await json(submit(slug, ada), 409)).error).toContain('deadline');

    expect((await json(call(r.extend, { method: 'PUT', body: { name: 'Nobody', deadline: future }, params: { slug }, headers: mk(manageKey) }), 404)).error).toContain('No student named “Nobody”');
    expect((await call(r.extend, { method: 'PUT', body: { name: 'ada', deadline: 'tomorrow' }, params: { slug }, headers: mk(manageKey) })).status).toBe(422);
    const ext = await json<{ extension: { name: string; deadline: string } }>(call(r.extend, { method: 'PUT', body: { name: 'ada', deadline: future }, params: { slug }, headers: mk(manageKey) }), 200);
    expect(ext.extension.name).toBe('Ada');
    const adaView = await json<{ scenario: { deadline: string; acceptingSubmissions: boolean; extended: boolean } }>(call(r.me, { params: { slug }, headers: st(ada) }), 200);
    expect(adaView.scenario).toMatchObject({ deadline: future, acceptingSubmissions: true, extended: true });
    expect((await json<{ submission: { late: boolean } }>(submit(slug, ada), 201)).submission.late).toBe(false);
    expect((await submit(slug, bob)).status).toBe(409);

    await json(call(r.patch, { method: 'PATCH', body: { latePolicy: 'accept' }, params: { slug }, headers: mk(manageKey) }), 200);
    const bobView = await json<{ scenario: { acceptingSubmissions: boolean; lateNow: boolean } }>(call(r.me, { params: { slug }, headers: st(bob) }), 200);
    expect(bobView.scenario).toMatchObject({ acceptingSubmissions: true, lateNow: true });
    expect((await json<{ submission: { late: boolean } }>(submit(slug, bob), 201)).submission.late).toBe(true);

    const dash = await json<{ submissions: { displayName: string; late: boolean }[] }>(call(r.manage, { params: { slug }, headers: mk(manageKey) }), 200);
    expect(Object.fromEntries(dash.submissions.map((s) => [s.displayName, s.late]))).toEqual({ Ada: false, Bob: true });
    const csv = await (await call(r.exportCsv, { params: { slug }, headers: mk(manageKey) })).text();
    const [header, ...lines] = csv.trim().split('\r\n');
    const lateCol = header.split(',').indexOf('late');
    expect(lateCol).toBeGreaterThan(0);
    expect(Object.fromEntries(lines.map((l) => [l.split(',')[0], l.split(',')[lateCol]]))).toEqual({ Ada: 'false', Bob: 'true' });
    const list = await classList(slug, manageKey);
    expect(list.rows.map((row) => [row.name, row.status, row.extension])).toEqual([
      ['Ada', 'submitted', future],
      ['Bob', 'late', null],
    ]);
    // Removing the extension: back to the scenario's deadline.
    await json(call(r.extend, { method: 'PUT', body: { name: 'Ada', deadline: null }, params: { slug }, headers: mk(manageKey) }), 200);
    expect((await json<{ submission: { late: boolean } }>(submit(slug, ada), 201)).submission.late).toBe(true);
  });

  it('an extension can be given to a name on the class list before the student joins', async () => {
    const { slug, manageKey } = await create({ deadline: past });
    const { added } = await json<{ added: { joinUrl: string }[] }>(addRoster(slug, manageKey, 'Cleo Park'), 201);
    await json(call(r.extend, { method: 'PUT', body: { name: 'cleo park', deadline: future }, params: { slug }, headers: mk(manageKey) }), 200);
    const cleo = await json<{ resumeToken: string }>(joinLink(slug, added[0].joinUrl), 201);
    expect((await submit(slug, cleo.resumeToken)).status).toBe(201);
  });
});

describe(`leaderboard names (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('shows initials by default, full names or none as the instructor chooses, and marks the asker’s own row', async () => {
    const res = await call(r.create, { body: scenarioInput({}, { leaderboardNames: undefined }), address: newAddress() });
    const { slug, manageKey } = await json<{ slug: string; manageKey: string }>(res, 201);
    const ava = (await json<{ resumeToken: string }>(join(slug, 'Ava Smith'), 201)).resumeToken;
    const ben = (await json<{ resumeToken: string }>(join(slug, 'ben.ode@school.edu'), 201)).resumeToken;
    await submit(slug, ava, 3);
    await submit(slug, ben, 2);
    const board = async (token?: string) =>
      (await json<{ entries: { displayName: string; you?: boolean }[]; names: string }>(call(r.leaderboard, { params: { slug }, headers: token ? st(token) : {} }), 200));
    const initials = await board();
    expect(initials.names).toBe('initials');
    expect(initials.entries.map((e) => e.displayName)).toEqual(['A. S.', 'B. O.']);
    expect(JSON.stringify(initials)).not.toContain('Smith');
    expect((await board(ben)).entries.map((e) => e.you ?? false)).toEqual([false, true]);

    await json(call(r.patch, { method: 'PATCH', body: { leaderboardNames: 'hidden' }, params: { slug }, headers: mk(manageKey) }), 200);
    const hidden = await board(ava);
    expect(hidden.entries.map((e) => e.displayName)).toEqual(['You', 'Student']);
    expect(JSON.stringify(hidden)).not.toMatch(/Ava|Smith|ben/);

    await json(call(r.patch, { method: 'PATCH', body: { leaderboardNames: 'full' }, params: { slug }, headers: mk(manageKey) }), 200);
    // An email as a name shows without its domain.
    expect((await board()).entries.map((e) => e.displayName)).toEqual(['Ava Smith', 'ben.ode']);
    expect((await call(r.patch, { method: 'PATCH', body: { leaderboardNames: 'everything' }, params: { slug }, headers: mk(manageKey) })).status).toBe(422);
  });
});

describe(`every new route refuses another scenario’s key and a student’s token (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('answers 404 and changes nothing', async () => {
    const a = await create();
    const b = await create();
    const { added } = await json<{ added: { id: string }[] }>(addRoster(a.slug, a.manageKey, 'Ava'), 201);
    const entryId = added[0].id;
    const student = (await json<{ resumeToken: string }>(join(a.slug, 'Zoe'), 201)).resumeToken;
    const aKey = await json<{ key: { id: string } }>(call(r.addKey, { body: { label: 'TA' }, params: { slug: a.slug }, headers: mk(a.manageKey) }), 201);
    const tries: [string, () => Promise<Response>][] = [];
    for (const [who, headers] of [
      ['B’s key', mk(b.manageKey)],
      ['a student’s token', mk(student)],
      ['a student’s token as bearer', { authorization: `Bearer ${student}` }],
      ['no key', {}],
    ] as const) {
      const p = { slug: a.slug };
      tries.push(
        [`${who}: class list`, () => call(r.roster, { params: p, headers })],
        [`${who}: paste`, () => call(r.addRoster, { body: { text: 'Mallory' }, params: p, headers })],
        [`${who}: new link`, () => call(r.newLink, { method: 'POST', rawBody: '', params: { ...p, entryId }, headers })],
        [`${who}: remove entry`, () => call(r.removeEntry, { method: 'DELETE', params: { ...p, entryId }, headers })],
        [`${who}: code on`, () => call(r.codeOn, { method: 'POST', rawBody: '', params: p, headers })],
        [`${who}: code off`, () => call(r.codeOff, { method: 'DELETE', params: p, headers })],
        [`${who}: keys`, () => call(r.keys, { params: p, headers })],
        [`${who}: add key`, () => call(r.addKey, { body: { label: 'Mallory' }, params: p, headers })],
        [`${who}: revoke key`, () => call(r.revokeKey, { method: 'DELETE', params: { ...p, keyId: aKey.key.id }, headers })],
        [`${who}: extension`, () => call(r.extend, { method: 'PUT', body: { name: 'Zoe', deadline: null }, params: p, headers })],
      );
    }
    for (const [what, attempt] of tries) expect((await attempt()).status, what).toBe(404);
    const list = await classList(a.slug, a.manageKey);
    expect(list.rows.map((row) => row.name)).toEqual(['Ava', 'Zoe']);
    expect(list.classCode).toBeNull();
    expect((await db().coInstructorKey.findMany({ where: { scenario: { slug: a.slug } } })).map((k) => [k.label, k.revokedAt])).toEqual([['TA', null]]);
    // A's entry id through B's own key: not B's.
    expect((await call(r.removeEntry, { method: 'DELETE', params: { slug: b.slug, entryId }, headers: mk(b.manageKey) })).status).toBe(404);
    expect((await call(r.newLink, { method: 'POST', rawBody: '', params: { slug: b.slug, entryId }, headers: mk(b.manageKey) })).status).toBe(404);
    // The join link takes no other methods and needs JSON.
    expect((await call(r.joinLink, { rawBody: 'token=x', params: { slug: a.slug }, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await call(r.joinLink, { body: { token: 'x'.repeat(43) }, params: { slug: a.slug } })).status).toBe(404);
  });
});
