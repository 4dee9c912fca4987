import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { DIFFICULTY_LABEL } from '@/lib/interview/format';
import type { Problem } from '@/lib/interview/schema';

/** Shared look of the interview pages: slate neutrals, brand accents (app/globals.css). */
// The buttons are the shared primitive's (components/ui/button.tsx); these names stay for the interview pages.
export const BTN_PRIMARY = buttonClass('primary', 'md');
export const BTN_SECONDARY = buttonClass('secondary', 'md');
export const BTN_QUIET = buttonClass('quiet', 'md');
export const INPUT =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50 disabled:text-slate-600';
export const CARD = 'rounded-xl border border-slate-200 bg-white shadow-sm';

export function ButtonLink({ className = BTN_PRIMARY, ...props }: ComponentProps<typeof Link>) {
  return <Link className={className} {...props} />;
}

const DIFFICULTY_STYLE: Record<Problem['difficulty'], string> = {
  easy: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  medium: 'bg-amber-50 text-amber-800 ring-amber-200',
  hard: 'bg-rose-50 text-rose-800 ring-rose-200',
};

export function DifficultyBadge({ difficulty }: { difficulty: Problem['difficulty'] }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${DIFFICULTY_STYLE[difficulty]}`}
    >
      {DIFFICULTY_LABEL[difficulty]}
    </span>
  );
}

export type Tone = 'good' | 'mid' | 'bad' | 'neutral';

const TONE_STYLE: Record<Tone, string> = {
  good: 'bg-emerald-50 text-healthy ring-emerald-200',
  mid: 'bg-amber-50 text-warm ring-amber-200',
  bad: 'bg-red-50 text-saturated ring-red-200',
  neutral: 'bg-slate-100 text-slate-700 ring-slate-200',
};

export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE_STYLE[tone]}`}
    >
      {children}
    </span>
  );
}

export function toneOfShare(share: number): Tone {
  if (share >= 0.85) return 'good';
  if (share >= 0.5) return 'mid';
  return 'bad';
}

const BAR: Record<Tone, string> = { good: 'bg-healthy', mid: 'bg-warm', bad: 'bg-saturated', neutral: 'bg-slate-400' };

/** A horizontal bar for a score; decorative (the figures are in text beside it). */
export function ScoreBar({ score, max }: { score: number; max: number }) {
  const share = max > 0 ? Math.max(0, Math.min(1, score / max)) : 0;
  return (
    <div className="h-2 w-full overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
      <div className={`h-full rounded-full ${BAR[toneOfShare(share)]}`} style={{ width: `${share * 100}%` }} />
    </div>
  );
}

/** Check or cross with a text alternative. */
export function PassMark({ passed, label }: { passed: boolean; label?: string }) {
  return (
    <span
      className={`inline-grid h-5 w-5 shrink-0 place-items-center rounded-full ${passed ? 'bg-emerald-100 text-healthy' : 'bg-red-100 text-saturated'}`}
    >
      <svg
        viewBox="0 0 20 20"
        className="h-3.5 w-3.5"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth={2.5}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {passed ? <path d="m5 10.5 3.2 3L15 6.5" /> : <path d="M6 6l8 8M14 6l-8 8" />}
      </svg>
      <span className="sr-only">{label ?? (passed ? 'passed' : 'not passed')}</span>
    </span>
  );
}

export function SectionTitle({ id, children, aside }: { id?: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {children}
      </h2>
      {aside}
    </div>
  );
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
export const formatCompact = (n: number) => compact.format(n);

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
