'use client';

import type { Evaluation, PracticeComparison, StageCheck, StageResult, StageScoreParts } from '@/lib/engine/data';
import { formatUsers } from '@/lib/shared/format';
import { STAGES } from '@/lib/rules/stages';
import { comparisonRows, displayPart, displayScore, failingParts, groupChecks, objectivePhrases } from '@/lib/editor/stage-view';
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

/** A column heading: the engine's label for the side ("with its cache" → "With its cache"), or the bare word without one. */
function sideHeading(side: 'With' | 'Without', label: string): string {
  const l = label.trim();
  return l ? l.charAt(0).toUpperCase() + l.slice(1) : side;
}

/** What a practice buys at this stage: the engine's with/without figures as a small table, then its sentence. */
function ComparisonTable({ comparison, practice }: { comparison: PracticeComparison; practice: string }) {
  const rows = comparisonRows(comparison);
  return (
    <div className="mt-1.5 rounded-md border border-slate-200 bg-white p-2" data-testid="practice-comparison">
      <table className="w-full table-fixed text-xs" aria-label={`${practice}: with and without`}>
        <thead>
          <tr className="text-slate-600">
            <td className="w-[38%]" />
            <th scope="col" className="pb-1 pl-1 text-right align-bottom font-medium leading-tight">
              {sideHeading('With', comparison.with.label)}
            </th>
            <th scope="col" className="pb-1 pl-1 text-right align-bottom font-medium leading-tight">
              {sideHeading('Without', comparison.without.label)}
            </th>
          </tr>
        </thead>
        <tbody className="font-mono text-slate-900">
          {rows.map((r) => (
            <tr key={r.label} className="border-t border-slate-100">
              <th scope="row" className="py-0.5 pr-1 text-left font-sans font-normal leading-tight text-slate-700">
                {r.label}
              </th>
              <td className="py-0.5 pl-1 text-right">{r.with}</td>
              <td className="py-0.5 pl-1 text-right">{r.without}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1.5 text-xs leading-snug text-slate-700">{comparison.summary}</p>
    </div>
  );
}

function CheckItem({ check }: { check: StageCheck }) {
  return (
    <li className="text-sm text-slate-800" data-check={check.id} data-passed={check.passed}>
      <span className="flex items-start gap-2">
        <span className="mt-0.5">
          <PassMark passed={check.passed} />
        </span>
        <span className="min-w-0">
          <span className="sr-only">{check.passed ? 'Passed: ' : 'Failed: '}</span>
          {check.label}
        </span>
      </span>
      {check.comparison ? (
        <div className="pl-6">
          <ComparisonTable comparison={check.comparison} practice={check.label.replace(/^practice: /, '').replace(/ — (present|missing)$/, '')} />
        </div>
      ) : null}
    </li>
  );
}

/** One stage's verdict: pass or fail, the score and its five parts, every check by category, and what to fix. */
export function Scorecard({ stage, evaluation }: { stage: StageResult; evaluation: Evaluation }) {
  const scoring = useScoring();
  const objectives = stage.objectives ? objectivePhrases(stage.objectives, stage.users) : [`${formatUsers(stage.users)} users`];
  const next = STAGES[stage.stage];
  const failed = stage.checks.filter((c) => !c.passed).length;
  const score = displayScore(stage.score, stage.passed);
  const short = failingParts(stage.checks);
  const groups = groupChecks(stage.checks);
  return (
    <section aria-labelledby="scorecard-title" className="space-y-4" data-testid="scorecard" data-stage={stage.stage} data-passed={stage.passed}>
      <div className={`rounded-lg border p-3 ${stage.passed ? 'border-green-200 bg-green-50/60' : 'border-red-200 bg-red-50/50'}`}>
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h3 id="scorecard-title" className="text-sm font-semibold text-slate-900">
              Stage {stage.stage}: {stage.name}
            </h3>
            <ul aria-label={`Stage ${stage.stage} objectives`} className="mt-1 flex flex-wrap gap-x-1.5 gap-y-1 text-xs text-slate-700" data-testid="stage-objectives">
              {objectives.map((o) => (
                <li key={o} className="rounded border border-slate-200 bg-white/70 px-1.5 py-px">
                  {o}
                </li>
              ))}
            </ul>
          </div>
          <div className="shrink-0 text-right">
            <p className={`text-sm font-bold ${stage.passed ? 'text-healthy' : 'text-saturated'}`} data-testid="stage-verdict">
              {stage.passed ? 'Passes' : 'Fails'}
            </p>
            <p className="font-mono text-lg font-semibold leading-tight text-slate-900" data-testid="stage-score">
              {score}
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
            const failing = short.has(p.key);
            const v = displayPart(stage.scoreParts[p.key], p.max, failing);
            return (
              <div key={p.key} className="grid grid-cols-[6.5rem_1fr_3.5rem] items-center gap-2 text-sm">
                <dt className="text-slate-700">{p.label}</dt>
                <dd aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-slate-200">
                  <div className={`h-full rounded-full ${v >= p.max && !failing ? 'bg-healthy' : v > 0 ? 'bg-warm' : 'bg-saturated'}`} style={{ width: `${(v / p.max) * 100}%` }} />
                </dd>
                <dd className="text-right font-mono text-xs text-slate-800">
                  {v}/{p.max}
                </dd>
              </div>
            );
          })}
        </dl>
      </div>

      <div>
        <SectionTitle>Checks</SectionTitle>
        <ul className="mt-2 space-y-3" aria-label={`Stage ${stage.stage} checks`}>
          {groups.map((g) => (
            <li key={g.category} data-category={g.category} data-passed={g.passed}>
              <h4 id={`checks-${stage.stage}-${g.category}`} className="flex items-center gap-2 text-xs font-semibold text-slate-700">
                {g.label}
                <span className={`rounded px-1 py-px text-[11px] font-medium ${g.passed ? 'bg-green-50 text-healthy' : 'bg-red-50 text-saturated'}`}>
                  {g.passed ? 'holds' : `${g.checks.filter((c) => !c.passed).length} failing`}
                </span>
              </h4>
              <ul className="mt-1 space-y-1" aria-labelledby={`checks-${stage.stage}-${g.category}`}>
                {g.checks.map((c) => (
                  <CheckItem key={c.id} check={c} />
                ))}
              </ul>
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
