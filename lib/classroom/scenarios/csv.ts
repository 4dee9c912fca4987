import type { SubmissionSummary } from './repository';
import type { ResolvedTarget, RubricCriterion } from './schema';
import { rubricTotal, type FeedbackView } from './feedback-schema';

/** What makes a spreadsheet read a cell as a formula: = + - @, also in their full-width forms. */
const FORMULA_CHARS = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
/** A cell that starts a formula, perhaps after white space, or starts with a tab or line break. */
const FORMULA_START = new RegExp(`^(?:\\s*[${FORMULA_CHARS}]|[\\t\\r\\n])`);
/**
 * A separator inside the text followed by a formula: `x;=1+1`. A
 * spreadsheet set to a semicolon locale splits a comma-separated line at
 * every `;`, quotes or not (a quote in mid-field is just a character), so
 * the part after it would start a cell of its own; the same goes for `,` in
 * a comma locale read by a tool that ignores quotes, and for a tab or a line
 * break read by one that sniffs tabs or splits lines (quotes between the
 * separator and the formula do not stop it).
 */
const FORMULA_AFTER_SEPARATOR = new RegExp(`([,;\\t\\r\\n][\\s"]*)(?=[${FORMULA_CHARS}])`, 'g');

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet in a comma or a
 * semicolon locale. Text that would run as a formula, at its start or after
 * any separator inside it, gets an apostrophe in front of the formula
 * character (spreadsheets show it as text); text holding a separator, a
 * quote or a line break is quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  let text = FORMULA_START.test(value) ? `'${value}` : value;
  text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The dashboard's rows as CSV: one line per submission, targets as columns.
 * The student and submission ids tell apart two students of the same name
 * and match a line to the dashboard and to the API.
 */
export function submissionsCsv(
  targets: readonly ResolvedTarget[],
  rows: readonly SubmissionSummary[],
  /** The instructor's feedback: a comment, the adjustment and its reason, the final score and each rubric criterion. */
  extras?: { rubric: readonly RubricCriterion[]; feedback: ReadonlyMap<string, FeedbackView> },
): string {
  const header = ['student', 'student_id', 'submission_id', 'submitted_at', 'attempts', 'latest', 'score', 'passed', 'late'];
  for (const t of targets) header.push(`${t.label}: passed`, `${t.label}: score`);
  if (extras) {
    header.push('comment', 'adjustment', 'adjustment_reason', 'final_score');
    for (const c of extras.rubric) header.push(`rubric: ${c.label} (of ${c.maxPoints})`);
    if (extras.rubric.length > 0) header.push('rubric_total');
  }
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) {
    const cells: (string | number | boolean)[] = [r.displayName, r.studentId, r.id, r.createdAt, r.attempts, r.latest, r.score, r.passed, r.late];
    for (const t of targets) {
      const g = r.targets.find((x) => x.key === t.key);
      cells.push(g ? g.passed : '', g ? g.score : '');
    }
    if (extras) {
      const f = extras.feedback.get(r.id);
      cells.push(f?.comment ?? '', f?.adjustment ?? 0, f?.adjustmentReason ?? '', f?.finalScore ?? r.score);
      for (const c of extras.rubric) cells.push(f?.rubricPoints[c.id] ?? '');
      const total = f ? rubricTotal(extras.rubric, f.rubricPoints) : null;
      if (extras.rubric.length > 0) cells.push(total && total.scored > 0 ? total.points : '');
    }
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
