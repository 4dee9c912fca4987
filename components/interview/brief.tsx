import type { Problem } from '@/lib/interview/schema';
import { scaleLabel } from '@/lib/interview/format';
import { formatAvailability, formatUsd } from '@/lib/shared/format';
import { DifficultyBadge } from './ui';

/** What the design is scored against: scale, SLOs and budget. */
export function Targets({ problem, compact = false }: { problem: Problem; compact?: boolean }) {
  const rows = [
    { label: 'Scale', value: scaleLabel(problem) },
    { label: 'p95 read latency', value: `≤ ${problem.slo.p95ReadMs} ms` },
    { label: 'Availability', value: `≥ ${formatAvailability(problem.slo.availability)}` },
    { label: 'Budget', value: `${formatUsd(problem.slo.budgetUsd)} a month` },
  ];
  return (
    <dl className={`grid gap-x-3 gap-y-2 ${compact ? 'grid-cols-2' : 'grid-cols-2 xl:grid-cols-4'}`}>
      {rows.map((r) => (
        <div key={r.label} className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200 ring-inset">
          <dt className="text-xs font-medium text-slate-500">{r.label}</dt>
          <dd className="mt-0.5 text-sm font-semibold text-slate-900">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Facts({ problem }: { problem: Problem }) {
  return (
    <ul className="space-y-1.5 text-sm leading-relaxed text-slate-700">
      {problem.facts.map((f) => (
        <li key={f} className="flex gap-2">
          <span className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-brand-500" aria-hidden="true" />
          <span>{f}</span>
        </li>
      ))}
    </ul>
  );
}

/** The interviewer's opening: the brief, the figures given, and the targets. */
export function Brief({ problem, headingLevel = 2 }: { problem: Problem; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-2">
        <DifficultyBadge difficulty={problem.difficulty} />
        <span className="text-sm text-slate-600">{scaleLabel(problem)}</span>
      </div>
      <div className="space-y-3 text-[0.975rem] leading-7 text-slate-800">
        {problem.brief.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <div>
        <H className="text-sm font-semibold text-slate-900">What the interviewer tells you</H>
        <div className="mt-2">
          <Facts problem={problem} />
        </div>
      </div>
      <div>
        <H className="text-sm font-semibold text-slate-900">What your design is scored against</H>
        <div className="mt-2">
          <Targets problem={problem} />
        </div>
      </div>
    </div>
  );
}
