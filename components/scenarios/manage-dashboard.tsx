'use client';

import Link from 'next/link';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { Dialog } from '@/components/editor/dialog';
import type { ManageScenario, SubmissionSummary } from '@/lib/classroom/scenarios/repository';
import { SCORE_VISIBILITY_FOR_INSTRUCTORS, type ManagePatch } from '@/lib/classroom/scenarios/schema';
import { absoluteUrl, api } from './api';
import { replaceHash, useHashParam } from '@/lib/browser/browser-state';
import { CopyField } from './copy-field';
import { PassPill } from './grade-view';
import { BriefMarkdown } from './markdown';
import { forgetScenario, saveScenario } from './my-scenarios';
import { ScenarioFacts } from './scenario-facts';
import { SubmissionDetailView, type DetailData } from './submission-detail';
import type { FeedbackView } from '@/lib/classroom/scenarios/feedback-schema';
import type { RubricCriterion } from '@/lib/classroom/scenarios/schema';
import { AnalyticsPanel } from './analytics-panel';
import { DashboardTabs, type DashboardTab } from './dashboard-tabs';
import { FeedbackPanel } from './feedback-panel';
import { ReusePanel, ScenarioEditPanel } from './scenario-edit-panel';
import { RosterPanel } from './roster-panel';
import { AccessPanel } from './access-panel';
import { LivePanel } from './live-panel';
import { formatDateTime } from '@/lib/shared/format';
import { buttonClass } from '@/components/ui/button';

type TabId = 'submissions' | 'roster' | 'analytics' | 'live' | 'settings';
const TABS: readonly DashboardTab<TabId>[] = [
  { id: 'submissions', label: 'Submissions' },
  { id: 'roster', label: 'Roster' },
  { id: 'analytics', label: 'Analytics' },
  { id: 'live', label: 'Live' },
  { id: 'settings', label: 'Settings' },
];

interface FeedbackState {
  released: boolean;
  archived: boolean;
  rubric: RubricCriterion[];
  feedback: Record<string, FeedbackView>;
  pendingRegrades: number;
}

/** Above the submissions: release the feedback, finish an interrupted re-grade. */
function FeedbackBar({
  released,
  pending,
  busy,
  scoresHidden,
  scoreLine,
  onRelease,
  onRegrade,
}: {
  released: boolean;
  pending: number;
  busy: boolean;
  scoresHidden: boolean;
  scoreLine: ReactNode;
  onRelease(released: boolean): void;
  onRegrade(): void;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <p className="text-sm text-slate-700">{scoreLine}</p>
      <p className="text-sm text-slate-700">
        Your comments, adjustments and rubric points are{' '}
        <strong>{released ? 'released: students see them' : 'not released: only you see them'}</strong>
        {scoresHidden && !released ? '. Releasing them releases the scores too.' : '.'}
      </p>
      <div className="flex flex-wrap gap-2">
        {pending > 0 ? (
          <button type="button" disabled={busy} onClick={onRegrade} className={buttonClass('secondary')}>
            Finish re-grading ({pending} left)
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={() => onRelease(!released)} className={buttonClass(released ? 'secondary' : 'primary')}>
          {released ? 'Hide feedback' : 'Release feedback'}
        </button>
      </div>
    </div>
  );
}

interface Dashboard {
  scenario: ManageScenario;
  submissions: SubmissionSummary[];
  /** Signed in with the owner's key or a co-instructor's (lib/classroom/scenarios/access.ts). */
  access?: { role: 'owner' | 'co-instructor'; label: string | null };
}

type SortKey = 'student' | 'time' | 'score' | `target:${string}`;
type Status = 'all' | 'passed' | 'failed' | `failed:${string}`;

const POLL_MS = 15_000;

/** The score as it counts: the model's, or the adjusted one beside it. */
function FinalScore({ row, feedback }: { row: SubmissionSummary; feedback?: FeedbackView }) {
  if (!feedback || feedback.adjustment === 0) {
    return (
      <>
        {row.score}
        {feedback?.comment ? <span className="ml-1 text-xs font-normal text-slate-500" title="Has your comment">💬<span className="sr-only"> commented</span></span> : null}
      </>
    );
  }
  return (
    <span title={`Model ${row.score}, adjusted ${feedback.adjustment > 0 ? '+' : ''}${feedback.adjustment}: ${feedback.adjustmentReason}`}>
      {feedback.finalScore}
      <span className="block text-xs font-normal text-slate-500">
        model {row.score} {feedback.adjustment > 0 ? '+' : '−'}
        {Math.abs(feedback.adjustment)}
      </span>
    </span>
  );
}

/** An ISO instant as the value of a datetime-local input, in local time. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function sortRows(rows: SubmissionSummary[], key: SortKey, dir: 1 | -1): SubmissionSummary[] {
  const value = (r: SubmissionSummary): string | number => {
    if (key === 'student') return r.displayName.toLocaleLowerCase();
    if (key === 'time') return r.createdAt;
    if (key === 'score') return r.score;
    const t = r.targets.find((x) => x.key === key.slice(7));
    return t ? t.score : -1;
  };
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    return (va < vb ? -1 : va > vb ? 1 : 0) * dir || a.displayName.localeCompare(b.displayName);
  });
}

function SortHeader({
  label,
  k,
  sort,
  onSort,
  className = '',
}: {
  label: string;
  k: SortKey;
  sort: { key: SortKey; dir: 1 | -1 };
  onSort(k: SortKey): void;
  className?: string;
}) {
  const active = sort.key === k;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
      className={`py-2 pr-3 font-medium ${className}`}
    >
      <button
        type="button"
        onClick={() => onSort(k)}
        className="inline-flex items-center gap-1 rounded hover:text-slate-900"
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-brand-700' : 'text-slate-300'}>
          {active && sort.dir === 1 ? '▲' : '▼'}
        </span>
      </button>
    </th>
  );
}

function DeadlineForm({
  deadline,
  busy,
  onSave,
}: {
  deadline: string | null;
  busy: boolean;
  onSave(iso: string | null, done: string): void;
}) {
  const id = useId();
  const [value, setValue] = useState(() => toLocalInput(deadline));
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const iso = value ? new Date(value).toISOString() : null;
        onSave(iso, iso ? `Deadline set to ${formatDateTime(iso)}.` : 'Deadline removed.');
      }}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Deadline <span className="font-normal text-slate-500">(your local time, optional)</span>
        </label>
        <input
          id={id}
          type="datetime-local"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="mt-1 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
      </div>
      <button type="submit" disabled={busy} className={buttonClass('secondary')}>
        Save deadline
      </button>
      {deadline ? (
        <button type="button" disabled={busy} className={buttonClass('secondary')} onClick={() => onSave(null, 'Deadline removed.')}>
          Remove
        </button>
      ) : null}
    </form>
  );
}

/** The instructor's dashboard, opened with the manage link (`#key=…`). */
export function ManageDashboard({ slug }: { slug: string }) {
  const key = useHashParam('key');
  const [loaded, setLoaded] = useState<{ key: string; data: Dashboard; at: string } | null>(null);
  const [failure, setFailure] = useState<{ key: string; kind: 'denied' | 'error'; message: string; status?: number } | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [version, setVersion] = useState(0);
  const [all, setAll] = useState(false);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status>('all');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'time', dir: -1 });
  const [detail, setDetail] = useState<DetailData | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'rotate' | 'delete' | null>(null);
  // The row whose Remove… was pressed: the dialog offers that submission or its student.
  const [removing, setRemoving] = useState<SubmissionSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const searchId = useId();
  const statusId = useId();
  const tabParam = useHashParam('tab');
  const tab: TabId = TABS.some((t) => t.id === tabParam) ? (tabParam as TabId) : 'submissions';
  const selectTab = (id: TabId) => {
    if (key) replaceHash(`key=${key}${id === 'submissions' ? '' : `&tab=${id}`}`);
  };
  const [feedback, setFeedback] = useState<FeedbackState | null>(null);

  // Loads the dashboard, then again every POLL_MS while the page is visible.
  useEffect(() => {
    if (!key || deleted) return;
    let cancelled = false;
    const load = () =>
      api<Dashboard>(`/api/scenarios/${slug}/manage${all ? '?all=1' : ''}`, { manageKey: key }).then((res) => {
        if (cancelled) return;
        if (res.ok) {
          setLoaded({ key, data: res.data, at: new Date().toISOString() });
          setFailure(null);
          saveScenario({ slug, title: res.data.scenario.title, manageUrl: `/s/${slug}/manage#key=${key}`, archived: res.data.scenario.archived });
          void api<FeedbackState>(`/api/scenarios/${slug}/manage/feedback`, { manageKey: key }).then((f) => {
            if (!cancelled && f.ok) setFeedback(f.data);
          });
        } else {
          // 403: a co-instructor key the owner revoked (the answer says so).
          setFailure({ key, kind: res.status === 404 || res.status === 403 ? 'denied' : 'error', message: res.error, status: res.status });
        }
      });
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [key, all, slug, version, deleted]);

  const data = loaded && loaded.key === key ? loaded.data : null;
  const state: 'loading' | 'ready' | 'nokey' | 'denied' | 'deleted' | 'error' = deleted
    ? 'deleted'
    : key === null
      ? 'nokey'
      : failure && failure.key === key && (failure.kind === 'denied' || !data)
        ? failure.kind
        : data
          ? 'ready'
          : 'loading';
  const error = failure?.message ?? null;
  const setData = (update: (d: Dashboard) => Dashboard) => setLoaded((l) => (l ? { ...l, data: update(l.data) } : l));

  const rows = useMemo(() => {
    if (!data) return [];
    const q = query.trim().toLocaleLowerCase();
    const filtered = data.submissions.filter((r) => {
      if (q && !r.displayName.toLocaleLowerCase().includes(q)) return false;
      if (status === 'passed') return r.passed;
      if (status === 'failed') return !r.passed;
      if (status.startsWith('failed:')) return r.targets.some((t) => t.key === status.slice(7) && !t.passed);
      return true;
    });
    return sortRows(filtered, sort.key, sort.dir);
  }, [data, query, status, sort]);

  const onSort = (k: SortKey) =>
    setSort((s) => (s.key === k ? { key: k, dir: s.dir === 1 ? -1 : 1 } : { key: k, dir: k === 'student' ? 1 : -1 }));

  const patch = async (body: ManagePatch, done: string) => {
    if (!key) return;
    setBusy(true);
    const res = await api<{ scenario: ManageScenario }>(`/api/scenarios/${slug}/manage`, {
      method: 'PATCH',
      body,
      manageKey: key,
    });
    setBusy(false);
    if (res.ok) {
      setData((d) => ({ ...d, scenario: res.data.scenario }));
      setNotice(done);
    } else setNotice(res.issues[0]?.message ?? res.error);
  };

  const releaseFeedback = async (released: boolean) => {
    if (!key || !data) return;
    setBusy(true);
    const res = await api<{ released: boolean }>(`/api/scenarios/${slug}/manage/feedback`, { method: 'PATCH', body: { released }, manageKey: key });
    // Feedback carries scores: releasing it releases hidden scores too.
    if (res.ok && released && data.scenario.scoreVisibility === 'after-release' && !data.scenario.scoresReleased) {
      await patch({ scoresReleased: true }, 'Feedback and scores released to students.');
    }
    setBusy(false);
    if (res.ok) {
      setFeedback((f) => (f ? { ...f, released } : f));
      setNotice(released ? 'Feedback released: students see your comments, adjustments and rubric points.' : 'Feedback hidden from students again.');
    } else setNotice(res.error);
  };

  const finishRegrade = async () => {
    if (!key) return;
    setBusy(true);
    const res = await api<{ regrade: { done: number; remaining: number } }>(`/api/scenarios/${slug}/manage/regrade`, { method: 'POST', body: {}, manageKey: key });
    setBusy(false);
    setNotice(res.ok ? `Re-graded ${res.data.regrade.done} more ${res.data.regrade.done === 1 ? 'submission' : 'submissions'}.` : res.error);
    setVersion((v) => v + 1);
  };

  const openDetail = async (id: string) => {
    if (!key) return;
    setDetailError(null);
    const res = await api<DetailData>(`/api/scenarios/${slug}/manage/submissions/${id}`, { manageKey: key });
    if (res.ok) {
      setDetail(res.data);
      requestAnimationFrame(() => document.getElementById('detail-heading')?.focus());
    } else setDetailError(res.error);
  };

  const exportCsv = async () => {
    if (!key) return;
    const res = await fetch(`/api/scenarios/${slug}/manage/export${all ? '?all=1' : ''}`, {
      headers: { 'x-manage-key': key },
      cache: 'no-store',
    });
    if (!res.ok) {
      setNotice('The export failed; reload the page and try again.');
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${(data?.scenario.title ?? 'scenario').replace(/[^\w-]+/g, '-').slice(0, 60)}-submissions.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const rotate = async () => {
    if (!key) return;
    setBusy(true);
    const res = await api<{ manageKey: string }>(`/api/scenarios/${slug}/manage/key`, {
      method: 'POST',
      manageKey: key,
    });
    setBusy(false);
    setDialog(null);
    if (res.ok) {
      const fresh = res.data.manageKey;
      setLoaded((l) => (l ? { ...l, key: fresh } : l));
      replaceHash(`key=${fresh}`);
      saveScenario({ slug, title: data?.scenario.title ?? slug, manageUrl: `/s/${slug}/manage#key=${fresh}` });
      setNotice('The manage key was replaced. The old manage link no longer works; copy the new one below.');
    } else setNotice(res.error);
  };

  const remove = async () => {
    if (!key) return;
    setBusy(true);
    const res = await api(`/api/scenarios/${slug}/manage`, { method: 'DELETE', manageKey: key });
    setBusy(false);
    setDialog(null);
    if (res.ok) {
      forgetScenario(slug);
      setDeleted(true);
    } else setNotice(res.error);
  };

  /** Removes one submission, or a student with every submission of theirs, after the dialog's confirmation. */
  const moderate = async (what: 'submission' | 'student', row: SubmissionSummary) => {
    if (!key) return;
    setBusy(true);
    const path = what === 'submission' ? `submissions/${row.id}` : `students/${row.studentId}`;
    const res = await api<{ deleted: { submissions?: number } }>(`/api/scenarios/${slug}/manage/${path}`, {
      method: 'DELETE',
      manageKey: key,
    });
    setBusy(false);
    setRemoving(null);
    if (res.ok) {
      if (
        detail &&
        (what === 'student' ? detail.submission.displayName === row.displayName : detail.submission.id === row.id)
      )
        setDetail(null);
      const n = res.data.deleted.submissions ?? 0;
      setNotice(
        what === 'submission'
          ? `${row.displayName}’s submission from ${formatDateTime(row.createdAt)} was removed.`
          : `${row.displayName} was removed with ${n} ${n === 1 ? 'submission' : 'submissions'}; their resume link no longer works.`,
      );
    } else setNotice(res.status === 404 ? 'That was already removed.' : res.error);
    setVersion((v) => v + 1);
  };

  if (state !== 'ready' || !data || !key) {
    const messages: Record<string, { title: string; body: string }> = {
      loading: { title: 'Loading the dashboard…', body: '' },
      nokey: {
        title: 'This link has no manage key',
        body: 'Open the full manage link you received when you created the scenario; it ends with #key=….',
      },
      denied: {
        title: 'This manage link does not work',
        body:
          failure?.status === 403
            ? failure.message
            : 'It may be incomplete, or the key may have been replaced. Use the latest manage link for this scenario.',
      },
      deleted: { title: 'Scenario deleted', body: 'The scenario, its students and all their submissions are gone.' },
      error: {
        title: 'The dashboard could not be loaded',
        body: `${error ? `${error} ` : ''}It tries again every ${POLL_MS / 1000} seconds while this page is open.`,
      },
    };
    const m = messages[state] ?? messages.error;
    return (
      <div className="mx-auto w-full max-w-3xl px-4 py-16">
        <h1 className="text-2xl font-semibold text-slate-900">{m.title}</h1>
        {m.body ? <p className="mt-2 text-slate-700">{m.body}</p> : null}
        {state === 'error' ? (
          <button
            type="button"
            className={buttonClass('primary', 'sm', 'mt-6 mr-3 inline-block')}
            onClick={() => setVersion((v) => v + 1)}
          >
            Try again now
          </button>
        ) : null}
        {state !== 'loading' ? (
          <Link href="/teach" className={buttonClass(state === 'error' ? 'secondary' : 'primary', 'sm', 'mt-6 inline-block')}>
            Go to Teach
          </Link>
        ) : null}
      </div>
    );
  }

  const s = data.scenario;
  const studentUrl = absoluteUrl(`/s/${slug}`);
  const manageUrl = absoluteUrl(`/s/${slug}/manage#key=${key}`);
  const hasAny = data.submissions.length > 0;

  return (
    <div className="mx-auto w-full max-w-7xl space-y-6 px-4 py-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Instructor dashboard</p>
          <h1 className="mt-1 break-words text-2xl font-semibold text-slate-900 sm:text-3xl">{s.title}</h1>
          <p className="mt-1 text-sm text-slate-600">
            <span
              className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${s.acceptingSubmissions ? 'bg-green-50 text-green-800' : 'bg-amber-50 text-amber-900'}`}
            >
              {s.archived ? 'Archived' : s.acceptingSubmissions ? 'Open' : 'Closed'}
            </span>
            {s.students} {s.students === 1 ? 'student' : 'students'} · {s.submissions}{' '}
            {s.submissions === 1 ? 'submission' : 'submissions'} · created {formatDateTime(s.createdAt)}
          </p>
        </div>
        <Link href={`/s/${slug}`} target="_blank" rel="noreferrer" className={buttonClass('secondary')}>
          Open the student view
        </Link>
      </header>

      {failure && failure.key === key && loaded ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          The submissions could not be refreshed: {failure.message} This page shows them as of {formatDateTime(loaded.at)} and
          tries again every {POLL_MS / 1000} seconds.
        </p>
      ) : null}

      {notice ? (
        <div
          role="status"
          className="flex items-start justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-700"
        >
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)} className="font-medium underline">
            Dismiss
          </button>
        </div>
      ) : null}

      <section aria-labelledby="links-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="links-heading" className="sr-only">
          Links
        </h2>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <CopyField
              label="Student link"
              value={studentUrl}
              hint="Share it with your class. Students join with a name; each sees only their own work."
            />
            <CopyField
              label="Manage link"
              value={manageUrl}
              secret
              hint="Keep it to yourself: it opens this dashboard. Bookmark it."
            />
        </div>
      </section>

      <DashboardTabs tabs={TABS} selected={tab} onSelect={selectTab} label="Dashboard">
        {tab === 'submissions' ? (
          <div className="space-y-6">
            <FeedbackBar
              released={feedback?.released ?? false}
              pending={feedback?.pendingRegrades ?? 0}
              busy={busy}
              scoresHidden={s.scoreVisibility === 'after-release' && !s.scoresReleased}
              onRelease={(released) => void releaseFeedback(released)}
              onRegrade={() => void finishRegrade()}
              scoreLine={
                <>
                  Students see scores: <strong>{SCORE_VISIBILITY_FOR_INSTRUCTORS[s.scoreVisibility]}</strong>
                  {s.scoreVisibility === 'after-release' ? (s.scoresReleased ? ' — released.' : ' — not released yet.') : '.'}
                </>
              }
            />
            <section aria-labelledby="subs-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
              <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
                <h2 id="subs-heading" className="font-semibold text-slate-900">
                  Submissions
                </h2>
                <div className="flex flex-wrap items-end gap-2">
                  <div>
                    <label htmlFor={searchId} className="block text-xs font-medium text-slate-600">
                      Student
                    </label>
                    <input
                      id={searchId}
                      type="search"
                      value={query}
                      onChange={(e) => setQuery(e.target.value)}
                      placeholder="Filter by name"
                      className="mt-0.5 w-40 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
                    />
                  </div>
                  {/* A select is as wide as its longest option ("Failed: Stage 3: Load balancer, …"): keep it within the card on a phone. */}
                  <div className="min-w-0 max-w-full">
                    <label htmlFor={statusId} className="block text-xs font-medium text-slate-600">
                      Result
                    </label>
                    <select
                      id={statusId}
                      value={status}
                      onChange={(e) => setStatus(e.target.value as Status)}
                      className="mt-0.5 w-full max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm sm:w-auto sm:max-w-xs"
                    >
                      <option value="all">All</option>
                      <option value="passed">Passed every target</option>
                      <option value="failed">Failed a target</option>
                      {s.targets.map((t) => (
                        <option key={t.key} value={`failed:${t.key}`}>
                          Failed: {t.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      checked={all}
                      onChange={(e) => setAll(e.target.checked)}
                      className="h-4 w-4 rounded border-slate-300"
                    />
                    Every submission
                  </label>
                  <button type="button" className={buttonClass('secondary')} onClick={() => setVersion((v) => v + 1)}>
                    Refresh
                  </button>
                  <button type="button" className={buttonClass('secondary')} onClick={() => void exportCsv()} disabled={!hasAny}>
                    Export CSV
                  </button>
                </div>
              </div>
              {!hasAny ? (
                <div className="px-4 py-12 text-center">
                  <p className="font-medium text-slate-900">No submissions yet — share the student link.</p>
                  <p className="mt-1 text-sm text-slate-600">
                    Submissions appear here as students send them; this page refreshes itself.
                  </p>
                </div>
              ) : rows.length === 0 ? (
                <p className="px-4 py-8 text-center text-sm text-slate-600">No submission matches these filters.</p>
              ) : (
                <div className="relative overflow-x-auto">
                  <table className="w-full min-w-[40rem] text-sm">
                    <caption className="sr-only">
                      {all ? 'Every submission' : 'Latest submission of each student'}, sortable by column. {rows.length}{' '}
                      shown.
                    </caption>
                    <thead>
                      <tr className="border-b border-slate-200 text-left text-slate-600">
                        <SortHeader label="Student" k="student" sort={sort} onSort={onSort} className="pl-4" />
                        <SortHeader label="Submitted" k="time" sort={sort} onSort={onSort} />
                        {s.targets.map((t) => (
                          <SortHeader key={t.key} label={t.label} k={`target:${t.key}`} sort={sort} onSort={onSort} />
                        ))}
                        <SortHeader label="Score" k="score" sort={sort} onSort={onSort} />
                        {/* Open stays at the right edge while the table scrolls sideways (on a phone it would be off-screen). */}
                        <th scope="col" className="sticky right-0 bg-white py-2 pr-4 pl-3 text-right font-medium">
                          {/* On a phone the Score column scrolls out of sight under this one: the score rides along here. */}
                          <span aria-hidden="true" className="sm:hidden">
                            Score
                          </span>
                          <span className="sr-only">Open</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr
                          key={r.id}
                          className={`border-b border-slate-100 hover:bg-slate-50 ${detail?.submission.id === r.id ? 'bg-brand-50' : 'bg-white'}`}
                        >
                          <th
                            scope="row"
                            className="max-w-[14rem] break-words py-2 pl-4 pr-3 text-left font-medium text-slate-900"
                          >
                            {r.displayName}
                            {r.attempts > 1 && r.latest ? (
                              <span className="block text-xs font-normal text-slate-500">{r.attempts} submissions</span>
                            ) : null}
                            {!r.latest ? (
                              <span className="block text-xs font-normal text-slate-500">earlier submission</span>
                            ) : null}
                            {r.late ? <span className="mt-0.5 inline-block rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900">late</span> : null}
                          </th>
                          <td className="whitespace-nowrap py-2 pr-3 text-slate-700">{formatDateTime(r.createdAt)}</td>
                          {s.targets.map((t) => {
                            const g = r.targets.find((x) => x.key === t.key);
                            return (
                              <td key={t.key} className="whitespace-nowrap py-2 pr-3">
                                {g ? (
                                  <span className="inline-flex items-center gap-1.5">
                                    <PassPill passed={g.passed} />
                                    <span className="tabular-nums text-slate-700">{g.score}</span>
                                  </span>
                                ) : (
                                  '—'
                                )}
                              </td>
                            );
                          })}
                          <td className="py-2 pr-3 font-semibold tabular-nums text-slate-900">
                      <FinalScore row={r} feedback={feedback?.feedback[r.id]} />
                    </td>
                          <td className="sticky right-0 bg-inherit py-2 pr-4 pl-3 text-right whitespace-nowrap">
                            <span
                              aria-hidden="true"
                              data-testid="score-beside-open"
                              className="mr-2 font-semibold tabular-nums text-slate-900 sm:hidden"
                            >
                              {r.score}
                            </span>
                            <button
                              type="button"
                              className="font-medium text-brand-700 underline underline-offset-2"
                              onClick={() => void openDetail(r.id)}
                            >
                              Open<span className="sr-only"> {r.displayName}’s submission</span>
                            </button>
                            <button
                              type="button"
                              className="ml-3 font-medium text-saturated underline underline-offset-2"
                              onClick={() => setRemoving(r)}
                            >
                              Remove…
                              <span className="sr-only">
                                {' '}
                                {r.displayName}’s submission or {r.displayName}
                              </span>
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>

            {detailError ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
                {detailError}
              </p>
            ) : null}
            {detail ? (
              <>
                <SubmissionDetailView key={detail.submission.id} data={detail} onClose={() => setDetail(null)} />
                <FeedbackPanel
                  key={`fb-${detail.submission.id}`}
                  slug={slug}
                  manageKey={key}
                  submissionId={detail.submission.id}
                  modelScore={detail.submission.grade.score}
                  released={feedback?.released ?? false}
                  onSaved={(f) => setFeedback((old) => (old ? { ...old, feedback: { ...old.feedback, [f.submissionId]: f } } : old))}
                />
              </>
            ) : null}
          </div>
        ) : null}
        {tab === 'roster' ? (
          <div className="space-y-6">
            <div className="flex flex-wrap items-center justify-end gap-3 text-sm text-slate-600">
              {loaded ? <span>As of {formatDateTime(loaded.at)}; refreshes every {POLL_MS / 1000} seconds.</span> : null}
              <button type="button" className={buttonClass('secondary')} onClick={() => setVersion((v) => v + 1)}>
                Refresh
              </button>
            </div>
            <RosterPanel slug={slug} manageKey={key} scenario={s} refreshKey={loaded?.at ?? ''} onScenarioChange={() => setVersion((v) => v + 1)} />
            <AccessPanel slug={slug} manageKey={key} />
          </div>
        ) : null}
        {tab === 'analytics' ? <AnalyticsPanel slug={slug} manageKey={key} submissions={data.submissions.filter((r) => r.latest)} version={version} /> : null}
        {tab === 'live' ? <LivePanel slug={slug} manageKey={key} /> : null}
        {tab === 'settings' ? (
          <div className="space-y-6">
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              <section
                aria-labelledby="settings-heading"
                className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
              >
                <h2 id="settings-heading" className="font-semibold text-slate-900">
                  Settings
                </h2>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm text-slate-700">
                    Submissions are <strong>{s.status === 'open' ? 'open' : 'closed'}</strong>
                    {s.status === 'open' && !s.acceptingSubmissions ? ' (but the deadline has passed)' : ''}.
                  </p>
                  <button
                    type="button"
                    disabled={busy}
                    className={buttonClass('secondary')}
                    onClick={() =>
                      void patch(
                        { status: s.status === 'open' ? 'closed' : 'open' },
                        s.status === 'open' ? 'Submissions closed.' : 'Submissions reopened.',
                      )
                    }
                  >
                    {s.status === 'open' ? 'Close submissions' : 'Reopen submissions'}
                  </button>
                </div>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm text-slate-700">
                    Students see scores: <strong>{SCORE_VISIBILITY_FOR_INSTRUCTORS[s.scoreVisibility]}</strong>
                    {s.scoreVisibility === 'after-release'
                      ? s.scoresReleased
                        ? ' — released.'
                        : ' — not released yet.'
                      : '.'}
                  </p>
                  {s.scoreVisibility === 'after-release' ? (
                    <button
                      type="button"
                      disabled={busy}
                      className={buttonClass(s.scoresReleased ? 'secondary' : 'primary')}
                      onClick={() =>
                        void patch(
                          { scoresReleased: !s.scoresReleased },
                          s.scoresReleased ? 'Scores hidden from students again.' : 'Scores released to students.',
                        )
                      }
                    >
                      {s.scoresReleased ? 'Hide scores' : 'Release scores'}
                    </button>
                  ) : null}
                </div>
                <label className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={s.leaderboard}
                    disabled={busy}
                    onChange={(e) =>
                      void patch(
                        { leaderboard: e.target.checked },
                        e.target.checked ? 'Leaderboard shown to students.' : 'Leaderboard hidden.',
                      )
                    }
                    className="h-4 w-4 rounded border-slate-300"
                  />
                  Show students a leaderboard (scores; names only as the Class panel allows)
                </label>
                <DeadlineForm
                  key={s.deadline ?? ''}
                  deadline={s.deadline}
                  busy={busy}
                  onSave={(iso, done) => void patch({ deadline: iso }, done)}
                />
                <div className={`flex flex-wrap gap-2 border-t border-slate-100 pt-4 ${data.access?.role === 'co-instructor' ? 'hidden' : ''}`}>
                  <button type="button" className={buttonClass('secondary')} onClick={() => setDialog('rotate')}>
                    Replace the manage key
                  </button>
                  <button type="button" className={buttonClass('secondary', 'sm', 'text-saturated')} onClick={() => setDialog('delete')}>
                    Delete scenario
                  </button>
                </div>
              </section>
              <ReusePanel
                slug={slug}
                manageKey={key}
                scenario={s}
                onArchived={(scenario, message) => {
                  setData((d) => ({ ...d, scenario }));
                  setNotice(message);
                }}
              />
            </div>
            <ScenarioEditPanel
              key={`${s.title}\n${s.brief}\n${JSON.stringify(s.grading)}`}
              slug={slug}
              manageKey={key}
              scenario={s}
              onEdited={(message) => {
                setNotice(message);
                setVersion((v) => v + 1);
              }}
            />
          </div>
        ) : null}
      </DashboardTabs>

      <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <summary className="cursor-pointer font-semibold text-slate-900">Brief and rules, as students see them</summary>
        <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <BriefMarkdown source={s.brief} />
          <ScenarioFacts scenario={s} />
        </div>
      </details>

      <Dialog
        open={dialog === 'rotate'}
        onClose={() => setDialog(null)}
        title="Replace the manage key?"
        footer={
          <>
            <button type="button" className={buttonClass('secondary')} onClick={() => setDialog(null)}>
              Cancel
            </button>
            <button type="button" className={buttonClass('primary')} disabled={busy} onClick={() => void rotate()}>
              Replace the key
            </button>
          </>
        }
      >
        <p className="text-sm text-slate-700">
          A new manage link is made and the current one stops working at once, for you and anyone you shared it with.
          The student link does not change.
        </p>
      </Dialog>
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? `Remove ${removing.displayName}’s work?` : 'Remove'}
        footer={
          <button type="button" className={buttonClass('secondary')} onClick={() => setRemoving(null)}>
            Cancel
          </button>
        }
      >
        {removing ? (
          <div className="space-y-4 text-sm text-slate-700">
            <div className="space-y-2">
              <p>
                Remove the submission of {formatDateTime(removing.createdAt)} (score {removing.score}).{' '}
                {removing.latest && removing.attempts > 1
                  ? 'Their previous submission counts instead.'
                  : removing.latest
                    ? 'They will have no submission left.'
                    : ''}
              </p>
              <button
                type="button"
                className={buttonClass('danger')}
                disabled={busy}
                onClick={() => void moderate('submission', removing)}
              >
                Remove this submission
              </button>
            </div>
            <div className="space-y-2 border-t border-slate-100 pt-4">
              <p>
                Or remove {removing.displayName} from the scenario with all {removing.attempts}{' '}
                {removing.attempts === 1 ? 'submission' : 'submissions'}: their name leaves the dashboard and the
                leaderboard, and their resume link stops working and tells them why.
              </p>
              <button
                type="button"
                className={buttonClass('danger')}
                disabled={busy}
                onClick={() => void moderate('student', removing)}
              >
                Remove {removing.displayName} and all their submissions
              </button>
            </div>
            <p className="text-slate-600">This cannot be undone; export the CSV first if you need the results.</p>
          </div>
        ) : null}
      </Dialog>
      <Dialog
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title="Delete this scenario?"
        footer={
          <>
            <button type="button" className={buttonClass('secondary')} onClick={() => setDialog(null)}>
              Cancel
            </button>
            <button type="button" className={buttonClass('danger')} disabled={busy} onClick={() => void remove()}>
              Delete for good
            </button>
          </>
        }
      >
        <p className="text-sm text-slate-700">
          “{s.title}”, its {s.students} {s.students === 1 ? 'student' : 'students'} and {s.submissions}{' '}
          {s.submissions === 1 ? 'submission' : 'submissions'} are deleted. This cannot be undone; export the CSV first
          if you need the results.
        </p>
      </Dialog>
    </div>
  );
}
