import type { Metadata } from 'next';
import Link from 'next/link';
import { HistoryPage } from '@/components/interview/history';
import { PROBLEMS } from '@/lib/interview/problems';

export const metadata: Metadata = {
  title: 'Your attempts · Interview practice',
  description: 'Every mock interview you finished in this browser, with the trend of your scores.',
};

export default function InterviewHistoryPage() {
  const titles = Object.fromEntries(PROBLEMS.map((p) => [p.id, p.title]));
  return (
    <div className="flex-1 bg-slate-50">
      <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/interview" className="hover:text-slate-900 hover:underline">
            Interview practice
          </Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page" className="text-slate-700">
            Your attempts
          </span>
        </nav>
        <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900">Your attempts</h1>
        <p className="mt-2 max-w-2xl text-slate-700">
          Kept in this browser only. Export an attempt as JSON to keep it elsewhere.
        </p>
        <div className="mt-8">
          <HistoryPage titles={titles} />
        </div>
      </div>
    </div>
  );
}
