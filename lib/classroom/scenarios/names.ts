/**
 * Student names within a scenario: how two names are compared (unique per
 * scenario, ignoring case, spacing and invisible characters) and what the
 * leaderboard shows of a name under the instructor's policy. Client-safe.
 */

/** What the leaderboard shows of each student's name. */
export const LEADERBOARD_NAMES = ['initials', 'full', 'hidden'] as const;
export type LeaderboardNames = (typeof LEADERBOARD_NAMES)[number];

/** The instructor's choices, as the dashboard names them. */
export const LEADERBOARD_NAMES_LABELS: Record<LeaderboardNames, string> = {
  initials: 'Initials only (A. S.)',
  full: 'Full display names',
  hidden: 'No names (ranks and scores only)',
};

// Zero-width spaces, joiners, soft hyphens and the like: invisible, so two
// names differing only in them look the same on a dashboard.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * A name folded for comparison: compatibility-normalised (full-width letters
 * as plain ones), invisible characters dropped, white space collapsed,
 * lower case. "Ava  Smith", "ava smith" and "ＡＶＡ Smith" are one name.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** "Ava Smith" → "A. S."; "ava.smith@school.edu" → "A. S."; at most three letters. */
export function initialsOf(name: string): string {
  const local = name.includes('@') ? name.slice(0, name.indexOf('@')) : name;
  // The first letter or digit of each word ("(demo)" gives "D").
  const letters = local
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .split(/[\s._-]+/)
    .map((p) => /[\p{L}\p{N}]/u.exec(p)?.[0])
    .filter((c): c is string => c !== undefined);
  if (letters.length === 0) return '?';
  const chosen = letters.length > 3 ? [letters[0], letters[1], letters[letters.length - 1]] : letters;
  return chosen.map((c) => `${c.toLocaleUpperCase()}.`).join(' ');
}

/** The name a leaderboard row shows under `policy`; the asker's own row says "You" when names are hidden. */
export function leaderboardName(name: string, policy: LeaderboardNames, you = false): string {
  if (policy === 'full') return name.includes('@') ? name.slice(0, name.indexOf('@')) : name;
  if (policy === 'initials') return initialsOf(name);
  return you ? 'You' : 'Student';
}
