import { z } from 'zod';

/**
 * Frontmatter of the files in `content/` (lessons and topic guides), checked
 * at build time. A lesson teaches one growth stage (MODEL.md §6) and carries
 * the challenge and hints the lesson page shows beside its prose; a guide
 * covers one topic in depth.
 */

const required =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'is required' : `must be ${what}`;

/** Content ids: lowercase words joined by hyphens, e.g. `guide-caching`. */
export const contentId = z
  .string({ error: required('a string') })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase words joined by hyphens' });

export const guideId = contentId.refine((id) => id.startsWith('guide-'), { error: 'must start with "guide-"' });

const sentence = (max: number) =>
  z
    .string({ error: required('a string') })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

const common = {
  title: sentence(90),
  /** One sentence, shown on the learning path and under the page title. */
  summary: sentence(240),
  /** Reading time in minutes. */
  minutes: z
    .number({ error: required('a number') })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(12, { error: 'must be at most 12 (split the page if it runs longer)' }),
};

export const lessonFrontmatterSchema = z.strictObject({
  id: contentId.refine((id) => /^stage-[1-8]-/.test(id), { error: 'must start with "stage-N-" (N from 1 to 8)' }),
  kind: z.literal('lesson', { error: 'must be "lesson" or "guide"' }),
  ...common,
  stage: z
    .number({ error: required('a number') })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be between 1 and 8' })
    .max(8, { error: 'must be between 1 and 8' }),
  /** What the learner sees go wrong at this stage, in one sentence. */
  symptom: sentence(240),
  /** What the learner must do on the canvas. */
  challenge: sentence(240),
  /** Revealed one at a time by the lesson page. */
  hints: z
    .array(sentence(300), { error: required('a list of strings') })
    .min(3, { error: 'must have at least 3 hints' })
    .max(5, { error: 'must have at most 5 hints' }),
  /** Guide ids to read next. */
  related: z.array(guideId, { error: 'must be a list of guide ids' }).default([]),
});

export const guideFrontmatterSchema = z.strictObject({
  id: guideId,
  kind: z.literal('guide', { error: 'must be "lesson" or "guide"' }),
  ...common,
  related: z.array(contentId, { error: 'must be a list of content ids' }).default([]),
});

export const frontmatterSchema = z.discriminatedUnion('kind', [lessonFrontmatterSchema, guideFrontmatterSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? 'kind must be "lesson" or "guide"' : undefined),
});

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type GuideFrontmatter = z.infer<typeof guideFrontmatterSchema>;
export type Frontmatter = z.infer<typeof frontmatterSchema>;
