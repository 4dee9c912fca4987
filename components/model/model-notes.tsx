/**
 * lib/engine/MODEL-NOTES.md (the decisions the engine makes where MODEL.md
 * is silent), rendered as part of the model page. Read at build time.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const components: Components = {
  // The file's own title is replaced by the page's section heading.
  h1: () => null,
  h2: ({ children }) => <h3 className="mt-8 text-lg font-semibold text-slate-900">{children}</h3>,
  h3: ({ children }) => <h4 className="mt-6 font-semibold text-slate-900">{children}</h4>,
  p: ({ children }) => <p className="mt-3 leading-relaxed text-slate-700">{children}</p>,
  ul: ({ children }) => <ul className="mt-3 list-disc space-y-2 pl-5 leading-relaxed text-slate-700">{children}</ul>,
  li: ({ children }) => <li className="pl-1">{children}</li>,
  strong: ({ children }) => <strong className="font-semibold text-slate-900">{children}</strong>,
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">{children}</code>,
  a: ({ children, href }) => (
    <a href={href} className="text-brand-700 underline hover:text-brand-600">
      {children}
    </a>
  ),
};

export function ModelNotes() {
  const text = readFileSync(path.join(process.cwd(), 'lib/engine/MODEL-NOTES.md'), 'utf8');
  return (
    <Markdown remarkPlugins={[remarkGfm]} components={components}>
      {text}
    </Markdown>
  );
}
