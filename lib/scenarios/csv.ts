import type { SubmissionSummary } from './repository';
import type { ResolvedTarget } from './schema';

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab/CR) is prefixed with an apostrophe.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The dashboard's rows as CSV: one line per submission, targets as columns. */
export function submissionsCsv(targets: readonly ResolvedTarget[], rows: readonly SubmissionSummary[]): string {
  const header = ['student', 'submitted_at', 'attempts', 'latest', 'score', 'passed'];
  for (const t of targets) header.push(`${t.label}: passed`, `${t.label}: score`);
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) {
    const cells: (string | number | boolean)[] = [r.displayName, r.createdAt, r.attempts, r.latest, r.score, r.passed];
    for (const t of targets) {
      const g = r.targets.find((x) => x.key === t.key);
      cells.push(g ? g.passed : '', g ? g.score : '');
    }
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
