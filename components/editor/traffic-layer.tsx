'use client';

import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useReducedMotion } from '@/components/results/use-reduced-motion';
import { useScoringView } from '@/components/results/scoring-context';

/** Seconds for a dot to travel one connection. */
const TRAVEL_S = 2.4;
/** A dot's radius, canvas units (it scales with the zoom, as the cards do). */
const DOT_R = 3;
/** React Flow's bezier curvature (getBezierPath's default). */
const CURVATURE = 0.25;

/** Where a connection runs: its end points, canvas units (from the edge's own render). */
export interface EdgeGeometry {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

/*
 * Each flow's connections register where they run; the traffic layer reads
 * them every frame. Keyed by React Flow's store (its `getState`: the object
 * `useStoreApi` returns is a new one in each component), so two editors on
 * one page keep their own.
 */
const registries = new WeakMap<object, Map<string, EdgeGeometry>>();
export function edgeRegistry(flow: { getState: object }): Map<string, EdgeGeometry> {
  let map = registries.get(flow.getState);
  if (!map) registries.set(flow.getState, (map = new Map()));
  return map;
}

/** Registers a connection's end points while it is drawn (flow-edge.tsx). */
export function useEdgeGeometry(id: string, sx: number, sy: number, tx: number, ty: number): void {
  const flow = useStoreApi();
  useEffect(() => {
    const registry = edgeRegistry(flow);
    registry.set(id, { sx, sy, tx, ty });
  }, [flow, id, sx, sy, tx, ty]);
  useEffect(() => () => void edgeRegistry(flow).delete(id), [flow, id]);
}

/** The point at `t` (0–1) of the bezier React Flow draws from a right-hand handle to a left-hand one. */
export function pointOnEdge(g: EdgeGeometry, t: number): { x: number; y: number } {
  const d = g.tx - g.sx;
  const offset = d >= 0 ? 0.5 * d : CURVATURE * 25 * Math.sqrt(-d);
  const c1x = g.sx + offset;
  const c2x = g.tx - offset;
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const e = t * t * t;
  return { x: a * g.sx + b * c1x + c * c2x + e * g.tx, y: a * g.sy + b * g.sy + c * g.ty + e * g.ty };
}

/** Dots on a connection: more for more requests (1–4, log-scaled against the busiest connection). */
export function dotsFor(rps: number, max: number): number {
  if (!(rps > 0) || !(max > 0)) return 0;
  return 1 + Math.round((Math.log10(1 + rps) / Math.log10(1 + max)) * 3);
}

/**
 * Animated traffic, from the seeded simulation: dots travel each connection,
 * more for more requests. All of them are drawn on one canvas over the flow,
 * once per frame: animating hundreds of SVG dots inside the edges made every
 * frame repaint and re-layer the edges (a drag of one card at 300 components
 * fell to about 20 frames a second). Off unless the traffic toggle is on;
 * never moves when the user asked for reduced motion (the toggle then shows a
 * note instead).
 */
export function TrafficLayer() {
  const flow = useStoreApi();
  const edges = useScoringView((v) => (v.traffic && v.simulation?.status === 'ready' ? (v.simulation.value?.edges ?? null) : null));
  const reduced = useReducedMotion();
  const ref = useRef<HTMLCanvasElement>(null);
  const on = edges !== null && !reduced;

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!on || !canvas || !ctx || !edges) return;
    let max = 0;
    for (const v of Object.values(edges)) if (v > max) max = v;
    const colour = getComputedStyle(canvas).getPropertyValue('--color-brand-500').trim() || '#3b6cf6';
    const registry = edgeRegistry(flow);
    let frame = 0;
    const draw = (now: number) => {
      frame = requestAnimationFrame(draw);
      const { width, height, transform } = flow.getState();
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(width * dpr);
      const h = Math.round(height * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const [x, y, zoom] = transform;
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * x, dpr * y);
      ctx.fillStyle = colour;
      ctx.beginPath();
      const phase = now / 1000 / TRAVEL_S;
      for (const [id, g] of registry) {
        const n = dotsFor(edges[id] ?? 0, max);
        for (let i = 0; i < n; i++) {
          const t = (phase + i / n) % 1;
          const p = pointOnEdge(g, t);
          ctx.moveTo(p.x + DOT_R, p.y);
          ctx.arc(p.x, p.y, DOT_R, 0, Math.PI * 2);
        }
      }
      ctx.fill();
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    };
  }, [on, edges, flow]);

  if (!on) return null;
  return <canvas ref={ref} aria-hidden="true" data-traffic="" className="pointer-events-none absolute inset-0 z-[3] h-full w-full" />;
}
