'use client';

import type { ReactNode } from 'react';
import { TabList, TabPanel } from '@/components/ui/tabs';

export interface DashboardTab<T extends string> {
  id: T;
  label: string;
}

/**
 * The dashboard's tabs (components/ui/tabs: one tab stop, arrow keys, Home
 * and End move between tabs and select them); each panel is labelled by its
 * tab. Only the selected panel is rendered.
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
      <TabList
        tabs={tabs}
        selected={selected}
        onSelect={onSelect}
        label={label}
        tabId={(id) => `dash-tab-${id}`}
        panelId={(id) => `dash-panel-${id}`}
        className="flex gap-1 overflow-x-auto border-b border-slate-200"
        tabClassName="whitespace-nowrap px-3 py-2"
      />
      <TabPanel id={`dash-panel-${selected}`} tabId={`dash-tab-${selected}`} tabIndex={0} className="pt-4 focus:outline-none">
        {children}
      </TabPanel>
    </div>
  );
}
