'use client';

import { useId, useState } from 'react';
import type { Review } from '@/lib/interview/scoring';
import { CARD } from '@/components/interview/ui';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The lines the interviewer scores: the review's own, less curveballs never delivered and the overtime charge. */
export function scorableItems(review: Review) {
  return review.items.filter((i) => i.max > 0);
}

function ScoreInput({ label, max, value, onScore }: { label: string; max: number; value: number | undefined; onScore(v: number | null): void }) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  const change = (t: string) => {
    setText(t);
    if (t.trim() === '') {
      setError(null);
      onScore(null);
      return;
    }
    const n = Number(t);
    if (!Number.isFinite(n) || n < 0 || n > max) {
      setError(`Between 0 and ${max}.`);
      return;
    }
    setError(null);
    onScore(round1(n));
  };
  return (
    <div className="flex flex-col items-end">
      <label htmlFor={id} className="sr-only">
        Your score for {label}, out of {max}
      </label>
      <div className="flex items-center gap-1 text-sm">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          max={max}
          step={0.5}
          value={text}
          onChange={(e) => change(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`w-20 rounded-md border px-2 py-1 text-right font-mono ${error ? 'border-saturated ring-1 ring-saturated' : 'border-slate-300'}`}
        />
        <span className="whitespace-nowrap text-slate-500">/ {max}</span>
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-0.5 text-xs text-saturated">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The rubric as the review scores it, line by line: the model's points
 * beside the interviewer's. The interviewer types a score per line (the
 * candidate sees them read-only).
 */
export function RubricScores({
  review,
  scores,
  onScore,
  title = 'Rubric',
}: {
  title?: string;
  review: Review;
  scores: Record<string, number>;
  /** Absent: read-only. */
  onScore?: (itemId: string, points: number | null) => void;
}) {
  const items = scorableItems(review);
  const scored = items.filter((i) => scores[i.id] !== undefined);
  const total = round1(scored.reduce((s, i) => s + scores[i.id], 0));
  const undelivered = review.items.filter((i) => i.max === 0 && i.id.startsWith('curveball:'));
  return (
    <section aria-labelledby="pair-rubric" className={`${CARD} p-4`}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="pair-rubric" className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        <p className="text-xs text-slate-600">
          Interviewer {total} ({scored.length} of {items.length} lines) · model {review.total}/100
        </p>
      </div>
      <ol className="mt-3 divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id} className="flex items-start justify-between gap-3 py-2.5">
            <div className="min-w-0">
              <p className="text-sm font-medium text-slate-900">{item.label}</p>
              <p className="text-xs text-slate-600">
                Model: <span className="font-mono">{item.score}</span> / {item.max}
              </p>
              <p className="mt-0.5 text-xs leading-relaxed text-slate-600">{item.sentence}</p>
            </div>
            {onScore ? (
              <ScoreInput label={item.label} max={item.max} value={scores[item.id]} onScore={(v) => onScore(item.id, v)} />
            ) : (
              <p className="shrink-0 font-mono text-sm text-slate-900">
                {scores[item.id] ?? '–'} <span className="text-slate-500">/ {item.max}</span>
              </p>
            )}
          </li>
        ))}
      </ol>
      {undelivered.length > 0 ? (
        <p className="mt-2 text-xs text-slate-600">
          Not scored (not delivered): {undelivered.map((i) => i.label.replace(/^Curveball: /, '')).join(', ')}.
        </p>
      ) : null}
    </section>
  );
}
