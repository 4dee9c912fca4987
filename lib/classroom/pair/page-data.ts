import 'server-only';
import { db } from '@/lib/server/db';
import { ID_PATTERN } from '@/lib/shared/ids';
import { getProblem } from '@/lib/interview/problems';
import type { Problem } from '@/lib/interview/schema';
import * as Y from 'yjs';
import { fromBase64, readPair } from './doc';

/** The problem a pair session is on, for its pages (the session's id alone reveals no more than that). */
export async function findPairProblem(id: string): Promise<Problem | null> {
  if (!ID_PATTERN.test(id)) return null;
  const row = await db().pairSession.findUnique({ where: { id }, select: { problemId: true } });
  return row ? getProblem(row.problemId) : null;
}

/**
 * The problem and whether the interview has ended, for the candidate's page:
 * until the interviewer ends it the candidate gets the problem as the solo
 * mock does (no hidden requirements or answers); after, the review needs the
 * whole problem, as the solo mock's review page has it.
 */
export async function findPairForCandidate(id: string): Promise<{ problem: Problem; ended: boolean } | null> {
  if (!ID_PATTERN.test(id)) return null;
  const row = await db().pairSession.findUnique({ where: { id }, select: { problemId: true, state: true } });
  const problem = row ? getProblem(row.problemId) : null;
  if (!row || !problem) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, fromBase64(row.state));
    return { problem, ended: (readPair(doc, problem, id)?.attempt.finishedAt ?? null) !== null };
  } finally {
    doc.destroy();
  }
}
