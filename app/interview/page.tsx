import type { Metadata } from 'next';
import Link from 'next/link';
import { LibraryProgress, ProblemStatus } from '@/components/interview/history';
import { DifficultyBadge } from '@/components/interview/ui';
import { scaleLabel } from '@/lib/interview/format';
import { PROBLEMS } from '@/lib/interview/problems';
import { formatAvailability, formatUsdPerMonth } from '@/lib/shared/format';

export const metadata: Metadata = {
  title: 'Interview practice',
  description:
    'Timed mock system-design interviews on fourteen classic problems, scored by the capacity model, with a review that says what to improve.',
};

export default function InterviewLibraryPage() {
  const titles = Object.fromEntries(PROBLEMS.map((p) => [p.id, p.title]));
  return (
    <div className="w-full bg-slate-50">
      <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:py-14">
        <header className="max-w-3xl">
          <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">Interview practice</p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
            Mock system-design interviews, scored
          </h1>
          <p className="mt-4 text-lg leading-relaxed text-slate-700">
            Pick a problem and the clock starts: clarify the requirements, estimate the load, design on the canvas while
            the interviewer throws curveballs, then defend your trade-offs. The capacity model scores every part, and
            the review tells you what to improve.
          </p>
        </header>

        <section aria-labelledby="progress" className="mt-10">
          <h2 id="progress" className="sr-only">
            Your progress
          </h2>
          <LibraryProgress titles={titles} />
        </section>

        <section aria-labelledby="problems" className="mt-12">
          <h2 id="problems" className="text-xl font-semibold text-slate-900">
            Problems
          </h2>
          <ul className="mt-5 grid gap-4 md:grid-cols-2">
            {PROBLEMS.map((p) => (
              <li key={p.id}>
                <Link
                  href={`/interview/${p.id}`}
                  className="group flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500 hover:shadow"
                >
                  <span className="flex flex-wrap items-center gap-2">
                    <DifficultyBadge difficulty={p.difficulty} />
                    <span className="font-mono text-sm text-brand-700">{scaleLabel(p)}</span>
                    <span className="ml-auto">
                      <ProblemStatus problemId={p.id} />
                    </span>
                  </span>
                  <span className="mt-3 text-lg font-semibold text-slate-900 group-hover:text-brand-700">
                    {p.title}
                  </span>
                  <span className="mt-1 flex-1 text-sm leading-relaxed text-slate-600">{p.summary}</span>
                  <span className="mt-4 flex flex-wrap gap-x-4 gap-y-1 border-t border-slate-100 pt-3 text-xs text-slate-500">
                    <span>p95 read ≤ {p.slo.p95ReadMs} ms</span>
                    <span>{formatAvailability(p.slo.availability)} available</span>
                    <span>budget {formatUsdPerMonth(p.slo.budgetUsd)}</span>
                    <span>{p.curveballs.length} curveballs</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
