import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { db } from '../../server/db';
import type { Design } from '../../engine/data';
import { publish } from '../../server/live/channel';
import type { ScenarioGrade } from './grading';
import { REMOVED_MARK, type ScenarioRecord, type StudentRecord } from './repository';

/**
 * The live classroom: with the scenario's `liveView` on (the instructor's
 * consent), each student's page sends its current draft at most once a
 * second; the server grades it in the grading pool, the one scoring path a
 * submission takes (lib/classroom/scenarios/grading-pool.ts), keeps it as the
 * student's one Draft row and announces it on the scenario's live topic,
 * which the dashboard streams (lib/server/live/channel.ts).
 *
 * Why the server grades: the instructor's dashboard must show a score the
 * student's browser cannot make up, and a score "computed on the client and
 * re-checked" would grade every draft on the server anyway. The student's
 * own page keeps its instant in-browser score (the same gradeDesign code);
 * the dashboard shows the server's.
 */

export const LIVE_VIEW_OFF =
  'Live view is off for this scenario, so your draft was not sent. Your instructor sees only what you submit.';

/** The topic of a scenario's live classroom. */
export function liveTopic(scenarioId: string): string {
  return `scenario:${scenarioId}`;
}

export type DraftStatus = 'graded' | 'invalid';

/** One student's draft as the dashboard lists it (also the data of a `draft` event). */
export interface DraftSummary {
  studentId: string;
  displayName: string;
  /** Null when the newest draft could not be graded (`issue` says why). */
  score: number | null;
  passed: boolean | null;
  status: DraftStatus;
  /** Why the newest draft has no score (it breaks the scenario's rules, or has nothing to grade). */
  issue: string | null;
  /** Components in the last gradable draft. */
  components: number;
  updatedAt: string;
}

/** A draft's full content, for the read-only live canvas. */
export interface DraftDetail extends DraftSummary {
  design: Design;
  grade: ScenarioGrade | null;
}

const EMPTY_DOCUMENT = JSON.stringify({ schemaVersion: 1, nodes: [], edges: [] });

type DraftRow = {
  studentId: string;
  document: string;
  score: number | null;
  passed: boolean | null;
  status: string;
  grade: string | null;
  updatedAt: Date;
};

function componentsOf(document: string): number {
  try {
    return ((JSON.parse(document) as { nodes?: unknown[] }).nodes ?? []).length;
  } catch {
    return 0;
  }
}

/** The `issue` is kept in the grade column while a draft is invalid: the last valid design and score stay. */
function summary(row: DraftRow, displayName: string): DraftSummary {
  const invalid = row.status === 'invalid';
  return {
    studentId: row.studentId,
    displayName,
    score: invalid ? null : row.score,
    passed: invalid ? null : row.passed,
    status: invalid ? 'invalid' : 'graded',
    issue: invalid ? issueOf(row.grade) : null,
    components: componentsOf(row.document),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function issueOf(grade: string | null): string | null {
  if (!grade) return null;
  try {
    return (JSON.parse(grade) as { issue?: string }).issue ?? null;
  } catch {
    return null;
  }
}

const draftSelect = { studentId: true, document: true, score: true, passed: true, status: true, grade: true, updatedAt: true } as const;

/**
 * Stores a graded draft (one row per student, replaced) and announces it.
 * `outcome` is what the grading pool answered for it: graded, or refused
 * with a reason to show (the last graded design then stays).
 */
export async function saveDraft(
  rec: ScenarioRecord,
  student: StudentRecord,
  outcome: { kind: 'graded'; document: string; grade: ScenarioGrade } | { kind: 'invalid'; issue: string },
): Promise<DraftSummary> {
  const data =
    outcome.kind === 'graded'
      ? { document: outcome.document, grade: JSON.stringify(outcome.grade), score: outcome.grade.score, passed: outcome.grade.passed, status: 'graded' }
      : { grade: JSON.stringify({ issue: outcome.issue }), status: 'invalid' };
  // An invalid draft keeps the last valid design, score and grade.
  const invalidUpdate = outcome.kind === 'invalid' ? { status: 'invalid', grade: await keepGradeWithIssue(student.id, outcome.issue) } : null;
  const row = await db().draft.upsert({
    where: { studentId: student.id },
    create: { studentId: student.id, scenarioId: rec.row.id, document: EMPTY_DOCUMENT, ...data },
    update: invalidUpdate ?? data,
    select: draftSelect,
  });
  const s = summary(row, student.displayName);
  await publish(liveTopic(rec.row.id), 'draft', s);
  return s;
}

/** The stored grade with the issue added, so the live canvas still shows the last valid grade. */
async function keepGradeWithIssue(studentId: string, issue: string): Promise<string> {
  const row = await db().draft.findUnique({ where: { studentId }, select: { grade: true, status: true } });
  let grade: Record<string, unknown> = {};
  if (row?.grade) {
    try {
      grade = JSON.parse(row.grade) as Record<string, unknown>;
    } catch {
      grade = {};
    }
  }
  return JSON.stringify({ ...grade, issue });
}

const notRemoved = { NOT: { resumeTokenHash: { startsWith: REMOVED_MARK } } };

/** Every student of the scenario with their draft, if any: the dashboard's live table. */
export async function listDrafts(rec: ScenarioRecord): Promise<{ drafts: DraftSummary[]; waiting: { studentId: string; displayName: string }[] }> {
  const students = await db().student.findMany({
    where: { scenarioId: rec.row.id, ...notRemoved },
    select: { id: true, displayName: true, draft: { select: draftSelect } },
    orderBy: { createdAt: 'asc' },
  });
  const drafts: DraftSummary[] = [];
  const waiting: { studentId: string; displayName: string }[] = [];
  for (const s of students) {
    if (s.draft) drafts.push(summary(s.draft, s.displayName));
    else waiting.push({ studentId: s.id, displayName: s.displayName });
  }
  return { drafts, waiting };
}

/** One student's draft with its design, for the live canvas; null when the scenario has no such student. */
export async function draftDetail(rec: ScenarioRecord, studentId: string): Promise<{ student: { id: string; displayName: string }; draft: DraftDetail | null } | null> {
  const s = await db().student.findFirst({
    where: { id: studentId, scenarioId: rec.row.id, ...notRemoved },
    select: { id: true, displayName: true, draft: { select: draftSelect } },
  });
  if (!s) return null;
  if (!s.draft) return { student: { id: s.id, displayName: s.displayName }, draft: null };
  const grade = s.draft.grade ? (JSON.parse(s.draft.grade) as ScenarioGrade & { issue?: string }) : null;
  return {
    student: { id: s.id, displayName: s.displayName },
    draft: {
      ...summary(s.draft, s.displayName),
      design: JSON.parse(s.draft.document) as Design,
      grade: grade && Array.isArray(grade.targets) ? grade : null,
    },
  };
}

// ---------------------------------------------------------------------------
// Stream tickets: EventSource cannot send the manage key as a header, and the
// key never goes in a URL. A ticket is a signature, by the scenario's stored
// key hash, of "live stream of this scenario until <time>": any instance can
// check it, it stops working when the key is replaced, and it grants reading
// the live stream only.

/** How long a stream ticket is good for; the dashboard fetches a fresh one for each new connection. */
export const TICKET_TTL_MS = 10 * 60_000;

function sign(rec: ScenarioRecord, expires: number): string {
  return createHmac('sha256', rec.row.manageKeyHash).update(`live-stream:${rec.row.id}:${expires}`).digest('base64url');
}

export function streamTicket(rec: ScenarioRecord, now = Date.now()): string {
  const expires = now + TICKET_TTL_MS;
  return `${expires.toString(36)}.${sign(rec, expires)}`;
}

export function ticketValid(rec: ScenarioRecord, ticket: string | null, now = Date.now()): boolean {
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(ticket ?? '');
  if (!m) return false;
  const expires = parseInt(m[1], 36);
  if (!Number.isSafeInteger(expires) || expires < now || expires > now + TICKET_TTL_MS) return false;
  const want = Buffer.from(sign(rec, expires));
  const got = Buffer.from(m[2]);
  return want.length === got.length && timingSafeEqual(want, got);
}
