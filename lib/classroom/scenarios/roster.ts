import 'server-only';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { db } from '../../server/db';
import { ApiError } from '../../server/http';
import { ID_PATTERN, randomId } from '../../shared/ids';
import { Prisma } from '../../generated/sqlite/client';
import { extensionsByName } from './deadlines';
import { nameKey } from './names';
import { addressSubject, counterKey, hitRateLimits, type RateRule } from './rate-limit';
import { findScenario, joinScenario, REMOVED_MARK, type ScenarioRecord, type StudentRecord } from './repository';
import { MAX_ROSTER_ENTRIES, parseRoster, type RosterProblem } from './roster-parse';
import { SECRET_PATTERN } from './schema';
import { hashSecret, newSecret, secretMatches } from './secrets';

/**
 * The class list (roster) and how students join as themselves.
 *
 * - The instructor pastes the expected students; each entry gets a personal
 *   join link with a random token (only its SHA-256 hash is kept, so the
 *   link is shown once, and can be replaced).
 * - Or the instructor turns on a short class code; a student types it on the
 *   scenario page with their name (or email) as on the list. Wrong codes are
 *   counted per address, so guessing one is hopeless (32^8 codes, 30 wrong
 *   tries per 10 minutes).
 * - Names are unique within a scenario, ignoring case and spacing
 *   (lib/classroom/scenarios/names.ts), held by a unique index, so two people joining
 *   at once cannot take the same name.
 * - The dashboard lists every expected student, joined or not, and those
 *   who joined without being on the list.
 */

// ---------------------------------------------------------------------------
// Names

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError ? e.code === 'P2002' : (e as { code?: unknown } | null)?.code === 'P2002';
}

export function nameTakenMessage(name: string): string {
  return `Someone in this scenario already uses the name “${name}” (names are compared ignoring capitals and spaces). Add an initial or a surname so your instructor can tell you apart.`;
}

type Tx = Prisma.TransactionClient;

async function createStudent(tx: Tx, rec: ScenarioRecord, displayName: string): Promise<{ student: StudentRecord; resumeToken: string }> {
  const resumeToken = newSecret();
  const student = await tx.student.create({
    data: { id: randomId(), scenarioId: rec.row.id, displayName, nameKey: nameKey(displayName), resumeTokenHash: hashSecret(resumeToken) },
    select: { id: true, displayName: true, createdAt: true },
  });
  return { student, resumeToken };
}

// ---------------------------------------------------------------------------
// Class code

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
const CODE_LENGTH = 8;

/** "ABCDEFGH" → "ABCD-EFGH", as the dashboard shows it. */
export function formatClassCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a student typed, as a stored code: letters and digits, upper case. */
export function normalizeClassCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function newClassCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Turns the class code on (a new one each time, so an old code stops working) or off. */
export async function setClassCode(rec: ScenarioRecord, on: boolean): Promise<string | null> {
  const classCode = on ? newClassCode() : null;
  await db().scenario.update({ where: { id: rec.row.id }, data: { classCode } });
  return classCode;
}

/**
 * Wrong class codes from one address into one scenario: 30 per 10 minutes.
 * A class behind one school address mistypes far fewer; a guesser gets 30
 * tries in 32^8 (10^12) per window. Only wrong codes count, so a whole
 * class typing the right one is never refused.
 */
export const WRONG_CODE_RULE = { name: 'class-code-wrong', per: 'address', limit: 30, windowSeconds: 600 } as const satisfies RateRule;

function rateScale(): number {
  const n = Number(process.env.SCALELAB_RATE_LIMIT_SCALE || 1);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** Seconds to wait when this address has used up its wrong codes for the scenario; null when it may try. */
async function wrongCodeWait(rec: ScenarioRecord, address: string, now = new Date()): Promise<number | null> {
  const windowMs = WRONG_CODE_RULE.windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const key = counterKey(WRONG_CODE_RULE.name, `${rec.row.id}\u0000${addressSubject(address)}`);
  const row = await db().rateLimit.findUnique({ where: { key } });
  const limit = Math.max(1, Math.floor(WRONG_CODE_RULE.limit * rateScale()));
  if (!row || row.windowStart.getTime() < windowStart || row.count < limit) return null;
  return Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000));
}

function tooManyWrongCodes(seconds: number): ApiError {
  return new ApiError(
    429,
    `Too many wrong class codes from your network; try again in ${Math.ceil(seconds / 60)} min (${seconds} s), or use the personal link your instructor sent you.`,
    { retryAfterSeconds: seconds },
    { 'retry-after': String(seconds) },
  );
}

function sameCode(typed: string, stored: string): boolean {
  const a = createHash('sha256').update(normalizeClassCode(typed)).digest();
  const b = createHash('sha256').update(stored).digest();
  return timingSafeEqual(a, b);
}

// ---------------------------------------------------------------------------
// Joining

export interface Joined {
  student: StudentRecord;
  resumeToken: string;
  /** The student had joined before (a personal link used again): their work is theirs, and a device used before is signed out. */
  rejoined?: boolean;
}

async function findEntryByNameOrEmail(rec: ScenarioRecord, typed: string) {
  const key = nameKey(typed);
  return db().rosterEntry.findFirst({
    where: { scenarioId: rec.row.id, OR: [{ nameKey: key }, ...(typed.includes('@') ? [{ email: typed.trim().toLowerCase() }] : [])] },
  });
}

const ALREADY_JOINED = (name: string) =>
  `${name} has already joined this scenario. Continue on the computer you joined from, open the personal link your instructor sent you, or ask your instructor.`;

/** Creates the student for a class-list entry and binds them to it, in one transaction. */
async function joinAsEntry(rec: ScenarioRecord, entry: { id: string; name: string }): Promise<Joined> {
  try {
    return await db().$transaction(async (tx) => {
      const joined = await createStudent(tx, rec, entry.name);
      const { count } = await tx.rosterEntry.updateMany({ where: { id: entry.id, studentId: null }, data: { studentId: joined.student.id } });
      if (count !== 1) throw new ApiError(409, ALREADY_JOINED(entry.name), { alreadyJoined: true });
      return joined;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError(409, ALREADY_JOINED(entry.name), { alreadyJoined: true });
    throw e;
  }
}

/**
 * A student joins from the scenario page: with a class code, as a name (or
 * email) on the class list; without, under a name of their own, which must
 * not be taken and must not be a name on the class list (that student joins
 * by their link or the code). Throws ApiError with the message to show.
 */
export async function joinStudent(rec: ScenarioRecord, input: { displayName: string; classCode?: string }, address: string): Promise<Joined> {
  const classCode = rec.row.isSample ? null : rec.row.classCode;
  if (input.classCode !== undefined && input.classCode.trim() !== '') {
    if (!classCode) throw new ApiError(422, 'This scenario does not use a class code: leave it empty and join with your name.');
    const wait = await wrongCodeWait(rec, address);
    if (wait !== null) throw tooManyWrongCodes(wait);
    if (!sameCode(input.classCode, classCode)) {
      const counted = await hitRateLimits([{ rule: WRONG_CODE_RULE, subject: address, scope: rec.row.id }]);
      if (!counted.ok) throw tooManyWrongCodes(counted.retryAfterSeconds);
      throw new ApiError(422, 'That class code is not right. Check it with your instructor: it has 8 letters and digits, like ABCD-EF23.', { wrongCode: true });
    }
    const entry = await findEntryByNameOrEmail(rec, input.displayName);
    if (!entry) {
      throw new ApiError(422, `“${input.displayName}” is not on the class list. Type your name or email exactly as your instructor listed it, or ask your instructor to add you.`, { notOnRoster: true });
    }
    if (entry.studentId) throw new ApiError(409, ALREADY_JOINED(entry.name), { alreadyJoined: true });
    return joinAsEntry(rec, entry);
  }
  if (rec.row.isSample) return selfJoin(rec, input.displayName);
  const entry = await findEntryByNameOrEmail(rec, input.displayName);
  if (entry) {
    throw new ApiError(
      409,
      entry.studentId
        ? ALREADY_JOINED(entry.name)
        : `“${entry.name}” is on the class list: join with the personal link your instructor sent you${classCode ? ', or enter the class code with your name' : ''}.`,
      { onRoster: true },
    );
  }
  if (rec.config.rosterOnly) {
    throw new ApiError(
      403,
      classCode
        ? 'Only students on the class list can join this scenario: enter the class code with your name as your instructor listed it.'
        : 'Only students on the class list can join this scenario: open the personal link your instructor sent you.',
      { rosterOnly: true },
    );
  }
  return selfJoin(rec, input.displayName);
}

async function selfJoin(rec: ScenarioRecord, displayName: string): Promise<Joined> {
  if (rec.row.isSample) {
    return joinScenario(rec, displayName);
  }
  try {
    return await createStudent(db(), rec, displayName);
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError(409, nameTakenMessage(displayName), { nameTaken: true });
    throw e;
  }
}

/**
 * A personal join link: signs in as its class-list entry. The first time it
 * makes the student; later (another device, a cleared browser) it signs the
 * same student in with a new resume token, which signs out the device used
 * before. Null when the token is no entry of this scenario.
 */
export async function joinByLink(slug: string, token: string): Promise<(Joined & { scenario: ScenarioRecord }) | null> {
  if (!SECRET_PATTERN.test(token)) return null;
  const entry = await db().rosterEntry.findUnique({ where: { joinTokenHash: hashSecret(token) }, include: { scenario: true } });
  if (!entry || entry.scenario.slug !== slug || !secretMatches(token, entry.joinTokenHash)) return null;
  const rec = await findScenario(slug);
  if (!rec) return null;
  if (entry.studentId) {
    const resumeToken = newSecret();
    const student = await db().student.update({
      where: { id: entry.studentId },
      data: { resumeTokenHash: hashSecret(resumeToken) },
      select: { id: true, displayName: true, createdAt: true },
    });
    return { scenario: rec, student, resumeToken, rejoined: true };
  }
  return { scenario: rec, ...(await joinAsEntry(rec, entry)) };
}

// ---------------------------------------------------------------------------
// The instructor's class list

export function joinUrl(slug: string, token: string): string {
  return `/s/${slug}#join=${token}`;
}

export interface AddedEntry {
  id: string;
  name: string;
  email: string | null;
  /** The personal join link: shown in this answer only. */
  joinUrl: string;
  /** The name of a student who had already joined under this name and now counts as this entry. */
  matchedStudent: string | null;
}

export interface RosterAdded {
  added: AddedEntry[];
  /** Lines left out: repeated in the paste, or already on the list. */
  skipped: RosterProblem[];
}

/**
 * Adds a pasted list. Any bad line refuses the whole paste (422 naming every
 * bad line), so nothing is half added; repeated names and names already on
 * the list are left out and reported. A name someone already joined under
 * becomes their entry (they show as joined).
 */
export async function addRoster(rec: ScenarioRecord, text: string): Promise<RosterAdded> {
  const parsed = parseRoster(text);
  if (parsed.entries.length === 0 && parsed.problems.length === 0) {
    throw new ApiError(422, 'The list is empty: paste one student a line, a name or an email.', { issues: [] });
  }
  if (parsed.problems.length > 0) {
    throw new ApiError(422, `Nothing was added; fix ${parsed.problems.length === 1 ? 'this line' : 'these lines'} and paste again:\n${parsed.problems.map((p) => p.message).join('\n')}`, {
      issues: parsed.problems.map((p) => ({ path: p.line ? `line ${p.line}` : '', message: p.message })),
    });
  }
  const existing = await db().rosterEntry.findMany({ where: { scenarioId: rec.row.id }, select: { nameKey: true, email: true, name: true } });
  const byKey = new Map(existing.map((e) => [e.nameKey, e.name]));
  const byEmail = new Map(existing.filter((e) => e.email).map((e) => [e.email!, e.name]));
  const skipped = [...parsed.duplicates];
  const fresh = parsed.entries.filter((e) => {
    const already = byKey.get(e.key) ?? (e.email ? byEmail.get(e.email) : undefined);
    if (already !== undefined) skipped.push({ line: e.line, text: e.name, message: `line ${e.line} (“${e.name}”) is already on the class list as “${already}”` });
    return already === undefined;
  });
  if (existing.length + fresh.length > MAX_ROSTER_ENTRIES) {
    throw new ApiError(422, `Nothing was added: the class list would have ${existing.length + fresh.length} students, and may have at most ${MAX_ROSTER_ENTRIES}.`, {
      limit: MAX_ROSTER_ENTRIES,
    });
  }
  // Students who joined under one of these names become that entry.
  const joined = fresh.length
    ? await db().student.findMany({
        where: { scenarioId: rec.row.id, nameKey: { in: fresh.map((e) => e.key) }, rosterEntry: null, NOT: { resumeTokenHash: { startsWith: REMOVED_MARK } } },
        select: { id: true, nameKey: true, displayName: true },
      })
    : [];
  const joinedByKey = new Map(joined.map((s) => [s.nameKey!, s]));
  const made = fresh.map((e) => {
    const token = newSecret();
    const student = joinedByKey.get(e.key) ?? null;
    return {
      data: { id: randomId(), scenarioId: rec.row.id, name: student?.displayName ?? e.name, nameKey: e.key, email: e.email, joinTokenHash: hashSecret(token), studentId: student?.id ?? null },
      token,
      student,
    };
  });
  try {
    await db().$transaction(made.map((m) => db().rosterEntry.create({ data: m.data, select: { id: true } })));
  } catch (e) {
    if (isUniqueViolation(e)) throw new ApiError(409, 'The class list changed while this was added (someone else added the same names). Nothing was added; paste again.');
    throw e;
  }
  return {
    added: made.map((m) => ({ id: m.data.id, name: m.data.name, email: m.data.email, joinUrl: joinUrl(rec.row.slug, m.token), matchedStudent: m.student?.displayName ?? null })),
    skipped,
  };
}

export type ClassStatus = 'not-joined' | 'joined' | 'submitted' | 'late';

export interface ClassRow {
  /** The class-list entry; null for a student who joined without being on the list. */
  entryId: string | null;
  studentId: string | null;
  name: string;
  email: string | null;
  onRoster: boolean;
  status: ClassStatus;
  joinedAt: string | null;
  submissions: number;
  lastSubmittedAt: string | null;
  /** The student's own deadline, when the instructor gave an extension. */
  extension: string | null;
}

export interface ClassList {
  rows: ClassRow[];
  /** The class code as shown (ABCD-EF23), or null when it is off. */
  classCode: string | null;
  counts: Record<ClassStatus, number> & { expected: number; notOnRoster: number };
}

/** Every expected student with where they are, then the students who joined without being on the list; each part by name. */
export async function classList(rec: ScenarioRecord): Promise<ClassList> {
  const [entries, students, submissions, extensions] = await Promise.all([
    db().rosterEntry.findMany({ where: { scenarioId: rec.row.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db().student.findMany({
      where: { scenarioId: rec.row.id, NOT: { resumeTokenHash: { startsWith: REMOVED_MARK } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, displayName: true, createdAt: true },
    }),
    db().submission.findMany({
      where: { scenarioId: rec.row.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { studentId: true, createdAt: true, late: true },
    }),
    extensionsByName(rec),
  ]);
  const work = new Map<string, { count: number; last: Date; late: boolean }>();
  for (const s of submissions) {
    const w = work.get(s.studentId);
    if (w) w.count++;
    else work.set(s.studentId, { count: 1, last: s.createdAt, late: s.late });
  }
  const studentById = new Map(students.map((s) => [s.id, s]));
  const onRoster = new Set<string>();
  const row = (entry: (typeof entries)[number] | null, student: (typeof students)[number] | null): ClassRow => {
    const w = student ? work.get(student.id) : undefined;
    const name = student?.displayName ?? entry!.name;
    return {
      entryId: entry?.id ?? null,
      studentId: student?.id ?? null,
      name,
      email: entry?.email ?? null,
      onRoster: entry !== null,
      status: !student ? 'not-joined' : !w ? 'joined' : w.late ? 'late' : 'submitted',
      joinedAt: student?.createdAt.toISOString() ?? null,
      submissions: w?.count ?? 0,
      lastSubmittedAt: w?.last.toISOString() ?? null,
      extension: extensions.get(nameKey(name)) ?? null,
    };
  };
  const rows: ClassRow[] = entries.map((e) => {
    const student = e.studentId ? (studentById.get(e.studentId) ?? null) : null;
    if (student) onRoster.add(student.id);
    return row(e, student);
  });
  const others: ClassRow[] = [];
  for (const s of students) if (!onRoster.has(s.id)) others.push(row(null, s));
  // By name, as a register reads; the students not on the list after the list.
  const byName = (x: ClassRow, y: ClassRow) => x.name.localeCompare(y.name, undefined, { sensitivity: 'base', numeric: true });
  rows.sort(byName);
  rows.push(...others.sort(byName));
  const counts = { 'not-joined': 0, joined: 0, submitted: 0, late: 0, expected: entries.length, notOnRoster: 0 };
  for (const r of rows) {
    counts[r.status]++;
    if (!r.onRoster) counts.notOnRoster++;
  }
  return { rows, classCode: rec.row.classCode ? formatClassCode(rec.row.classCode) : null, counts };
}

/** Takes a name off the class list (a student who joined keeps their work, and stays as "not on the list"). */
export async function removeEntry(rec: ScenarioRecord, id: string): Promise<{ id: string; name: string } | null> {
  if (!ID_PATTERN.test(id)) return null;
  const entry = await db().rosterEntry.findFirst({ where: { id, scenarioId: rec.row.id }, select: { id: true, name: true } });
  if (!entry) return null;
  const { count } = await db().rosterEntry.deleteMany({ where: { id: entry.id, scenarioId: rec.row.id } });
  return count === 1 ? entry : null;
}

/** A new personal join link for an entry; the old one stops working. */
export async function newJoinLink(rec: ScenarioRecord, id: string): Promise<{ id: string; name: string; joinUrl: string } | null> {
  if (!ID_PATTERN.test(id)) return null;
  const entry = await db().rosterEntry.findFirst({ where: { id, scenarioId: rec.row.id }, select: { id: true, name: true } });
  if (!entry) return null;
  const token = newSecret();
  await db().rosterEntry.update({ where: { id: entry.id }, data: { joinTokenHash: hashSecret(token) } });
  return { ...entry, joinUrl: joinUrl(rec.row.slug, token) };
}
