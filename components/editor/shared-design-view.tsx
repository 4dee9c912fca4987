'use client';

import '@xyflow/react/dist/style.css';
import './editor.css';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { ReactFlowProvider } from '@xyflow/react';
import { CATALOG, type Design } from '@/lib/engine/data';
import { describeNotices, type DesignNotice } from '@/lib/design/schema';
import { displayLabel } from '@/lib/editor/labels';
import { createEditorStore, type EditorStore } from '@/lib/editor/store';
import { CanvasStatus } from '@/components/results/canvas-status';
import { ResultsPanel } from '@/components/results/results-panel';
import { LiveScoring } from '@/components/results/scoring-context';
import { Canvas } from './canvas';
import { EditorProvider } from './editor-provider';

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A shared design, read-only: pan and zoom, and the same score and results
 * the sandbox shows (scored in the browser by the one scoring path, so a
 * reader sees why it passes or fails without making a copy). The copy button
 * opens `/play?from={id}`, where the sandbox loads an editable copy.
 */
export function SharedDesignView({
  id,
  title,
  design,
  createdAt,
  notices = [],
  retention,
}: {
  id: string;
  title: string;
  design: Design;
  createdAt: string;
  /** What loading dropped from this older design (a param its kind does not take). */
  notices?: DesignNotice[];
  /** How long an unviewed design is kept, and until when this one is (it was just viewed). */
  retention?: { days: number; keptUntil: string };
}) {
  const [store] = useState<EditorStore>(() => createEditorStore({ design, readOnly: true }));
  useEffect(() => {
    store.getState().setHydrated();
    store.getState().requestFit();
  }, [store]);
  const labels = new Map(design.nodes.map((n) => [n.id, displayLabel(n)]));
  const date = new Date(createdAt);

  return (
    <EditorProvider store={store}>
      <LiveScoring>
        <ReactFlowProvider>
          <div className="flex h-[calc(100dvh-3.5rem-1px)] min-h-[420px] flex-col overflow-hidden bg-slate-50">
            <div className="flex shrink-0 flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2.5">
              <div className="min-w-0">
                <h1 className="truncate text-base font-semibold text-slate-900">{title}</h1>
                <p className="text-xs text-slate-600">
                  <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-700">Read-only</span>
                  {plural(design.nodes.length, 'component')}, {plural(design.edges.length, 'connection')}
                  {Number.isFinite(date.getTime()) ? (
                    <>
                      {' · '}
                      <span className="whitespace-nowrap">shared {date.toISOString().slice(0, 10)}</span>
                    </>
                  ) : null}
                </p>
                {retention ? (
                  <p className="mt-0.5 text-xs text-slate-600" data-testid="shared-retention">
                    A shared design nobody opens for {retention.days} days is deleted; opening this link keeps it, at
                    least until{' '}
                    <time dateTime={retention.keptUntil} className="whitespace-nowrap">
                      {retention.keptUntil.slice(0, 10)}
                    </time>
                    .
                  </p>
                ) : null}
                {notices.length > 0 ? (
                  <p role="status" className="mt-1 text-xs text-amber-900" data-testid="shared-notices">
                    {describeNotices(notices)}
                  </p>
                ) : null}
              </div>
              <Link
                href={`/play?from=${encodeURIComponent(id)}`}
                className="ml-auto inline-flex h-9 items-center rounded-md bg-brand-600 px-3 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              >
                Open a copy in the sandbox
              </Link>
            </div>
            <div className="relative flex min-h-0 flex-1">
              <section aria-label="Design canvas (read-only)" data-editor-canvas="" className="relative min-w-0 flex-1">
                <Canvas readOnly />
                {design.nodes.length > 0 ? <CanvasStatus /> : null}
                {design.nodes.length === 0 ? (
                  <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-6">
                    <div
                      className="pointer-events-auto max-w-sm rounded-lg border border-slate-200 bg-white px-5 py-4 text-center shadow-sm"
                      data-testid="shared-empty"
                    >
                      <h2 className="text-base font-semibold text-slate-900">This shared design is empty</h2>
                      <p className="mt-1 text-sm text-slate-700">
                        It was shared before anything was added to it, so there is nothing to show.
                      </p>
                      <Link
                        href="/play"
                        className="mt-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        Start a design in the sandbox
                      </Link>
                    </div>
                  </div>
                ) : null}
              </section>
              <aside
                aria-label="Score and components"
                className="hidden w-96 shrink-0 flex-col overflow-hidden border-l border-slate-200 bg-white lg:flex"
              >
                <h2 className="sr-only">Results</h2>
                <div className="min-h-0 flex-1">
                  <ResultsPanel />
                </div>
                <details className="shrink-0 border-t border-slate-200 px-4 py-3" data-testid="shared-components">
                  <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-slate-600">
                    {plural(design.nodes.length, 'component')}, {plural(design.edges.length, 'connection')}
                  </summary>
                  <div className="max-h-64 overflow-y-auto pt-2">
                    <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Components</h2>
                    {design.nodes.length === 0 ? <p className="mt-2 text-sm text-slate-600">None.</p> : null}
                    <ul className="mt-2 space-y-1.5 text-sm">
                      {design.nodes.map((n) => (
                        <li key={n.id} className="text-slate-800">
                          <span className="font-medium">{labels.get(n.id)}</span>
                          {labels.get(n.id) !== CATALOG[n.kind].label ? (
                            <span className="text-slate-600"> · {CATALOG[n.kind].label}</span>
                          ) : null}
                          {n.params?.instances ? (
                            <span className="text-slate-600"> · ×{n.params.instances}</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                    <h2 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">Connections</h2>
                    {design.edges.length === 0 ? (
                      <p className="mt-2 text-sm text-slate-600">None.</p>
                    ) : (
                      <ul className="mt-2 space-y-1 text-sm text-slate-800">
                        {design.edges.map((e) => (
                          <li key={e.id}>
                            {labels.get(e.source)} <span aria-hidden="true">→</span>
                            <span className="sr-only">to</span> {labels.get(e.target)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </details>
              </aside>
            </div>
          </div>
        </ReactFlowProvider>
      </LiveScoring>
    </EditorProvider>
  );
}
