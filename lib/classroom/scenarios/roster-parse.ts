/**
 * Reading a pasted class list: one student a line, as a name, an email, or
 * both ("Ava Smith <ava@school.edu>", "Ava Smith, ava@school.edu", or two
 * cells pasted from a spreadsheet). Client-safe, so the dashboard can say
 * what is wrong before sending; the server reads it again the same way.
 */
import { z } from 'zod';
import { nameKey } from './names';
import { MAX_DISPLAY_NAME_CHARS } from './schema';

/** Students on one class list, and in one paste. */
export const MAX_ROSTER_ENTRIES = 500;
/** A paste of 500 lines of a name and an email fits easily. */
export const MAX_ROSTER_BYTES = 64 * 1024;
const MAX_EMAIL_CHARS = 254;

export const rosterPasteSchema = z.strictObject({
  text: z.string({ error: 'text must be the class list: one student a line, a name or an email' }).max(MAX_ROSTER_BYTES, { error: `text must be at most ${MAX_ROSTER_BYTES / 1024} KB` }),
});

export interface RosterLine {
  /** 1-based line number in the paste. */
  line: number;
  name: string;
  email: string | null;
  key: string;
}

export interface RosterProblem {
  line: number;
  text: string;
  message: string;
}

export interface ParsedRoster {
  entries: RosterLine[];
  /** Lines refused: nothing is added while there are any. */
  problems: RosterProblem[];
  /** Lines left out because they repeat an earlier one (not an error). */
  duplicates: RosterProblem[];
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE_ONLY = /^[\p{Default_Ignorable_Code_Point}\s]+$/u;

function shown(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `“${t}”`;
}

/** One line as a name and perhaps an email, or the reason it is not one. */
function readLine(raw: string): { name: string; email: string | null } | { error: string } {
  if (UNPRINTABLE.test(raw)) return { error: 'has control characters' };
  let name = raw;
  let email: string | null = null;
  const angle = /^(.*)<([^<>]*)>\s*$/.exec(raw);
  if (angle) {
    name = angle[1].trim().replace(/^"(.*)"$/, '$1');
    email = angle[2].trim();
  } else {
    const cells = raw
      .split(/[\t,;]/)
      .map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim())
      .filter(Boolean);
    const emails = cells.filter((c) => c.includes('@'));
    if (emails.length > 1) return { error: 'has more than one email address' };
    email = emails[0] ?? null;
    name = cells.filter((c) => !c.includes('@')).join(' ');
  }
  if (email !== null) {
    if (!EMAIL.test(email)) return { error: `${shown(email)} is not an email address` };
    if (email.length > MAX_EMAIL_CHARS) return { error: `the email address is longer than ${MAX_EMAIL_CHARS} characters` };
    email = email.toLowerCase();
  }
  name = name.replace(/\s+/g, ' ').trim();
  if (!name) {
    if (!email) return { error: 'has no name' };
    name = email;
  }
  if (INVISIBLE_ONLY.test(name)) return { error: 'the name has no visible character' };
  if (Array.from(name).length > MAX_DISPLAY_NAME_CHARS && name !== email) return { error: `the name is longer than ${MAX_DISPLAY_NAME_CHARS} characters` };
  return { name, email };
}

/**
 * Reads a paste: blank lines and lines starting with # are skipped; a line
 * that repeats an earlier one (the same name ignoring case and spaces, or
 * the same email) is left out and reported; a line that is no name or email
 * is a problem. At most MAX_ROSTER_ENTRIES students.
 */
export function parseRoster(text: string): ParsedRoster {
  const entries: RosterLine[] = [];
  const problems: RosterProblem[] = [];
  const duplicates: RosterProblem[] = [];
  const byKey = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((rawLine, i) => {
    const line = i + 1;
    const raw = rawLine.trim();
    if (!raw || raw.startsWith('#')) return;
    const read = readLine(raw);
    if ('error' in read) {
      problems.push({ line, text: raw, message: `line ${line} (${shown(raw)}) ${read.error}` });
      return;
    }
    const key = nameKey(read.name);
    const earlier = byKey.get(key) ?? (read.email ? byEmail.get(read.email) : undefined);
    if (earlier !== undefined) {
      duplicates.push({ line, text: raw, message: `line ${line} (${shown(raw)}) repeats line ${earlier}, so it was left out` });
      return;
    }
    byKey.set(key, line);
    if (read.email) byEmail.set(read.email, line);
    entries.push({ line, name: read.name, email: read.email, key });
  });
  if (entries.length > MAX_ROSTER_ENTRIES) {
    problems.unshift({ line: 0, text: '', message: `The list has ${entries.length} students; a class list may have at most ${MAX_ROSTER_ENTRIES}.` });
  }
  return { entries, problems, duplicates };
}
