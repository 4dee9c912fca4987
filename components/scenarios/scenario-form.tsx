'use client';

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { GROUPS, KINDS_BY_GROUP } from '@/components/editor/groups';
import { CATALOG, KINDS, type Kind, type Design, WORKLOAD_DEFAULTS } from '@/lib/engine/data';
import {
  byteLength,
  createScenarioSchema,
  MAX_BRIEF_BYTES,
  MAX_TITLE_CHARS,
  SCORE_VISIBILITY,
  SCORE_VISIBILITY_LABELS,
  type CreateScenarioInput,
  type FieldIssue,
  type ScoreVisibility,
} from '@/lib/classroom/scenarios/schema';
import { STAGES } from '@/lib/rules/stages';
import { absoluteUrl, api } from './api';
import { readStorage, storeItem } from '@/lib/browser/browser-state';
import { CopyField } from './copy-field';
import { DesignPicker } from './design-picker';
import { formIssue, formIssuesFromZod, WORKLOAD_FIELDS, workloadFieldId } from './form-issues';
import { BriefMarkdown } from './markdown';
import { saveScenario } from './my-scenarios';
import { formatAvailability, formatMs, formatUsdPerMonth, formatUsers } from '@/lib/shared/format';
import { buttonClass } from '@/components/ui/button';

const INPUT = 'mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-slate-900 aria-[invalid]:border-saturated';

const DEFAULT_KINDS: Kind[] = ['users', 'dns', 'cdn', 'load-balancer', 'app-server', 'cache', 'database', 'read-replica', 'object-storage', 'queue', 'worker', 'monitoring'];

interface Form {
  title: string;
  brief: string;
  targetMode: 'stages' | 'users';
  stages: number[];
  users: { users: string; label: string }[];
  p95: string;
  availability: string;
  budget: string;
  workload: Record<string, string>;
  allowedKinds: Kind[];
  startingDesign: Design | null;
  lockedNodeIds: string[];
  referenceDesign: Design | null;
  scoreVisibility: ScoreVisibility;
  deadline: string;
  leaderboard: boolean;
}

const INITIAL: Form = {
  title: '',
  brief: '',
  targetMode: 'stages',
  stages: [3],
  users: [{ users: '100000', label: '' }],
  p95: '',
  availability: '',
  budget: '',
  workload: {},
  allowedKinds: DEFAULT_KINDS,
  startingDesign: null,
  lockedNodeIds: [],
  referenceDesign: null,
  scoreVisibility: 'on-submit',
  deadline: '',
  leaderboard: false,
};

/** The unpublished form, kept in this browser so a reload or a closed tab loses nothing. */
export const TEACH_DRAFT_KEY = 'scalelab:teach:draft:v1';

/** A stored draft over the blank form; null when there is none or it cannot be read. Fields of the wrong type are left blank. */
export function parseDraft(raw: string | null): Form | null {
  if (!raw) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const out: Record<string, unknown> = { ...INITIAL };
  for (const [k, v] of Object.entries(stored)) {
    const blank = (INITIAL as unknown as Record<string, unknown>)[k];
    if (!(k in INITIAL) || v === undefined) continue;
    const fits = blank === null ? typeof v === 'object' : Array.isArray(blank) ? Array.isArray(v) : typeof v === typeof blank && !Array.isArray(v);
    if (fits) out[k] = v;
  }
  return out as unknown as Form;
}

/** Keeps the form (drops it when null or blank); where storage is full or blocked the draft lives only as long as the page. */
function writeDraft(form: Form | null): void {
  const text = form === null ? null : JSON.stringify(form);
  storeItem(TEACH_DRAFT_KEY, text === null || text === JSON.stringify(INITIAL) ? null : text);
}

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** The form as the API's create input (numbers parsed, blanks left out). */
function toInput(f: Form): CreateScenarioInput {
  const workload: Record<string, number> = {};
  for (const w of WORKLOAD_FIELDS) {
    const v = num(f.workload[w.key] ?? '');
    if (v !== undefined) workload[w.key] = w.fraction ? v / 100 : v;
  }
  const availability = num(f.availability);
  return {
    title: f.title,
    brief: f.brief,
    config: {
      workload,
      targets:
        f.targetMode === 'stages'
          ? [...f.stages].sort((a, b) => a - b).map((stage) => ({ type: 'stage' as const, stage }))
          : f.users.map((u) => ({ type: 'users' as const, users: num(u.users) ?? NaN, ...(u.label.trim() ? { label: u.label.trim() } : {}) })),
      slo: {
        ...(num(f.p95) !== undefined ? { p95ReadMs: num(f.p95) } : {}),
        ...(availability !== undefined ? { availability: availability / 100 } : {}),
        ...(num(f.budget) !== undefined ? { budgetUsd: num(f.budget) } : {}),
      },
      allowedKinds: f.allowedKinds,
      ...(f.startingDesign ? { startingDesign: f.startingDesign, lockedNodeIds: f.lockedNodeIds } : {}),
      ...(f.referenceDesign ? { referenceDesign: f.referenceDesign } : {}),
      scoreVisibility: f.scoreVisibility,
      deadline: f.deadline ? new Date(f.deadline).toISOString() : null,
      leaderboard: f.leaderboard,
    },
  };
}

/** Field ids, for the error summary's links; issue paths map onto them by prefix. */
const FIELD_OF: [string, string][] = [
  ['title', 'f-title'],
  ['brief', 'f-brief'],
  ['config.targets', 'f-targets'],
  ['config.slo.p95ReadMs', 'f-p95'],
  ['config.slo.availability', 'f-availability'],
  ['config.slo.budgetUsd', 'f-budget'],
  ...WORKLOAD_FIELDS.map((w): [string, string] => [`config.workload.${w.key}`, workloadFieldId(w.key)]),
  ['config.workload', 'f-workload'],
  ['config.allowedKinds', 'f-kinds'],
  ['config.startingDesign', 'f-start'],
  ['config.lockedNodeIds', 'f-start'],
  ['config.referenceDesign', 'f-reference'],
  ['config.scoreVisibility', 'f-visibility'],
  ['config.deadline', 'f-deadline'],
];

const WORKLOAD_IDS = new Set(['f-workload', ...WORKLOAD_FIELDS.map((w) => workloadFieldId(w.key))]);

function fieldOf(path: string): string {
  return FIELD_OF.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))?.[1] ?? 'f-title';
}

/** Where a path's field sits on the form, so the error summary lists problems top to bottom. */
function orderOf(path: string): number {
  const i = FIELD_OF.findIndex(([prefix]) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`));
  return i === -1 ? FIELD_OF.length : i;
}

function FieldError({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-saturated">
      {messages.join(' ')}
    </p>
  );
}

function Section({ title, children, description }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-200 pt-6">
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}

interface Created {
  slug: string;
  manageKey: string;
  studentUrl: string;
  manageUrl: string;
}

/** Authoring: everything a scenario is, checked with the API's own schema before it is sent. */
export function ScenarioForm() {
  const [form, setForm] = useState<Form>(INITIAL);
  const [draftRead, setDraftRead] = useState(false);
  const [restored, setRestored] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);
  const [created, setCreated] = useState<(Created & { title: string }) | null>(null);
  const [workloadOpen, setWorkloadOpen] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const createdRef = useRef<HTMLHeadingElement>(null);
  const uid = useId();

  useEffect(() => {
    const draft = parseDraft(readStorage(TEACH_DRAFT_KEY));
    // The draft is in this browser's storage, readable only after mounting.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (draft) setForm(draft);
    setRestored(draft !== null);
    setDraftRead(true);
  }, []);
  useEffect(() => {
    if (draftRead) writeDraft(form);
  }, [form, draftRead]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const errorsFor = (field: string) => issues.filter((i) => fieldOf(i.path) === field).map((i) => i.message);
  const invalid = (field: string) => (errorsFor(field).length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` } : {});
  const briefBytes = useMemo(() => byteLength(form.brief), [form.brief]);

  /** Shows issues; a workload issue opens the (collapsible) workload section so its fields can be seen. */
  const showIssues = (next: FieldIssue[]) => {
    setIssues([...next].sort((a, b) => orderOf(a.path) - orderOf(b.path)));
    if (next.some((i) => WORKLOAD_IDS.has(fieldOf(i.path)))) setWorkloadOpen(true);
  };

  /** Follows an error link: opens the workload section if the field is in it, then moves focus to the field. */
  const goToField = (e: React.MouseEvent, id: string) => {
    if (!WORKLOAD_IDS.has(id)) return;
    e.preventDefault();
    flushSync(() => setWorkloadOpen(true));
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const input = toInput(form);
    const checked = createScenarioSchema.safeParse(input);
    if (!checked.success) {
      // In the form's words and units: "Availability must be below 100%", not "config.slo.availability: … below 1".
      showIssues(formIssuesFromZod(checked.error.issues));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setIssues([]);
    setBusy(true);
    const res = await api<Created>('/api/scenarios', { body: input });
    setBusy(false);
    if (res.ok) {
      writeDraft(null);
      setRestored(false);
      setCreated({ ...res.data, title: form.title.trim() });
      saveScenario({ slug: res.data.slug, title: form.title.trim(), manageUrl: res.data.manageUrl });
      requestAnimationFrame(() => createdRef.current?.focus());
    } else {
      showIssues(res.issues.map(formIssue));
      setServerError(res.error);
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  if (created) {
    return (
      <div className="rounded-xl border border-green-200 bg-green-50/50 p-5">
        <h3 ref={createdRef} tabIndex={-1} className="text-lg font-semibold text-slate-900">
          Published: {created.title}
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          Share the student link with your class. The manage link is shown once and opens your dashboard: bookmark it and keep it private (this browser
          remembers it too).
        </p>
        <div className="mt-4 space-y-4">
          <CopyField label="Student link" value={absoluteUrl(created.studentUrl)} />
          <CopyField label="Manage link" value={absoluteUrl(created.manageUrl)} secret />
        </div>
        <div className="mt-5 flex flex-wrap gap-2">
          <a href={created.manageUrl} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
            Open the dashboard
          </a>
          <a href={created.studentUrl} target="_blank" rel="noreferrer" className={buttonClass('secondary')}>
            Open the student view
          </a>
          <button
            type="button"
            className={buttonClass('secondary')}
            onClick={() => {
              setCreated(null);
              setForm(INITIAL);
            }}
          >
            Create another
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-6">
      {issues.length > 0 || serverError ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">{serverError ?? `Fix ${issues.length === 1 ? 'this' : `these ${issues.length} problems`} to publish:`}</p>
          {issues.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {issues.slice(0, 12).map((i, n) => (
                <li key={n}>
                  <a href={`#${fieldOf(i.path)}`} onClick={(e) => goToField(e, fieldOf(i.path))} className="underline">
                    {i.message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {restored ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-slate-100 px-4 py-2 text-sm text-slate-700">
          <p>Your unpublished draft from this browser is back.</p>
          <button
            type="button"
            className={buttonClass('secondary')}
            onClick={() => {
              setRestored(false);
              setIssues([]);
              setForm(INITIAL);
            }}
          >
            Start over
          </button>
        </div>
      ) : null}

      <div>
        <label htmlFor="f-title" className="block text-sm font-medium text-slate-800">
          Title
        </label>
        <input id="f-title" value={form.title} maxLength={MAX_TITLE_CHARS} onChange={(e) => set('title', e.target.value)} className={INPUT} {...invalid('f-title')} />
        <FieldError id="f-title" messages={errorsFor('f-title')} />
      </div>

      <div>
        <div className="flex flex-wrap items-end justify-between gap-2">
          <label htmlFor="f-brief" className="block text-sm font-medium text-slate-800">
            Brief <span className="font-normal text-slate-500">(Markdown)</span>
          </label>
          <div role="group" aria-label="Brief view" className="flex gap-1 text-sm">
            <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)} className={`rounded px-2 py-0.5 ${!preview ? 'bg-slate-200 font-medium text-slate-900' : 'text-slate-600'}`}>
              Write
            </button>
            <button type="button" aria-pressed={preview} onClick={() => setPreview(true)} className={`rounded px-2 py-0.5 ${preview ? 'bg-slate-200 font-medium text-slate-900' : 'text-slate-600'}`}>
              Preview
            </button>
          </div>
        </div>
        {preview ? (
          <div className="mt-1 min-h-48 rounded-md border border-slate-300 bg-white px-4 py-3">
            {form.brief.trim() ? <BriefMarkdown source={form.brief} /> : <p className="text-sm text-slate-500">Nothing to preview yet.</p>}
          </div>
        ) : (
          <textarea
            id="f-brief"
            value={form.brief}
            onChange={(e) => set('brief', e.target.value)}
            rows={10}
            className={`${INPUT} font-mono text-sm`}
            placeholder={'## The situation\n\nWhat the company does and why it must grow…\n\n## Your task\n\n- …'}
            {...invalid('f-brief')}
          />
        )}
        <p className={`mt-1 text-xs ${briefBytes > MAX_BRIEF_BYTES ? 'text-saturated' : 'text-slate-500'}`}>
          {(briefBytes / 1024).toFixed(1)} KB of {MAX_BRIEF_BYTES / 1024} KB. Headings, lists, links and tables work; HTML is not shown.
        </p>
        <FieldError id="f-brief" messages={errorsFor('f-brief')} />
      </div>

      <Section title="Targets" description="What the design must carry. Each target is scored on its own; the score is their average.">
        <fieldset id="f-targets" tabIndex={-1}>
          <legend className="sr-only">Kind of target</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {(['stages', 'users'] as const).map((m) => (
              <label key={m} className="flex items-center gap-2 text-slate-800">
                <input type="radio" name="target-mode" checked={form.targetMode === m} onChange={() => set('targetMode', m)} className="h-4 w-4" />
                {m === 'stages' ? 'Growth stages' : 'Numbers of users'}
              </label>
            ))}
          </div>
          {form.targetMode === 'stages' ? (
            <ul className="mt-3 grid gap-2 sm:grid-cols-2">
              {STAGES.map((s) => (
                <li key={s.stage}>
                  <label className="flex items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                    <input
                      type="checkbox"
                      className="mt-0.5 h-4 w-4 rounded border-slate-300"
                      checked={form.stages.includes(s.stage)}
                      onChange={(e) => set('stages', e.target.checked ? [...form.stages, s.stage] : form.stages.filter((x) => x !== s.stage))}
                    />
                    <span>
                      <span className="font-medium text-slate-900">
                        Stage {s.stage}: {s.name}
                      </span>
                      <span className="block text-xs text-slate-600">
                        {formatUsers(s.users)} users · p95 ≤ {formatMs(s.p95ReadMs)} · {formatAvailability(s.availability)} · {formatUsdPerMonth(s.budgetUsd)}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-3 space-y-2">
              {form.users.map((u, i) => (
                <div key={i} className="flex flex-wrap items-end gap-2">
                  <div>
                    <label htmlFor={`${uid}-users-${i}`} className="block text-xs font-medium text-slate-700">
                      Daily users
                    </label>
                    <input
                      id={`${uid}-users-${i}`}
                      inputMode="numeric"
                      value={u.users}
                      onChange={(e) => set('users', form.users.map((x, j) => (j === i ? { ...x, users: e.target.value } : x)))}
                      className="mt-0.5 w-40 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
                    />
                  </div>
                  <div>
                    <label htmlFor={`${uid}-label-${i}`} className="block text-xs font-medium text-slate-700">
                      Label <span className="font-normal text-slate-500">(optional)</span>
                    </label>
                    <input
                      id={`${uid}-label-${i}`}
                      value={u.label}
                      maxLength={60}
                      onChange={(e) => set('users', form.users.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
                      className="mt-0.5 w-56 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
                      placeholder="Launch day"
                    />
                  </div>
                  {form.users.length > 1 ? (
                    <button type="button" className={buttonClass('secondary')} onClick={() => set('users', form.users.filter((_, j) => j !== i))}>
                      Remove<span className="sr-only"> target {i + 1}</span>
                    </button>
                  ) : null}
                </div>
              ))}
              {form.users.length < 8 ? (
                <button type="button" className={buttonClass('secondary')} onClick={() => set('users', [...form.users, { users: '', label: '' }])}>
                  Add a target
                </button>
              ) : null}
            </div>
          )}
        </fieldset>
        <FieldError id="f-targets" messages={errorsFor('f-targets')} />
      </Section>

      <Section
        title="Service levels and budget"
        description={
          form.targetMode === 'stages'
            ? 'Leave blank to hold each stage to its own levels (the same verdict students see on the canvas).'
            : 'Blank fields use p95 ≤ 300 ms, 99.9% availability and $20,000 a month.'
        }
      >
        <div className="grid gap-4 sm:grid-cols-3">
          {(
            [
              ['f-p95', 'p95', 'p95 read latency', 'ms', '300'],
              ['f-availability', 'availability', 'Availability', '%', '99.9'],
              ['f-budget', 'budget', 'Monthly budget', 'US $', '20000'],
            ] as const
          ).map(([fid, key, label, unit, fallback]) => {
            const placeholder = form.targetMode === 'stages' ? 'the stage’s own' : fallback;
            return (
            <div key={fid}>
              <label htmlFor={fid} className="block text-sm font-medium text-slate-800">
                {label} <span className="font-normal text-slate-500">({unit})</span>
              </label>
              <input id={fid} inputMode="decimal" value={form[key]} onChange={(e) => set(key, e.target.value)} placeholder={placeholder} className={INPUT} {...invalid(fid)} />
              <FieldError id={fid} messages={errorsFor(fid)} />
            </div>
            );
          })}
        </div>
        <details
          id="f-workload"
          open={workloadOpen}
          onToggle={(e) => setWorkloadOpen(e.currentTarget.open)}
          className="rounded-md border border-slate-200 px-4 py-3"
        >
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Workload (optional: defaults apply when blank)</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {WORKLOAD_FIELDS.map((w) => {
              const def = WORKLOAD_DEFAULTS[w.key];
              const fid = workloadFieldId(w.key);
              return (
                <div key={w.key}>
                  <label htmlFor={fid} className="block text-sm text-slate-800">
                    {w.label} {w.unit ? <span className="text-slate-500">({w.unit})</span> : null}
                  </label>
                  <input
                    id={fid}
                    inputMode="decimal"
                    value={form.workload[w.key] ?? ''}
                    onChange={(e) => set('workload', { ...form.workload, [w.key]: e.target.value })}
                    placeholder={String(w.fraction ? def * 100 : def)}
                    className="mt-1 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm aria-[invalid]:border-saturated"
                    {...invalid(fid)}
                  />
                  <FieldError id={fid} messages={errorsFor(fid)} />
                </div>
              );
            })}
          </div>
          <FieldError id="f-workload" messages={errorsFor('f-workload')} />
        </details>
      </Section>

      <Section title="Components students may use" description="Kinds you leave out are not available in the students’ palette. Users are always allowed.">
        <fieldset id="f-kinds" tabIndex={-1}>
          <legend className="sr-only">Allowed component kinds</legend>
          <div className="mb-3 flex gap-2">
            <button type="button" className={buttonClass('secondary')} onClick={() => set('allowedKinds', [...KINDS])}>
              Allow all
            </button>
            <button type="button" className={buttonClass('secondary')} onClick={() => set('allowedKinds', ['users'])}>
              Clear
            </button>
          </div>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {GROUPS.map((g) => (
              <div key={g.id}>
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{g.label}</p>
                <ul className="mt-1 space-y-1">
                  {KINDS_BY_GROUP[g.id].map((k) => (
                    <li key={k}>
                      <label className="flex items-center gap-2 text-sm text-slate-800">
                        <input
                          type="checkbox"
                          className="h-4 w-4 rounded border-slate-300"
                          disabled={k === 'users'}
                          checked={k === 'users' || form.allowedKinds.includes(k)}
                          onChange={(e) => set('allowedKinds', e.target.checked ? [...form.allowedKinds, k] : form.allowedKinds.filter((x) => x !== k))}
                        />
                        {CATALOG[k].label}
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </fieldset>
        <FieldError id="f-kinds" messages={errorsFor('f-kinds')} />
      </Section>

      <Section title="Designs" description="Both optional. Students start from the starting design; the reference is only for you, to compare submissions with.">
        <div id="f-start" tabIndex={-1}>
          <DesignPicker
            label="Starting design"
            help="What students see when they open the scenario. Lock the nodes they must keep as they are."
            design={form.startingDesign}
            onChange={(d) => set('startingDesign', d)}
            locked={form.lockedNodeIds}
            onLockedChange={(ids) => set('lockedNodeIds', ids)}
            error={errorsFor('f-start').join(' ') || undefined}
            errorId="f-start-error"
          />
        </div>
        <div id="f-reference" tabIndex={-1}>
          <DesignPicker
            label="Reference design"
            help="Your model answer. Never shown to students."
            design={form.referenceDesign}
            onChange={(d) => set('referenceDesign', d)}
            error={errorsFor('f-reference').join(' ') || undefined}
            errorId="f-reference-error"
          />
        </div>
      </Section>

      <Section title="Scores and deadline">
        <fieldset id="f-visibility" tabIndex={-1}>
          <legend className="text-sm font-medium text-slate-800">Students see their scores</legend>
          <div className="mt-2 space-y-1.5">
            {SCORE_VISIBILITY.map((v) => (
              <label key={v} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name="visibility" className="h-4 w-4" checked={form.scoreVisibility === v} onChange={() => set('scoreVisibility', v)} />
                {SCORE_VISIBILITY_LABELS[v]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={form.leaderboard} onChange={(e) => set('leaderboard', e.target.checked)} />
          Show students a leaderboard (names and scores only, once scores are visible)
        </label>
        <div>
          <label htmlFor="f-deadline" className="block text-sm font-medium text-slate-800">
            Deadline <span className="font-normal text-slate-500">(optional, your local time)</span>
          </label>
          <input id="f-deadline" type="datetime-local" value={form.deadline} onChange={(e) => set('deadline', e.target.value)} className="mt-1 max-w-full rounded-md border border-slate-300 px-3 py-2" {...invalid('f-deadline')} />
          <FieldError id="f-deadline" messages={errorsFor('f-deadline')} />
        </div>
      </Section>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
        <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
          {busy ? 'Publishing…' : 'Publish scenario'}
        </button>
        <p className="text-sm text-slate-600">You get a student link to share and a private manage link.</p>
      </div>
    </form>
  );
}
