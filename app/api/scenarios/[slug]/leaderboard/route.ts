import { findScenario, LEADERBOARD_TIE_BREAK, leaderboardFor } from '@/lib/classroom/scenarios/repository';
import { withNamePolicy } from '@/lib/classroom/scenarios/leaderboard-names';
import { fail, json, notFound, studentTokenOf } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * Names and latest scores only, when the instructor turned the leaderboard
 * on and scores are visible. On a public sample: the demo students and the
 * asker (send `X-Student-Token`), never other visitors; `note` says so.
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const rec = await findScenario(slug);
  if (!rec) return notFound();
  const board = await leaderboardFor(rec, studentTokenOf(req));
  if (!board) return fail(404, 'This scenario has no leaderboard, or its scores are not released yet.');
  // Names only as far as the instructor allows (initials by default).
  return json({ ...(await withNamePolicy(rec, board, studentTokenOf(req))), tieBreak: LEADERBOARD_TIE_BREAK });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
