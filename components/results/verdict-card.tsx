'use client';

import type { Evaluation } from '@/lib/engine/data';
import type { JudgedVerdict } from '@/lib/editor/judged-verdict';
import { formatUsers } from '@/lib/shared/format';
import { FindingsList } from './findings-list';
import { useScoring } from './scoring-context';
import { PassMark, SectionTitle } from './ui';

function Frame({ passed, title, score, children }: { passed: boolean; title: string; score?: number; children: React.ReactNode }) {
  return (
    <div className={`rounded-lg border p-3 ${passed ? 'border-green-200 bg-green-50/60' : 'border-red-200 bg-red-50/50'}`} data-testid="verdict-card" data-passed={passed}>
      <div className="flex items-start justify-between gap-3">
        <h3 id="verdict-title" className="min-w-0 text-sm font-semibold text-slate-900">
          {title}
        </h3>
        <div className="shrink-0 text-right">
          <p className={`text-sm font-bold ${passed ? 'text-healthy' : 'text-saturated'}`} data-testid="verdict">
            {passed ? 'Passes' : 'Fails'}
          </p>
          {score !== undefined ? (
            <p className="font-mono text-lg font-semibold leading-tight text-slate-900" data-testid="verdict-score">
              {score}
              <span className="text-xs font-normal text-slate-600">/100</span>
            </p>
          ) : null}
        </div>
      </div>
      {children}
    </div>
  );
}

function Checks({ label, checks }: { label: string; checks: { id: string; label: string; passed: boolean; detail: string }[] }) {
  return (
    <ul aria-label={label} className="mt-2 space-y-1.5">
      {checks.map((c) => (
        <li key={c.id} className="flex items-start gap-2 text-sm text-slate-800" data-check={c.id} data-passed={c.passed}>
          <span className="mt-0.5">
            <PassMark passed={c.passed} />
          </span>
          <span className="min-w-0">
            <span className="sr-only">{c.passed ? 'Passed: ' : 'Failed: '}</span>
            {c.label}
            <span className="block text-xs text-slate-600">{c.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * What the mode's judge says of the design, at the load it judges: the
 * interview's target check, or a scenario's grade per target; then the
 * engine's findings with their causes. The panel's numbers below are at the
 * same load.
 */
export function VerdictCard({ verdict, evaluation }: { verdict: JudgedVerdict; evaluation: Evaluation }) {
  return (
    <section aria-labelledby="verdict-title" className="space-y-4">
      {verdict.kind === 'interview' ? (
        <Frame passed={verdict.target.passed} title={`The interview's target at ${formatUsers(evaluation.users)} users`}>
          <Checks label="Target checks" checks={verdict.target.checks} />
        </Frame>
      ) : (
        <Frame passed={verdict.grade.passed} title="The scenario's grade" score={verdict.grade.score}>
          <ul aria-label="Targets" className="mt-2 space-y-2">
            {verdict.grade.targets.map((t) => (
              <li key={t.key} data-target={t.key} data-passed={t.passed}>
                <p className="flex items-center justify-between gap-2 text-sm font-medium text-slate-900">
                  <span className="min-w-0">
                    {t.label} <span className="font-normal text-slate-600">· {formatUsers(t.users)} users</span>
                  </span>
                  <span className="shrink-0 font-mono text-xs">
                    {t.score}/100 {t.passed ? 'pass' : 'fail'}
                  </span>
                </p>
                <Checks label={`${t.label} checks`} checks={t.checks} />
              </li>
            ))}
          </ul>
        </Frame>
      )}
      <div>
        <SectionTitle>{evaluation.findings.some((f) => f.severity !== 'info') ? 'What to fix' : 'Worth knowing'}</SectionTitle>
        <div className="mt-2">
          <FindingsList findings={evaluation.findings} evaluation={evaluation} label="Findings" />
        </div>
      </div>
    </section>
  );
}

/** The panel is at another load than the verdict's: say so, and offer the way back. */
export function AwayFromVerdict({ users, at }: { users: number; at: number }) {
  const scoring = useScoring();
  return (
    <section className="rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="away-from-verdict" aria-labelledby="away-title">
      <h3 id="away-title" className="text-sm font-semibold text-slate-900">
        At {formatUsers(at)} users
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        You are judged at {formatUsers(users)} users: the cards and the numbers below are at {formatUsers(at)}.
      </p>
      <button
        type="button"
        onClick={() => scoring?.setUsers(users)}
        className="mt-2 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:border-brand-500"
      >
        Back to {formatUsers(users)} users
      </button>
    </section>
  );
}
