/** Number formatting for the model page: fixed, locale-free, so the server render is stable. */

export function grouped(x: number): string {
  const r = Math.round(x);
  return r.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Up to `digits` significant digits, thousands grouped above 1,000. */
export function num(x: number, digits = 3): string {
  if (x === 0) return '0';
  if (Math.abs(x) >= 1000) return grouped(x);
  return Number(x.toPrecision(digits)).toString();
}

export function pct(x: number, decimals = 1): string {
  return `${(x * 100).toFixed(decimals)}%`;
}

export function usd(x: number): string {
  if (x >= 100) return `$${grouped(x)}`;
  if (x >= 1) return `$${x.toFixed(2)}`;
  return `$${Number(x.toPrecision(3))}`;
}

export function usersLabel(users: number): string {
  if (users >= 1_000_000) return `${users / 1_000_000}M`;
  if (users >= 1_000) return `${users / 1_000}K`;
  return String(users);
}
