'use client';

import '@xyflow/react/dist/style.css';
import '@/components/editor/editor.css';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '@/components/editor/canvas';
import { CompactToolbar } from '@/components/editor/compact-toolbar';
import { EditorProvider, useEditorStore } from '@/components/editor/editor-provider';
import { Inspector } from '@/components/editor/inspector';
import { Notices } from '@/components/editor/notices';
import { isDrawer, SidePanel } from '@/components/editor/side-panel';
import { Palette } from '@/components/editor/palette';
import { useEditorShortcuts } from '@/components/editor/use-editor-shortcuts';
import type { Kind, Design } from '@/lib/engine/data';
import { createEditorStore, designOf, type EditorStore } from '@/lib/editor/store';
import type { EditorResults } from '@/lib/editor/types';
import { onPageHide } from '@/lib/editor/page-hide';

export interface EditorController {
  /** The design on the canvas now. */
  getDesign(): Design;
  /** Replaces the canvas (one undo step). */
  loadDesign(design: Design): void;
  /** A short message over the canvas. */
  notify(message: string, tone: 'info' | 'success' | 'error'): void;
}

/** The design with every locked node back where the starting design put it. */
export function pinLockedNodes(design: Design, start: Design | null, lockedNodeIds: readonly string[]): Design {
  if (!start || lockedNodeIds.length === 0) return design;
  const original = new Map(start.nodes.map((n) => [n.id, n]));
  const out = structuredClone(design);
  for (const id of lockedNodeIds) {
    const o = original.get(id);
    if (!o) continue;
    const i = out.nodes.findIndex((n) => n.id === id);
    const pinned = { ...structuredClone(o), label: o.label ?? out.nodes[i]?.label };
    if (pinned.label === undefined) delete pinned.label;
    if (!o.position && i >= 0 && out.nodes[i].position) pinned.position = out.nodes[i].position;
    if (i >= 0) out.nodes[i] = pinned;
    else out.nodes.push(pinned);
  }
  const keys = new Set(out.edges.map((e) => `${e.source}→${e.target}`));
  const ids = new Set(out.edges.map((e) => e.id));
  for (const e of start.edges) {
    if (lockedNodeIds.includes(e.source) && lockedNodeIds.includes(e.target) && !keys.has(`${e.source}→${e.target}`)) {
      out.edges.push({ ...e, id: ids.has(e.id) ? `${e.id}-locked` : e.id });
    }
  }
  return out;
}

function Workspace({
  start,
  allowedKinds,
  lockedNodeIds,
  controllerRef,
  onDesignChange,
  results,
  toolbarExtra,
  label,
  resettable = true,
}: {
  resettable?: boolean;
  start: Design;
  allowedKinds?: readonly Kind[];
  lockedNodeIds: readonly string[];
  controllerRef?: RefObject<EditorController | null>;
  onDesignChange?: (design: Design) => void;
  results?: EditorResults | null;
  toolbarExtra?: ReactNode;
  label: string;
}) {
  const store = useEditorStore();
  // The teach form can show two of these editors at once: keys act on the one with focus.
  const rootRef = useRef<HTMLDivElement>(null);
  useEditorShortcuts(store, true, rootRef);
  const changeRef = useRef(onDesignChange);
  useEffect(() => {
    changeRef.current = onDesignChange;
  }, [onDesignChange]);

  useEffect(() => {
    if (controllerRef) {
      controllerRef.current = {
        getDesign: () => pinLockedNodes(designOf(store.getState()), start, lockedNodeIds),
        loadDesign: (d) => store.getState().loadDesign(d, 'record'),
        notify: (message, tone) => store.getState().notify(message, tone),
      };
    }
    store.getState().setHydrated();
    // Fit once the panels beside the canvas have their final widths.
    const fit = setTimeout(() => store.getState().requestFit(), 150);
    // Scores on committed changes, debounced: never on every pointer move.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      timer = undefined;
      changeRef.current?.(pinLockedNodes(designOf(store.getState()), start, lockedNodeIds));
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.graph === prev.graph) return;
      clearTimeout(timer);
      timer = setTimeout(report, 350);
    });
    report();
    // A change still waiting when the page is hidden or reloaded is reported at once, so a draft kept from it misses nothing.
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      report();
    };
    const stopFlushOnHide = onPageHide(flush);
    return () => {
      clearTimeout(fit);
      unsubscribe();
      stopFlushOnHide();
      // Leaving the page inside the app (a link, Back) unmounts the editor without hiding the page: report what is waiting.
      flush();
    };
  }, [store, controllerRef, start, lockedNodeIds]);

  useEffect(() => {
    store.getState().setResults(results ?? null);
  }, [store, results]);

  const closeNarrowPalette = () => {
    if (isDrawer('lg')) store.getState().setPanel('palette', false);
  };

  return (
    <div ref={rootRef} data-editor-root="" tabIndex={-1} className="flex h-full min-h-0 flex-col bg-slate-50 outline-none">
      <CompactToolbar
        palette={{ label: 'Components', controls: 'scenario-palette', until: 'lg' }}
        side={{ label: 'Inspector', controls: 'scenario-inspector', until: '2xl' }}
        autoLayout={false}
        start={
          resettable ? (
            <button
              type="button"
              className="inline-flex h-9 shrink-0 items-center whitespace-nowrap rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
              onClick={() => {
                store.getState().loadDesign(start, 'record');
                store.getState().notify('Back to the starting design. Undo brings your work back.', 'info');
              }}
              title="Reset to the starting design"
            >
              Reset<span className="sr-only xl:not-sr-only">&nbsp;to the starting design</span>
            </button>
          ) : null
        }
        end={toolbarExtra}
      />
      <div className="relative flex min-h-0 flex-1">
        {/* The inspector docks only from 2xl: a scenario page also has its brief beside the editor. */}
        <SidePanel panel="palette" label="Components palette" id="scenario-palette" until="lg" className="w-80 max-w-[85vw] lg:w-60">
          <Palette onAdded={closeNarrowPalette} kinds={allowedKinds} />
        </SidePanel>
        <section aria-label={label} data-editor-canvas="" className="relative min-w-0 flex-1">
          <Canvas />
        </section>
        <SidePanel panel="inspector" label="Inspector" id="scenario-inspector" until="2xl" className="w-80 max-w-[85vw] 2xl:w-72">
          <Inspector />
        </SidePanel>
      </div>
      <Notices />
    </div>
  );
}

/**
 * The canvas editor inside a scenario: the starting design loaded, the
 * scenario's allowed kinds and locked nodes kept, every committed change
 * reported (debounced) through `onDesignChange`.
 */
export function ScenarioEditor(props: {
  initialDesign: Design;
  start: Design;
  allowedKinds?: readonly Kind[];
  lockedNodeIds: readonly string[];
  controllerRef?: RefObject<EditorController | null>;
  onDesignChange?: (design: Design) => void;
  results?: EditorResults | null;
  toolbarExtra?: ReactNode;
  label?: string;
  /** Offers "Reset to the starting design" (default true). */
  resettable?: boolean;
}) {
  const [store] = useState<EditorStore>(() =>
    createEditorStore({ design: props.initialDesign, lockedNodeIds: props.lockedNodeIds, lockedStart: props.start, allowedKinds: props.allowedKinds }),
  );
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <Workspace {...props} label={props.label ?? 'Design canvas'} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}

/** A design, read-only: pan and zoom only. Remount (change `key`) to show another. */
export function DesignView({ design, label = 'Design (read-only)' }: { design: Design; label?: string }) {
  const [store] = useState<EditorStore>(() => createEditorStore({ design, readOnly: true }));
  useEffect(() => store.getState().setHydrated(), [store]);
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <section aria-label={label} data-editor-canvas="" className="relative h-full min-h-0 w-full">
          <Canvas readOnly />
        </section>
      </ReactFlowProvider>
    </EditorProvider>
  );
}
