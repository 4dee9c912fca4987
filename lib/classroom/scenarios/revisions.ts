import 'server-only';
import { db } from '../../server/db';
import { parseDesign } from '../../design/schema';
import type { Design } from '../../engine/data';
import { randomId } from '../../shared/ids';
import type { ScenarioGrade } from './grading';
import { gradeInPool } from './grading-pool';
import type { EditScenario, FlippedCheck, RegradeView, RevisionView } from './feedback-schema';
import { describeChanges, type ChangeItem } from './revision-diff';
import { parseWith, storedScenarioConfigSchema, type FieldIssue, type ScenarioConfig } from './schema';
import { createScenario, findScenario, type ScenarioRecord } from './repository';

/**
 * Editing a published scenario, and what follows: each edit is kept as a
 * revision (what changed, in words, and the instructor's reason); an edit of
 * the targets, service levels or workload re-grades every submission through
 * the grading pool, in bounded batches, and keeps for each submission what
 * the re-grade changed (old score → new score, the checks that flipped).
 *
 * State lives in the database only: a re-grade cut short (a restart, a
 * second instance) is finished by `regradePending`, which any instance can
 * run; it picks up the submissions that have no re-grade for the latest
 * grading revision yet.
 */

/** How many submissions are graded at once; the pool queues the rest of a batch. */
export const REGRADE_BATCH = 8;

interface StoredChanges {
  items: ChangeItem[];
  reason: string;
}

function parseChanges(text: string): StoredChanges {
  const raw = JSON.parse(text) as Partial<StoredChanges>;
  return { items: Array.isArray(raw.items) ? raw.items : [], reason: typeof raw.reason === 'string' ? raw.reason : '' };
}

export type EditResult =
  | { ok: true; scenario: ScenarioRecord; revision: RevisionView | null }
  | { ok: false; issues: FieldIssue[] };

/** Applies a validated edit; answers the scenario as saved and its revision (null when nothing changed). */
export async function editScenario(rec: ScenarioRecord, edit: EditScenario): Promise<EditResult> {
  let referenceDesign: Design | undefined = rec.config.referenceDesign;
  if (edit.referenceDesign !== undefined) {
    if (edit.referenceDesign === null) referenceDesign = undefined;
    else {
      const parsed = parseDesign(edit.referenceDesign, { strict: true, newDesign: true });
      if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => ({ path: `referenceDesign${i.path ? `.${i.path}` : ''}`, message: i.message })) };
      referenceDesign = parsed.design;
    }
  }
  const merged = {
    ...rec.config,
    ...(edit.targets !== undefined ? { targets: edit.targets } : {}),
    ...(edit.slo !== undefined ? { slo: edit.slo } : {}),
    ...(edit.workload !== undefined ? { workload: edit.workload } : {}),
    ...(edit.rubric !== undefined ? { rubric: edit.rubric } : {}),
    referenceDesign,
  };
  // The whole config is checked again (at least one target, none twice, …).
  const parsed = parseWith(storedScenarioConfigSchema, JSON.parse(JSON.stringify(merged)));
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const config: ScenarioConfig = parsed.value;
  const title = edit.title ?? rec.row.title;
  const brief = edit.brief ?? rec.row.brief;
  const { items, regrade } = describeChanges({ title: rec.row.title, brief: rec.row.brief, config: rec.config }, { title, brief, config });
  if (items.length === 0) return { ok: true, scenario: rec, revision: null };
  const revisionId = randomId();
  const [row, revision] = await db().$transaction(async (tx) => {
    const total = regrade ? await tx.submission.count({ where: { scenarioId: rec.row.id } }) : 0;
    const r = await tx.scenario.update({ where: { id: rec.row.id }, data: { title, brief, config: JSON.stringify(config) } });
    const v = await tx.scenarioRevision.create({
      data: { id: revisionId, scenarioId: rec.row.id, changes: JSON.stringify({ items, reason: edit.reason ?? '' } satisfies StoredChanges), regrade, regradeTotal: total },
    });
    return [r, v] as const;
  });
  return { ok: true, scenario: { row, config }, revision: revisionView(revision, { students: false }) };
}

function revisionView(
  r: { id: string; createdAt: Date; changes: string; regrade: boolean; regradeTotal: number; regradeDone: number },
  options: { students: boolean },
): RevisionView {
  const c = parseChanges(r.changes);
  return {
    id: r.id,
    at: r.createdAt.toISOString(),
    changes: c.items.filter((i) => !options.students || i.students).map((i) => i.text),
    reason: c.reason,
    regrade: r.regrade,
    regradeTotal: r.regradeTotal,
    regradeDone: r.regradeDone,
  };
}

/** The scenario's revisions, newest first; for students, only what they may read (and none that changed nothing of theirs). */
export async function revisionsOf(rec: ScenarioRecord, options: { students: boolean; take?: number }): Promise<RevisionView[]> {
  const rows = await db().scenarioRevision.findMany({
    where: { scenarioId: rec.row.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.take ?? 50,
  });
  return rows.map((r) => revisionView(r, options)).filter((r) => r.changes.length > 0);
}

/** The checks whose verdict differs between two grades of the same design, by target. */
export function flippedChecks(before: ScenarioGrade, after: ScenarioGrade): FlippedCheck[] {
  const out: FlippedCheck[] = [];
  for (const t of after.targets) {
    const old = before.targets.find((x) => x.key === t.key);
    if (!old) continue;
    for (const c of t.checks) {
      const was = old.checks.find((x) => x.id === c.id);
      if (was && was.passed !== c.passed) out.push({ target: t.label, check: c.label, nowPassed: c.passed });
    }
  }
  return out;
}

/**
 * Re-grades, in batches of REGRADE_BATCH through the grading pool, the
 * submissions of the scenario that the latest grading revision has not
 * re-graded yet (those made before it; later ones were graded under it).
 * Answers how many are done and how many remain (0 when finished).
 */
export async function regradePending(slug: string, options: { maxBatches?: number } = {}): Promise<{ revisionId: string | null; done: number; remaining: number }> {
  let batches = 0;
  let done = 0;
  for (;;) {
    // Read afresh each batch: a newer edit replaces the config and the revision being served.
    const rec = await findScenario(slug);
    if (!rec) return { revisionId: null, done, remaining: 0 };
    const revision = await db().scenarioRevision.findFirst({
      where: { scenarioId: rec.row.id, regrade: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    if (!revision) return { revisionId: null, done, remaining: 0 };
    const pendingWhere = { scenarioId: rec.row.id, createdAt: { lte: revision.createdAt }, regrades: { none: { revisionId: revision.id } } };
    if (options.maxBatches !== undefined && batches >= options.maxBatches) {
      return { revisionId: revision.id, done, remaining: await db().submission.count({ where: pendingWhere }) };
    }
    const batch = await db().submission.findMany({
      where: pendingWhere,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: REGRADE_BATCH,
      select: { id: true, document: true, grade: true, score: true, passed: true },
    });
    if (batch.length === 0) return { revisionId: revision.id, done, remaining: 0 };
    batches++;
    const graded = await Promise.all(batch.map(async (s) => ({ s, grade: await gradeInPool(JSON.parse(s.document) as Design, rec.config) })));
    for (const { s, grade } of graded) {
      const before = JSON.parse(s.grade) as ScenarioGrade;
      try {
        await db().$transaction([
          db().submission.update({ where: { id: s.id }, data: { grade: JSON.stringify(grade), score: grade.score, passed: grade.passed } }),
          db().submissionRegrade.create({
            data: {
              id: randomId(),
              submissionId: s.id,
              revisionId: revision.id,
              scenarioId: rec.row.id,
              oldScore: s.score,
              newScore: grade.score,
              oldPassed: s.passed,
              newPassed: grade.passed,
              flipped: JSON.stringify(flippedChecks(before, grade)),
            },
          }),
          db().scenarioRevision.update({ where: { id: revision.id }, data: { regradeDone: { increment: 1 } } }),
        ]);
        done++;
      } catch (e) {
        // Another instance re-graded it first (unique submission × revision), or it was removed meanwhile.
        if (!(typeof e === 'object' && e !== null && ['P2002', 'P2025'].includes(String((e as { code?: unknown }).code)))) throw e;
      }
    }
  }
}

/** The re-grade history of these submissions, newest first, with what changed and why. */
export async function historyOf(rec: ScenarioRecord, submissionIds: string[], options: { students?: boolean } = {}): Promise<Map<string, RegradeView[]>> {
  const out = new Map<string, RegradeView[]>();
  if (submissionIds.length === 0) return out;
  const rows = await db().submissionRegrade.findMany({
    where: { scenarioId: rec.row.id, submissionId: { in: submissionIds } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { submissionId: true, revisionId: true, createdAt: true, oldScore: true, newScore: true, oldPassed: true, newPassed: true, flipped: true, revision: { select: { changes: true } } },
  });
  for (const r of rows) {
    const c = parseChanges(r.revision.changes);
    const list = out.get(r.submissionId) ?? [];
    list.push({
      revisionId: r.revisionId,
      at: r.createdAt.toISOString(),
      oldScore: r.oldScore,
      newScore: r.newScore,
      oldPassed: r.oldPassed,
      newPassed: r.newPassed,
      flipped: JSON.parse(r.flipped) as FlippedCheck[],
      changes: c.items.filter((i) => !options.students || i.students).map((i) => i.text),
      reason: c.reason,
    });
    out.set(r.submissionId, list);
  }
  return out;
}

/** How many submissions still wait for a re-grade under the latest grading revision. */
export async function pendingRegrades(rec: ScenarioRecord): Promise<number> {
  const revision = await db().scenarioRevision.findFirst({ where: { scenarioId: rec.row.id, regrade: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true, createdAt: true } });
  if (!revision) return 0;
  return db().submission.count({ where: { scenarioId: rec.row.id, createdAt: { lte: revision.createdAt }, regrades: { none: { revisionId: revision.id } } } });
}

/** Copies a scenario's brief and config into a new scenario of its own: a new slug and key, no students. */
export async function duplicateScenario(rec: ScenarioRecord): Promise<{ slug: string; manageKey: string }> {
  const title = `${rec.row.title} (copy)`;
  return createScenario({ title: title.length > 120 ? `${rec.row.title.slice(0, 113)} (copy)` : title, brief: rec.row.brief, config: rec.config });
}

export async function setArchived(rec: ScenarioRecord, archived: boolean): Promise<void> {
  await db().scenario.update({ where: { id: rec.row.id }, data: { archivedAt: archived ? new Date() : null } });
}
