import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialsOf, leaderboardName, nameKey } from './names';
import { parseRoster } from './roster-parse';

describe('names within a scenario', () => {
  it('compares names ignoring case, spacing, invisible characters and full-width forms', () => {
    const same = ['Ava Smith', 'ava smith', '  AVA   SMITH ', 'Ava\u200b Smith', 'Ａｖａ Smith', 'Ava\tSmith'];
    expect(new Set(same.map(nameKey))).toEqual(new Set(['ava smith']));
    expect(nameKey('Ava Smyth')).not.toBe(nameKey('Ava Smith'));
    expect(nameKey('Zoë')).not.toBe(nameKey('Zoe'));
  });

  it('folds a folded name to itself', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => nameKey(nameKey(s)) === nameKey(s)));
  });

  it('shows initials, never the name', () => {
    expect(initialsOf('Ava Smith')).toBe('A. S.');
    expect(initialsOf('ava.smith@school.edu')).toBe('A. S.');
    expect(initialsOf('Mary Jane Ann Watson')).toBe('M. J. W.');
    expect(initialsOf('李小龙')).toBe('李.');
    expect(initialsOf('Ada (demo)')).toBe('A. D.');
    expect(initialsOf('***')).toBe('?');
    expect(leaderboardName('Ava Smith', 'hidden')).toBe('Student');
    expect(leaderboardName('Ava Smith', 'hidden', true)).toBe('You');
    expect(leaderboardName('ben.ode@school.edu', 'full')).toBe('ben.ode');
    fc.assert(
      fc.property(
        fc.tuple(fc.stringMatching(/^[A-Za-z]{2,12}$/), fc.stringMatching(/^[A-Za-z]{2,12}$/)),
        ([first, last]) => initialsOf(`${first} ${last}`) === `${first[0].toUpperCase()}. ${last[0].toUpperCase()}.`,
      ),
    );
  });
});

describe('a pasted class list', () => {
  it('reads names, emails and both, one a line, and says which lines are wrong', () => {
    const r = parseRoster('Ava Smith\r\n"Ben Ode" <Ben@School.EDU>\nCleo;cleo@x.org\n\n# comment\ndan@x.org\nEve <eve@>\n\u202eevil\nava SMITH\nX, a@b.co, c@d.co');
    expect(r.entries.map((e) => [e.line, e.name, e.email])).toEqual([
      [1, 'Ava Smith', null],
      [2, 'Ben Ode', 'ben@school.edu'],
      [3, 'Cleo', 'cleo@x.org'],
      [6, 'dan@x.org', 'dan@x.org'],
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([7, 8, 10]);
    expect(r.problems[0].message).toBe('line 7 (“Eve <eve@>”) “eve@” is not an email address');
    expect(r.duplicates.map((d) => d.message)).toEqual(['line 9 (“ava SMITH”) repeats line 1, so it was left out']);
  });

  it('refuses a name longer than a display name may be, and a list over 500', () => {
    expect(parseRoster('x'.repeat(61)).problems[0].message).toContain('longer than 60 characters');
    const many = parseRoster(Array.from({ length: 501 }, (_, i) => `S${i}`).join('\n'));
    expect(many.problems[0].message).toBe('The list has 501 students; a class list may have at most 500.');
  });
});
