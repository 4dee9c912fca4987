import 'server-only';
import * as Y from 'yjs';
import { z } from 'zod';
import { db } from '@/lib/server/db';
import { ID_PATTERN, randomId } from '@/lib/shared/ids';
import { DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES } from '@/lib/interview/attempt';
import { DEFAULT_LEVEL, LEVELS } from '@/lib/interview/levels';
import { getProblem } from '@/lib/interview/problems';
import type { Problem } from '@/lib/interview/schema';
import { publish } from '@/lib/server/live/channel';
import { hashSecret, newSecret, secretMatches } from '@/lib/classroom/scenarios/secrets';
import { hitRateLimit, type RateHit, type RateRule } from '@/lib/classroom/scenarios/rate-limit';
import { checkUpdate, MAX_UPDATE_BYTES } from './check';
import { createPairDoc, fromBase64, toBase64, type Role } from './doc';

/** The live channel's topic of a session. */
export const pairTopic = (id: string) => `pair:${id}`;

export const createPairSchema = z.strictObject({
  problemId: z.string().min(1).max(100),
  level: z.enum(LEVELS).default(DEFAULT_LEVEL),
  minutes: z.number().int().min(MIN_MINUTES).max(MAX_MINUTES).default(DEFAULT_MINUTES),
});

/** The base64 of one update: 4/3 of MAX_UPDATE_BYTES, and the JSON around it. */
export const MAX_UPDATE_BODY_BYTES = Math.ceil((MAX_UPDATE_BYTES * 4) / 3) + 1024;
export const updateSchema = z.strictObject({
  update: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_UPDATE_BYTES * 4) / 3), { error: `update must be at most ${MAX_UPDATE_BYTES / 1024} KB` })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'update must be base64' }),
});

export const MAX_NOTES_CHARS = 20_000;
export const notesSchema = z.strictObject({
  interviewerNotes: z.string().max(MAX_NOTES_CHARS, { error: `interviewerNotes must be at most ${MAX_NOTES_CHARS.toLocaleString('en-US')} characters` }),
});

const MINUTE = 60;
const HOUR = 3600;

/**
 * Pair interview limits (README, "Limits and retention"). Starting one
 * writes a row of a few KB: 30 an hour from one address covers a team
 * running interviews back to back. A browser sends its edits at most every
 * 200 ms (5 a second); 600 a minute per session and side is twice that.
 */
export const PAIR_RULES = {
  create: { name: 'pair-create', per: 'address', limit: 30, windowSeconds: HOUR } as const satisfies RateRule,
  update: { name: 'pair-update', limit: 600, windowSeconds: MINUTE } as const satisfies RateRule,
};

export function createHits(address: string): RateHit[] {
  return [{ rule: PAIR_RULES.create, subject: address }];
}
export function updateHits(sessionId: string, role: Role): RateHit[] {
  return [{ rule: PAIR_RULES.update, subject: `${sessionId}:${role}` }];
}

export type PairRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>['pairSession']['findUnique']>>>;

export async function createPairSession(input: z.output<typeof createPairSchema>, now = Date.now()) {
  const problem = getProblem(input.problemId);
  if (!problem) return null;
  const interviewerKey = newSecret();
  const candidateToken = newSecret();
  const doc = createPairDoc(problem, { level: input.level, minutes: input.minutes, now });
  const row = await db().pairSession.create({
    data: {
      id: randomId(12),
      problemId: problem.id,
      level: input.level,
      interviewerKeyHash: hashSecret(interviewerKey),
      candidateTokenHash: hashSecret(candidateToken),
      streamKey: newSecret(),
      state: toBase64(Y.encodeStateAsUpdate(doc)),
    },
  });
  return { row, interviewerKey, candidateToken };
}

/** The interviewer's key as `X-Pair-Key`, the candidate's token as `X-Pair-Token`. */
export function credentialsOf(req: Request): { key: string | null; token: string | null } {
  return {
    key: req.headers.get('x-pair-key')?.trim() || null,
    token: req.headers.get('x-pair-token')?.trim() || null,
  };
}

/** The session and who is asking, or null: an unknown session, another session's key, no credential. */
export async function authorizePair(id: string, req: Request): Promise<{ row: PairRow; role: Role; problem: Problem } | null> {
  const { key, token } = credentialsOf(req);
  // Only a well-formed id reaches the database (PostgreSQL refuses text holding a NUL byte, which is a 500, not a 404).
  const row = ID_PATTERN.test(id) ? await db().pairSession.findUnique({ where: { id } }) : null;
  // Both compared whatever is presented, so an answer takes as long either way.
  const isInterviewer = secretMatches(key, row?.interviewerKeyHash);
  const isCandidate = secretMatches(token, row?.candidateTokenHash);
  if (!row) return null;
  const problem = getProblem(row.problemId);
  if (!problem) return null;
  if (isInterviewer) return { row, role: 'interviewer', problem };
  if (isCandidate) return { row, role: 'candidate', problem };
  return null;
}

export async function findPairForStream(id: string, streamKey: string | null): Promise<PairRow | null> {
  // Only a well-formed id reaches the database (PostgreSQL refuses text holding a NUL byte, which is a 500, not a 404).
  const row = ID_PATTERN.test(id) ? await db().pairSession.findUnique({ where: { id } }) : null;
  if (!row || !streamKey) return null;
  // The stream key is stored as it is (it grants reading only); compared in constant time all the same.
  return secretMatches(streamKey, hashSecret(row.streamKey)) ? row : null;
}

export type UpdateOutcome =
  | { ok: true; eventId: string }
  | { ok: false; status: 403 | 409 | 413 | 422 | 503; error: string };

/**
 * Checks one update against the session's merged state, merges it in
 * (guarded by `version`, retried when another instance merged first) and
 * only then publishes it on the live channel: every published update is
 * already in the state a late joiner loads, so nothing is lost between the
 * two.
 */
export async function applyPairUpdate(first: PairRow, role: Role, problem: Problem, updateB64: string): Promise<UpdateOutcome> {
  const update = fromBase64(updateB64);
  if (update.byteLength > MAX_UPDATE_BYTES) return { ok: false, status: 413, error: `An update may be at most ${MAX_UPDATE_BYTES / 1024} KB.` };
  let row: PairRow | null = first;
  for (let attempt = 0; attempt < 8 && row; attempt++) {
    const r = checkUpdate(fromBase64(row.state), update, role, problem, row.id);
    if (!r.ok) return r;
    const written = await db().pairSession.updateMany({
      where: { id: row.id, version: row.version },
      data: { state: toBase64(r.state), version: { increment: 1 } },
    });
    if (written.count === 1) {
      const event = await publish(pairTopic(row.id), 'update', { update: updateB64, by: role });
      return { ok: true, eventId: event.id };
    }
    row = await db().pairSession.findUnique({ where: { id: first.id } });
  }
  return { ok: false, status: 503, error: 'The interview is being changed from several places at once; try again in a moment.' };
}

export async function setInterviewerNotes(row: PairRow, notes: string) {
  await db().pairSession.update({ where: { id: row.id }, data: { interviewerNotes: notes } });
}

/**
 * A pair session nobody changed for this many days is deleted: its links
 * then answer 404. An interview lasts an hour; a month leaves time to read
 * the review and the interviewer's notes again.
 */
export const PAIR_RETENTION_DAYS = 30;

/** Deletes sessions not changed for PAIR_RETENTION_DAYS (a change re-checks the date, so a session used meanwhile stays). */
export async function sweepStalePairSessions(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - PAIR_RETENTION_DAYS * 86_400_000);
  const { count } = await db().pairSession.deleteMany({ where: { updatedAt: { lt: cutoff } } });
  return count;
}

/** One sweep per 10 minutes across all instances: the first to count a hit here runs it (as for shared designs). */
const PAIR_SWEEP_TURN: RateRule = { name: 'pair-sweep', limit: 1, windowSeconds: 600 };
let nextPairSweepCheck = 0;

/** Runs the sweep in the background now and then (called when a session is created). */
export function sweepPairsNowAndThen(now = new Date()): void {
  if (now.getTime() < nextPairSweepCheck) return;
  nextPairSweepCheck = now.getTime() + PAIR_SWEEP_TURN.windowSeconds * 1000;
  void (async () => {
    const turn = await hitRateLimit(PAIR_SWEEP_TURN, 'all', now);
    if (turn.ok) await sweepStalePairSessions(now);
  })().catch((e: unknown) => console.error('the sweep of old pair interviews failed (the next one tries again):', e));
}
