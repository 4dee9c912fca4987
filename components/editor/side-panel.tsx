'use client';

import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { EditorStore, PanelName } from '@/lib/editor/store';
import { useEditor, useEditorStore } from './editor-provider';

/** Below which width a side panel is a drawer over the canvas, opened by a toolbar toggle (beside the canvas from then on), or `always`. */
export type DrawerUntil = 'lg' | 'xl' | '2xl' | 'always';

/**
 * Per `until`, as literal classes (Tailwind's breakpoints): how the panel
 * docks, how its toolbar toggle hides once it is docked, and the width (px)
 * from which it is docked.
 */
export const DRAWER: Record<DrawerUntil, { docked: string; collapsed: string; toggle: string; labelDocked: string; minWidth: number }> = {
  lg: { docked: 'lg:static lg:z-auto lg:flex lg:shadow-none', collapsed: 'lg:hidden', toggle: 'lg:hidden', labelDocked: 'lg:sr-only', minWidth: 1024 },
  xl: { docked: 'xl:static xl:z-auto xl:flex xl:shadow-none', collapsed: 'xl:hidden', toggle: 'xl:hidden', labelDocked: 'xl:sr-only', minWidth: 1280 },
  '2xl': { docked: '2xl:static 2xl:z-auto 2xl:flex 2xl:shadow-none', collapsed: '2xl:hidden', toggle: '2xl:hidden', labelDocked: '2xl:sr-only', minWidth: 1536 },
  always: { docked: '', collapsed: '', toggle: '', labelDocked: '', minWidth: Infinity },
};

/** Whether a panel with this `until` is a drawer at the window's width now (so it closes after use). */
export function isDrawer(until: DrawerUntil): boolean {
  const min = DRAWER[until].minWidth;
  return !Number.isFinite(min) || !window.matchMedia(`(min-width: ${min}px)`).matches;
}

/** What can take focus inside a panel, in document order. */
const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex="0"]';

/**
 * What a side panel's toolbar toggle does: opens `panel`, or closes it if it is
 * open. Two drawers over one canvas cover each other (on a phone the palette
 * opened while the inspector is open would lie under it, out of reach), so
 * opening one closes the other while that one is a drawer (`otherUntil`).
 * Opened from the keyboard (`focusInto`, the panel's id), focus moves into
 * the panel: in the tab order it comes only after the rest of the toolbar.
 */
export function togglePanel(store: EditorStore, panel: PanelName, otherUntil: DrawerUntil, focusInto?: string): void {
  const s = store.getState();
  const open = !s.ui.panels[panel];
  const other: PanelName = panel === 'palette' ? 'inspector' : 'palette';
  if (open && s.ui.panels[other] && isDrawer(otherUntil)) s.setPanel(other, false);
  s.setPanel(panel, open);
  if (open && focusInto) {
    requestAnimationFrame(() => document.getElementById(focusInto)?.querySelector<HTMLElement>(FOCUSABLE)?.focus());
  }
}

/**
 * A panel's toggle wherever the window is: below `until` it opens or closes
 * the drawer (`togglePanel`); from there up, where the panel stands beside
 * the canvas, it folds the panel away or brings it back, so the canvas can
 * have the room.
 */
export function togglePanelAt(store: EditorStore, panel: PanelName, until: DrawerUntil, otherUntil: DrawerUntil, focusInto?: string): void {
  if (isDrawer(until)) return togglePanel(store, panel, otherUntil, focusInto);
  const s = store.getState();
  s.setCollapsed(panel, !s.ui.collapsed[panel]);
}

function subscribeToWidth(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** Whether a panel is on screen now: as a drawer, open; beside the canvas, not folded away. For the toggle's pressed state. */
export function usePanelShown(panel: PanelName, until: DrawerUntil): boolean {
  const docked = useSyncExternalStore(
    subscribeToWidth,
    () => !isDrawer(until),
    () => false,
  );
  return useEditor((s) => (docked ? !s.ui.collapsed[panel] : s.ui.panels[panel]));
}

/** A click with no pointer behind it: Enter or Space on a focused button. */
export const fromKeyboard = (e: { detail: number }) => e.detail === 0;

/**
 * One of an editor's side panels: the palette on the left, the inspector (or
 * a page's own panel) on the right. Below `until` it is a drawer over the
 * canvas, opened by the toolbar's toggle and closed with Escape; from there
 * up it stands beside the canvas. `className` sets its widths. When a drawer
 * closes with focus inside it (Escape, or a palette item added), focus goes
 * back to what had it when the drawer opened (its toggle), not to the page.
 */
export function SidePanel({
  panel,
  label,
  id,
  until,
  className,
  children,
}: {
  panel: PanelName;
  label: string;
  id: string;
  until: DrawerUntil;
  className: string;
  children: ReactNode;
}) {
  const store = useEditorStore();
  const open = useEditor((s) => s.ui.panels[panel]);
  const collapsed = useEditor((s) => s.ui.collapsed[panel]);
  const ref = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (open) {
      opener.current = active instanceof HTMLElement && !ref.current?.contains(active) ? active : null;
      return;
    }
    // Closed: the hidden drawer cannot keep focus, so it would fall to the page.
    if ((active === document.body || ref.current?.contains(active)) && opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }, [open]);
  const edge = panel === 'palette' ? 'left-0 border-r' : 'right-0 border-l';
  return (
    <aside
      ref={ref}
      id={id}
      aria-label={label}
      className={`${open ? 'flex' : 'hidden'} absolute inset-y-0 z-20 flex-col border-slate-200 bg-white shadow-xl ${edge} ${collapsed ? DRAWER[until].collapsed : DRAWER[until].docked} ${className}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && isDrawer(until) && !(e.target instanceof HTMLSelectElement)) store.getState().setPanel(panel, false);
      }}
    >
      {children}
    </aside>
  );
}
