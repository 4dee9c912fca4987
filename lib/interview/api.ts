/**
 * The interview's two server calls, shared by their routes
 * (app/api/interview/[problemId]/ask and …/review) and the mock that calls
 * them. The browser never holds the hidden requirements or the questions'
 * answers before they are asked for, so matching a question and scoring a
 * finished attempt (which needs the full problem) happen on the server.
 */
import { z } from 'zod';
import { MAX_QUESTION_CHARS } from './ask';

export const askBodySchema = z.strictObject({
  question: z
    .string({ error: 'question must be a string: the question as the candidate typed it' })
    .max(MAX_QUESTION_CHARS * 4, { error: `question is longer than ${MAX_QUESTION_CHARS * 4} characters` }),
});

export const reviewBodySchema = z.strictObject({
  /** The attempt as stored in the browser (attempt.ts `attemptSchema`), checked on arrival. */
  attempt: z.unknown(),
});

export const askUrl = (problemId: string) => `/api/interview/${encodeURIComponent(problemId)}/ask`;
export const reviewUrl = (problemId: string) => `/api/interview/${encodeURIComponent(problemId)}/review`;
