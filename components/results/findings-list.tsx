'use client';

import Link from 'next/link';
import { useReactFlow } from '@xyflow/react';
import { type Evaluation, type Finding, type Severity, LESSONS } from '@/lib/engine/data';
import { useEditorStore } from '@/components/editor/editor-provider';
import { TechnologyAfterName } from '@/components/editor/technology-tag';
import { useScoring } from './scoring-context';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const TONE: Record<Severity, { box: string; mark: string; word: string }> = {
  error: { box: 'border-red-200 bg-red-50/60', mark: 'bg-saturated', word: 'Problem' },
  warning: { box: 'border-amber-200 bg-amber-50/60', mark: 'bg-warm', word: 'Risk' },
  info: { box: 'border-slate-200 bg-white', mark: 'bg-slate-500', word: 'Note' },
};
const LESSON_TITLE = new Map<string, string>(LESSONS.map((l) => [l.id, l.title]));

/** Errors first, then warnings, then notes; the engine's order within each. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
}

/** Selects a component and zooms the canvas to it; on narrow screens closes the drawer so it can be seen. */
export function useShowNode() {
  const store = useEditorStore();
  const scoring = useScoring();
  const { fitView } = useReactFlow();
  return (nodeId: string) => {
    scoring?.selectFromResults(nodeId);
    void fitView({ nodes: [{ id: nodeId }], duration: 350, padding: 0.8, maxZoom: 1.1 });
    if (!window.matchMedia('(min-width: 1024px)').matches) store.getState().setPanel('inspector', false);
  };
}

export function FindingsList({ findings, evaluation, label }: { findings: readonly Finding[]; evaluation: Evaluation; label: string }) {
  const show = useShowNode();
  if (findings.length === 0) return <p className="text-sm text-slate-700">Nothing to fix here.</p>;
  return (
    <ul aria-label={label} className="space-y-2">
      {sortFindings(findings).map((f, i) => {
        const tone = TONE[f.severity];
        const node = f.nodeId ? evaluation.nodes[f.nodeId] : undefined;
        return (
          <li key={`${f.code}-${f.nodeId}-${i}`} className={`rounded-lg border p-2.5 text-sm ${tone.box}`} data-finding={f.code}>
            <p className="flex gap-2 text-slate-800">
              <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${tone.mark}`} />
              <span>
                <span className="sr-only">{tone.word}: </span>
                {f.message}
              </span>
            </p>
            <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 pl-4 text-xs">
              {f.nodeId && node ? (
                <button type="button" onClick={() => show(f.nodeId!)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Show {node.label}
                  <TechnologyAfterName nodeId={f.nodeId} /> on the canvas
                </button>
              ) : null}
              <Link href={`/learn/${f.lessonId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                Lesson: {LESSON_TITLE.get(f.lessonId) ?? f.lessonId}
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
