import { NextResponse } from 'next/server';
import { loadDesign, sweepDesignsNowAndThen } from '@/lib/server/designs';
import { echoed, errorResponse, otherMethods, route } from '@/lib/server/http';

/**
 * Answers a saved design document, or 404 (unknown and expired alike).
 * Opening it counts as a view, which keeps it (README, "Limits and retention").
 */
export const GET = route(async (_req: Request, ctx: RouteContext<'/api/designs/[id]'>) => {
  const { id } = await ctx.params;
  const saved = await loadDesign(id, { recordView: true });
  sweepDesignsNowAndThen();
  if (!saved) return errorResponse(404, `No design with id "${echoed(id)}".`);
  // A saved document never changes, but a design nobody opens expires: a
  // cache may keep it a day, the interval at which views are recorded, so a
  // link opened through a shared cache still counts as viewed.
  return NextResponse.json(saved.design, { headers: { 'cache-control': 'public, max-age=86400' } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
