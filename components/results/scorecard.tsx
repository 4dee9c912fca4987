'use client';

import type { Evaluation, StageResult, StageScoreParts } from '@/lib/engine/evaluation';
import { GROWTH_STAGES as STAGES } from '@/lib/growth-stages';
import { formatAvailability, formatUsd, formatUsers } from '@/lib/editor/scoring-format';
import { FindingsList } from './findings-list';
import { useScoring } from './scoring-context';
import { PassMark, SectionTitle } from './ui';

const PARTS: { key: keyof StageScoreParts; label: string; max: number }[] = [
  { key: 'capacity', label: 'Capacity', max: 30 },
  { key: 'latency', label: 'Latency', max: 20 },
  { key: 'availability', label: 'Availability', max: 20 },
  { key: 'cost', label: 'Cost', max: 15 },
  { key: 'practices', label: 'Practices', max: 15 },
];

/** One stage's verdict: pass or fail, the score and its five parts, every check, and what to fix. */
export function Scorecard({ stage, evaluation }: { stage: StageResult; evaluation: Evaluation }) {
  const scoring = useScoring();
  const limit = (id: string) => stage.checks.find((c) => c.id === id)?.limit ?? null;
  const slo = [
    `${formatUsers(stage.users)} users`,
    limit('latency') !== null ? `p95 read ≤ ${limit('latency')} ms` : null,
    limit('availability') !== null ? formatAvailability(limit('availability')!) : null,
    limit('cost') !== null ? `${formatUsd(limit('cost')!)} a month` : null,
  ].filter(Boolean);
  const next = STAGES[stage.stage];
  const failed = stage.checks.filter((c) => !c.passed).length;
  return (
    <section aria-labelledby="scorecard-title" className="space-y-4" data-testid="scorecard" data-stage={stage.stage} data-passed={stage.passed}>
      <div className={`rounded-lg border p-3 ${stage.passed ? 'border-green-200 bg-green-50/60' : 'border-red-200 bg-red-50/50'}`}>
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h3 id="scorecard-title" className="text-sm font-semibold text-slate-900">
              Stage {stage.stage}: {stage.name}
            </h3>
            <p className="mt-0.5 text-xs text-slate-700">
              {slo.join(' · ')}
            </p>
          </div>
          <div className="shrink-0 text-right">
            <p className={`text-sm font-bold ${stage.passed ? 'text-healthy' : 'text-saturated'}`} data-testid="stage-verdict">
              {stage.passed ? 'Passes' : 'Fails'}
            </p>
            <p className="font-mono text-lg font-semibold leading-tight text-slate-900" data-testid="stage-score">
              {Math.round(stage.score)}
              <span className="text-xs font-normal text-slate-600">/100</span>
            </p>
          </div>
        </div>
        <p className="mt-2 text-sm text-slate-800">
          {stage.passed
            ? next
              ? `Every check holds at ${formatUsers(stage.users)} users. Next, grow to ${formatUsers(next.users)}.`
              : 'Every check holds: this design runs at web scale.'
            : `${failed} of ${stage.checks.length} checks fail. Start with the first problem below.`}
        </p>
        {stage.passed && next ? (
          <button
            type="button"
            onClick={() => scoring?.chooseStage(next.stage)}
            className="mt-2 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Try stage {next.stage}: {formatUsers(next.users)} users
          </button>
        ) : null}
      </div>

      <div>
        <SectionTitle>Score</SectionTitle>
        <dl className="mt-2 space-y-1.5">
          {PARTS.map((p) => {
            const v = stage.scoreParts[p.key];
            return (
              <div key={p.key} className="grid grid-cols-[6.5rem_1fr_3.5rem] items-center gap-2 text-sm">
                <dt className="text-slate-700">{p.label}</dt>
                <dd aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-slate-200">
                  <div className={`h-full rounded-full ${v >= p.max ? 'bg-healthy' : v > 0 ? 'bg-warm' : 'bg-saturated'}`} style={{ width: `${(v / p.max) * 100}%` }} />
                </dd>
                <dd className="text-right font-mono text-xs text-slate-800">
                  {Math.round(v)}/{p.max}
                </dd>
              </div>
            );
          })}
        </dl>
      </div>

      <div>
        <SectionTitle>Checks</SectionTitle>
        <ul className="mt-2 space-y-1" aria-label={`Stage ${stage.stage} checks`}>
          {stage.checks.map((c) => (
            <li key={c.id} className="flex items-start gap-2 text-sm text-slate-800" data-check={c.id} data-passed={c.passed}>
              <span className="mt-0.5">
                <PassMark passed={c.passed} />
              </span>
              <span>
                <span className="sr-only">{c.passed ? 'Passed: ' : 'Failed: '}</span>
                {c.label}
              </span>
            </li>
          ))}
        </ul>
      </div>

      <div>
        <SectionTitle>{stage.passed ? 'Worth knowing' : 'What to fix'}</SectionTitle>
        <div className="mt-2">
          <FindingsList findings={stage.findings} evaluation={evaluation} label={`Findings for stage ${stage.stage}`} />
        </div>
      </div>
    </section>
  );
}
