'use client';

import { memo, useMemo, useState } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { selectEdgeResult } from '@/lib/editor/scoring';
import { formatRps } from '@/lib/format';
import type { EditorEdge } from '@/lib/editor/types';
import type { EdgeParams } from '@/lib/engine/data';
import { TrafficDots } from '@/components/results/traffic-dots';
import { useEditor } from './editor-provider';

function edgeNote(params: EdgeParams): string {
  const parts: string[] = [];
  if (params.share !== undefined) parts.push(`${Math.round(params.share * 100)}%`);
  if (params.latencyMs !== undefined) parts.push(`${params.latencyMs} ms`);
  return parts.join(' · ');
}

function FlowEdgeView({
  id,
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
  // Live scoring: thicker with traffic, requests per second on hover or when selected.
  const result = useEditor(useMemo(() => selectEdgeResult(id), [id]));
  const [hover, setHover] = useState(false);
  const params = data ? edgeNote(data.params) : '';
  const rate = result && (hover || selected) ? formatRps(result.rps) : '';
  const note = [params, rate].filter(Boolean).join(' · ');
  // Markers scale with the stroke, so the range stays modest: 1.5–4 px.
  const width = result ? 1.5 + result.weight * 2.5 : 1.75;
  return (
    <g onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={24}
        style={{ stroke: selected ? 'var(--color-brand-600)' : '#64748b', strokeWidth: selected ? width + 0.75 : width }}
      />
      <TrafficDots edgeId={id} path={path} />
      {note ? (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-none absolute rounded border border-slate-200 bg-white px-1.5 py-0.5 font-mono text-[11px] text-slate-700 shadow-sm"
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
