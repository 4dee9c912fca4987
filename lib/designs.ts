import 'server-only';
import { db } from './db';
import { randomId, ID_PATTERN } from './ids';
import { CURRENT_SCHEMA_VERSION, parseDesign, type DesignNotice } from './design/schema';
import type { Design } from './engine/types';

export interface SavedDesign {
  id: string;
  title: string;
  design: Design;
  createdAt: string;
  /** What loading dropped from an older design (a param its kind does not take). */
  notices: DesignNotice[];
}

/** Stores a validated design and returns its new id. */
export async function saveDesign(design: Design): Promise<string> {
  const id = randomId();
  await db().design.create({
    data: {
      id,
      title: design.name?.trim() || 'Untitled design',
      document: JSON.stringify(design),
      schemaVersion: CURRENT_SCHEMA_VERSION,
    },
  });
  return id;
}

/** Loads a saved design, migrated to the current schema; null when unknown. */
export async function loadDesign(id: string): Promise<SavedDesign | null> {
  if (!ID_PATTERN.test(id)) return null;
  const row = await db().design.findUnique({ where: { id } });
  if (!row) return null;
  const parsed = parseDesign(JSON.parse(row.document));
  if (!parsed.ok) throw new Error(`stored design ${id} no longer validates: ${parsed.issues[0]?.message}`);
  return { id: row.id, title: row.title, design: parsed.design, createdAt: row.createdAt.toISOString(), notices: parsed.notices };
}
