import 'server-only';
import { db } from './db';
import { randomId, ID_PATTERN } from '../shared/ids';
import { CURRENT_SCHEMA_VERSION, parseDesign, type DesignNotice } from '../design/schema';
import type { Design } from '../engine/data';
import { hitRateLimit, type RateRule } from '../classroom/scenarios/rate-limit';

/**
 * Anonymous design storage: what may be stored, and for how long
 * (README, "Limits and retention").
 *
 * Size: the largest reference design in the repository (content/stages/
 * stage-8.json, 35 components and 40 connections) is 8.3 KB as compact
 * JSON, about 110 bytes a component or connection. A shared design may be
 * at most 64 KB (eight times that; about 200 components with their
 * connections and labels) and have at most 200 components (nearly six
 * times the largest reference). A saved design is evaluated by every
 * viewer's browser, so the cap also keeps a shared link quick to open.
 */
export const MAX_SHARED_DESIGN_BYTES = 64 * 1024;
export const MAX_SHARED_DESIGN_COMPONENTS = 200;

/** A design nobody opened for this many days is deleted. */
export const RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
const RETENTION_MS = RETENTION_DAYS * DAY_MS;
/** A view is written at most once a day per design: reads stay reads. */
const VIEW_RECORD_INTERVAL_MS = DAY_MS;

export interface SavedDesign {
  id: string;
  title: string;
  design: Design;
  createdAt: string;
  /** When someone last opened it (to the day). */
  lastViewedAt: string;
  /** The design is deleted if nobody opens it before this moment. */
  keptUntil: string;
  /** What loading dropped from an older design (a param its kind does not take). */
  notices: DesignNotice[];
}

/** Stores a validated design and returns its new id. Saving counts as a view. */
export async function saveDesign(design: Design, now = new Date()): Promise<string> {
  const id = randomId();
  await db().design.create({
    data: {
      id,
      title: design.name?.trim() || 'Untitled design',
      document: JSON.stringify(design),
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdAt: now,
      lastViewedAt: now,
    },
  });
  return id;
}

function expiryCutoff(now: Date): Date {
  return new Date(now.getTime() - RETENTION_MS);
}

/**
 * Loads a saved design, migrated to the current schema; null when unknown
 * or expired (nobody opened it for RETENTION_DAYS), so both answer the same
 * 404. With `recordView`, opening it counts as a view: written only when the
 * last recorded one is a day old or more, by a conditional update, so
 * several instances serving the same link write it once.
 */
export async function loadDesign(id: string, options: { now?: Date; recordView?: boolean } = {}): Promise<SavedDesign | null> {
  if (!ID_PATTERN.test(id)) return null;
  const now = options.now ?? new Date();
  const row = await db().design.findUnique({ where: { id } });
  if (!row) return null;
  const cutoff = expiryCutoff(now);
  if (row.lastViewedAt < cutoff) {
    // Expired but not swept yet: gone now, as for any other reader.
    await db()
      .design.deleteMany({ where: { id, lastViewedAt: { lt: cutoff } } })
      .catch((e: unknown) => console.error(`could not delete expired design ${id}:`, e));
    return null;
  }
  let lastViewedAt = row.lastViewedAt;
  if (options.recordView && now.getTime() - row.lastViewedAt.getTime() >= VIEW_RECORD_INTERVAL_MS) {
    try {
      const stale = new Date(now.getTime() - VIEW_RECORD_INTERVAL_MS);
      await db().design.updateMany({ where: { id, lastViewedAt: { lte: stale } }, data: { lastViewedAt: now } });
      lastViewedAt = now;
    } catch (e) {
      // The design is still shown; the next view records it.
      console.error(`could not record a view of design ${id}:`, e);
    }
  }
  const parsed = parseDesign(JSON.parse(row.document));
  if (!parsed.ok) throw new Error(`stored design ${id} no longer validates: ${parsed.issues[0]?.message}`);
  return {
    id: row.id,
    title: row.title,
    design: parsed.design,
    createdAt: row.createdAt.toISOString(),
    lastViewedAt: lastViewedAt.toISOString(),
    keptUntil: new Date(lastViewedAt.getTime() + RETENTION_MS).toISOString(),
    notices: parsed.notices,
  };
}

/**
 * Deletes designs nobody opened for RETENTION_DAYS, in batches of `batch`
 * rows (an index on lastViewedAt finds them), at most `maxBatches` a run so
 * one run never holds the database long. Safe to run on several instances
 * at once: each delete re-checks lastViewedAt, so a design viewed between
 * the select and the delete is kept, and a row is deleted once.
 */
export async function sweepExpiredDesigns(now = new Date(), { batch = 500, maxBatches = 20 } = {}): Promise<number> {
  const cutoff = expiryCutoff(now);
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    const rows = await db().design.findMany({ where: { lastViewedAt: { lt: cutoff } }, select: { id: true }, take: batch });
    if (rows.length === 0) break;
    const { count } = await db().design.deleteMany({ where: { id: { in: rows.map((r) => r.id) }, lastViewedAt: { lt: cutoff } } });
    deleted += count;
    if (rows.length < batch) break;
  }
  return deleted;
}

/** One sweep per 10 minutes across all instances: the first to count a hit here runs it. */
const SWEEP_TURN: RateRule = { name: 'design-sweep', limit: 1, windowSeconds: 600 };
let nextSweepCheck = 0;

/**
 * Runs the sweep in the background now and then: each instance asks at
 * most once per 10 minutes (an in-memory check, free on every other
 * request), and of the instances asking in one 10-minute window only the
 * first (a counter in the database) sweeps. At most 10,000 rows a run,
 * 60,000 an hour: more than the 20,000 a day that may be saved.
 */
export function sweepDesignsNowAndThen(now = new Date()): void {
  if (now.getTime() < nextSweepCheck) return;
  nextSweepCheck = now.getTime() + SWEEP_TURN.windowSeconds * 1000;
  void (async () => {
    const turn = await hitRateLimit(SWEEP_TURN, 'all', now);
    if (turn.ok) await sweepExpiredDesigns(now);
  })().catch((e: unknown) => console.error('the sweep of expired designs failed (the next one tries again):', e));
}
