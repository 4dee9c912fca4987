'use client';

import type { ReactNode } from 'react';
import type { PanelName } from '@/lib/editor/store';
import type { DrawerUntil } from './compact-toolbar';
import { useEditor, useEditorStore } from './editor-provider';

/** Docked beside the canvas from this width up (Tailwind's breakpoints), as literal classes. */
const DOCKED: Record<DrawerUntil, { classes: string; minWidth: number }> = {
  lg: { classes: 'lg:static lg:z-auto lg:flex lg:shadow-none', minWidth: 1024 },
  '2xl': { classes: '2xl:static 2xl:z-auto 2xl:flex 2xl:shadow-none', minWidth: 1536 },
  always: { classes: '', minWidth: Infinity },
};

/**
 * One of an editor's side panels: the palette on the left, the inspector (or
 * a page's own panel) on the right. Below `until` it is a drawer over the
 * canvas, opened by the toolbar's toggle and closed with Escape; from there
 * up it stands beside the canvas. `className` sets its widths.
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
  const docked = DOCKED[until];
  const edge = panel === 'palette' ? 'left-0 border-r' : 'right-0 border-l';
  return (
    <aside
      id={id}
      aria-label={label}
      className={`${open ? 'flex' : 'hidden'} absolute inset-y-0 z-20 flex-col border-slate-200 bg-white shadow-xl ${edge} ${docked.classes} ${className}`}
      onKeyDown={(e) => {
        const drawer = window.innerWidth < docked.minWidth;
        if (e.key === 'Escape' && drawer && !(e.target instanceof HTMLSelectElement)) store.getState().setPanel(panel, false);
      }}
    >
      {children}
    </aside>
  );
}
