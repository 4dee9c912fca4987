import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ContentHeader } from '@/components/content/content-header';
import { LessonLayout } from '@/components/content/lesson-layout';
import { mdxComponents } from '@/components/content/mdx-components';
import { Prose } from '@/components/content/page-parts';
import { pagerLink } from '@/components/content/pager';
import { RelatedLinks } from '@/components/content/related-links';
import { LessonWorkspace } from '@/components/lessons/lesson-workspace';
import { getContentIndex, getEntry, getNeighbours, getReadingOrder, loadPage } from '@/lib/learn/loader';

export const dynamicParams = false;

export function generateStaticParams() {
  return getReadingOrder().map((e) => ({ id: e.frontmatter.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const entry = getEntry((await params).id);
  // Every page renders per request now (CSP nonce), so the not-found page's
  // title must come from here too, or hydration puts the site's default back.
  if (!entry) return { title: 'Page not found' };
  return { title: entry.frontmatter.title, description: entry.frontmatter.summary };
}

/**
 * A guide's prose; or a lesson's prose beside its live canvas, with the
 * stage challenge, its check and hints above the canvas.
 */
export default async function LearnPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await loadPage(id);
  if (!page) notFound();
  const { entry, Content, headings } = page;
  const fm = entry.frontmatter;
  const { prev, next } = getNeighbours(id);
  const related = fm.related.flatMap((rid) => {
    const r = getEntry(rid)?.frontmatter;
    return r ? [{ href: `/learn/${r.id}`, title: r.title, summary: r.summary }] : [];
  });

  const nextLesson =
    fm.kind === 'lesson' ? getContentIndex().lessons.find((l) => l.frontmatter.stage === fm.stage + 1)?.frontmatter : undefined;

  return (
    <LessonLayout
      header={<ContentHeader frontmatter={fm} />}
      headings={headings}
      prev={pagerLink(prev?.frontmatter)}
      next={pagerLink(next?.frontmatter)}
      canvas={
        fm.kind === 'lesson'
          ? {
              lessonId: fm.id,
              content: (
                <LessonWorkspace
                  lessonId={fm.id}
                  title={fm.title}
                  stage={fm.stage}
                  challenge={fm.challenge}
                  hints={fm.hints}
                  next={nextLesson ? { href: `/learn/${nextLesson.id}`, title: nextLesson.title } : undefined}
                />
              ),
            }
          : undefined
      }
      related={<RelatedLinks links={related} />}
    >
      <Prose>
        <Content components={mdxComponents} />
      </Prose>
    </LessonLayout>
  );
}
