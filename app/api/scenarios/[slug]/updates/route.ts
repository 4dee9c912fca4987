import { findScenario } from '@/lib/classroom/scenarios/repository';
import { revisionsOf } from '@/lib/classroom/scenarios/revisions';
import { json, notFound } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** What the instructor changed since publishing, as students may read it (never the reference or the rubric), newest first. */
export const GET = route(async (_req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const rec = await findScenario(slug);
  if (!rec) return notFound();
  const revisions = await revisionsOf(rec, { students: true, take: 20 });
  return json({ updates: revisions.map((r) => ({ id: r.id, at: r.at, changes: r.changes, reason: r.reason })) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
