import Link from 'next/link';
import type { Frontmatter } from '@/lib/learn/schema';

export interface PagerLink {
  href: string;
  title: string;
  /** Small text above the title, e.g. "Stage 4" or "Guide". */
  eyebrow: string;
}

/** The pager entry for a lesson or guide. */
export function pagerLink(fm: Frontmatter | undefined): PagerLink | undefined {
  if (!fm) return undefined;
  return { href: `/learn/${fm.id}`, title: fm.title, eyebrow: fm.kind === 'lesson' ? `Stage ${fm.stage}` : 'Guide' };
}

/** Previous and next pages in reading order. */
export function Pager({ prev, next }: { prev?: PagerLink; next?: PagerLink }) {
  if (!prev && !next) return null;
  return (
    <nav aria-label="Previous and next" className="mt-16 grid gap-3 border-t border-slate-200 pt-8 sm:grid-cols-2">
      {prev ? (
        <Link href={prev.href} rel="prev" className="rounded-lg border border-slate-200 p-4 hover:border-brand-500 hover:bg-brand-50">
          <span className="block text-xs text-slate-500">← Previous · {prev.eyebrow}</span>
          <span className="mt-1 block font-medium text-slate-900">{prev.title}</span>
        </Link>
      ) : (
        <span className="hidden sm:block" />
      )}
      {next ? (
        <Link
          href={next.href}
          rel="next"
          className="rounded-lg border border-slate-200 p-4 text-right hover:border-brand-500 hover:bg-brand-50"
        >
          <span className="block text-xs text-slate-500">Next · {next.eyebrow} →</span>
          <span className="mt-1 block font-medium text-slate-900">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
