/**
 * A fingerprint of everything that goes into the production build, so
 * `npm start` rebuilds exactly when the sources changed since the last build.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const INPUTS = ['app', 'components', 'content', 'lib', 'public', 'next.config.js', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs', 'prisma/schema.prisma', 'prisma/postgres/schema.prisma'];
const SKIP = new Set(['node_modules', '.next', 'generated']);
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');

function walk(p: string, out: string[]) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (!SKIP.has(name) && !name.endsWith('.test.ts')) walk(path.join(p, name), out);
    }
  } else {
    out.push(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function sourceHash(): string {
  const lines: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), lines);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export const BUILD_STAMP = path.join(distDir, 'scalelab-source-hash');

export function buildIsCurrent(): boolean {
  try {
    return fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.readFileSync(BUILD_STAMP, 'utf8') === sourceHash();
  } catch {
    return false;
  }
}

export function stampBuild(): void {
  fs.writeFileSync(BUILD_STAMP, sourceHash());
}
