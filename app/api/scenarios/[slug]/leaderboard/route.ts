import { findScenario, leaderboard } from '@/lib/scenarios/repository';
import { fail, json, notFound } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Names and latest scores only, when the instructor turned the leaderboard on and scores are visible. */
export const GET = route(async (_req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const rec = await findScenario(slug);
  if (!rec) return notFound();
  const entries = await leaderboard(rec);
  if (!entries) return fail(404, 'This scenario has no leaderboard, or its scores are not released yet.');
  return json({ entries });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
