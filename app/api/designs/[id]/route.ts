import { NextResponse } from 'next/server';
import { loadDesign } from '@/lib/designs';
import { echoed, errorResponse, otherMethods, route } from '@/lib/http';

/** Answers a saved design document, or 404. */
export const GET = route(async (_req: Request, ctx: RouteContext<'/api/designs/[id]'>) => {
  const { id } = await ctx.params;
  const saved = await loadDesign(id);
  if (!saved) return errorResponse(404, `No design with id "${echoed(id)}".`);
  // Saved designs never change, so they may be cached for a long time.
  return NextResponse.json(saved.design, { headers: { 'cache-control': 'public, max-age=31536000, immutable' } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
