import type { ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * An instructor's brief, rendered from Markdown with no way to run script:
 * raw HTML is dropped (no rehype-raw, `skipHtml`), and link and image URLs
 * pass only when they are http(s), mailto, or point inside this site. Only
 * this site's images are shown; a remote one becomes a link.
 */
export function safeUrl(url: string): string {
  // Browsers ignore tabs, newlines and leading control characters in a URL
  // ("java\tscript:"), so they are removed before the scheme is judged.
  const u = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (u.startsWith('#')) return u;
  if (u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/\\')) return u;
  if (/^(https?:\/\/|mailto:)/i.test(u)) return u;
  return '';
}

function Link({ href, children }: ComponentProps<'a'>) {
  if (!href) return <span className="text-slate-900">{children}</span>;
  const external = !href.startsWith('#') && !href.startsWith('/');
  return (
    <a
      href={href}
      className="font-medium text-brand-700 underline decoration-brand-500/40 underline-offset-2 hover:decoration-brand-700"
      {...(external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}
    >
      {children}
    </a>
  );
}

function Image({ src, alt }: ComponentProps<'img'>) {
  if (typeof src !== 'string' || !src) return alt ? <span>[{alt}]</span> : null;
  if (!src.startsWith('/')) {
    // A remote image is never fetched: it would tell its host who reads the
    // brief, and when (the pages' Content-Security-Policy refuses it too).
    // It is offered as a link, named by its alt text and its host.
    return (
      <Link href={src}>
        {alt || 'Image'} (image on {new URL(src).host})
      </Link>
    );
  }
  // eslint-disable-next-line @next/next/no-img-element -- instructor URLs cannot go through next/image
  return <img src={src} alt={alt ?? ''} referrerPolicy="no-referrer" loading="lazy" className="my-3 max-w-full rounded-lg border border-slate-200" />;
}

const components: Components = {
  h1: ({ children }) => <h2 className="mt-6 text-xl font-semibold text-slate-900 first:mt-0">{children}</h2>,
  h2: ({ children }) => <h3 className="mt-6 text-lg font-semibold text-slate-900 first:mt-0">{children}</h3>,
  h3: ({ children }) => <h4 className="mt-5 font-semibold text-slate-900 first:mt-0">{children}</h4>,
  h4: ({ children }) => <h5 className="mt-4 font-semibold text-slate-900">{children}</h5>,
  h5: ({ children }) => <h6 className="mt-4 font-semibold text-slate-900">{children}</h6>,
  h6: ({ children }) => <h6 className="mt-4 font-semibold text-slate-900">{children}</h6>,
  p: ({ children }) => <p className="mt-3 leading-relaxed text-slate-700 first:mt-0">{children}</p>,
  ul: ({ children }) => <ul className="mt-3 list-disc space-y-1 pl-6 text-slate-700">{children}</ul>,
  ol: ({ children }) => <ol className="mt-3 list-decimal space-y-1 pl-6 text-slate-700">{children}</ol>,
  li: ({ children }) => <li className="leading-relaxed">{children}</li>,
  blockquote: ({ children }) => <blockquote className="mt-3 border-l-4 border-slate-200 pl-4 text-slate-600">{children}</blockquote>,
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-800">{children}</code>,
  pre: ({ children }) => <pre className="mt-3 overflow-x-auto rounded-lg bg-slate-50 p-3 text-sm">{children}</pre>,
  hr: () => <hr className="my-6 border-slate-200" />,
  table: ({ children }) => (
    <div className="relative mt-3 overflow-x-auto">
      <table className="min-w-full border-collapse text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => <th className="border-b border-slate-300 px-3 py-1.5 text-left font-semibold text-slate-900">{children}</th>,
  td: ({ children }) => <td className="border-b border-slate-100 px-3 py-1.5 text-slate-700">{children}</td>,
  a: Link,
  img: Image,
};

export function BriefMarkdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={safeUrl} components={components}>
        {source}
      </Markdown>
    </div>
  );
}
