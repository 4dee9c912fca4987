import Link from 'next/link';

export interface RelatedLink {
  href: string;
  title: string;
  summary: string;
}

/** "Read next": the pages a lesson or guide lists as related. */
export function RelatedLinks({ links }: { links: RelatedLink[] }) {
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="related-title" className="mt-12">
      <h2 id="related-title" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Read next
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="group block h-full rounded-lg border border-slate-200 p-3 hover:border-brand-500 hover:bg-brand-50">
              <span className="block text-sm font-medium text-slate-900 group-hover:text-brand-700">{l.title}</span>
              <span className="mt-1 block text-xs leading-relaxed text-slate-600">{l.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
