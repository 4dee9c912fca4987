import type { ReactNode } from 'react';

/**
 * A cited number in running text: the figure, then its source in small type.
 * `<Figure source="nginx.com benchmark">~54,684 requests/s per CPU</Figure>`
 */
export function Figure({ source, children }: { source: string; children: ReactNode }) {
  return (
    <span className="whitespace-normal">
      <span className="font-medium text-slate-900 tabular-nums">{children}</span>{' '}
      <cite className="text-[0.8em] not-italic text-slate-500">({source})</cite>
    </span>
  );
}
