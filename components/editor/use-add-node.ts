'use client';

import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { CATALOG, type Kind } from '@/lib/engine/data';
import { cardInside, freeSpotNear, GRID, NODE_HEIGHT, NODE_WIDTH, type FlowRect } from '@/lib/editor/layout';
import type { XY } from '@/lib/editor/types';
import { useEditorStore } from './editor-provider';

export const CANVAS_SELECTOR = '[data-editor-canvas]';

const snap = (v: number) => Math.round(v / GRID) * GRID;

/**
 * Adds a component where it was dropped (`client`, screen px) or, for a tap
 * or Enter in the palette, at the centre of the visible canvas, stepping
 * aside from any card already there so repeated adds do not stack. The
 * step aside keeps to the part of the canvas in view when there is room
 * there, and otherwise the view pans to the new card: a component added
 * with a tap on a phone must not land off-screen.
 */
export function useAddNode() {
  const store = useEditorStore();
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  return useCallback(
    (kind: Kind, client?: XY) => {
      let point = client;
      let view: FlowRect | undefined;
      if (!point) {
        const rect = document.querySelector(CANVAS_SELECTOR)?.getBoundingClientRect();
        point = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 };
        if (rect && rect.width > 0 && rect.height > 0) {
          const topLeft = screenToFlowPosition({ x: rect.left, y: rect.top });
          const bottomRight = screenToFlowPosition({ x: rect.right, y: rect.bottom });
          view = { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
        }
      }
      const flow = screenToFlowPosition(point);
      let at = { x: snap(flow.x - NODE_WIDTH / 2), y: snap(flow.y - NODE_HEIGHT / 2) };
      if (!client) at = freeSpotNear(at, store.getState().graph.nodes.map((n) => n.position), view);
      const s = store.getState();
      const id = s.addNode(kind, at);
      if (!id) return id;
      const node = store.getState().graph.nodes.find((n) => n.id === id);
      s.announce(`Added ${node?.data.label ?? CATALOG[kind].label} to the canvas.`);
      const placed = node?.position ?? at;
      if (view && !cardInside(placed, view)) void setCenter(placed.x + NODE_WIDTH / 2, placed.y + NODE_HEIGHT / 2, { zoom: getZoom() });
      return id;
    },
    [store, screenToFlowPosition, setCenter, getZoom],
  );
}
