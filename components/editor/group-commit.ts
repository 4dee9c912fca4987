/**
 * What a group field (autoscale's minimum, maximum, target) stores when one
 * of its numbers is committed. A number refused only because of another
 * field ("Minimum must be at most the maximum (8)") is kept as pending, not
 * dropped: once the other field makes it valid (the maximum raised to 250),
 * it is stored with it. Before this, a minimum of 20 typed before the
 * maximum was raised was silently lost and the design said "auto 1–250".
 */
export type GroupValues = Readonly<Record<string, unknown>>;

export type GroupCommit =
  /** Store `values`; `adopted` lists the pending fields stored with them. */
  | { ok: true; values: Record<string, unknown> | undefined; adopted: string[] }
  /** Refused across fields: keep `sub`'s number pending and show `error`. */
  | { ok: false; error: string; pending: Record<string, number> };

export function planGroupCommit(
  current: GroupValues | undefined,
  pending: Readonly<Record<string, number>>,
  sub: string,
  value: unknown,
  crossError: (edited: string, values: GroupValues) => string | null,
): GroupCommit {
  const next: Record<string, unknown> = { ...(current ?? {}) };
  if (value === undefined) delete next[sub];
  else next[sub] = value;
  const others = Object.keys(pending).filter((k) => k !== sub);
  const withPending: Record<string, unknown> = { ...next };
  for (const k of others) withPending[k] = pending[k];
  const adopt = others.length > 0 && crossError(sub, withPending) === null;
  const candidate = adopt ? withPending : next;
  const error = crossError(sub, candidate);
  if (error) {
    const rest = { ...pending };
    if (typeof value === 'number') rest[sub] = value;
    else delete rest[sub];
    return { ok: false, error, pending: rest };
  }
  return {
    ok: true,
    values: Object.keys(candidate).length === 0 ? undefined : candidate,
    adopted: adopt ? others : [],
  };
}

/** The autoscale bounds can reach at most this (the inspector's range). */
const AUTOSCALE_CEILING = 1000;

/**
 * Autoscale's starting range when it is switched on for a service that runs
 * `instances` today: never fewer than now (switching it on must not cut
 * capacity: 80 instances at 85% once became a range of 1–8, 850% busy), and
 * room to double (at least to 8).
 */
export function autoscaleStart(instances: number): { min: number; max: number; target: number } {
  const now = Math.min(AUTOSCALE_CEILING, Math.max(1, Math.round(instances)));
  return { min: now, max: Math.min(AUTOSCALE_CEILING, Math.max(now, 4) * 2), target: 0.6 };
}
