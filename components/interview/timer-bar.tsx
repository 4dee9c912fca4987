'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import {
  MAX_MINUTES,
  MIN_MINUTES,
  PHASES,
  PHASE_LABEL,
  PHASE_SHARE,
  canGoTo,
  elapsedMs,
  formatClock,
  isPaused,
  phaseIndex,
  remainingMs,
  type Attempt,
  type Phase,
} from '@/lib/interview/attempt';
import type { Problem } from '@/lib/interview/schema';
import { Icon } from './icons';
import { BTN_QUIET } from './ui';

const MINUTE = 60_000;
const DURATIONS = Array.from({ length: (MAX_MINUTES - MIN_MINUTES) / 5 + 1 }, (_, i) => MIN_MINUTES + i * 5);

/**
 * The interview's phases as steps (the mock's and both sides of a pair
 * interview): done ones ticked, the current one named. Without `onGo` the
 * steps are shown, not chosen (the pair interviewer sees where the candidate is).
 */
export function PhaseStepper({ attempt, onGo }: { attempt: Attempt; onGo?: (p: Phase) => void }) {
  const current = phaseIndex(attempt.phase);
  const reached = phaseIndex(attempt.reached);
  return (
    // Sized by its container, not the screen (the connectors go below 24rem): where the row is narrower than 64rem (a phone,
    // a tablet, a laptop beside the title and clock) the steps not being worked on show only their number, their names kept
    // for screen readers. The row is kept tight enough to fit beside the title and the clock
    // at 1280 px; should it not fit somewhere, it wraps rather than scrolls, so no step is cut off.
    <nav aria-label="Interview phases" className="@container min-w-0">
      {/* `relative`: the sr-only spans are positioned absolutely; without it they escape the row and widen the page. */}
      <ol className="relative -m-1 flex flex-wrap items-center gap-y-1 p-1">
        {PHASES.map((p, i) => {
          const done = i < reached && i !== current;
          const here = i === current;
          const enabled = !!onGo && canGoTo(attempt, p) && !here;
          const minutes = Math.round((PHASE_SHARE[p] * attempt.durationMs) / MINUTE);
          return (
            <li key={p} className="flex shrink-0 items-center">
              {i > 0 ? (
                <span
                  className="mx-px hidden h-px w-1.5 bg-slate-300 @sm:block @5xl:mx-1 @5xl:w-3"
                  aria-hidden="true"
                />
              ) : null}
              <button
                type="button"
                onClick={() => onGo?.(p)}
                disabled={!enabled}
                aria-current={here ? 'step' : undefined}
                title={PHASE_LABEL[p]}
                className={`flex items-center gap-1.5 rounded-full py-1 text-sm ${here ? 'pr-3 pl-1' : 'px-0.5 @5xl:pr-3 @5xl:pl-1'} ${
                  here
                    ? 'bg-brand-50 font-semibold text-brand-700 ring-1 ring-brand-200'
                    : enabled
                      ? 'text-slate-700 hover:bg-slate-100'
                      : 'text-slate-400'
                } disabled:cursor-default`}
              >
                <span
                  className={`grid h-6 w-6 place-items-center rounded-full text-xs font-semibold ${
                    here
                      ? 'bg-brand-600 text-white'
                      : done
                        ? 'bg-emerald-100 text-healthy'
                        : 'bg-slate-100 text-slate-600'
                  }`}
                  aria-hidden="true"
                >
                  {done ? '✓' : i + 1}
                </span>
                <span className={here ? undefined : '@max-5xl:sr-only'}>{PHASE_LABEL[p]}</span>
                <span className="hidden text-xs font-normal text-slate-500 2xl:inline">~{minutes} min</span>
                <span className="sr-only">{done ? ', done' : ''}</span>
              </button>
            </li>
          );
        })}
        <li className="flex shrink-0 items-center">
          <span className="mx-px hidden h-px w-1.5 bg-slate-300 @sm:block @5xl:mx-1 @5xl:w-3" aria-hidden="true" />
          <span className="flex items-center gap-1.5 px-0.5 py-1 text-sm text-slate-500 @5xl:pr-3 @5xl:pl-1">
            <span
              className="grid h-6 w-6 place-items-center rounded-full bg-slate-100 text-xs font-semibold text-slate-500"
              aria-hidden="true"
            >
              {PHASES.length + 1}
            </span>
            <span className="@max-5xl:sr-only">Review</span>
          </span>
        </li>
      </ol>
    </nav>
  );
}

function TimeMenu({
  attempt,
  onDuration,
  onAbandon,
}: {
  attempt: Attempt;
  onDuration(minutes: number): void;
  onAbandon(): void;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const selectId = useId();
  const minutes = Math.round(attempt.durationMs / MINUTE);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);
  return (
    <details
      ref={ref}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className={`${BTN_QUIET} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>Adjust</summary>
      <div className="absolute right-0 z-40 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
          Interview length
        </label>
        <select
          id={selectId}
          value={DURATIONS.includes(minutes) ? minutes : 45}
          onChange={(e) => onDuration(Number(e.target.value))}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {DURATIONS.map((m) => (
            <option key={m} value={m}>
              {m} minutes
            </option>
          ))}
        </select>
        <p className="mt-2 text-xs leading-relaxed text-slate-600">Curveballs still to come move with the length.</p>
        <button
          type="button"
          onClick={() => {
            if (ref.current) ref.current.open = false;
            onAbandon();
          }}
          className="mt-3 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-medium text-saturated hover:bg-red-50"
        >
          Abandon this attempt…
        </button>
      </div>
    </details>
  );
}

/** The title block of an interview's top bar: “Interview practice / {where}” over the problem's title. */
export function BarTitle({ where, title }: { where: string; title: string }) {
  return (
    // At least 14rem for the title: on a phone the clock wraps below it rather than squeezing it to a few letters.
    <div className="min-w-[min(14rem,100%)] flex-1 xl:max-w-md xl:flex-none">
      <p className="text-xs text-slate-500">
        <Link href="/interview" className="hover:text-slate-900 hover:underline">
          Interview practice
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="font-medium text-slate-700">{where}</span>
      </p>
      <h1 className="text-base font-semibold wrap-break-word text-slate-900">{title}</h1>
    </div>
  );
}

/**
 * The bar that stays at the top of the mock: problem, phases, and the clock
 * with pause and length controls. Announces five minutes left and time up.
 */
export function TimerBar({
  problem,
  attempt,
  now,
  onGo,
  onPause,
  onResume,
  onDuration,
  onAbandon,
  onFinish,
}: {
  problem: Problem;
  attempt: Attempt;
  now: number;
  onGo(p: Phase): void;
  onPause(): void;
  onResume(): void;
  onDuration(minutes: number): void;
  onAbandon(): void;
  onFinish(): void;
}) {
  const left = remainingMs(attempt, now);
  const paused = isPaused(attempt);
  const over = left < 0;
  const share = Math.min(1, elapsedMs(attempt, now) / attempt.durationMs);
  const warn = !over && left <= 5 * MINUTE;
  const [announce, setAnnounce] = useState('');
  const said = useRef<{ five: boolean; up: boolean }>({ five: left <= 5 * MINUTE, up: over });
  useEffect(() => {
    if (left <= 5 * MINUTE && left > 0 && !said.current.five) {
      said.current.five = true;
      // A one-off announcement when the clock crosses a threshold.
      setAnnounce('Five minutes left.');
    } else if (left <= 0 && !said.current.up) {
      said.current.up = true;
      setAnnounce('Time is up. Finish when you are ready.');
    }
  }, [left]);

  return (
    <div className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur print:hidden">
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <BarTitle where={attempt.mode === 'blind' ? 'Blind mode' : 'Practice mode'} title={problem.title} />
        <div className="order-3 w-full xl:order-none xl:w-auto xl:flex-1">
          <PhaseStepper attempt={attempt} onGo={onGo} />
        </div>
        <div className="flex items-center gap-1">
          <div className="flex flex-col items-end pr-1">
            <div
              role="timer"
              aria-label={over ? 'Time over' : 'Time left'}
              className={`flex items-center gap-1.5 font-mono text-xl font-semibold tabular-nums ${over ? 'text-saturated' : warn ? 'text-warm' : 'text-slate-900'}`}
            >
              <Icon name="clock" className="h-4 w-4" />
              {over ? `+${formatClock(-left)}` : formatClock(left)}
              <span className="font-sans text-xs font-medium text-slate-500">
                {paused ? 'paused' : over ? 'over' : 'left'}
              </span>
            </div>
            <div className="mt-1 h-1 w-36 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
              <div
                className={`h-full ${over ? 'bg-saturated' : warn ? 'bg-warm' : 'bg-brand-500'}`}
                style={{ width: `${share * 100}%` }}
              />
            </div>
          </div>
          {paused ? (
            <button type="button" onClick={onResume} className={`${BTN_QUIET} text-brand-700`}>
              <Icon name="play" className="h-4 w-4" />
              Resume
            </button>
          ) : (
            <button type="button" onClick={onPause} className={BTN_QUIET}>
              <Icon name="pause" className="h-4 w-4" />
              Pause
            </button>
          )}
          <TimeMenu attempt={attempt} onDuration={onDuration} onAbandon={onAbandon} />
          {over ? (
            <button
              type="button"
              onClick={onFinish}
              className="ml-1 inline-flex h-9 items-center rounded-md bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700"
            >
              Finish now
            </button>
          ) : null}
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
