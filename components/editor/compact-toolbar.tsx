'use client';

import type { ReactNode } from 'react';
import { selectNodeCount, type PanelName } from '@/lib/editor/store';
import { useCanRedo, useCanUndo, useEditor, useEditorStore } from './editor-provider';
import { DRAWER, fromKeyboard, togglePanelAt, usePanelShown, type DrawerUntil } from './side-panel';
import { Glyph } from './ui-icons';
import { useAutoLayout } from './use-auto-layout';

const TOOL =
  'inline-flex h-9 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent';

interface PanelToggle {
  /** The toggle's name (e.g. "Components", "Settings"). */
  label: string;
  /** The id of the panel it opens. */
  controls: string;
  until: DrawerUntil;
  /** Shown after the label (e.g. how many curveballs arrived). */
  badge?: ReactNode;
}

/**
 * The toolbar of an editor embedded in a page (a lesson, a mock interview, a
 * scenario): the palette toggle, undo and redo, optional auto-layout and
 * shortcuts, the page's own tools (`start`, `end`), and the side panel's
 * toggle. The sandbox has its own fuller toolbar (toolbar.tsx).
 */
export function CompactToolbar({
  palette,
  side,
  autoLayout = true,
  shortcuts = false,
  start,
  end,
}: {
  palette: PanelToggle;
  side: PanelToggle;
  autoLayout?: boolean;
  shortcuts?: boolean;
  start?: ReactNode;
  end?: ReactNode;
}) {
  const store = useEditorStore();
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const count = useEditor(selectNodeCount);
  const paletteShown = usePanelShown('palette', palette.until);
  const sideShown = usePanelShown('inspector', side.until);
  const { layingOut, autoLayout: layout } = useAutoLayout();
  const toggle = (p: PanelName, e: { detail: number }) => {
    const own = p === 'palette' ? palette : side;
    // Where a panel stands beside the canvas, its toggle folds it away and back (a canvas-first screen).
    togglePanelAt(store, p, own.until, p === 'palette' ? side.until : palette.until, fromKeyboard(e) ? own.controls : undefined);
  };
  return (
    <div role="toolbar" aria-label="Design tools" className="flex h-11 shrink-0 items-center gap-1 overflow-x-auto border-b border-slate-200 bg-white px-2">
      <button type="button" className={TOOL} aria-pressed={paletteShown} aria-controls={palette.controls} onClick={(e) => toggle('palette', e)}>
        <Glyph name="palette" className="h-4 w-4" />
        {/* Beside the canvas the toggle only folds the panel: its icon is enough, and the toolbar keeps its room. */}
        <span className={`sr-only sm:not-sr-only ${DRAWER[palette.until].labelDocked}`}>{palette.label}</span>
      </button>
      <button type="button" className={TOOL} disabled={!canUndo} onClick={() => store.getState().undo()} title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z Meta+Z">
        <Glyph name="undo" className="h-4 w-4" />
        <span className="sr-only md:not-sr-only">Undo</span>
      </button>
      <button
        type="button"
        className={TOOL}
        disabled={!canRedo}
        onClick={() => store.getState().redo()}
        title="Redo (Ctrl+Shift+Z)"
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
      >
        <Glyph name="redo" className="h-4 w-4" />
        <span className="sr-only md:not-sr-only">Redo</span>
      </button>
      {autoLayout ? (
        <button type="button" className={`${TOOL} max-sm:hidden`} onClick={() => void layout()} disabled={count === 0 || layingOut}>
          <Glyph name="layout" className="h-4 w-4" />
          Auto-layout
        </button>
      ) : null}
      {shortcuts ? (
        <button type="button" className={`${TOOL} max-sm:hidden`} onClick={() => store.getState().setShortcutsOpen(true)} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
          <Glyph name="help" className="h-4 w-4" />
          <span className="sr-only lg:not-sr-only">Shortcuts</span>
        </button>
      ) : null}
      {start}
      <span className="flex-1" />
      {end}
      <button type="button" className={TOOL} aria-pressed={sideShown} aria-controls={side.controls} onClick={(e) => toggle('inspector', e)}>
        <Glyph name="inspector" className="h-4 w-4" />
        <span className={`sr-only sm:not-sr-only ${DRAWER[side.until].labelDocked}`}>{side.label}</span>
        {side.badge}
      </button>
    </div>
  );
}
