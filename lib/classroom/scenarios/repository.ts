import 'server-only';
import { db } from '../../server/db';
import { ApiError } from '../../server/http';
import { ID_PATTERN, randomId } from '../../shared/ids';
import type { Design } from '../../engine/data';
import type { Scenario as ScenarioRow } from '../../generated/sqlite/client';
import { evaluateDesign } from './engine';
import { gradeDesign, type ScenarioGrade } from './grading';
import { gradeInPool, GradingBusy, GradingTimeout } from './grading-pool';
import {
  resolveTargets,
  storedScenarioConfigSchema,
  scoresVisible,
  SECRET_PATTERN,
  SLUG_PATTERN,
  type CreateScenario,
  type ManagePatch,
  type PublicScenario,
  type ScenarioConfig,
  type ScenarioStatus,
  type ScoreVisibility,
} from './schema';
import { hitRateLimits, type RateDecision, type RateHit } from './rate-limit';
import { sampleBySlug, type SampleScenario } from './sample-definitions';
import { hashSecret, newSecret, secretMatches } from './secrets';
import { seedSampleScenarios } from './seed';
import { authorizeCoInstructor, type ManageAccess } from './access';
import { nameKey } from './names';

/**
 * Scenarios, students and submissions in the database. Every function takes
 * validated input (lib/classroom/scenarios/schema.ts); route handlers validate first.
 * A scenario is found by its slug and managed only with its key; an unknown
 * slug and a wrong key give the same `null`, so callers cannot tell them apart.
 */

export interface ScenarioRecord {
  row: ScenarioRow;
  config: ScenarioConfig;
  /** Who was let in to manage it: the owner's key or a co-instructor's (lib/classroom/scenarios/access.ts). */
  access?: ManageAccess;
}

/**
 * Parsed configs by scenario id, with the stored text they were parsed from:
 * validating a config (its designs included) costs more than the rest of a
 * request, and a scenario's config rarely changes. An entry is used only
 * while the row still holds the same text. Callers must not mutate it.
 */
const parsedConfigs = new Map<string, { text: string; config: ScenarioConfig }>();
const PARSED_CONFIGS_KEPT = 1_000;

function parseConfig(row: ScenarioRow): ScenarioConfig {
  const cached = parsedConfigs.get(row.id);
  if (cached && cached.text === row.config) return cached.config;
  const parsed = storedScenarioConfigSchema.safeParse(JSON.parse(row.config));
  if (!parsed.success) throw new Error(`stored config of scenario ${row.id} no longer validates: ${parsed.error.issues[0]?.message}`);
  parsedConfigs.delete(row.id);
  if (parsedConfigs.size >= PARSED_CONFIGS_KEPT) parsedConfigs.delete(parsedConfigs.keys().next().value!);
  parsedConfigs.set(row.id, { text: row.config, config: parsed.data });
  return parsed.data;
}

export function newSlug(): string {
  return randomId(16); // 128 bits
}

/** Stores a validated scenario; answers its slug and the manage key, shown once. */
export async function createScenario(
  input: CreateScenario,
  options: { slug?: string; isSample?: boolean } = {},
): Promise<{ slug: string; manageKey: string }> {
  const manageKey = newSecret();
  const slug = options.slug ?? newSlug();
  await db().scenario.create({
    data: {
      id: randomId(),
      slug,
      manageKeyHash: hashSecret(manageKey),
      title: input.title,
      brief: input.brief,
      config: JSON.stringify(input.config),
      isSample: options.isSample ?? false,
    },
  });
  return { slug, manageKey };
}

let seeding: Promise<unknown> | undefined;

/**
 * Makes sure the built-in samples exist, once per process. `npm start` seeds
 * before serving; this covers every other way of starting (dev, tests, a
 * server started by hand).
 */
export function ensureSampleScenarios(): Promise<unknown> {
  seeding ??= seedSampleScenarios(db()).catch((e: unknown) => {
    seeding = undefined; // try again on the next request
    throw e;
  });
  return seeding;
}

export async function findScenario(slug: string): Promise<ScenarioRecord | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  let row = await db().scenario.findUnique({ where: { slug } });
  if (!row && sampleBySlug(slug)) {
    await ensureSampleScenarios();
    row = await db().scenario.findUnique({ where: { slug } });
  }
  return row ? { row, config: parseConfig(row) } : null;
}

/**
 * The scenario, when `key` is its manage key; otherwise null, after the same
 * constant-time comparison whether or not the scenario exists.
 */
export async function authorizeManage(slug: string, key: string | null): Promise<ScenarioRecord | null> {
  const found = key && SECRET_PATTERN.test(key) ? await findScenario(slug) : null;
  const ok = secretMatches(key, found?.row.manageKeyHash);
  if (ok && found) return { ...found, access: { kind: 'owner' } };
  // A co-instructor's key (checked in the database on every request, so a revoked key is refused at once everywhere).
  return found && key ? authorizeCoInstructor(found, key) : null;
}

export async function rotateManageKey(rec: ScenarioRecord): Promise<string> {
  const manageKey = newSecret();
  await db().scenario.update({ where: { id: rec.row.id }, data: { manageKeyHash: hashSecret(manageKey) } });
  return manageKey;
}

export async function updateScenario(rec: ScenarioRecord, patch: ManagePatch): Promise<ScenarioRecord> {
  const config: ScenarioConfig = {
    ...rec.config,
    ...(patch.leaderboard !== undefined ? { leaderboard: patch.leaderboard } : {}),
    ...(patch.deadline !== undefined ? { deadline: patch.deadline } : {}),
    ...(patch.leaderboardNames !== undefined ? { leaderboardNames: patch.leaderboardNames } : {}),
    ...(patch.latePolicy !== undefined ? { latePolicy: patch.latePolicy } : {}),
    ...(patch.rosterOnly !== undefined ? { rosterOnly: patch.rosterOnly } : {}),
    ...(patch.liveView !== undefined ? { liveView: patch.liveView } : {}),
  };
  const row = await db().scenario.update({
    where: { id: rec.row.id },
    data: {
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.scoresReleased !== undefined ? { scoresReleased: patch.scoresReleased } : {}),
      config: JSON.stringify(config),
    },
  });
  return { row, config };
}

export async function deleteScenario(rec: ScenarioRecord): Promise<void> {
  // Students and submissions go with it (ON DELETE CASCADE).
  await db().scenario.deleteMany({ where: { id: rec.row.id } });
}

/**
 * Why a submission made at `now` would be refused, or null when it would be
 * accepted. `deadline` is a student's own (an extension, lib/classroom/scenarios/deadlines.ts);
 * under the "accept" late policy a passed deadline refuses nothing (the
 * submission is flagged late instead).
 */
export function closedReason(rec: ScenarioRecord, now = new Date(), deadline = rec.config.deadline): string | null {
  if (rec.row.archivedAt) return 'The instructor has archived this scenario; it is read-only.';
  if (rec.row.status !== 'open') return 'The instructor has closed submissions.';
  if (deadline && now.getTime() > Date.parse(deadline) && rec.config.latePolicy !== 'accept') {
    return `The deadline (${deadline}) has passed.`;
  }
  return null;
}

export function toPublicScenario(rec: ScenarioRecord, now = new Date()): PublicScenario {
  const { row, config } = rec;
  const reason = closedReason(rec, now);
  return {
    slug: row.slug,
    title: row.title,
    brief: row.brief,
    status: row.status as ScenarioStatus,
    acceptingSubmissions: reason === null,
    closedReason: reason,
    deadline: config.deadline,
    scoreVisibility: config.scoreVisibility,
    scoresReleased: row.scoresReleased,
    leaderboard: config.leaderboard,
    leaderboardNames: config.leaderboardNames,
    latePolicy: config.latePolicy,
    rosterOnly: config.rosterOnly,
    classCodeOn: row.classCode !== null,
    liveView: config.liveView,
    isSample: row.isSample,
    archived: row.archivedAt !== null,
    workload: config.workload,
    targets: resolveTargets(config),
    grading: { targets: config.targets, slo: config.slo, workload: config.workload },
    allowedKinds: config.allowedKinds,
    startingDesign: config.startingDesign ?? null,
    lockedNodeIds: config.lockedNodeIds,
  };
}

export interface ManageScenario extends PublicScenario {
  createdAt: string;
  referenceDesign: Design | null;
  referenceGrade: ScenarioGrade | null;
  /** Why the reference design has no grade (grading was stopped or is busy). */
  referenceGradeError?: string;
  students: number;
  submissions: number;
}

/**
 * The reference design's grade, graded in the worker pool; when the pool
 * stops or refuses the job, no grade and the reason instead.
 */
export async function gradeReference(rec: ScenarioRecord): Promise<{ referenceGrade: ScenarioGrade | null; referenceGradeError?: string }> {
  if (!rec.config.referenceDesign) return { referenceGrade: null };
  try {
    return { referenceGrade: await gradeInPool(rec.config.referenceDesign, rec.config) };
  } catch (e) {
    if (e instanceof GradingTimeout || e instanceof GradingBusy) return { referenceGrade: null, referenceGradeError: e.message };
    throw e;
  }
}

export async function toManageScenario(rec: ScenarioRecord, now = new Date()): Promise<ManageScenario> {
  const [students, submissions, reference] = await Promise.all([
    db().student.count({ where: { scenarioId: rec.row.id, NOT: { resumeTokenHash: { startsWith: REMOVED_MARK } } } }),
    db().submission.count({ where: { scenarioId: rec.row.id } }),
    gradeReference(rec),
  ]);
  return {
    ...toPublicScenario(rec, now),
    createdAt: rec.row.createdAt.toISOString(),
    referenceDesign: rec.config.referenceDesign ?? null,
    ...reference,
    students,
    submissions,
  };
}

// ---------------------------------------------------------------------------
// Students

export interface StudentRecord {
  id: string;
  displayName: string;
  createdAt: Date;
}

export async function joinScenario(rec: ScenarioRecord, displayName: string): Promise<{ student: StudentRecord; resumeToken: string }> {
  const resumeToken = newSecret();
  const student = await db().student.create({
    // Names are unique within a scenario (lib/classroom/scenarios/names.ts); not on a public sample, whose visitors never see each other.
    data: { id: randomId(), scenarioId: rec.row.id, displayName, nameKey: rec.row.isSample ? null : nameKey(displayName), resumeTokenHash: hashSecret(resumeToken) },
    select: { id: true, displayName: true, createdAt: true },
  });
  return { student, resumeToken };
}

/** The student whose resume token this is, in this scenario; otherwise null. */
export async function authorizeStudent(
  slug: string,
  token: string | null,
): Promise<{ scenario: ScenarioRecord; student: StudentRecord } | null> {
  if (!token || !SECRET_PATTERN.test(token)) return null;
  const hash = hashSecret(token);
  const student = await db().student.findUnique({
    where: { resumeTokenHash: hash },
    select: { id: true, displayName: true, createdAt: true, resumeTokenHash: true, scenario: true },
  });
  if (!student) {
    await refuseRemovedStudent(slug, hash);
    return null;
  }
  if (student.scenario.slug !== slug || !secretMatches(token, student.resumeTokenHash)) return null;
  return {
    scenario: { row: student.scenario, config: parseConfig(student.scenario) },
    student: { id: student.id, displayName: student.displayName, createdAt: student.createdAt },
  };
}

// ---------------------------------------------------------------------------
// Submissions

/** Grades on the calling thread: for scripts and tests. Request handlers grade with `gradeInPool`. */
export function gradeScenarioDesign(design: Design, config: ScenarioConfig): ScenarioGrade {
  return gradeDesign(design, config, evaluateDesign);
}

/** How long a submission waits for a database connection, and may hold its transaction. */
const TRANSACTION_MAX_WAIT_MS = 10_000;
const TRANSACTION_TIMEOUT_MS = 10_000;

export interface StudentSubmission {
  id: string;
  createdAt: string;
  /** Null while scores are hidden from students. */
  score: number | null;
  passed: boolean | null;
  grade: ScenarioGrade | null;
  /** Submitted after the student's deadline, accepted under the late policy. */
  late: boolean;
}

function forStudent(
  s: { id: string; createdAt: Date; score: number; passed: boolean; grade: string; late: boolean },
  visibility: { scoreVisibility: ScoreVisibility; scoresReleased: boolean },
): StudentSubmission {
  const visible = scoresVisible(visibility);
  return {
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    score: visible ? s.score : null,
    passed: visible ? s.passed : null,
    grade: visible ? (JSON.parse(s.grade) as ScenarioGrade) : null,
    late: s.late,
  };
}

function visibilityOf(rec: ScenarioRecord) {
  return { scoreVisibility: rec.config.scoreVisibility, scoresReleased: rec.row.scoresReleased };
}

export type SubmitResult =
  | { ok: true; submission: StudentSubmission; /** An earlier request with the same idempotency key stored it. */ replayed: boolean }
  | { ok: false; refused: Extract<RateDecision, { ok: false }> }
  | { ok: false; keyReused: string };

const submissionSelect = { id: true, createdAt: true, score: true, passed: true, grade: true, document: true, late: true } as const;

/**
 * The answer to a retry: the student's submission stored under `key` when it
 * holds this design, a refusal when it holds another; null when the key is new.
 */
export function replayedSubmission(rec: ScenarioRecord, student: StudentRecord, key: string, design: Design | GradedDesign): Promise<SubmitResult | null> {
  return byIdempotencyKey(rec, student, key, 'document' in design ? design.document : JSON.stringify(design));
}

async function byIdempotencyKey(rec: ScenarioRecord, student: StudentRecord, key: string, document: string): Promise<SubmitResult | null> {
  const row = await db().submission.findUnique({
    where: { studentId_idempotencyKey: { studentId: student.id, idempotencyKey: key } },
    select: submissionSelect,
  });
  if (!row) return null;
  if (row.document !== document) {
    return {
      ok: false,
      keyReused:
        'This Idempotency-Key was already used for a different design. Send a new key for a new submission; reuse a key only to retry the same request.',
    };
  }
  return { ok: true, submission: forStudent(row, visibilityOf(rec)), replayed: true };
}

/** Whether `e` is a unique-constraint failure (a concurrent retry with the same key stored first). */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'P2002';
}

/**
 * Grades and stores one submission, counting `limits` in the same
 * transaction (one commit); refused when a limit is exceeded. The answer is
 * sent only after the commit, so an acknowledged submission survives a crash
 * of the server.
 *
 * With an `idempotencyKey` (the client's `Idempotency-Key`), a retry of a
 * request whose answer was lost stores nothing new and answers the stored
 * submission (`replayed`), without grading or counting it again; the same
 * key with a different design is refused (`keyReused`).
 *
 * Grading runs in the worker pool (lib/classroom/scenarios/grading-pool.ts) before the
 * transaction (or before the call: a `GradedDesign`), so the transaction
 * holds a database connection for two short statements only; it throws
 * GradingTimeout or GradingBusy from the pool.
 */
/** A validated design as stored (compact JSON) with its grade, as the grading pool answers a submission. */
export interface GradedDesign {
  document: string;
  grade: ScenarioGrade;
}

export async function submitDesign(
  rec: ScenarioRecord,
  student: StudentRecord,
  design: Design | GradedDesign,
  limits: RateHit[] = [],
  options: {
    idempotencyKey?: string | null;
    /** The caller already asked `replayedSubmission`. */ keyChecked?: boolean;
    /** After the student's deadline, accepted under the late policy (lib/classroom/scenarios/deadlines.ts). */ late?: boolean;
  } = {},
): Promise<SubmitResult> {
  const document = 'document' in design ? design.document : JSON.stringify(design);
  const key = options.idempotencyKey ?? null;
  if (key && !options.keyChecked) {
    const earlier = await byIdempotencyKey(rec, student, key, document);
    if (earlier) return earlier;
  }
  const grade = 'document' in design ? design.grade : await gradeInPool(design, rec.config);
  const data = {
    id: randomId(),
    scenarioId: rec.row.id,
    studentId: student.id,
    document,
    grade: JSON.stringify(grade),
    score: grade.score,
    passed: grade.passed,
    idempotencyKey: key,
    late: options.late ?? false,
  };
  let result;
  try {
    result = await db().$transaction(
      async (tx) => {
        if (limits.length > 0) {
          const decision = await hitRateLimits(limits, { client: tx });
          if (!decision.ok) return { ok: false as const, refused: decision };
        }
        return { ok: true as const, row: await tx.submission.create({ data, select: submissionSelect }) };
      },
      // Waiting for a connection is the only slow part under load; the
      // transaction itself is two statements.
      { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
    );
  } catch (e) {
    // The same key committed by a concurrent retry: answer that one.
    if (key && isUniqueViolation(e)) {
      const earlier = await byIdempotencyKey(rec, student, key, document);
      if (earlier) return earlier;
    }
    throw e;
  }
  return result.ok ? { ok: true, submission: forStudent(result.row, visibilityOf(rec)), replayed: false } : result;
}

/** A student's own work: every submission (newest first) and the latest design. */
export async function studentWork(
  rec: ScenarioRecord,
  student: StudentRecord,
): Promise<{ submissions: StudentSubmission[]; latestDesign: Design | null }> {
  const rows = await db().submission.findMany({
    where: { scenarioId: rec.row.id, studentId: student.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, createdAt: true, score: true, passed: true, grade: true, late: true },
  });
  const latest = rows[0]
    ? await db().submission.findUnique({ where: { id: rows[0].id }, select: { document: true } })
    : null;
  return {
    submissions: rows.map((r) => forStudent(r, visibilityOf(rec))),
    latestDesign: latest ? (JSON.parse(latest.document) as Design) : null,
  };
}

export interface TargetSummary {
  key: string;
  passed: boolean;
  score: number;
}

export interface SubmissionSummary {
  id: string;
  studentId: string;
  displayName: string;
  createdAt: string;
  score: number;
  passed: boolean;
  targets: TargetSummary[];
  /** Monthly cost at the largest target (what breaks a tie on the leaderboard); null when unknown. */
  monthlyCostUsd: number | null;
  /** How many times this student has submitted (on the latest row). */
  attempts: number;
  latest: boolean;
  /** Submitted after the student's deadline (accepted under the late policy). */
  late: boolean;
}

/**
 * Submissions for the instructor: the latest per student (what counts) or,
 * with `all`, every one, newest first.
 */
export async function listSubmissions(rec: ScenarioRecord, options: { all?: boolean } = {}): Promise<SubmissionSummary[]> {
  const rows = await db().submission.findMany({
    // Not a removed student's: a submission that committed while they were being removed stays out of sight.
    where: { scenarioId: rec.row.id, student: { NOT: { resumeTokenHash: { startsWith: REMOVED_MARK } } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, studentId: true, createdAt: true, score: true, passed: true, grade: true, late: true, student: { select: { displayName: true } } },
  });
  const attempts = new Map<string, number>();
  for (const r of rows) attempts.set(r.studentId, (attempts.get(r.studentId) ?? 0) + 1);
  const seen = new Set<string>();
  const out: SubmissionSummary[] = [];
  for (const r of rows) {
    const latest = !seen.has(r.studentId);
    seen.add(r.studentId);
    if (!latest && !options.all) continue;
    const grade = JSON.parse(r.grade) as ScenarioGrade;
    out.push({
      id: r.id,
      studentId: r.studentId,
      displayName: r.student.displayName,
      createdAt: r.createdAt.toISOString(),
      score: r.score,
      passed: r.passed,
      targets: grade.targets.map((t) => ({ key: t.key, passed: t.passed, score: t.score })),
      monthlyCostUsd: costOfGrade(grade),
      attempts: attempts.get(r.studentId) ?? 1,
      latest,
      late: r.late,
    });
  }
  return out;
}

export interface SubmissionDetail {
  id: string;
  displayName: string;
  createdAt: string;
  design: Design;
  grade: ScenarioGrade;
  latest: boolean;
}

export async function getSubmission(rec: ScenarioRecord, id: string): Promise<SubmissionDetail | null> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) return null;
  const row = await db().submission.findFirst({
    where: { id, scenarioId: rec.row.id },
    select: { id: true, studentId: true, createdAt: true, document: true, grade: true, student: { select: { displayName: true } } },
  });
  if (!row) return null;
  const newest = await db().submission.findFirst({
    where: { scenarioId: rec.row.id, studentId: row.studentId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  return {
    id: row.id,
    displayName: row.student.displayName,
    createdAt: row.createdAt.toISOString(),
    design: JSON.parse(row.document) as Design,
    grade: JSON.parse(row.grade) as ScenarioGrade,
    latest: newest?.id === row.id,
  };
}

export interface LeaderboardEntry {
  rank: number;
  displayName: string;
  score: number;
}

/** What orders equal scores (never sent: a leaderboard shows names and scores only). */
interface TieBreak {
  /** Monthly cost at the largest target: the first tie-break. */
  monthlyCostUsd: number | null;
  /** When the counted submission was made: the second tie-break. */
  submittedAt: string | null;
}

/** The monthly cost a grade found at its largest target, or null. */
export function costOfGrade(grade: ScenarioGrade): number | null {
  const largest = [...grade.targets].sort((a, b) => b.users - a.users)[0];
  return largest?.metrics.monthlyCostUsd ?? null;
}

/** How the leaderboard orders equal scores, in the words the student page shows. */
export const LEADERBOARD_TIE_BREAK = 'Equal scores are ordered by the lower monthly cost, then the earlier submission; only rows equal on all three share a rank.';

/**
 * Best first: higher score, then lower monthly cost (unknown last), then the
 * earlier submission. Rows equal on all three share a rank (1, 1, 3).
 */
function ranked<T extends { displayName: string; score: number }>(rows: (T & TieBreak)[]): (T & { rank: number })[] {
  const cost = (r: TieBreak) => r.monthlyCostUsd ?? Number.POSITIVE_INFINITY;
  const time = (r: TieBreak) => (r.submittedAt ? Date.parse(r.submittedAt) : Number.POSITIVE_INFINITY);
  const order = (a: T & TieBreak, b: T & TieBreak) => b.score - a.score || cost(a) - cost(b) || time(a) - time(b);
  const sorted = [...rows].sort((a, b) => order(a, b) || a.displayName.localeCompare(b.displayName));
  let rank = 0;
  return sorted.map((e, i) => {
    if (i === 0 || order(sorted[i - 1], e) !== 0) rank = i + 1;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { monthlyCostUsd, submittedAt, ...shown } = e;
    return { ...(shown as unknown as T), rank };
  });
}

/** Names and latest scores only, best first; null when the scenario shows none. */
export async function leaderboard(rec: ScenarioRecord): Promise<LeaderboardEntry[] | null> {
  if (!rec.config.leaderboard || !scoresVisible(visibilityOf(rec))) return null;
  const latest = await listSubmissions(rec);
  return ranked(latest.map((s) => ({ displayName: s.displayName, score: s.score, monthlyCostUsd: s.monthlyCostUsd, submittedAt: s.createdAt })));
}

// ---------------------------------------------------------------------------
// Moderation: an instructor removes a submission or a student

/**
 * A removed student's row stays as a tombstone, so their token can be told
 * apart from a mistyped one: the name is erased, every submission deleted,
 * and the token hash kept behind this mark, where no token lookup finds it.
 */
export const REMOVED_MARK = 'removed:';

export const REMOVED_STUDENT_MESSAGE =
  'Your instructor removed you from this scenario, with your submissions, so this resume link no longer works. Ask your instructor if you should join again.';

/** Throws the 410 answer when `hash` is the token of a student removed from the scenario `slug`. */
async function refuseRemovedStudent(slug: string, hash: string): Promise<void> {
  const gone = await db().student.findUnique({
    where: { resumeTokenHash: `${REMOVED_MARK}${hash}` },
    select: { scenario: { select: { slug: true } } },
  });
  if (gone && gone.scenario.slug === slug) throw new ApiError(410, REMOVED_STUDENT_MESSAGE, { removed: true });
}

/**
 * Deletes one submission of this scenario; answers what was deleted, or null
 * when the scenario has no submission with that id. The student's latest
 * remaining submission (if any) counts from then on.
 */
export async function removeSubmission(rec: ScenarioRecord, id: string): Promise<{ id: string; studentId: string } | null> {
  if (!ID_PATTERN.test(id)) return null;
  const row = await db().submission.findFirst({ where: { id, scenarioId: rec.row.id }, select: { id: true, studentId: true } });
  if (!row) return null;
  const { count } = await db().submission.deleteMany({ where: { id: row.id, scenarioId: rec.row.id } });
  return count === 1 ? row : null;
}

/**
 * Removes a student of this scenario with every submission of theirs; their
 * resume token then answers 410 with REMOVED_STUDENT_MESSAGE. Null when the
 * scenario has no such student (or they were removed already).
 */
export async function removeStudent(rec: ScenarioRecord, studentId: string): Promise<{ studentId: string; displayName: string; submissions: number } | null> {
  if (!ID_PATTERN.test(studentId)) return null;
  const student = await db().student.findFirst({
    where: { id: studentId, scenarioId: rec.row.id },
    select: { id: true, displayName: true, resumeTokenHash: true },
  });
  if (!student || student.resumeTokenHash.startsWith(REMOVED_MARK)) return null;
  const [deleted] = await db().$transaction([
    db().submission.deleteMany({ where: { studentId: student.id, scenarioId: rec.row.id } }),
    db().student.update({
      where: { id: student.id },
      // The name is free again; a class-list entry they joined as goes back to "not joined".
      data: { displayName: '', nameKey: null, resumeTokenHash: `${REMOVED_MARK}${student.resumeTokenHash}` },
    }),
    db().rosterEntry.updateMany({ where: { studentId: student.id }, data: { studentId: null } }),
  ]);
  return { studentId: student.id, displayName: student.displayName, submissions: deleted.count };
}

// ---------------------------------------------------------------------------
// Public samples: nobody's work shows to strangers, and none of it stays

/** How long a visitor's work on a public sample is kept. */
export const SAMPLE_RETENTION_HOURS = 24;

export const SAMPLE_LEADERBOARD_NOTE = `This is a public sample: its leaderboard shows the demo students and you, never other visitors, and work on a sample is deleted after ${SAMPLE_RETENTION_HOURS} hours. Copy the sample on the Teach page to run it with a class.`;

/**
 * Deletes the students (and their submissions) of the public samples who
 * joined more than SAMPLE_RETENTION_HOURS ago. Answers how many went.
 */
export async function sweepSampleStudents(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - SAMPLE_RETENTION_HOURS * 3600_000);
  const { count } = await db().student.deleteMany({ where: { createdAt: { lt: before }, scenario: { isSample: true } } });
  return count;
}

export interface LeaderboardRow extends LeaderboardEntry {
  /** A built-in demo student of a sample. */
  demo?: boolean;
  /** The student who asked (sent their token). */
  you?: boolean;
}

type DemoScore = { displayName: string; score: number } & TieBreak;
const demoScores = new Map<string, DemoScore[]>();

function sampleDemoScores(sample: SampleScenario, rec: ScenarioRecord): DemoScore[] {
  const key = `${sample.slug}\n${rec.row.config}`;
  let scores = demoScores.get(key);
  if (!scores) {
    scores = sample.demoSubmissions.map((d) => {
      const grade = gradeScenarioDesign(d.design, rec.config);
      return { displayName: d.displayName, score: grade.score, monthlyCostUsd: costOfGrade(grade), submittedAt: null };
    });
    demoScores.clear();
    demoScores.set(key, scores);
  }
  return scores;
}

/**
 * The leaderboard as the asker may see it; null when the scenario shows
 * none. A scenario's own: every student's latest score. A public sample's:
 * its demo students (graded as the sample's copies are) and the asker's own
 * latest score when they send their token: no visitor's name or score ever
 * reaches another visitor.
 */
export async function leaderboardFor(
  rec: ScenarioRecord,
  studentToken: string | null,
): Promise<{ entries: LeaderboardRow[]; note: string | null } | null> {
  const sample = rec.row.isSample ? sampleBySlug(rec.row.slug) : undefined;
  if (!sample) {
    const entries = await leaderboard(rec);
    return entries && { entries, note: null };
  }
  if (!rec.config.leaderboard || !scoresVisible(visibilityOf(rec))) return null;
  const rows: (Omit<LeaderboardRow, 'rank'> & TieBreak)[] = sampleDemoScores(sample, rec).map((d) => ({ ...d, demo: true }));
  const me = studentToken ? await authorizeStudent(rec.row.slug, studentToken) : null;
  if (me) {
    const latest = await db().submission.findFirst({
      where: { scenarioId: rec.row.id, studentId: me.student.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { score: true, grade: true, createdAt: true },
    });
    if (latest) {
      const cost = costOfGrade(JSON.parse(latest.grade) as ScenarioGrade);
      rows.push({ displayName: me.student.displayName, score: latest.score, monthlyCostUsd: cost, submittedAt: latest.createdAt.toISOString(), you: true });
    }
  }
  return { entries: ranked(rows), note: SAMPLE_LEADERBOARD_NOTE };
}
