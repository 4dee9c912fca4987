import type { ContentHeading } from '@/lib/learn/mdx';

function TocList({ headings }: { headings: ContentHeading[] }) {
  return (
    <ol className="space-y-1.5 text-sm">
      {headings.map((h) => (
        <li key={h.id} className={h.depth === 3 ? 'pl-3' : undefined}>
          <a
            href={`#${h.id}`}
            className={`block leading-snug hover:text-brand-700 ${h.depth === 3 ? 'text-slate-500' : 'text-slate-700'}`}
          >
            {h.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

/** "On this page": a sticky list on wide screens. */
export function TableOfContents({ headings }: { headings: ContentHeading[] }) {
  if (headings.length === 0) return null;
  return (
    <nav aria-label="On this page" className="sticky top-6 max-h-[calc(100vh-3rem)] overflow-y-auto">
      <p className="mb-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">On this page</p>
      <TocList headings={headings} />
    </nav>
  );
}

/** The same list folded into a disclosure, for narrow screens. */
export function CompactTableOfContents({ headings }: { headings: ContentHeading[] }) {
  if (headings.length === 0) return null;
  return (
    <details className="group my-6 rounded-lg border border-slate-200 bg-slate-50 px-4 py-2">
      <summary className="cursor-pointer py-1 text-sm font-medium text-slate-700">On this page</summary>
      <nav aria-label="On this page (compact)" className="pt-2 pb-2">
        <TocList headings={headings.filter((h) => h.depth === 2)} />
      </nav>
    </details>
  );
}
