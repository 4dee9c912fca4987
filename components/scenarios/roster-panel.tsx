'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import type { ManageScenario } from '@/lib/classroom/scenarios/repository';
import type { AddedEntry, ClassList, ClassRow, ClassStatus } from '@/lib/classroom/scenarios/roster';
import { MAX_ROSTER_ENTRIES, parseRoster } from '@/lib/classroom/scenarios/roster-parse';
import { LATE_POLICIES, type LatePolicy, type ManagePatch } from '@/lib/classroom/scenarios/schema';
import { LEADERBOARD_NAMES, LEADERBOARD_NAMES_LABELS, type LeaderboardNames } from '@/lib/classroom/scenarios/names';
import { absoluteUrl, api } from './api';
import { formatDateTime } from '@/lib/shared/format';
import { buttonClass } from '@/components/ui/button';

/**
 * The instructor's class: paste the class list, hand out personal join
 * links or a class code, and see every expected student, joined or not,
 * with the students who joined without being on the list. Per-student
 * deadlines (extensions), the late policy and what the leaderboard shows of
 * names are set here too.
 */

const LINK = 'font-medium text-brand-700 underline underline-offset-2 disabled:opacity-50';

const STATUS_LABELS: Record<ClassStatus, string> = {
  'not-joined': 'Not joined',
  joined: 'Joined, no submission',
  submitted: 'Submitted',
  late: 'Submitted late',
};
const STATUS_STYLES: Record<ClassStatus, string> = {
  'not-joined': 'bg-slate-100 text-slate-700',
  joined: 'bg-sky-50 text-sky-900',
  submitted: 'bg-green-50 text-green-800',
  late: 'bg-amber-50 text-amber-900',
};

const LATE_LABELS: Record<LatePolicy, string> = {
  refuse: 'Refuse them',
  accept: 'Accept, flagged as late',
};

function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function ExtensionForm({
  row,
  deadline,
  busy,
  onSave,
  onCancel,
}: {
  row: ClassRow;
  deadline: string | null;
  busy: boolean;
  onSave(iso: string | null): void;
  onCancel(): void;
}) {
  const id = useId();
  const [value, setValue] = useState(() => toLocalInput(row.extension ?? deadline));
  return (
    <form
      className="flex flex-wrap items-end gap-2 py-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onSave(new Date(value).toISOString());
      }}
    >
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          {row.name}’s own deadline
        </label>
        <input
          id={id}
          type="datetime-local"
          value={value}
          required
          onChange={(e) => setValue(e.target.value)}
          className="mt-0.5 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
      </div>
      <button type="submit" className={buttonClass('primary')} disabled={busy || !value}>
        Save extension
      </button>
      {row.extension ? (
        <button type="button" className={buttonClass('secondary')} disabled={busy} onClick={() => onSave(null)}>
          Remove extension
        </button>
      ) : null}
      <button type="button" className={buttonClass('secondary')} onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

export function RosterPanel({
  slug,
  manageKey,
  scenario,
  refreshKey,
  onScenarioChange,
}: {
  slug: string;
  manageKey: string;
  scenario: ManageScenario;
  /** Changes when the dashboard reloads: the class list reloads with it. */
  refreshKey: string | number;
  /** After a settings change, so the dashboard reloads the scenario. */
  onScenarioChange(): void;
}) {
  const pasteId = useId();
  const lateId = useId();
  const namesId = useId();
  const [list, setList] = useState<ClassList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [text, setText] = useState('');
  const [pasteError, setPasteError] = useState<{ message: string; lines: string[] } | null>(null);
  const [added, setAdded] = useState<{ entries: AddedEntry[]; skipped: string[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [extending, setExtending] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Record<string, string>>({});

  useEffect(() => {
    let cancelled = false;
    void api<ClassList>(`/api/scenarios/${slug}/manage/roster`, { manageKey }).then((res) => {
      if (cancelled) return;
      if (res.ok) {
        setList(res.data);
        setLoadError(null);
      } else setLoadError(res.error);
    });
    return () => {
      cancelled = true;
    };
  }, [slug, manageKey, refreshKey, version]);

  // What the paste will do, before it is sent: counts, and the lines that will be refused.
  const preview = useMemo(() => (text.trim() ? parseRoster(text) : null), [text]);

  const paste = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setPasteError({ message: 'Paste the class list first: one student a line, a name or an email.', lines: [] });
      return;
    }
    setBusy(true);
    const res = await api<{ added: AddedEntry[]; skipped: { message: string }[] }>(`/api/scenarios/${slug}/manage/roster`, {
      body: { text },
      manageKey,
    });
    setBusy(false);
    if (res.ok) {
      setAdded({ entries: res.data.added, skipped: res.data.skipped.map((s) => s.message) });
      setPasteError(null);
      setText('');
      setVersion((v) => v + 1);
    } else {
      setPasteError({ message: res.error, lines: res.issues.map((i) => i.message) });
    }
  };

  const patch = async (body: ManagePatch, done: string) => {
    setBusy(true);
    const res = await api(`/api/scenarios/${slug}/manage`, { method: 'PATCH', body, manageKey });
    setBusy(false);
    setNotice(res.ok ? done : res.error);
    if (res.ok) onScenarioChange();
  };

  const classCode = async (on: boolean) => {
    setBusy(true);
    const res = await api<{ classCode: string | null }>(`/api/scenarios/${slug}/manage/class-code`, {
      method: on ? 'POST' : 'DELETE',
      manageKey,
      ...(on ? { body: {} } : {}),
    });
    setBusy(false);
    if (res.ok) {
      setNotice(on ? `The class code is ${res.data.classCode}. Any earlier code no longer works.` : 'The class code is off.');
      setVersion((v) => v + 1);
      onScenarioChange();
    } else setNotice(res.error);
  };

  const newLink = async (row: ClassRow) => {
    if (!row.entryId) return;
    setBusy(true);
    const res = await api<{ joinUrl: string }>(`/api/scenarios/${slug}/manage/roster/${row.entryId}`, { method: 'POST', body: {}, manageKey });
    setBusy(false);
    if (res.ok) {
      setFresh((f) => ({ ...f, [row.entryId!]: absoluteUrl(res.data.joinUrl) }));
      setNotice(`A new personal link for ${row.name} is shown in their row; the old one no longer works.`);
    } else setNotice(res.error);
  };

  const removeEntry = async (row: ClassRow) => {
    if (!row.entryId) return;
    setBusy(true);
    const res = await api(`/api/scenarios/${slug}/manage/roster/${row.entryId}`, { method: 'DELETE', manageKey });
    setBusy(false);
    setNotice(
      res.ok
        ? row.studentId
          ? `${row.name} is off the class list; their work stays, listed as not on the list.`
          : `${row.name} is off the class list; their join link no longer works.`
        : res.error,
    );
    setVersion((v) => v + 1);
  };

  const extend = async (row: ClassRow, deadline: string | null) => {
    setBusy(true);
    const res = await api(`/api/scenarios/${slug}/manage/extensions`, { method: 'PUT', body: { name: row.name, deadline }, manageKey });
    setBusy(false);
    if (res.ok) {
      setExtending(null);
      setNotice(deadline ? `${row.name} may submit until ${formatDateTime(deadline)}.` : `${row.name}’s extension was removed.`);
      setVersion((v) => v + 1);
    } else setNotice(res.error);
  };

  const allLinks = added?.entries.map((a) => `${a.name}\t${absoluteUrl(a.joinUrl)}`).join('\n') ?? '';
  const counts = list?.counts;

  return (
    <section aria-labelledby="class-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="class-heading" className="font-semibold text-slate-900">
          Class
        </h2>
        {counts ? (
          <p className="text-sm text-slate-600" data-testid="class-counts">
            {counts.expected} on the list · {counts['not-joined']} not joined · {counts.joined} joined, no submission ·{' '}
            {counts.submitted} submitted · {counts.late} late
            {counts.notOnRoster ? ` · ${counts.notOnRoster} not on the list` : ''}
          </p>
        ) : null}
      </div>

      {notice ? (
        <div role="status" className="flex items-start justify-between gap-3 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700">
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)} className="font-medium underline">
            Dismiss
          </button>
        </div>
      ) : null}

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <form onSubmit={(e) => void paste(e)} noValidate className="space-y-2">
          <label htmlFor={pasteId} className="block text-sm font-medium text-slate-800">
            Add students to the class list
          </label>
          <p id={`${pasteId}-hint`} className="text-xs text-slate-600">
            One a line: a name, an email, or both (“Ava Smith &lt;ava@school.edu&gt;”, or two cells from a spreadsheet). At
            most {MAX_ROSTER_ENTRIES}. Each gets a personal join link, shown once.
          </p>
          <textarea
            id={pasteId}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPasteError(null);
            }}
            rows={5}
            aria-describedby={`${pasteId}-hint${pasteError ? ` ${pasteId}-error` : ''}`}
            aria-invalid={pasteError ? true : undefined}
            className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 font-mono text-sm aria-[invalid]:border-saturated"
            placeholder={'Ava Smith\nBen Ode <ben@school.edu>'}
          />
          {preview && !pasteError ? (
            <p className="text-xs text-slate-600" aria-live="polite">
              {preview.entries.length} {preview.entries.length === 1 ? 'student' : 'students'}
              {preview.duplicates.length ? `, ${preview.duplicates.length} repeated ${preview.duplicates.length === 1 ? 'line' : 'lines'} left out` : ''}
              {preview.problems.length ? ` — ${preview.problems.length} ${preview.problems.length === 1 ? 'line needs' : 'lines need'} fixing` : ''}
            </p>
          ) : null}
          {pasteError ? (
            <div id={`${pasteId}-error`} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
              <p>{pasteError.message}</p>
              {pasteError.lines.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {pasteError.lines.slice(0, 10).map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                  {pasteError.lines.length > 10 ? <li>and {pasteError.lines.length - 10} more</li> : null}
                </ul>
              ) : null}
            </div>
          ) : null}
          <button type="submit" className={buttonClass('primary')} disabled={busy}>
            Add to the class list
          </button>
        </form>

        <div className="space-y-4">
          <div>
            <p className="text-sm font-medium text-slate-800">Class code</p>
            {list?.classCode ? (
              <>
                <p className="mt-1 font-mono text-2xl font-semibold tracking-widest text-slate-900" data-testid="class-code">
                  {list.classCode}
                </p>
                <p className="text-xs text-slate-600">
                  Students on the list type it with their name on the student page. Show it in class; wrong codes are
                  limited.
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <button type="button" className={buttonClass('secondary')} disabled={busy} onClick={() => void classCode(true)}>
                    New code
                  </button>
                  <button type="button" className={buttonClass('secondary')} disabled={busy} onClick={() => void classCode(false)}>
                    Turn off
                  </button>
                </div>
              </>
            ) : (
              <>
                <p className="mt-1 text-xs text-slate-600">
                  Off. Turn it on to let students on the list join by typing a short code instead of opening their link.
                </p>
                <button type="button" className={buttonClass('secondary', 'sm', 'mt-2')} disabled={busy} onClick={() => void classCode(true)}>
                  Turn on a class code
                </button>
              </>
            )}
          </div>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={scenario.rosterOnly}
              disabled={busy}
              onChange={(e) =>
                void patch(
                  { rosterOnly: e.target.checked },
                  e.target.checked ? 'Only students on the class list can join now.' : 'Anyone with the student link can join again.',
                )
              }
              className="mt-0.5 h-4 w-4 rounded border-slate-300"
            />
            Only students on the class list may join
          </label>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={lateId} className="block text-sm font-medium text-slate-800">
                Work after a deadline
              </label>
              <select
                id={lateId}
                value={scenario.latePolicy}
                disabled={busy}
                onChange={(e) => {
                  const v = e.target.value as LatePolicy;
                  void patch({ latePolicy: v }, v === 'accept' ? 'Late submissions are accepted and flagged.' : 'Late submissions are refused.');
                }}
                className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                {LATE_POLICIES.map((p) => (
                  <option key={p} value={p}>
                    {LATE_LABELS[p]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={namesId} className="block text-sm font-medium text-slate-800">
                Leaderboard shows
              </label>
              <select
                id={namesId}
                value={scenario.leaderboardNames}
                disabled={busy}
                onChange={(e) => {
                  const v = e.target.value as LeaderboardNames;
                  void patch({ leaderboardNames: v }, `The leaderboard shows: ${LEADERBOARD_NAMES_LABELS[v].toLowerCase()}.`);
                }}
                className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                {LEADERBOARD_NAMES.map((p) => (
                  <option key={p} value={p}>
                    {LEADERBOARD_NAMES_LABELS[p]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
      </div>

      {added ? (
        <div className="space-y-2 rounded-lg border border-green-200 bg-green-50 p-3" data-testid="added-links">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-medium text-green-900">
              {added.entries.length} added. Their personal join links are shown only now: copy them and send each student
              theirs.
            </p>
            <div className="flex gap-2">
              {added.entries.length ? (
                <button
                  type="button"
                  className={buttonClass('secondary')}
                  onClick={() => void copyText(allLinks).then((ok) => setNotice(ok ? 'All links copied (name, tab, link; one a line).' : 'Copying is blocked here; select the links below.'))}
                >
                  Copy all links
                </button>
              ) : null}
              <button type="button" className={buttonClass('secondary')} onClick={() => setAdded(null)}>
                Done
              </button>
            </div>
          </div>
          {added.skipped.length ? (
            <ul className="list-disc pl-5 text-xs text-slate-700">
              {added.skipped.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
          ) : null}
          <ul className="max-h-60 space-y-1 overflow-y-auto text-sm">
            {added.entries.map((a) => (
              <li key={a.id} className="flex flex-col gap-0.5 sm:flex-row sm:items-center sm:gap-2">
                <span className="shrink-0 font-medium text-slate-900 sm:w-40 sm:truncate">{a.name}</span>
                <input
                  readOnly
                  aria-label={`${a.name}’s personal join link`}
                  value={absoluteUrl(a.joinUrl)}
                  onFocus={(e) => e.currentTarget.select()}
                  className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
                />
                {a.matchedStudent ? <span className="text-xs text-slate-600">already joined</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {loadError && !list ? (
        <p role="alert" className="text-sm text-saturated">
          The class list could not be loaded: {loadError}
        </p>
      ) : !list ? (
        <p className="text-sm text-slate-600">Loading the class…</p>
      ) : list.rows.length === 0 ? (
        <p className="rounded-md bg-slate-50 px-3 py-6 text-center text-sm text-slate-600">
          Nobody yet. Paste the class list above, or share the student link: students who join appear here.
        </p>
      ) : (
        // relative: the screen-reader-only labels inside are positioned, and would otherwise widen the page past the scroller.
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <caption className="sr-only">Every student on the class list and everyone who joined, with their status</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Student
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Status
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Deadline
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => {
                const rowKey = row.entryId ?? row.studentId!;
                return (
                  <tr key={rowKey} className="border-b border-slate-100 align-top" data-testid="class-row">
                    <th scope="row" className="max-w-[16rem] break-words py-2 pr-3 text-left font-medium text-slate-900">
                      {row.name}
                      {row.email && row.email !== row.name ? <span className="block text-xs font-normal text-slate-500">{row.email}</span> : null}
                      {!row.onRoster ? <span className="block text-xs font-normal text-amber-800">not on the class list</span> : null}
                      {row.entryId && fresh[row.entryId] ? (
                        <input
                          readOnly
                          aria-label={`${row.name}’s new join link`}
                          value={fresh[row.entryId]}
                          onFocus={(e) => e.currentTarget.select()}
                          className="mt-1 w-full rounded border border-slate-300 bg-slate-50 px-2 py-0.5 font-mono text-xs font-normal"
                        />
                      ) : null}
                    </th>
                    <td className="py-2 pr-3">
                      <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[row.status]}`}>
                        {STATUS_LABELS[row.status]}
                      </span>
                      {row.submissions > 1 ? <span className="ml-1 text-xs text-slate-500">{row.submissions}×</span> : null}
                    </td>
                    <td className="py-2 pr-3 text-slate-700">
                      {extending === rowKey ? (
                        <ExtensionForm
                          row={row}
                          deadline={scenario.deadline}
                          busy={busy}
                          onSave={(iso) => void extend(row, iso)}
                          onCancel={() => setExtending(null)}
                        />
                      ) : row.extension ? (
                        <span className="whitespace-nowrap">
                          {formatDateTime(row.extension)} <span className="text-xs text-brand-700">extended</span>
                        </span>
                      ) : scenario.deadline ? (
                        <span className="whitespace-nowrap text-slate-500">{formatDateTime(scenario.deadline)}</span>
                      ) : (
                        <span className="text-slate-500">none</span>
                      )}
                    </td>
                    <td className="whitespace-nowrap py-2 text-right">
                      <button type="button" className={LINK} disabled={busy} onClick={() => setExtending(extending === rowKey ? null : rowKey)}>
                        Extension<span className="sr-only"> for {row.name}</span>
                      </button>
                      {row.entryId ? (
                        <>
                          <button type="button" className={`${LINK} ml-3`} disabled={busy} onClick={() => void newLink(row)}>
                            New link<span className="sr-only"> for {row.name}</span>
                          </button>
                          <button type="button" className={`${LINK} ml-3 text-saturated`} disabled={busy} onClick={() => void removeEntry(row)}>
                            Take off list<span className="sr-only">: {row.name}</span>
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
