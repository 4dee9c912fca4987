import type { Metadata } from 'next';
import Link from 'next/link';
import { LessonPath } from '@/components/lessons/lesson-path';
import { formatUsers } from '@/lib/shared/format';
import { GUIDE_GROUPS } from '@/lib/learn/guide-groups';
import { getContentIndex } from '@/lib/learn/loader';
import { stageSpec } from '@/lib/rules/stages';

export const metadata: Metadata = {
  title: 'Learn',
  description: 'Eight lessons that scale one design from a single server to a hundred million users, and topic guides to go deeper.',
};

export default function LearnIndexPage() {
  const { lessons, guides } = getContentIndex();
  const guideById = new Map(guides.map((g) => [g.frontmatter.id, g]));
  const grouped = new Set(GUIDE_GROUPS.flatMap((g) => g.ids));
  const groups = [
    ...GUIDE_GROUPS.map((g) => ({ ...g, entries: g.ids.flatMap((id) => guideById.get(id) ?? []) })),
    {
      title: 'More guides',
      description: '',
      ids: [],
      entries: guides.filter((g) => !grouped.has(g.frontmatter.id)),
    },
  ].filter((g) => g.entries.length > 0);

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:py-14">
      <header className="max-w-3xl">
        <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">Learn</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          From one server to a hundred million users
        </h1>
        <p className="mt-4 text-lg leading-relaxed text-slate-700">
          Eight lessons follow one system as it grows. Each starts from what breaks at that size, explains the change
          that fixes it and what that change costs, and ends with a challenge to solve on the canvas. The topic guides
          go deeper on the ideas the lessons use.
        </p>
      </header>

      <section aria-labelledby="path" className="mt-12">
        <h2 id="path" className="text-xl font-semibold text-slate-900">
          The learning path
        </h2>
        <LessonPath
          lessons={lessons.map(({ frontmatter: l }) => ({
            id: l.id,
            stage: l.stage,
            title: l.title,
            summary: l.summary,
            minutes: l.minutes,
            usersLabel: formatUsers(stageSpec(l.stage)?.users ?? 0),
          }))}
        />
      </section>

      <section aria-labelledby="guides" className="mt-16">
        <h2 id="guides" className="text-xl font-semibold text-slate-900">
          Topic guides
        </h2>
        <p className="mt-2 max-w-2xl text-slate-700">
          Each guide covers one idea with a live example computed by the same model that scores your designs.
        </p>
        <div className="mt-8 space-y-10">
          {groups.map((group) => (
            <section key={group.title} aria-labelledby={`group-${group.title}`}>
              <h3 id={`group-${group.title}`} className="font-semibold text-slate-900">
                {group.title}
              </h3>
              {group.description ? <p className="mt-1 text-sm text-slate-600">{group.description}</p> : null}
              <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {group.entries.map(({ frontmatter: g }) => (
                  <li key={g.id}>
                    <Link
                      href={`/learn/${g.id}`}
                      className="group block h-full rounded-lg border border-slate-200 p-4 hover:border-brand-500 hover:bg-brand-50"
                    >
                      <span className="block font-medium text-slate-900 group-hover:text-brand-700">{g.title}</span>
                      <span className="mt-1 block text-sm leading-relaxed text-slate-600">{g.summary}</span>
                      <span className="mt-2 block text-xs text-slate-500">{g.minutes} min</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>
    </div>
  );
}
