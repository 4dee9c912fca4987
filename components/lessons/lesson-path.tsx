'use client';

import Link from 'next/link';
import { useMemo, useSyncExternalStore } from 'react';
import { continueHere, LESSON_DESIGN_PREFIX, lessonStatus, parseProgress, PROGRESS_KEY, type LessonStatus } from '@/lib/learn/progress';

export interface PathLesson {
  id: string;
  stage: number;
  title: string;
  summary: string;
  minutes: number;
  usersLabel: string;
}

/** The progress and which lessons have a saved canvas, as one string (stable between reads). */
function snapshot(): string {
  try {
    const drafts: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(LESSON_DESIGN_PREFIX)) drafts.push(key.slice(LESSON_DESIGN_PREFIX.length));
    }
    return JSON.stringify({ progress: localStorage.getItem(PROGRESS_KEY), drafts: drafts.sort() });
  } catch {
    return '';
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener('focus', onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener('focus', onChange);
  };
}

const STATUS_TEXT: Record<LessonStatus, string> = { done: 'Done ✓', 'in-progress': 'In progress', 'not-started': 'Not started' };
const STATUS_STYLE: Record<LessonStatus, string> = {
  done: 'bg-emerald-100 text-emerald-800',
  'in-progress': 'bg-amber-100 text-amber-800',
  'not-started': 'bg-slate-100 text-slate-600',
};

/** The eight lessons with this browser's progress: each one's status and where to continue. Nothing is locked. */
export function LessonPath({ lessons }: { lessons: PathLesson[] }) {
  // Empty on the server and before hydration: no status is shown until it is known.
  const snap = useSyncExternalStore(subscribe, snapshot, () => '');
  const state = useMemo(() => {
    if (!snap) return null;
    const { progress, drafts } = JSON.parse(snap) as { progress: string | null; drafts: string[] };
    const p = parseProgress(progress);
    const hasDraft = new Set(drafts);
    return {
      status: new Map(lessons.map((l) => [l.id, lessonStatus(p, l.id, hasDraft.has(l.id))])),
      current: continueHere(
        lessons.map((l) => l.id),
        p,
      ),
      doneCount: lessons.filter((l) => p.done[l.id]).length,
    };
  }, [snap, lessons]);

  return (
    <>
      {state ? (
        <p className="mt-2 text-sm text-slate-600" data-testid="path-progress">
          {state.doneCount === lessons.length
            ? 'You have finished every lesson.'
            : `${state.doneCount} of ${lessons.length} lessons done. Every lesson is open: start wherever you like.`}
        </p>
      ) : null}
      <ol aria-label="Lessons" className="mt-5 space-y-3">
        {lessons.map((l) => {
          const status = state?.status.get(l.id) ?? null;
          const current = state?.current === l.id;
          return (
            <li key={l.id} data-lesson={l.id} data-status={status ?? undefined}>
              <Link
                href={`/learn/${l.id}`}
                aria-current={current ? 'step' : undefined}
                className={`group flex gap-4 rounded-xl border bg-white p-4 shadow-sm hover:border-brand-500 hover:bg-brand-50 sm:items-center sm:p-5 ${
                  current ? 'border-brand-500 ring-2 ring-brand-200' : 'border-slate-200'
                }`}
              >
                <span
                  aria-hidden="true"
                  className={`flex h-10 w-10 shrink-0 items-center justify-center rounded-full font-semibold text-white ${
                    status === 'done' ? 'bg-emerald-600' : 'bg-brand-600'
                  }`}
                >
                  {status === 'done' ? '✓' : l.stage}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Stage {l.stage}</span>
                    <span className="font-mono text-sm text-brand-700">{l.usersLabel} users</span>
                    <span className="text-xs text-slate-500">{l.minutes} min</span>
                    {status ? (
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>{STATUS_TEXT[status]}</span>
                    ) : null}
                    {current ? (
                      <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">Continue here</span>
                    ) : null}
                  </span>
                  <span className="mt-1 block font-semibold text-slate-900 group-hover:text-brand-700">{l.title}</span>
                  <span className="mt-1 block text-sm leading-relaxed text-slate-600">{l.summary}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </>
  );
}
