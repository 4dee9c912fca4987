'use client';

import type { ReactNode } from 'react';
import { formatClock, remainingMs, type Attempt, type Phase } from '@/lib/interview/attempt';
import type { Problem } from '@/lib/interview/schema';
import type { Role } from '@/lib/classroom/pair/doc';
import { Icon } from '@/components/interview/icons';
import { BarTitle, PhaseStepper } from '@/components/interview/timer-bar';
import { useNow } from '@/components/interview/use-now';

const CONNECTION: Record<string, { label: string; dot: string }> = {
  open: { label: 'Live', dot: 'bg-healthy' },
  connecting: { label: 'Connecting…', dot: 'bg-slate-400' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-warm' },
};

/** Whether the other side's changes are arriving, in words and a dot. */
export function ConnectionBadge({ status, unsent }: { status: string; unsent: number }) {
  const c = CONNECTION[status] ?? CONNECTION.connecting;
  return (
    <span role="status" className="inline-flex items-center gap-1.5 text-xs font-medium text-slate-700">
      <span className={`h-2 w-2 rounded-full ${c.dot}`} aria-hidden="true" />
      {c.label}
      {unsent > 0 ? <span className="text-slate-500">· sending…</span> : null}
    </span>
  );
}

/** The top bar of both sides: problem, role, phases, clock, connection. */
export function PairBar({
  problem,
  attempt,
  role,
  connection,
  unsent,
  onGo,
  end,
}: {
  problem: Problem;
  attempt: Attempt;
  role: Role;
  connection: string;
  unsent: number;
  /** The candidate moves between phases; the interviewer only sees where the candidate is. */
  onGo?: (p: Phase) => void;
  end?: ReactNode;
}) {
  const finished = attempt.finishedAt !== null;
  const now = useNow(1000, !finished);
  const left = remainingMs(attempt, finished ? attempt.finishedAt! : now);
  const over = left < 0;
  return (
    <div className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <BarTitle
          where={`Pair interview · ${role === 'interviewer' ? 'Interviewer' : 'Candidate'}`}
          title={problem.title}
        />
        <div className="order-3 w-full xl:order-none xl:w-auto xl:flex-1">
          <PhaseStepper attempt={attempt} onGo={onGo} />
        </div>
        <div className="flex items-center gap-3">
          <ConnectionBadge status={connection} unsent={unsent} />
          <div
            role="timer"
            aria-label={finished ? 'Interview ended' : over ? 'Time over' : 'Time left'}
            className={`flex items-center gap-1.5 font-mono text-lg font-semibold tabular-nums ${over ? 'text-saturated' : 'text-slate-900'}`}
          >
            <Icon name="clock" className="h-4 w-4" />
            {finished ? 'ended' : over ? `+${formatClock(-left)}` : formatClock(left)}
          </div>
          {end}
        </div>
      </div>
    </div>
  );
}

/** A refusal or a lost connection, in the server's own words. */
export function SyncBanner({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="bg-red-50 px-4 py-2 text-sm font-medium text-saturated">
      {error}
    </p>
  );
}

export function PairMessage({ children, tone = 'status' }: { children: ReactNode; tone?: 'status' | 'alert' }) {
  return (
    <div className="grid flex-1 place-items-center p-10">
      <p
        role={tone}
        className={`max-w-lg text-center text-sm ${tone === 'alert' ? 'text-saturated' : 'text-slate-600'}`}
      >
        {children}
      </p>
    </div>
  );
}
