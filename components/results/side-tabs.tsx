'use client';

import { useRef, type KeyboardEvent } from 'react';
import type { ResultsTab } from '@/lib/editor/scoring';
import { tabKeyTarget } from '@/lib/tab-keys';
import { Inspector } from '@/components/editor/inspector';
import { ResultsPanel } from './results-panel';
import { useScoring, useScoringView } from './scoring-context';

const TABS: { id: ResultsTab; label: string }[] = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'results', label: 'Results' },
];

/**
 * The right-hand panel of the sandbox: the inspector and the results as two
 * tabs. Selecting one component or connection shows its inspector; clearing
 * the selection (or choosing the tab) shows the results.
 */
export function InspectAndResults() {
  const scoring = useScoring();
  const tab = useScoringView((v) => v.tab);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const choose = (id: ResultsTab) => scoring?.setTab(id);
  const onKeyDown = (e: KeyboardEvent) => {
    const to = tabKeyTarget(e.key, TABS.findIndex((t) => t.id === tab), TABS.length);
    if (to === null) return;
    e.preventDefault();
    const next = TABS[to].id;
    choose(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div role="tablist" aria-label="Side panel" className="flex shrink-0 gap-1 border-b border-slate-200 px-3 pt-2" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-controls={`side-panel-${t.id}`}
            aria-selected={tab === t.id}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => choose(t.id)}
            className={`-mb-px rounded-t-md border-b-2 px-3 py-2 text-sm font-medium ${
              tab === t.id ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`side-panel-${t.id}`}
          aria-labelledby={`side-tab-${t.id}`}
          hidden={tab !== t.id}
          className="min-h-0 flex-1"
        >
          {tab === t.id ? t.id === 'inspect' ? <Inspector /> : <ResultsPanel /> : null}
        </div>
      ))}
    </div>
  );
}
