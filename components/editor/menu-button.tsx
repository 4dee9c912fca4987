'use client';

import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** The gap a menu keeps from the screen's edges, px. */
const EDGE = 8;

/** How far to move a menu sideways so that [left, right] lies within [EDGE, width − EDGE] (left edge wins when it cannot fit). */
export function shiftIntoView(left: number, right: number, width: number): number {
  const over = right - (width - EDGE);
  let dx = over > 0 ? -over : 0;
  if (left + dx < EDGE) dx = EDGE - left;
  return dx;
}

export interface MenuItem {
  label: string;
  hint?: string;
  onSelect(): void;
}

/**
 * A button that opens a menu (WAI-ARIA menu button): arrow keys move, Enter
 * chooses, Escape or a click elsewhere closes and returns focus.
 */
export function MenuButton({
  label,
  icon,
  items,
  className,
  title,
  align = 'start',
  chevron = true,
}: {
  label: ReactNode;
  icon?: ReactNode;
  items: MenuItem[];
  className: string;
  title?: string;
  /** Which edge of the button the menu lines up with (`end` for a button near the right of the screen). */
  align?: 'start' | 'end';
  /** Draw the small down arrow after the label: always, never (an icon-only button), or from the `sm` width up. */
  chevron?: boolean | 'sm';
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  // Keep the open menu on screen: a button near either edge of a phone would push it off otherwise.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!open || !menu) return;
    const place = () => {
      menu.style.translate = '';
      const r = menu.getBoundingClientRect();
      const dx = shiftIntoView(r.left, r.right, document.documentElement.clientWidth);
      menu.style.translate = dx ? `${dx}px 0` : '';
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open]);

  const focusItem = (delta: number | 'first' | 'last') => {
    const els = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = els.indexOf(document.activeElement as HTMLElement);
    const next = delta === 'first' ? 0 : delta === 'last' ? els.length - 1 : (i + delta + els.length) % els.length;
    els[next]?.focus();
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        className={className}
        title={title}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon}
        {label}
        {chevron ? (
          <svg viewBox="0 0 20 20" className={chevron === 'sm' ? 'hidden h-4 w-4 sm:block' : 'h-4 w-4'} fill="none" stroke="currentColor" strokeWidth={1.6} aria-hidden="true">
            <path d="m6 8 4 4 4-4" />
          </svg>
        ) : null}
      </button>
      {open ? (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          className={`absolute ${align === 'end' ? 'right-0' : 'left-0'} top-full z-40 mt-1 max-h-[70vh] min-w-60 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-xl`}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') focusItem(1);
            else if (e.key === 'ArrowUp') focusItem(-1);
            else if (e.key === 'Home') focusItem('first');
            else if (e.key === 'End') focusItem('last');
            else if (e.key === 'Escape' || e.key === 'Tab') {
              setOpen(false);
              if (e.key === 'Escape') buttonRef.current?.focus();
              return;
            } else return;
            e.preventDefault();
          }}
        >
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="flex w-full flex-col items-start px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-brand-50 focus:outline-none"
                onClick={() => {
                  setOpen(false);
                  buttonRef.current?.focus();
                  item.onSelect();
                }}
              >
                <span className="font-medium">{item.label}</span>
                {item.hint ? <span className="text-xs text-slate-600">{item.hint}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
