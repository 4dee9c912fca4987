import 'server-only';
import { z } from 'zod';
import { db } from '../../server/db';
import { ApiError } from '../../server/http';
import { ID_PATTERN, randomId } from '../../shared/ids';
import type { ScenarioRecord } from './repository';
import { SECRET_PATTERN } from './schema';
import { hashSecret, newSecret, secretMatches } from './secrets';

/**
 * Co-instructor keys: the owner (who holds the key made with the scenario)
 * gives a teaching assistant a manage key of their own, named ("TA Priya"),
 * listed with when it was made and last used, and revocable on its own.
 * Only a SHA-256 hash of each key is stored, as for the owner's key; every
 * request looks its key up in the database, so a revoked key is refused at
 * once on every instance.
 *
 * A co-instructor can do what the dashboard does (see and export
 * submissions, moderate, settings, the class list) but not what belongs to
 * the owner: replacing the owner's key, deleting the scenario, or making
 * and revoking keys.
 */

export type ManageAccess = { kind: 'owner' } | { kind: 'co-instructor'; keyId: string; label: string };

/** At most this many keys (revoked ones included) per scenario: a course's teaching team, with room to replace keys. */
export const MAX_CO_INSTRUCTOR_KEYS = 50;
export const MAX_KEY_LABEL_CHARS = 60;

/** Last use is written at most this often per key, so a polling dashboard does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const REVOKED_KEY_MESSAGE = 'This manage key was revoked by the scenario’s owner, so it no longer opens the dashboard. Ask the owner for a new one.';
export const OWNER_ONLY_MESSAGE = 'Only the scenario’s owner (the manage key made with the scenario) can do this; a co-instructor key cannot.';

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const createKeySchema = z.strictObject({
  label: z
    .string({ error: 'label must be text, such as "TA Priya"' })
    .trim()
    .min(1, { error: 'label must not be empty: name whose key this is, such as "TA Priya"' })
    .max(MAX_KEY_LABEL_CHARS, { error: `label must be at most ${MAX_KEY_LABEL_CHARS} characters` })
    .refine((s) => !UNPRINTABLE.test(s), { error: 'label must not contain control characters' }),
});

/**
 * The scenario with co-instructor access, when `key` is one of its
 * co-instructor keys; null when it is no key of this scenario. A revoked key
 * of this scenario throws 403 saying so.
 */
export async function authorizeCoInstructor(rec: ScenarioRecord, key: string): Promise<ScenarioRecord | null> {
  if (!SECRET_PATTERN.test(key)) return null;
  const row = await db().coInstructorKey.findUnique({ where: { keyHash: hashSecret(key) } });
  if (!row || row.scenarioId !== rec.row.id || !secretMatches(key, row.keyHash)) return null;
  if (row.revokedAt) throw new ApiError(403, REVOKED_KEY_MESSAGE, { revoked: true });
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Conditional, so instances answering the same dashboard at once write it once.
    await db().coInstructorKey.updateMany({
      where: { id: row.id, revokedAt: null, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { ...rec, access: { kind: 'co-instructor', keyId: row.id, label: row.label } };
}

/** Throws 403 unless the scenario was opened with the owner's key. */
export function requireOwner(rec: ScenarioRecord): void {
  if (rec.access?.kind !== 'owner') throw new ApiError(403, OWNER_ONLY_MESSAGE, { ownerOnly: true });
}

/** What the dashboard says about who is signed in. */
export function accessView(rec: ScenarioRecord): { role: 'owner' | 'co-instructor'; label: string | null } {
  return rec.access?.kind === 'co-instructor' ? { role: 'co-instructor', label: rec.access.label } : { role: 'owner', label: null };
}

export interface CoInstructorKeyView {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listKeys(rec: ScenarioRecord): Promise<CoInstructorKeyView[]> {
  const rows = await db().coInstructorKey.findMany({
    where: { scenarioId: rec.row.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, label: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Makes a named key (owner only); the key itself is in this answer only. */
export async function createKey(rec: ScenarioRecord, label: string): Promise<{ key: CoInstructorKeyView; manageKey: string }> {
  requireOwner(rec);
  const count = await db().coInstructorKey.count({ where: { scenarioId: rec.row.id } });
  if (count >= MAX_CO_INSTRUCTOR_KEYS) {
    throw new ApiError(409, `A scenario may have at most ${MAX_CO_INSTRUCTOR_KEYS} co-instructor keys (revoked ones included).`, { limit: MAX_CO_INSTRUCTOR_KEYS });
  }
  const manageKey = newSecret();
  const row = await db().coInstructorKey.create({
    data: { id: randomId(), scenarioId: rec.row.id, label, keyHash: hashSecret(manageKey) },
  });
  return {
    key: { id: row.id, label: row.label, createdAt: row.createdAt.toISOString(), lastUsedAt: null, revokedAt: null },
    manageKey,
  };
}

/** Revokes a key (owner only); null when the scenario has no such key. Revoking twice keeps the first time. */
export async function revokeKey(rec: ScenarioRecord, id: string): Promise<CoInstructorKeyView | null> {
  requireOwner(rec);
  if (!ID_PATTERN.test(id)) return null;
  const row = await db().coInstructorKey.findFirst({ where: { id, scenarioId: rec.row.id } });
  if (!row) return null;
  await db().coInstructorKey.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: new Date() } });
  const after = await db().coInstructorKey.findUniqueOrThrow({ where: { id: row.id } });
  return {
    id: after.id,
    label: after.label,
    createdAt: after.createdAt.toISOString(),
    lastUsedAt: after.lastUsedAt?.toISOString() ?? null,
    revokedAt: after.revokedAt?.toISOString() ?? null,
  };
}
