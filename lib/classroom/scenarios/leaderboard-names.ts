import 'server-only';
import { authorizeStudent, type LeaderboardRow, type ScenarioRecord } from './repository';
import { leaderboardName } from './names';

/**
 * The leaderboard as the student link may show it: each name cut down to
 * what the instructor allows (initials by default, full names, or none),
 * and the asker's own row marked when they send their token. Ranks and
 * scores are left as the leaderboard computed them.
 */
export async function withNamePolicy(
  rec: ScenarioRecord,
  board: { entries: LeaderboardRow[]; note: string | null },
  studentToken: string | null,
): Promise<{ entries: LeaderboardRow[]; note: string | null; names: ScenarioRecord['config']['leaderboardNames'] }> {
  const policy = rec.config.leaderboardNames;
  // A public sample shows only its made-up demo students and the asker (lib/classroom/scenarios/repository.ts): no one else's name.
  if (rec.row.isSample) return { ...board, names: 'full' };
  let me: string | null = null;
  if (studentToken && !rec.row.isSample) {
    // Names are unique within a scenario, so the asker's row is the one with their name.
    const auth = await authorizeStudent(rec.row.slug, studentToken).catch(() => null);
    me = auth?.student.displayName ?? null;
  }
  const entries = board.entries.map((e) => {
    const you = e.you ?? (me !== null && e.displayName === me ? true : undefined);
    return { ...e, displayName: leaderboardName(e.displayName, policy, you === true), ...(you ? { you } : {}) };
  });
  return { ...board, entries, names: policy };
}
