import { findScenario, toPublicScenario } from '@/lib/classroom/scenarios/repository';
import { json, notFound } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** A scenario as students see it (never the reference design or the key). */
export const GET = route(async (_req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const rec = await findScenario(slug);
  if (!rec) return notFound();
  return json(toPublicScenario(rec));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
