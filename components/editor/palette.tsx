'use client';

import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { CATALOG, KINDS, type Kind } from '@/lib/engine/data';
import { kindAllowed } from '@/lib/editor/store';
import { technologyList } from '@/lib/editor/technology-view';
import type { XY } from '@/lib/editor/types';
import { GROUP_TILE, GROUPS, KINDS_BY_GROUP } from './groups';
import { KindIcon } from './kind-icons';
import { CANVAS_SELECTOR, useAddNode } from './use-add-node';

/** Pointer travel (px) before a press on a palette item becomes a drag. */
const DRAG_THRESHOLD = 5;

/**
 * How well a kind matches the search words: 0 = not at all; name matches
 * outrank description matches, so "datab" puts Database before Cache.
 */
function score(kind: Kind, words: string[]): number {
  const spec = CATALOG[kind];
  const name = `${spec.label} ${kind}`.toLowerCase();
  // Technology names find their kind too: "kafka" finds the queue, "redis" the cache.
  const rest = `${spec.description} ${GROUPS.find((g) => g.id === spec.group)?.label} ${technologyList(kind)}`.toLowerCase();
  let total = 0;
  for (const w of words) {
    if (name.startsWith(w)) total += 4;
    else if (name.split(/[\s-]+/).some((part) => part.startsWith(w))) total += 3;
    else if (name.includes(w)) total += 2;
    else if (rest.includes(w)) total += 1;
    else return 0;
  }
  return total;
}

/** Where a palette drag would land: over the canvas, but not over its controls or minimap. */
function dropTarget(x: number, y: number): boolean {
  const el = document.elementFromPoint(x, y);
  return !!el?.closest(CANVAS_SELECTOR) && !el.closest('.react-flow__panel');
}

function DragGhost({ kind, at }: { kind: Kind; at: XY }) {
  const spec = CATALOG[kind];
  return createPortal(
    <div
      className="pointer-events-none fixed z-50 flex w-52 items-center gap-2.5 rounded-lg border border-brand-500 bg-white/90 px-2.5 py-2 shadow-lg"
      style={{ left: at.x - 104, top: at.y - 24 }}
      aria-hidden="true"
    >
      <span className={`grid h-8 w-8 place-items-center rounded-md ${GROUP_TILE[spec.group]}`}>
        <KindIcon kind={kind} className="h-5 w-5" />
      </span>
      <span className="text-sm font-semibold text-slate-900">{spec.label}</span>
    </div>,
    document.body,
  );
}

interface ItemProps {
  kind: Kind;
  tabbable: boolean;
  onAdd(kind: Kind, client?: XY): void;
  onFocusItem(kind: Kind): void;
  onKeyNav(e: KeyboardEvent<HTMLButtonElement>, kind: Kind): void;
}

function PaletteItem({ kind, tabbable, onAdd, onFocusItem, onKeyNav }: ItemProps) {
  const spec = CATALOG[kind];
  const technologies = technologyList(kind);
  const descId = useId();
  const press = useRef<{ id: number; x: number; y: number; dragging: boolean } | null>(null);
  const suppressClick = useRef(false);
  const [ghost, setGhost] = useState<XY | null>(null);

  // Mouse and pen drag a card out onto the canvas; touch keeps scrolling the list and adds by tap.
  const onPointerDown = (e: ReactPointerEvent<HTMLButtonElement>) => {
    suppressClick.current = false;
    if (e.pointerType === 'touch' || e.button !== 0) return;
    press.current = { id: e.pointerId, x: e.clientX, y: e.clientY, dragging: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const p = press.current;
    if (!p || p.id !== e.pointerId) return;
    if (!p.dragging && Math.hypot(e.clientX - p.x, e.clientY - p.y) > DRAG_THRESHOLD) p.dragging = true;
    if (p.dragging) setGhost({ x: e.clientX, y: e.clientY });
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const p = press.current;
    press.current = null;
    setGhost(null);
    if (!p || p.id !== e.pointerId || !p.dragging) return;
    suppressClick.current = true;
    if (dropTarget(e.clientX, e.clientY)) onAdd(kind, { x: e.clientX, y: e.clientY });
  };
  const onPointerCancel = () => {
    press.current = null;
    setGhost(null);
  };

  return (
    <li>
      <button
        type="button"
        data-kind={kind}
        tabIndex={tabbable ? 0 : -1}
        aria-label={spec.label}
        aria-describedby={descId}
        title={technologies ? `${spec.label}: ${technologies}` : undefined}
        className="group flex w-full touch-pan-y select-none items-start gap-2.5 rounded-md px-2 py-2 text-left hover:bg-slate-100 focus-visible:bg-brand-50 active:cursor-grabbing"
        style={{ cursor: 'grab' }}
        onClick={() => {
          if (suppressClick.current) {
            suppressClick.current = false;
            return;
          }
          onAdd(kind);
        }}
        onFocus={() => onFocusItem(kind)}
        onKeyDown={(e) => onKeyNav(e, kind)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
      >
        <span className={`grid h-9 w-9 shrink-0 place-items-center rounded-md ${GROUP_TILE[spec.group]}`}>
          <KindIcon kind={kind} className="h-5 w-5" />
        </span>
        <span className="min-w-0">
          <span className="block text-sm font-medium text-slate-900">{spec.label}</span>
          <span id={descId} className="block text-xs leading-snug text-slate-600">
            {spec.description}
          </span>
        </span>
      </button>
      {ghost ? <DragGhost kind={kind} at={ghost} /> : null}
    </li>
  );
}

/**
 * Every kind in the engine's catalog (or only `kinds`, as a scenario allows;
 * Users always), grouped and searchable. Drag one onto the canvas, or tap it
 * / press Enter on it to add it at the centre of the view. Arrow keys move
 * between items; one Tab stop for the whole list.
 */
export function Palette({ onAdded, kinds }: { onAdded?: () => void; kinds?: readonly Kind[] }) {
  const add = useAddNode();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<Kind | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const searchId = useId();

  const offered = useMemo(() => KINDS.filter((k) => kindAllowed(kinds, k)), [kinds]);
  const words = useMemo(() => query.toLowerCase().split(/\s+/).filter(Boolean), [query]);
  // No search: every offered kind, by group. A search: one list of matches, best first.
  const visible = useMemo(() => {
    if (words.length === 0) {
      return GROUPS.map((g) => ({ id: g.id as string, label: g.label, kinds: KINDS_BY_GROUP[g.id].filter((k) => offered.includes(k)) })).filter((g) => g.kinds.length > 0);
    }
    const ranked = offered
      .map((k, i) => ({ k, i, s: score(k, words) }))
      .filter((r) => r.s > 0)
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map((r) => r.k);
    return ranked.length ? [{ id: 'matches', label: `Matches for “${query.trim()}”`, kinds: ranked }] : [];
  }, [words, query, offered]);
  const flat = useMemo(() => visible.flatMap((g) => g.kinds), [visible]);
  const tabStop = active && flat.includes(active) ? active : flat[0];

  const onAdd = (kind: Kind, client?: XY) => {
    add(kind, client);
    onAdded?.();
  };

  const focusKind = (kind: Kind | undefined) => {
    if (!kind) return;
    setActive(kind);
    listRef.current?.querySelector<HTMLButtonElement>(`button[data-kind="${kind}"]`)?.focus();
  };

  const onKeyNav = (e: KeyboardEvent<HTMLButtonElement>, kind: Kind) => {
    const i = flat.indexOf(kind);
    if (e.key === 'ArrowDown') focusKind(flat[Math.min(flat.length - 1, i + 1)]);
    else if (e.key === 'ArrowUp') {
      if (i === 0) document.getElementById(searchId)?.focus();
      else focusKind(flat[i - 1]);
    } else if (e.key === 'Home') focusKind(flat[0]);
    else if (e.key === 'End') focusKind(flat[flat.length - 1]);
    else return;
    e.preventDefault();
  };

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="border-b border-slate-200 p-3">
        <h2 className="text-sm font-semibold text-slate-900">Components</h2>
        <label htmlFor={searchId} className="sr-only">
          Search components
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusKind(flat[0]);
            } else if (e.key === 'Enter' && flat.length > 0) {
              e.preventDefault();
              onAdd(flat[0]);
            }
          }}
          placeholder="Search components"
          autoComplete="off"
          className="mt-2 w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 placeholder:text-slate-500"
        />
        <p className="mt-2 text-xs leading-snug text-slate-600">
          {kinds ? 'The components this scenario allows. ' : ''}Drag onto the canvas, or tap / press Enter to add at the centre.
        </p>
      </div>
      <div ref={listRef} className="min-h-0 flex-1 overflow-y-auto px-1.5 py-2">
        {visible.length === 0 ? (
          <p className="px-2 py-4 text-sm text-slate-600">No component matches “{query}”.</p>
        ) : (
          visible.map((g) => (
            <section key={g.id} aria-labelledby={`palette-${g.id}`} className="mb-2">
              <h3 id={`palette-${g.id}`} className={`px-2 pb-1 pt-2 text-xs font-semibold text-slate-600 ${g.id === 'matches' ? '' : 'uppercase tracking-wide'}`}>
                {g.label}
              </h3>
              <ul>
                {g.kinds.map((kind) => (
                  <PaletteItem
                    key={kind}
                    kind={kind}
                    tabbable={kind === tabStop}
                    onAdd={onAdd}
                    onFocusItem={setActive}
                    onKeyNav={onKeyNav}
                  />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </div>
  );
}
