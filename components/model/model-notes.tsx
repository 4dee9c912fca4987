/**
 * docs/model.md (the project's model reference: every rule, figure and
 * decision of the engine), rendered on the model page as one collapsible
 * part per section. Read at build time: the file is the one place the rules
 * are written, so the page and the repository never disagree.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const components: Components = {
  h1: () => null,
  h2: ({ children }) => <h3 className="mt-8 text-lg font-semibold text-slate-900">{children}</h3>,
  h3: ({ children }) => <h4 className="mt-6 font-semibold text-slate-900">{children}</h4>,
  p: ({ children }) => <p className="mt-3 leading-relaxed text-slate-700">{children}</p>,
  ul: ({ children }) => <ul className="mt-3 list-disc space-y-2 pl-5 leading-relaxed text-slate-700">{children}</ul>,
  ol: ({ children }) => <ol className="mt-3 list-decimal space-y-2 pl-5 leading-relaxed text-slate-700">{children}</ol>,
  li: ({ children }) => <li className="pl-1">{children}</li>,
  strong: ({ children }) => <strong className="font-semibold text-slate-900">{children}</strong>,
  pre: ({ children }) => <pre className="mt-3 overflow-x-auto rounded-lg bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800 sm:text-sm">{children}</pre>,
  code: ({ children, className }) =>
    className ? (
      <code className={className}>{children}</code>
    ) : (
      <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] break-words text-slate-800">{children}</code>
    ),
  table: ({ children }) => (
    <div className="my-4 overflow-x-auto rounded-lg border border-slate-200">
      {/* On a phone a table keeps readable columns and scrolls sideways instead of squeezing its prose column to a word. */}
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm sm:min-w-0">{children}</table>
    </div>
  ),
  th: ({ children }) => <th className="border-b border-slate-200 bg-slate-50 px-3 py-2 align-bottom font-semibold text-slate-900">{children}</th>,
  td: ({ children }) => <td className="border-b border-slate-100 px-3 py-2 align-top text-slate-800">{children}</td>,
  a: ({ children, href }) => (
    <a href={href} className="text-brand-700 underline hover:text-brand-600">
      {children}
    </a>
  ),
};

export interface ReferenceSection {
  title: string;
  body: string;
}

/** docs/model.md split at its `## ` headings (the title and introduction are the page's own). */
export function referenceSections(text: string): ReferenceSection[] {
  const parts = text.split(/^## /m).slice(1);
  return parts.map((part) => {
    const nl = part.indexOf('\n');
    return { title: part.slice(0, nl).trim(), body: part.slice(nl + 1) };
  });
}

export function readModelReference(): string {
  return readFileSync(path.join(process.cwd(), 'docs/model.md'), 'utf8');
}

export function ModelNotes() {
  const sections = referenceSections(readModelReference());
  return (
    <div className="space-y-2">
      {sections.map((s) => (
        <details key={s.title} className="rounded-lg border border-slate-200 bg-white px-4 py-2 open:pb-4">
          <summary className="cursor-pointer font-medium text-slate-900">{s.title}</summary>
          <Markdown remarkPlugins={[remarkGfm]} components={components}>
            {s.body}
          </Markdown>
        </details>
      ))}
    </div>
  );
}
