/**
 * Temporary folders that remove themselves: each one is unique (mkdtemp in
 * the system temporary folder) and is removed by `removeTempDirs()`, or at
 * the latest when the process exits — normally, or on SIGINT, SIGTERM or
 * SIGHUP. Scripts and test harnesses make their scratch folders here so a run
 * leaves nothing behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();
let hooked = false;

/** Removes every folder `tempDir` made in this process that is still there. */
export function removeTempDirs(): void {
  for (const dir of made) {
    fs.rmSync(dir, { recursive: true, force: true });
    made.delete(dir);
  }
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', removeTempDirs);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // Clean up, then die of the signal as the process would have without
    // this handler — unless the process handles the signal itself.
    process.once(signal, () => {
      removeTempDirs();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** A new, empty folder `<tmp>/<prefix>XXXXXX`, removed with the others. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  hookExit();
  return dir;
}

/** Removes one folder made by `tempDir` now. */
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  made.delete(dir);
}
