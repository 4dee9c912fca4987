import 'server-only';
import { z } from 'zod';
import { db } from '../../server/db';
import { closedReason, type ScenarioRecord, type StudentRecord } from './repository';
import { nameKey } from './names';
import type { PublicScenario } from './schema';
import { MAX_DISPLAY_NAME_CHARS } from './schema';

/**
 * Per-student deadlines and the late policy. A student's deadline is their
 * extension when the instructor gave one, else the scenario's. After it, a
 * submission is refused (the "refuse" policy, the default) or accepted and
 * flagged late ("accept"). An extension is kept by the folded name that
 * identifies the student in the scenario (names are unique there), so it can
 * be given before the student joins, to a name on the class list.
 */

export const extensionSchema = z.strictObject({
  name: z
    .string({ error: 'name must be the student’s name as on the dashboard' })
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(254, { error: 'name must be at most 254 characters' }),
  deadline: z.iso
    .datetime({ offset: true, error: 'deadline must be an ISO date and time such as 2026-12-01T17:00:00Z, or null to remove the extension' })
    .nullable(),
});
export type ExtensionInput = z.output<typeof extensionSchema>;

/** The student's own deadline: their extension, else the scenario's. */
export async function studentDeadline(rec: ScenarioRecord, student: Pick<StudentRecord, 'displayName'>): Promise<{ deadline: string | null; extended: boolean }> {
  const ext = await db().deadlineExtension.findUnique({
    where: { scenarioId_nameKey: { scenarioId: rec.row.id, nameKey: nameKey(student.displayName) } },
    select: { deadline: true },
  });
  return ext ? { deadline: ext.deadline.toISOString(), extended: true } : { deadline: rec.config.deadline, extended: false };
}

export type SubmissionWindow = { ok: true; late: boolean } | { ok: false; reason: string };

/** Whether a submission by `student` at `now` is accepted, and whether it is late. */
export async function submissionWindow(rec: ScenarioRecord, student: Pick<StudentRecord, 'displayName'>, now = new Date()): Promise<SubmissionWindow> {
  const { deadline } = await studentDeadline(rec, student);
  const reason = closedReason(rec, now, deadline);
  if (reason) return { ok: false, reason };
  return { ok: true, late: deadline !== null && now.getTime() > Date.parse(deadline) };
}

/**
 * The scenario as this student sees it: their own deadline, and whether
 * they may submit now (late, under the "accept" policy).
 */
export async function scenarioForStudent(
  rec: ScenarioRecord,
  view: PublicScenario,
  student: Pick<StudentRecord, 'displayName'>,
  now = new Date(),
): Promise<PublicScenario & { extended: boolean; lateNow: boolean }> {
  const { deadline, extended } = await studentDeadline(rec, student);
  const reason = closedReason(rec, now, deadline);
  return {
    ...view,
    deadline,
    acceptingSubmissions: reason === null,
    closedReason: reason,
    extended,
    lateNow: reason === null && deadline !== null && now.getTime() > Date.parse(deadline),
  };
}

/** The extensions of a scenario, by folded name. */
export async function extensionsByName(rec: ScenarioRecord): Promise<Map<string, string>> {
  const rows = await db().deadlineExtension.findMany({ where: { scenarioId: rec.row.id }, select: { nameKey: true, deadline: true } });
  return new Map(rows.map((r) => [r.nameKey, r.deadline.toISOString()]));
}

/**
 * Gives `name` (a student who joined, or a name on the class list) their own
 * deadline, or removes it (`deadline: null`). Null when the scenario has no
 * such student.
 */
export async function setExtension(rec: ScenarioRecord, input: ExtensionInput): Promise<{ name: string; deadline: string | null } | null> {
  const key = nameKey(input.name);
  if (key.length === 0 || key.length > MAX_DISPLAY_NAME_CHARS * 4) return null;
  const [student, entry] = await Promise.all([
    db().student.findFirst({ where: { scenarioId: rec.row.id, nameKey: key }, select: { displayName: true } }),
    db().rosterEntry.findFirst({ where: { scenarioId: rec.row.id, nameKey: key }, select: { name: true } }),
  ]);
  const name = student?.displayName ?? entry?.name;
  if (!name) return null;
  if (input.deadline === null) {
    await db().deadlineExtension.deleteMany({ where: { scenarioId: rec.row.id, nameKey: key } });
    return { name, deadline: null };
  }
  const deadline = new Date(input.deadline);
  await db().deadlineExtension.upsert({
    where: { scenarioId_nameKey: { scenarioId: rec.row.id, nameKey: key } },
    create: { scenarioId: rec.row.id, nameKey: key, deadline },
    update: { deadline },
  });
  return { name, deadline: deadline.toISOString() };
}
