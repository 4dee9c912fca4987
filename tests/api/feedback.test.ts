/**
 * Issue 19, feedback and reuse: an instructor comments on and adjusts a
 * submission and scores it on their own rubric, releases it, and the
 * student sees it; edits a published scenario's targets and every
 * submission is re-graded with a history; duplicates and archives; reads
 * class analytics. Every new route refuses another scenario's key and
 * another student's token.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { useTestDatabase } from './test-db';
import { call, newAddress, scaledDesign, scenarioInput, type Handler } from './scenarios-helpers';

vi.mock('@/lib/classroom/scenarios/engine', async () => ({ evaluateDesign: (await import('./scenarios-helpers')).fakeEvaluate }));
vi.mock('@/lib/classroom/scenarios/grading-pool', async (importOriginal) => (await import('./scenarios-helpers')).gradingPoolWithFakeEngine(importOriginal));

type H = Handler;
const r = {} as Record<
  | 'create' | 'read' | 'join' | 'submit' | 'leaderboard' | 'manage' | 'exportCsv'
  | 'feedbackAll' | 'release' | 'feedbackGet' | 'feedbackPut' | 'revisions' | 'edit' | 'regrade' | 'duplicate' | 'archive' | 'analytics' | 'updates' | 'myFeedback',
  H
>;
let db: typeof import('@/lib/server/db').db;

beforeAll(async () => {
  await useTestDatabase();
  r.create = (await import('@/app/api/scenarios/route')).POST as H;
  r.read = (await import('@/app/api/scenarios/[slug]/route')).GET as H;
  r.join = (await import('@/app/api/scenarios/[slug]/students/route')).POST as H;
  r.submit = (await import('@/app/api/scenarios/[slug]/submissions/route')).POST as H;
  r.leaderboard = (await import('@/app/api/scenarios/[slug]/leaderboard/route')).GET as H;
  r.manage = (await import('@/app/api/scenarios/[slug]/manage/route')).GET as H;
  r.exportCsv = (await import('@/app/api/scenarios/[slug]/manage/export/route')).GET as H;
  const fb = await import('@/app/api/scenarios/[slug]/manage/feedback/route');
  r.feedbackAll = fb.GET as H;
  r.release = fb.PATCH as H;
  const one = await import('@/app/api/scenarios/[slug]/manage/submissions/[id]/feedback/route');
  r.feedbackGet = one.GET as H;
  r.feedbackPut = one.PUT as H;
  const rev = await import('@/app/api/scenarios/[slug]/manage/revisions/route');
  r.revisions = rev.GET as H;
  r.edit = rev.POST as H;
  r.regrade = (await import('@/app/api/scenarios/[slug]/manage/regrade/route')).POST as H;
  r.duplicate = (await import('@/app/api/scenarios/[slug]/manage/duplicate/route')).POST as H;
  r.archive = (await import('@/app/api/scenarios/[slug]/manage/archive/route')).POST as H;
  r.analytics = (await import('@/app/api/scenarios/[slug]/manage/analytics/route')).GET as H;
  r.updates = (await import('@/app/api/scenarios/[slug]/updates/route')).GET as H;
  r.myFeedback = (await import('@/app/api/scenarios/[slug]/me/feedback/route')).GET as H;
  ({ db } = await import('@/lib/server/db'));
});

const RUBRIC = [
  { id: 'cache', label: 'Explains the cache choice', maxPoints: 10 },
  { id: 'cost', label: 'Justifies the cost', maxPoints: 5 },
];

async function create(config: Record<string, unknown> = {}) {
  const res = await call(r.create, { body: scenarioInput({}, { rubric: RUBRIC, ...config }), address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { slug: string; manageKey: string };
}

async function join(slug: string, displayName: string): Promise<string> {
  const res = await call(r.join, { body: { displayName }, params: { slug }, address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { resumeToken: string }).resumeToken;
}

async function submit(slug: string, token: string, design: Design = scaledDesign(4)): Promise<{ id: string; score: number }> {
  const res = await call(r.submit, { body: { design }, params: { slug }, headers: { 'x-student-token': token }, address: newAddress() });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { submission: { id: string; score: number } }).submission;
}

const mk = (key: string) => ({ 'x-manage-key': key });
const st = (token: string) => ({ 'x-student-token': token });

function withCache(instances: number): Design {
  const d = scaledDesign(instances);
  d.nodes.push({ id: 'cache', kind: 'cache', position: { x: 300, y: 100 } });
  return d;
}

describe(`feedback, re-grading and analytics (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('the instructor comments, adjusts with a reason and scores the rubric; the student sees it only once released, the CSV has it', async () => {
    const { slug, manageKey } = await create({ scoreVisibility: 'on-submit' });
    const ada = await join(slug, 'Ada');
    const sub = await submit(slug, ada, scaledDesign(2));
    const put = (body: unknown) => call(r.feedbackPut, { method: 'PUT', body, params: { slug, id: sub.id }, headers: mk(manageKey) });

    // Bad input is refused, naming the problem, and nothing is stored.
    const noReason = await put({ adjustment: 5 });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { issues: { path: string }[] }).issues[0].path).toBe('adjustmentReason');
    const tooBig = await put({ adjustment: 150, adjustmentReason: 'x' });
    expect(tooBig.status).toBe(422);
    expect(await tooBig.text()).toMatch(/adjustment must be from -100 to \+100 points/);
    const overMax = await put({ rubricPoints: { cache: 11 } });
    expect(overMax.status).toBe(422);
    expect(await overMax.text()).toMatch(/out of 10 points; 11 is too many/);
    expect((await put({ rubricPoints: { nope: 1 } })).status).toBe(422);
    expect((await put({})).status).toBe(422);
    expect(await db().submissionFeedback.count({ where: { submissionId: sub.id } })).toBe(0);

    const ok = await put({ comment: 'Good start; add a cache.', adjustment: 80, adjustmentReason: 'Explained it well in class', rubricPoints: { cache: 7 } });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const { feedback } = (await ok.json()) as { feedback: { finalScore: number; modelScore: number } };
    // The final score stays within 0–100 however large the adjustment.
    expect(feedback.modelScore).toBe(sub.score);
    expect(feedback.finalScore).toBe(Math.min(100, sub.score + 80));

    // Not released: the student sees nothing of it.
    const before = (await (await call(r.myFeedback, { params: { slug }, headers: st(ada) })).json()) as { released: boolean; feedback: unknown[] };
    expect(before).toMatchObject({ released: false, feedback: [] });

    expect((await call(r.release, { method: 'PATCH', body: { released: true }, params: { slug }, headers: mk(manageKey) })).status).toBe(200);
    const after = (await (await call(r.myFeedback, { params: { slug }, headers: st(ada) })).json()) as {
      released: boolean;
      feedback: { submissionId: string; comment: string; adjustment: number; adjustmentReason: string; finalScore: number; rubric: { id: string; points: number | null }[]; rubricTotal: { points: number; max: number } }[];
    };
    expect(after.released).toBe(true);
    expect(after.feedback).toHaveLength(1);
    expect(after.feedback[0]).toMatchObject({ submissionId: sub.id, comment: 'Good start; add a cache.', adjustment: 80, adjustmentReason: 'Explained it well in class', finalScore: feedback.finalScore, rubricTotal: { points: 7, max: 15 } });
    expect(after.feedback[0].rubric.map((c) => [c.id, c.points])).toEqual([['cache', 7], ['cost', null]]);

    const csv = await (await call(r.exportCsv, { params: { slug }, headers: mk(manageKey) })).text();
    const [header, line] = csv.split('\r\n');
    expect(header).toContain(',comment,adjustment,adjustment_reason,final_score,rubric: Explains the cache choice (of 10),rubric: Justifies the cost (of 5),rubric_total');
    expect(line).toContain(`Good start; add a cache.",80,Explained it well in class,${feedback.finalScore},7,,7`);
  });

  it('every new route refuses another scenario’s key and another student’s token', async () => {
    const a = await create();
    const b = await create();
    const adaA = await join(a.slug, 'Ada');
    const bobB = await join(b.slug, 'Bob');
    const subA = await submit(a.slug, adaA);
    const subB = await submit(b.slug, bobB);
    const manageCalls: [H, string, Record<string, string>, unknown?, string?][] = [
      [r.feedbackAll, 'GET', {}],
      [r.release, 'PATCH', {}, { released: true }],
      [r.feedbackGet, 'GET', { id: subA.id }],
      [r.feedbackPut, 'PUT', { id: subA.id }, { comment: 'x' }],
      [r.revisions, 'GET', {}],
      [r.edit, 'POST', {}, { brief: 'new' }],
      [r.regrade, 'POST', {}, {}],
      [r.duplicate, 'POST', {}, {}],
      [r.archive, 'POST', {}, { archived: true }],
      [r.analytics, 'GET', {}],
    ];
    for (const [handler, method, params, body] of manageCalls) {
      for (const headers of [mk(b.manageKey), st(adaA), {}]) {
        const res = await call(handler, { method, body, params: { slug: a.slug, ...params }, headers, address: newAddress() });
        expect(res.status, `${method} with ${JSON.stringify(Object.keys(headers))}`).toBe(404);
      }
    }
    // Scenario A's key, but scenario B's submission.
    expect((await call(r.feedbackPut, { method: 'PUT', body: { comment: 'x' }, params: { slug: a.slug, id: subB.id }, headers: mk(a.manageKey) })).status).toBe(404);
    expect((await call(r.feedbackGet, { params: { slug: a.slug, id: subB.id }, headers: mk(a.manageKey) })).status).toBe(404);
    // A student's feedback: another scenario's student, a manage key, nothing: all refused.
    for (const headers of [st(bobB), mk(a.manageKey), {}]) expect((await call(r.myFeedback, { params: { slug: a.slug }, headers })).status).toBe(404);
    // Nothing changed in A.
    expect(await db().submissionFeedback.count({ where: { submissionId: subA.id } })).toBe(0);
    expect((await db().scenario.findUnique({ where: { slug: a.slug } }))!.archivedAt).toBeNull();
  });

  it('editing the budget re-grades every submission; each keeps a history; students read “budget $250 → $400”, never the reference', async () => {
    // The stand-in engine costs $100 a component: three components cost $300, over a $250 budget.
    const { slug, manageKey } = await create({ slo: { p95ReadMs: 300, availability: 0.999, monthlyBudgetUsd: 250 } });
    const tokens = await Promise.all(['Ada', 'Bob', 'Cy'].map((n) => join(slug, n)));
    const first = await submit(slug, tokens[0], scaledDesign(4));
    await submit(slug, tokens[0], scaledDesign(3));
    await submit(slug, tokens[1], scaledDesign(4));
    await submit(slug, tokens[2], scaledDesign(3));
    const costPassed = async () =>
      (await db().submission.findMany({ where: { scenario: { slug } }, select: { grade: true } })).map((s) =>
        (JSON.parse(s.grade) as { targets: { checks: { id: string; passed: boolean }[] }[] }).targets.every((t) => t.checks.find((c) => c.id === 'cost')!.passed),
      );
    expect(await costPassed()).toEqual([false, false, false, false]);

    // An invalid edit is refused and changes nothing.
    const bad = await call(r.edit, { body: { targets: [] }, params: { slug }, headers: mk(manageKey), address: newAddress() });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/choose at least one target/);
    expect(await db().scenarioRevision.count({ where: { scenario: { slug } } })).toBe(0);

    const res = await call(r.edit, {
      body: { slo: { p95ReadMs: 300, availability: 0.999, monthlyBudgetUsd: 400 }, referenceDesign: scaledDesign(5), reason: 'The budget was a typo' },
      params: { slug },
      headers: mk(manageKey),
      address: newAddress(),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const edited = (await res.json()) as { revision: { changes: string[]; regrade: boolean; regradeTotal: number }; regrade: { done: number; remaining: number } };
    expect(edited.revision).toMatchObject({ changes: ['budget $250 → $400', 'reference design replaced'], regrade: true, regradeTotal: 4 });
    expect(edited.regrade).toEqual({ revisionId: expect.any(String), done: 4, remaining: 0 });
    expect(await costPassed()).toEqual([true, true, true, true]);

    // The history of a submission: old score → new score, the checks that flipped, why.
    const hist = (await (await call(r.feedbackGet, { params: { slug, id: first.id }, headers: mk(manageKey) })).json()) as {
      history: { oldScore: number; newScore: number; flipped: { check: string; nowPassed: boolean }[]; changes: string[]; reason: string }[];
    };
    expect(hist.history).toHaveLength(1);
    expect(hist.history[0].oldScore).toBe(first.score);
    expect(hist.history[0].newScore).toBeGreaterThan(first.score);
    expect(hist.history[0].flipped).toEqual([
      { target: '100K users', check: 'Monthly cost', nowPassed: true },
      { target: '200K users', check: 'Monthly cost', nowPassed: true },
    ]);
    expect(hist.history[0]).toMatchObject({ reason: 'The budget was a typo', changes: ['budget $250 → $400', 'reference design replaced'] });

    // Students read what changed for them; the reference design stays the instructor's.
    const updates = (await (await call(r.updates, { params: { slug } })).json()) as { updates: { changes: string[]; reason: string }[] };
    expect(updates.updates).toEqual([expect.objectContaining({ changes: ['budget $250 → $400'], reason: 'The budget was a typo' })]);
    const mine = (await (await call(r.myFeedback, { params: { slug }, headers: st(tokens[0]) })).json()) as { history: Record<string, { changes: string[] }[]> };
    expect(mine.history[first.id][0].changes).toEqual(['budget $250 → $400']);

    // Nothing left to re-grade; a second run does nothing.
    const again = (await (await call(r.regrade, { method: 'POST', body: {}, params: { slug }, headers: mk(manageKey) })).json()) as { regrade: { done: number; remaining: number } };
    expect(again.regrade).toMatchObject({ done: 0, remaining: 0 });
    // A brief edit changes no grade: no re-grade.
    const brief = (await (await call(r.edit, { body: { brief: '## New brief' }, params: { slug }, headers: mk(manageKey), address: newAddress() })).json()) as { revision: { changes: string[]; regrade: boolean } };
    expect(brief.revision).toMatchObject({ changes: ['brief edited'], regrade: false });
    expect(await db().submissionRegrade.count({ where: { scenarioId: (await db().scenario.findUnique({ where: { slug } }))!.id } })).toBe(4);
  });

  it('a re-grade cut short is finished by …/manage/regrade', async () => {
    const { slug, manageKey } = await create({ slo: { p95ReadMs: 300, availability: 0.999, monthlyBudgetUsd: 250 } });
    const ada = await join(slug, 'Ada');
    for (let i = 0; i < 10; i++) await submit(slug, ada, scaledDesign(2 + (i % 3)));
    const { editScenario, regradePending } = await import('@/lib/classroom/scenarios/revisions');
    const { findScenario } = await import('@/lib/classroom/scenarios/repository');
    const edited = await editScenario((await findScenario(slug))!, { slo: { budgetUsd: 500 } });
    expect(edited.ok).toBe(true);
    // One batch of eight, then the process "stops".
    expect(await regradePending(slug, { maxBatches: 1 })).toMatchObject({ done: 8, remaining: 2 });
    const feedback = (await (await call(r.feedbackAll, { params: { slug }, headers: mk(manageKey) })).json()) as { pendingRegrades: number };
    expect(feedback.pendingRegrades).toBe(2);
    const rest = (await (await call(r.regrade, { method: 'POST', body: {}, params: { slug }, headers: mk(manageKey) })).json()) as { regrade: { done: number; remaining: number } };
    expect(rest.regrade).toMatchObject({ done: 2, remaining: 0 });
  });

  it('duplicating makes a new scenario with its own slug and key and no students; archiving makes it read-only until restored', async () => {
    const { slug, manageKey } = await create();
    const ada = await join(slug, 'Ada');
    await submit(slug, ada);
    const dup = await call(r.duplicate, { method: 'POST', body: {}, params: { slug }, headers: mk(manageKey), address: newAddress() });
    expect(dup.status, await dup.clone().text()).toBe(201);
    const copy = (await dup.json()) as { slug: string; manageKey: string };
    expect(copy.slug).not.toBe(slug);
    expect(copy.manageKey).not.toBe(manageKey);
    const copyDash = (await (await call(r.manage, { params: { slug: copy.slug }, headers: mk(copy.manageKey) })).json()) as { scenario: { title: string; students: number; submissions: number; targets: unknown[] } };
    expect(copyDash.scenario).toMatchObject({ title: 'Scale the shop (copy)', students: 0, submissions: 0 });
    // The original's key does not manage the copy.
    expect((await call(r.manage, { params: { slug: copy.slug }, headers: mk(manageKey) })).status).toBe(404);
    const original = await db().scenario.findUnique({ where: { slug } });
    const duplicated = await db().scenario.findUnique({ where: { slug: copy.slug } });
    expect(duplicated!.config).toBe(original!.config);

    const archive = await call(r.archive, { method: 'POST', body: { archived: true }, params: { slug }, headers: mk(manageKey) });
    expect(archive.status).toBe(200);
    expect(((await archive.json()) as { scenario: { archived: boolean; acceptingSubmissions: boolean } }).scenario).toMatchObject({ archived: true, acceptingSubmissions: false });
    const refused = await call(r.submit, { body: { design: scaledDesign(3) }, params: { slug }, headers: st(ada), address: newAddress() });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toMatch(/archived/);
    // Nobody new can join an archived scenario either (they could never submit), and nobody was added.
    const studentsBefore = await db().student.count({ where: { scenario: { slug } } });
    const lateJoin = await call(r.join, { body: { displayName: 'Latecomer' }, params: { slug }, address: newAddress() });
    expect(lateJoin.status).toBe(409);
    expect(await lateJoin.text()).toMatch(/archived/);
    expect(await db().student.count({ where: { scenario: { slug } } })).toBe(studentsBefore);
    expect(((await (await call(r.read, { params: { slug } })).json()) as { archived: boolean }).archived).toBe(true);
    // Restored: submissions are accepted again, nothing was lost.
    expect((await call(r.archive, { method: 'POST', body: { archived: false }, params: { slug }, headers: mk(manageKey) })).status).toBe(200);
    await submit(slug, ada, scaledDesign(3));
    expect(await db().submission.count({ where: { scenario: { slug } } })).toBe(2);
    expect((await call(r.archive, { method: 'POST', body: { archived: 'yes' }, params: { slug }, headers: mk(manageKey) })).status).toBe(422);
  });

  it('analytics: the distribution of final scores, the pass rate of each check, what fails most', async () => {
    const { slug, manageKey } = await create();
    const names = ['A', 'B', 'C', 'D', 'E'];
    const tokens = await Promise.all(names.map((n) => join(slug, n)));
    // 1 instance saturates at 200K users; 4 pass everything.
    const subs = [];
    for (const [i, t] of tokens.entries()) subs.push(await submit(slug, t, scaledDesign(i < 2 ? 1 : 4)));
    const res = await call(r.analytics, { params: { slug }, headers: mk(manageKey) });
    expect(res.status).toBe(200);
    const { analytics } = (await res.json()) as {
      analytics: { students: number; passedAll: number; histogram: { from: number; count: number }[]; checks: { target: string; check: string; passed: number; total: number }[]; components: { label: string; students: number }[]; findings: { key: string; students: number }[] };
    };
    expect(analytics.students).toBe(5);
    expect(analytics.passedAll).toBe(3);
    expect(analytics.histogram.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(analytics.histogram[9].count).toBe(3);
    expect(analytics.checks.find((c) => c.target === 'users-200000' && c.check === 'capacity')).toMatchObject({ passed: 3, total: 5 });
    expect(analytics.components[0]).toMatchObject({ label: 'App server', students: 2 });
    expect(analytics.findings[0]).toMatchObject({ key: 'saturated', students: 2 });
    // An adjustment moves a student in the distribution.
    await call(r.feedbackPut, { method: 'PUT', body: { adjustment: -100, adjustmentReason: 'copied' }, params: { slug, id: subs[4].id }, headers: mk(manageKey) });
    const after = (await (await call(r.analytics, { params: { slug }, headers: mk(manageKey) })).json()) as { analytics: { histogram: { count: number }[] } };
    expect(after.analytics.histogram[0].count).toBe(1);
    expect(after.analytics.histogram[9].count).toBe(2);
  });

  it('the leaderboard breaks ties on score by lower cost, then earlier submission, and says so', async () => {
    const { slug } = await create();
    const [ada, bob, cy] = await Promise.all(['Ada', 'Bob', 'Cy'].map((n) => join(slug, n)));
    await submit(slug, ada, withCache(4)); // 100 points, $400
    await submit(slug, bob, scaledDesign(4)); // 100 points, $300
    await submit(slug, cy, scaledDesign(4)); // 100 points, $300, later
    const board = (await (await call(r.leaderboard, { params: { slug } })).json()) as { entries: { rank: number; displayName: string; score: number }[]; tieBreak: string };
    // Ordered by cost ($300, $300, $400), then time; but only names and scores are sent.
    expect(board.entries).toEqual([
      { rank: 1, displayName: 'Bob', score: 100 },
      { rank: 2, displayName: 'Cy', score: 100 },
      { rank: 3, displayName: 'Ada', score: 100 },
    ]);
    expect(board.tieBreak).toMatch(/lower monthly cost, then the earlier submission/);
  });
});
