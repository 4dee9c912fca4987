import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The model blocks of a Prisma schema, without comments or blank lines. */
function models(file: string): string {
  const text = fs.readFileSync(path.join(import.meta.dirname, '..', '..', file), 'utf8');
  return (text.match(/^model [\s\S]*?^}/gm) ?? [])
    .join('\n')
    .split('\n')
    .map((l) => l.replace(/\/\/.*$/, '').trim())
    .filter(Boolean)
    .join('\n');
}

describe('database schemas', () => {
  it('keeps the SQLite and PostgreSQL models identical', () => {
    const sqlite = models('prisma/schema.prisma');
    expect(sqlite).toContain('model Design');
    expect(models('prisma/postgres/schema.prisma')).toBe(sqlite);
  });
});
