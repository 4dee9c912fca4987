import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * .ci/with-postgres.sh: CI's PostgreSQL pass runs against a server the
 * script owns — its own data directory and port — which is stopped and
 * removed afterwards, whatever happens, leaving the machine's clusters alone.
 */
const root = path.resolve(__dirname, '..');
const script = path.join(root, '.ci', 'with-postgres.sh');
const hasPostgres = fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const clusters = () => (spawnSync('pg_lsclusters', [], { encoding: 'utf8' }).stdout ?? '').trim();

/** Asks the server in TEST_DATABASE_URL who and where it is, through `pg`, as the app does. */
const probe = `
const url = new URL(process.env.TEST_DATABASE_URL);
const c = new (require('pg').Client)({ connectionString: url.href });
c.connect()
  .then(() => c.query('select current_user as u, current_database() as d, inet_server_port()::text as port'))
  .then((r) => { console.log(JSON.stringify({ url: url.href, ...r.rows[0] })); return c.end(); })
  .then(() => process.exit(Number(process.argv[1] ?? 0)));
`;

function runWith(exitCode: number) {
  const r = spawnSync('bash', [script, process.execPath, '-e', probe, String(exitCode)], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  const seen = line ? (JSON.parse(line) as { url: string; u: string; d: string; port: string }) : null;
  // The script names its data directory when the server is up.
  const dir = /\(data in (\S+)\)/.exec(r.stderr)?.[1] ?? '';
  return { status: r.status, stderr: r.stderr, seen, dir };
}

describe.skipIf(!hasPostgres)('CI’s PostgreSQL server', () => {
  it('is its own, on its own port, gone afterwards, and the command’s status is the script’s', () => {
    const before = clusters();
    const { status, stderr, seen, dir } = runWith(3);
    expect(status, stderr).toBe(3); // a failing pass fails CI, and still cleans up
    expect(seen).toMatchObject({ u: 'scalelab', d: 'scalelab_ci' });
    expect(new URL(seen!.url).port).toBe(seen!.port); // the URL reaches the server the script started
    expect(seen!.port).not.toBe('5432');
    expect(dir).toMatch(/\/scalelab-pg-\w+\/data$/);
    expect(fs.existsSync(path.dirname(dir))).toBe(false); // stopped and removed
    expect(clusters()).toBe(before); // the machine's clusters as they were
  }, 120_000);

  it('stops and removes the server when interrupted', async () => {
    const child = spawn('bash', [script, 'sleep', '600'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const ready = new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b;
        const m = /\(data in (\S+)\)/.exec(err);
        if (m) resolve(m[1]);
      });
      child.once('exit', () => reject(new Error(`exited before the server was ready: ${err}`)));
    });
    const dataDir = await ready;
    expect(fs.existsSync(dataDir)).toBe(true);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(143);
    expect(fs.existsSync(path.dirname(dataDir))).toBe(false);
    // No server is left running on that data directory.
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(dataDir);
  }, 120_000);
});
