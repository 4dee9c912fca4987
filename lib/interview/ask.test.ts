import { describe, expect, it } from 'vitest';
import { askQuestion, isQuestion, matchedQuestions, stem } from './ask';
import { PROBLEMS, getProblem } from './problems';

const problem = (id: string) => {
  const p = getProblem(id);
  if (!p) throw new Error(`no problem ${id}`);
  return p;
};

/** The question ids an answer covers, or the reason there was none. */
function asked(problemId: string, text: string): string[] | string {
  const r = askQuestion(problem(problemId), text);
  return r.kind === 'answered' ? r.answers.map((a) => a.questionId) : r.kind;
}

/**
 * Realistic paraphrases, as candidates put them, none of them the
 * interviewer's own wording: each must find its question and only it.
 */
const PARAPHRASES: Record<string, [text: string, questionId: string][]> = {
  pastebin: [
    ['Do pastes expire at some point?', 'lifetime'],
    ['How long should we keep a paste around?', 'lifetime'],
    ['Is there a retention policy for old pastes?', 'lifetime'],
    ['Can users make a paste private?', 'privacy'],
    ['Who can see a paste once it is created?', 'privacy'],
    ['Should pastes be discoverable, or only reachable through the link?', 'privacy'],
    ['What is the maximum size of a paste?', 'size'],
    ['how large can pastes get', 'size'],
    ['Do users have to log in to create a paste?', 'accounts'],
    ['Can I create pastes anonymously?', 'accounts'],
    ['Once posted, can a paste be modified?', 'edit'],
  ],
  'url-shortener': [
    ['Can a user pick their own short code, like a vanity URL?', 'custom-alias'],
    ['Will short links ever expire?', 'expiry'],
    ['Do link owners want click statistics?', 'analytics'],
    ['Is it a problem if someone can enumerate our short codes?', 'guessable'],
    ['Should we worry about people shortening phishing links?', 'malware'],
    ['Can the owner change the target URL after creating the link?', 'editable'],
    ['Are users worldwide or in one country?', 'where'],
  ],
  chat: [
    ['Do we support group conversations with many people?', 'groups'],
    ['What happens when the person I message is offline?', 'offline'],
    ['Do messages need to be delivered in the same order they were sent?', 'order'],
    ['Should the sender know when their message has been read?', 'receipts'],
    ['What uptime are we targeting?', 'availability'],
    ['Can users send pictures?', 'media'],
  ],
  'file-sync': [
    ['If I change one line of a 2 GB file, do we upload the whole file again?', 'big-files'],
    ['What if two devices edit the same file while disconnected?', 'offline'],
    ['Can users share folders with other people?', 'sharing'],
    ['How durable does storage need to be?', 'durability'],
  ],
  'flash-sale': [
    ['What happens when we run out of stock?', 'stock'],
    ['Are bots or scalpers a concern?', 'bots'],
    ['Is there a purchase limit per customer?', 'limit'],
    ['When do we actually charge the card?', 'payment'],
  ],
  leaderboard: [
    ['Do players also have a friends leaderboard?', 'which'],
    ['How soon should a new score be reflected in the ranking?', 'freshness'],
    ['Do leaderboards reset each season?', 'reset'],
    ['Could players fake their scores?', 'cheating'],
  ],
  'news-feed': [
    ['What is the largest number of followers an account has?', 'celebrities'],
    ['How quickly must a new post appear in followers feeds?', 'freshness'],
    ['Is the feed chronological or ranked by an algorithm?', 'ranking'],
    ['What availability do we need?', 'availability'],
  ],
  'notification-service': [
    ['Can users opt out of some notifications?', 'preferences'],
    ['Do we retry when a provider times out, and is a duplicate okay?', 'duplicates'],
    ['Are some notifications more urgent than others?', 'priority'],
    ['Is there a cap on how many notifications a user gets per day?', 'limits'],
  ],
  'rate-limiter': [
    ['Do all customers get the same limit?', 'rules'],
    ['What response does a client get when it is throttled?', 'response'],
    ['Is the quota shared across all API servers?', 'servers'],
    ['What should happen if Redis goes down?', 'store-down'],
  ],
  'ride-hailing': [
    ['Could the same driver be assigned two riders at once?', 'double'],
    ['How often do drivers send their location?', 'fresh'],
    ['Do prices change with demand?', 'pricing'],
    ['How many nines of availability do we need?', 'availability'],
  ],
  'search-autocomplete': [
    ['How fast should trending searches show up?', 'freshness'],
    ['Should we filter offensive suggestions?', 'filter'],
    ['Are suggestions personalised per user?', 'personal'],
  ],
  'ticket-booking': [
    ['What if two users try to book the same seat at the same time?', 'consistency'],
    ['How long do we hold seats during payment?', 'hold'],
    ['What does a big on-sale like a stadium tour look like?', 'onsale'],
  ],
  'video-streaming': [
    ['What kind of bandwidth do viewers have?', 'networks'],
    ['Can someone start on their phone and continue on the TV?', 'devices'],
    ['What is the business most worried about?', 'cost'],
  ],
  'web-crawler': [
    ['How many requests per second can we send to one site?', 'politeness'],
    ['How do we treat the same page reachable at different URLs?', 'duplicates'],
    ['How often should we recrawl a page?', 'recrawl'],
    ['Are there crawler traps we need to avoid?', 'traps'],
  ],
};

describe('free-text clarifying questions', () => {
  for (const [problemId, cases] of Object.entries(PARAPHRASES)) {
    for (const [text, questionId] of cases) {
      it(`${problemId}: “${text}” finds “${questionId}”`, () => {
        expect(asked(problemId, text)).toEqual([questionId]);
      });
    }
  }

  it('every question that reveals a hidden requirement has at least one paraphrase above', () => {
    for (const p of PROBLEMS) {
      const covered = new Set((PARAPHRASES[p.id] ?? []).map(([, q]) => q));
      for (const q of p.questions) if (q.reveals.length > 0) expect(covered.has(q.id), `${p.id}/${q.id}`).toBe(true);
    }
  });

  it("the interviewer's own wording of each question finds it", () => {
    for (const p of PROBLEMS)
      for (const q of p.questions) expect(matchedQuestions(p, q.question)[0]?.id, `${p.id}: ${q.question}`).toBe(q.id);
  });

  it('a matched question answers and reveals its requirement', () => {
    const r = askQuestion(problem('pastebin'), 'Do pastes expire at some point?');
    expect(r.kind).toBe('answered');
    if (r.kind !== 'answered') return;
    expect(r.answers[0].answer).toMatch(/ten minutes/);
    expect(r.answers[0].reveals.map((x) => x.id)).toEqual(['expiry']);
    expect(r.answers[0].reveals[0].text).toMatch(/expires/);
  });

  it('questions about something the problem does not cover are not matched', () => {
    for (const text of [
      'Which database should I use?',
      'What programming language do you prefer?',
      'How many engineers are on the team?',
      'Is this a good design?',
    ])
      expect(asked('pastebin', text), text).toBe('no-match');
  });

  it('statements and bare word lists are not questions', () => {
    for (const text of [
      'create read expire private limit fast availability cdn',
      'Pastes expire after a year.',
      'I will put a cache in front of the database',
      'expire',
    ])
      expect(asked('pastebin', text), text).toBe('not-a-question');
  });

  it('a keyword list dressed as a question is refused as covering too much', () => {
    expect(asked('pastebin', 'create read expire private limit fast availability cdn?')).toBe('not-a-question');
    expect(asked('pastebin', 'What about create, read, expire, private, limit, fast, availability and cdn?')).toBe(
      'too-broad',
    );
    expect(asked('pastebin', 'expire private?')).toBe('too-broad');
    expect(asked('url-shortener', 'custom alias, expiry, analytics, malware, predictable codes?')).toBe(
      'not-a-question',
    );
    expect(
      asked('url-shortener', 'What about the custom alias, expiry, analytics, malware and predictable codes?'),
    ).toBe('too-broad');
  });

  it('a real compound question gets both answers', () => {
    expect(asked('pastebin', 'How long do pastes live, and can they be private?')).toEqual(['lifetime', 'privacy']);
  });

  it('empty and overlong text are refused', () => {
    expect(asked('pastebin', '   ')).toBe('empty');
    expect(asked('pastebin', `How long ${'do pastes live '.repeat(30)}?`)).toBe('too-long');
  });

  it('recognises questions by their opening or question mark', () => {
    expect(isQuestion('how long do pastes live')).toBe(true);
    expect(isQuestion("I'd like to know whether pastes expire")).toBe(true);
    expect(isQuestion('Pastes expire?')).toBe(true);
    expect(isQuestion('Pastes expire.')).toBe(false);
  });

  it('stems the forms of a word alike', () => {
    const same = (...ws: string[]) => expect(new Set(ws.map(stem)).size, ws.join(', ')).toBe(1);
    same('expire', 'expires', 'expired', 'expiring', 'expiration', 'expiry');
    same('server', 'servers');
    same('order', 'ordered', 'ordering');
    same('keep', 'kept', 'keeps');
    same('drop', 'dropped', 'dropping');
  });
});
