/**
 * Live scoring: keeps the editor store's `results` slice in step with the
 * design, and holds the results panel's own view state (users, stage, tabs,
 * the lazily computed sweep, what-if and traffic simulation).
 *
 * When it scores:
 * - on committed graph changes (add, connect, delete, an inspector edit,
 *   undo/redo, loading a design), debounced by SCORE_DEBOUNCE_MS;
 * - never while a node is dragged: a drag only moves positions, and a change
 *   that leaves every node's `data`, the edge list and the meta untouched is
 *   not a scoring change (the engine ignores positions), so pointer moves,
 *   drops and measuring never reach the engine;
 * - when the users control or the stage changes.
 *
 * Where it scores: in a Web Worker when the browser has one (the engine runs
 * there unchanged, scoring-engine.ts), in the same thread otherwise (tests).
 * Answers that arrive after a newer one was applied are dropped.
 *
 * What it judges: a mode may hand it a judge (lib/editor/judge.ts: a
 * lesson's stage, an interview problem, a scenario's grading). The judge
 * travels with every live evaluation and the worker answers with its
 * verdict on the same design, stored beside the evaluation (same revision,
 * `results.scored.verdict`); the panel starts at the judge's users, so its
 * numbers agree with the verdict.
 *
 * The side panel's tab (Inspect or Results) changes only when the user
 * picks one: selecting a component never takes the panel off Results.
 *
 * One scorer per mounted editor: `startScoring(store, { judge })` when it mounts, `stop()` when it goes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { CATALOG, type Design } from '@/lib/engine/data';
// The stages' users without the engine's stage judging (which would pull the engine into the page's bundle).
import { STAGES } from '@/lib/rules/stages';
import type { WhatIf } from '@/lib/engine';
import { bandOf, BOTTLENECK_BADGE_FROM } from './results';
import type {
  ComparisonSummary,
  EngineRequest,
  EngineResult,
  EvaluateAnswer,
  SimulationSummary,
  SweepSummary,
} from './scoring-engine';
import type { Judge } from './judge';
import { designOf, type EditorState, type EditorStore, type GraphSlice } from './store';
import type { Verdict } from './judge';
import type { EdgeResult, EditorResults, NodeResult, ScoredDesign } from './types';

/** Quiet time after a committed change before scoring starts, ms. */
export const SCORE_DEBOUNCE_MS = 50;
export const MIN_USERS = 1_000;
export const MAX_USERS = 1_000_000_000;
/** The users slider snaps to a stage's users within this distance, in powers of ten. */
export const SNAP_DECADES = 0.08;

export type ResultsTab = 'inspect' | 'results';
export type ResultsSection = 'scorecard' | 'growth' | 'chaos';

/** Something computed on demand, tagged with what it was computed for. */
export interface Lazy<T> {
  key: string;
  status: 'loading' | 'ready' | 'error';
  value?: T;
  message?: string;
}

export interface ScoringView {
  /** Users the end-to-end numbers and the canvas colours are for. */
  users: number;
  /** The stage whose scorecard is shown (1–8). */
  stage: number;
  /** Set once the user picks a stage; until then the first result picks the next stage to pass. */
  stageChosen: boolean;
  tab: ResultsTab;
  section: ResultsSection;
  /** Bumped on every scoring change of the graph. */
  revision: number;
  /** A scoring request is under way. */
  busy: boolean;
  /** How long the last live scoring took, from the committed change to the results, ms. */
  lastScoreMs: number | null;
  sweep: Lazy<SweepSummary> | null;
  whatIf: WhatIf | null;
  chaos: Lazy<ComparisonSummary> | null;
  traffic: boolean;
  simulation: Lazy<SimulationSummary> | null;
}

/** The view before anything is scored, from where it starts (users, stage) and which tab shows. */
export function freshView(start: Pick<ScoringView, 'users' | 'stage' | 'stageChosen'>, tab: ResultsTab = 'results'): ScoringView {
  return { ...start, tab, section: 'scorecard', revision: 0, busy: false, lastScoreMs: null, sweep: null, whatIf: null, chaos: null, traffic: false, simulation: null };
}

/** Runs engine requests somewhere (a worker, or this thread). */
export interface EngineClient {
  run<T>(request: EngineRequest): Promise<EngineResult<T>>;
  dispose(): void;
}

/** The engine, loaded on first use so the page's first JavaScript does not carry it. */
const loadEngine = () => import('./scoring-engine').then((m) => m.runEngineRequest);

/** Runs requests in this thread, one macrotask later (so callers see the same async shape as a worker). */
export function inlineClient(): EngineClient {
  return {
    run: <T>(request: EngineRequest) =>
      loadEngine().then(
        (run) => new Promise<EngineResult<T>>((resolve) => setTimeout(() => resolve(run(request) as EngineResult<T>), 0)),
      ),
    dispose() {},
  };
}

/** Runs requests in a Web Worker; if the worker cannot start, falls back to this thread. */
export function workerClient(make: () => Worker): EngineClient {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { request: EngineRequest; resolve: (r: EngineResult<unknown>) => void }>();
  const fallBack = () => {
    worker?.terminate();
    worker = null;
    const inline = inlineClient();
    for (const [id, p] of pending) {
      pending.delete(id);
      void inline.run(p.request).then(p.resolve);
    }
  };
  try {
    worker = make();
    worker.onmessage = (e: MessageEvent<{ id: number; result: EngineResult<unknown> }>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      p.resolve(e.data.result);
    };
    worker.onerror = fallBack;
  } catch {
    worker = null;
  }
  return {
    run<T>(request: EngineRequest) {
      if (!worker) return inlineClient().run<T>(request);
      const id = ++nextId;
      return new Promise<EngineResult<T>>((resolve) => {
        pending.set(id, { request, resolve: resolve as (r: EngineResult<unknown>) => void });
        worker!.postMessage({ id, request });
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

/** The scoring worker, bundled by Next from the URL below. */
export function createScoringWorker(): Worker {
  return new Worker(new URL('./scoring.worker.ts', import.meta.url), { type: 'module', name: 'scalelab-scoring' });
}

/* ---------- users and stages ---------- */

export const clampUsers = (users: number) => Math.min(MAX_USERS, Math.max(MIN_USERS, Math.round(users)));

/** A stage's users when `users` is within SNAP_DECADES of it, else `users` (rounded to 2 significant digits). */
export function snapUsers(users: number): number {
  const u = clampUsers(users);
  const log = Math.log10(u);
  for (const s of STAGES) if (Math.abs(Math.log10(s.users) - log) <= SNAP_DECADES) return s.users;
  const p = Math.pow(10, Math.floor(log) - 1);
  return clampUsers(Math.round(u / p) * p);
}

/** The stage whose users these are, if any. */
export function stageAtUsers(users: number): number | null {
  return STAGES.find((s) => s.users === users)?.stage ?? null;
}

/** The stage to work on next: the one after the highest that passes (stage 1 when none does, stage 8 at most). */
export function nextStageToPass(stages: readonly { stage: number; passed: boolean }[]): number {
  let highest = 0;
  for (const s of stages) if (s.passed && s.stage > highest) highest = s.stage;
  return Math.min(STAGES.length, highest + 1);
}

/** Where a judge puts the panel: its users, and its stage when it judges one (null: no judge, or a judge with no load of its own). */
export function judgeStart(judge: Judge | null | undefined): { users: number; stage: number | null } | null {
  if (!judge) return null;
  if (judge.kind === 'stage') {
    const spec = STAGES[judge.stage - 1];
    return spec ? { users: spec.users, stage: spec.stage } : null;
  }
  return judge.users ? { users: clampUsers(judge.users), stage: stageAtUsers(clampUsers(judge.users)) } : null;
}

/**
 * The design as the scorer sends it: under a judge with a workload of its own
 * (an interview problem's, a scenario's), that workload replaces the
 * design's, so the live evaluation, the growth chart and the what-ifs are all
 * at the load the verdict is for.
 */
export function underJudge(design: Design, judge: Judge | null): Design {
  return judge?.workload ? { ...design, workload: judge.workload } : design;
}

/* ---------- what the scorer skips ---------- */

/**
 * Whether two graphs score the same: every node's id and `data` object, the
 * edge list and the meta are the same references (a drag, a drop or React
 * Flow's measuring replace node objects but keep their `data`).
 */
export function sameForScoring(a: GraphSlice, b: GraphSlice): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.meta !== b.meta || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    if (a.nodes[i].id !== b.nodes[i].id || a.nodes[i].data !== b.nodes[i].data) return false;
  }
  return true;
}

/** Why a design has nothing to score yet, as the calm message the panel shows; null when it can be scored. */
export function emptyReason(design: Design): { title: string; message: string } | null {
  if (design.nodes.length === 0) {
    return {
      title: 'Nothing to score yet',
      message: 'Add a Users node (where traffic starts) and an App server, and connect them. The numbers appear here as soon as traffic can flow.',
    };
  }
  const users = design.nodes.filter((n) => n.kind === 'users');
  if (users.length === 0) {
    return {
      title: 'Add Users to send traffic',
      message: 'Every design starts at a Users node: that is where requests come from. Add one from the palette and connect it to your first component.',
    };
  }
  const sends = new Set(design.edges.map((e) => e.source));
  if (!users.some((u) => sends.has(u.id))) {
    return {
      title: 'Connect Users to your design',
      message: 'Drag from the dot on the Users card’s right edge to the component that receives requests first, such as a load balancer or an app server.',
    };
  }
  return null;
}

/** Kinds whose cards show a utilisation: the ones that do work (not the users, monitoring or logging). */
function showsUtilisation(kind: keyof typeof CATALOG): boolean {
  const model = CATALOG[kind].model;
  return model === 'queue' || model === 'rated';
}

/**
 * The store's `results` from an evaluation. A node's or an edge's result
 * object is reused when its numbers did not change, so only the cards whose
 * colour or figure changed re-render.
 */
export function buildResults(prev: EditorResults | null, answer: EvaluateAnswer, users: number, revision: number, figures = true): EditorResults {
  const { evaluation, verdict } = answer;
  const scored: ScoredDesign = verdict ? { status: 'ok', users, evaluation, revision, verdict } : { status: 'ok', users, evaluation, revision };
  // Blind modes: the verdict and the evaluation, but no figure on the canvas.
  if (!figures) return { nodes: {}, edges: {}, scored };
  const spofs = new Set(evaluation.spofs);
  const nodes: Record<string, NodeResult> = {};
  for (const [id, n] of Object.entries(evaluation.nodes)) {
    if (!showsUtilisation(n.kind) || !Number.isFinite(n.utilization)) continue;
    const next: NodeResult = { utilization: n.utilization, band: bandOf(n.utilization) };
    if (evaluation.bottleneck.nodeId === id && n.utilization >= BOTTLENECK_BADGE_FROM) next.bottleneck = true;
    if (spofs.has(id)) next.spof = true;
    const old = prev?.nodes[id];
    nodes[id] =
      old && old.utilization === next.utilization && old.band === next.band && !!old.bottleneck === !!next.bottleneck && !!old.spof === !!next.spof
        ? old
        : next;
  }
  const edges: Record<string, EdgeResult> = {};
  for (const [id, e] of Object.entries(answer.edges)) {
    const old = prev?.edges?.[id];
    edges[id] = old && old.rps === e.rps && old.weight === e.weight ? old : e;
  }
  return { nodes, edges, scored };
}

/** An answer evaluated without the stages, given the stages' verdicts judged for the same design. */
function withStages(answer: EvaluateAnswer, stages: EvaluateAnswer['evaluation']['stages'], verdict?: Verdict): EvaluateAnswer {
  const out: EvaluateAnswer = { ...answer, evaluation: { ...answer.evaluation, stages } };
  if (verdict) out.verdict = verdict;
  return out;
}

/* ---------- the scorer ---------- */

export interface Scoring {
  view: StoreApi<ScoringView>;
  setUsers(users: number): void;
  chooseStage(stage: number): void;
  setTab(tab: ResultsTab): void;
  setSection(section: ResultsSection): void;
  /** Selects a node from the results panel (the panel stays on Results). */
  selectFromResults(nodeId: string): void;
  /** Judges from now on with `judge` (null: no verdict); rescores at once. */
  setJudge(judge: Judge | null): void;
  chooseWhatIf(whatIf: WhatIf | null): void;
  setTraffic(on: boolean): void;
  /** Computes what the open section shows, if it is not current. */
  ensureSweep(): void;
  ensureChaos(): void;
  ensureSimulation(): void;
  /** Runs an on-demand request (the inspector's technology comparison) on the same off-thread client as the sweep. */
  run<T>(request: EngineRequest): Promise<EngineResult<T>>;
  stop(): void;
}

export interface ScoringOptions {
  /** Runs live evaluations (default: a worker when available). */
  live?: EngineClient;
  /** Runs sweeps, what-ifs and simulations, so they never delay a live evaluation. */
  lazy?: EngineClient;
  debounceMs?: number;
  /** What the design is judged against; its verdict comes with every evaluation (see `useVerdict`). */
  judge?: Judge | null;
  /** Whether the cards and connections show figures (default true); blind modes turn them off and still get the verdict. */
  figures?: boolean;
}

function defaultClient(): EngineClient {
  return typeof Worker === 'undefined' ? inlineClient() : workerClient(createScoringWorker);
}

export function startScoring(store: EditorStore, options: ScoringOptions = {}): Scoring {
  const live = options.live ?? defaultClient();
  const lazy = options.lazy ?? defaultClient();
  const debounceMs = options.debounceMs ?? SCORE_DEBOUNCE_MS;
  const figures = options.figures ?? true;
  let judge: Judge | null = options.judge ?? null;
  const initial = store.getState();
  /** Where the panel starts, and returns to when a design is loaded: the judge's load, else the design's (and a stage picked from the first result). */
  const startView = (): Pick<ScoringView, 'users' | 'stage' | 'stageChosen'> => {
    const start = judgeStart(judge);
    if (start) return { users: start.users, stage: start.stage ?? 1, stageChosen: start.stage !== null };
    return { users: snapUsers(store.getState().graph.meta.workload?.users ?? STAGES[0].users), stage: 1, stageChosen: false };
  };
  const view = createStore<ScoringView>()(() => freshView(startView()));

  let scoredGraph: GraphSlice | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let requested = 0;
  let applied = 0;
  // A judge's load is the panel's: no stage is picked for it.
  let autoPicked = judgeStart(judge) !== null;
  let changedAt = 0;
  let stopped = false;

  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

  const apply = (results: EditorResults) => {
    store.getState().setResults(results);
  };

  /*
   * Two passes. The eight stages' verdicts depend on the design only, not on
   * the users (and judging them is about 95% of an evaluation: 150 ms of
   * 160 ms at 300 components). So the numbers at these users come first,
   * without the stages; the stages follow only when the design changed
   * since they were judged (a users or stage change reuses them).
   */
  /** The stages' verdicts and the judge's, for a design: they depend on the design only, not on `users`. */
  let stagesFor: { graph: GraphSlice; judge: Judge | null; stages: EvaluateAnswer['evaluation']['stages']; verdict?: Verdict } | null = null;
  let shown = 0;

  async function score() {
    timer = null;
    const seq = ++requested;
    const state = store.getState();
    const design = underJudge(designOf(state), judge);
    const graph = state.graph;
    const { users, revision } = view.getState();
    const empty = emptyReason(design);
    const judging = judge;
    const done = () => {
      applied = shown = seq;
      if (seq === requested) view.setState({ busy: false, lastScoreMs: now() - changedAt });
    };
    if (empty && !judging) {
      applied = shown = seq;
      apply({ nodes: {}, edges: {}, scored: { status: 'empty', ...empty, revision } });
      view.setState({ busy: false });
      return;
    }
    view.setState({ busy: true });
    if (empty && judging) {
      // Nothing to evaluate, but the judge still says why (e.g. "the canvas is empty").
      const judged = await live.run<Verdict>({ type: 'judge', design, judge: judging });
      if (stopped || seq <= applied || seq < shown) return;
      done();
      const verdict = judged.ok ? judged.value : judged.verdict;
      apply({ nodes: {}, edges: {}, scored: { status: 'empty', ...empty, revision, ...(verdict ? { verdict } : {}) } });
      return;
    }
    // A stage or users change on the same design: evaluate without the stages (about 95% of the work) and reuse their verdicts and the judge's.
    const cached = stagesFor && stagesFor.judge === judging && (stagesFor.graph === graph || sameForScoring(stagesFor.graph, graph)) ? stagesFor : null;
    // A changed design with no judge: its numbers first, the stages' verdicts next. A judged mode waits for its verdict (a stale one could mark a lesson done).
    if (cached || !judging) {
      const quick = await live.run<EvaluateAnswer>({ type: 'evaluate', design, users, stages: false });
      if (stopped || seq <= applied || seq < shown) return;
      if (!quick.ok) {
        done();
        apply({ nodes: {}, edges: {}, scored: { status: 'invalid', message: quick.message, revision } });
        return;
      }
      if (cached) {
        done();
        apply(buildResults(store.getState().results, withStages(quick.value, cached.stages, cached.verdict), users, revision, figures));
        return;
      }
      shown = seq;
      const previous = store.getState().results?.scored;
      apply(buildResults(store.getState().results, withStages(quick.value, previous?.status === 'ok' ? previous.evaluation.stages : []), users, revision, figures));
    }
    const result = await live.run<EvaluateAnswer>(judging ? { type: 'evaluate', design, users, judge: judging } : { type: 'evaluate', design, users });
    if (stopped || seq <= applied || seq < shown) return;
    done();
    if (!result.ok) {
      const scored: ScoredDesign = { status: 'invalid', message: result.message, revision, ...(result.verdict ? { verdict: result.verdict } : {}) };
      apply({ nodes: {}, edges: {}, scored });
      return;
    }
    stagesFor = { graph, judge: judging, stages: result.value.evaluation.stages, verdict: result.value.verdict };
    apply(buildResults(store.getState().results, result.value, users, revision, figures));
    if (!autoPicked && !view.getState().stageChosen) {
      autoPicked = true;
      const stage = nextStageToPass(result.value.evaluation.stages);
      const stageUsers = STAGES[stage - 1].users;
      view.setState({ stage });
      if (stageUsers !== users) {
        view.setState({ users: stageUsers });
        schedule(0);
      }
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    changedAt = now();
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void score(), delay);
  }

  const unsubscribe = store.subscribe((state: EditorState, prev: EditorState) => {
    // A loaded design (results cleared by `loadDesign`): back to the judge's load, or pick its stage afresh.
    if (state.results === null && prev.results !== null && applied > 0) {
      const start = startView();
      autoPicked = judgeStart(judge) !== null;
      view.setState(start.stageChosen ? start : { stageChosen: false, users: start.users });
    }
    if (state.graph !== prev.graph && !(scoredGraph && sameForScoring(scoredGraph, state.graph))) {
      scoredGraph = state.graph;
      view.setState((v) => ({ revision: v.revision + 1 }));
      schedule(debounceMs);
    } else if (state.results === null && prev.results !== null) {
      schedule(0);
    }
  });

  scoredGraph = initial.graph;
  schedule(0);

  function lazyRun<T>(field: 'sweep' | 'chaos' | 'simulation', key: string, request: EngineRequest) {
    const current = view.getState()[field] as Lazy<T> | null;
    if (current && current.key === key && current.status !== 'error') return;
    view.setState({ [field]: { key, status: 'loading', value: current?.value } } as Partial<ScoringView>);
    void lazy.run<T>(request).then((result) => {
      if (stopped || (view.getState()[field] as Lazy<T> | null)?.key !== key) return;
      view.setState({
        [field]: result.ok ? { key, status: 'ready', value: result.value } : { key, status: 'error', message: result.message },
      } as Partial<ScoringView>);
    });
  }

  const scoreable = () => {
    const design = underJudge(designOf(store.getState()), judge);
    return emptyReason(design) ? null : design;
  };

  return {
    view,
    setUsers(users) {
      const next = snapUsers(users);
      const stage = stageAtUsers(next);
      if (next === view.getState().users) return;
      view.setState(stage ? { users: next, stage, stageChosen: true } : { users: next });
      schedule(0);
    },
    chooseStage(stage) {
      const spec = STAGES[stage - 1];
      if (!spec) return;
      const changed = spec.users !== view.getState().users;
      view.setState({ stage, stageChosen: true, users: spec.users });
      if (changed) schedule(0);
    },
    setTab(tab) {
      view.setState({ tab });
    },
    setSection(section) {
      view.setState({ section });
    },
    selectFromResults(nodeId) {
      store.getState().selectElements([nodeId]);
    },
    setJudge(next) {
      if (JSON.stringify(next) === JSON.stringify(judge)) return;
      judge = next;
      const start = judgeStart(judge);
      if (start) {
        autoPicked = true;
        view.setState({ users: start.users, stage: start.stage ?? view.getState().stage, stageChosen: start.stage !== null || view.getState().stageChosen });
      }
      schedule(0);
    },
    chooseWhatIf(whatIf) {
      view.setState({ whatIf });
    },
    setTraffic(on) {
      view.setState({ traffic: on });
    },
    ensureSweep() {
      const design = scoreable();
      if (!design) return;
      lazyRun<SweepSummary>('sweep', String(view.getState().revision), { type: 'sweep', design });
    },
    ensureChaos() {
      const { whatIf, users, revision } = view.getState();
      const design = scoreable();
      if (!design || !whatIf) return;
      lazyRun<ComparisonSummary>('chaos', `${revision}:${users}:${JSON.stringify(whatIf)}`, { type: 'compare', design, users, whatIf });
    },
    ensureSimulation() {
      const { users, revision } = view.getState();
      const design = scoreable();
      if (!design) return;
      lazyRun<SimulationSummary>('simulation', `${revision}:${users}`, { type: 'simulate', design, users });
    },
    run<T>(request: EngineRequest) {
      return lazy.run<T>(request);
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
      live.dispose();
      if (lazy !== live) lazy.dispose();
    },
  };
}

/** One connection's live result, for its edge component. */
export const selectEdgeResult =
  (id: string) =>
  (s: EditorState): EdgeResult | null =>
    s.results?.edges?.[id] ?? null;
