'use client';

/*
 * The "Compare technologies" view itself, loaded only when a learner opens
 * it (components/editor/technology-compare.tsx), so the editor's first
 * JavaScript does not carry it.
 */
import { useContext, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CATALOG, type Kind } from '@/lib/engine/data';
import { designOf, nodeById, type EditorState } from '@/lib/editor/store';
import {
  clampUsers,
  createScoringWorker,
  sameForScoring,
  snapUsers,
  stageAtUsers,
  workerClient,
  type EngineClient,
} from '@/lib/editor/scoring';
import { formatFraction, formatUsers } from '@/lib/shared/format';
import {
  changeSummary,
  GENERIC,
  metricCells,
  technologyChoices,
  technologyName,
  technologyPatch,
  type TechnologyComparison,
  type TechnologyRow,
} from '@/lib/editor/technology-view';
import { displayLabel } from '@/lib/editor/labels';
import { tabKeyTarget } from '@/lib/browser/tab-keys';
import { STAGES } from '@/lib/rules/stages';
import { useScoring, useScoringView } from '@/components/results/scoring-context';
import { useEditor, useEditorStore } from './editor-provider';
import { ScopeContext, type ComparisonScope } from './technology-scope';

/** Quiet time after an edit before the comparison is computed again, ms. */
const RECOMPARE_DEBOUNCE_MS = 150;

type Compared =
  | { status: 'loading'; value?: TechnologyComparison }
  | { status: 'ready'; value: TechnologyComparison; ms: number }
  | { status: 'error'; message: string; value?: TechnologyComparison };

/**
 * The comparison of `nodeId`'s technologies at `users`, computed off the
 * main thread (the live scorer's worker in the sandbox, a worker of its own
 * elsewhere) and again after every edit that changes the scoring.
 */
function useComparison(nodeId: string, load: Load): Compared {
  const { users, stage } = load;
  // By value: a scope's workload object may be made afresh on every render.
  const workloadKey = JSON.stringify(load.workload ?? null);
  const store = useEditorStore();
  const scoring = useScoring();
  const [state, setState] = useState<Compared>({ status: 'loading' });
  // Bumped when the graph changes in a way the engine sees (not a drag or a measure).
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let seen = store.getState().graph;
    return store.subscribe((s) => {
      if (s.graph === seen || sameForScoring(seen, s.graph)) return;
      seen = s.graph;
      setVersion((v) => v + 1);
    });
  }, [store]);

  // Outside the sandbox (lessons, scenarios) there is no live scorer: a worker for as long as the view is open.
  const own = useRef<EngineClient | null>(null);
  useEffect(
    () => () => {
      own.current?.dispose();
      own.current = null;
    },
    [],
  );

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        const client: Pick<EngineClient, 'run'> | null =
          scoring ?? (own.current ??= typeof Worker === 'undefined' ? null : workerClient(createScoringWorker));
        if (!client) return;
        const started = performance.now();
        setState((prev) => ({ status: 'loading', value: prev.value?.nodeId === nodeId ? prev.value : undefined }));
        void client
          .run<TechnologyComparison>({
            type: 'technologies',
            design: designOf(store.getState()),
            nodeId,
            users,
            stage,
            workload: JSON.parse(workloadKey) ?? undefined,
          })
          .then((result) => {
            if (cancelled) return;
            setState((prev) =>
              result.ok
                ? { status: 'ready', value: result.value, ms: performance.now() - started }
                : { status: 'error', message: result.message, value: prev.value },
            );
          });
      },
      version === 0 ? 0 : RECOMPARE_DEBOUNCE_MS,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [store, scoring, nodeId, users, stage, workloadKey, version]);

  return state;
}

type Load = Omit<ComparisonScope, 'why'>;

/**
 * The load the comparison is for: the mode's scope when it gives one, the
 * results panel's users and stage in the sandbox, else the design's own
 * workload and the stage of those users.
 */
function useComparedLoad(): Load {
  const scope = useContext(ScopeContext);
  const scoring = useScoring();
  const liveUsers = useScoringView((v) => v.users);
  const liveStage = useScoringView((v) => v.stage);
  const workloadUsers = useEditor((s: EditorState) => s.graph.meta.workload?.users);
  if (scope) return scope;
  if (scoring) return { users: liveUsers, stage: liveStage, figures: true };
  const users = snapUsers(clampUsers(workloadUsers ?? STAGES[0].users));
  return {
    users,
    stage: stageAtUsers(users) ?? STAGES.filter((s) => s.users <= users).at(-1)?.stage ?? 1,
    figures: true,
  };
}

function StageCell({ row, stage }: { row: TechnologyRow; stage: number }) {
  const text = row.passes === null ? '—' : row.passes ? 'Passes' : 'Fails';
  return (
    <span className="min-w-0">
      <span className="block text-[11px] leading-tight text-slate-600">Stage {stage}</span>
      <span
        className={`block text-sm font-semibold ${row.passes === null ? 'text-slate-700' : row.passes ? 'text-healthy' : 'text-saturated'}`}
        data-testid="technology-stage"
      >
        <span aria-hidden="true">{row.passes === null ? '' : row.passes ? '✓ ' : '✗ '}</span>
        {text}
      </span>
    </span>
  );
}

function ChoiceCard({
  kind,
  row,
  base,
  stage,
  current,
  showStale,
  tabbable,
  disabled,
  onChoose,
  onKeyDown,
  register,
}: {
  kind: Kind;
  row: TechnologyRow;
  base: TechnologyRow | undefined;
  stage: number | null;
  current: boolean;
  /** Some choice lets reads see stale data: each card says how many. */
  showStale: boolean;
  tabbable: boolean;
  disabled: boolean;
  onChoose(): void;
  onKeyDown(e: KeyboardEvent<HTMLButtonElement>): void;
  register(el: HTMLButtonElement | null): void;
}) {
  const descId = useId();
  const name = technologyName(kind, row.technology);
  const cells = metricCells(row, current ? undefined : base);
  const better = cells.filter((c) => c.change?.better).map((c) => c.label);
  const worse = cells.filter((c) => c.change && !c.change.better).map((c) => c.label);
  const stageChanged = !current && base && row.passes !== null && base.passes !== null && row.passes !== base.passes;
  return (
    <li data-technology={row.technology} aria-current={current ? 'true' : undefined}>
      <button
        ref={register}
        type="button"
        tabIndex={tabbable ? 0 : -1}
        aria-label={current ? `${name}, in use` : `Use ${name}`}
        aria-describedby={descId}
        aria-disabled={disabled || undefined}
        title={changeSummary(kind, row, current ? undefined : base)}
        onClick={onChoose}
        onKeyDown={onKeyDown}
        className={`w-full rounded-lg border px-2.5 py-2 text-left transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
          current
            ? 'border-brand-600 bg-brand-50/60 ring-1 ring-brand-600'
            : 'border-slate-200 bg-white hover:border-brand-400 hover:bg-slate-50'
        } ${disabled && !current ? 'cursor-not-allowed' : current ? 'cursor-default' : 'cursor-pointer'}`}
      >
        <span className="flex items-center justify-between gap-2">
          <span className="min-w-0 truncate text-sm font-semibold text-slate-900">{name}</span>
          {current ? (
            <span className="shrink-0 rounded bg-brand-600 px-1.5 py-0.5 text-[11px] font-semibold leading-none text-white">
              In use
            </span>
          ) : (
            <span className="shrink-0 text-xs font-medium text-brand-700" aria-hidden="true">
              Use
            </span>
          )}
        </span>
        <span id={descId} className="mt-1.5 block">
          {row.error ? (
            <span className="block text-xs text-saturated">{row.error}</span>
          ) : (
            <span className="grid grid-cols-3 gap-x-2 gap-y-1.5">
              {cells.map((c) => (
                <span
                  key={c.key}
                  className={`min-w-0 rounded px-1 ${c.change ? (c.change.better ? 'bg-emerald-50' : 'bg-red-50') : ''}`}
                  data-metric={c.key}
                  data-change={c.change ? (c.change.better ? 'better' : 'worse') : undefined}
                >
                  <span className="block truncate text-[11px] leading-tight text-slate-600">{c.label}</span>
                  <span className="block truncate font-mono text-[13px] font-semibold text-slate-900">{c.text}</span>
                  {c.change ? (
                    <span
                      className={`block truncate font-mono text-[11px] font-semibold ${c.change.better ? 'text-healthy' : 'text-saturated'}`}
                    >
                      {c.change.text}
                      <span className="sr-only"> ({c.change.better ? 'better' : 'worse'})</span>
                    </span>
                  ) : null}
                </span>
              ))}
              {stage !== null ? <StageCell row={row} stage={stage} /> : null}
            </span>
          )}
          {showStale && !row.error ? (
            <span className="mt-1 block text-[11px] leading-snug text-slate-700" data-metric="staleReadShare">
              Stale reads:{' '}
              <span className="font-mono font-semibold text-slate-900">{formatFraction(row.staleReadShare)}</span> of
              reads
              {!current && base && row.staleReadShare !== base.staleReadShare ? (
                <span className={row.staleReadShare < base.staleReadShare ? 'text-healthy' : 'text-saturated'}>
                  {' '}
                  ({row.staleReadShare < base.staleReadShare ? 'fewer' : 'more'})
                </span>
              ) : null}
            </span>
          ) : null}
          {!current && !row.error && (better.length > 0 || worse.length > 0 || stageChanged) ? (
            <span className="mt-1.5 block text-[11px] leading-snug text-slate-700" aria-hidden="true">
              {better.length > 0 ? <span>Better: {better.join(', ')}</span> : null}
              {better.length > 0 && worse.length > 0 ? ' · ' : null}
              {worse.length > 0 ? <span>Worse: {worse.join(', ')}</span> : null}
              {stageChanged ? (
                <span className="font-semibold">
                  {better.length + worse.length > 0 ? ' · ' : ''}
                  {row.passes ? 'passes' : 'fails'} the stage
                </span>
              ) : null}
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
}

/**
 * The "Compare technologies" view of one component: every choice of its
 * kind, Generic included, with the numbers the engine gives the design with
 * that choice, each compared with the one in use. A click or Enter on a
 * choice commits it as one undoable edit.
 */
export function ComparisonView({
  nodeId,
  kind,
  technology,
  locked,
}: {
  nodeId: string;
  kind: Kind;
  technology: string;
  locked: boolean;
}) {
  const store = useEditorStore();
  const load = useComparedLoad();
  const { users, stage } = load;
  const compared = useComparison(nodeId, load);
  const value = compared.value;
  const rows = value ? orderRows(kind, value.rows) : [];
  const base = rows.find((r) => r.technology === technology);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const currentIndex = Math.max(
    0,
    rows.findIndex((r) => r.technology === technology),
  );
  const tabbable = focusIndex !== null && focusIndex < rows.length ? focusIndex : currentIndex;
  const stageName = stage === null ? undefined : STAGES[stage - 1]?.name;

  const choose = (row: TechnologyRow) => {
    const s = store.getState();
    const node = nodeById(s, nodeId);
    if (!node || locked || row.error) return;
    const from = node.data.params.technology ?? GENERIC;
    if (from === row.technology) return;
    const result = s.updateNodeParams(nodeId, technologyPatch(kind, node.data.params.technology, row.technology));
    if (!result.ok) {
      s.notify(result.issues[0]?.message ?? 'That technology cannot be used here.', 'error');
      return;
    }
    s.announce(
      `${displayLabel(node.data)} now uses ${technologyName(kind, row.technology)}. Undo puts ${technologyName(kind, from)} back.`,
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const key = e.key === 'ArrowDown' ? 'ArrowRight' : e.key === 'ArrowUp' ? 'ArrowLeft' : e.key;
    const to = tabKeyTarget(key, index, rows.length);
    if (to === null) return;
    e.preventDefault();
    // Arrow keys inside the list move between choices; they must not reach the canvas (which would nudge nodes).
    e.stopPropagation();
    setFocusIndex(to);
    buttons.current[to]?.focus();
  };

  return (
    <div
      className="mt-2"
      data-testid="technology-compare"
      aria-busy={compared.status === 'loading'}
      data-compare-ms={compared.status === 'ready' ? Math.round(compared.ms) : undefined}
    >
      <p className="text-xs text-slate-600">
        At {formatUsers(users)} users{stageName ? `, stage ${stage} (${stageName})` : ''}. Capacity is this
        component&rsquo;s; latency, availability and cost are the whole design&rsquo;s.{' '}
        {locked
          ? 'Locked: the technology cannot be changed.'
          : 'Click a choice or press Enter on it to use it; Undo puts it back.'}
      </p>
      {!value ? (
        compared.status === 'error' ? (
          <p
            className="mt-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700"
            role="status"
          >
            The technologies cannot be compared on this design yet: {compared.message}
          </p>
        ) : (
          <p className="mt-2 text-sm text-slate-600" role="status">
            Comparing {technologyChoices(kind).length} choices…
          </p>
        )
      ) : (
        <>
          {compared.status === 'error' ? (
            <p className="mt-2 text-xs text-saturated" role="status">
              These figures are from before the last edit: {compared.message}
            </p>
          ) : null}
          {rows.length > 0 && rows.every((r) => r.capacityRps === null) ? (
            <p className="mt-2 text-xs text-slate-700" data-testid="technology-idle">
              This component gets no traffic yet, so its capacity shows as &ldquo;—&rdquo;: connect it to compare what
              each choice can serve.
            </p>
          ) : null}
          <ul className="mt-2 space-y-2" aria-label={`Technologies for ${CATALOG[kind].label.toLowerCase()}`}>
            {rows.map((row, i) => (
              <ChoiceCard
                key={row.technology}
                kind={kind}
                row={row}
                base={base}
                stage={value.stage}
                current={row.technology === technology}
                showStale={rows.some((r) => r.staleReadShare > 0)}
                tabbable={i === tabbable}
                disabled={locked || !!row.error}
                onChoose={() => choose(row)}
                onKeyDown={(e) => onKeyDown(e, i)}
                register={(el) => {
                  buttons.current[i] = el;
                }}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Generic first, then the registry's order; anything the engine returned that the registry does not list last. */
function orderRows(kind: Kind, rows: readonly TechnologyRow[]): TechnologyRow[] {
  const order = technologyChoices(kind);
  const at = (t: string) => {
    const i = order.indexOf(t);
    return i < 0 ? order.length : i;
  };
  return [...rows].sort((a, b) => at(a.technology) - at(b.technology));
}
