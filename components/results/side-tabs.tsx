'use client';

import { useRef, type KeyboardEvent } from 'react';
import type { ResultsTab } from '@/lib/editor/scoring';
import { tabKeyTarget } from '@/lib/browser/tab-keys';
import { Inspector } from '@/components/editor/inspector';
import { useEditor } from '@/components/editor/editor-provider';
import { displayLabel } from '@/lib/editor/labels';
import { nodeById, selectInspectedEdgeId, selectInspectedNodeId } from '@/lib/editor/store';
import { ResultsPanel } from './results-panel';
import { useScoring, useScoringView } from './scoring-context';

const TABS: { id: ResultsTab; label: string }[] = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'results', label: 'Results' },
];

/**
 * While the results are showing and something is selected: what is selected
 * and the one click to its settings (the panel never leaves Results on its own).
 */
function SelectionBar({ onInspect }: { onInspect(): void }) {
  const nodeId = useEditor(selectInspectedNodeId);
  const edgeId = useEditor(selectInspectedEdgeId);
  const node = useEditor((s) => nodeById(s, nodeId));
  const count = useEditor((s) => s.selection.nodeIds.length + s.selection.edgeIds.length);
  if (count === 0) return null;
  const what = node ? `“${displayLabel(node.data)}”` : edgeId ? 'A connection' : `${count} items`;
  return (
    <div className="flex shrink-0 items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-sm text-slate-700" data-testid="selection-bar">
      <p className="min-w-0 flex-1 truncate">
        {what} {count === 1 ? 'is' : 'are'} selected.
      </p>
      <button type="button" onClick={onInspect} className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-0.5 font-medium text-slate-800 hover:bg-slate-100">
        {count === 1 ? 'Edit its settings' : 'Inspect'}
      </button>
    </div>
  );
}

/**
 * The right-hand panel of an editor: the inspector and the results as two
 * tabs. The tab stays where the user left it: selecting a component keeps
 * the results (with the selection named above them and one click to its
 * settings); only the user switches tabs.
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
      {tab === 'results' ? (
        <SelectionBar
          onInspect={() => {
            choose('inspect');
            refs.current.inspect?.focus();
          }}
        />
      ) : null}
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
