import type { ComponentPropsWithoutRef } from 'react';

type Level = 2 | 3 | 4;

const CLASSES: Record<Level, string> = {
  2: 'mt-12 mb-4 text-2xl font-semibold tracking-tight text-slate-900',
  3: 'mt-8 mb-3 text-lg font-semibold text-slate-900',
  4: 'mt-6 mb-2 font-semibold text-slate-900',
};

/**
 * A content heading whose text links to its own anchor (the id rehype-slug
 * gave it), so any section can be linked as `/learn/<id>#<anchor>`.
 */
export function Heading({ level, id, children, className: _ignored, ...rest }: { level: Level } & ComponentPropsWithoutRef<'h2'>) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={`group scroll-mt-20 ${CLASSES[level]}`} {...rest}>
      {id ? (
        <a href={`#${id}`} className="no-underline hover:underline decoration-slate-300 underline-offset-4">
          {children}
          <span aria-hidden="true" className="ml-2 text-slate-400 opacity-0 transition-opacity group-hover:opacity-100">
            #
          </span>
        </a>
      ) : (
        children
      )}
    </Tag>
  );
}
