'use client';

import { useRef, type HTMLAttributes, type ReactNode } from 'react';
import { tabKeyTarget } from '@/lib/browser/tab-keys';

/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop (the selected tab),
 * ArrowLeft/ArrowRight move and select (wrapping), Home and End go to the
 * first and last tab. The caller owns the selected id and the ids of the tabs
 * and panels (the pages' tests address them), and renders the panel(s) with
 * <TabPanel>.
 */
export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
}

/** underline: a row of tabs over a rule; segmented: a pill switch on a grey track. */
export type TabsVariant = 'underline' | 'segmented';

const LOOK: Record<TabsVariant, { base: string; on: string; off: string }> = {
  underline: {
    base: 'border-b-2 text-sm font-medium',
    on: 'border-brand-600 text-brand-700',
    off: 'border-transparent text-slate-600 hover:text-slate-900',
  },
  segmented: {
    base: 'rounded-md text-sm font-medium',
    on: 'bg-white text-slate-900 shadow-sm',
    off: 'text-slate-600 hover:text-slate-900',
  },
};

/** The class of one tab: the variant's look plus the caller's layout classes (padding, wrapping). */
export function tabClass(variant: TabsVariant, selected: boolean, layout = ''): string {
  const look = LOOK[variant];
  return `${layout ? `${layout} ` : ''}${look.base} ${selected ? look.on : look.off}`;
}

export interface TabListProps<T extends string> {
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect(id: T): void;
  /** The accessible name of the tab list. */
  label: string;
  /** The DOM id of a tab's button. */
  tabId(id: T): string;
  /** The DOM id of the panel a tab controls. */
  panelId(id: T): string;
  variant?: TabsVariant;
  /** Classes of the list (layout, border, track). */
  className?: string;
  /** Layout classes of each tab (padding, wrapping); the look comes from the variant. */
  tabClassName?: string;
}

export function TabList<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  tabId,
  panelId,
  variant = 'underline',
  className,
  tabClassName = 'px-3 py-2',
}: TabListProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  return (
    <div role="tablist" aria-label={label} className={className}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={tabId(t.id)}
          aria-selected={selected === t.id}
          aria-controls={panelId(t.id)}
          tabIndex={selected === t.id ? 0 : -1}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => {
            const to = tabKeyTarget(e.key, i, tabs.length);
            if (to === null) return;
            e.preventDefault();
            const next = tabs[to].id;
            onSelect(next);
            refs.current.get(next)?.focus();
          }}
          className={tabClass(variant, selected === t.id, tabClassName)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** A tab's panel, labelled by its tab. */
export function TabPanel({
  id,
  tabId,
  ...props
}: { id: string; tabId: string } & Omit<HTMLAttributes<HTMLDivElement>, 'id' | 'role'>) {
  return <div role="tabpanel" id={id} aria-labelledby={tabId} {...props} />;
}
