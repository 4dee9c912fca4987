import 'server-only';
import { db } from '../../server/db';
import { ID_PATTERN } from '../../shared/ids';
import type { FieldIssue } from './schema';
import { scoresVisible } from './schema';
import { finalScore, rubricTotal, type FeedbackInput, type FeedbackView, type RegradeView } from './feedback-schema';
import type { ScenarioRecord, StudentRecord } from './repository';
import { historyOf } from './revisions';

/**
 * The instructor's feedback on submissions: a comment, a manual adjustment
 * of the model's score (with its reason; the final score stays within
 * 0–100) and points on the instructor's own rubric. Students see it once the
 * instructor releases feedback (`Scenario.feedbackReleased`); until then it
 * is the instructor's alone. The model's grade itself is never changed here:
 * it comes from the one scoring path (lib/classroom/scenarios/grading.ts in the pool).
 */

type Row = {
  submissionId: string;
  comment: string;
  adjustment: number;
  adjustmentReason: string;
  rubricPoints: string;
  updatedAt: Date;
};

function view(row: Row, modelScore: number): FeedbackView {
  return {
    submissionId: row.submissionId,
    comment: row.comment,
    adjustment: row.adjustment,
    adjustmentReason: row.adjustmentReason,
    rubricPoints: JSON.parse(row.rubricPoints) as Record<string, number | null>,
    modelScore,
    finalScore: finalScore(modelScore, row.adjustment),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every feedback of the scenario, by submission id (for the dashboard, the CSV and analytics). */
export async function feedbackBySubmission(rec: ScenarioRecord): Promise<Map<string, FeedbackView>> {
  const rows = await db().submissionFeedback.findMany({
    where: { scenarioId: rec.row.id },
    select: { submissionId: true, comment: true, adjustment: true, adjustmentReason: true, rubricPoints: true, updatedAt: true, submission: { select: { score: true } } },
  });
  return new Map(rows.map((r) => [r.submissionId, view(r, r.submission.score)]));
}

/** Why these rubric points do not fit the scenario's rubric, or no issues. */
function rubricIssues(rec: ScenarioRecord, points: Record<string, number | null>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [id, p] of Object.entries(points)) {
    const c = rec.config.rubric.find((x) => x.id === id);
    if (!c) issues.push({ path: `rubricPoints.${id}`, message: `the rubric has no criterion "${id}"` });
    else if (p !== null && p > c.maxPoints) issues.push({ path: `rubricPoints.${id}`, message: `“${c.label}” is out of ${c.maxPoints} points; ${p} is too many` });
  }
  return issues;
}

export type SaveFeedbackResult = { ok: true; feedback: FeedbackView } | { ok: false; notFound: true } | { ok: false; issues: FieldIssue[] };

/**
 * Saves the instructor's feedback on one submission of this scenario (the
 * fields sent replace theirs; the others stay). An adjustment other than 0
 * needs a reason.
 */
export async function saveFeedback(rec: ScenarioRecord, submissionId: string, input: FeedbackInput): Promise<SaveFeedbackResult> {
  if (!ID_PATTERN.test(submissionId)) return { ok: false, notFound: true };
  const sub = await db().submission.findFirst({ where: { id: submissionId, scenarioId: rec.row.id }, select: { id: true, score: true } });
  if (!sub) return { ok: false, notFound: true };
  const issues = input.rubricPoints ? rubricIssues(rec, input.rubricPoints) : [];
  if (issues.length > 0) return { ok: false, issues };
  const existing = await db().submissionFeedback.findUnique({ where: { submissionId } });
  const adjustment = input.adjustment ?? existing?.adjustment ?? 0;
  const reason = input.adjustmentReason ?? existing?.adjustmentReason ?? '';
  if (adjustment !== 0 && reason === '') {
    return { ok: false, issues: [{ path: 'adjustmentReason', message: 'say why you adjust the score (students see the reason with it)' }] };
  }
  const points = { ...(existing ? (JSON.parse(existing.rubricPoints) as Record<string, number | null>) : {}), ...(input.rubricPoints ?? {}) };
  for (const [k, v] of Object.entries(points)) if (v === null) delete points[k];
  const data = {
    comment: input.comment ?? existing?.comment ?? '',
    adjustment,
    adjustmentReason: reason,
    rubricPoints: JSON.stringify(points),
  };
  const row = await db().submissionFeedback.upsert({
    where: { submissionId },
    create: { submissionId, scenarioId: rec.row.id, ...data },
    update: data,
  });
  return { ok: true, feedback: view(row, sub.score) };
}

/** The feedback of one submission and its re-grade history, for the instructor. */
export async function feedbackOf(rec: ScenarioRecord, submissionId: string): Promise<{ feedback: FeedbackView | null; history: RegradeView[] } | null> {
  if (!ID_PATTERN.test(submissionId)) return null;
  const sub = await db().submission.findFirst({ where: { id: submissionId, scenarioId: rec.row.id }, select: { id: true, score: true, feedback: true } });
  if (!sub) return null;
  const history = await historyOf(rec, [sub.id]);
  return { feedback: sub.feedback ? view(sub.feedback, sub.score) : null, history: history.get(sub.id) ?? [] };
}

export async function setFeedbackReleased(rec: ScenarioRecord, released: boolean): Promise<void> {
  await db().scenario.update({ where: { id: rec.row.id }, data: { feedbackReleased: released } });
}

/** What a student sees of the instructor's feedback on one of their submissions. */
export interface StudentFeedback {
  submissionId: string;
  comment: string;
  /** Null while scores are hidden from students. */
  adjustment: number | null;
  adjustmentReason: string | null;
  modelScore: number | null;
  finalScore: number | null;
  rubric: { id: string; label: string; maxPoints: number; points: number | null }[];
  rubricTotal: { points: number; max: number } | null;
}

/**
 * A student's released feedback (none until the instructor releases it) and
 * the re-grade history of their submissions (only while they may see scores).
 */
export async function studentFeedback(
  rec: ScenarioRecord,
  student: StudentRecord,
): Promise<{ released: boolean; feedback: StudentFeedback[]; history: Record<string, RegradeView[]> }> {
  const visible = scoresVisible({ scoreVisibility: rec.config.scoreVisibility, scoresReleased: rec.row.scoresReleased });
  const subs = await db().submission.findMany({
    where: { scenarioId: rec.row.id, studentId: student.id },
    select: { id: true, score: true, feedback: true },
  });
  const released = rec.row.feedbackReleased;
  const feedback: StudentFeedback[] = [];
  if (released) {
    for (const s of subs) {
      if (!s.feedback) continue;
      const f = view(s.feedback, s.score);
      const total = rubricTotal(rec.config.rubric, f.rubricPoints);
      feedback.push({
        submissionId: s.id,
        comment: f.comment,
        adjustment: visible ? f.adjustment : null,
        adjustmentReason: visible ? f.adjustmentReason : null,
        modelScore: visible ? f.modelScore : null,
        finalScore: visible ? f.finalScore : null,
        rubric: visible ? rec.config.rubric.map((c) => ({ ...c, points: f.rubricPoints[c.id] ?? null })) : [],
        rubricTotal: visible && total ? { points: total.points, max: total.max } : null,
      });
    }
  }
  const history: Record<string, RegradeView[]> = {};
  if (visible) {
    const all = await historyOf(rec, subs.map((s) => s.id), { students: true });
    for (const [id, h] of all) history[id] = h;
  }
  return { released, feedback, history };
}
