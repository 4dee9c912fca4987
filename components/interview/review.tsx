'use client';

import './print.css';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { formatAvailability, formatFraction, formatMs, formatPercent, formatUsd } from '@/lib/shared/format';
import { formatClock, type CompletedAttempt } from '@/lib/interview/attempt';
import { VERDICT_LABEL, describeRatio, formatFigure, type EstimateVerdict } from '@/lib/interview/estimation';
import { LEVEL_RUBRIC, overtimeRule } from '@/lib/interview/levels';
import type { Problem } from '@/lib/interview/schema';
import { lowerFirst, reviewAttempt, type Review } from '@/lib/interview/scoring';
import { attemptExport, findAttempt } from '@/lib/interview/storage';
import { studyHref } from '@/lib/interview/study';
import { DeepDiveReview, TradeoffClaims } from './review-judged';
import { ApiReview } from './review-api';
import { DesignDiagram } from './design-diagram';
import { OUTCOME_LABEL, OUTCOME_TONE } from './design-side';
import { Icon } from './icons';
import { BTN_PRIMARY, BTN_SECONDARY, Badge, CARD, PassMark, ScoreBar, formatDate, toneOfShare, type Tone } from './ui';

const VERDICT_TONE: Record<EstimateVerdict, Tone> = {
  'on-target': 'good',
  close: 'mid',
  off: 'bad',
  missing: 'neutral',
};

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportAttempt(attempt: CompletedAttempt, problem: Pick<Problem, 'id' | 'title'>) {
  const day = new Date(attempt.finishedAt).toISOString().slice(0, 10);
  download(attemptExport(attempt, problem.title), `scalelab-interview-${problem.id}-${day}.json`);
}

function Section({
  id,
  title,
  children,
  className = '',
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`${CARD} break-inside-avoid p-5 print:border-slate-300 print:shadow-none ${className}`}
    >
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function RubricList({ review }: { review: Review }) {
  return (
    <ol className="divide-y divide-slate-100">
      {review.items.map((item) => (
        <li key={item.id} className="break-inside-avoid py-4 first:pt-0 last:pb-0">
          <div className="flex items-baseline justify-between gap-4">
            <h3 className="font-semibold text-slate-900">{item.label}</h3>
            <p className="shrink-0 font-mono text-sm font-semibold text-slate-900">
              {item.score} <span className="font-normal text-slate-500">/ {item.max}</span>
            </p>
          </div>
          <div className="mt-2">
            <ScoreBar score={item.score} max={item.max} />
          </div>
          <p className="mt-2 text-sm leading-relaxed text-slate-800">{item.sentence}</p>
          {item.details.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm leading-relaxed text-slate-600">
              {item.details.map((d) => (
                <li key={d} className="flex gap-2">
                  <span className="mt-2 h-1 w-1 shrink-0 rounded-full bg-slate-400" aria-hidden="true" />
                  {/* Details may quote the candidate's own text (trade-off sentences): long words wrap. */}
                  <span className="min-w-0 wrap-anywhere">{d}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The review of one finished attempt: scores with a sentence each, the designs side by side, what to study. */
export function ReviewBody({
  problem,
  attempt,
  review,
  print = false,
}: {
  problem: Problem;
  attempt: CompletedAttempt;
  review: Review;
  print?: boolean;
}) {
  const share = review.total / 100;
  const e = review.target.evaluation;
  const drift = attempt.review.total !== review.total;
  // The three items that lost the most points, with what to do about each.
  const gaps = [...review.items]
    .filter((i) => i.max - i.score >= 0.5)
    .sort((a, b) => b.max - b.score - (a.max - a.score))
    .slice(0, 3);
  return (
    <div className="space-y-6">
      <div className={`${CARD} grid gap-6 p-5 sm:p-6 md:grid-cols-[auto_minmax(0,1fr)] print:shadow-none`}>
        <div className="flex flex-col items-center justify-center rounded-xl bg-slate-50 px-8 py-5 ring-1 ring-slate-200 ring-inset">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Score</p>
          <p className="font-mono text-5xl font-bold text-slate-900">
            {review.total}
            <span className="text-xl font-medium text-slate-500">/100</span>
          </p>
          <div className="mt-2">
            <Badge tone={toneOfShare(share)}>
              {share >= 0.85 ? 'Strong' : share >= 0.6 ? 'Promising' : share >= 0.4 ? 'Needs work' : 'Keep practising'}
            </Badge>
          </div>
        </div>
        <div className="min-w-0">
          <p className="text-base font-medium text-slate-900">{review.headline}</p>
          <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 xl:grid-cols-6">
            <div>
              <dt className="text-slate-500">Mode</dt>
              <dd className="font-medium text-slate-900">{attempt.mode === 'blind' ? 'Blind' : 'Practice'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Level</dt>
              <dd className="font-medium text-slate-900">
                {LEVEL_RUBRIC[review.level].label} (bar {review.bar.score})
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Time used</dt>
              <dd className="font-medium text-slate-900">
                {formatClock(attempt.clock.elapsedMs)} of {Math.round(attempt.durationMs / 60000)} min
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Overtime</dt>
              <dd className="font-medium text-slate-900">
                {review.overtime.penalty > 0
                  ? `${review.overtime.minutes} min: −${review.overtime.penalty} pts`
                  : attempt.penalizeOvertime
                    ? 'none'
                    : 'not charged (saved before the rule)'}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Questions asked</dt>
              <dd className="font-medium text-slate-900">
                {attempt.asked.length} of {problem.questions.length}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Finished</dt>
              <dd className="font-medium text-slate-900">{formatDate(attempt.finishedAt)}</dd>
            </div>
          </dl>
          {e ? (
            <ul className="mt-4 flex flex-wrap gap-2 text-sm">
              {review.target.checks.map((c) => (
                <li
                  key={c.id}
                  className="flex items-center gap-1.5 rounded-full bg-slate-50 py-1 pr-3 pl-1 ring-1 ring-slate-200 ring-inset"
                >
                  <PassMark passed={c.passed} />
                  <span className="text-slate-800">
                    {c.label}
                    {c.note ? <span className="text-slate-600"> ({c.note})</span> : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-3 text-xs text-slate-600">
            {LEVEL_RUBRIC[review.level].expects} Overtime: {overtimeRule(review.level)}.
          </p>
          {drift ? (
            <p className="mt-3 text-xs text-slate-600">
              When you finished, this attempt scored {attempt.review.total}; the scoring model has changed since, and
              now gives {review.total}.
            </p>
          ) : null}
        </div>
      </div>

      {gaps.length > 0 ? (
        <Section id="improve" title="Improve first">
          <ol className="grid gap-4 md:grid-cols-3">
            {gaps.map((g, i) => (
              <li key={g.id} className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset">
                <p className="flex items-baseline justify-between gap-2">
                  <span className="font-semibold text-slate-900">
                    {i + 1}. {g.label}
                  </span>
                  <span className="shrink-0 font-mono text-xs font-semibold text-saturated">
                    −{Math.round((g.max - g.score) * 10) / 10} pts
                  </span>
                </p>
                <p className="mt-1.5 text-sm leading-relaxed text-slate-700">{g.sentence}</p>
              </li>
            ))}
          </ol>
        </Section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] print:block print:space-y-6">
        <Section id="rubric" title="Score by rubric item">
          <RubricList review={review} />
        </Section>
        <div className="space-y-6">
          <Section id="study" title="Study next">
            {review.study.length === 0 ? (
              <p className="text-sm text-slate-700">Nothing stands out. Try a harder problem next.</p>
            ) : (
              <ol className="space-y-3">
                {review.study.map((s) => (
                  <li key={s.lessonId}>
                    {print ? (
                      <span className="font-medium text-slate-900">{s.title}</span>
                    ) : (
                      <Link
                        href={studyHref(s.lessonId)}
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        {s.title}
                      </Link>
                    )}
                    <p className="text-sm text-slate-600">{s.reason}</p>
                  </li>
                ))}
              </ol>
            )}
          </Section>
          <Section id="curveballs" title="Curveballs">
            <ul className="space-y-3">
              {review.curveballs.map((c) => (
                <li key={c.curveballId} className="text-sm">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium text-slate-900">{c.title}</span>
                    <Badge tone={OUTCOME_TONE[c.result.outcome]}>{OUTCOME_LABEL[c.result.outcome]}</Badge>
                  </div>
                  <p className="mt-1 text-slate-600">
                    {c.atArrival ? `When it arrived: ${OUTCOME_LABEL[c.atArrival.outcome].toLowerCase()}. ` : ''}
                    Final design: {formatFraction(c.result.errorRate, 2)} failed
                    {c.result.shedShare > 0.0005 ? `, ${formatFraction(c.result.shedShare, 1)} shed` : ''}
                    {Number.isFinite(c.result.p95ReadMs) ? `, p95 read ${formatMs(c.result.p95ReadMs)}` : ''}.
                  </p>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      </div>

      <DeepDiveReview results={review.deepDive} />

      <Section id="designs" title="Your design and the reference">
        <div className="grid gap-6 xl:grid-cols-2 print:grid-cols-1">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Your design</h3>
            {e ? (
              <p className="mt-0.5 text-xs text-slate-600">
                {formatUsd(e.endToEnd.monthlyCostUsd)} a month · p95 read {formatMs(e.endToEnd.latencyMs.read.p95)}·{' '}
                {formatAvailability(e.endToEnd.availability)} available
              </p>
            ) : null}
            <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-2">
              <DesignDiagram design={attempt.design} title="Your design" />
            </div>
          </div>
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Reference design</h3>
            <p className="mt-0.5 text-xs text-slate-600">
              One design that passes the target and holds under every curveball; not the only one.
            </p>
            <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-2">
              <DesignDiagram design={problem.reference.design} title="Reference design" />
            </div>
            <ul className="mt-3 space-y-1.5 text-sm leading-relaxed text-slate-700">
              {problem.reference.notes.map((n) => (
                <li key={n} className="flex gap-2">
                  <span className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-brand-500" aria-hidden="true" />
                  <span>{n}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </Section>

      <div className="grid gap-6 lg:grid-cols-2 print:block print:space-y-6">
        <Section id="estimates" title="Estimates">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-500 uppercase">
                <th scope="col" className="py-2 pr-2 font-semibold">
                  Figure
                </th>
                <th scope="col" className="py-2 pr-2 font-semibold">
                  Yours
                </th>
                <th scope="col" className="py-2 pr-2 font-semibold">
                  Model
                </th>
                <th scope="col" className="py-2 font-semibold">
                  Verdict
                </th>
              </tr>
            </thead>
            <tbody>
              {review.estimates.map((j) => (
                <tr key={j.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-2 font-medium text-slate-900">
                    {j.label}
                  </th>
                  <td className="py-2 pr-2 font-mono text-xs text-slate-800">
                    {j.yours === null ? '—' : formatFigure(j.id, j.yours)}
                    {j.first ? (
                      <span className="block font-sans text-slate-500">
                        first try: {j.first.yours === null ? '—' : formatFigure(j.id, j.first.yours)}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-2 font-mono text-xs text-slate-800">{formatFigure(j.id, j.model)}</td>
                  <td className="py-2">
                    <Badge tone={VERDICT_TONE[j.verdict]}>{VERDICT_LABEL[j.verdict]}</Badge>
                    <span className="block text-xs text-slate-600">credit {formatPercent(j.credit)}</span>
                    {j.hint ? (
                      <span className="block text-xs text-slate-700">{j.hint}</span>
                    ) : j.ratio !== null && j.verdict !== 'on-target' ? (
                      <span className="block text-xs text-slate-600">{describeRatio(j.ratio)}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section id="requirements" title="Requirements">
          <ul className="space-y-2 text-sm">
            {review.requirements.map((r) => (
              <li key={r.requirement.id} className="flex items-start gap-2">
                <PassMark
                  passed={r.captured && r.inDesign !== false}
                  label={r.captured ? (r.inDesign === false ? 'captured, not in the design' : 'covered') : 'missed'}
                />
                <span className="min-w-0 text-slate-800">
                  {r.requirement.text}
                  <span className="block text-xs text-slate-500">
                    {r.requirement.hidden ? 'Hidden · ' : ''}
                    {r.captured
                      ? r.askedFor
                        ? 'found by asking, confirmed'
                        : 'confirmed'
                      : r.requirement.hidden
                        ? r.askedFor
                          ? 'asked about, then taken out of scope'
                          : 'not asked about'
                        : 'not confirmed'}
                    {r.inDesign === null
                      ? ''
                      : r.inDesign
                        ? ' · in your design'
                        : ` · missing from your design (${lowerFirst(r.requirement.design!.label)})`}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </Section>
      </div>

      {review.api ? <ApiReview problem={problem} judgement={review.api} /> : null}

      <Section id="tradeoffs" title="Your trade-offs">
        {attempt.tradeoffs.trim() ? (
          <p className="text-sm leading-relaxed whitespace-pre-wrap text-slate-800 wrap-anywhere">
            {attempt.tradeoffs}
          </p>
        ) : (
          <p className="text-sm text-slate-600">You wrote none.</p>
        )}
        <TradeoffClaims claims={review.tradeoffClaims} />
        <h3 className="mt-4 text-sm font-semibold text-slate-900">Topics an interviewer listens for</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {review.tradeoffTopics.map((t) => (
            <li
              key={t.id}
              className="flex items-center gap-1.5 rounded-full bg-slate-50 py-1 pr-3 pl-1 text-sm ring-1 ring-slate-200 ring-inset"
            >
              <PassMark passed={t.hit} label={t.hit ? 'discussed' : 'not discussed'} />
              {t.label}
            </li>
          ))}
        </ul>
        <h3 className="mt-4 text-sm font-semibold text-slate-900">What a strong answer does</h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-relaxed text-slate-700">
          {problem.rubric.strongAnswer.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

function useStoredAttempt(attemptId: string): CompletedAttempt | null | 'loading' {
  const [attempt, setAttempt] = useState<CompletedAttempt | null | 'loading'>('loading');
  useEffect(() => {
    // The history lives in this browser's storage, readable only after mounting.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAttempt(findAttempt(localStorage, attemptId));
  }, [attemptId]);
  return attempt;
}

/** The stored attempt ('loading' until read, null if absent) and its review, scored again from it. */
function useStoredReview(problem: Problem, attemptId: string) {
  const attempt = useStoredAttempt(attemptId);
  const review = useMemo(
    () => (attempt && attempt !== 'loading' ? reviewAttempt(problem, attempt) : null),
    [attempt, problem],
  );
  return { attempt, review };
}

function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Attempt not found</h1>
      <p className="mt-2 text-slate-700">
        Attempts are kept in the browser that ran them. This one is not in this browser’s history.
      </p>
      <Link href="/interview" className={`${BTN_PRIMARY} mt-6`}>
        Back to interview practice
      </Link>
    </div>
  );
}

/** The review page: reads the attempt from this browser's history and scores it again. */
export function ReviewPage({ problem, attemptId }: { problem: Problem; attemptId: string }) {
  const { attempt, review } = useStoredReview(problem, attemptId);
  if (attempt === 'loading')
    return (
      <p className="p-10 text-center text-sm text-slate-600" role="status">
        Loading the review…
      </p>
    );
  if (!attempt || !review) return <NotFound />;
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/interview" className="hover:text-slate-900 hover:underline">
          Interview practice
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href="/interview/history" className="hover:text-slate-900 hover:underline">
          Your attempts
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="text-slate-700">
          Review
        </span>
      </nav>
      <div className="mt-3 flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">Review</p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900">{problem.title}</h1>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={BTN_SECONDARY} onClick={() => exportAttempt(attempt, problem)}>
            <Icon name="download" className="h-4 w-4" />
            Export JSON
          </button>
          <Link href={`/interview/${problem.id}/review/${attempt.id}/print`} className={BTN_SECONDARY}>
            <Icon name="print" className="h-4 w-4" />
            Printable page
          </Link>
          <Link href={`/interview/${problem.id}`} className={BTN_PRIMARY}>
            <Icon name="restart" className="h-4 w-4" />
            Try again
          </Link>
        </div>
      </div>
      <div className="mt-6">
        <ReviewBody problem={problem} attempt={attempt} review={review} />
      </div>
    </div>
  );
}

/** The printable page: the same review, laid out for paper. */
export function PrintPage({ problem, attemptId }: { problem: Problem; attemptId: string }) {
  const { attempt, review } = useStoredReview(problem, attemptId);
  if (attempt === 'loading')
    return (
      <p className="p-10 text-center text-sm text-slate-600" role="status">
        Loading…
      </p>
    );
  if (!attempt || !review) return <NotFound />;
  return (
    <div
      className="interview-print mx-auto w-full max-w-4xl px-4 py-8 print:max-w-none print:px-0 print:py-0"
      data-print-root=""
    >
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/interview/${problem.id}/review/${attempt.id}`} className="text-sm text-brand-700 hover:underline">
          ← Back to the review
        </Link>
        <button type="button" className={BTN_PRIMARY} onClick={() => window.print()}>
          <Icon name="print" className="h-4 w-4" />
          Print or save as PDF
        </button>
      </div>
      <header className="mb-6 border-b border-slate-200 pb-4">
        <p className="text-sm text-slate-500">ScaleLab · Interview practice</p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{problem.title}: review</h1>
        <p className="mt-1 text-sm text-slate-600">{problem.summary}</p>
      </header>
      <ReviewBody problem={problem} attempt={attempt} review={review} print />
    </div>
  );
}
