import Link from 'next/link';
import type { GradeFinding, ScenarioGrade, TargetGrade } from '@/lib/classroom/scenarios/grading';
import { formatUsers } from '@/lib/shared/format';
import { FAILING_CEILING } from '@/lib/rules/rubric';

/** A grade stored before the one rubric may hold a failing 100: a failing score never shows it. */
const shown = (score: number, passed: boolean) => (passed ? score : Math.min(score, FAILING_CEILING));

export function PassPill({ passed, className = '' }: { passed: boolean; className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${
        passed ? 'bg-green-50 text-healthy ring-1 ring-green-200' : 'bg-red-50 text-saturated ring-1 ring-red-200'
      } ${className}`}
    >
      <span aria-hidden="true">{passed ? '✓' : '✗'}</span>
      {passed ? 'Pass' : 'Fail'}
    </span>
  );
}

export function ScoreBadge({ score, passed, size = 'md' }: { score: number; passed: boolean; size?: 'md' | 'lg' }) {
  return (
    <div className="flex items-center gap-3">
      <span className={`font-semibold tabular-nums text-slate-900 ${size === 'lg' ? 'text-3xl' : 'text-xl'}`}>
        {Math.round(shown(score, passed) * 10) / 10}
        <span className="text-sm font-normal text-slate-500"> / 100</span>
      </span>
      <PassPill passed={passed} />
    </div>
  );
}

function TargetCard({ target }: { target: TargetGrade }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-3 py-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">{target.label}</p>
          <p className="text-xs text-slate-600">{formatUsers(target.users)} daily users</p>
        </div>
        <div className="flex items-center gap-2">
          <span className="font-semibold tabular-nums text-slate-900">{shown(target.score, target.passed)}</span>
          <PassPill passed={target.passed} />
        </div>
      </div>
      <ul className="divide-y divide-slate-100 text-sm">
        {target.checks.map((c) => (
          <li key={c.id} className="flex items-start gap-2 px-3 py-1.5">
            <span aria-hidden="true" className={`mt-0.5 w-4 shrink-0 text-center font-bold ${c.passed ? 'text-healthy' : 'text-saturated'}`}>
              {c.passed ? '✓' : '✗'}
            </span>
            <span className="min-w-0 flex-1">
              <span className="font-medium text-slate-800">{c.label}</span>
              <span className="sr-only">{c.passed ? ' (met)' : ' (not met)'}</span>
              <span className="block break-words text-slate-600">{c.detail}</span>
            </span>
            <span className="shrink-0 tabular-nums text-slate-500">
              {c.points}/{c.maxPoints}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}

function FindingList({ findings }: { findings: GradeFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <div className="mt-4">
      <h4 className="text-sm font-semibold text-slate-900">What the model noticed</h4>
      <ul className="mt-2 space-y-1.5 text-sm">
        {findings.map((f, i) => (
          <li key={`${f.code}-${i}`} className="flex gap-2">
            <span
              className={`mt-0.5 h-fit shrink-0 self-start rounded px-1.5 text-xs font-semibold uppercase ${
                f.severity === 'error' ? 'bg-red-50 text-saturated' : f.severity === 'warning' ? 'bg-amber-50 text-warm' : 'bg-slate-100 text-slate-600'
              }`}
            >
              {f.severity}
            </span>
            <span className="text-slate-700">
              {f.message}{' '}
              {f.lessonId ? (
                <Link href={`/learn/${f.lessonId}`} className="whitespace-nowrap font-medium text-brand-700 underline underline-offset-2">
                  Learn how
                </Link>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A grade: overall score, then every target with its checks, then findings. */
export function GradeView({ grade, heading = 'Result', showFindings = true }: { grade: ScenarioGrade; heading?: string; showFindings?: boolean }) {
  return (
    <section aria-label={heading}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{heading}</h3>
        <ScoreBadge score={grade.score} passed={grade.passed} />
      </div>
      <ul className="mt-3 space-y-3">
        {grade.targets.map((t) => (
          <TargetCard key={t.key} target={t} />
        ))}
      </ul>
      {showFindings ? <FindingList findings={grade.findings} /> : null}
    </section>
  );
}
