/**
 * Clarifying questions asked in the candidate's own words, matched to the
 * problem's questions (content/problems/*.json, `questions[].match`).
 *
 * Nothing is offered to pick from: the candidate has to think of what to
 * ask. A question is matched on meaning-bearing words, not on its exact
 * text:
 *
 * - Text is normalised (lower case, accents and punctuation dropped), split
 *   into tokens and each token reduced to a crude stem (plural, -ed, -ing,
 *   -ation, -ity… and a final e), so "expires", "expired", "expiring" and
 *   "expiration" are one stem. A few irregular forms are mapped first
 *   ("kept" → "keep", "bigger" → "big").
 * - Each problem question lists concept groups; a group is alternatives
 *   separated by "|" (single words, or phrases of several words matched as
 *   consecutive stems: "how long", "read receipt"). A question matches when
 *   every one of its groups is hit.
 * - Only a question is answered: the text must end in "?" or open the way
 *   questions open ("how", "can", "is there", "tell me"…). A statement or a
 *   bare list of words gets no answer.
 * - A question has function words ("do", "the", "we", "how"…): more than
 *   three words with none ("create read expire private limit?") is a list
 *   of topics, not a question.
 * - One thing at a time: text that hits three or more of the problem's
 *   questions, or two without a joining "and"/"or" or in fewer than six
 *   words, gets no answer.
 *   A real compound question ("How long do pastes live, and can they be
 *   private?") hits two and is answered for both.
 *
 * An unmatched question costs nothing but time: the interviewer has nothing
 * more to say on that. This runs on the server (app/api/interview/…/ask),
 * so the questions, their answers and the hidden requirements they reveal
 * never reach the browser before they are asked for.
 */
import type { AnswerGiven } from './asked';
import type { Problem, Question } from './schema';

/** The longest question accepted, in characters. */
export const MAX_QUESTION_CHARS = 300;
/** Fewer words than this may not hit two topics at once. */
const COMPOUND_MIN_WORDS = 6;
/** Text that hits this many questions is a list of topics, not a question. */
const TOO_BROAD = 3;

const IRREGULAR: Record<string, string> = {
  kept: 'keep',
  bigger: 'big',
  biggest: 'big',
  larger: 'large',
  largest: 'large',
  lives: 'live',
  lost: 'lose',
  losing: 'lose',
  sold: 'sell',
  held: 'hold',
  paid: 'pay',
  seen: 'see',
  saw: 'see',
  went: 'go',
  gone: 'go',
  ran: 'run',
  data: 'data',
  media: 'media',
  analytics: 'analytic',
  statistics: 'statistic',
};

/**
 * A crude suffix-stripping stem, the same on both sides (the candidate's
 * text and the concept lists): inflection first (plural, then -ed/-ing),
 * then a final e or y, then one derivational suffix (-ation, -ity, -ly,
 * -ness, -ment, -er).
 */
export function stem(word: string): string {
  let w = IRREGULAR[word] ?? word;
  if (w.length <= 3) return w;
  const once = (rules: [RegExp, string][]) => {
    for (const [re, to] of rules) {
      if (!re.test(w)) continue;
      const next = w.replace(re, to);
      if (next.length >= 3) {
        w = next;
        return true;
      }
      return false;
    }
    return false;
  };
  once([
    [/ies$/, 'y'],
    [/(ss|sh|ch|x|z)es$/, '$1'],
    [/([^su])s$/, '$1'],
  ]);
  const inflected = once([
    [/ied$/, 'y'],
    [/ed$/, ''],
    [/ing$/, ''],
    [/ly$/, ''],
  ]);
  // A doubled final consonant left by -ing/-ed: "dropped" → "drop".
  if (inflected && /([bdfgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (/[ey]$/.test(w) && w.length > 3) w = w.slice(0, -1);
  once([
    [/ations?$/, ''],
    [/ness$/, ''],
    [/ment$/, ''],
    [/ers?$/, ''],
  ]);
  return w;
}

/** Lower-cased, accent-free words of the text, in order ("robots.txt" → robots, txt; "99.9%" → 99, 9). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function stems(text: string): string[] {
  return words(text).map(stem);
}

/** One word of a concept: a stem to equal, or (written "durab*") a prefix the word must start with. */
interface Term {
  stem: string;
  prefix: boolean;
}

function termHits(token: string, term: Term): boolean {
  return term.prefix ? token.startsWith(term.stem) : token === term.stem;
}

/** Whether `phrase` occurs in `tokens` as consecutive words. */
function contains(tokens: readonly string[], phrase: readonly Term[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (!termHits(tokens[i + j], phrase[j])) continue outer;
    return true;
  }
  return false;
}

/** A concept alternative as terms: "durab*" is a prefix of the word as typed, anything else is stemmed. */
function terms(alt: string): Term[] {
  return alt
    .trim()
    .split(/\s+/)
    .flatMap((w): Term[] => {
      if (w.endsWith('*')) return words(w.slice(0, -1)).map((x) => ({ stem: x, prefix: true }));
      return words(w).map((x) => ({ stem: stem(x), prefix: false }));
    });
}

/** Each group of a question's `match`, as alternatives of stem sequences. */
export function conceptGroups(q: Pick<Question, 'match'>): Term[][][] {
  return q.match.map((g) =>
    g
      .split('|')
      .map(terms)
      .filter((t) => t.length > 0),
  );
}

/** The longest of a group's alternatives the text hits, or null. */
function hitOf(tokens: readonly string[], raw: readonly string[], group: Term[][]): Term[] | null {
  let best: Term[] | null = null;
  for (const alt of group) {
    // A prefix is matched against the word as typed (before stemming), a stem against the stem.
    const hit = alt.some((t) => t.prefix) ? containsMixed(tokens, raw, alt) : contains(tokens, alt);
    if (hit && (!best || alt.length > best.length)) best = alt;
  }
  return best;
}

function containsMixed(tokens: readonly string[], raw: readonly string[], phrase: readonly Term[]): boolean {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const t = phrase[j];
      if (!(t.prefix ? raw[i + j].startsWith(t.stem) : tokens[i + j] === t.stem)) continue outer;
    }
    return true;
  }
  return false;
}

const OPENERS = new Set([
  'how',
  'what',
  'whats',
  'which',
  'who',
  'whos',
  'whom',
  'whose',
  'when',
  'where',
  'why',
  'do',
  'does',
  'did',
  'is',
  'isnt',
  'are',
  'arent',
  'was',
  'were',
  'can',
  'cant',
  'could',
  'should',
  'would',
  'will',
  'wont',
  'may',
  'might',
  'must',
  'shall',
  'have',
  'has',
  'any',
  'tell',
  'clarify',
  'assuming',
  'suppose',
  'roughly',
]);

/**
 * Words every real question has some of ("the", "do", "we", "how"…). A
 * string of nouns with a question mark ("create read expire private?") has
 * none: beyond three words, that is a list, not a question.
 */
const FUNCTION_WORDS = new Set([
  ...OPENERS,
  'a',
  'an',
  'the',
  'we',
  'they',
  'it',
  'its',
  'i',
  'you',
  'our',
  'their',
  'there',
  'of',
  'to',
  'be',
  'for',
  'in',
  'on',
  'at',
  'with',
  'if',
  'that',
  'this',
  'much',
  'many',
  'long',
  'often',
  'need',
  'than',
  'by',
  'from',
  'after',
  'before',
  'about',
]);

/** Words that join two questions in one: "How long do pastes live, and can they be private?" */
const CONJUNCTIONS = new Set(['and', 'or', 'also', 'plus', 'as', 'then']);

/** A list of topics, however phrased around: four or more items split by commas or "and"/"or", most of them one or two words. */
export function isList(text: string): boolean {
  const parts = text
    .split(/[,;/]+|\s(?:and|or|plus)\s/i)
    .map((x) => words(x))
    .filter((x) => x.length > 0);
  if (parts.length < 4) return false;
  return parts.filter((x) => x.length <= 2).length >= Math.ceil(parts.length * 0.75) - 1;
}

/** Whether the text is put as a question: ends in "?" or opens as questions do ("how…", "tell me…", "I'd like to know…"). */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  const w = words(t);
  if (w.length === 0) return false;
  if (w.length > 3 && !w.some((x) => FUNCTION_WORDS.has(x))) return false;
  if (t.includes('?')) return true;
  if (OPENERS.has(w[0])) return true;
  const start = w.slice(0, 4).join(' ');
  return /^((i d|id|i would) like to know|i (was|am) wondering|i wonder|im wondering|could you tell|can you tell|please tell|just to (check|confirm|clarify)|to (check|confirm|clarify))/.test(
    start + ' ' + w.slice(4, 6).join(' '),
  );
}

export type AskResult =
  | { kind: 'answered'; answers: AnswerGiven[] }
  | { kind: 'no-match' }
  | { kind: 'not-a-question' }
  | { kind: 'too-broad' }
  | { kind: 'empty' }
  | { kind: 'too-long' };

/** What the interviewer says back, one sentence per outcome other than an answer. */
export const ASK_REPLY: Record<Exclude<AskResult['kind'], 'answered'>, string> = {
  'no-match': 'The interviewer doesn’t have more to say on that. Make a reasonable assumption and note it.',
  'not-a-question': 'That reads as a statement. Put it to the interviewer as a question.',
  'too-broad': 'That covers several things at once. Ask about one thing at a time.',
  empty: 'Type a question first.',
  'too-long': `Keep a question under ${MAX_QUESTION_CHARS} characters.`,
};

/** The problem's questions the text hits (every concept group), most specific first. */
export function matchedQuestions(problem: Pick<Problem, 'questions'>, text: string): Question[] {
  const raw = words(text);
  const tokens = raw.map(stem);
  const hits: { q: Question; weight: number; index: number }[] = [];
  problem.questions.forEach((q, index) => {
    let weight = 0;
    for (const g of conceptGroups(q)) {
      const h = hitOf(tokens, raw, g);
      if (!h) return;
      weight += h.length;
    }
    hits.push({ q, weight, index });
  });
  return hits.sort((a, b) => b.weight - a.weight || a.index - b.index).map((h) => h.q);
}

/** Matches one question typed by the candidate against the problem. */
export function askQuestion(problem: Pick<Problem, 'questions' | 'requirements'>, text: string): AskResult {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  if (t.length > MAX_QUESTION_CHARS) return { kind: 'too-long' };
  if (!isQuestion(t)) return { kind: 'not-a-question' };
  const matched = matchedQuestions(problem, t);
  if (matched.length === 0) return { kind: 'no-match' };
  const w = words(t);
  if (
    matched.length >= TOO_BROAD ||
    isList(t) ||
    (matched.length === 2 && (w.length < COMPOUND_MIN_WORDS || !w.some((x) => CONJUNCTIONS.has(x))))
  )
    return { kind: 'too-broad' };
  return {
    kind: 'answered',
    answers: matched.map((q) => ({
      questionId: q.id,
      question: q.question,
      answer: q.answer,
      reveals: q.reveals.flatMap((id) => {
        const r = problem.requirements.find((x) => x.id === id);
        return r ? [{ id: r.id, kind: r.kind, text: r.text, ...(r.design ? { design: r.design } : {}) }] : [];
      }),
    })),
  };
}
