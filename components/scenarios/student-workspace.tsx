'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { parseDesign } from '@/lib/design/schema';

import type { Design } from '@/lib/engine/data';

import { scenarioJudge } from '@/lib/editor/judges/specs';

import type { ScenarioGrade } from '@/lib/classroom/scenarios/grading';

import type { LeaderboardRow, StudentSubmission } from '@/lib/classroom/scenarios/repository';

import {
  checkDesignConstraints,
  emptyDesignIssue,
  scoresVisible,
  type FieldIssue,
  type PublicScenario,
} from '@/lib/classroom/scenarios/schema';

import { tabKeyTarget } from '@/lib/browser/tab-keys';

import { absoluteUrl, api } from './api';

import { replaceHash, storeItem, useHashParam, useStoredItem } from '@/lib/browser/browser-state';

import { CopyField } from './copy-field';

import { GradeView, PassPill } from './grade-view';

import { BriefMarkdown } from './markdown';

import { readScenarioDraft, ScenarioEditor, scenarioDraftSlot, type EditorController } from './scenario-editor';

import { TechnologyComparisonScope, type ComparisonScope } from '@/components/editor/technology-compare';

import { ScenarioFacts } from './scenario-facts';

import { MyFeedback, ScenarioUpdates } from './student-feedback';

import { DeadlineNote, JoinPanel, NotYou, tokenKey, useJoinLink } from './join-panel';

import { LiveViewNotice, useDraftPublisher } from './draft-publisher';

import { formatDateTime } from '@/lib/shared/format';


interface Me {
  student: { displayName: string };
  scenario: PublicScenario & { extended?: boolean; lateNow?: boolean };
  submissions: StudentSubmission[];
  latestDesign: Design | null;
}

const EMPTY: Design = { schemaVersion: 1, nodes: [], edges: [] };

type Tab = 'brief' | 'results' | 'history' | 'leaderboard';

function Leaderboard({ slug, me, token }: { slug: string; me: string; token: string | null }) {
  const [board, setBoard] = useState<{ entries: LeaderboardRow[]; note: string | null; tieBreak?: string } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // The token lets a public sample's leaderboard show this student beside its demo students.
    void api<{ entries: LeaderboardRow[]; note: string | null; tieBreak?: string }>(
      `/api/scenarios/${slug}/leaderboard`,
      {
        studentToken: token,
      },
    ).then((r) => (r.ok ? setBoard(r.data) : setError(r.error)));
  }, [slug, token]);
  if (error) return <p className="text-sm text-slate-600">{error}</p>;
  if (!board) return <p className="text-sm text-slate-600">Loading…</p>;
  const { entries, note } = board;
  const isMe = (e: LeaderboardRow) => (e.you !== undefined || note ? e.you === true : e.displayName === me);
  const notice = note ? (
    <p data-testid="leaderboard-note" className="mb-3 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
      {note}
    </p>
  ) : null;
  if (entries.length === 0)
    return (
      <>
        {notice}
        <p className="text-sm text-slate-600">Nobody has submitted yet.</p>
      </>
    );
  return (
    <>
      {notice}
      <table className="w-full text-sm">
        <caption className="sr-only">Leaderboard: latest score of each student</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-1.5 pr-2 font-medium">
              #
            </th>
            <th scope="col" className="py-1.5 pr-2 font-medium">
              Student
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={i} className={`border-b border-slate-100 ${isMe(e) ? 'bg-brand-50 font-medium' : ''}`}>
              <td className="py-1.5 pr-2 tabular-nums text-slate-600">{e.rank}</td>
              <td className="break-all py-1.5 pr-2 text-slate-900">
                {e.displayName}
                {e.you && e.displayName !== 'You' ? (
                  <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>
                ) : null}
              </td>
              <td className="py-1.5 text-right tabular-nums text-slate-900">{e.score}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board.tieBreak ? <p className="mt-2 text-xs text-slate-600">{board.tieBreak}</p> : null}
    </>
  );
}

function IssueList({ issues }: { issues: FieldIssue[] }) {
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-saturated">
      {issues.slice(0, 8).map((i, n) => (
        <li key={n}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
      ))}
    </ul>
  );
}

type SubmitState =
  | { kind: 'idle' | 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string; issues: FieldIssue[] };

function SubmitStatus({ state }: { state: SubmitState }) {
  if (state.kind === 'done') {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
        {state.message}
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
        <p>{state.message}</p>
        {state.issues.length > 0 ? <IssueList issues={state.issues} /> : null}
      </div>
    );
  }
  return null;
}

/** The student's side: join, design within the scenario, submit, see results. */
export function StudentWorkspace({ initial }: { initial: PublicScenario }) {
  const slug = initial.slug;
  const storedToken = useStoredItem(tokenKey(slug));
  const hashToken = useHashParam('resume');
  // undefined while hydrating; then the token from a resume link or from this browser.
  const token = hashToken ?? storedToken;
  const [me, setMe] = useState<{ token: string; data: Me } | null>(null);
  // A personal join link (#join=…) signs in as the name on the class list.
  const joinLink = useJoinLink(slug, token, me && me.token === token ? me.data.student.displayName : undefined);
  const [initialDesign, setInitialDesign] = useState<Design | null>(null);
  const [joinNotice, setJoinNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState<Tab>('brief');
  const [liveGrade, setLiveGrade] = useState<ScenarioGrade | null>(null);
  const [submitState, setSubmitState] = useState<SubmitState>({ kind: 'idle' });
  const controller = useRef<EditorController | null>(null);
  const startDesign = useMemo<Design>(() => initial.startingDesign ?? EMPTY, [initial.startingDesign]);

  // A resume link carries the token in the fragment, which never reaches a
  // server: keep it in this browser and take it out of the address bar.
  useEffect(() => {
    if (!hashToken) return;
    storeItem(tokenKey(slug), hashToken);
    replaceHash(null);
  }, [hashToken, slug]);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    void api<Me>(`/api/scenarios/${slug}/me`, { studentToken: token }).then((res) => {
      if (cancelled) return;
      if (res.ok) {
        setMe({ token, data: res.data });
        setLoadError(null);
        // Where the canvas starts: this browser's draft, else the latest submission, else the starting design.
        setInitialDesign((d) => d ?? readScenarioDraft(localStorage, slug) ?? res.data.latestDesign ?? startDesign);
      } else if (res.status === 404 || res.status === 410) {
        storeItem(tokenKey(slug), null);
        // 410: the instructor removed this student, and the answer says so.
        setJoinNotice(
          res.status === 410
            ? res.error
            : 'That resume link is not valid for this scenario any more. Start again with your name.',
        );
      } else {
        setLoadError(res.error);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [token, slug, startDesign, version]);

  const meData = me && me.token === token ? me.data : null;
  const scenario = meData?.scenario ?? initial;
  const visible = scoresVisible(scenario);
  const live = scenario.scoreVisibility === 'live';
  // The inspector compares technologies at the scenario's own load, and only where its scores are live.
  const biggestTarget = Math.max(...scenario.targets.map((t) => t.users));
  const comparisonScope = useMemo<ComparisonScope>(
    () =>
      live
        ? { users: biggestTarget, stage: null, workload: scenario.grading.workload, figures: true }
        : {
            users: biggestTarget,
            stage: null,
            figures: false,
            why: 'This scenario shows its scores only after you submit, so it does not compare technologies’ figures either.',
          },
    [live, biggestTarget, scenario.grading.workload],
  );
  const draft = useDraftPublisher(slug, meData ? (token ?? null) : null, scenario.liveView);
  const pushDraft = draft.push;
  const phase: 'loading' | 'join' | 'work' | 'error' =
    token === undefined
      ? 'loading'
      : !token
        ? 'join'
        : meData && initialDesign
          ? 'work'
          : loadError
            ? 'error'
            : 'loading';
  const resumeUrl = token ? absoluteUrl(`/s/${slug}#resume=${token}`) : null;

  // The draft is kept by the editor's session (scenarioDraftSlot): the page only sends it on to the live view.
  const onDesignChange = useCallback((design: Design) => pushDraft(design), [pushDraft]);
  // Graded live in the scoring worker, where the scenario shows scores live.
  const grading = scenario.grading;
  const judge = useMemo(() => (live ? scenarioJudge(grading) : null), [live, grading]);
  const slot = useMemo(() => (typeof window === 'undefined' ? null : scenarioDraftSlot(localStorage, slug)), [slug]);
  const onVerdict = useCallback((v: { grade: ScenarioGrade } | null) => setLiveGrade(v?.grade ?? null), []);

  const pendingSubmit = useRef<{ design: string; key: string } | null>(null);
  const submit = async () => {
    if (!token || !controller.current) return;
    const design = controller.current.getDesign();
    // Checked as the server will: a new design, so a param its kind does not take is refused.
    const parsed = parseDesign(design, { newDesign: true });
    const issues = parsed.ok
      ? checkDesignConstraints(parsed.design, { ...scenario, startingDesign: scenario.startingDesign ?? undefined })
      : parsed.issues;
    setTab('results');
    const empty = parsed.ok ? emptyDesignIssue(parsed.design) : null;
    if (empty) {
      setSubmitState({ kind: 'error', message: `Nothing to submit yet. ${empty.message}`, issues: [] });
      return;
    }
    if (issues.length > 0) {
      setSubmitState({ kind: 'error', message: 'Fix these before submitting:', issues });
      return;
    }
    setSubmitState({ kind: 'busy' });
    // One Idempotency-Key per submit attempt, reused when the same design is
    // sent again after an answer that never came (or a busy server): the
    // server then answers the stored submission instead of storing it twice.
    const sent = JSON.stringify(design);
    const attempt =
      pendingSubmit.current?.design === sent ? pendingSubmit.current : { design: sent, key: newIdempotencyKey() };
    pendingSubmit.current = attempt;
    const res = await api<{ submission: StudentSubmission }>(`/api/scenarios/${slug}/submissions`, {
      body: { design },
      studentToken: token,
      headers: { 'idempotency-key': attempt.key },
    });
    if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429))
      pendingSubmit.current = null;
    if (res.ok) {
      const s = res.data.submission;
      setMe((m) =>
        m ? { ...m, data: { ...m.data, submissions: [s, ...m.data.submissions], latestDesign: design } } : m,
      );
      setSubmitState({
        kind: 'done',
        message: s.grade
          ? `Submitted at ${formatDateTime(s.createdAt)}. Your latest submission is the one that counts.`
          : `Submitted at ${formatDateTime(s.createdAt)}. Your instructor will release the scores later; your latest submission is the one that counts.`,
      });
    } else if (res.status === 409) {
      setSubmitState({ kind: 'error', message: res.error, issues: [] });
      setVersion((v) => v + 1);
    } else {
      setSubmitState({ kind: 'error', message: res.error, issues: res.issues });
    }
  };

  const latest = meData?.submissions[0] ?? null;
  const shownGrade: ScenarioGrade | null = live ? liveGrade : (latest?.grade ?? null);
  const accepting = scenario.acceptingSubmissions;

  if (phase === 'loading') {
    return <p className="mx-auto w-full max-w-6xl px-4 py-10 text-slate-600">Loading the scenario…</p>;
  }

  if (phase === 'error') {
    return (
      <div className="mx-auto w-full max-w-6xl px-4 py-10">
        <p role="alert" className="text-slate-800">
          Your work could not be loaded: {loadError}
        </p>
        <button
          type="button"
          onClick={() => setVersion((v) => v + 1)}
          className="mt-4 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Try again
        </button>
      </div>
    );
  }

  if (phase === 'join') {
    return (
      <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-8 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div>
          <ScenarioHeader scenario={scenario} />
          <div className="mt-6 rounded-xl border border-slate-200 bg-white p-5">
            <BriefMarkdown source={scenario.brief} />
          </div>
        </div>
        <div className="space-y-4">
          <JoinPanel
            scenario={scenario}
            notice={joinLink.busy ? 'Signing you in with your personal link…' : (joinLink.error ?? joinNotice)}
            onJoined={(t) => {
              setJoinNotice(null);
              storeItem(tokenKey(slug), t);
            }}
          />
          <ScenarioFacts scenario={scenario} />
        </div>
      </div>
    );
  }

  const tabs: { id: Tab; label: string }[] = [
    { id: 'brief', label: 'Brief' },
    { id: 'results', label: live ? 'Score' : 'Results' },
    { id: 'history', label: `Submitted (${meData?.submissions.length ?? 0})` },
    ...(scenario.leaderboard && visible ? [{ id: 'leaderboard' as Tab, label: 'Leaderboard' }] : []),
  ];

  return (
    <div className="flex flex-col lg:h-[calc(100dvh-3.5rem-1px)] lg:flex-row">
      <aside
        aria-label="Scenario"
        className="flex min-h-0 flex-col border-b border-slate-200 bg-white lg:w-[22rem] lg:shrink-0 xl:w-[25rem] lg:border-b-0 lg:border-r"
      >
        <div className="border-b border-slate-200 px-4 py-3">
          <ScenarioHeader scenario={scenario} compact />
          <p className="mt-1 text-sm text-slate-600">
            Working as <span className="font-medium text-slate-900">{meData?.student.displayName}</span>
            {meData ? <NotYou slug={slug} name={meData.student.displayName} /> : null}
          </p>
          <ScenarioUpdates slug={slug} />
        </div>
        <div
          role="tablist"
          aria-label="Scenario panels"
          className="relative flex gap-1 overflow-x-auto border-b border-slate-200 px-2"
        >
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              role="tab"
              type="button"
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={(e) => {
                const to = tabKeyTarget(
                  e.key,
                  tabs.findIndex((x) => x.id === tab),
                  tabs.length,
                );
                const next = to === null ? null : tabs[to];
                if (next) {
                  e.preventDefault();
                  setTab(next.id);
                  document.getElementById(`tab-${next.id}`)?.focus();
                }
              }}
              className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                tab === t.id
                  ? 'border-brand-600 text-brand-700'
                  : 'border-transparent text-slate-600 hover:text-slate-900'
              }`}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div
          id={`panel-${tab}`}
          role="tabpanel"
          aria-labelledby={`tab-${tab}`}
          className="relative min-h-0 flex-1 overflow-y-auto px-4 py-4 max-lg:max-h-[40dvh]"
        >
          {tab === 'brief' ? (
            <div className="space-y-5">
              <BriefMarkdown source={scenario.brief} />
              <ScenarioFacts scenario={scenario} />
              {resumeUrl ? (
                <div className="rounded-lg border border-slate-200 bg-slate-50 p-3">
                  <CopyField
                    label="Your personal resume link"
                    value={resumeUrl}
                    secret
                    hint="Open it on any device to continue. Anyone with it can submit as you."
                  />
                </div>
              ) : null}
            </div>
          ) : null}
          {tab === 'results' ? (
            <div className="space-y-4">
              <SubmitStatus state={submitState} />
              {shownGrade ? (
                <GradeView
                  grade={shownGrade}
                  heading={live ? 'Score of the design on the canvas' : 'Your latest submission'}
                />
              ) : latest && !visible ? (
                <p className="text-sm text-slate-600">Submitted. Your instructor will release the scores later.</p>
              ) : (
                <p className="text-sm text-slate-600">
                  {live ? 'Add components to see your score.' : 'Submit your design to see how it does.'}
                </p>
              )}
              <MyFeedback slug={slug} token={token ?? null} submissionId={meData?.submissions[0]?.id ?? null} />
            </div>
          ) : null}
          {tab === 'history' ? (
            meData && meData.submissions.length > 0 ? (
              <ol className="space-y-2">
                {meData.submissions.map((s, i) => (
                  <li
                    key={s.id}
                    className="flex items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm"
                  >
                    <span>
                      <span className="text-slate-900">{formatDateTime(s.createdAt)}</span>
                      {i === 0 ? (
                        <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">
                          counts
                        </span>
                      ) : null}
                      {s.late ? (
                        <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                          late
                        </span>
                      ) : null}
                    </span>
                    {s.score !== null && s.passed !== null ? (
                      <span className="flex items-center gap-2">
                        <span className="tabular-nums text-slate-900">{s.score}</span>
                        <PassPill passed={s.passed} />
                      </span>
                    ) : (
                      <span className="text-slate-500">score not released</span>
                    )}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-600">
                No submissions yet. You can submit as often as you like; the latest counts.
              </p>
            )
          ) : null}
          {tab === 'leaderboard' && meData ? (
            <Leaderboard slug={slug} me={meData.student.displayName} token={token ?? null} />
          ) : null}
        </div>
      </aside>
      <div className="flex h-[75dvh] min-h-[420px] flex-col lg:h-auto lg:min-w-0 lg:flex-1">
        {!accepting ? (
          <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
            {scenario.closedReason ?? 'Submissions are closed.'} You can still look at your work.
          </p>
        ) : null}
        <DeadlineNote scenario={scenario} />
        <LiveViewNotice on={draft.on} state={draft.state} />
        {initialDesign ? (
          <TechnologyComparisonScope value={comparisonScope}>
            <ScenarioEditor
              initialDesign={initialDesign}
              start={startDesign}
              allowedKinds={scenario.allowedKinds}
              lockedNodeIds={scenario.lockedNodeIds}
              controllerRef={controller}
              onDesignChange={onDesignChange}
              slot={slot}
              judge={judge}
              onVerdict={onVerdict}
              label="Your design"
              toolbarExtra={
                <>
                  {live && liveGrade ? (
                    <span className="mr-2 hidden items-center gap-2 text-sm sm:flex" aria-live="polite">
                      <span className="sr-only text-slate-600 md:not-sr-only">Score</span>
                      <span className="font-semibold tabular-nums text-slate-900">{liveGrade.score}</span>
                      <PassPill passed={liveGrade.passed} />
                    </span>
                  ) : null}
                  <button
                    type="button"
                    onClick={() => void submit()}
                    disabled={!accepting || submitState.kind === 'busy'}
                    className="inline-flex h-8 shrink-0 items-center rounded-md bg-brand-600 px-3 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50"
                  >
                    {submitState.kind === 'busy' ? (
                      'Submitting…'
                    ) : (
                      <>
                        Submit
                        {latest ? (
                          <span className="sr-only sm:not-sr-only">&nbsp;again</span>
                        ) : (
                          <span className="sr-only sm:not-sr-only">&nbsp;design</span>
                        )}
                      </>
                    )}
                  </button>
                </>
              }
            />
          </TechnologyComparisonScope>
        ) : null}
      </div>
    </div>
  );
}

function ScenarioHeader({ scenario, compact = false }: { scenario: PublicScenario; compact?: boolean }) {
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        {scenario.isSample ? (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">Sample</span>
        ) : null}
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-medium ${
            scenario.acceptingSubmissions ? 'bg-green-50 text-green-800' : 'bg-amber-50 text-amber-900'
          }`}
        >
          {scenario.acceptingSubmissions ? 'Open for submissions' : 'Closed'}
        </span>
        {scenario.deadline ? <span className="text-xs text-slate-600">Due {formatDateTime(scenario.deadline)}</span> : null}
      </div>
      <h1 className={`mt-1 break-words font-semibold text-slate-900 ${compact ? 'text-lg' : 'text-2xl sm:text-3xl'}`}>
        {scenario.title}
      </h1>
    </div>
  );
}

/** A random Idempotency-Key (crypto.randomUUID needs a secure context; this does not). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
