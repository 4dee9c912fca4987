import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeCurveball } from './curveballs';
import { PROBLEMS, checkProblemFiles } from './problems';
import { RUBRIC_ITEMS } from './schema';
import { reviewAttempt, rubricItemIds, weightsOf } from './scoring';
import { STUDY, STUDY_IDS } from './study';
import { checkTarget } from './target';
import { emptyAttempt, idealAttempt } from './test-helpers';

const root = path.resolve(__dirname, '../..');

describe('the problem library', () => {
  it('lists every file in content/problems, and each validates', () => {
    const files = fs.readdirSync(path.join(root, 'content/problems')).filter((f) => f.endsWith('.json'));
    const checked = checkProblemFiles();
    expect(checked.map((c) => c.file).sort()).toEqual(files.sort());
    for (const c of checked) expect(c.issues, c.file).toEqual([]);
    expect(PROBLEMS).toHaveLength(files.length);
  });

  it('covers the fourteen classic problems, easy to hard', () => {
    expect(PROBLEMS.map((p) => p.id).sort()).toEqual(
      [
        'chat',
        'file-sync',
        'flash-sale',
        'leaderboard',
        'news-feed',
        'notification-service',
        'pastebin',
        'rate-limiter',
        'ride-hailing',
        'search-autocomplete',
        'ticket-booking',
        'url-shortener',
        'video-streaming',
        'web-crawler',
      ].sort(),
    );
    const order = { easy: 0, medium: 1, hard: 2 };
    const ranks = PROBLEMS.map((p) => order[p.difficulty]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('sends learners only to lessons and guides that exist, under their own titles', () => {
    for (const id of STUDY_IDS) {
      const dir = id.startsWith('stage-') ? 'content/lessons' : 'content/guides';
      const file = path.join(root, dir, `${id}.mdx`);
      expect(fs.existsSync(file), id).toBe(true);
      const title = /^title:\s*'?(.*?)'?\s*$/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
      expect(title, id).toBe(STUDY[id]);
    }
  });
});

describe.each(PROBLEMS.map((p) => [p.id, p] as const))('%s', (_id, problem) => {
  it('has a reference design that passes its own target', () => {
    const t = checkTarget(problem, problem.reference.design);
    expect(t.checks.filter((c) => !c.passed)).toEqual([]);
    expect(t.passed).toBe(true);
  });

  it('has a reference design that holds under every curveball', () => {
    for (const c of problem.curveballs) {
      const r = judgeCurveball(problem, problem.reference.design, c);
      expect({ curveball: c.id, outcome: r.outcome, reasons: r.reasons }).toEqual({
        curveball: c.id,
        outcome: 'held',
        reasons: [],
      });
    }
  });

  it('lays the reference out left to right with a human label on every component', () => {
    const byId = new Map(problem.reference.design.nodes.map((n) => [n.id, n]));
    for (const n of byId.values()) {
      expect(n.label, n.id).toMatch(/^[A-Z]/);
      expect(n.position, n.id).toBeDefined();
    }
    for (const e of problem.reference.design.edges)
      expect(byId.get(e.source)!.position!.x, e.id).toBeLessThan(byId.get(e.target)!.position!.x);
  });

  it('states the workload in its facts', () => {
    const text = problem.facts.join(' ');
    const users = problem.workload.users;
    const million = users / 1_000_000;
    expect(text).toMatch(new RegExp(users >= 1_000_000 ? `${million} million` : users.toLocaleString('en-US')));
    expect(text).toContain(String(problem.workload.peakFactor));
  });

  it('gives full marks on every rubric item to the ideal answer', () => {
    const review = reviewAttempt(problem, idealAttempt(problem));
    expect(review.items.map((i) => i.id)).toEqual(rubricItemIds(problem));
    for (const item of review.items)
      expect({ id: item.id, score: item.score }).toEqual({ id: item.id, score: item.max });
    expect(review.total).toBe(100);
    expect(review.target.passed).toBe(true);
  });

  it('can lose the points of every rubric item, and says why', () => {
    const review = reviewAttempt(problem, emptyAttempt(problem));
    for (const item of review.items) {
      expect(item.score, item.id).toBeLessThan(item.max);
      expect(item.sentence.length, item.id).toBeGreaterThan(20);
    }
    expect(review.total).toBeLessThan(20);
    expect(review.study.length).toBeGreaterThan(0);
  });

  it('weights its rubric to 100 points', () => {
    const w = weightsOf(problem);
    expect(RUBRIC_ITEMS.reduce((s, k) => s + w[k], 0)).toBe(100);
  });
});
