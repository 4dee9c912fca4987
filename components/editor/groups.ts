import { CATALOG, type KindGroup, KINDS, type Kind } from '@/lib/engine/data';

/** Palette sections, in the order traffic meets them. */
export const GROUPS: readonly { id: KindGroup; label: string }[] = [
  { id: 'edge', label: 'Edge and entry' },
  { id: 'compute', label: 'Compute' },
  { id: 'data', label: 'Data' },
  { id: 'async', label: 'Async' },
  { id: 'operations', label: 'Operations' },
];

/** Kinds of each group, in catalog order. */
export const KINDS_BY_GROUP: Record<KindGroup, Kind[]> = {
  edge: [],
  compute: [],
  data: [],
  async: [],
  operations: [],
};
for (const kind of KINDS) KINDS_BY_GROUP[CATALOG[kind].group].push(kind);

/** Icon tile colours per group (Tailwind classes; contrast checked against white text-free tiles). */
export const GROUP_TILE: Record<KindGroup, string> = {
  edge: 'bg-sky-100 text-sky-800',
  compute: 'bg-brand-100 text-brand-700',
  data: 'bg-emerald-100 text-emerald-800',
  async: 'bg-amber-100 text-amber-800',
  operations: 'bg-slate-200 text-slate-700',
};

/** Minimap fill per group. */
export const GROUP_FILL: Record<KindGroup, string> = {
  edge: '#7dd3fc',
  compute: '#93b4ff',
  data: '#6ee7b7',
  async: '#fcd34d',
  operations: '#cbd5e1',
};
