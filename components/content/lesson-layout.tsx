import type { ReactNode } from 'react';
import type { ContentHeading } from '@/lib/learn/mdx';
import { SplitSeparator } from '@/components/lessons/split-separator';
import { Pager, type PagerLink } from './pager';
import { CompactTableOfContents, TableOfContents } from './toc';

/**
 * The frame of every learn page. Prose on the left at a readable width; on
 * wide screens either a table of contents or, for a lesson with a live
 * canvas, the canvas pane on the right.
 *
 * `canvas` is optional: the reading page passes none; the interactive lesson
 * page passes its editor with the lesson's id (under which this browser keeps
 * where the learner put the split between prose and canvas), and `aside`
 * then moves into the canvas pane above it instead of following the prose.
 */
export function LessonLayout({
  header,
  children,
  headings,
  aside,
  related,
  canvas,
  prev,
  next,
}: {
  header: ReactNode;
  /** The rendered MDX prose. */
  children: ReactNode;
  headings: ContentHeading[];
  /** Shown after the prose (or above the canvas when there is one). */
  aside?: ReactNode;
  /** Links to read next, after the prose. */
  related?: ReactNode;
  canvas?: { lessonId: string; content: ReactNode };
  prev?: PagerLink;
  next?: PagerLink;
}) {
  if (canvas) {
    return (
      <div className="grid w-full flex-1 lg:grid-cols-[minmax(0,var(--lesson-prose,40%))_auto_minmax(0,1fr)]">
        <article id="lesson-prose" className="min-w-0 px-4 py-8 sm:px-6 lg:max-h-[calc(100vh-3.5rem)] lg:overflow-y-auto">
          {header}
          <CompactTableOfContents headings={headings} />
          <div className="mt-8">{children}</div>
          {related}
          <Pager prev={prev} next={next} />
        </article>
        <SplitSeparator lessonId={canvas.lessonId} />
        <section
          aria-label="Canvas"
          className="flex min-w-0 flex-col gap-4 border-t border-slate-200 bg-slate-50 p-3 sm:p-4 lg:sticky lg:top-0 lg:h-[calc(100vh-3.5rem)] lg:border-t-0"
        >
          {aside}
          <div className="min-h-0 lg:flex-1">{canvas.content}</div>
        </section>
      </div>
    );
  }
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-12 xl:grid xl:grid-cols-[minmax(0,1fr)_15rem] xl:gap-12">
      <article className="min-w-0">
        {header}
        <div className="xl:hidden">
          <CompactTableOfContents headings={headings} />
        </div>
        <div className="mt-8">{children}</div>
        {aside ? <div className="mt-10 max-w-[42rem]">{aside}</div> : null}
        <div className="max-w-[42rem]">
          {related}
          <Pager prev={prev} next={next} />
        </div>
      </article>
      <aside className="hidden xl:block" aria-label="Table of contents">
        <TableOfContents headings={headings} />
      </aside>
    </div>
  );
}
