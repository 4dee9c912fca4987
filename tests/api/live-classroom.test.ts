/**
 * The live classroom's API: a student's draft reaches the instructor's live
 * stream graded; only with live view on; within the limits; and only the
 * right keys open anything.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './test-db';
import { baseDesign, call, newAddress, scaledDesign, scenarioInput, type Handler } from './scenarios-helpers';
import { eventOf, sseReader } from './live-helpers';

vi.mock('@/lib/classroom/scenarios/engine', async () => ({ evaluateDesign: (await import('./scenarios-helpers')).fakeEvaluate }));
vi.mock('@/lib/classroom/scenarios/grading-pool', async (importOriginal) => (await import('./scenarios-helpers')).gradingPoolWithFakeEngine(importOriginal));

type H = Handler;
const routes = {} as Record<'create' | 'join' | 'draft' | 'patch' | 'rotate' | 'live' | 'stream' | 'one' | 'removeStudent' | 'read', H>;
let live: typeof import('@/lib/server/live/channel');

beforeAll(async () => {
  await useTestDatabase();
  routes.create = (await import('@/app/api/scenarios/route')).POST as H;
  routes.read = (await import('@/app/api/scenarios/[slug]/route')).GET as H;
  routes.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST as H;
  routes.draft = (await import('@/app/api/scenarios/[slug]/draft/route')).POST as H;
  routes.patch = (await import('@/app/api/scenarios/[slug]/manage/route')).PATCH as H;
  routes.rotate = (await import('@/app/api/scenarios/[slug]/manage/key/route')).POST as H;
  routes.live = (await import('@/app/api/scenarios/[slug]/manage/live/route')).GET as H;
  routes.stream = (await import('@/app/api/scenarios/[slug]/manage/live/stream/route')).GET as H;
  routes.one = (await import('@/app/api/scenarios/[slug]/manage/live/[studentId]/route')).GET as unknown as H;
  routes.removeStudent = (await import('@/app/api/scenarios/[slug]/manage/students/[studentId]/route')).DELETE as unknown as H;
  live = await import('@/lib/server/live/channel');
});

afterAll(async () => {
  await live?.stopLive();
});

async function create(liveView: boolean) {
  const res = await call(routes.create, { body: scenarioInput({}, { liveView }), address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { slug: string; manageKey: string };
}

async function join(slug: string, displayName: string) {
  const res = await call(routes.join, { body: { displayName }, params: { slug }, address: newAddress() });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { resumeToken: string };
  const { db } = await import('@/lib/server/db');
  const row = await db().student.findFirstOrThrow({ where: { displayName, scenario: { slug } }, select: { id: true } });
  return { token: body.resumeToken, id: row.id };
}

function sendDraft(slug: string, token: string, design: unknown = scaledDesign(2), address = newAddress()) {
  return call(routes.draft, { body: { design }, params: { slug }, headers: { 'x-student-token': token }, address });
}

async function liveOf(slug: string, key: string) {
  const res = await call(routes.live, { params: { slug }, headers: { 'x-manage-key': key } });
  return { status: res.status, body: (await res.json()) as { liveView: boolean; stream: string; drafts: { studentId: string; displayName: string; score: number | null; status: string; issue: string | null }[]; waiting: { displayName: string }[] } };
}

function openStream(slug: string, url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const req = new Request(new URL(url, 'http://test.local'), { headers, signal: controller.signal });
  const done = routes.stream(req, { params: Promise.resolve({ slug, id: '' }) });
  return { done, controller };
}

describe('live classroom', () => {
  it('streams each student’s draft, graded by the server, to the instructor, as it changes', async () => {
    const { slug, manageKey } = await create(true);
    const ada = await join(slug, 'Ada');
    const bo = await join(slug, 'Bo');
    const first = await sendDraft(slug, ada.token, scaledDesign(1));
    expect(first.status, await first.clone().text()).toBe(200);
    const firstDraft = ((await first.json()) as { draft: { score: number; status: string } }).draft;
    expect(firstDraft.status).toBe('graded');

    const listed = await liveOf(slug, manageKey);
    expect(listed.status).toBe(200);
    expect(listed.body.liveView).toBe(true);
    expect(listed.body.drafts.map((d) => [d.displayName, d.score])).toEqual([['Ada', firstDraft.score]]);
    expect(listed.body.waiting.map((w) => w.displayName)).toEqual(['Bo']);
    expect(listed.body.stream).toMatch(new RegExp(`^/api/scenarios/${slug}/manage/live/stream\\?ticket=`));
    expect(listed.body.stream).not.toContain(manageKey);

    // The dashboard connects with its ticket: the current drafts first, then each change.
    const { done, controller } = openStream(slug, listed.body.stream);
    const res = await done;
    expect(res.status).toBe(200);
    const reader = sseReader(res.body!);
    const [, snapshot] = await reader.next(2);
    expect(snapshot.event).toBe('snapshot');
    expect((JSON.parse(snapshot.data!) as { drafts: { displayName: string }[] }).drafts.map((d) => d.displayName)).toEqual(['Ada']);

    const t0 = Date.now();
    const better = await sendDraft(slug, bo.token, scaledDesign(3));
    expect(better.status).toBe(200);
    const [change] = await reader.next(1, 2_000);
    expect(Date.now() - t0).toBeLessThan(2_000);
    const e = eventOf(change);
    expect(e.type).toBe('draft');
    expect(e.data).toMatchObject({ studentId: bo.id, displayName: 'Bo', status: 'graded', components: 3 });
    expect((e.data as { score: number }).score).toBeGreaterThan(firstDraft.score);

    // The live canvas reads one student's design and grade.
    const one = await call(routes.one, { params: { slug, studentId: bo.id }, headers: { 'x-manage-key': manageKey } });
    expect(one.status).toBe(200);
    const detail = (await one.json()) as { student: { displayName: string }; draft: { design: { nodes: { params?: { instances?: number } }[] }; grade: { targets: unknown[] } } };
    expect(detail.student.displayName).toBe('Bo');
    expect(detail.draft.design.nodes[1].params?.instances).toBe(3);
    expect(detail.draft.grade.targets.length).toBeGreaterThan(0);
    controller.abort();
  });

  it('says when a draft breaks the scenario’s rules, keeping the last graded design', async () => {
    const { slug, manageKey } = await create(true);
    const ada = await join(slug, 'Ada');
    expect((await sendDraft(slug, ada.token, scaledDesign(2))).status).toBe(200);
    const locked = structuredClone(baseDesign);
    locked.nodes = locked.nodes.filter((n) => n.id !== 'db'); // 'db' is locked in the starting design
    locked.edges = locked.edges.filter((x) => x.target !== 'db');
    const res = await sendDraft(slug, ada.token, locked);
    expect(res.status).toBe(422);
    const listed = await liveOf(slug, manageKey);
    expect(listed.body.drafts[0]).toMatchObject({ status: 'invalid', score: null });
    expect(listed.body.drafts[0].issue).toMatch(/db/);
    const one = await call(routes.one, { params: { slug, studentId: ada.id }, headers: { 'x-manage-key': manageKey } });
    const detail = (await one.json()) as { draft: { design: { nodes: unknown[] }; grade: unknown } };
    expect(detail.draft.design.nodes).toHaveLength(3);
    expect(detail.draft.grade).not.toBeNull();
  });

  it('sends and stores nothing while live view is off, and starts when the instructor turns it on', async () => {
    const { slug, manageKey } = await create(false);
    const ada = await join(slug, 'Ada');
    const off = await sendDraft(slug, ada.token);
    expect(off.status).toBe(409);
    expect(((await off.json()) as { error: string }).error).toMatch(/Live view is off/);
    expect((await liveOf(slug, manageKey)).body).toMatchObject({ liveView: false, drafts: [] });
    // Students can see the setting.
    const pub = await call(routes.read, { params: { slug } });
    expect(((await pub.json()) as { liveView: boolean }).liveView).toBe(false);

    const on = await call(routes.patch, { method: 'PATCH', body: { liveView: true }, params: { slug }, headers: { 'x-manage-key': manageKey } });
    expect(on.status).toBe(200);
    expect(((await on.json()) as { scenario: { liveView: boolean } }).scenario.liveView).toBe(true);
    expect((await sendDraft(slug, ada.token)).status).toBe(200);
    expect((await liveOf(slug, manageKey)).body.drafts).toHaveLength(1);
    const bad = await call(routes.patch, { method: 'PATCH', body: { liveView: 'yes' }, params: { slug }, headers: { 'x-manage-key': manageKey } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: string }).error).toMatch(/liveView must be true or false/);
  });

  it('limits drafts to about one a second per student, and their size as submissions', async () => {
    const { slug } = await create(true);
    const ada = await join(slug, 'Ada');
    const address = newAddress();
    // The limit counts in fixed 10-second windows (lib/classroom/scenarios/rate-limit.ts). Start with at least 2 s of
    // the window left: a window that turned during the loop reset the count, and CI once saw all 15 drafts accepted.
    const intoWindow = Date.now() % 10_000;
    if (intoWindow > 8_000) await new Promise((resolve) => setTimeout(resolve, 10_050 - intoWindow));
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await sendDraft(slug, ada.token, scaledDesign(1 + (i % 3)), address)).status);
    // 12 in one 10-second window, then 429.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(12);
    const refused = await sendDraft(slug, ada.token, scaledDesign(2), address);
    if (refused.status === 429) expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(statuses.concat(refused.status)).toContain(429);

    const bo = await join(slug, 'Bo');
    const { MAX_SUBMIT_BYTES } = await import('@/lib/classroom/scenarios/schema');
    const huge = { ...scaledDesign(2), name: 'x'.repeat(MAX_SUBMIT_BYTES) };
    const big = await sendDraft(slug, bo.token, huge);
    expect(big.status).toBe(413);
    const notJson = await call(routes.draft, { rawBody: '{"design": ', params: { slug }, headers: { 'x-student-token': bo.token } });
    expect(notJson.status).toBe(400);
  });

  it('refuses another scenario’s key, another student’s token, a forged or foreign ticket, and a replaced key', async () => {
    const a = await create(true);
    const b = await create(true);
    const ada = await join(a.slug, 'Ada');
    const bea = await join(b.slug, 'Bea');
    expect((await sendDraft(a.slug, ada.token)).status).toBe(200);

    // A student of B cannot send a draft to A; no token, no draft.
    expect((await sendDraft(a.slug, bea.token)).status).toBe(404);
    expect((await call(routes.draft, { body: { design: scaledDesign(2) }, params: { slug: a.slug } })).status).toBe(404);
    // B's manage key opens none of A's live routes; a student token is not a manage key.
    expect((await liveOf(a.slug, b.manageKey)).status).toBe(404);
    expect((await liveOf(a.slug, ada.token)).status).toBe(404);
    expect((await call(routes.one, { params: { slug: a.slug, studentId: ada.id }, headers: { 'x-manage-key': b.manageKey } })).status).toBe(404);
    // A's key does not read B's student through A's scenario.
    expect((await call(routes.one, { params: { slug: a.slug, studentId: bea.id }, headers: { 'x-manage-key': a.manageKey } })).status).toBe(404);
    const direct = await openStream(a.slug, `/api/scenarios/${a.slug}/manage/live/stream`, { 'x-manage-key': b.manageKey }).done;
    expect(direct.status).toBe(404);
    const noTicket = await openStream(a.slug, `/api/scenarios/${a.slug}/manage/live/stream`).done;
    expect(noTicket.status).toBe(404);

    // B's ticket on A's stream; a forged one; then A's own after A's key was replaced.
    const bTicket = new URL((await liveOf(b.slug, b.manageKey)).body.stream, 'http://x').searchParams.get('ticket')!;
    expect((await openStream(a.slug, `/api/scenarios/${a.slug}/manage/live/stream?ticket=${bTicket}`).done).status).toBe(404);
    const aStream = (await liveOf(a.slug, a.manageKey)).body.stream;
    const forged = aStream.replace(/\.[A-Za-z0-9_-]{43}$/, `.${'A'.repeat(43)}`);
    expect((await openStream(a.slug, forged).done).status).toBe(404);
    const longLived = aStream.replace(/ticket=[0-9a-z]+\./, `ticket=${(Date.now() + 86_400_000).toString(36)}.`);
    expect((await openStream(a.slug, longLived).done).status).toBe(404);
    const ok = openStream(a.slug, aStream);
    expect((await ok.done).status).toBe(200);
    ok.controller.abort();
    const rotated = await call(routes.rotate, { method: 'POST', params: { slug: a.slug }, headers: { 'x-manage-key': a.manageKey, 'content-type': 'application/json' } });
    expect(rotated.status).toBe(200);
    expect((await openStream(a.slug, aStream).done).status).toBe(404);
  });

  it('drops a removed student from the live view', async () => {
    const { slug, manageKey } = await create(true);
    const ada = await join(slug, 'Ada');
    await join(slug, 'Bo');
    expect((await sendDraft(slug, ada.token)).status).toBe(200);
    const removed = await call(routes.removeStudent, { method: 'DELETE', params: { slug, studentId: ada.id }, headers: { 'x-manage-key': manageKey } });
    expect(removed.status).toBe(200);
    const listed = await liveOf(slug, manageKey);
    expect(listed.body.drafts).toEqual([]);
    expect(listed.body.waiting.map((w) => w.displayName)).toEqual(['Bo']);
    expect((await call(routes.one, { params: { slug, studentId: ada.id }, headers: { 'x-manage-key': manageKey } })).status).toBe(404);
    expect((await sendDraft(slug, ada.token)).status).toBe(410);
  });
});
