'use client';

import '@xyflow/react/dist/style.css';
import '@/components/editor/editor.css';
import { useEffect, useRef, useState } from 'react';
import { Canvas } from '@/components/editor/canvas';
import { CompactToolbar } from '@/components/editor/compact-toolbar';
import { useEditor, useEditorStore } from '@/components/editor/editor-provider';
import { Inspector } from '@/components/editor/inspector';
import { Notices } from '@/components/editor/notices';
import { Palette } from '@/components/editor/palette';
import { ShortcutsDialog } from '@/components/editor/shortcuts-dialog';
import { SidePanel } from '@/components/editor/side-panel';
import { useEditorShortcuts } from '@/components/editor/use-editor-shortcuts';

export const BTN_QUIET =
  'inline-flex h-9 shrink-0 items-center whitespace-nowrap justify-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent';

/**
 * The lesson's canvas: the sandbox editor's palette, canvas and inspector
 * (as drawers over the canvas) around the store of `EditorProvider`.
 * Keyboard shortcuts act only while the learner works in the editor, so
 * reading and copying the prose keep the browser's own keys.
 */
export function LessonEditor() {
  const store = useEditorStore();
  const hydrated = useEditor((s) => s.ui.hydrated);
  const selected = useEditor((s) => s.selection.nodeIds.length + s.selection.edgeIds.length);
  const root = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(false);
  useEditorShortcuts(store, active);

  useEffect(() => {
    const track = (e: Event) => setActive(!!root.current && e.target instanceof Node && root.current.contains(e.target));
    document.addEventListener('pointerdown', track, true);
    document.addEventListener('focusin', track, true);
    return () => {
      document.removeEventListener('pointerdown', track, true);
      document.removeEventListener('focusin', track, true);
    };
  }, []);

  // Selecting something opens its settings; the learner closes the drawer at will.
  const last = useRef(0);
  useEffect(() => {
    if (selected > 0 && last.current === 0) store.getState().setPanel('inspector', true);
    last.current = selected;
  }, [selected, store]);

  return (
    <div ref={root} className="flex h-full min-h-0 flex-col overflow-hidden rounded-lg border border-slate-200 bg-slate-50">
      <CompactToolbar
        palette={{ label: 'Components', controls: 'lesson-palette', until: 'always' }}
        side={{ label: 'Settings', controls: 'lesson-inspector', until: 'always' }}
      />
      <div className="relative flex min-h-0 flex-1">
        {/* Drawers over the canvas: the lesson pane is too narrow to keep both panels beside it. */}
        <SidePanel panel="palette" label="Components palette" id="lesson-palette" until="always" className="w-64 max-w-[88%]">
          <Palette onAdded={() => store.getState().setPanel('palette', false)} />
        </SidePanel>
        <section aria-label="Design canvas" data-editor-canvas="" data-hydrated={hydrated} tabIndex={-1} className="relative min-w-0 flex-1">
          <Canvas />
        </section>
        <SidePanel panel="inspector" label="Inspector" id="lesson-inspector" until="always" className="w-80 max-w-[88%]">
          <div className="flex shrink-0 justify-end border-b border-slate-200 px-2 py-1">
            <button type="button" className={BTN_QUIET} onClick={() => store.getState().setPanel('inspector', false)}>
              Close settings
            </button>
          </div>
          <div className="min-h-0 flex-1">
            <Inspector />
          </div>
        </SidePanel>
      </div>
      <ShortcutsDialog />
      <Notices />
    </div>
  );
}
