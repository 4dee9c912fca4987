/**
 * What the candidate asked in the requirements phase and what the
 * interviewer said back, as kept with the attempt. The matching itself
 * (ask.ts) runs on the server; the browser only ever holds the answers it
 * was given.
 */
import { z } from 'zod';
import { designCheckSchema } from './schema';

export const revealedRequirementSchema = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(['functional', 'non-functional']),
  text: z.string().max(1000),
  /** Where the design must show it (as in the problem), so practice mode can check it once known. */
  design: z.object({ label: z.string().max(300), check: designCheckSchema }).optional(),
});
export type RevealedRequirement = z.infer<typeof revealedRequirementSchema>;

export const answerGivenSchema = z.object({
  questionId: z.string().min(1).max(100),
  question: z.string().max(1000),
  answer: z.string().max(4000),
  reveals: z.array(revealedRequirementSchema).max(20),
});
export type AnswerGiven = z.infer<typeof answerGivenSchema>;

export const ASK_OUTCOMES = ['answered', 'no-match', 'not-a-question', 'too-broad'] as const;
export type AskOutcome = (typeof ASK_OUTCOMES)[number];

export const askedQuestionSchema = z.object({
  /** The question as the candidate typed it. */
  text: z.string().max(1000),
  atMs: z.number(),
  outcome: z.enum(ASK_OUTCOMES),
  answers: z.array(answerGivenSchema).max(5),
});
export type AskedQuestion = z.infer<typeof askedQuestionSchema>;

/** Requirements the interviewer's answers have brought to light so far, in the order they came. */
export function revealedRequirements(log: readonly AskedQuestion[]): RevealedRequirement[] {
  const out: RevealedRequirement[] = [];
  for (const q of log)
    for (const a of q.answers) for (const r of a.reveals) if (!out.some((x) => x.id === r.id)) out.push(r);
  return out;
}
