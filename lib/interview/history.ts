/** The trend of a learner's scores over their finished attempts; Practice and Blind apart. */
import type { CompletedAttempt, Mode } from './attempt';

export interface TrendPoint {
  attemptId: string;
  problemId: string;
  finishedAt: number;
  total: number;
}

export interface Trend {
  points: TrendPoint[];
  best: TrendPoint | null;
  latest: TrendPoint | null;
  /** Mean of the last (up to) three attempts minus the mean of the three before them; null with fewer than two attempts. */
  change: number | null;
  /** Per rubric item, the mean share of its points over the last five attempts (0–1), weakest first. */
  weakest: { id: string; label: string; share: number }[];
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function trendOf(attempts: readonly CompletedAttempt[]): Trend {
  const points = attempts
    .map((a) => ({ attemptId: a.id, problemId: a.problemId, finishedAt: a.finishedAt, total: a.review.total }))
    .sort((a, b) => a.finishedAt - b.finishedAt);
  const best = points.reduce<TrendPoint | null>((b, p) => (!b || p.total > b.total ? p : b), null);
  const latest = points.at(-1) ?? null;
  let change: number | null = null;
  if (points.length >= 2) {
    const n = Math.min(3, Math.floor(points.length / 2));
    const recent = points.slice(-n).map((p) => p.total);
    const before = points.slice(-2 * n, -n).map((p) => p.total);
    change = Math.round(mean(recent) - mean(before));
  }
  // Curveball items differ per problem: pool them as one.
  const shares = new Map<string, { label: string; values: number[] }>();
  for (const a of attempts.slice(-5)) {
    for (const i of a.review.items) {
      const id = i.id.startsWith('curveball:') ? 'curveballs' : i.id;
      const label = id === 'curveballs' ? 'Curveballs' : i.label;
      if (!(i.max > 0)) continue;
      const entry = shares.get(id) ?? { label, values: [] };
      entry.values.push(i.score / i.max);
      shares.set(id, entry);
    }
  }
  const weakest = [...shares.entries()]
    .map(([id, v]) => ({ id, label: v.label, share: mean(v.values) }))
    .sort((a, b) => a.share - b.share);
  return { points, best, latest, change, weakest };
}

export const MODES: readonly Mode[] = ['blind', 'practice'];

/**
 * Best and Trend per mode: a Practice attempt (the model's numbers shown
 * while designing) is not comparable with a Blind one, so they are never
 * pooled.
 */
export function trendsByMode(attempts: readonly CompletedAttempt[]): Record<Mode, Trend> {
  return {
    blind: trendOf(attempts.filter((a) => a.mode === 'blind')),
    practice: trendOf(attempts.filter((a) => a.mode === 'practice')),
  };
}
