import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, submissionsCsv } from './csv';
import type { SubmissionSummary } from './repository';
import type { ResolvedTarget } from './schema';

/**
 * Reads one line as a spreadsheet does with `delimiter` as its list
 * separator: a field that begins with a quote runs to the closing quote
 * (`""` is a quote); any other field runs to the next delimiter, a quote in
 * it being just a character. `honourQuotes: false` is a tool that ignores
 * quoting altogether.
 */
function splitLine(line: string, delimiter: string, honourQuotes = true): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (honourQuotes && line[i] === '"') {
      i++;
      for (; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (line[i] === '"') {
          i++;
          break;
        } else field += line[i];
      }
      while (i < line.length && line[i] !== delimiter) field += line[i++];
    } else {
      while (i < line.length && line[i] !== delimiter) field += line[i++];
    }
    out.push(field);
    if (i >= line.length) return out;
    i++; // the delimiter
  }
}

/** What a spreadsheet would run: a cell starting with = + - @ (or their full-width forms), perhaps after white space. */
const RUNS_AS_FORMULA = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Every way a spreadsheet or a quick tool might cut the text of one CSV line into cells. */
function readings(line: string): string[][] {
  return [
    splitLine(line, ','),
    splitLine(line, ';'),
    splitLine(line, '\t'),
    splitLine(line, ',', false),
    splitLine(line, ';', false),
    ...line.split(/\r\n|\r|\n/).map((part) => splitLine(part, ';')),
  ];
}

describe('CSV cells', () => {
  it('quote commas, semicolons, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(42.5)).toBe('42.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });

  // input → cell as written in the file
  const table: [string, string][] = [
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['  =1+1', "'  =1+1"],
    ['＝1+1', "'＝1+1"],
    ['x;=1+1', `"x;'=1+1"`],
    ['x,=1+1', `"x,'=1+1"`],
    ['x; =1+1', `"x; '=1+1"`],
    ['x;y', '"x;y"'],
    ['Grace, "G" Hopper', '"Grace, ""G"" Hopper"'],
    ['a\n=cmd|x', `"a\n'=cmd|x"`],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['x,\r\n@cmd', `"x,\r\n'@cmd"`],
    ['-Zk3_abc', "'-Zk3_abc"], // an id that starts with "-" is text too
    ['Ada Lovelace', 'Ada Lovelace'],
    ['1-2 = 3', '1-2 = 3'],
  ];
  it.each(table)('%j is written %j', (input, written) => {
    expect(csvCell(input)).toBe(written);
  });

  it.each(table)('%j cannot start a formula however the line is read', (input) => {
    const line = ['Ada', csvCell(input), '7'].join(',');
    for (const cells of readings(line)) for (const c of cells) expect(c, `cell ${JSON.stringify(c)} of ${JSON.stringify(line)}`).not.toMatch(RUNS_AS_FORMULA);
  });

  it('no text, however made, yields a cell a spreadsheet would run, in a comma or a semicolon locale, and quoted reading keeps the text', () => {
    const piece = fc.constantFrom('=', '+', '-', '@', ';', ',', '"', '\t', '\r', '\n', ' ', 'x', '1', '＝', '\u00A0', "'");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (text) => {
        const cell = csvCell(text);
        const line = ['Ada', cell, '7'].join(',');
        for (const cells of readings(line)) for (const c of cells) if (RUNS_AS_FORMULA.test(c)) return false;
        // Read as CSV with quotes honoured (no line breaks in the cell: one line), the text comes back with only apostrophes added.
        if (!/[\r\n]/.test(text)) {
          const [, back] = splitLine(line, ',');
          if (back.replace(/'/g, '') !== text.replace(/'/g, '')) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('submissions CSV', () => {
  const targets = [{ key: 'stage-3', label: 'Stage 3: Load balancer' }] as ResolvedTarget[];
  const row = (over: Partial<SubmissionSummary>): SubmissionSummary => ({
    id: 'sub_0000000001',
    studentId: 'stu_000000001',
    displayName: 'Ada',
    createdAt: '2026-12-07T10:00:00.000Z',
    score: 90,
    passed: true,
    targets: [{ key: 'stage-3', passed: true, score: 90 }],
    monthlyCostUsd: 120,
    attempts: 1,
    latest: true,
    late: false,
    ...over,
  });

  it('names each student and submission by id, so two students of one name stay apart', () => {
    const csv = submissionsCsv(targets, [row({}), row({ id: 'sub_0000000002', studentId: 'stu_000000002', score: 40, passed: false, targets: [{ key: 'stage-3', passed: false, score: 40 }] })]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('student,student_id,submission_id,submitted_at,attempts,latest,score,passed,late,Stage 3: Load balancer: passed,Stage 3: Load balancer: score');
    expect(lines[1]).toBe('Ada,stu_000000001,sub_0000000001,2026-12-07T10:00:00.000Z,1,true,90,true,false,true,90');
    expect(lines[2]).toBe('Ada,stu_000000002,sub_0000000002,2026-12-07T10:00:00.000Z,1,true,40,false,false,false,40');
  });

  it('flags a submission accepted after the student’s deadline as late', () => {
    const [, line] = submissionsCsv(targets, [row({ late: true })]).split('\r\n');
    expect(line).toBe('Ada,stu_000000001,sub_0000000001,2026-12-07T10:00:00.000Z,1,true,90,true,true,true,90');
  });

  it('leaves a target a submission was not graded on empty', () => {
    const [, line] = submissionsCsv(targets, [row({ targets: [] })]).split('\r\n');
    expect(line.endsWith(',true,false,,')).toBe(true);
  });

  it('adds the instructor’s feedback: comment, adjustment and reason, final score, and each rubric criterion', () => {
    const rubric = [
      { id: 'cache', label: 'Explains the cache choice', maxPoints: 10 },
      { id: 'cost', label: 'Justifies the cost', maxPoints: 5 },
    ];
    const feedback = new Map([
      ['sub_0000000001', { submissionId: 'sub_0000000001', comment: 'Good, but; =see the cache', adjustment: -5, adjustmentReason: 'late', rubricPoints: { cache: 7 }, modelScore: 90, finalScore: 85, updatedAt: '2026-12-07T11:00:00.000Z' }],
    ]);
    const csv = submissionsCsv(targets, [row({}), row({ id: 'sub_0000000002', studentId: 'stu_000000002' })], { rubric, feedback });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0].endsWith(',comment,adjustment,adjustment_reason,final_score,rubric: Explains the cache choice (of 10),rubric: Justifies the cost (of 5),rubric_total')).toBe(true);
    // The comment is quoted and its formula after a separator defused; a criterion not scored is empty.
    expect(lines[1]).toMatch(/,"Good, but; '=see the cache",-5,late,85,7,,7$/);
    // No feedback: the final score is the model's, nothing else filled in.
    expect(lines[2]).toMatch(/,,0,,90,,,$/);
  });
});
