'use client';

import { lazy, Suspense, useContext, useId, useState } from 'react';
import { CATALOG, type Kind } from '@/lib/engine/data';
import { nodeById, type EditorState } from '@/lib/editor/store';
import { GENERIC, technologyChoices, technologyName } from '@/lib/editor/technology-view';
import { useEditor } from './editor-provider';
import { ScopeContext } from './technology-scope';

export { TechnologyComparisonScope, type ComparisonScope } from './technology-scope';

/** The view is loaded when first opened: most visits to the inspector never compare. */
const ComparisonView = lazy(() => import('./technology-compare-view').then((m) => ({ default: m.ComparisonView })));

/**
 * The inspector's technology part, under the settings (where the Technology
 * select is): for a kind with choices, the "Compare technologies" view
 * (computed only while open); for a kind without, a plain statement that it
 * is modelled generically.
 */
export function TechnologySection({ nodeId, kind, locked }: { nodeId: string; kind: Kind; locked: boolean }) {
  const scope = useContext(ScopeContext);
  const technology = useEditor((s: EditorState) => nodeById(s, nodeId)?.data.params.technology ?? GENERIC);
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const choices = technologyChoices(kind);
  const label = CATALOG[kind].label;
  if (kind === 'users') return null;
  if (choices.length === 0) {
    return (
      <div className="border-t border-slate-200 px-4 py-3" data-testid="technology-section">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Technology</h3>
        <p className="mt-1 text-sm text-slate-700" data-testid="technology-none">
          <span className="font-medium text-slate-900">Generic.</span> Every {label.toLowerCase()} is modelled the same
          way: there are no technologies to choose or compare for it.
        </p>
      </div>
    );
  }
  if (scope && !scope.figures) {
    return (
      <div className="border-t border-slate-200 px-4 py-3" data-testid="technology-section">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Compare technologies</h3>
        <p className="mt-1 text-sm text-slate-700" data-testid="technology-no-figures">
          {scope.why ?? 'Figures are not shown here.'} Choose with the Technology setting above.
        </p>
      </div>
    );
  }
  return (
    <div className="border-t border-slate-200 px-4 py-3" data-testid="technology-section">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        <svg
          viewBox="0 0 20 20"
          className={`h-4 w-4 transition-transform ${open ? 'rotate-90' : ''}`}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.6}
          aria-hidden="true"
        >
          <path d="m8 6 4 4-4 4" />
        </svg>
        Compare technologies
      </button>
      {open ? null : (
        <p className="mt-1 text-xs text-slate-600">
          {technologyName(kind, technology)} and the {choices.length - 1} other choices side by side, before you change
          anything.
        </p>
      )}
      <div id={regionId} hidden={!open}>
        {open ? (
          <Suspense
            fallback={
              <p className="mt-2 text-sm text-slate-600" role="status">
                Comparing {choices.length} choices…
              </p>
            }
          >
            <ComparisonView nodeId={nodeId} kind={kind} technology={technology} locked={locked} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
