'use client';

import type { LiveStatus } from '@/lib/browser/use-live';

const LOOK: Record<LiveStatus, { dot: string; text: string }> = {
  open: { dot: 'bg-green-600', text: 'Live: connected' },
  connecting: { dot: 'bg-slate-400', text: 'Connecting…' },
  reconnecting: { dot: 'bg-amber-500', text: 'Reconnecting… (nothing is lost meanwhile)' },
};

/** The live stream's connection, for the instructor: a dot and words, announced when it changes. */
export function LiveConnection({ status }: { status: LiveStatus }) {
  const look = LOOK[status];
  return (
    <span role="status" data-live-status={status} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${look.dot} ${status === 'open' ? 'animate-pulse' : ''}`} />
      {look.text}
    </span>
  );
}

/** "12 s ago", "3 min ago", as the dashboard says how fresh a draft is. */
export function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  return new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });
}
