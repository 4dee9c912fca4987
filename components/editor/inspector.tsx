'use client';

import Link from 'next/link';
import { useCallback, useId, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { edgeSchema, nodeParamsSchema, nodeSchema, paramsOfNode } from '@/lib/design/schema';
import { CATALOG, type Kind, technologyLabel, type EdgeParams, type NodeParams } from '@/lib/engine/data';
import { connectableTargets, kindRefusal } from '@/lib/editor/connection-rules';
import { displayLabel } from '@/lib/editor/labels';
import {
  checkNumberText,
  defaultFor,
  EDGE_PARAM_META,
  edgeLatencyHelp,
  groupError,
  groupWords,
  helpFor,
  PARAM_META,
  selectOptions,
  type FieldCheck,
  type GroupMeta,
  type HopEnd,
  type NumberMeta,
  type ParamMeta,
} from '@/lib/editor/param-meta';
import {
  nodeById,
  selectInspectedEdgeId,
  selectInspectedNodeId,
  type EditResult,
  type EditorState,
} from '@/lib/editor/store';
import { capacitySentence, cutsCapacity, projectInstances, type CapacityNow } from '@/lib/editor/capacity-warning';
import { formatRps, formatUsers, formatUtilization } from '@/lib/shared/format';
import { autoscaleStart, planGroupCommit } from './group-commit';
import { GROUP_TILE } from './groups';
import { KindIcon } from './kind-icons';
import { TechnologySection } from './technology-compare';
import { useEditor, useEditorStore } from './editor-provider';

/* ---------- validation ---------- */

type Check = FieldCheck;

/** Zod speaks in parameter names ("hitRatio must be…"); the inspector in field labels. */
function humanize(message: string, name: string, label: string): string {
  return message.startsWith(name) ? label + message.slice(name.length) : message;
}

function firstIssue(result: EditResult, name: string, label: string): string | null {
  return result.ok ? null : humanize(result.issues[0]?.message ?? 'That value cannot be used.', result.issues[0]?.path || name, label);
}

/** Parses a number field: blank = no override; the inspector's range, then the schema (param-meta.ts `checkNumberText`). */
const checkNumber = checkNumberText;

/* ---------- field shell ---------- */

function Field({
  id,
  label,
  unit,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  unit?: string;
  help: string;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <div className="py-1.5">
      <label htmlFor={id} className="flex items-baseline justify-between text-sm font-medium text-slate-800">
        <span>{label}</span>
        {unit ? <span className="text-xs font-normal text-slate-600">{unit}</span> : null}
      </label>
      <div className="mt-1">{children}</div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-saturated">
          {error}
        </p>
      ) : null}
      <p id={`${id}-help`} className="mt-1 text-xs leading-snug text-slate-600">
        {help}
      </p>
    </div>
  );
}

const inputClass = (error: string | null) =>
  `w-full rounded-md border bg-white px-2.5 py-1.5 text-sm text-slate-900 placeholder:text-slate-500 ${
    error ? 'border-saturated' : 'border-slate-300'
  }`;

/**
 * A text or number input that edits a draft and commits it on Enter or on
 * leaving the field (one undo step per commit, not per keystroke). An
 * invalid draft stays in the field with its message; the design keeps the
 * last valid value. Escape puts the stored value back.
 */
function DraftInput({
  id,
  value,
  placeholder,
  type,
  meta,
  error,
  setError,
  check,
  commit,
  onDraft,
}: {
  id: string;
  value: string;
  placeholder: string;
  type: 'number' | 'text';
  meta?: NumberMeta;
  error: string | null;
  setError(e: string | null): void;
  check(text: string, badInput: boolean): Check;
  commit(value: unknown): string | null;
  /** Told the draft's valid value as it is typed (null when there is none, or once it is committed or put back). */
  onDraft?(value: unknown): void;
}) {
  const [draft, setDraftText] = useState<string | null>(null);
  const setDraft = (text: string | null, value: unknown = null) => {
    setDraftText(text);
    onDraft?.(text === null ? null : value);
  };
  const finish = (el: HTMLInputElement) => {
    if (draft === null) return;
    const result = check(el.value, el.validity.badInput);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const refused = commit(result.value);
    setError(refused);
    if (!refused) setDraft(null);
  };
  return (
    <input
      id={id}
      type={type}
      inputMode={type === 'number' ? 'decimal' : undefined}
      value={draft ?? value}
      placeholder={placeholder}
      min={meta?.min}
      max={meta?.max}
      step={meta ? 'any' : undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={`${error ? `${id}-error ` : ''}${id}-help`}
      className={inputClass(error)}
      onChange={(e) => {
        const result = check(e.target.value, e.target.validity.badInput);
        setDraft(e.target.value, result.ok ? result.value : null);
        setError(result.ok ? null : result.error);
      }}
      onBlur={(e) => finish(e.currentTarget)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(e.currentTarget);
        } else if (e.key === 'Escape' && draft !== null) {
          e.stopPropagation();
          setDraft(null);
          setError(null);
        }
      }}
    />
  );
}

/* ---------- node parameters ---------- */

function formatValue(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

interface ParamProps {
  nodeId: string;
  kind: Kind;
  name: keyof NodeParams;
  value: unknown;
  /** The node's technology: its defaults are what a blank field stands for. */
  technology?: string;
}

function useCommitParam(nodeId: string) {
  const store = useEditorStore();
  return (name: keyof NodeParams, value: unknown, label: string) =>
    firstIssue(store.getState().updateNodeParams(nodeId, { [name]: value }), name, label);
}

function NumberParam({ nodeId, kind, name, value, meta, technology }: ParamProps & { meta: NumberMeta }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const commit = useCommitParam(nodeId);
  // Instances: the count being typed, and the last cut committed (from → to), for the capacity warning.
  const [typed, setTyped] = useState<number | null>(null);
  const [cut, setCut] = useState<{ from: number; to: number } | null>(null);
  const stored = Number(value ?? defaultFor(kind, name, undefined, technology)) || 1;
  return (
    <Field id={id} label={meta.label} unit={meta.unit} help={helpFor(kind, name)} error={error}>
      <DraftInput
        id={id}
        type="number"
        meta={meta}
        value={formatValue(value)}
        placeholder={defaultFor(kind, name, undefined, technology)}
        error={error}
        setError={setError}
        check={(t, bad) => checkNumber(t, bad, meta, nodeParamsSchema.shape[name], name)}
        commit={(v) => {
          const refused = commit(name, v, meta.label);
          if (!refused && name === 'instances') {
            const to = typeof v === 'number' ? v : Number(defaultFor(kind, name, undefined, technology)) || 1;
            setCut(to < stored ? { from: stored, to } : null);
          }
          return refused;
        }}
        onDraft={name === 'instances' ? (v) => setTyped(typeof v === 'number' ? v : null) : undefined}
      />
      {name === 'instances' ? <CapacityWarning nodeId={nodeId} typed={typed} cut={cut} /> : null}
    </Field>
  );
}

/** The latest evaluation's figures for one component, as primitives joined (a stable value for the store selector). */
function selectCapacityNow(nodeId: string) {
  return (s: EditorState): string | null => {
    const scored = s.results?.scored;
    if (scored?.status !== 'ok') return null;
    const n = scored.evaluation.nodes[nodeId];
    if (!n || !Number.isFinite(n.utilization) || n.instances <= 0) return null;
    return [n.utilization, n.instances, n.arrivalRps.total, n.failedRps + n.shedRps].join(' ');
  };
}

/**
 * Says what a cut in instances does, from the latest evaluation (no engine
 * here: lib/editor/capacity-warning.ts scales utilisation by the instance
 * count): while a smaller count is typed ("would run at 340% busy"), and
 * after it is committed, with the evaluation's own figures once they are in.
 */
function CapacityWarning({ nodeId, typed, cut }: { nodeId: string; typed: number | null; cut: { from: number; to: number } | null }) {
  const raw = useEditor(useCallback((s: EditorState) => selectCapacityNow(nodeId)(s), [nodeId]));
  if (!raw) return null;
  const [utilization, instances, arrivalRps, droppedRps] = raw.split(' ').map(Number);
  const now: CapacityNow = { utilization, instances, arrivalRps };
  let text: string | null = null;
  if (typed !== null) {
    const p = projectInstances(now, typed);
    if (cutsCapacity(now, p)) text = `${capacitySentence(p)}; ${instances.toLocaleString('en-US')} now run at ${formatUtilization(utilization)}.`;
  } else if (cut) {
    if (instances === cut.to) {
      // The evaluation of the stored count is in: its own figures.
      const p = { instances, utilization, dropsRps: droppedRps };
      if (cutsCapacity({ ...now, instances: cut.from }, p)) text = `${capacitySentence(p, true)} (cut from ${cut.from.toLocaleString('en-US')}).`;
    } else {
      const p = projectInstances(now, cut.to);
      if (cutsCapacity(now, p)) text = `${capacitySentence(p)}.`;
    }
  }
  return (
    <p role="status" className={text ? 'mt-1 rounded-md border border-red-200 bg-red-50 px-2 py-1 text-xs font-medium text-saturated' : 'sr-only'} data-testid={text ? 'capacity-warning' : undefined}>
      {text}
    </p>
  );
}

function TextParam({ nodeId, kind, name, value, meta, technology }: ParamProps & { meta: Extract<ParamMeta, { type: 'text' }> }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const commit = useCommitParam(nodeId);
  return (
    <Field id={id} label={meta.label} help={helpFor(kind, name)} error={error}>
      <DraftInput
        id={id}
        type="text"
        value={formatValue(value)}
        placeholder={defaultFor(kind, name, undefined, technology)}
        error={error}
        setError={setError}
        check={(t) => {
          const clean = t.trim();
          if (clean === '') return { ok: true, value: undefined };
          const parsed = nodeParamsSchema.shape[name].safeParse(clean);
          return parsed.success ? { ok: true, value: clean } : { ok: false, error: humanize(parsed.error.issues[0].message, name, meta.label) };
        }}
        commit={(v) => commit(name, v, meta.label)}
      />
    </Field>
  );
}

function SelectParam({ nodeId, kind, name, value, meta }: ParamProps & { meta: Extract<ParamMeta, { type: 'select' }> }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const commit = useCommitParam(nodeId);
  return (
    <Field id={id} label={meta.label} help={helpFor(kind, name, value)} error={error}>
      <select
        id={id}
        value={formatValue(value)}
        aria-describedby={`${id}-help`}
        className={inputClass(error)}
        onChange={(e) => setError(commit(name, e.target.value === '' ? undefined : e.target.value, meta.label))}
      >
        {selectOptions(kind, name).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function BooleanParam({ nodeId, kind, name, value, meta, technology }: ParamProps & { meta: Extract<ParamMeta, { type: 'boolean' }> }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const commit = useCommitParam(nodeId);
  const fallback = defaultFor(kind, name, undefined, technology) === 'true';
  const checked = typeof value === 'boolean' ? value : fallback;
  return (
    <div className="py-1.5">
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-help`}
          className="h-4 w-4 rounded border-slate-400 accent-brand-600"
          onChange={(e) => setError(commit(name, e.target.checked, meta.label))}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {meta.label}
        </label>
        {typeof value !== 'boolean' ? <span className="text-xs text-slate-600">(default)</span> : null}
      </div>
      {error ? <p className="mt-1 text-xs font-medium text-saturated">{error}</p> : null}
      <p id={`${id}-help`} className="mt-1 text-xs leading-snug text-slate-600">
        {helpFor(kind, name)}
      </p>
    </div>
  );
}

/** `serviceMs` (three optional numbers) and `autoscale` (all three or none). */
function GroupParam({ nodeId, kind, name, value, meta, technology }: ParamProps & { meta: GroupMeta }) {
  const store = useEditorStore();
  const baseId = useId();
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const current = (value ?? undefined) as Record<string, number> | undefined;
  const enabled = !meta.optional || current !== undefined;

  // Numbers refused only because of another field (a minimum above the
  // maximum), kept so that raising the other field stores them too.
  const [pending, setPending] = useState<Record<string, number>>({});
  // Bumped per field when its pending number is stored: that input starts afresh from the stored value.
  const [generation, setGeneration] = useState<Record<string, number>>({});
  // Autoscale's maximum as it is typed: below what the peak needs, it cuts capacity.
  const [typedMax, setTypedMax] = useState<number | null>(null);

  const commitSub = (sub: string, v: unknown, label: string): string | null => {
    const plan = planGroupCommit(current, pending, sub, v, (edited, values) => groupError(name, edited, values));
    if (!plan.ok) {
      setPending(plan.pending);
      return plan.error;
    }
    const result = store.getState().updateNodeParams(nodeId, { [name]: plan.values });
    if (!result.ok) return groupWords(name, result.issues[0]?.message ?? `${label} cannot be used`);
    const rest = { ...pending };
    delete rest[sub];
    for (const k of plan.adopted) delete rest[k];
    setPending(rest);
    if (plan.adopted.length > 0) {
      setGeneration((g) => ({ ...g, ...Object.fromEntries(plan.adopted.map((k) => [k, (g[k] ?? 0) + 1])) }));
      setErrors((prev) => ({ ...prev, ...Object.fromEntries(plan.adopted.map((k) => [k, null])) }));
    }
    // A number still pending is told why against the values now stored.
    const stored = (plan.values ?? {}) as Record<string, unknown>;
    for (const [k, val] of Object.entries(rest)) {
      const err = groupError(name, k, { ...stored, [k]: val });
      setErrors((prev) => ({ ...prev, [k]: err }));
    }
    return null;
  };

  return (
    <fieldset className="py-1.5">
      <legend className="text-sm font-medium text-slate-800">{meta.label}</legend>
      <p className="mt-0.5 text-xs leading-snug text-slate-600">{helpFor(kind, name)}</p>
      {meta.optional ? (
        <div className="mt-1.5 flex items-center gap-2">
          <input
            id={`${baseId}-on`}
            type="checkbox"
            checked={enabled}
            className="h-4 w-4 rounded border-slate-400 accent-brand-600"
            onChange={(e) => {
              const node = store.getState().graph.nodes.find((n) => n.id === nodeId);
              const instances = Number(node?.data.params.instances ?? defaultFor(kind, 'instances')) || 1;
              store.getState().updateNodeParams(nodeId, {
                [name]: e.target.checked ? autoscaleStart(instances) : undefined,
              });
            }}
          />
          <label htmlFor={`${baseId}-on`} className="text-sm text-slate-800">
            Scale automatically
          </label>
        </div>
      ) : null}
      {enabled ? (
        <div className="mt-1 grid grid-cols-3 gap-2">
          {meta.fields.map((f) => {
            const id = `${baseId}-${f.key}`;
            const error = errors[f.key] ?? null;
            return (
              <div key={f.key}>
                <label htmlFor={id} className="block text-xs font-medium text-slate-700">
                  {f.label}
                  {f.unit ? <span className="font-normal text-slate-600"> {f.unit === 'instances' ? '' : f.unit}</span> : null}
                </label>
                <DraftInput
                  key={`${f.key}-${generation[f.key] ?? 0}`}
                  id={id}
                  type="number"
                  meta={f}
                  value={formatValue(current?.[f.key])}
                  placeholder={defaultFor(kind, name, f.key, technology)}
                  error={error}
                  setError={(e) => setErrors((prev) => ({ ...prev, [f.key]: e }))}
                  check={(t, bad) => {
                    if (meta.optional && t.trim() === '') return { ok: false, error: `${f.label} is required` };
                    return checkNumber(t, bad, f, { safeParse: (v) => ({ success: true, data: v }) }, f.key);
                  }}
                  commit={(v) => commitSub(f.key, v, f.label)}
                  onDraft={name === 'autoscale' && f.key === 'max' ? (v) => setTypedMax(typeof v === 'number' ? v : null) : undefined}
                />
                {error ? (
                  <p id={`${id}-error`} className="mt-1 text-xs font-medium text-saturated">
                    {error}
                  </p>
                ) : null}
                <p id={`${id}-help`} className="sr-only">
                  {f.help}
                </p>
              </div>
            );
          })}
        </div>
      ) : null}
      {name === 'autoscale' && enabled ? <CapacityWarning nodeId={nodeId} typed={typedMax} cut={null} /> : null}
    </fieldset>
  );
}

function ParamField(props: ParamProps) {
  const meta = PARAM_META[props.name];
  switch (meta.type) {
    case 'number':
      return <NumberParam {...props} meta={meta} />;
    case 'select':
      return <SelectParam {...props} meta={meta} />;
    case 'boolean':
      return <BooleanParam {...props} meta={meta} />;
    case 'text':
      return <TextParam {...props} meta={meta} />;
    case 'group':
      return <GroupParam {...props} meta={meta} />;
  }
}

/* ---------- connections ---------- */

function useNodeLabel(id: string): string {
  return useEditor((s: EditorState) => {
    const n = nodeById(s, id);
    return n ? displayLabel(n.data) : id;
  });
}

function ConnectionRow({ edgeId, otherId, direction }: { edgeId: string; otherId: string; direction: 'to' | 'from' }) {
  const store = useEditorStore();
  const other = useNodeLabel(otherId);
  return (
    <li className="flex items-center justify-between gap-2 py-0.5 text-sm text-slate-800">
      <span className="min-w-0 truncate">
        <span aria-hidden="true">{direction === 'to' ? '→ ' : '← '}</span>
        {other}
      </span>
      <button
        type="button"
        className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 hover:text-saturated"
        aria-label={`Remove connection ${direction} ${other}`}
        onClick={() => store.getState().deleteElements({ edgeIds: [edgeId] })}
      >
        Remove
      </button>
    </li>
  );
}

function TargetOption({ id }: { id: string }) {
  return <option value={id}>{useNodeLabel(id)}</option>;
}

function Connections({ nodeId, kind, label }: { nodeId: string; kind: Kind; label: string }) {
  const store = useEditorStore();
  const selectId = useId();
  const [choice, setChoice] = useState('');
  const outgoing = useEditor(useShallow((s: EditorState) => s.graph.edges.filter((e) => e.source === nodeId).flatMap((e) => [e.id, e.target])));
  const incoming = useEditor(useShallow((s: EditorState) => s.graph.edges.filter((e) => e.target === nodeId).flatMap((e) => [e.id, e.source])));
  const targets = useEditor(useShallow((s: EditorState) => connectableTargets(s.graph, nodeId)));
  const cannotSend = kindRefusal(kind, 'source');
  const pairs = (flat: string[]) => flat.reduce<[string, string][]>((acc, v, i) => (i % 2 ? acc : [...acc, [v, flat[i + 1]]]), []);
  const chosen = targets.includes(choice) ? choice : '';

  return (
    <section aria-labelledby={`${selectId}-h`} className="border-t border-slate-200 px-4 py-3">
      <h3 id={`${selectId}-h`} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        Connections
      </h3>
      {outgoing.length === 0 && incoming.length === 0 ? <p className="mt-1 text-sm text-slate-600">Not connected yet.</p> : null}
      {outgoing.length > 0 ? (
        <ul aria-label={`${label} sends to`} className="mt-1">
          {pairs(outgoing).map(([edgeId, other]) => (
            <ConnectionRow key={edgeId} edgeId={edgeId} otherId={other} direction="to" />
          ))}
        </ul>
      ) : null}
      {incoming.length > 0 ? (
        <ul aria-label={`${label} receives from`} className="mt-1">
          {pairs(incoming).map(([edgeId, other]) => (
            <ConnectionRow key={edgeId} edgeId={edgeId} otherId={other} direction="from" />
          ))}
        </ul>
      ) : null}
      {cannotSend ? (
        <p className="mt-2 text-xs text-slate-600">{cannotSend}</p>
      ) : (
        <form
          className="mt-2 flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosen) return;
            const s = store.getState();
            const verdict = s.connectNodes(nodeId, chosen);
            if (verdict.ok) {
              const to = nodeById(s, chosen);
              s.announce(`Connected ${label} to ${to ? displayLabel(to.data) : chosen}.`);
              setChoice('');
            } else s.notify(`Can’t connect: ${verdict.reason}`, 'error');
          }}
        >
          <div className="min-w-0 flex-1">
            <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
              Connect to…
            </label>
            <select id={selectId} value={chosen} onChange={(e) => setChoice(e.target.value)} className={`mt-1 ${inputClass(null)}`}>
              <option value="">{targets.length === 0 ? 'Nothing to connect to' : 'Choose a component'}</option>
              {targets.map((t) => (
                <TargetOption key={t} id={t} />
              ))}
            </select>
          </div>
          <button
            type="submit"
            disabled={!chosen}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-700"
          >
            Connect
          </button>
        </form>
      )}
    </section>
  );
}

/* ---------- panels ---------- */

function NameField({ nodeId, label }: { nodeId: string; label: string }) {
  const store = useEditorStore();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <Field id={id} label="Name" help="Shown on the card. Double-click the card or press F2 to rename it there." error={error}>
      <DraftInput
        id={id}
        type="text"
        value={label}
        placeholder=""
        error={error}
        setError={setError}
        check={(t) => {
          const parsed = nodeSchema.shape.label.safeParse(t.trim());
          return parsed.success ? { ok: true, value: t } : { ok: false, error: humanize(parsed.error.issues[0].message, 'label', 'Name') };
        }}
        commit={(v) => firstIssue(store.getState().renameNode(nodeId, String(v)), 'label', 'Name')}
      />
    </Field>
  );
}

/** The database primary feeding a node and its technology ('' = generic); ['', ''] when none. */
function usePrimary(nodeId: string): [string, string] {
  // Two strings, not a fresh object: a selector must return the same value while nothing changed.
  return useEditor(
    useShallow((s: EditorState): [string, string] => {
      for (const e of s.graph.edges) {
        if (e.target !== nodeId) continue;
        const n = nodeById(s, e.source);
        if (n?.data.kind === 'database') return [displayLabel(n.data), n.data.params.technology ?? ''];
      }
      return ['', ''];
    }),
  );
}

/** A read replica's technology is its primary's (docs/model.md §14.1): said where the select would be. */
function ReplicaTechnology({ primary, technology }: { primary: string; technology: string }) {
  return (
    <p className="mt-1 text-xs text-slate-600" data-testid="replica-technology">
      Technology: <span className="font-medium text-slate-800">{technologyLabel('database', technology || undefined)}</span>
      {primary ? `, as its primary ${primary}` : ', until a primary database is connected to it'}.
    </p>
  );
}

/** The inspector asks which product a component is before its settings (docs/model.md §14). */
function technologyFirst(names: readonly (keyof NodeParams)[]): readonly (keyof NodeParams)[] {
  return names.includes('technology') ? ['technology', ...names.filter((n) => n !== 'technology')] : names;
}

function NodeInspector({ id }: { id: string }) {
  const store = useEditorStore();
  // Subscribes to the node's data only: dragging the node does not re-render the inspector.
  const data = useEditor((s: EditorState) => nodeById(s, id)?.data);
  const locked = useEditor((s: EditorState) => s.ui.lockedNodeIds.includes(id));
  const [primaryLabel, primaryTechnology] = usePrimary(id);
  if (!data) return null;
  const spec = CATALOG[data.kind];
  const label = displayLabel(data);
  return (
    <div>
      <div className="flex items-start gap-3 px-4 pt-4">
        <span className={`grid h-10 w-10 shrink-0 place-items-center rounded-md ${GROUP_TILE[spec.group]}`}>
          <KindIcon kind={data.kind} className="h-6 w-6" />
        </span>
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold text-slate-900">{label}</h2>
          {label !== spec.label ? <p className="text-xs text-slate-600">{spec.label}</p> : null}
        </div>
      </div>
      <p className="px-4 pt-2 text-sm leading-snug text-slate-700">{spec.description}</p>
      {locked ? (
        <p className="mx-4 mt-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="locked-note">
          Locked by the instructor: connect to it as you need, but it cannot be moved, changed or removed.
        </p>
      ) : null}
      {/* A locked node's fields are shown, not editable. */}
      <fieldset disabled={locked} className="min-w-0 disabled:opacity-70">
        <div className="px-4 pt-2">
          <NameField key={`${id}:${label}`} nodeId={id} label={label} />
        </div>
        <section aria-labelledby={`settings-${id}`} className="px-4 pb-3">
          <h3 id={`settings-${id}`} className="pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
            Settings
          </h3>
          {spec.params.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">
              {data.kind === 'users' ? 'How many users there are is set by the stage or the workload.' : 'Nothing to set.'}
            </p>
          ) : (
            <>
              <p className="mt-1 text-xs text-slate-600">Leave a field blank to use the default shown in it.</p>
              {data.kind === 'read-replica' ? <ReplicaTechnology primary={primaryLabel} technology={primaryTechnology} /> : null}
              {technologyFirst(paramsOfNode(data.kind, data.params.technology)).map((name) => (
                <ParamField key={`${id}:${name}`} nodeId={id} kind={data.kind} name={name} value={data.params[name]} technology={data.kind === 'read-replica' ? primaryTechnology || undefined : data.params.technology} />
              ))}
            </>
          )}
        </section>
      </fieldset>
      <TechnologySection nodeId={id} kind={data.kind} locked={locked} />
      <Connections nodeId={id} kind={data.kind} label={label} />
      <div className="flex gap-2 border-t border-slate-200 px-4 py-3">
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          onClick={() => {
            const s = store.getState();
            s.selectElements([id]);
            s.duplicateSelection();
          }}
        >
          Duplicate
        </button>
        <button
          type="button"
          disabled={locked}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-saturated hover:bg-red-50 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent"
          onClick={() => {
            store.getState().deleteElements({ nodeIds: [id] });
            store.getState().announce(`Deleted ${label}.`);
          }}
        >
          Delete
        </button>
      </div>
    </div>
  );
}

function EdgeParamField({ edgeId, name, value, help }: { edgeId: string; name: keyof EdgeParams; value: number | undefined; help?: string }) {
  const store = useEditorStore();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const meta = EDGE_PARAM_META[name];
  const schema = edgeSchema.shape.params.unwrap().shape[name];
  return (
    <Field id={id} label={meta.label} unit={meta.unit} help={help ?? meta.help} error={error}>
      <DraftInput
        id={id}
        type="number"
        meta={meta}
        value={formatValue(value)}
        placeholder="auto"
        error={error}
        setError={setError}
        check={(t, bad) => checkNumber(t, bad, meta, schema, name)}
        commit={(v) => firstIssue(store.getState().updateEdgeParams(edgeId, { [name]: v }), name, meta.label)}
      />
    </Field>
  );
}

const TRAFFIC_CLASSES = [
  ['static', 'static files'],
  ['read', 'reads'],
  ['write', 'writes'],
  ['job', 'background jobs'],
] as const;

/** What the connection carries at peak, class by class, from the live score. */
function EdgeTraffic({ id }: { id: string }) {
  const scored = useEditor((s: EditorState) => s.results?.scored);
  if (!scored || scored.status !== 'ok') return null;
  const rps = scored.evaluation.edges[id]?.rps;
  if (!rps) return null;
  const carried = TRAFFIC_CLASSES.filter(([k]) => rps[k] > 0);
  return (
    <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="edge-traffic">
      <p className="font-medium text-slate-900">At peak with {formatUsers(scored.users)} users</p>
      {carried.length === 0 ? (
        <p className="mt-1 text-slate-700">
          Carries nothing: its source answers this traffic itself or sends it elsewhere.{' '}
          <Link href="/learn/guide-wiring" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Which component takes what
          </Link>
        </p>
      ) : (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-slate-700">
          {carried.map(([k, words]) => (
            <div key={k} className="contents">
              <dt>{words}</dt>
              <dd className="text-right font-mono tabular-nums">{formatRps(rps[k])}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function EdgeInspector({ id }: { id: string }) {
  const store = useEditorStore();
  const edge = useEditor((s: EditorState) => s.graph.edges.find((e) => e.id === id));
  const from = useNodeLabel(edge?.source ?? '');
  const to = useNodeLabel(edge?.target ?? '');
  const ends = useEditor(
    useShallow((s: EditorState) => {
      const end = (nodeId: string | undefined) => {
        const n = nodeId ? nodeById(s, nodeId) : undefined;
        return n ? `${n.data.kind}\u0001${n.data.params.region ?? ''}\u0001${n.data.params.mesh ? 'mesh' : ''}` : '';
      };
      return [end(edge?.source), end(edge?.target)];
    }),
  );
  if (!edge) return null;
  const params = edge.data?.params ?? {};
  const hopEnd = (e: string): HopEnd => {
    const [kind, region, mesh] = e.split('\u0001');
    return { kind: kind as Kind, region: region || undefined, mesh: mesh === 'mesh' };
  };
  const latencyHelp = ends[0] && ends[1] ? edgeLatencyHelp(hopEnd(ends[0]), hopEnd(ends[1])) : undefined;
  return (
    <div className="px-4 py-4">
      <h2 className="text-base font-semibold text-slate-900">Connection</h2>
      <p className="mt-1 text-sm text-slate-700">
        {from} <span aria-hidden="true">→</span>
        <span className="sr-only">to</span> {to}
      </p>
      <EdgeTraffic id={id} />
      <div className="mt-2">
        <EdgeParamField key={`${id}:share`} edgeId={id} name="share" value={params.share} />
        <EdgeParamField key={`${id}:latency`} edgeId={id} name="latencyMs" value={params.latencyMs} help={latencyHelp} />
      </div>
      <button
        type="button"
        className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-saturated hover:bg-red-50"
        onClick={() => store.getState().deleteElements({ edgeIds: [id] })}
      >
        Delete connection
      </button>
    </div>
  );
}

function SelectionSummary() {
  const store = useEditorStore();
  const [nodes, edges] = useEditor(useShallow((s: EditorState) => [s.selection.nodeIds.length, s.selection.edgeIds.length]));
  if (nodes === 0 && edges === 0) {
    return (
      <div className="px-4 py-4">
        <h2 className="text-base font-semibold text-slate-900">Inspector</h2>
        <p className="mt-2 text-sm leading-relaxed text-slate-700">
          Select a component to see and change its settings and connections.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>Shift-click or Shift-drag to select several.</li>
          <li>Drag from the dot on a card&rsquo;s right edge to another card to connect them.</li>
          <li>
            Press <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs">?</kbd> for all keyboard
            shortcuts.
          </li>
        </ul>
      </div>
    );
  }
  const parts = [nodes ? `${nodes} component${nodes === 1 ? '' : 's'}` : '', edges ? `${edges} connection${edges === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' and ');
  return (
    <div className="px-4 py-4">
      <h2 className="text-base font-semibold text-slate-900">{parts} selected</h2>
      <div className="mt-3 flex gap-2">
        {nodes > 0 ? (
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            onClick={() => store.getState().duplicateSelection()}
          >
            Duplicate
          </button>
        ) : null}
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-saturated hover:bg-red-50"
          onClick={() => store.getState().deleteSelection()}
        >
          Delete
        </button>
      </div>
    </div>
  );
}

/** Settings of the selected component or connection. Subscribes to the selection, never to the node list. */
export function Inspector() {
  const nodeId = useEditor(selectInspectedNodeId);
  const edgeId = useEditor(selectInspectedEdgeId);
  return (
    <div className="h-full overflow-y-auto">
      {nodeId ? <NodeInspector key={nodeId} id={nodeId} /> : edgeId ? <EdgeInspector key={edgeId} id={edgeId} /> : <SelectionSummary />}
    </div>
  );
}
