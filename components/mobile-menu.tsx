'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';

/**
 * The phone header's menu: a disclosure, so it works before any script runs.
 * The header stays mounted across client navigations, so the menu closes
 * itself when the page changes, on Escape (focus back on its button) and on
 * a click or tap outside it; otherwise it would stay open over the new page.
 */
export function MobileMenu({
  className,
  summary,
  children,
}: {
  className: string;
  summary: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      const d = ref.current;
      if (d?.open && e.target instanceof Node && !d.contains(e.target)) d.open = false;
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);

  return (
    <details
      ref={ref}
      className={className}
      onKeyDown={(e) => {
        const d = ref.current;
        if (e.key !== 'Escape' || !d?.open) return;
        d.open = false;
        d.querySelector('summary')?.focus();
      }}
      onClick={(e) => {
        // A link chosen in the menu, even one to the page already open.
        if (e.target instanceof Element && e.target.closest('a') && ref.current) ref.current.open = false;
      }}
    >
      {summary}
      {children}
    </details>
  );
}
