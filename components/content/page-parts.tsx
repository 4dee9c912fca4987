import Link from 'next/link';
import type { ReactNode } from 'react';

/** Body text of a content page: comfortable size and leading; 42rem keeps lines near 70 characters. */
export function Prose({ children }: { children: ReactNode }) {
  return (
    <div className="max-w-[42rem] text-[1.0625rem] leading-7 text-slate-800 [&>*:first-child]:mt-0" data-prose>
      {children}
    </div>
  );
}

export interface Crumb {
  /** Omit for the current page. */
  href?: string;
  label: string;
}

/** Breadcrumb, eyebrow, title, one-sentence summary and reading time. */
export function PageHeader({
  crumbs,
  eyebrow,
  title,
  summary,
  meta,
  children,
}: {
  crumbs: Crumb[];
  eyebrow: ReactNode;
  title: string;
  summary: string;
  meta: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="max-w-[42rem]">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <ol className="flex flex-wrap items-center gap-1.5">
          {crumbs.map((c, i) => (
            <li key={c.label} className="flex items-center gap-1.5">
              {i > 0 ? <span aria-hidden="true">/</span> : null}
              {c.href ? (
                <Link href={c.href} className="hover:text-slate-900 hover:underline">
                  {c.label}
                </Link>
              ) : (
                <span aria-current="page" className="text-slate-700">
                  {c.label}
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <p className="mt-4 text-sm font-semibold tracking-wide text-brand-600 uppercase">{eyebrow}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance text-slate-900 sm:text-4xl">{title}</h1>
      <p className="mt-4 text-lg leading-relaxed text-slate-700">{summary}</p>
      <p className="mt-3 text-sm text-slate-500">{meta}</p>
      {children}
    </header>
  );
}
