import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './temp-dirs';

const root = path.resolve(__dirname, '..');

/** A system temporary folder of the test's own, handed to child processes as TMPDIR. */
let tmp = '';
afterEach(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  tmp = '';
});
const own = () => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scalelab-temp-dirs-test-')));
/**
 * What is left in the test's temporary folder, but for tsx's compile cache
 * (`tsx-<uid>`), which tsx keeps there on purpose, shared by every run.
 */
const leftovers = () => fs.readdirSync(tmp).filter((name) => !/^tsx-\d+$/.test(name));

/** The script that makes a harness database, as a process of its own. */
function freshSqliteScript(wait: boolean) {
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests', 'fixtures', 'fresh-sqlite.ts'), ...(wait ? ['wait'] : [])], {
    cwd: root,
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (b: Buffer) => (err += b));
    child.stdout!.on('data', (b: Buffer) => {
      out += b;
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.on('exit', (code) => reject(new Error(`the script exited (${code}) before printing: ${err}`)));
  });
}

const dirOf = (url: string) => path.dirname(url.replace(/^file:/, ''));
const exited = (child: ReturnType<typeof spawn>) => new Promise((r) => child.once('exit', r));

describe('temporary folders', () => {
  it('are unique and removed by removeTempDirs', () => {
    const a = tempDir('scalelab-unit-');
    const b = tempDir('scalelab-unit-');
    expect(a).not.toBe(b);
    fs.writeFileSync(path.join(a, 'x'), 'x');
    removeTempDirs();
    expect(fs.existsSync(a)).toBe(false);
    expect(fs.existsSync(b)).toBe(false);
  });

  it('a harness database goes when its script exits', async () => {
    own();
    const child = freshSqliteScript(false);
    const url = await firstLine(child);
    await exited(child);
    expect(dirOf(url).startsWith(tmp)).toBe(true);
    expect(fs.existsSync(dirOf(url))).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('a harness database goes when its script is interrupted', async () => {
    own();
    const child = freshSqliteScript(true);
    const url = await firstLine(child);
    expect(fs.existsSync(dirOf(url))).toBe(true);
    child.kill('SIGTERM');
    await exited(child);
    expect(child.signalCode).toBe('SIGTERM'); // died of the signal, as without the clean-up
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('a Vitest run leaves nothing in the temporary folder', () => {
    own();
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scalelab-temp-dirs-report-')), 'report.json');
    try {
      const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/fixtures/temp-dirs.fixture.ts'], {
        cwd: root,
        env: { ...process.env, TMPDIR: tmp, SCALELAB_VITEST_FIXTURES: '1', SCALELAB_FIXTURE_REPORT: report },
        encoding: 'utf8',
      });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const made = JSON.parse(fs.readFileSync(report, 'utf8')) as { tmpdir: string; dirs: string[] };
      // The test file ran inside the run's own folder, and made two folders there.
      expect(path.basename(made.tmpdir)).toMatch(/^scalelab-vitest-/);
      expect(made.dirs).toHaveLength(2);
      for (const dir of made.dirs) {
        expect(dir.startsWith(tmp)).toBe(true);
        expect(fs.existsSync(dir)).toBe(false);
      }
      expect(leftovers()).toEqual([]);
    } finally {
      fs.rmSync(path.dirname(report), { recursive: true, force: true });
    }
  }, 120_000);
});
