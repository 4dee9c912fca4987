'use client';

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';

import { EditorSession, EditorShell } from '@/components/editor/editor-shell';

import { useEditor, useEditorStore } from '@/components/editor/editor-provider';

import { Inspector } from '@/components/editor/inspector';

import { TechnologyComparisonScope, type ComparisonScope } from '@/components/editor/technology-compare';

import { useDesignSession } from '@/components/editor/use-design-session';

import { ResultsPanel } from '@/components/results/results-panel';

import { useVerdict } from '@/components/results/scoring-context';

import { TabList, TabPanel } from '@/components/ui/tabs';

import type { Design } from '@/lib/engine/data';

import type { InterviewJudge } from '@/lib/editor/judges/interview';

import type { JudgeLoad } from '@/lib/editor/judges/specs';

import { designOf, onlyMeasured } from '@/lib/editor/store';

import type { LiveScore } from './design-side';


type SideTab = 'interview' | 'results' | 'component';

/**
 * The right-hand panel: the interview's own panel, the results (practice
 * mode: the sandbox's results panel at the problem's load) and the
 * component's settings, as tabs. Selecting a component from the interview's
 * tab shows its settings; from Results, the panel stays on Results.
 */
function SideTabs({ interview, interviewLabel, practice }: { interview: ReactNode; interviewLabel: string; practice: boolean }) {
  const [tab, setTab] = useState<SideTab>('interview');
  const selected = useEditor((s) => s.selection.nodeIds.length + s.selection.edgeIds.length);
  const base = useId();
  const last = useRef(0);
  useEffect(() => {
    if (selected > 0 && last.current === 0) setTab((t) => (t === 'interview' ? 'component' : t));
    last.current = selected;
  }, [selected]);
  const tabs: { id: SideTab; label: string }[] = [
    { id: 'interview', label: interviewLabel },
    ...(practice ? [{ id: 'results' as const, label: 'Results' }] : []),
    { id: 'component', label: 'Component settings' },
  ];
  const tabId = (id: SideTab) => `${base}-${id}-tab`;
  const panelId = (id: SideTab) => `${base}-${id}`;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <TabList<SideTab>
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
        label="Side panel"
        tabId={tabId}
        panelId={panelId}
        className="flex shrink-0 overflow-x-auto border-b border-slate-200 px-2"
        tabClassName="-mb-px whitespace-nowrap px-2.5 py-2.5"
      />
      {tabs.map((t) => (
        <TabPanel
          key={t.id}
          id={panelId(t.id)}
          tabId={tabId(t.id)}
          hidden={tab !== t.id}
          className={`min-h-0 flex-1 ${t.id === 'interview' ? 'overflow-y-auto' : ''}`}
        >
          {tab !== t.id ? null : t.id === 'interview' ? interview : t.id === 'results' ? <ResultsPanel /> : <Inspector />}
        </TabPanel>
      ))}
    </div>
  );
}

/** The live check as the design's last scoring left it (practice mode), for the interview's own panel. */
function useLiveScore(practice: boolean): LiveScore | null {
  const verdict = useVerdict('interview');
  return useMemo(() => (practice && verdict ? { target: verdict.target, curveballs: verdict.curveballs } : null), [practice, verdict]);
}

function Editor({
  practice,
  judge,
  onChange,
  side,
  sideLabel,
  sideBadge,
  toolbarEnd,
}: {
  practice: boolean;
  judge: InterviewJudge & JudgeLoad;
  onChange(design: () => Design): void;
  side(live: LiveScore | null): ReactNode;
  sideLabel: string;
  sideBadge: ReactNode;
  toolbarEnd: ReactNode;
}) {
  const store = useEditorStore();
  const live = useLiveScore(practice);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  // Every change is handed up at once, as a function that reads the design (React Flow measuring the cards is not a change):
  // the attempt takes it in after its one debounce (lib/interview/attempt-saving.ts), and keeps more than the design.
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (!onlyMeasured(prev.graph, state.graph)) onChangeRef.current(() => designOf(store.getState()));
      }),
    [store],
  );

  // Practice shows live numbers, so the inspector compares technologies at the problem's load; a timed interview keeps them for the review.
  const evaluated = live?.target.evaluation;
  const scope = useMemo<ComparisonScope>(
    () =>
      practice
        ? { users: evaluated?.users ?? judge.users, stage: null, workload: evaluated?.workload ?? judge.workload, figures: true }
        : {
            users: 0,
            stage: null,
            figures: false,
            why: 'This interview keeps the numbers for its review: argue the choice from what you know.',
          },
    [practice, evaluated, judge.users, judge.workload],
  );

  return (
    <TechnologyComparisonScope value={scope}>
      <EditorShell
        toolbar={{ variant: 'compact', sideLabel, sideBadge, shortcuts: true, end: toolbarEnd }}
        ids="interview"
        side={<SideTabs interview={side(live)} interviewLabel={sideLabel} practice={practice} />}
        sideLabel={sideLabel}
        widths={{ palette: 'w-80 max-w-[88vw] lg:w-64', side: 'w-80 max-w-[88vw] lg:w-[22rem]' }}
      />
    </TechnologyComparisonScope>
  );
}

/**
 * The design phase's canvas: the one editor shell around a store of its own,
 * started from the attempt's design. Nothing is written to the sandbox's
 * autosave: every change is handed to `onChange` (with the function that
 * reads the design), and the attempt keeps it. In practice mode the design
 * is scored live in the scoring worker against the interview's judge (the
 * target and each arrived curveball, at the problem's load): the cards show
 * their utilisation, the Results tab the sandbox's results panel and
 * `side(live)` the live check. A timed (blind) interview scores nothing here.
 */
export function InterviewEditor({
  initialDesign,
  undoDesign = null,
  onChange,
  practice,
  judge,
  side,
  sideLabel,
  sideBadge = null,
  toolbarEnd,
}: {
  initialDesign: Design;
  /** A design one Undo away from `initialDesign` (this tab's own, when the other tab's version was chosen over it). */
  undoDesign?: Design | null;
  /** Hears every change on the canvas, at once; `design` reads it. */
  onChange(design: () => Design): void;
  /** Practice mode: live scoring, figures on the cards and the Results tab. */
  practice: boolean;
  /** What the design is judged against (lib/editor/judges/specs.ts `interviewJudge`). */
  judge: InterviewJudge & JudgeLoad;
  /** The interview's own panel, given the live check (null in blind mode, and until the first scoring). */
  side(live: LiveScore | null): ReactNode;
  sideLabel: string;
  /** Shown beside the side panel's toggle on narrow screens (e.g. how many curveballs arrived). */
  sideBadge?: ReactNode;
  toolbarEnd: ReactNode;
}) {
  const { store } = useDesignSession({ initial: initialDesign, undo: undoDesign, fit: true });
  return (
    <EditorSession store={store} judge={practice ? judge : null} scoring={practice}>
      <Editor
        practice={practice}
        judge={judge}
        onChange={onChange}
        side={side}
        sideLabel={sideLabel}
        sideBadge={sideBadge}
        toolbarEnd={toolbarEnd}
      />
    </EditorSession>
  );
}
