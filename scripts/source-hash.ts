/**
 * A fingerprint of everything that goes into the production build, so
 * `npm start` and the test harnesses rebuild exactly when the sources
 * changed since the last build: the hash of every input file's path and
 * contents. Touching a file (or a checkout, or `git stash && git stash pop`)
 * does not rebuild; an edit does, whatever its size.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
/** What `next build` reads: the app's sources, its configuration and the locked dependencies. */
export const INPUTS = [
  'app',
  'components',
  'content',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
  'prisma/schema.prisma',
  'prisma/postgres/schema.prisma',
];
const SKIP = new Set(['node_modules', '.next', 'generated']);
const isTest = (name: string) => /\.test\.tsx?$/.test(name);

/** The default dist directory: Next's `.next`, or NEXT_DIST_DIR. */
export const DEFAULT_DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
const STAMP = 'scalelab-source-hash';

function walk(p: string, out: string[]) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (!SKIP.has(name) && !isTest(name)) walk(path.join(p, name), out);
    }
  } else if (stat.isFile()) {
    out.push(p);
  }
}

/** The files `sourceHash` reads, in the order it reads them. */
export function sourceFiles(base = root): string[] {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(base, input), files);
  return files;
}

/** sha256 over each input file's path (relative to `base`) and contents. */
export function sourceHash(base = root): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(base)) {
    const contents = fs.readFileSync(file);
    hash.update(`${path.relative(base, file)}\0${contents.length}\0`);
    hash.update(contents);
  }
  return hash.digest('hex');
}

/** Whether `distDir` holds a complete build of the sources as they are now. */
export function buildIsCurrent(distDir: string = DEFAULT_DIST_DIR, base = root): boolean {
  try {
    const dir = path.resolve(base, distDir);
    return fs.existsSync(path.join(dir, 'BUILD_ID')) && fs.readFileSync(path.join(dir, STAMP), 'utf8') === sourceHash(base);
  } catch {
    return false;
  }
}

/** Records which sources the build in `distDir` was made from (the hash taken before it started). */
export function stampBuild(distDir: string = DEFAULT_DIST_DIR, hash: string = sourceHash(), base = root): void {
  fs.writeFileSync(path.join(path.resolve(base, distDir), STAMP), hash);
}
