'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { formatClock, remainingMs, type Attempt, type CompletedAttempt, type Mode } from '@/lib/interview/attempt';
import { MODES, trendsByMode, type Trend } from '@/lib/interview/history';
import { LEVEL_RUBRIC } from '@/lib/interview/levels';
import { deleteAttempt, listActive, readHistory } from '@/lib/interview/storage';
import { Icon } from './icons';
import { exportAttempt } from './review';
import { BTN_QUIET, Badge, CARD, ScoreBar, formatDate, toneOfShare } from './ui';
import { formatPercent } from '@/lib/shared/format';

/** Problem ids and titles, handed down from the server so the client does not bundle the problem files. */
export type ProblemTitles = Record<string, string>;

function useHistory(): { attempts: CompletedAttempt[]; loaded: boolean; reload(): void } {
  const [attempts, setAttempts] = useState<CompletedAttempt[]>([]);
  const [loaded, setLoaded] = useState(false);
  const reload = () => {
    setAttempts(readHistory(localStorage));
    setLoaded(true);
  };
  // The history lives in this browser's storage, readable only after mounting.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(reload, []);
  return { attempts, loaded, reload };
}

/** Scores over time as a line; the figures are also in the list beside it. */
export function TrendChart({ trend, titles }: { trend: Trend; titles: ProblemTitles }) {
  const pts = trend.points.slice(-20);
  if (pts.length === 0) return null;
  const w = 560;
  const h = 160;
  const padX = 28;
  const padY = 14;
  const x = (i: number) => (pts.length === 1 ? w / 2 : padX + (i * (w - 2 * padX)) / (pts.length - 1));
  const y = (v: number) => padY + ((100 - v) * (h - 2 * padY)) / 100;
  const line = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)} ${y(p.total)}`).join(' ');
  const first = pts[0].total;
  const last = pts[pts.length - 1].total;
  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      className="h-auto w-full"
      role="img"
      aria-label={`Scores of your last ${pts.length} attempts, from ${first} to ${last} out of 100`}
    >
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line
            x1={padX}
            x2={w - padX}
            y1={y(v)}
            y2={y(v)}
            stroke="#e2e8f0"
            strokeDasharray={v === 50 ? '4 4' : undefined}
          />
          <text x={4} y={y(v) + 4} fontSize={10} fill="#64748b">
            {v}
          </text>
        </g>
      ))}
      <path d={line} fill="none" stroke="#2852d8" strokeWidth={2.5} strokeLinejoin="round" />
      {pts.map((p, i) => (
        <circle key={p.attemptId} cx={x(i)} cy={y(p.total)} r={4} fill="#fff" stroke="#2852d8" strokeWidth={2}>
          <title>
            {titles[p.problemId] ?? p.problemId}: {p.total}
          </title>
        </circle>
      ))}
    </svg>
  );
}

const MODE_LABEL: Record<Mode, string> = { blind: 'Blind', practice: 'Practice' };

/**
 * Best and Trend for each mode on its own: Practice shows the model's
 * numbers while designing, so its scores are not pooled with Blind ones.
 */
function ModeTrends({
  attempts,
  titles,
  wide = false,
}: {
  attempts: readonly CompletedAttempt[];
  titles: ProblemTitles;
  wide?: boolean;
}) {
  const trends = trendsByMode(attempts);
  return (
    <div className="space-y-5">
      {MODES.filter((m) => trends[m].points.length > 0).map((m) => (
        <div key={m}>
          <h4 className="text-sm font-semibold text-slate-800">
            {MODE_LABEL[m]}{' '}
            <span className="font-normal text-slate-500">
              ({trends[m].points.length} attempt{trends[m].points.length === 1 ? '' : 's'})
            </span>
          </h4>
          <div
            className={`mt-2 grid gap-4 md:items-center ${wide ? 'md:grid-cols-[minmax(0,1fr)_16rem]' : 'md:grid-cols-[minmax(0,1fr)_14rem]'}`}
          >
            <TrendChart trend={trends[m]} titles={titles} />
            <TrendSummary trend={trends[m]} />
          </div>
        </div>
      ))}
    </div>
  );
}

function TrendSummary({ trend }: { trend: Trend }) {
  const weakest = trend.weakest[0];
  return (
    <dl className="grid grid-cols-3 gap-3 text-sm">
      <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset">
        <dt className="text-xs text-slate-500">Latest</dt>
        <dd className="font-mono text-xl font-semibold text-slate-900">{trend.latest?.total ?? '—'}</dd>
      </div>
      <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset">
        <dt className="text-xs text-slate-500">Best</dt>
        <dd className="font-mono text-xl font-semibold text-slate-900">{trend.best?.total ?? '—'}</dd>
      </div>
      <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset">
        <dt className="text-xs text-slate-500">Trend</dt>
        <dd
          className={`font-mono text-xl font-semibold ${trend.change === null ? 'text-slate-900' : trend.change >= 0 ? 'text-healthy' : 'text-saturated'}`}
        >
          {trend.change === null ? '—' : `${trend.change >= 0 ? '+' : ''}${trend.change}`}
        </dd>
      </div>
      {weakest ? (
        <div className="col-span-3 text-sm text-slate-700">
          <dt className="inline">Weakest lately: </dt>
          <dd className="inline">
            <span className="font-medium text-slate-900">{weakest.label}</span> ({formatPercent(weakest.share)} of
            its points on average)
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** On the library page: mocks in progress and the trend of finished ones. */
export function LibraryProgress({ titles }: { titles: ProblemTitles }) {
  const { attempts, loaded } = useHistory();
  const [active, setActive] = useState<Attempt[]>([]);
  const [now, setNow] = useState(0);
  useEffect(() => {
    // Mocks in progress live in this browser's storage, readable only after mounting.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setActive(listActive(localStorage, Object.keys(titles)));
    setNow(Date.now());
  }, [titles]);
  if (!loaded) return null;
  if (attempts.length === 0 && active.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-sm text-slate-600">
        Your attempts will appear here, with the trend of your scores. They stay in this browser.
      </p>
    );
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
      <div className={`${CARD} p-5`}>
        <div className="flex items-baseline justify-between gap-2">
          <h3 className="font-semibold text-slate-900">Your scores</h3>
          <Link href="/interview/history" className="text-sm font-medium text-brand-700 hover:underline">
            All attempts
          </Link>
        </div>
        {attempts.length > 0 ? (
          <div className="mt-4">
            <ModeTrends attempts={attempts} titles={titles} />
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600">Finish a mock to see your first score.</p>
        )}
      </div>
      <div className={`${CARD} p-5`}>
        <h3 className="font-semibold text-slate-900">In progress</h3>
        {active.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No mock in progress.</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {active.map((a) => {
              const left = remainingMs(a, now);
              return (
                <li key={a.id}>
                  <Link
                    href={`/interview/${a.problemId}`}
                    className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm hover:border-brand-500 hover:bg-brand-50"
                  >
                    <span className="font-medium text-slate-900">{titles[a.problemId] ?? a.problemId}</span>
                    <span className="font-mono text-xs text-slate-600">
                      {left >= 0 ? `${formatClock(left)} left` : 'over time'}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The full history: every finished attempt, with its review, export and print. */
export function HistoryPage({ titles }: { titles: ProblemTitles }) {
  const { attempts, loaded, reload } = useHistory();
  if (!loaded)
    return (
      <p className="p-10 text-center text-sm text-slate-600" role="status">
        Loading…
      </p>
    );
  const newestFirst = [...attempts].reverse();
  return (
    <div className="space-y-6">
      {attempts.length > 0 ? (
        <section aria-labelledby="trend" className={`${CARD} p-5`}>
          <h2 id="trend" className="font-semibold text-slate-900">
            Trend
          </h2>
          <div className="mt-4">
            <ModeTrends attempts={attempts} titles={titles} wide />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="attempts" className={`${CARD} p-5`}>
        <h2 id="attempts" className="font-semibold text-slate-900">
          Finished attempts
        </h2>
        {attempts.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            None yet.{' '}
            <Link href="/interview" className="font-medium text-brand-700 hover:underline">
              Pick a problem
            </Link>{' '}
            to start.
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-xs text-slate-500 uppercase">
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Problem
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Finished
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Mode
                  </th>
                  <th scope="col" className="w-48 py-2 pr-3 font-semibold">
                    Score
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {newestFirst.map((a) => (
                  <tr key={a.id} className="border-b border-slate-100">
                    <th scope="row" className="py-2.5 pr-3 font-medium text-slate-900">
                      <Link
                        href={`/interview/${a.problemId}/review/${a.id}`}
                        className="hover:text-brand-700 hover:underline"
                      >
                        {titles[a.problemId] ?? a.problemId}
                      </Link>
                    </th>
                    <td className="py-2.5 pr-3 text-slate-700">{formatDate(a.finishedAt)}</td>
                    <td className="py-2.5 pr-3">
                      <Badge tone="neutral">{MODE_LABEL[a.mode]}</Badge>{' '}
                      <span className="text-xs text-slate-600">{LEVEL_RUBRIC[a.level].label}</span>
                    </td>
                    <td className="py-2.5 pr-3">
                      <div className="flex items-center gap-2">
                        <span
                          className={`w-8 font-mono font-semibold ${toneOfShare(a.review.total / 100) === 'bad' ? 'text-saturated' : 'text-slate-900'}`}
                        >
                          {a.review.total}
                        </span>
                        <ScoreBar score={a.review.total} max={100} />
                      </div>
                    </td>
                    <td className="py-2.5">
                      <div className="flex justify-end gap-1">
                        <Link href={`/interview/${a.problemId}/review/${a.id}`} className={BTN_QUIET}>
                          Review
                        </Link>
                        <button
                          type="button"
                          className={BTN_QUIET}
                          onClick={() =>
                            exportAttempt(a, { id: a.problemId, title: titles[a.problemId] ?? a.problemId })
                          }
                        >
                          <Icon name="download" className="h-4 w-4" />
                          JSON
                        </button>
                        <Link href={`/interview/${a.problemId}/review/${a.id}/print`} className={BTN_QUIET}>
                          <Icon name="print" className="h-4 w-4" />
                          Print
                        </Link>
                        <button
                          type="button"
                          className={`${BTN_QUIET} text-saturated`}
                          aria-label={`Delete the attempt on ${titles[a.problemId] ?? a.problemId} from ${formatDate(a.finishedAt)}`}
                          onClick={() => {
                            if (window.confirm('Delete this attempt from your history?')) {
                              deleteAttempt(localStorage, a.id);
                              reload();
                            }
                          }}
                        >
                          <Icon name="trash" className="h-4 w-4" />
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** On a problem card: the best score per mode, or a mock in progress. */
export function ProblemStatus({ problemId }: { problemId: string }) {
  const [status, setStatus] = useState<{ best: Record<Mode, number | null>; active: boolean } | null>(null);
  useEffect(() => {
    const mine = readHistory(localStorage).filter((a) => a.problemId === problemId);
    const bestOf = (m: Mode) =>
      mine
        .filter((a) => a.mode === m)
        .reduce<number | null>((b, a) => (b === null || a.review.total > b ? a.review.total : b), null);
    const best = { blind: bestOf('blind'), practice: bestOf('practice') };
    // Read after mounting: the history lives in this browser's storage.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStatus({ best, active: listActive(localStorage, [problemId]).length > 0 });
  }, [problemId]);
  if (!status || (MODES.every((m) => status.best[m] === null) && !status.active)) return null;
  return (
    <span className="flex flex-wrap gap-1.5">
      {status.active ? <Badge tone="mid">In progress</Badge> : null}
      {MODES.map((m) => {
        const best = status.best[m];
        return best === null ? null : (
          <Badge key={m} tone={toneOfShare(best / 100)}>
            Best {best} {MODE_LABEL[m].toLowerCase()}
          </Badge>
        );
      })}
    </span>
  );
}
