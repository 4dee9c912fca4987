'use client';

import { useEffect, useId, useState } from 'react';
import type { RevisionView } from '@/lib/classroom/scenarios/feedback-schema';
import type { ManageScenario } from '@/lib/classroom/scenarios/repository';
import { STAGES } from '@/lib/rules/stages';
import type { RubricCriterion, ScenarioSlo, ScenarioTargetInput } from '@/lib/classroom/scenarios/schema';
import { api } from './api';
import { CopyField } from './copy-field';
import { saveScenario } from './my-scenarios';
import { formatDateTime, formatUsers } from '@/lib/shared/format';
import { buttonClass } from '@/components/ui/button';

const INPUT = 'mt-1 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm';

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

function criterionId(label: string, taken: Set<string>): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'criterion';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Settings → edit the published scenario: title, brief, targets, service
 * levels, the reference design and the instructor's own rubric. An edit of
 * what grades depend on re-grades every submission; the result and each
 * revision (what changed, why) are listed below the form.
 */
export function ScenarioEditPanel({
  slug,
  manageKey,
  scenario,
  onEdited,
}: {
  slug: string;
  manageKey: string;
  scenario: ManageScenario;
  onEdited(message: string): void;
}) {
  const ids = useId();
  const [title, setTitle] = useState(scenario.title);
  const [brief, setBrief] = useState(scenario.brief);
  const [targets, setTargets] = useState<ScenarioTargetInput[]>(scenario.grading.targets);
  const slo = scenario.grading.slo;
  const [budget, setBudget] = useState(slo.budgetUsd?.toString() ?? '');
  const [p95, setP95] = useState(slo.p95ReadMs?.toString() ?? '');
  const [availability, setAvailability] = useState(slo.availability !== undefined ? String(slo.availability * 100) : '');
  // Null until the stored rubric has loaded: an edit saved before then leaves the rubric as it is
  // (sending an empty list would remove every criterion the instructor made).
  const [rubric, setRubric] = useState<RubricCriterion[] | null>(null);
  const [newCriterion, setNewCriterion] = useState({ label: '', maxPoints: '10' });
  const [reference, setReference] = useState<{ design: unknown; name: string } | 'remove' | null>(null);
  const [reason, setReason] = useState('');
  const [addStage, setAddStage] = useState('');
  const [addUsers, setAddUsers] = useState('');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);
  const [revisions, setRevisions] = useState<RevisionView[] | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void api<{ revisions: RevisionView[] }>(`/api/scenarios/${slug}/manage/revisions`, { manageKey }).then((r) => r.ok && setRevisions(r.data.revisions));
    void api<{ rubric: RubricCriterion[] }>(`/api/scenarios/${slug}/manage/feedback`, { manageKey }).then((r) => r.ok && setRubric(r.data.rubric));
  }, [slug, manageKey, version]);

  const submit = async () => {
    setBusy(true);
    setIssues([]);
    const sloBody: ScenarioSlo = {};
    if (num(budget) !== undefined) sloBody.budgetUsd = num(budget);
    if (num(p95) !== undefined) sloBody.p95ReadMs = num(p95);
    if (num(availability) !== undefined) sloBody.availability = num(availability)! / 100;
    const body: Record<string, unknown> = { title, brief, targets, slo: sloBody, ...(rubric ? { rubric } : {}) };
    if (reference === 'remove') body.referenceDesign = null;
    else if (reference) body.referenceDesign = reference.design;
    if (reason.trim()) body.reason = reason;
    const res = await api<{ revision: RevisionView | null; regrade: { done: number; remaining: number; error?: string } }>(`/api/scenarios/${slug}/manage/revisions`, {
      method: 'POST',
      manageKey,
      body,
    });
    setBusy(false);
    if (!res.ok) {
      setIssues(res.issues.length ? res.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) : [res.error]);
      return;
    }
    setReason('');
    setReference(null);
    setVersion((v) => v + 1);
    const r = res.data.revision;
    if (!r) onEdited('Nothing changed.');
    else {
      const g = res.data.regrade;
      const regraded = r.regrade
        ? g.remaining === 0
          ? ` Every submission was re-graded (${g.done}).`
          : ` ${g.error ?? ''} Some submissions still wait to be re-graded; use “Finish re-grading” on the Submissions tab.`
        : '';
      onEdited(`Saved: ${r.changes.join('; ')}.${regraded}`);
    }
  };

  const removeTarget = (i: number) => setTargets((t) => t.filter((_, j) => j !== i));
  const targetText = (t: ScenarioTargetInput) => (t.type === 'stage' ? `Stage ${t.stage}: ${STAGES[t.stage - 1]?.name ?? ''}` : `${formatUsers(t.users)} users`);

  return (
    <section aria-labelledby={`${ids}-h`} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div>
        <h2 id={`${ids}-h`} className="font-semibold text-slate-900">
          Edit the scenario
        </h2>
        <p className="text-sm text-slate-600">
          Students see “updated” and what changed (not the reference or your rubric). Changing targets, service levels or the workload re-grades every submission and keeps each one’s history.
        </p>
      </div>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div>
          <label htmlFor={`${ids}-t`} className="block text-sm font-medium text-slate-800">
            Title
          </label>
          <input id={`${ids}-t`} value={title} onChange={(e) => setTitle(e.target.value)} className={INPUT} />
        </div>
        <div>
          <label htmlFor={`${ids}-b`} className="block text-sm font-medium text-slate-800">
            Brief <span className="font-normal text-slate-500">(Markdown)</span>
          </label>
          <textarea id={`${ids}-b`} value={brief} onChange={(e) => setBrief(e.target.value)} rows={6} className={`${INPUT} font-mono`} />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Targets</legend>
          <ul className="space-y-1 text-sm">
            {targets.map((t, i) => (
              <li key={`${t.type}-${t.type === 'stage' ? t.stage : t.users}`} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-2.5 py-1">
                <span>{targetText(t)}</span>
                <button type="button" className="text-sm font-medium text-saturated underline" onClick={() => removeTarget(i)}>
                  Remove<span className="sr-only"> {targetText(t)}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor={`${ids}-as`} className="block text-xs font-medium text-slate-600">
                Add a stage
              </label>
              <select id={`${ids}-as`} value={addStage} onChange={(e) => setAddStage(e.target.value)} className="mt-0.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                <option value="">Choose…</option>
                {STAGES.map((s) => (
                  <option key={s.stage} value={s.stage}>
                    Stage {s.stage}: {s.name}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className={buttonClass('secondary')}
              disabled={!addStage}
              onClick={() => {
                setTargets((t) => [...t, { type: 'stage', stage: Number(addStage) }]);
                setAddStage('');
              }}
            >
              Add stage
            </button>
            <div>
              <label htmlFor={`${ids}-au`} className="block text-xs font-medium text-slate-600">
                Or a number of users
              </label>
              <input id={`${ids}-au`} type="number" min={1} value={addUsers} onChange={(e) => setAddUsers(e.target.value)} className="mt-0.5 w-32 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
            </div>
            <button
              type="button"
              className={buttonClass('secondary')}
              disabled={!addUsers}
              onClick={() => {
                setTargets((t) => [...t, { type: 'users', users: Number(addUsers) }]);
                setAddUsers('');
              }}
            >
              Add users
            </button>
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Service levels <span className="font-normal text-slate-500">(empty: the stage’s own)</span></legend>
          <div className="mt-1 grid grid-cols-1 gap-3 sm:grid-cols-3">
            <div>
              <label htmlFor={`${ids}-bud`} className="block text-xs font-medium text-slate-600">
                Monthly budget ($)
              </label>
              <input id={`${ids}-bud`} type="number" min={0} step="any" value={budget} onChange={(e) => setBudget(e.target.value)} className={INPUT} />
            </div>
            <div>
              <label htmlFor={`${ids}-p95`} className="block text-xs font-medium text-slate-600">
                p95 read latency (ms)
              </label>
              <input id={`${ids}-p95`} type="number" min={0} step="any" value={p95} onChange={(e) => setP95(e.target.value)} className={INPUT} />
            </div>
            <div>
              <label htmlFor={`${ids}-av`} className="block text-xs font-medium text-slate-600">
                Availability (%)
              </label>
              <input id={`${ids}-av`} type="number" min={0} max={99.9999} step="any" value={availability} onChange={(e) => setAvailability(e.target.value)} className={INPUT} />
            </div>
          </div>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Your rubric <span className="font-normal text-slate-500">(scored by you, beside the model’s checks)</span></legend>
          {rubric === null ? <p className="text-sm text-slate-600">Loading your rubric…</p> : rubric.length === 0 ? <p className="text-sm text-slate-600">No criteria yet.</p> : null}
          <ul className="space-y-1 text-sm">
            {(rubric ?? []).map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-2.5 py-1">
                <span>
                  {c.label} <span className="text-slate-500">({c.maxPoints} points)</span>
                </span>
                <button type="button" className="text-sm font-medium text-saturated underline" onClick={() => setRubric((r) => (r ?? []).filter((x) => x.id !== c.id))}>
                  Remove<span className="sr-only"> {c.label}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-[12rem] flex-1">
              <label htmlFor={`${ids}-cl`} className="block text-xs font-medium text-slate-600">
                New criterion
              </label>
              <input id={`${ids}-cl`} value={newCriterion.label} placeholder="Explains the cache choice" onChange={(e) => setNewCriterion((c) => ({ ...c, label: e.target.value }))} className={INPUT} />
            </div>
            <div>
              <label htmlFor={`${ids}-cm`} className="block text-xs font-medium text-slate-600">
                Max points
              </label>
              <input id={`${ids}-cm`} type="number" min={1} max={100} value={newCriterion.maxPoints} onChange={(e) => setNewCriterion((c) => ({ ...c, maxPoints: e.target.value }))} className="mt-1 w-24 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm" />
            </div>
            <button
              type="button"
              className={buttonClass('secondary')}
              disabled={rubric === null || !newCriterion.label.trim()}
              onClick={() => {
                setRubric((r) => [...(r ?? []), { id: criterionId(newCriterion.label, new Set((r ?? []).map((x) => x.id))), label: newCriterion.label.trim(), maxPoints: Number(newCriterion.maxPoints) }]);
                setNewCriterion({ label: '', maxPoints: '10' });
              }}
            >
              Add criterion
            </button>
          </div>
        </fieldset>
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-800">Reference design</p>
          <p className="text-sm text-slate-600">
            {reference === 'remove' ? 'Will be removed.' : reference ? `Will be replaced by ${reference.name}.` : scenario.referenceDesign ? 'Set (students never see it).' : 'None.'}
          </p>
          <div className="flex flex-wrap gap-2">
            <label className={buttonClass('secondary', 'sm', 'cursor-pointer')}>
              Replace from a file…
              <input
                type="file"
                accept="application/json,.json"
                className="sr-only"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  try {
                    setReference({ design: JSON.parse(await file.text()), name: file.name });
                  } catch {
                    setIssues([`${file.name} is not JSON.`]);
                  }
                }}
              />
            </label>
            {scenario.referenceDesign ? (
              <button type="button" className={buttonClass('secondary')} onClick={() => setReference('remove')}>
                Remove the reference
              </button>
            ) : null}
          </div>
        </div>
        <div>
          <label htmlFor={`${ids}-why`} className="block text-sm font-medium text-slate-800">
            Why <span className="font-normal text-slate-500">(optional; shown with each re-graded submission)</span>
          </label>
          <input id={`${ids}-why`} value={reason} onChange={(e) => setReason(e.target.value)} className={INPUT} />
        </div>
        {issues.length > 0 ? (
          <ul role="alert" className="list-disc space-y-1 pl-5 text-sm text-saturated">
            {issues.map((i, n) => (
              <li key={n}>{i}</li>
            ))}
          </ul>
        ) : null}
        <button type="submit" disabled={busy} className={buttonClass('primary')}>
          {busy ? 'Saving and re-grading…' : 'Save changes'}
        </button>
      </form>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Changes since publishing</h3>
        {revisions === null ? (
          <p className="text-sm text-slate-600">Loading…</p>
        ) : revisions.length === 0 ? (
          <p className="text-sm text-slate-600">None yet.</p>
        ) : (
          <ol className="mt-1 space-y-1.5 text-sm" data-testid="revisions">
            {revisions.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 px-3 py-1.5">
                <span className="text-xs text-slate-500">{formatDateTime(r.at)}</span> · {r.changes.join('; ')}
                {r.reason ? <span className="text-slate-600"> — “{r.reason}”</span> : null}
                {r.regrade ? (
                  <span className="block text-xs text-slate-600">
                    Re-graded {r.regradeDone} of {r.regradeTotal} submissions
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/** Settings → duplicate (a new scenario of one's own, no students) and archive or restore. */
export function ReusePanel({ slug, manageKey, scenario, onArchived }: { slug: string; manageKey: string; scenario: ManageScenario; onArchived(s: ManageScenario, message: string): void }) {
  const [busy, setBusy] = useState(false);
  const [copy, setCopy] = useState<{ manageUrl: string; studentUrl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const duplicate = async () => {
    setBusy(true);
    setError(null);
    const res = await api<{ slug: string; manageUrl: string; studentUrl: string }>(`/api/scenarios/${slug}/manage/duplicate`, { method: 'POST', body: {}, manageKey });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    saveScenario({ slug: res.data.slug, title: `${scenario.title} (copy)`, manageUrl: res.data.manageUrl });
    setCopy({ manageUrl: new URL(res.data.manageUrl, window.location.origin).toString(), studentUrl: new URL(res.data.studentUrl, window.location.origin).toString() });
  };
  const archive = async (archived: boolean) => {
    setBusy(true);
    setError(null);
    const res = await api<{ scenario: ManageScenario }>(`/api/scenarios/${slug}/manage/archive`, { method: 'POST', body: { archived }, manageKey });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    saveScenario({ slug, title: scenario.title, manageUrl: `/s/${slug}/manage#key=${manageKey}`, archived });
    onArchived(res.data.scenario, archived ? 'Archived: students can look at their work but not submit, and it is listed under Archived on the Teach page.' : 'Restored: the scenario is active again.');
  };
  return (
    <section aria-labelledby="reuse-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="reuse-heading" className="font-semibold text-slate-900">
        Reuse and archive
      </h2>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass('secondary')} disabled={busy} onClick={() => void duplicate()}>
          Duplicate this scenario
        </button>
        {scenario.archived ? (
          <button type="button" className={buttonClass('primary')} disabled={busy} onClick={() => void archive(false)}>
            Restore from the archive
          </button>
        ) : (
          <button type="button" className={buttonClass('secondary')} disabled={busy} onClick={() => void archive(true)}>
            Archive
          </button>
        )}
      </div>
      <p className="text-sm text-slate-600">A duplicate has its own student and manage links, the same brief, targets and rubric, and no students.</p>
      {error ? <p role="alert" className="text-sm text-saturated">{error}</p> : null}
      {copy ? (
        <div className="space-y-2 rounded-lg border border-green-200 bg-green-50 p-3" role="status">
          <p className="text-sm font-medium text-green-900">Duplicated. Keep the new manage link:</p>
          <CopyField label="The copy’s manage link" value={copy.manageUrl} secret hint="It opens the copy’s dashboard; it is saved on the Teach page in this browser too." />
          <a href={copy.manageUrl} className="text-sm font-medium text-brand-700 underline">
            Open the copy’s dashboard
          </a>
        </div>
      ) : null}
    </section>
  );
}
