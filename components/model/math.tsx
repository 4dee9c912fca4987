/**
 * Formulas as plain HTML and Unicode: italic variables, sub- and
 * superscripts, and stacked fractions, in the page's own font (no math
 * fonts, no network). Each block formula carries a spoken description for
 * screen readers.
 */
import type { ReactNode } from 'react';

/** A variable, set in italics. */
export function V({ children }: { children: ReactNode }) {
  return <var className="font-serif text-[1.05em] italic">{children}</var>;
}

/** A stacked fraction. */
export function Frac({ num, den }: { num: ReactNode; den: ReactNode }) {
  return (
    <span className="mx-0.5 inline-flex flex-col items-center align-middle text-[0.95em] leading-tight">
      <span className="px-1">{num}</span>
      <span className="w-full border-t border-current px-1">{den}</span>
    </span>
  );
}

/** A formula on its own line; `label` is what a screen reader says. */
export function Formula({ label, children, note }: { label: string; children: ReactNode; note?: ReactNode }) {
  return (
    <figure className="my-4 overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
      <div role="math" aria-label={label} className="min-w-max text-lg leading-loose text-slate-900">
        {children}
      </div>
      {note ? <figcaption className="mt-1 text-sm leading-relaxed text-slate-600">{note}</figcaption> : null}
    </figure>
  );
}
