'use client';

import '@xyflow/react/dist/style.css';

import '@/components/editor/editor.css';

import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

import { ReactFlowProvider } from '@xyflow/react';

import { Canvas } from '@/components/editor/canvas';

import { EditorProvider, useEditorStore } from '@/components/editor/editor-provider';

import { EditorSession, EditorShell } from '@/components/editor/editor-shell';

import { Inspector } from '@/components/editor/inspector';

import { OtherTabBanner } from '@/components/editor/other-tab-banner';

import { useDesignSession } from '@/components/editor/use-design-session';

import { useVerdict } from '@/components/results/scoring-context';

import { InspectAndResults } from '@/components/results/side-tabs';

import { parseDesign } from '@/lib/design/schema';

import type { Design, Kind } from '@/lib/engine/data';

import type { VerdictOf } from '@/lib/editor/judge';

import type { ScenarioJudge } from '@/lib/editor/judges/scenario';

import type { JudgeLoad } from '@/lib/editor/judges/specs';

import type { DesignSlot } from '@/lib/editor/session';

import { createEditorStore, designOf, type EditorStore } from '@/lib/editor/store';

import { writeJson } from '@/lib/browser/storage-write';


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

/** What a scenario's editor hands its page: the controller, and each verdict for its Score tab. */
function Bridge({
  start,
  lockedNodeIds,
  controllerRef,
  onVerdict,
}: {
  start: Design;
  lockedNodeIds: readonly string[];
  controllerRef?: RefObject<EditorController | null>;
  onVerdict?: (verdict: VerdictOf<'scenario'> | null) => void;
}) {
  const store = useEditorStore();
  useEffect(() => {
    if (!controllerRef) return;
    controllerRef.current = {
      getDesign: () => pinLockedNodes(designOf(store.getState()), start, lockedNodeIds),
      loadDesign: (d) => store.getState().loadDesign(d, 'record'),
      notify: (message, tone) => store.getState().notify(message, tone),
    };
  }, [store, controllerRef, start, lockedNodeIds]);
  const verdict = useVerdict('scenario');
  const onVerdictRef = useRef(onVerdict);
  useEffect(() => {
    onVerdictRef.current = onVerdict;
  });
  useEffect(() => {
    onVerdictRef.current?.(verdict);
  }, [verdict]);
  return null;
}

/**
 * The canvas editor inside a scenario (the student's page, the teach form's
 * design pickers): the one editor shell, the starting design loaded, the
 * scenario's allowed kinds and locked nodes kept, every committed change
 * reported (after the one debounce) through `onDesignChange`, and kept in
 * `slot` when given (the student's draft). With `judge` (a scenario whose
 * scores are live) the design is graded in the scoring worker: the cards
 * show their utilisation, the side panel has the sandbox's results panel,
 * and `onVerdict` hears each grade.
 */
export function ScenarioEditor({
  initialDesign,
  start,
  allowedKinds,
  lockedNodeIds,
  controllerRef,
  onDesignChange,
  slot = null,
  judge = null,
  onVerdict,
  toolbarExtra,
  label = 'Design canvas',
  resettable = true,
}: {
  initialDesign: Design;
  start: Design;
  allowedKinds?: readonly Kind[];
  lockedNodeIds: readonly string[];
  controllerRef?: RefObject<EditorController | null>;
  onDesignChange?: (design: Design) => void;
  /** Where this browser keeps the design (`scenarioDraftSlot`), watched for another tab; null: not kept here. */
  slot?: DesignSlot | null;
  /** What the design is graded against, live; null: no live grading (the scores come on submit, or never here). */
  judge?: (ScenarioJudge & JudgeLoad) | null;
  onVerdict?: (verdict: VerdictOf<'scenario'> | null) => void;
  toolbarExtra?: ReactNode;
  label?: string;
  /** Offers "Reset to the starting design" (default true). */
  resettable?: boolean;
}) {
  const pin = useCallback((d: Design) => pinLockedNodes(d, start, lockedNodeIds), [start, lockedNodeIds]);
  const { store, banner } = useDesignSession({
    initial: initialDesign,
    lockedNodeIds,
    lockedStart: start,
    allowedKinds,
    slot: slot ? () => ({ ...slot, write: (d: Design) => slot.write(pin(d)) }) : null,
    onChange: onDesignChange ? (d) => onDesignChange(pin(d)) : undefined,
    // The page hears the design it starts with too (a live view shows it before the first edit).
    onRestored: onDesignChange ? (_read, s) => onDesignChange(pin(designOf(s.getState()))) : undefined,
  });
  // Fit once the panels beside the canvas have their final widths.
  useEffect(() => {
    const fit = setTimeout(() => store.getState().requestFit(), 150);
    return () => clearTimeout(fit);
  }, [store]);
  const live = judge !== null;
  return (
    <EditorSession store={store} judge={judge} scoring={live}>
      <Bridge start={start} lockedNodeIds={lockedNodeIds} controllerRef={controllerRef} onVerdict={onVerdict} />
      <EditorShell
        toolbar={{
          variant: 'compact',
          sideLabel: live ? 'Results' : 'Inspector',
          autoLayout: false,
          start: resettable ? (
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
          ) : null,
          end: toolbarExtra,
        }}
        banner={banner ? <OtherTabBanner {...banner} /> : null}
        paletteKinds={allowedKinds}
        // The side panel docks only from 2xl: a scenario page also has its brief beside the editor.
        dock={{ palette: 'lg', side: '2xl' }}
        widths={{ palette: 'w-80 max-w-[85vw] lg:w-60', side: live ? 'w-96 max-w-[85vw] 2xl:w-96' : 'w-80 max-w-[85vw] 2xl:w-72' }}
        side={live ? <InspectAndResults /> : <Inspector />}
        sideLabel={live ? 'Inspector and results' : 'Inspector'}
        // The teach form can show two of these editors at once: keys act on the one with focus.
        shortcuts="within"
        canvasLabel={label}
        ids="scenario"
      />
    </EditorSession>
  );
}

export const scenarioDraftKey = (slug: string) => `scalelab:scenario:${slug}:draft`;

/** The draft this browser keeps of a scenario, or null (none, or unreadable). */
export function readScenarioDraft(storage: Storage, slug: string): Design | null {
  try {
    const raw = storage.getItem(scenarioDraftKey(slug));
    if (!raw) return null;
    const parsed = parseDesign((JSON.parse(raw) as { design: unknown }).design);
    return parsed.ok ? parsed.design : null;
  } catch {
    return null;
  }
}

/** The student's draft of a scenario in this browser (`scalelab:scenario:<slug>:draft`). */
export function scenarioDraftSlot(storage: Storage, slug: string): DesignSlot {
  const key = scenarioDraftKey(slug);
  return {
    key,
    // An unreadable draft is passed over: the canvas starts from the latest submission or the starting design.
    read: () => {
      const design = readScenarioDraft(storage, slug);
      return design ? { status: 'ok', design, notices: [] } : { status: 'empty' };
    },
    write: (design) => writeJson(storage, key, { design, savedAt: new Date().toISOString() }),
    restored: () => '',
    unreadable: '',
    saveFailed: (reason) => `Your draft could not be kept in this browser (${reason}). Submit to keep your work.`,
    followed: 'Your design was changed in another tab, so this tab now shows that version. Undo brings back what was here.',
  };
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
