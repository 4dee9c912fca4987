/**
 * Readable, unique ids for new nodes and edges (`app-server`, `app-server-2`,
 * `e-users-lb`). The engine's findings name nodes by id, so short readable
 * ids make its messages readable too.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 80) || 'node';
  if (!taken.has(clean)) return clean;
  const stem = clean.replace(/-\d+$/, '');
  for (let i = 2; ; i++) {
    const id = `${stem}-${i}`;
    if (!taken.has(id)) return id;
  }
}

export function edgeIdFor(source: string, target: string, taken: ReadonlySet<string>): string {
  const base = `e-${source}-${target}`;
  return uniqueId(base.length > 80 ? 'e' : base, taken);
}

/**
 * A label not yet used: "App server", then "App server 2", "App server 3".
 * A label that already ends in a number continues from the stem.
 */
export function uniqueLabel(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const stem = base.replace(/\s+\d+$/, '');
  for (let i = 2; ; i++) {
    const label = `${stem} ${i}`;
    if (!taken.has(label)) return label;
  }
}
