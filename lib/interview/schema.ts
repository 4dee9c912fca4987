/**
 * The shape of an interview problem (content/problems/*.json), checked with
 * zod when the problems are loaded and by a unit test per file.
 */
import { z } from 'zod';
import { designSchema, nodeParamsSchema, workloadSchema } from '@/lib/design/schema';
import { KINDS, type Workload, technologyMismatch, resolveWorkload } from '@/lib/engine/data';
import { STUDY_IDS } from './study';
import { interfaceIssues, interfaceSchema } from './api-schema';

const slug = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'ids are kebab-case: lower-case letters, digits and hyphens' });
const text = z.string().trim().min(1);
const studyId = z.enum(STUDY_IDS, { error: (i) => `unknown lesson ${JSON.stringify(i.input)}` });
const kind = z.enum(KINDS);

/**
 * A structural check on a design, judged on its evaluation at the problem's
 * workload: `kind` — some node of one of these kinds is present and carries
 * traffic (monitoring and logging carry none: present is enough); `regions`
 * — user traffic reaches nodes in at least `min` regions; `no-spof` — the
 * engine lists no single point of failure.
 */
export const designCheckSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('kind'), kinds: z.array(kind).min(1), min: z.number().int().min(1).optional() }),
  z.strictObject({ type: z.literal('regions'), min: z.number().int().min(2) }),
  z.strictObject({ type: z.literal('no-spof') }),
]);

export const requirementSchema = z.strictObject({
  id: slug,
  kind: z.enum(['functional', 'non-functional']),
  text,
  /** Not in the brief: only a clarifying question reveals it. */
  hidden: z.boolean().default(false),
  /**
   * Words that show a candidate's notes capture this requirement
   * (case-insensitive; a word matches at a word start, so "cache" matches "caching").
   */
  keywords: z.array(z.string().trim().min(2)).min(1),
  /** Where the design must show it, and how that is checked. */
  design: z.strictObject({ label: text, check: designCheckSchema }).optional(),
});

export const questionSchema = z.strictObject({
  id: slug,
  question: text,
  answer: text,
  /** Requirement ids this answer brings to light. */
  reveals: z.array(slug).default([]),
  /**
   * How a question typed in the candidate's own words is recognised as this
   * one (lib/interview/ask.ts): concept groups, each a list of alternatives
   * separated by "|" (words or short phrases, stemmed on both sides); every
   * group must be hit.
   */
  match: z
    .array(
      z
        .string()
        .trim()
        .min(2)
        .refine((g) => g.split('|').every((alt) => alt.trim().length >= 2), {
          error: 'each alternative in a match group needs at least two characters',
        }),
    )
    .min(1),
});

const workloadKey = z.enum([
  'users',
  'requestsPerUserPerDay',
  'peakFactor',
  'staticShare',
  'readRatio',
  'asyncShare',
  'jobServiceMs',
  'staticKB',
  'dynamicKB',
  'dataPerUserMB',
]);

/** What a curveball does to the design or its load; see lib/interview/curveballs.ts. */
export const effectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('workload'),
    multiply: z.partialRecord(workloadKey, z.number().positive()).optional(),
    set: workloadSchema.partial().optional(),
  }),
  z.strictObject({
    type: z.literal('region-down'),
    /**
     * Stores of record that must have a copy outside the lost region (a
     * database → read-replica edge into a surviving region, or a writer that
     * also writes to a store of record there); default database and NoSQL.
     * A store without one loses its region's data: those users' requests fail.
     */
    replicate: z
      .array(z.enum(['database', 'nosql']))
      .min(1)
      .optional(),
  }),
  /**
   * One key takes `readsPerSecond` extra reads at peak (a viral link): a
   * cache answers them from the one shard that holds the key; without a
   * cache they land on the one partition of the store that holds it.
   */
  z.strictObject({ type: z.literal('hot-key'), readsPerSecond: z.number().positive() }),
  /**
   * A post by an account with `followers` followers, fanned out on write:
   * one feed insert per follower, delivered within `withinSeconds`, as jobs
   * on the write path (queue → workers → store, or inline without a queue);
   * each insert takes `insertMs` of a worker.
   */
  z.strictObject({
    type: z.literal('fan-out'),
    followers: z.number().int().positive(),
    withinSeconds: z.number().positive(),
    insertMs: z.number().positive().default(2),
  }),
  z.strictObject({ type: z.literal('zone-down'), fraction: z.number().gt(0).max(1) }),
  z.strictObject({ type: z.literal('slow'), kinds: z.array(kind).min(1), factor: z.number().min(1) }),
  z.strictObject({ type: z.literal('params'), kinds: z.array(kind).min(1), set: nodeParamsSchema }),
]);

export const curveballSchema = z.strictObject({
  id: slug,
  title: text,
  /** When it arrives on the default 45-minute clock; scaled to the chosen duration. */
  atMinute: z.number().min(1).max(44),
  /** What the interviewer says. */
  message: text,
  effects: z.array(effectSchema).min(1),
  /** What "the design held" means under it; absent fields take the defaults in curveballs.ts. */
  expect: z
    .strictObject({
      maxErrorRate: z.number().min(0).max(1).optional(),
      maxShedShare: z.number().min(0).max(1).optional(),
      p95ReadMs: z.number().positive().optional(),
      minAvailability: z.number().min(0).max(1).optional(),
    })
    .default({}),
  /** What a strong answer does about it, shown in the review. */
  strongResponse: text,
  lessonId: studyId,
});

export const tradeoffTopicSchema = z.strictObject({
  id: slug,
  label: text,
  keywords: z.array(z.string().trim().min(2)).min(1),
  lessonId: studyId.optional(),
});

export const RUBRIC_ITEMS = [
  'requirements',
  'estimation',
  'api',
  'capacity',
  'availability',
  'cost',
  'curveballs',
  'deepdive',
  'tradeoffs',
] as const;
export type RubricItemId = (typeof RUBRIC_ITEMS)[number];

/**
 * Points per rubric item when a problem does not say otherwise (they add up
 * to 100). The "Entities & API" item took its 10 from the others in
 * proportion (×0.9), so an attempt saved before that step (its `api` null:
 * scored without it, the rest scaled back to 100) keeps the weights it had:
 * requirements 15, estimation 12, capacity 18, availability 13, cost 9,
 * curveballs 15, deep dive 10, trade-offs 8.
 */
export const DEFAULT_WEIGHTS: Record<RubricItemId, number> = {
  requirements: 13.5,
  estimation: 10.8,
  api: 10,
  capacity: 16.2,
  availability: 11.7,
  cost: 8.1,
  curveballs: 13.5,
  /** The deep dive's numeric questions about the candidate's own design (deep-dive.ts). */
  deepdive: 9,
  tradeoffs: 7.2,
};

/**
 * Where the technology item's points come from, on a problem that judges
 * technology choices (technology-judge.ts): a share of two items' weights at
 * the attempt's level, so the rubric's weights (and every other problem's
 * review) stay as they are. The written trade-offs were where "why Cassandra
 * and not PostgreSQL" used to be heard: the model now judges the choice
 * itself, so it takes half of them; and the technology is what decides most
 * of a store's or a queue's bill, so it takes half of the cost item.
 */
export const TECHNOLOGY_POINTS = { tradeoffs: 0.5, cost: 0.5 } as const satisfies Partial<Record<RubricItemId, number>>;

/**
 * A technology choice a problem judges: the busiest node of one of `kinds`
 * in the candidate's design (say, the message store), its technology, and
 * what each alternative would do to the same design at the problem's load.
 */
export const technologyChoiceSchema = z.strictObject({
  id: slug,
  /** What the node does in this problem ("Message store"). */
  label: text,
  /** The kinds a candidate may draw for it; the busiest of them is judged. */
  kinds: z.array(kind).min(1),
  /**
   * Only nodes of `kinds` that a node of this kind reads are judged (a log
   * feeding a stream processor, not the job queue beside it), and the design
   * with each technology must also keep those readers from lagging at the
   * peak. A design without such a reader is not judged on this choice (it is
   * left out of the item rather than scored 0): the problem does not demand it.
   */
  readBy: kind.optional(),
  /**
   * Technologies that do what the problem needs, when the model's numbers
   * alone cannot tell (a leaderboard needs a sorted set): any other is
   * judged a misfit with `why`. Absent: every technology of the kind fits.
   */
  needs: z.strictObject({ technologies: z.array(z.string().min(1)).min(1), why: text }).optional(),
  /** Alternatives of another kind to compare with ("a single PostgreSQL primary"). */
  alternatives: z
    .array(
      z.strictObject({
        kind,
        technology: z.string().min(1).optional(),
        label: text,
        params: nodeParamsSchema.optional(),
      }),
    )
    .default([]),
  lessonId: studyId.optional(),
});

export const rubricSchema = z.strictObject({
  /** Points per item (they must add up to 100); absent items take DEFAULT_WEIGHTS. */
  weights: z.partialRecord(z.enum(RUBRIC_ITEMS), z.number().min(0).max(100)).default({}),
  tradeoffTopics: z.array(tradeoffTopicSchema).min(3),
  /** How many distinct topics earn full marks for the written trade-offs. */
  tradeoffsExpected: z.number().int().min(1).default(3),
  /** What an interviewer listens for, shown in the review. */
  strongAnswer: z.array(text).min(2),
  /** Technology choices the review judges by the model (technology-judge.ts); none: no technology item. */
  technology: z.array(technologyChoiceSchema).default([]),
});

export const problemSchema = z
  .strictObject({
    id: slug,
    title: text,
    difficulty: z.enum(['easy', 'medium', 'hard']),
    /** One sentence for the library. */
    summary: text,
    /** What the interviewer says at the start, one paragraph per entry. */
    brief: z.array(text).min(1),
    /** The figures the brief states, for the estimation phase (shown beside the brief). */
    facts: z.array(text).min(1),
    /** The expected entities, access patterns and partition keys, for the "Entities & API" step (api-schema.ts). */
    interface: interfaceSchema,
    /** The load the design is scored at (MODEL.md §1.2). */
    workload: workloadSchema,
    /** How the library states the target when "daily users" does not fit ("100M URLs a day"). */
    scaleLabel: text.optional(),
    /** What "storage per year" counts when that needs saying (blobs the model does not hold). */
    storageNote: text.optional(),
    slo: z.strictObject({
      p95ReadMs: z.number().positive(),
      availability: z.number().gt(0).lt(1),
      /** Consistency the problem demands (docs/model.md §14.1), judged by the engine's `consistencyChecks`. */
      maxStaleReadShare: z.number().min(0).max(1).optional(),
      readYourWrites: z.boolean().optional(),
    }),
    /** Monthly budget at the target scale, US dollars. */
    budgetUsd: z.number().positive(),
    requirements: z.array(requirementSchema).min(4),
    questions: z.array(questionSchema).min(3),
    curveballs: z.array(curveballSchema).min(2),
    reference: z.strictObject({ design: designSchema, notes: z.array(text).min(1) }),
    rubric: rubricSchema,
    /** Lessons that prepare for this problem. */
    lessons: z.array(studyId).min(1),
  })
  .superRefine((p, ctx) => {
    const unique = (ids: string[], what: string, path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate ${what} id "${id}"` });
        seen.add(id);
      });
    };
    unique(
      p.requirements.map((r) => r.id),
      'requirement',
      'requirements',
    );
    unique(
      p.questions.map((q) => q.id),
      'question',
      'questions',
    );
    unique(
      p.curveballs.map((c) => c.id),
      'curveball',
      'curveballs',
    );
    unique(
      p.rubric.tradeoffTopics.map((t) => t.id),
      'trade-off topic',
      'rubric.tradeoffTopics',
    );
    unique(
      p.rubric.technology.map((t) => t.id),
      'technology choice',
      'rubric.technology',
    );
    // A technology a choice names must fit its kind (the registry's own refusal, naming the choices).
    p.rubric.technology.forEach((t, i) => {
      t.alternatives.forEach((a, j) => {
        const wrong = a.technology === undefined ? null : technologyMismatch(a.kind, a.technology);
        if (wrong)
          ctx.addIssue({
            code: 'custom',
            path: ['rubric', 'technology', i, 'alternatives', j, 'technology'],
            message: wrong,
          });
      });
      t.needs?.technologies.forEach((id, j) => {
        if (!t.kinds.some((k) => technologyMismatch(k, id) === null))
          ctx.addIssue({
            code: 'custom',
            path: ['rubric', 'technology', i, 'needs', 'technologies', j],
            message: `technology "${id}" fits none of ${t.kinds.join(', ')}`,
          });
      });
    });
    const reqIds = new Set(p.requirements.map((r) => r.id));
    const revealed = new Set<string>();
    p.questions.forEach((q, i) =>
      q.reveals.forEach((id, j) => {
        if (!reqIds.has(id))
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'reveals', j], message: `no requirement "${id}"` });
        revealed.add(id);
      }),
    );
    p.requirements.forEach((r, i) => {
      if (r.hidden && !revealed.has(r.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', i],
          message: `hidden requirement "${r.id}" is revealed by no question`,
        });
      }
    });
    if (!p.requirements.some((r) => r.hidden))
      ctx.addIssue({
        code: 'custom',
        path: ['requirements'],
        message: 'at least one requirement must be hidden behind a question',
      });
    for (const issue of interfaceIssues(p.interface, p.requirements, resolveWorkload(p.workload as Workload).readRatio))
      ctx.addIssue({ code: 'custom', ...issue });
    const weights = { ...DEFAULT_WEIGHTS, ...p.rubric.weights };
    const sum = RUBRIC_ITEMS.reduce((s, k) => s + weights[k], 0);
    if (Math.abs(sum - 100) > 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['rubric', 'weights'],
        message: `rubric weights add up to ${sum}, not 100`,
      });
    const sorted = [...p.curveballs].sort((a, b) => a.atMinute - b.atMinute);
    if (sorted.some((c, i) => c.id !== p.curveballs[i].id)) {
      ctx.addIssue({ code: 'custom', path: ['curveballs'], message: 'list curveballs in the order they arrive' });
    }
  });

export type Problem = z.infer<typeof problemSchema>;
export type ProblemInput = z.input<typeof problemSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Curveball = z.infer<typeof curveballSchema>;
export type Effect = z.infer<typeof effectSchema>;
export type DesignCheck = z.infer<typeof designCheckSchema>;
export type TradeoffTopic = z.infer<typeof tradeoffTopicSchema>;
export type TechnologyChoice = z.infer<typeof technologyChoiceSchema>;

/** Every problem as a list of readable issues, or the parsed problem. */
export function parseProblem(raw: unknown): { ok: true; problem: Problem } | { ok: false; issues: string[] } {
  const r = problemSchema.safeParse(raw);
  if (r.success) return { ok: true, problem: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`) };
}
