/**
 * Verdicts the results panel shows in place of a stage's scorecard (the
 * interview's, a scenario's), and the load each is for. Types and two small
 * rules only: the card that draws them (components/results/verdict-card.tsx)
 * is loaded when one first shows, so the sandbox's first JavaScript does not
 * carry it.
 */
import type { Verdict, VerdictOf } from './judge';

export type JudgedVerdict = VerdictOf<'interview'> | VerdictOf<'scenario'>;

export function isJudgedVerdict(v: Verdict | null | undefined): v is JudgedVerdict {
  return v?.kind === 'interview' || v?.kind === 'scenario';
}

/** The load a verdict is for: the interview problem's users, a scenario's largest target; null when unknown. */
export function verdictUsers(v: JudgedVerdict): number | null {
  if (v.kind === 'interview') return v.target.evaluation?.users ?? null;
  return v.grade.targets.length > 0 ? Math.max(...v.grade.targets.map((t) => t.users)) : null;
}
