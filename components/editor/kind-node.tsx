'use client';

import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { CATALOG } from '@/lib/engine/data';
import { paramsOfNode } from '@/lib/design/schema';
import { defaultFor } from '@/lib/editor/param-meta';
import { canReceive, canSend } from '@/lib/editor/connection-rules';
import { displayLabel } from '@/lib/editor/labels';
import { BAND_LABEL } from '@/lib/editor/results';
import { technologyTag } from '@/lib/editor/technology-view';
import type { EditorNode, NodeResult, UtilisationBand } from '@/lib/editor/types';
import { selectIsEditingLabel, selectNodeResult, selectReadOnly, type EditorState } from '@/lib/editor/store';
import type { ScoringView } from '@/lib/editor/scoring';
import { nodeMark, shownComparison, type WhatIfNodeMark } from '@/lib/editor/what-if-view';
import { useScoringView } from '@/components/results/scoring-context';
import { GROUP_TILE } from './groups';
import { KindIcon } from './kind-icons';
import { useEditor, useEditorStore } from './editor-provider';

const BAND_PILL: Record<UtilisationBand, string> = {
  healthy: 'bg-healthy text-white',
  warm: 'bg-warm text-white',
  hot: 'bg-hot text-white',
  saturated: 'bg-saturated text-white',
};

/** The card's outline and a left accent in the band's colour, once scoring has run. */
const BAND_CARD: Record<UtilisationBand, string> = {
  healthy: 'border-healthy/70 shadow-[inset_4px_0_0_var(--color-healthy)]',
  warm: 'border-warm/80 shadow-[inset_4px_0_0_var(--color-warm)]',
  hot: 'border-hot shadow-[inset_4px_0_0_var(--color-hot)] bg-orange-50',
  saturated: 'border-saturated shadow-[inset_4px_0_0_var(--color-saturated)] bg-red-50',
};

function ResultBadges({ result }: { result: NodeResult }) {
  if (!result.bottleneck && !result.spof) return null;
  return (
    <span className="pointer-events-none absolute -top-2.5 left-3 flex gap-1">
      {result.bottleneck ? (
        <span className="rounded bg-slate-900 px-1.5 py-0.5 text-[10px] font-semibold leading-none text-white" data-badge="bottleneck">
          Bottleneck
        </span>
      ) : null}
      {result.spof ? (
        <span className="rounded border border-saturated bg-white px-1.5 py-0.5 text-[10px] font-semibold leading-none text-saturated" data-badge="spof">
          <span aria-hidden="true">SPOF</span>
          <span className="sr-only">Single point of failure</span>
        </span>
      ) : null}
    </span>
  );
}

/** Under a chosen what-if (results panel → What if): the component is gone, or the condition saturates it. */
function WhatIfBadge({ mark }: { mark: WhatIfNodeMark }) {
  return (
    <span
      className={`pointer-events-none absolute -bottom-2.5 right-3 rounded px-1.5 py-0.5 text-[10px] font-semibold leading-none ${
        mark === 'failed' ? 'bg-saturated text-white' : 'border border-saturated bg-white text-saturated'
      }`}
      data-badge={`what-if-${mark}`}
    >
      {mark === 'failed' ? 'Failed' : 'Overloaded'}
      <span className="sr-only"> in the what-if</span>
    </span>
  );
}

/** "×3 · large", "auto 2–10 · medium", "" for kinds (and managed technologies) without instances. */
function capacityLine(data: EditorNode['data']): string {
  const p = data.params;
  // A technology's own params and defaults: a Kafka topic has 3 brokers, DynamoDB no instances at all (docs/model.md §14.2).
  const takes = paramsOfNode(data.kind, p.technology);
  const parts: string[] = [];
  if (p.autoscale) parts.push(`auto ${p.autoscale.min}–${p.autoscale.max}`);
  else if (takes.includes('instances')) parts.push(`×${p.instances ?? defaultFor(data.kind, 'instances', undefined, p.technology)}`);
  if (takes.includes('size')) parts.push(p.size ?? defaultFor(data.kind, 'size', undefined, p.technology));
  if (takes.includes('shards') && (p.shards ?? 1) > 1) parts.push(`${p.shards} shards`);
  return parts.join(' · ');
}

function ResultPill({ result }: { result: NodeResult }) {
  const pct = Math.round(result.utilization * 100);
  return (
    <span
      className={`ml-auto shrink-0 rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold leading-none ${BAND_PILL[result.band]}`}
      title={`Utilisation ${pct} % (${BAND_LABEL[result.band]})`}
    >
      {pct}%<span className="sr-only"> utilisation, {BAND_LABEL[result.band]}</span>
    </span>
  );
}

function LabelEditor({ id, initial }: { id: string; initial: string }) {
  const store = useEditorStore();
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = useCallback(
    (commit: boolean) => {
      if (done.current) return;
      done.current = true;
      const s = store.getState();
      if (commit && ref.current) {
        const result = s.renameNode(id, ref.current.value);
        if (!result.ok) s.notify(result.issues[0]?.message ?? 'That name cannot be used.', 'error');
      }
      s.stopEditingLabel();
      // Give focus back to the node so keyboard work carries on from it.
      requestAnimationFrame(() => {
        const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        el?.focus();
      });
    },
    [id, store],
  );
  return (
    <input
      ref={ref}
      defaultValue={initial}
      aria-label="Component name"
      maxLength={200}
      // nodrag/nopan: typing and selecting text must not move the node or the canvas.
      className="nodrag nopan w-full min-w-0 rounded border border-brand-500 bg-white px-1 py-0.5 text-sm font-semibold text-slate-900 outline-none"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}

/** The card's utilisation pill, subscribed on its own: a new result re-renders it, not the card's body. */
function LivePill({ id }: { id: string }) {
  const result = useEditor(useMemo(() => selectNodeResult(id), [id]));
  return result ? <ResultPill result={result} /> : null;
}

/**
 * Everything inside the card but its result outline and badges: handles,
 * icon, name, detail line. Memoised on the design's data, so a new
 * evaluation (a stage switch recolours every card) re-renders only the
 * outline and the pill, not the handles and the text.
 */
const CardBody = memo(function CardBody({
  id,
  data,
  editing,
  readOnly,
  failed,
}: {
  id: string;
  data: EditorNode['data'];
  editing: boolean;
  readOnly: boolean;
  failed: boolean;
}) {
  const spec = CATALOG[data.kind];
  const label = displayLabel(data);
  const capacity = capacityLine(data);
  // Name the kind only when the label does not already say it ("App servers" does, "Static assets" does not).
  const showKind = !label.toLowerCase().includes(spec.label.toLowerCase());
  // "Redis" after the kind; "generic" (quieter) for a kind that offers a choice but has none.
  const tech = technologyTag(data.kind, data.params.technology);
  const receives = canReceive(data.kind);
  const sends = canSend(data.kind);
  return (
    <>
      {/* Both handles always exist so any stored edge can attach; the ones a kind cannot use are hidden and inert. */}
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={receives && !readOnly}
        className={`sl-handle ${receives ? '' : 'sl-handle-off'}`}
        title={receives && !readOnly ? `Connect to ${label}` : undefined}
      />
      <span className={`grid h-10 w-10 shrink-0 place-items-center rounded-md ${GROUP_TILE[spec.group]} ${failed ? 'opacity-40 grayscale' : ''}`}>
        <KindIcon kind={data.kind} className="h-6 w-6" />
      </span>
      {/* The name has the card's full width (two lines at most); the utilisation pill sits on the capacity line, so it never cuts the name short. */}
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="flex min-w-0 items-center gap-1.5">
          {editing ? (
            <LabelEditor id={id} initial={label} />
          ) : (
            <span
              className={`line-clamp-2 text-sm font-semibold leading-tight break-words ${failed ? 'text-slate-600 line-through' : 'text-slate-900'}`}
              title={label}
              data-node-name=""
            >
              {label}
            </span>
          )}
        </span>
        <span className="flex min-w-0 items-center gap-1.5">
          <span className="min-w-0 truncate text-xs text-slate-600" data-node-detail="">
            {showKind ? spec.label : ''}
            {tech ? (
              <>
                {showKind ? ' · ' : ''}
                <span className={tech.generic ? 'italic' : 'font-medium text-slate-800'} data-node-technology={tech.generic ? 'generic' : data.params.technology}>
                  {tech.text}
                </span>
              </>
            ) : null}
            {capacity ? `${showKind || tech ? ' · ' : ''}${capacity}` : ''}
          </span>
          {/* Results slot: filled by live scoring through the store's `results` slice. */}
          <LivePill id={id} />
        </span>
      </span>
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={sends && !readOnly}
        className={`sl-handle ${sends ? '' : 'sl-handle-off'}`}
        title={sends && !readOnly ? `Connect from ${label}` : undefined}
      />
    </>
  );
});

function KindNodeCard({ id, data, selected }: NodeProps<EditorNode>) {
  // Per-node selectors: a card re-renders when its own result or editing state changes, not when another's does.
  const result = useEditor(useMemo(() => selectNodeResult(id), [id]));
  const editing = useEditor(useMemo(() => selectIsEditingLabel(id), [id]));
  const readOnly = useEditor(selectReadOnly);
  const locked = useEditor(useCallback((st: EditorState) => st.ui.lockedNodeIds.includes(id), [id]));
  const whatIf = useScoringView(
    useCallback((v: ScoringView) => {
      const c = shownComparison(v);
      return c ? nodeMark(c, id) : null;
    }, [id]),
  );
  const failed = whatIf === 'failed';

  return (
    <div
      className={`relative flex h-20 w-52 items-center gap-2.5 rounded-lg border bg-white px-2.5 shadow-sm transition-shadow ${
        result ? BAND_CARD[result.band] : ''
      } ${selected ? 'border-brand-600 ring-2 ring-brand-500/40' : result ? '' : 'border-slate-300'} ${
        failed ? 'border-dashed !border-saturated !bg-slate-100' : whatIf === 'saturates' ? 'ring-2 ring-saturated/60' : ''
      }`}
      data-band={result?.band}
      data-what-if={whatIf ?? undefined}
      data-utilisation={result?.utilization}
    >
      {result ? <ResultBadges result={result} /> : null}
      {whatIf ? <WhatIfBadge mark={whatIf} /> : null}
      {locked ? (
        <span
          className="pointer-events-none absolute -top-2.5 right-3 inline-flex items-center gap-1 rounded border border-slate-400 bg-white px-1.5 py-0.5 text-[10px] font-semibold leading-none text-slate-700"
          data-badge="locked"
          title="Locked by the instructor: connect to it, but it cannot be moved, changed or removed"
        >
          <svg viewBox="0 0 12 12" className="h-2.5 w-2.5" fill="none" stroke="currentColor" strokeWidth={1.4} aria-hidden="true">
            <rect x="2" y="5.5" width="8" height="5" rx="1" />
            <path d="M4 5.5V4a2 2 0 0 1 4 0v1.5" />
          </svg>
          Locked<span className="sr-only"> by the instructor</span>
        </span>
      ) : null}
      <CardBody id={id} data={data} editing={editing} readOnly={readOnly} failed={failed} />
    </div>
  );
}

/** The canvas card of every component kind. Memoised: React Flow re-renders a node only when its props change. */
export const KindNode = memo(KindNodeCard);
