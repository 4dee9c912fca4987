'use client';

import type { ReactNode } from 'react';
import { tabKeyTarget } from '@/lib/tab-keys';

export interface DashboardTab<T extends string> {
  id: T;
  label: string;
}

/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop, arrow keys, Home and
 * End move between tabs and select them; each panel is labelled by its tab.
 * Only the selected panel is rendered.
 */
export function DashboardTabs<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  children,
}: {
  tabs: readonly DashboardTab<T>[];
  selected: T;
  onSelect(id: T): void;
  label: string;
  children: ReactNode;
}) {
  return (
    <div>
      <div role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            id={`dash-tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={selected === t.id}
            aria-controls={`dash-panel-${t.id}`}
            tabIndex={selected === t.id ? 0 : -1}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => {
              const to = tabKeyTarget(e.key, i, tabs.length);
              if (to === null) return;
              e.preventDefault();
              onSelect(tabs[to].id);
              document.getElementById(`dash-tab-${tabs[to].id}`)?.focus();
            }}
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              selected === t.id ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`dash-panel-${selected}`} role="tabpanel" aria-labelledby={`dash-tab-${selected}`} tabIndex={0} className="pt-4 focus:outline-none">
        {children}
      </div>
    </div>
  );
}
