'use client';

import '@xyflow/react/dist/style.css';
import './editor.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import dynamic from 'next/dynamic';
import { ReactFlowProvider } from '@xyflow/react';
import type { Kind } from '@/lib/engine/kinds';
import type { Judge } from '@/lib/editor/judge';
import type { EditorStore } from '@/lib/editor/store';
import { LiveScoring } from '@/components/results/scoring-context';
import { Canvas } from './canvas';
import { EditorProvider, useEditor, useEditorStore } from './editor-provider';
import { Notices } from './notices';
import { Palette } from './palette';
import { ShortcutsDialog } from './shortcuts-dialog';
import { isDrawer, SidePanel, type DrawerUntil } from './side-panel';
import { useEditorShortcuts } from './use-editor-shortcuts';

/** The embedded editors' toolbar, loaded only by the pages that show it: the sandbox (its own toolbar) never carries it. */
const CompactToolbar = dynamic(() => import('./compact-toolbar').then((m) => m.CompactToolbar));

/**
 * The providers of one editor: its store, React Flow, and live scoring in the
 * Web Worker with the mode's judge (`scoring={false}`: no live scoring, for a
 * page that scores itself). Everything that reads the editor (the shell, a
 * lesson's check panel reading `useVerdict()`) sits inside.
 */
export function EditorSession({
  store,
  judge = null,
  figures = true,
  scoring = true,
  children,
}: {
  store: EditorStore;
  judge?: Judge | null;
  /** Figures on the cards (blind modes: false; the verdict still comes). */
  figures?: boolean;
  scoring?: boolean;
  children: ReactNode;
}) {
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        {scoring ? (
          <LiveScoring judge={judge} figures={figures}>
            {children}
          </LiveScoring>
        ) : (
          children
        )}
      </ReactFlowProvider>
    </EditorProvider>
  );
}

export type ShellToolbar =
  /** The sandbox's own toolbar (`<Toolbar />`: design name, files, share, export), passed in so other pages do not load it; its panels dock at `lg`. */
  | { variant: 'full'; element: ReactNode }
  /** The toolbar of an editor inside a page: palette toggle, undo/redo, the page's tools, the side panel's toggle. */
  | {
      variant: 'compact';
      /** The side panel's toggle label (e.g. "Results", "Settings"). */
      sideLabel: string;
      sideBadge?: ReactNode;
      paletteLabel?: string;
      start?: ReactNode;
      end?: ReactNode;
      autoLayout?: boolean;
      shortcuts?: boolean;
    };

/**
 * Where the editor's keyboard shortcuts act: anywhere on the page (`page`,
 * the sandbox and the interview), only on keys aimed inside the editor
 * (`within`, two editors on one page), or only while the user last pointed
 * or focused inside it (`while-active`, a lesson: reading and copying the
 * prose keep the browser's own keys).
 */
export type ShortcutScope = 'page' | 'within' | 'while-active';

export interface EditorShellProps {
  toolbar: ShellToolbar;
  /** Under the toolbar, across the editor: the other-tab banner, an offer waiting for an answer. */
  banner?: ReactNode;
  /** The kinds the palette offers (a scenario's allowed kinds; all when absent). */
  paletteKinds?: readonly Kind[];
  /** Drawn over the canvas (an empty state, the canvas status chip). */
  overlays?: ReactNode;
  /** The right panel's content (the inspector and the results as tabs, a page's own panel). */
  side: ReactNode;
  /** The right panel's accessible name. */
  sideLabel: string;
  /** Below which width each side panel is a drawer over the canvas (default `lg` for both; the full toolbar needs `lg`). */
  dock?: { palette?: DrawerUntil; side?: DrawerUntil };
  /** Width classes of the panels. */
  widths?: { palette?: string; side?: string };
  shortcuts?: ShortcutScope;
  /** The canvas region's accessible name (default "Design canvas"). */
  canvasLabel?: string;
  /** Prefix of the panels' ids (`<ids>-palette`, `<ids>-inspector`); the full toolbar needs `editor`. */
  ids?: string;
  /** Classes of the shell's outer box (its height). */
  className?: string;
  /** A visually hidden heading for the page. */
  heading?: ReactNode;
}

function useShortcutScope(store: EditorStore, scope: ShortcutScope, root: React.RefObject<HTMLDivElement | null>) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    if (scope !== 'while-active') return;
    const track = (e: Event) => setActive(!!root.current && e.target instanceof Node && root.current.contains(e.target));
    document.addEventListener('pointerdown', track, true);
    document.addEventListener('focusin', track, true);
    return () => {
      document.removeEventListener('pointerdown', track, true);
      document.removeEventListener('focusin', track, true);
    };
  }, [scope, root]);
  useEditorShortcuts(store, scope === 'while-active' ? active : true, scope === 'within' ? root : undefined);
}

/**
 * One editor layout for every mode: toolbar, banner, palette, canvas (with
 * overlays), right panel, notices and the shortcuts dialog. Below each
 * panel's `dock` width the panel is a drawer over the canvas; from there up
 * it stands beside it (and its toggle folds it away). Must sit inside
 * `EditorSession`.
 */
export function EditorShell({
  toolbar,
  banner,
  paletteKinds,
  overlays,
  side,
  sideLabel,
  dock,
  widths,
  shortcuts = 'page',
  canvasLabel = 'Design canvas',
  ids = 'editor',
  className = 'h-full',
  heading,
}: EditorShellProps) {
  const store = useEditorStore();
  const hydrated = useEditor((s) => s.ui.hydrated);
  const root = useRef<HTMLDivElement>(null);
  useShortcutScope(store, shortcuts, root);
  const paletteUntil = toolbar.variant === 'full' ? 'lg' : (dock?.palette ?? 'lg');
  const sideUntil = toolbar.variant === 'full' ? 'lg' : (dock?.side ?? 'lg');
  const paletteId = `${ids}-palette`;
  const sideId = `${ids}-inspector`;
  const closeNarrowPalette = () => {
    if (isDrawer(paletteUntil)) store.getState().setPanel('palette', false);
  };
  return (
    <div
      ref={root}
      {...(shortcuts === 'within' ? { 'data-editor-root': '', tabIndex: -1 } : {})}
      className={`flex min-h-0 flex-col overflow-hidden bg-slate-50 outline-none ${className}`}
    >
      {heading}
      {toolbar.variant === 'full' ? (
        toolbar.element
      ) : (
        <CompactToolbar
          palette={{ label: toolbar.paletteLabel ?? 'Components', controls: paletteId, until: paletteUntil }}
          side={{ label: toolbar.sideLabel, controls: sideId, until: sideUntil, badge: toolbar.sideBadge }}
          autoLayout={toolbar.autoLayout}
          shortcuts={toolbar.shortcuts}
          start={toolbar.start}
          end={toolbar.end}
        />
      )}
      {banner}
      <div className="relative flex min-h-0 flex-1">
        <SidePanel panel="palette" label="Components palette" id={paletteId} until={paletteUntil} className={widths?.palette ?? 'w-80 max-w-[85vw] lg:w-72'}>
          <Palette onAdded={closeNarrowPalette} kinds={paletteKinds} />
        </SidePanel>
        <section aria-label={canvasLabel} data-editor-canvas="" data-hydrated={hydrated} tabIndex={-1} className="relative min-w-0 flex-1">
          <Canvas />
          {overlays}
        </section>
        <SidePanel panel="inspector" label={sideLabel} id={sideId} until={sideUntil} className={widths?.side ?? 'w-96 max-w-[85vw] lg:w-[22rem] xl:w-96'}>
          {side}
        </SidePanel>
      </div>
      <ShortcutsDialog />
      <Notices />
    </div>
  );
}
