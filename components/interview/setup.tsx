'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import {
  DEFAULT_MINUTES,
  MAX_MINUTES,
  MIN_MINUTES,
  PHASES,
  PHASE_LABEL,
  PHASE_SHARE,
  type Mode,
} from '@/lib/interview/attempt';
import { DEFAULT_LEVEL, LEVELS, LEVEL_RUBRIC, overtimeRule, type Level } from '@/lib/interview/levels';
import type { Problem } from '@/lib/interview/schema';
import { StartPair } from '@/components/pair/start-pair';
import { Brief } from './brief';
import { Icon } from './icons';
import { BTN_PRIMARY, CARD } from './ui';

const DURATIONS = Array.from({ length: (MAX_MINUTES - MIN_MINUTES) / 5 + 1 }, (_, i) => MIN_MINUTES + i * 5);

const MODES: { id: Mode; title: string; text: string }[] = [
  { id: 'blind', title: 'Blind', text: 'The score stays hidden until the review, as in a real interview.' },
  { id: 'practice', title: 'Practice', text: 'See pass or fail on each target, and component load, while you design.' },
];

/** Before the clock starts: the brief, the mode and the length. */
export function Setup({
  problem,
  notice,
  onStart,
}: {
  problem: Problem;
  notice: string | null;
  onStart(mode: Mode, minutes: number, level: Level): void;
}) {
  const [mode, setMode] = useState<Mode>('blind');
  const [level, setLevel] = useState<Level>(DEFAULT_LEVEL);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const durationId = useId();
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/interview" className="hover:text-slate-900 hover:underline">
          Interview practice
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="text-slate-700">
          {problem.title}
        </span>
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900">{problem.title}</h1>
      <p className="mt-2 max-w-2xl text-lg leading-relaxed text-slate-700">{problem.summary}</p>
      {notice ? (
        <p
          role="alert"
          className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-slate-800 ring-1 ring-amber-200 ring-inset"
        >
          {notice}
        </p>
      ) : null}

      <div className="mt-8 grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <section aria-labelledby="setup-brief" className={`${CARD} h-fit p-5 sm:p-6`}>
          <h2 id="setup-brief" className="text-lg font-semibold text-slate-900">
            The brief
          </h2>
          <div className="mt-4">
            <Brief problem={problem} headingLevel={3} />
          </div>
        </section>

        <form
          className={`${CARD} h-fit space-y-6 p-5`}
          onSubmit={(e) => {
            e.preventDefault();
            onStart(mode, minutes, level);
          }}
        >
          <fieldset>
            <legend className="text-sm font-semibold text-slate-900">Mode</legend>
            <div className="mt-2 space-y-2">
              {MODES.map((m) => (
                <label
                  key={m.id}
                  className={`flex cursor-pointer gap-3 rounded-lg border p-3 ${mode === m.id ? 'border-brand-500 bg-brand-50/60 ring-1 ring-brand-500' : 'border-slate-200 hover:border-slate-300'}`}
                >
                  <input
                    type="radio"
                    name="mode"
                    value={m.id}
                    checked={mode === m.id}
                    onChange={() => setMode(m.id)}
                    className="mt-1 accent-brand-600"
                  />
                  <span>
                    <span className="block text-sm font-semibold text-slate-900">{m.title}</span>
                    <span className="block text-sm text-slate-600">{m.text}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend className="text-sm font-semibold text-slate-900">Level</legend>
            <div className="mt-2 space-y-2">
              {LEVELS.map((l) => (
                <label
                  key={l}
                  className={`flex cursor-pointer gap-3 rounded-lg border p-3 ${level === l ? 'border-brand-500 bg-brand-50/60 ring-1 ring-brand-500' : 'border-slate-200 hover:border-slate-300'}`}
                >
                  <input
                    type="radio"
                    name="level"
                    value={l}
                    checked={level === l}
                    onChange={() => setLevel(l)}
                    className="mt-1 accent-brand-600"
                  />
                  <span>
                    <span className="block text-sm font-semibold text-slate-900">
                      {LEVEL_RUBRIC[l].label}{' '}
                      <span className="font-normal text-slate-600">· bar {LEVEL_RUBRIC[l].bar}</span>
                    </span>
                    <span className="block text-sm text-slate-600">{LEVEL_RUBRIC[l].expects}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          <div>
            <label htmlFor={durationId} className="text-sm font-semibold text-slate-900">
              Length
            </label>
            <select
              id={durationId}
              value={minutes}
              onChange={(e) => setMinutes(Number(e.target.value))}
              className="mt-2 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              {DURATIONS.map((m) => (
                <option key={m} value={m}>
                  {m} minutes{m === DEFAULT_MINUTES ? ' (a typical interview)' : ''}
                </option>
              ))}
            </select>
          </div>

          <div>
            <h2 className="text-sm font-semibold text-slate-900">How it runs</h2>
            <ol className="mt-2 space-y-1.5 text-sm text-slate-700">
              {PHASES.map((p, i) => (
                <li key={p} className="flex justify-between gap-3">
                  <span>
                    {i + 1}. {PHASE_LABEL[p]}
                  </span>
                  <span className="font-mono text-slate-500">~{Math.round(PHASE_SHARE[p] * minutes)} min</span>
                </li>
              ))}
            </ol>
            <p className="mt-3 text-sm leading-relaxed text-slate-600">
              While you design, the interviewer throws {problem.curveballs.length} curveballs that change the
              conditions; the model re-scores your design under each. You can pause the clock, and a reload loses
              nothing. Running over costs points: {overtimeRule(level)}.
            </p>
          </div>

          <button type="submit" className={`${BTN_PRIMARY} w-full`}>
            <Icon name="clock" className="h-4 w-4" />
            Start the interview
          </button>
          <StartPair problemId={problem.id} level={level} minutes={minutes} />
        </form>
      </div>
    </div>
  );
}
