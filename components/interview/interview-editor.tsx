'use client';

import '@xyflow/react/dist/style.css';
import '@/components/editor/editor.css';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '@/components/editor/canvas';
import { CompactToolbar } from '@/components/editor/compact-toolbar';
import { EditorProvider, useEditor, useEditorStore } from '@/components/editor/editor-provider';
import { Inspector } from '@/components/editor/inspector';
import { Notices } from '@/components/editor/notices';
import { Palette } from '@/components/editor/palette';
import { ShortcutsDialog } from '@/components/editor/shortcuts-dialog';
import { isDrawer, SidePanel } from '@/components/editor/side-panel';
import { useEditorShortcuts } from '@/components/editor/use-editor-shortcuts';
import type { Design } from '@/lib/engine/data';
import { createEditorStore, designOf, onlyMeasured, type EditorStore } from '@/lib/editor/store';
import type { EditorResults } from '@/lib/editor/types';
import { tabKeyTarget } from '@/lib/tab-keys';

/** The right-hand panel: the interview's own panel and the editor's inspector, as tabs. */
function SideTabs({ interview, interviewLabel }: { interview: ReactNode; interviewLabel: string }) {
  const [tab, setTab] = useState<'interview' | 'component'>('interview');
  const selected = useEditor((s) => s.selection.nodeIds.length + s.selection.edgeIds.length);
  const base = useId();
  // Selecting something shows its settings; the candidate can switch back at any time.
  const last = useRef(0);
  useEffect(() => {
    if (selected > 0 && last.current === 0) setTab('component');
    last.current = selected;
  }, [selected]);
  const tabs = [
    { id: 'interview' as const, label: interviewLabel },
    { id: 'component' as const, label: 'Component settings' },
  ];
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div role="tablist" aria-label="Side panel" className="flex shrink-0 border-b border-slate-200 px-2">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${base}-${t.id}-tab`}
            aria-selected={tab === t.id}
            aria-controls={`${base}-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              const to = tabKeyTarget(e.key, tabs.indexOf(t), tabs.length);
              if (to !== null) {
                e.preventDefault();
                const next = tabs[to].id;
                setTab(next);
                document.getElementById(`${base}-${next}-tab`)?.focus();
              }
            }}
            className={`-mb-px border-b-2 px-3 py-2.5 text-sm font-medium ${
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
        role="tabpanel"
        id={`${base}-interview`}
        aria-labelledby={`${base}-interview-tab`}
        hidden={tab !== 'interview'}
        className="min-h-0 flex-1 overflow-y-auto"
      >
        {interview}
      </div>
      <div
        role="tabpanel"
        id={`${base}-component`}
        aria-labelledby={`${base}-component-tab`}
        hidden={tab !== 'component'}
        className="min-h-0 flex-1"
      >
        <Inspector />
      </div>
    </div>
  );
}

function Editor({
  onChange,
  results,
  side,
  sideLabel,
  sideBadge,
  toolbarEnd,
}: {
  onChange(design: () => Design): void;
  results: EditorResults | null;
  side: ReactNode;
  sideLabel: string;
  sideBadge: ReactNode;
  toolbarEnd: ReactNode;
}) {
  const store = useEditorStore();
  const hydrated = useEditor((s) => s.ui.hydrated);
  useEditorShortcuts(store, true);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Hand every change up at once (React Flow measuring the cards is not one): the attempt takes the design in a moment after the last.
  useEffect(() => {
    const design = () => designOf(store.getState());
    const unsubscribe = store.subscribe((state, prev) => {
      if (!onlyMeasured(prev.graph, state.graph)) onChangeRef.current(design);
    });
    store.getState().setHydrated();
    store.getState().requestFit();
    return unsubscribe;
  }, [store]);

  useEffect(() => {
    store.getState().setResults(results);
  }, [store, results]);

  return (
    <div className="flex h-full min-h-0 flex-col bg-slate-50">
      <CompactToolbar
        palette={{ label: 'Components', controls: 'interview-palette', until: 'lg' }}
        side={{ label: sideLabel, controls: 'interview-side', until: 'lg', badge: sideBadge }}
        shortcuts
        end={toolbarEnd}
      />
      <div className="relative flex min-h-0 flex-1">
        <SidePanel panel="palette" label="Components palette" id="interview-palette" until="lg" className="w-80 max-w-[88vw] lg:w-64">
          <Palette onAdded={() => isDrawer('lg') && store.getState().setPanel('palette', false)} />
        </SidePanel>
        <section
          aria-label="Design canvas"
          data-editor-canvas=""
          data-hydrated={hydrated}
          tabIndex={-1}
          className="relative min-w-0 flex-1"
        >
          <Canvas />
        </section>
        <SidePanel panel="inspector" label={sideLabel} id="interview-side" until="lg" className="w-80 max-w-[88vw] lg:w-[22rem]">
          <SideTabs interview={side} interviewLabel={sideLabel} />
        </SidePanel>
      </div>
      <ShortcutsDialog />
      <Notices />
    </div>
  );
}

/**
 * The design phase's canvas: the sandbox editor's own palette, canvas and
 * inspector around a store of its own, started from the attempt's design.
 * Nothing is written to the sandbox's autosave: every change is handed to
 * `onChange` (with the function that reads the design), and the attempt
 * keeps it.
 */
export function InterviewEditor({
  initialDesign,
  undoDesign = null,
  onChange,
  results,
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
  /** Per-node utilisation to colour the cards (practice mode); null hides it (blind mode). */
  results: EditorResults | null;
  side: ReactNode;
  sideLabel: string;
  /** Shown beside the side panel's toggle on narrow screens (e.g. how many curveballs arrived). */
  sideBadge?: ReactNode;
  toolbarEnd: ReactNode;
}) {
  const [store] = useState<EditorStore>(() => {
    if (!undoDesign) return createEditorStore({ design: initialDesign });
    const s = createEditorStore({ design: undoDesign });
    s.getState().loadDesign(initialDesign, 'record');
    return s;
  });
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <Editor
          onChange={onChange}
          results={results}
          side={side}
          sideLabel={sideLabel}
          sideBadge={sideBadge}
          toolbarEnd={toolbarEnd}
        />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
