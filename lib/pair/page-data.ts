import 'server-only';
import { db } from '@/lib/db';
import { ID_PATTERN } from '@/lib/ids';
import { getProblem } from '@/lib/interview/problems';
import type { Problem } from '@/lib/interview/schema';

/** The problem a pair session is on, for its pages (the session's id alone reveals no more than that). */
export async function findPairProblem(id: string): Promise<Problem | null> {
  if (!ID_PATTERN.test(id)) return null;
  const row = await db().pairSession.findUnique({ where: { id }, select: { problemId: true } });
  return row ? getProblem(row.problemId) : null;
}
