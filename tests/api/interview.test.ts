/**
 * The interview's server calls: a clarifying question matched on the
 * server (the browser never holds the questions or hidden requirements),
 * and a finished attempt scored on the full problem. Real requests against
 * the route handlers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-db';
import { call, type Handler } from './scenarios-helpers';

let ask: Handler;
let review: Handler;
let helpers: typeof import('@/lib/interview/test-helpers');
let scoring: typeof import('@/lib/interview/scoring');
let problems: typeof import('@/lib/interview/problems');

beforeAll(async () => {
  await useTestDatabase();
  ask = (await import('@/app/api/interview/[problemId]/ask/route')).POST as unknown as Handler;
  review = (await import('@/app/api/interview/[problemId]/review/route')).POST as unknown as Handler;
  helpers = await import('@/lib/interview/test-helpers');
  scoring = await import('@/lib/interview/scoring');
  problems = await import('@/lib/interview/problems');
});

const askUrl = (id: string) => `http://test.local/api/interview/${id}/ask`;

describe('POST /api/interview/[problemId]/ask', () => {
  it('answers a matched question with the requirement it reveals', async () => {
    const res = await call(ask, { url: askUrl('pastebin'), body: { question: 'Do pastes expire at some point?' }, params: { problemId: 'pastebin' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.outcome).toBe('answered');
    expect(body.answers[0].questionId).toBe('lifetime');
    expect(body.answers[0].reveals[0]).toMatchObject({ id: 'expiry', kind: 'functional' });
    expect(body.reply).toBeNull();
  });

  it('answers an unmatched question or a keyword list with the interviewer’s reply and nothing revealed', async () => {
    for (const [question, outcome] of [
      ['Which database should I use?', 'no-match'],
      ['create read expire private limit fast availability cdn', 'not-a-question'],
    ]) {
      const res = await call(ask, { url: askUrl('pastebin'), body: { question }, params: { problemId: 'pastebin' } });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ outcome, answers: [] });
      expect(typeof body.reply).toBe('string');
    }
  });

  it('refuses an unknown problem, a body without a question, an empty one and a non-JSON body', async () => {
    const unknown = await call(ask, { url: askUrl('nope'), body: { question: 'How long?' }, params: { problemId: 'nope' } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/No interview problem "nope"/);
    const missing = await call(ask, { url: askUrl('pastebin'), body: { q: 'How long?' }, params: { problemId: 'pastebin' } });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error).toMatch(/question/);
    const empty = await call(ask, { url: askUrl('pastebin'), body: { question: '   ' }, params: { problemId: 'pastebin' } });
    expect(empty.status).toBe(422);
    const form = await call(ask, { url: askUrl('pastebin'), rawBody: 'question=hi', headers: { 'content-type': 'text/plain' }, params: { problemId: 'pastebin' } });
    expect(form.status).toBe(415);
  });
});

describe('POST /api/interview/[problemId]/review', () => {
  it('scores an attempt on the full problem exactly as the review page does', async () => {
    const pastebin = problems.getProblem('pastebin')!;
    const attempt = helpers.idealAttempt(pastebin);
    const res = await call(review, { url: 'http://test.local/api/interview/pastebin/review', body: { attempt }, params: { problemId: 'pastebin' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.review).toEqual(scoring.snapshotOf(scoring.reviewAttempt(pastebin, attempt)));
    expect(body.review.total).toBe(100);
  });

  it('refuses another problem’s attempt, an invalid one and an unknown problem', async () => {
    const attempt = helpers.idealAttempt(problems.getProblem('url-shortener')!);
    const other = await call(review, { url: 'http://test.local/api/interview/pastebin/review', body: { attempt }, params: { problemId: 'pastebin' } });
    expect(other.status).toBe(409);
    const bad = await call(review, { url: 'http://test.local/api/interview/pastebin/review', body: { attempt: { version: 2 } }, params: { problemId: 'pastebin' } });
    expect(bad.status).toBe(422);
    const unknown = await call(review, { url: 'http://test.local/api/interview/nope/review', body: { attempt }, params: { problemId: 'nope' } });
    expect(unknown.status).toBe(404);
  });
});
