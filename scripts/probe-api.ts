/**
 * `npm run probe:api`: starts the production app (scripts/app-process.ts
 * startApp) on a fresh SQLite database and sends the attack and bad-input
 * requests of issue #18, one by one, printing a table:
 *
 *   request → status → rows stored before → after → the answer's first words
 *
 * Exits 1 when any answer is a 5xx, or is not JSON where the API promises
 * JSON (every answer but the CSV export and the bodiless 204/HEAD ones).
 *
 *   npm run probe:api                 # builds first when the sources changed
 *   npm run probe:api -- --url http://127.0.0.1:3000   # an app already running (rows not counted)
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { distDirFor, ensureBuild, freshSqlite, holdDistDir, startApp, type AppProcess } from './app-process';

const DIST_DIR = distDirFor('probe');

interface Probe {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Answers this is not JSON by design (the CSV export). */
  notJson?: boolean;
  /** Shown after the status: what the answer says that matters here. */
  show?: (body: unknown, text: string) => string;
}

interface Row {
  request: string;
  status: number | string;
  json: boolean;
  before: string;
  after: string;
  says: string;
  bad: boolean;
}

const argUrl = (() => {
  const i = process.argv.indexOf('--url');
  return i >= 0 ? process.argv[i + 1] : null;
})();

function counter(databaseUrl: string | null): () => string {
  if (!databaseUrl) return () => '—';
  const file = databaseUrl.replace(/^file:/, '');
  return () => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
      return `${n('Scenario')}/${n('Student')}/${n('Submission')}/${n('Design')}`;
    } finally {
      db.close();
    }
  };
}

const json = (v: unknown) => JSON.stringify(v);
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const design = (instances = 2) => ({
  schemaVersion: 1,
  name: 'Probe',
  nodes: [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
    { id: 'lb', kind: 'load-balancer', position: { x: 200, y: 0 } },
    { id: 'app', kind: 'app-server', params: { instances, stateless: true }, position: { x: 400, y: 0 } },
    { id: 'db', kind: 'database', params: { size: 'large' }, position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'app' },
    { id: 'e3', source: 'app', target: 'db' },
  ],
});
const scenario = (title = 'Probe class') => ({
  title,
  brief: '## Probe\n\nServe the target.',
  config: { targets: [{ type: 'stage', stage: 3 }], allowedKinds: ['load-balancer', 'app-server', 'database', 'cache'], scoreVisibility: 'on-submit', leaderboard: true },
});
const bigDesign = (components: number) => ({
  schemaVersion: 1,
  name: 'Huge',
  nodes: [{ id: 'users', kind: 'users', position: { x: 0, y: 0 } }, ...Array.from({ length: components }, (_, i) => ({ id: `c${i}`, kind: 'cache', position: { x: i, y: 0 } }))],
  edges: [],
});
/** One request over node:http, which sends any method (fetch refuses TRACE); answers the status and the body as text. */
function httpRequest(url: string, method: string, headers: Record<string, string> = {}, body?: string | Uint8Array): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const errorOf = (b: unknown) => (b && typeof b === 'object' && 'error' in b ? String((b as { error: unknown }).error) : '');

async function main() {
  let app: AppProcess | null = null;
  let release: (() => void) | null = null;
  let databaseUrl: string | null = null;
  let base = argUrl;
  if (!base) {
    release = await holdDistDir(DIST_DIR);
    await ensureBuild(DIST_DIR, (l) => console.log(l));
    databaseUrl = await freshSqlite();
    console.log('[probe:api] starting the production app on a fresh SQLite database…');
    app = await startApp({ databaseUrl, distDir: DIST_DIR });
    base = app.url;
  }
  const count = counter(databaseUrl);
  const rows: Row[] = [];

  const send = async (p: Probe): Promise<{ status: number; body: unknown; text: string }> => {
    const before = count();
    let status: number | string = 'no answer';
    let text = '';
    let body: unknown = null;
    let isJson = false;
    try {
      const res = await httpRequest(`${base}${p.path}`, p.method, p.headers, p.body);
      status = res.status;
      text = res.text;
      try {
        body = JSON.parse(text);
        isJson = true;
      } catch {
        /* not JSON */
      }
    } catch (e) {
      text = String(e);
    }
    const noBody = status === 204 || p.method === 'HEAD';
    const bad = typeof status !== 'number' || status >= 500 || (!isJson && !p.notJson && !noBody);
    const says = p.show ? p.show(body, text) : errorOf(body) || text.slice(0, 60);
    rows.push({ request: `${p.method} ${p.name}`, status, json: isJson, before, after: count(), says: says.replace(/\s+/g, ' ').slice(0, 110), bad });
    return { status: typeof status === 'number' ? status : 0, body, text };
  };
  const JSON_HEADERS = { 'content-type': 'application/json' };

  // Set-up: a scenario, two students, a submission each.
  const created = await send({ name: '/api/scenarios (an instructor creates a scenario)', method: 'POST', path: '/api/scenarios', headers: JSON_HEADERS, body: json(scenario()), show: (b) => `slug ${(b as { slug?: string }).slug ?? '?'}` });
  const { slug, manageKey } = created.body as { slug: string; manageKey: string };
  const other = (await send({ name: '/api/scenarios (another instructor)', method: 'POST', path: '/api/scenarios', headers: JSON_HEADERS, body: json(scenario('Other class')), show: () => 'a second scenario' })).body as { slug: string; manageKey: string };
  const joinAs = async (name: string, displayName: string, target = slug) =>
    (await send({ name, method: 'POST', path: `/api/scenarios/${target}/students`, headers: { ...JSON_HEADERS, 'x-forwarded-for': `198.51.100.${rows.length}` }, body: json({ displayName }), show: (b) => errorOf(b) || `joined as ${json((b as { displayName?: string } | null)?.displayName)}` })).body as { resumeToken: string };
  const ada = await joinAs('/students (Ada joins)', 'Ada');
  const evil = await joinAs('/students (a name that is a formula: x;=1+1)', 'x;=1+1');
  const submitAs = (name: string, token: string | null, body: string, target = slug) =>
    send({ name, method: 'POST', path: `/api/scenarios/${target}/submissions`, headers: { ...JSON_HEADERS, ...(token ? { 'x-student-token': token } : {}) }, body, show: (b) => errorOf(b) || `stored, score ${(b as { submission?: { score?: number } }).submission?.score ?? 'hidden'}` });
  await submitAs('/submissions (Ada submits)', ada.resumeToken, json({ design: design(3) }));
  const second = await submitAs('/submissions (x;=1+1 submits)', evil.resumeToken, json({ design: design(2) }));

  // Bad input and attacks.
  await submitAs('/submissions nested 200,000 levels, no token', null, `{"design":${deep(200_000)}}`);
  await submitAs('/submissions nested 200,000 levels, with a token', ada.resumeToken, `{"design":${deep(200_000)}}`);
  await send({ name: '/api/designs nested 200,000 levels', method: 'POST', path: '/api/designs', headers: JSON_HEADERS, body: deep(200_000) });
  await joinAs('/students with a lone surrogate in the name', 'Ada\ud800');
  await send({ name: '/students, name "Ada\\ud800" as raw JSON', method: 'POST', path: `/api/scenarios/${slug}/students`, headers: JSON_HEADERS, body: '{"displayName":"Ada\\ud800"}' });
  await send({ name: '/api/scenarios, title with a lone surrogate', method: 'POST', path: '/api/scenarios', headers: JSON_HEADERS, body: json(scenario()).replace('Probe class', 'Probe\\udc00') });
  await submitAs('/submissions, instances 1e400 (Infinity)', ada.resumeToken, json({ design: design(2) }).replace('"instances":2', '"instances":1e400'));
  await submitAs('/submissions, instances 1e308', ada.resumeToken, json({ design: design(2) }).replace('"instances":2', '"instances":1e308'));
  await submitAs('/submissions, 3,400 components', ada.resumeToken, json({ design: bigDesign(3400) }));
  await submitAs('/submissions, design is a string', ada.resumeToken, json({ design: 'x' }));
  await send({ name: '/api/scenarios, 10 MB body', method: 'POST', path: '/api/scenarios', headers: JSON_HEADERS, body: new Uint8Array(10 * 1024 * 1024).fill(32) });
  await send({ name: '/api/designs, 1 MB design', method: 'POST', path: '/api/designs', headers: JSON_HEADERS, body: json({ ...design(), name: 'x'.repeat(1024 * 1024) }) });
  await send({ name: '/api/scenarios as a form (no preflight)', method: 'POST', path: '/api/scenarios', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'title=x' });
  await send({ name: '/api/scenarios, invalid JSON', method: 'POST', path: '/api/scenarios', headers: JSON_HEADERS, body: '{"title": ' });
  await send({ name: '/api/scenarios (TRACE)', method: 'TRACE', path: '/api/scenarios' });
  await send({ name: '/api/scenarios (PUT)', method: 'PUT', path: '/api/scenarios' });
  await send({ name: '/api/no/such/route', method: 'GET', path: '/api/no/such/route' });
  await send({ name: '/api/scenarios/<unknown slug>', method: 'GET', path: '/api/scenarios/AAAAAAAAAAAAAAAAAAAAAA' });

  // Public sample: a stranger's work reaches nobody else's leaderboard.
  const stranger = await joinAs('/sample-daily-byte/students (a stranger)', 'Mallory was here', 'sample-daily-byte');
  const sample = (await send({ name: '/api/scenarios/sample-daily-byte', method: 'GET', path: '/api/scenarios/sample-daily-byte', show: () => 'the sample, to submit its starting design' })).body as { startingDesign: unknown };
  await submitAs('/sample-daily-byte/submissions (the stranger)', stranger.resumeToken, json({ design: sample.startingDesign }), 'sample-daily-byte');
  await send({
    name: '/sample-daily-byte/leaderboard (anyone else)',
    method: 'GET',
    path: '/api/scenarios/sample-daily-byte/leaderboard',
    show: (b) => `lists ${((b as { entries?: { displayName: string }[] }).entries ?? []).map((e) => e.displayName).join(', ')}`,
  });

  // CSV: ids and formula-safe cells.
  await send({
    name: `/manage/export (CSV)`,
    method: 'GET',
    path: `/api/scenarios/${slug}/manage/export`,
    headers: { 'x-manage-key': manageKey },
    notJson: true,
    show: (_b, text) => `${text.split('\r\n')[0].split(',').slice(0, 3).join(',')}… | ${text.split('\r\n').find((l) => l.includes('1+1')) ?? 'no x;=1+1 row'}`.slice(0, 110),
  });

  // Moderation.
  const dash = (await send({ name: '/manage (dashboard data)', method: 'GET', path: `/api/scenarios/${slug}/manage`, headers: { 'x-manage-key': manageKey }, show: (b) => `${(b as { submissions?: unknown[] }).submissions?.length ?? 0} submissions` })).body as {
    submissions: { id: string; studentId: string; displayName: string }[];
  };
  const adaRow = dash.submissions.find((r) => r.displayName === 'Ada')!;
  const secondId = (second.body as { submission: { id: string } }).submission.id;
  await send({ name: '/manage/students/<Ada> with another scenario’s key', method: 'DELETE', path: `/api/scenarios/${slug}/manage/students/${adaRow.studentId}`, headers: { 'x-manage-key': other.manageKey } });
  await send({ name: '/manage/students/<Ada> with a student token', method: 'DELETE', path: `/api/scenarios/${slug}/manage/students/${adaRow.studentId}`, headers: { 'x-manage-key': ada.resumeToken } });
  await send({ name: '/manage/submissions/<one> (remove a submission)', method: 'DELETE', path: `/api/scenarios/${slug}/manage/submissions/${secondId}`, headers: { 'x-manage-key': manageKey }, show: (b) => errorOf(b) || `deleted ${json((b as { deleted?: unknown }).deleted)}` });
  await send({ name: '/manage/students/<Ada> (remove a student)', method: 'DELETE', path: `/api/scenarios/${slug}/manage/students/${adaRow.studentId}`, headers: { 'x-manage-key': manageKey }, show: (b) => errorOf(b) || `deleted ${json((b as { deleted?: unknown }).deleted)}` });
  await send({ name: '/me with the removed student’s token', method: 'GET', path: `/api/scenarios/${slug}/me`, headers: { 'x-student-token': ada.resumeToken } });
  await submitAs('/submissions with the removed student’s token', ada.resumeToken, json({ design: design(3) }));

  if (app) await app.kill();
  release?.();
  if (databaseUrl) fs.rmSync(path.dirname(databaseUrl.replace(/^file:/, '')), { recursive: true, force: true });

  // The table.
  const head = ['#', 'request', 'status', 'JSON', 'stored before → after (scenarios/students/submissions/designs)', 'answer'];
  const cells = rows.map((r, i) => [String(i + 1), r.request, String(r.status) + (r.bad ? ' ✗' : ''), r.json ? 'yes' : 'no', `${r.before} → ${r.after}${r.before === r.after ? '' : ' *'}`, r.says]);
  const widths = head.map((h, c) => Math.min(c === 5 ? 110 : 70, Math.max(h.length, ...cells.map((row) => row[c].length))));
  const line = (row: string[]) => `| ${row.map((v, c) => v.padEnd(widths[c])).join(' | ')} |`;
  console.log(`\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of cells) console.log(line(row));
  const bad = rows.filter((r) => r.bad);
  console.log(`\n[probe:api] ${rows.length} requests; * = rows stored; ${bad.length} answered a 5xx or not JSON${bad.length ? `: ${bad.map((r) => r.request).join('; ')}` : ''}.`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error('[probe:api] failed:', e);
  process.exit(2);
});
