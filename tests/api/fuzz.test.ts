/**
 * Every route, every method, hostile input made by fast-check: arbitrary
 * JSON, numbers too large for a double, wrong types in valid documents,
 * deep nesting, half characters and other odd Unicode, odd slugs, ids, keys
 * and content types. No answer may be a 5xx, and every error answer is JSON
 * with an `error` sentence. Uses the real capacity engine, so grading sees
 * the hostile designs too.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '@/lib/server/client-address';
import { useTestDatabase } from './test-db';
import { scaledDesign, scenarioInput } from './scenarios-helpers';
import { createAttempt } from '@/lib/interview/attempt';
import { getProblem } from '@/lib/interview/problems';

const ROOT = path.resolve(import.meta.dirname, '../..');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function routeFiles(dir = path.join(ROOT, 'app/api'), prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return routeFiles(path.join(dir, e.name), prefix ? `${prefix}/${e.name}` : e.name);
    return e.name === 'route.ts' ? [prefix] : [];
  });
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

interface Fixture {
  /** A pair interview: its id, the interviewer's key, the candidate's token and its stream key. */
  pair: { id: string; key: string; token: string; stream: string };
  slug: string;
  manageKey: string;
  otherKey: string;
  token: string;
  submissionId: string;
  studentId: string;
  designId: string;
  entryId: string;
  keyId: string;
  joinToken: string;
}

beforeAll(async () => {
  await useTestDatabase();
});

/**
 * A scenario with a student who has submitted, another scenario's key and a
 * shared design: real things to aim at. Made through the repository, not
 * the routes, so the rate limits of the routes are left to the fuzzing.
 */
async function makeFixture(): Promise<Fixture> {
  const repo = await import('@/lib/classroom/scenarios/repository');
  const { createScenarioSchema } = await import('@/lib/classroom/scenarios/schema');
  const { saveDesign } = await import('@/lib/server/designs');
  const input = createScenarioSchema.parse(scenarioInput());
  // Live view on, so that its students' drafts (scenarios/[slug]/draft) are taken.
  const live = createScenarioSchema.parse(scenarioInput({}, { liveView: true }));
  const a = await repo.createScenario(live);
  const b = await repo.createScenario(input);
  const rec = (await repo.findScenario(a.slug))!;
  const { student, resumeToken } = await repo.joinScenario(rec, 'Ada');
  const sub = await repo.submitDesign(rec, student, scaledDesign(2));
  if (!sub.ok) throw new Error('the fixture submission was refused');
  const designId = await saveDesign(scaledDesign(2));
  // A class-list entry (with its join link) and a co-instructor key, for the roster and key routes.
  const owner = (await repo.authorizeManage(a.slug, a.manageKey))!;
  const { added } = await (await import('@/lib/classroom/scenarios/roster')).addRoster(owner, 'Ben Ode');
  const { key } = await (await import('@/lib/classroom/scenarios/access')).createKey(owner, 'TA');
  const joinToken = added[0].joinUrl.slice(added[0].joinUrl.indexOf('#join=') + 6);
  const pairs = await import('@/lib/classroom/pair/repository');
  const made = (await pairs.createPairSession({ problemId: 'url-shortener', level: 'senior', minutes: 45 }))!;
  const pair = { id: made.row.id, key: made.interviewerKey, token: made.candidateToken, stream: made.row.streamKey };
  return { pair, slug: a.slug, manageKey: a.manageKey, otherKey: b.manageKey, token: resumeToken, submissionId: sub.submission.id, studentId: student.id, designId, entryId: added[0].id, keyId: key.id, joinToken };
}

// ---------------------------------------------------------------------------
// Arbitraries

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }), // any UTF-16 code units: lone surrogates included
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('\u202e', '\u0000', '\ufeff', '\u200d', '💥'.repeat(40), 'x'.repeat(5000), '../../etc/passwd', '%00', '<script>', '\\', '"', "'; DROP TABLE Student;--"),
);
const HUGE = '"__HUGE__"';
const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER * 1024, -0, 5e-324, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 1),
  fc.double(),
  fc.integer(),
  fc.constant('__HUGE__'), // becomes the raw number 1e400, which JSON.parse reads as Infinity
  oddText,
  fc.constantFrom(null, true, false, [], {}, [[[[]]]], { __proto__: 1 }, { constructor: { prototype: 1 } }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every path into a JSON document, to put a weird value at one of them. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((c, i) => out.push(...paths(c, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) out.push(...paths(c, [...at, k]));
  return out;
}

function replaced(doc: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of at.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[at[at.length - 1]] = value;
  return copy;
}

/** A valid document with one value somewhere in it (or one field added) swapped for something weird. */
function mutated(doc: unknown): fc.Arbitrary<string> {
  const all = paths(doc);
  return fc.tuple(fc.integer({ min: 0, max: all.length - 1 }), weird, fc.boolean(), oddText).map(([i, value, addField, key]) => {
    const at = all[i];
    const target = addField && at.length > 0 ? [...at.slice(0, -1), key] : at;
    let next: unknown;
    try {
      next = replaced(doc, target, value);
    } catch {
      next = doc;
    }
    return JSON.stringify(next).replaceAll(HUGE, '1e400');
  });
}

const deep = fc.integer({ min: 1, max: 200_000 }).map((n) => `{"design":${'['.repeat(n)}${']'.repeat(n)}}`);

/** A valid body for each route that takes one: the base the mutations start from. */
function validBody(route: string): unknown {
  if (route === 'scenarios') return scenarioInput();
  if (route.endsWith('/students')) return { displayName: 'Ada' };
  if (route.endsWith('/submissions') || route.endsWith('/draft')) return { design: scaledDesign(3) };
  if (route.endsWith('/manage')) return { status: 'closed', scoresReleased: true, leaderboard: true, deadline: '2030-01-01T00:00:00Z' };
  if (route.endsWith('/join-link')) return { token: NAMES.joinToken };
  if (route.endsWith('/manage/roster')) return { text: 'Cleo Park\nDan <dan@school.edu>' };
  if (route.endsWith('/manage/keys')) return { label: 'TA Priya' };
  if (route.endsWith('/manage/extensions')) return { name: 'Ada', deadline: '2030-01-01T00:00:00Z' };
  if (route === 'designs') return scaledDesign(2);
  if (route.endsWith('/manage/feedback')) return { released: true };
  if (route.endsWith('/[id]/feedback')) return { comment: 'Good start', adjustment: 5, adjustmentReason: 'explained it', rubricPoints: {} };
  if (route.endsWith('/revisions')) return { brief: '## New brief', slo: { monthlyBudgetUsd: 400 }, reason: 'typo' };
  if (route.endsWith('/archive')) return { archived: false };
  if (route.endsWith('/ask')) return { question: 'Do pastes expire at some point?' };
  if (route.endsWith('/review')) return { attempt: createAttempt(getProblem('pastebin')!, { mode: 'blind', minutes: 45, now: 0 }) };
  if (route === 'pair') return { problemId: 'url-shortener', level: 'staff', minutes: 30 };
  if (route === 'pair/[id]') return { interviewerNotes: 'Asked good questions.' };
  if (route === 'pair/[id]/updates') return { update: 'AAA=' }; // an empty Yjs update: changes nothing, so any role may send it
  return {};
}

function bodies(route: string): fc.Arbitrary<string | undefined> {
  const valid = validBody(route);
  return fc.oneof(
    { arbitrary: fc.constant(JSON.stringify(valid)), weight: 2 },
    { arbitrary: mutated(valid), weight: 6 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: oddText, weight: 1 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: fc.constantFrom(scenarioInput(), { design: scaledDesign(3) }, scaledDesign(2)).chain((d) => mutated(d)), weight: 1 },
  );
}

/** Where a request names the fixture's credentials: filled in when sent, since the fuzzing replaces the key and removes students. */
const CREDENTIALS = { manage: '<manage-key>', token: '<student-token>', other: '<other-key>', pairKey: '<pair-key>', pairToken: '<pair-token>' } as const;
const NAMES = { slug: '<slug>', submission: '<submission-id>', student: '<student-id>', design: '<design-id>', entry: '<entry-id>', key: '<key-id>', joinToken: '<join-token>', pair: '<pair-id>', pairStream: '<pair-stream>' } as const;

function requests(route: string, served: string[]) {
  const often = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) => fc.oneof({ arbitrary: usual, weight: 4 }, { arbitrary: rare, weight: 1 });
  const slug = often(fc.constantFrom<string>(NAMES.slug, NAMES.slug, 'sample-daily-byte', 'sample-scale-out'), fc.oneof(fc.constant('a'.repeat(64)), oddText));
  const id = often(fc.constantFrom<string>(NAMES.submission, NAMES.student, NAMES.design, NAMES.entry, NAMES.key, NAMES.pair), fc.oneof(fc.constant('abcdefghijklmnop'), oddText));
  const credential = often(
    fc.constantFrom<string>(CREDENTIALS.manage, CREDENTIALS.token, CREDENTIALS.other, CREDENTIALS.pairKey, CREDENTIALS.pairToken),
    fc.oneof(fc.constant('k'.repeat(43)), oddText.filter((s) => /^[\x20-\x7e]*$/.test(s))),
  );
  const headers = fc.record(
    {
      'content-type': often(fc.constant('application/json'), fc.constantFrom('application/JSON; charset=utf-8', 'text/plain', 'multipart/form-data', '')),
      'x-manage-key': credential,
      'x-student-token': credential,
      'x-pair-key': credential,
      'x-pair-token': credential,
      authorization: credential.map((c) => `Bearer ${c}`),
      // The address scripts/serve.ts hands the app (the socket's): one per request, so per-address limits do not end the fuzzing early.
      [CLIENT_ADDRESS_HEADER]: fc.ipV4(),
      'idempotency-key': credential,
    },
    { requiredKeys: ['content-type'] },
  );
  return fc.record({
    method: often(fc.constantFrom(...served), fc.constantFrom(...METHODS)),
    slug,
    id,
    rest: fc.array(oddText, { maxLength: 3 }),
    query: fc.constantFrom('', '?all=1', '?all=%ff', `?x=${'y'.repeat(3000)}`, `?s=${NAMES.pairStream}`, '?s=%ff'),
    headers,
    body: bodies(route),
  });
}

/** A request the route should serve: the fixture's own names and credentials, a valid body. */
function wellFormed(route: string, method: string): FuzzRequest {
  const id = route.includes('submissions/[id]')
    ? NAMES.submission
    : route.includes('[studentId]')
      ? NAMES.student
      : route.includes('[entryId]')
        ? NAMES.entry
        : route.includes('[keyId]')
          ? NAMES.key
          : route.startsWith('pair/')
            ? NAMES.pair
            : NAMES.design;
  return {
    method,
    slug: NAMES.slug,
    id,
    rest: [],
    query: route === 'pair/[id]/stream' ? `?s=${NAMES.pairStream}` : '',
    headers: {
      'content-type': 'application/json',
      'x-manage-key': CREDENTIALS.manage,
      'x-student-token': CREDENTIALS.token,
      'x-pair-key': CREDENTIALS.pairKey,
      [CLIENT_ADDRESS_HEADER]: '192.0.2.1',
    },
    body: ['GET', 'HEAD', 'DELETE'].includes(method) ? undefined : JSON.stringify(validBody(route)),
  };
}

type FuzzRequest = ReturnType<typeof requests> extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------

describe('fuzzing every route', () => {
  const files = routeFiles();
  it('finds the routes', () => expect(files.length).toBeGreaterThan(10));

  for (const route of files) {
    it(`${route || '(root)'}: never a 5xx, every error JSON with a sentence`, async () => {
      const mod = (await import(`@/app/api/${route}/route`)) as Partial<Record<string, Handler>>;
      let fixture = await makeFixture();
      // The methods the route serves, as its OPTIONS answer names them (the catch-all names none: any will do).
      const options = await mod.OPTIONS!(new Request('http://test.local/api/x', { method: 'OPTIONS' }), { params: Promise.resolve({}) });
      const served = (options.headers.get('allow') ?? 'GET, POST').split(', ').filter((m) => m !== 'OPTIONS' && m !== 'HEAD');
      // A failure is reported with its input; the server log stays quiet unless something breaks.
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      const tally = new Map<number, number>();
      try {
        await fc.assert(
          fc.asyncProperty(requests(route, served), async (input) => {
            let r = input;
            const fill = (v: string) =>
              v
                .replace(CREDENTIALS.manage, fixture.manageKey)
                .replace(CREDENTIALS.token, fixture.token)
                .replace(CREDENTIALS.other, fixture.otherKey)
                .replace(NAMES.slug, fixture.slug)
                .replace(NAMES.submission, fixture.submissionId)
                .replace(NAMES.student, fixture.studentId)
                .replace(NAMES.design, fixture.designId)
                .replace(NAMES.entry, fixture.entryId)
                .replace(NAMES.key, fixture.keyId)
                .replace(NAMES.joinToken, fixture.joinToken)
                .replace(CREDENTIALS.pairKey, fixture.pair.key)
                .replace(CREDENTIALS.pairToken, fixture.pair.token)
                .replace(NAMES.pairStream, fixture.pair.stream)
                .replace(NAMES.pair, fixture.pair.id);
            r = { ...r, slug: fill(r.slug), id: fill(r.id) };
            const handler = mod[r.method] ?? (r.method === 'HEAD' ? mod.GET : undefined);
            if (!handler) throw new Error(`${r.method} ${route} is not exported`);
            // The interview routes take a problem id: one that exists, so the inputs reach the route's work.
            const problemId = 'pastebin';
            const url = `http://test.local/api/${route.replace('[problemId]', problemId).replace('[slug]', encodeURIComponent(r.slug)).replace(/\[(id|studentId|entryId|keyId)\]/, encodeURIComponent(r.id))}${fill(r.query)}`;
            const headers = new Headers();
            for (const [k, v] of Object.entries(r.headers)) {
              try {
                headers.set(k, fill(v as string));
              } catch {
                /* a value no HTTP client could send */
              }
            }
            const withBody = r.body !== undefined && !['GET', 'HEAD'].includes(r.method);
            const req = new Request(url, { method: r.method, headers, body: withBody ? fill(r.body!) : undefined });
            const res = await handler(req, { params: Promise.resolve({ slug: r.slug, problemId, id: r.id, studentId: r.id, entryId: r.id, keyId: r.id, path: r.rest }) });
            // A live stream that opened never ends by itself: it counts as served, its body left unread.
            const streaming = res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('text/event-stream');
            if (streaming) await res.body?.cancel();
            const text = streaming ? '' : await res.text();
            tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
            // What the fuzzing destroyed (a replaced key, a deleted scenario, a removed student), made again for the next input.
            if (res.status === 200 && r.method === 'DELETE') fixture = await makeFixture();
            if (res.status === 200 && route.endsWith('/key') && r.method === 'POST') fixture.manageKey = (JSON.parse(text) as { manageKey: string }).manageKey;
            const shown = `${r.method} ${url.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
            expect(res.status, shown).toBeLessThan(500);
            if (res.status >= 400) {
              expect(res.headers.get('content-type'), shown).toMatch(/^application\/json/);
              const body = JSON.parse(text) as { error?: unknown };
              expect(typeof body.error, shown).toBe('string');
              expect((body.error as string).length, shown).toBeGreaterThan(10);
            }
          }),
          // Besides the random inputs, one well-formed request per served method, so every route is seen serving.
          { numRuns: Number(process.env.FUZZ_RUNS ?? 60), endOnFailure: true, examples: served.map((method) => [wellFormed(route, method)]) },
        );
      } finally {
        logged.mockRestore();
      }
      console.log(`${route}: ${[...tally].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(' ')}`);
      // The inputs reach the route's work, not only its first refusal: some are served.
      if (route !== '[[...path]]') expect([...tally.keys()].some((k) => k < 300 && k !== 204), `${route} served none`).toBe(true);
    });
  }
});
