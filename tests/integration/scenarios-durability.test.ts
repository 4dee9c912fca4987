import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, freshSqlite, holdDistDir, request, setUpScenario, startApp } from '@/scripts/app-process';
import { prepareDatabase } from '@/scripts/db-setup';
import { BURST_DIST_DIR, killDuringBurst } from '@/scripts/kill-during-burst';

/*
 * Kills the production server (SIGKILL) in the middle of a burst of
 * submissions, restarts it on the same database and checks that every
 * acknowledged submission is there. Builds the app first if its sources
 * changed since the last build.
 */
const pg = process.env.TEST_DATABASE_URL;
const targets: { label: string; url: () => Promise<string> }[] = [
  { label: 'SQLite', url: freshSqlite },
  ...(pg
    ? [
        {
          label: 'PostgreSQL',
          url: async () => {
            await prepareDatabase({ DATABASE_URL: pg });
            return pg;
          },
        },
      ]
    : []),
];

// One build for the whole file, even if sources change while it runs; the
// dist directory is this file's alone until it ends.
let release: (() => void) | undefined;
beforeAll(async () => {
  release = await holdDistDir(BURST_DIST_DIR);
  await ensureBuild(BURST_DIST_DIR);
}, 1_800_000);
afterAll(() => release?.());

describe('200 simultaneous submissions to the production server', () => {
  it.each(targets)('are all stored on $label', async ({ url }) => {
    const app = await startApp({ databaseUrl: await url(), distDir: BURST_DIST_DIR, env: { SCALELAB_RATE_LIMIT_SCALE: '1000' } });
    try {
      const { slug, manageKey, tokens, design } = await setUpScenario(app.url, 200);
      const answers = await Promise.all(
        tokens.map((t) =>
          request<{ submission: { id: string } }>(`${app.url}/api/scenarios/${slug}/submissions`, { body: { design }, headers: { 'x-student-token': t } }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(200).fill(201));
      const listed = await request<{ submissions: { id: string }[] }>(`${app.url}/api/scenarios/${slug}/manage?all=1`, { headers: { 'x-manage-key': manageKey } });
      expect(new Set(listed.body.submissions.map((s) => s.id))).toEqual(new Set(answers.map((a) => a.body.submission.id)));
    } finally {
      await app.kill('SIGTERM');
    }
  }, 600_000);
});

describe('killing the server during a burst of submissions', () => {
  it.each(targets)('loses no acknowledged submission on $label, and a retry with the same key stores nothing twice', async ({ label, url }) => {
    const report = await killDuringBurst({ databaseUrl: await url(), label, built: true });
    expect(report.acknowledged).toBeGreaterThanOrEqual(100);
    expect(report.unanswered).toBeGreaterThan(0); // the kill really came mid-burst
    expect(report.lost).toEqual([]);
    expect(report.stored).toBeGreaterThanOrEqual(report.acknowledged);
    // Every request that lost its answer was retried with its key: each is stored once.
    expect(report.duplicates).toBe(0);
  }, 600_000);
});
