'use client';

import { useId, type KeyboardEvent } from 'react';
import { STAGES } from '@/lib/rules/stages';
import type { StageResult } from '@/lib/engine/data';
import { MAX_USERS, MIN_USERS, snapUsers, stageAtUsers } from '@/lib/editor/scoring';
import { formatUsers } from '@/lib/shared/format';
import { useScoring, useScoringView } from './scoring-context';

const LOG_MIN = Math.log10(MIN_USERS);
const LOG_MAX = Math.log10(MAX_USERS);
/** Where the arrow keys stop: the eight stages and the ends of the range. */
const NOTCHES = [...new Set([MIN_USERS, ...STAGES.map((s) => s.users), MAX_USERS])].sort((a, b) => a - b);

/** Users from 1K to 1B on a log scale, snapping to the eight stages. */
export function UsersControl() {
  const scoring = useScoring();
  const users = useScoringView((v) => v.users);
  const id = useId();
  const stage = stageAtUsers(users);
  const set = (u: number) => scoring?.setUsers(u);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Fine steps would snap straight back to a stage: the keys move notch to notch instead.
    const up = e.key === 'ArrowRight' || e.key === 'ArrowUp' || e.key === 'PageUp';
    const down = e.key === 'ArrowLeft' || e.key === 'ArrowDown' || e.key === 'PageDown';
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      set(e.key === 'Home' ? MIN_USERS : MAX_USERS);
    } else if (up || down) {
      e.preventDefault();
      const next = up ? NOTCHES.find((n) => n > users) : [...NOTCHES].reverse().find((n) => n < users);
      if (next !== undefined) set(next);
    }
  };
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          Users
        </label>
        <output htmlFor={id} className="font-mono text-sm font-semibold text-slate-900" data-testid="results-users">
          {formatUsers(users)}
          {stage ? <span className="ml-1 font-sans text-xs font-normal text-slate-600">(stage {stage})</span> : null}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={LOG_MIN}
        max={LOG_MAX}
        step={0.01}
        value={Math.log10(users)}
        aria-valuetext={`${formatUsers(users)} users${stage ? `, stage ${stage}` : ''}`}
        onChange={(e) => set(snapUsers(Math.pow(10, Number(e.target.value))))}
        onKeyDown={onKeyDown}
        className="mt-1 w-full accent-brand-600"
      />
      <div aria-hidden="true" className="relative h-3 text-[10px] text-slate-600">
        {['1K', '1M', '1B'].map((t, i) => (
          <span key={t} className="absolute -translate-x-1/2" style={{ left: `${i * 50}%`, transform: i === 0 ? 'none' : i === 2 ? 'translateX(-100%)' : undefined }}>
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The eight stages as a row of choices, each marked pass or fail. */
export function StagePicker({ stages }: { stages: readonly StageResult[] | null }) {
  const scoring = useScoring();
  const current = useScoringView((v) => v.stage);
  // Between stages none is selected: nothing on screen is judged against one.
  const atStage = useScoringView((v) => stageAtUsers(v.users) === v.stage);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Stage</legend>
      <div role="radiogroup" aria-label="Stage" className="mt-1 grid grid-cols-8 gap-1">
        {STAGES.map((s) => {
          const r = stages?.find((x) => x.stage === s.stage);
          const selected = atStage && current === s.stage;
          const verdict = r ? (r.passed ? 'passes' : 'fails') : 'not scored';
          return (
            <button
              key={s.stage}
              type="button"
              role="radio"
              aria-checked={selected}
              aria-label={`Stage ${s.stage}, ${s.name}, ${formatUsers(s.users)} users: ${verdict}`}
              title={`Stage ${s.stage}: ${s.name} (${formatUsers(s.users)} users): ${verdict}`}
              onClick={() => scoring?.chooseStage(s.stage)}
              className={`flex h-9 flex-col items-center justify-center rounded-md border text-xs font-semibold leading-none ${
                selected ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-800 hover:border-brand-500'
              }`}
            >
              <span>{s.stage}</span>
              <span
                aria-hidden="true"
                className={`mt-0.5 text-[10px] ${r ? (r.passed ? (selected ? 'text-white' : 'text-healthy') : selected ? 'text-white' : 'text-saturated') : 'text-slate-500'}`}
              >
                {r ? (r.passed ? '✓' : '✕') : '·'}
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
