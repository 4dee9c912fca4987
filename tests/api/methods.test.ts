/**
 * Every API route answers every method: the ones it serves, and for the rest
 * a JSON 405 naming what it takes, with an `Allow` header, never Next's
 * empty 405. New routes must be added to the table below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-db';

const ROOT = path.resolve(import.meta.dirname, '../..');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Route file (under app/api) → the URL to call it at and its Allow header. */
const ROUTES: Record<string, [url: string, allow: string]> = {
  'designs/[id]': ['/api/designs/abcdefghijkl', 'GET, HEAD, OPTIONS'],
  designs: ['/api/designs', 'POST, OPTIONS'],
  health: ['/api/health', 'GET, HEAD, OPTIONS'],
  'interview/[problemId]/ask': ['/api/interview/pastebin/ask', 'POST, OPTIONS'],
  'interview/[problemId]/review': ['/api/interview/pastebin/review', 'POST, OPTIONS'],
  pair: ['/api/pair', 'POST, OPTIONS'],
  'pair/[id]': ['/api/pair/abcdefghijkl', 'GET, HEAD, PATCH, OPTIONS'],
  'pair/[id]/stream': ['/api/pair/abcdefghijkl/stream', 'GET, HEAD, OPTIONS'],
  'pair/[id]/updates': ['/api/pair/abcdefghijkl/updates', 'POST, OPTIONS'],
  scenarios: ['/api/scenarios', 'POST, OPTIONS'],
  'scenarios/[slug]': ['/api/scenarios/sample-scale-out', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/copy': ['/api/scenarios/sample-scale-out/copy', 'POST, OPTIONS'],
  'scenarios/[slug]/leaderboard': ['/api/scenarios/sample-scale-out/leaderboard', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/manage': ['/api/scenarios/sample-scale-out/manage', 'GET, HEAD, PATCH, DELETE, OPTIONS'],
  'scenarios/[slug]/manage/export': ['/api/scenarios/sample-scale-out/manage/export', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/manage/key': ['/api/scenarios/sample-scale-out/manage/key', 'POST, OPTIONS'],
  'scenarios/[slug]/manage/analytics': ['/api/scenarios/sample-scale-out/manage/analytics', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/manage/archive': ['/api/scenarios/sample-scale-out/manage/archive', 'POST, OPTIONS'],
  'scenarios/[slug]/manage/duplicate': ['/api/scenarios/sample-scale-out/manage/duplicate', 'POST, OPTIONS'],
  'scenarios/[slug]/manage/feedback': ['/api/scenarios/sample-scale-out/manage/feedback', 'GET, HEAD, PATCH, OPTIONS'],
  'scenarios/[slug]/manage/regrade': ['/api/scenarios/sample-scale-out/manage/regrade', 'POST, OPTIONS'],
  'scenarios/[slug]/manage/revisions': ['/api/scenarios/sample-scale-out/manage/revisions', 'GET, HEAD, POST, OPTIONS'],
  'scenarios/[slug]/manage/submissions/[id]/feedback': ['/api/scenarios/sample-scale-out/manage/submissions/x/feedback', 'GET, HEAD, PUT, OPTIONS'],
  'scenarios/[slug]/me/feedback': ['/api/scenarios/sample-scale-out/me/feedback', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/updates': ['/api/scenarios/sample-scale-out/updates', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/manage/keys': ['/api/scenarios/sample-scale-out/manage/keys', 'GET, HEAD, POST, OPTIONS'],
  'scenarios/[slug]/manage/keys/[keyId]': ['/api/scenarios/sample-scale-out/manage/keys/x', 'DELETE, OPTIONS'],
  'scenarios/[slug]/manage/roster': ['/api/scenarios/sample-scale-out/manage/roster', 'GET, HEAD, POST, OPTIONS'],
  'scenarios/[slug]/manage/roster/[entryId]': ['/api/scenarios/sample-scale-out/manage/roster/x', 'POST, DELETE, OPTIONS'],
  'scenarios/[slug]/manage/class-code': ['/api/scenarios/sample-scale-out/manage/class-code', 'POST, DELETE, OPTIONS'],
  'scenarios/[slug]/manage/extensions': ['/api/scenarios/sample-scale-out/manage/extensions', 'PUT, OPTIONS'],
  'scenarios/[slug]/join-link': ['/api/scenarios/sample-scale-out/join-link', 'POST, OPTIONS'],
  'scenarios/[slug]/manage/students/[studentId]': ['/api/scenarios/sample-scale-out/manage/students/x', 'DELETE, OPTIONS'],
  'scenarios/[slug]/manage/submissions/[id]': ['/api/scenarios/sample-scale-out/manage/submissions/x', 'GET, HEAD, DELETE, OPTIONS'],
  'scenarios/[slug]/manage/live': ['/api/scenarios/sample-scale-out/manage/live', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/manage/live/[studentId]': ['/api/scenarios/sample-scale-out/manage/live/x', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/manage/live/stream': ['/api/scenarios/sample-scale-out/manage/live/stream', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/draft': ['/api/scenarios/sample-scale-out/draft', 'POST, OPTIONS'],
  'scenarios/[slug]/me': ['/api/scenarios/sample-scale-out/me', 'GET, HEAD, OPTIONS'],
  'scenarios/[slug]/students': ['/api/scenarios/sample-scale-out/students', 'POST, OPTIONS'],
  'scenarios/[slug]/submissions': ['/api/scenarios/sample-scale-out/submissions', 'POST, OPTIONS'],
};

type Handler = (req: Request) => Response | Promise<Response>;

/** Every route.ts under app/api but the catch-all for unknown paths, by its folder. */
function routeFiles(dir = path.join(ROOT, 'app/api'), prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name.startsWith('[[...') ? [] : routeFiles(path.join(dir, e.name), prefix ? `${prefix}/${e.name}` : e.name);
    return e.name === 'route.ts' ? [prefix] : [];
  });
}

beforeAll(async () => {
  await useTestDatabase();
});

describe('API methods', () => {
  it('lists every route in the table', () => {
    expect(routeFiles().sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [route, [url, allow]] of Object.entries(ROUTES)) {
    it(`${route}: answers ${allow}, and 405 in JSON naming them for any other method`, async () => {
      const mod = (await import(`@/app/api/${route}/route`)) as Partial<Record<(typeof METHODS)[number], Handler>>;
      const allowed = allow.split(', ');
      for (const method of METHODS) {
        // Next answers HEAD with GET when a route has no HEAD of its own.
        const handler = mod[method] ?? (method === 'HEAD' ? mod.GET : undefined);
        expect(handler, `${method} ${route} is exported`).toBeTypeOf('function');
        if (allowed.includes(method) && method !== 'OPTIONS') continue;
        const res = await handler!(new Request(`http://test.local${url}`, { method }));
        expect(res.headers.get('allow'), `${method} ${route}`).toBe(allow);
        if (method === 'OPTIONS') {
          expect(res.status).toBe(204);
          continue;
        }
        expect(res.status, `${method} ${route}`).toBe(405);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(await res.json()).toEqual({ error: `${method} is not allowed on ${url}; it answers ${allow}.`, allowed });
      }
    });
  }
});
