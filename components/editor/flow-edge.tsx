'use client';

import { memo, useCallback, useMemo, useState } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { selectEdgeResult } from '@/lib/editor/scoring';
import { formatRps } from '@/lib/shared/format';
import type { EditorEdge } from '@/lib/editor/types';
import type { ScoringView } from '@/lib/editor/scoring';
import { edgeMark, shownComparison, type WhatIfEdgeMark } from '@/lib/editor/what-if-view';
import { useScoringView } from '@/components/results/scoring-context';
import type { EdgeParams } from '@/lib/engine/data';
import { useEditor } from './editor-provider';
import { useEdgeGeometry } from './traffic-layer';

function edgeNote(params: EdgeParams): string {
  const parts: string[] = [];
  if (params.share !== undefined) parts.push(`${Math.round(params.share * 100)}%`);
  if (params.latencyMs !== undefined) parts.push(`${params.latencyMs} ms`);
  return parts.join(' · ');
}

/** How a connection looks under a chosen what-if: stroke, dashes and the label that says what happens to its traffic. */
const WHAT_IF_STYLE: Record<WhatIfEdgeMark['kind'], { stroke: string; dash?: string; label?: (m: WhatIfEdgeMark) => string; tone: string }> = {
  lost: { stroke: 'var(--color-saturated)', dash: '6 5', label: (m) => `${formatRps(m.before)} lost`, tone: 'border-red-300 text-saturated' },
  overload: { stroke: 'var(--color-saturated)', label: (m) => `+${formatRps(m.after - m.before)} into an overloaded component`, tone: 'border-red-300 text-saturated' },
  rerouted: { stroke: 'var(--color-warm)', label: (m) => `+${formatRps(m.after - m.before)} rerouted`, tone: 'border-amber-300 text-amber-800' },
  // A bigger or slower load moves every connection: coloured only, the figure on hover, so the canvas stays readable.
  more: { stroke: 'var(--color-warm)', tone: 'border-amber-300 text-amber-800' },
  less: { stroke: '#cbd5e1', tone: 'border-slate-200 text-slate-600' },
};

function FlowEdgeView({
  id,
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  selected,
  markerEnd,
}: EdgeProps<EditorEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  // Where it runs, for the traffic animation's one canvas (traffic-layer.tsx).
  useEdgeGeometry(id, sourceX, sourceY, targetX, targetY);
  // Live scoring: thicker with traffic, requests per second on hover or when selected.
  const result = useEditor(useMemo(() => selectEdgeResult(id), [id]));
  // A chosen what-if: a primitive key, so the edge re-renders only when its own mark changes.
  const markKey = useScoringView(
    useCallback(
      (v: ScoringView) => {
        const c = shownComparison(v);
        const m = c ? edgeMark(c, id, source, target) : null;
        return m ? `${m.kind}\u0001${m.before}\u0001${m.after}` : null;
      },
      [id, source, target],
    ),
  );
  const mark: WhatIfEdgeMark | null = markKey
    ? (([kind, before, after]) => ({ kind: kind as WhatIfEdgeMark['kind'], before: Number(before), after: Number(after) }))(markKey.split('\u0001'))
    : null;
  const look = mark ? WHAT_IF_STYLE[mark.kind] : null;
  const [hover, setHover] = useState(false);
  const params = data ? edgeNote(data.params) : '';
  const whatIfNote = mark && look?.label ? look.label(mark) : '';
  const rate = (hover || selected) && !whatIfNote ? (mark ? `${formatRps(mark.before)} → ${formatRps(mark.after)}` : result ? formatRps(result.rps) : '') : '';
  const note = [params, rate, whatIfNote].filter(Boolean).join(' · ');
  // Markers scale with the stroke, so the range stays modest: 1.5–4 px.
  const width = result ? 1.5 + result.weight * 2.5 : 1.75;
  const stroke = selected ? 'var(--color-brand-600)' : (look?.stroke ?? '#64748b');
  return (
    <g onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)} data-what-if={mark?.kind}>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={24}
        style={{ stroke, strokeWidth: selected ? width + 0.75 : width, strokeDasharray: look?.dash }}
      />
      {note ? (
        <EdgeLabelRenderer>
          <div
            className={`nodrag nopan pointer-events-none absolute rounded border bg-white px-1.5 py-0.5 font-mono text-[11px] shadow-sm ${look?.tone ?? 'border-slate-200 text-slate-700'}`}
            data-edge-note={id}
            // Above the cards: on a tight layout the middle of a connection is under a card's edge.
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 1001 }}
          >
            {note}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </g>
  );
}

/** A traffic connection; shows its share and latency when the user set them. */
export const FlowEdge = memo(FlowEdgeView);
