import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/** What better-sqlite3 says when it cannot open the file. */
const DRIVER_ERROR = /directory does not exist|unable to open|cannot open/i;

let GET: () => Promise<Response>;
let missingDir: string;

beforeAll(async () => {
  // A SQLite file in a directory that does not exist: the database cannot be opened.
  missingDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scalelab-health-')), 'no-such-directory');
  process.env.DATABASE_URL = `file:${path.join(missingDir, 'scalelab.db')}`;
  ({ GET } = await import('@/app/api/health/route'));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('GET /api/health when the database cannot be reached', () => {
  it('answers 503 with a plain message and keeps the driver’s error for the server log', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await GET();
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ ok: false, database: 'sqlite', error: 'the database is not reachable' });

    // The operator still learns why, from the server's log ...
    expect(logged).toHaveBeenCalled();
    const underlying = logged.mock.calls
      .flat()
      .map((x) => (x instanceof Error ? x.message : String(x)))
      .join('\n');
    expect(underlying).toMatch(DRIVER_ERROR);
    // ... and a client learns nothing of the database's file, driver or message.
    expect(text).not.toMatch(DRIVER_ERROR);
    expect(text).not.toContain(missingDir);
  });
});
