/**
 * What an instructor's scenario is, and every input the scenario API takes,
 * as zod schemas shared by the authoring form, the route handlers and the
 * repository. Client-safe: no server or database imports.
 */
import { z } from 'zod';
import { hasComponents } from '../../design/carries-traffic';
import { echoed } from '../../shared/echoed';
import { formatUsers } from '../../shared/format';
import { formatPath, MAX_DESIGN_BYTES, parseDesign, plainIssueMessages, workloadSchema } from '../../design/schema';
import { stableJson } from '../../design/stable-json';
import { KINDS, type Kind, type Design, type Workload } from '../../engine/data';
import { practiceLabels, stageSpec, STAGES } from '../../rules/stages';
import { plainSlo, type Slo, type SloOverride } from '../../rules/slo';
import { LEADERBOARD_NAMES, type LeaderboardNames } from './names';

/** Largest brief, in bytes of UTF-8 Markdown. Larger is refused with 413. */
export const MAX_BRIEF_BYTES = 20 * 1024;
export const MAX_TITLE_CHARS = 120;
export const MAX_DISPLAY_NAME_CHARS = 60;
/** A create request holds a brief and up to two designs (starting, reference). */
export const MAX_CREATE_BYTES = MAX_BRIEF_BYTES + 2 * MAX_DESIGN_BYTES + 16 * 1024;
export const MAX_SUBMIT_BYTES = MAX_DESIGN_BYTES + 1024;
export const MAX_SMALL_BODY_BYTES = 4 * 1024;

export const SCORE_VISIBILITY = ['live', 'on-submit', 'after-release'] as const;
export type ScoreVisibility = (typeof SCORE_VISIBILITY)[number];

export const SCORE_VISIBILITY_LABELS: Record<ScoreVisibility, string> = {
  live: 'Live, while they design',
  'on-submit': 'When they submit',
  'after-release': 'After I release them',
};

/**
 * The same settings as a student reads them, after "Scores: ". The labels
 * above are the instructor's own voice on the authoring form ("After I
 * release them") and read wrongly anywhere else.
 */
export const SCORE_VISIBILITY_FOR_STUDENTS: Record<ScoreVisibility, string> = {
  live: 'live, while you design',
  'on-submit': 'when you submit',
  'after-release': 'after your instructor releases them',
};

/** As the instructor reads them on the dashboard, after "Students see scores: ". */
export const SCORE_VISIBILITY_FOR_INSTRUCTORS: Record<ScoreVisibility, string> = {
  live: 'live, while they design',
  'on-submit': 'when they submit',
  'after-release': 'after you release them',
};

/** After a student's deadline: refuse the submission (the default), or accept it flagged as late. */
export const LATE_POLICIES = ['refuse', 'accept'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

const latePolicySchema = z.enum(LATE_POLICIES, { error: `latePolicy must be one of ${LATE_POLICIES.join(', ')}` });
const leaderboardNamesSchema = z.enum(LEADERBOARD_NAMES, { error: `leaderboardNames must be one of ${LEADERBOARD_NAMES.join(', ')}` });
const rosterOnlySchema = z.boolean({ error: 'rosterOnly must be true or false' });

export const SCENARIO_STATUSES = ['open', 'closed'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** The users node is every design's traffic source, so it is always allowed. */
export const ALWAYS_ALLOWED_KINDS: readonly Kind[] = ['users'];

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

// Control characters and bidirectional overrides make a name render as
// something other than what it is; neither belongs in a title or a name.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// Zero-width spaces, soft hyphens, Hangul fillers and the like are allowed
// inside a name (an emoji sequence needs its joiner), but a name of nothing
// else shows as a blank on the dashboard and the leaderboard.
const INVISIBLE_ONLY = /^[\p{Default_Ignorable_Code_Point}\s]+$/u;

const plainText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} must be at most ${max} characters` })
    .refine((s) => !UNPRINTABLE.test(s), { error: `${what} must not contain control characters` })
    .refine((s) => !INVISIBLE_ONLY.test(s), { error: `${what} must have at least one visible character` });

const briefSchema = z
  .string({ error: 'brief must be Markdown text' })
  .refine((s) => s.trim().length > 0, { error: 'brief must not be empty' })
  .refine((s) => byteLength(s) <= MAX_BRIEF_BYTES, { error: `brief must be at most ${MAX_BRIEF_BYTES / 1024} KB` });

const kindSchema = z.enum(KINDS, {
  error: (i) => `unknown kind ${echoed(String(JSON.stringify(i.input)))}; expected one of ${KINDS.join(', ')}`,
});

const nodeIdSchema = z.string({ error: 'node id must be text' }).min(1).max(100);

/**
 * A design inside a scenario, validated (and migrated) like a design sent to
 * the API: a field it does not know is refused, not dropped. Stored configs
 * hold only parsed designs, so reading them back never meets one. A param
 * that does not apply to its node's kind is refused in a new design; in a
 * stored one (`stored`, saved before that rule) it is dropped, so the
 * scenario still loads (MODEL.md §9.5).
 */
const designField = (name: string, stored = false) =>
  z.unknown().transform((raw, ctx): Design => {
    if (raw === undefined) {
      ctx.addIssue({ code: 'custom', message: `${name} is required` });
      return z.NEVER;
    }
    const parsed = parseDesign(raw, { strict: true, newDesign: !stored });
    if (parsed.ok) return parsed.design;
    for (const issue of parsed.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path ? [issue.path] : [] });
    }
    return z.NEVER;
  });

export const targetSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('stage'),
      stage: z
        .number({ error: 'stage must be a number from 1 to 8' })
        .int({ error: 'stage must be a whole number' })
        .min(1, { error: 'stage must be from 1 to 8' })
        .max(STAGES.length, { error: `stage must be from 1 to ${STAGES.length}` }),
    }),
    z.strictObject({
      type: z.literal('users'),
      users: z
        .number({ error: 'users must be a number' })
        .int({ error: 'users must be a whole number' })
        .min(1, { error: 'users must be at least 1' })
        .max(1e10, { error: 'users must be at most 10 billion' }),
      label: plainText('label', 60).optional(),
    }),
  ],
  { error: 'a target must be {"type":"stage","stage":N} or {"type":"users","users":N}' },
);
export type ScenarioTargetInput = z.infer<typeof targetSchema>;

const budgetField = (name: string) =>
  z
    .number({ error: `${name} must be a number of dollars a month` })
    .gt(0, { error: `${name} must be above 0` })
    .max(1e9, { error: `${name} must be at most 1 billion` })
    .optional();

/**
 * A scenario's service levels, overriding its stages' (the one SLO type,
 * lib/rules/slo.ts). The budget is `budgetUsd`; its old name here,
 * `monthlyBudgetUsd`, is still read (saved scenarios, their revisions and
 * older API clients send it) and becomes `budgetUsd`.
 */
export const sloSchema = z
  .strictObject({
    p95ReadMs: z
      .number({ error: 'p95ReadMs must be a number of milliseconds' })
      .gt(0, { error: 'p95ReadMs must be above 0' })
      .max(60_000, { error: 'p95ReadMs must be at most 60000' })
      .optional(),
    availability: z
      .number({ error: 'availability must be a fraction such as 0.999' })
      .gt(0, { error: 'availability must be above 0' })
      .lt(1, { error: 'availability must be below 1 (0.999 means 99.9%)' })
      .optional(),
    budgetUsd: budgetField('budgetUsd'),
    /** @deprecated The budget's old name: read as `budgetUsd`. */
    monthlyBudgetUsd: budgetField('monthlyBudgetUsd'),
  })
  .superRefine((s, ctx) => {
    if (s.budgetUsd !== undefined && s.monthlyBudgetUsd !== undefined && s.budgetUsd !== s.monthlyBudgetUsd)
      ctx.addIssue({ code: 'custom', path: ['monthlyBudgetUsd'], message: 'give the budget once, as budgetUsd (monthlyBudgetUsd is its old name)' });
  })
  .transform(({ monthlyBudgetUsd, ...slo }): SloOverride => {
    const budgetUsd = slo.budgetUsd ?? monthlyBudgetUsd;
    return { ...(slo.p95ReadMs !== undefined ? { p95ReadMs: slo.p95ReadMs } : {}), ...(slo.availability !== undefined ? { availability: slo.availability } : {}), ...(budgetUsd !== undefined ? { budgetUsd } : {}) };
  });
export type ScenarioSlo = z.infer<typeof sloSchema>;

/** Most criteria an instructor's own rubric may have. */
export const MAX_RUBRIC_CRITERIA = 12;

/**
 * One criterion of the instructor's own rubric ("explains the cache
 * choice", 10 points), scored per submission by the instructor beside the
 * model's checks (lib/classroom/scenarios/feedback.ts).
 */
export const rubricCriterionSchema = z.strictObject({
  id: z
    .string({ error: 'a criterion id must be text' })
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'a criterion id is 1 to 40 lower-case letters, digits or dashes' }),
  label: plainText('criterion', 120),
  maxPoints: z
    .number({ error: 'maxPoints must be a number' })
    .int({ error: 'maxPoints must be a whole number' })
    .min(1, { error: 'maxPoints must be at least 1' })
    .max(100, { error: 'maxPoints must be at most 100' }),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const rubricSchema = z
  .array(rubricCriterionSchema, { error: 'rubric must be a list of criteria' })
  .max(MAX_RUBRIC_CRITERIA, { error: `a rubric may have at most ${MAX_RUBRIC_CRITERIA} criteria` })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `criterion id "${c.id}" is listed twice` });
      seen.add(c.id);
    });
  });

/** The workload of a scenario: anything but `users`, which the targets set. */
export const scenarioWorkloadSchema = workloadSchema.omit({ users: true });
export type ScenarioWorkload = Omit<Workload, 'users'>;

/** A scenario's config; `stored` for one read back from the database (see `designField`). */
const configSchema = (stored: boolean) =>
  z
    .strictObject({
      workload: scenarioWorkloadSchema.default({}),
      targets: z
        .array(targetSchema, { error: 'targets must be a list' })
        .min(1, { error: 'choose at least one target (a stage or a number of users)' })
        .max(8, { error: 'a scenario may have at most 8 targets' }),
      slo: sloSchema.default({}),
      allowedKinds: z
        .array(kindSchema, { error: 'allowedKinds must be a list of component kinds' })
        .min(1, { error: 'allow at least one component kind' })
        .transform((kinds) => KINDS.filter((k) => kinds.includes(k) || ALWAYS_ALLOWED_KINDS.includes(k))),
      startingDesign: designField('startingDesign', stored).optional(),
      lockedNodeIds: z.array(nodeIdSchema, { error: 'lockedNodeIds must be a list of node ids' }).max(500).default([]),
      referenceDesign: designField('referenceDesign', stored).optional(),
      scoreVisibility: z
        .enum(SCORE_VISIBILITY, { error: `scoreVisibility must be one of ${SCORE_VISIBILITY.join(', ')}` })
        .default('on-submit'),
      deadline: z.iso
        .datetime({ offset: true, error: 'deadline must be an ISO date and time such as 2026-12-01T17:00:00Z' })
        .nullable()
        .default(null),
      leaderboard: z.boolean({ error: 'leaderboard must be true or false' }).default(false),
      rubric: rubricSchema.default([]),
      // Class roster and deadlines (lib/classroom/scenarios/roster.ts, deadlines.ts).
      leaderboardNames: leaderboardNamesSchema.default('initials'),
      latePolicy: latePolicySchema.default('refuse'),
      rosterOnly: rosterOnlySchema.default(false),
      /**
       * Live view (the instructor's consent, off by default): students' pages
       * send their current draft, and the dashboard shows it as they work
       * (lib/classroom/scenarios/live.ts). Students are told while it is on.
       */
      liveView: z.boolean({ error: 'liveView must be true or false' }).default(false),
    })
    .superRefine((c, ctx) => {
      const seen = new Set<string>();
      c.targets.forEach((t, i) => {
        const key = targetKey(t);
        if (seen.has(key))
          ctx.addIssue({ code: 'custom', path: ['targets', i], message: `target ${key} is listed twice` });
        seen.add(key);
      });
      const start = c.startingDesign;
      if (c.lockedNodeIds.length > 0 && !start) {
        ctx.addIssue({ code: 'custom', path: ['lockedNodeIds'], message: 'locked nodes need a starting design' });
      }
      if (start) {
        const ids = new Set(start.nodes.map((n) => n.id));
        c.lockedNodeIds.forEach((id, i) => {
          if (!ids.has(id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['lockedNodeIds', i],
              message: `locked node "${id}" is not in the starting design`,
            });
          }
        });
        const locked = new Set(c.lockedNodeIds);
        start.nodes.forEach((n, i) => {
          if (!locked.has(n.id) && !c.allowedKinds.includes(n.kind)) {
            ctx.addIssue({
              code: 'custom',
              path: ['startingDesign', `nodes[${i}].kind`],
              message: `"${n.kind}" is not an allowed kind; allow it or lock node "${n.id}"`,
            });
          }
        });
      }
    });

/** A scenario config sent to the API (a new one). */
export const scenarioConfigSchema = configSchema(false);
/** A scenario config read back from the database: older designs in it still load. */
export const storedScenarioConfigSchema = configSchema(true);

export type ScenarioConfigInput = z.input<typeof scenarioConfigSchema>;
export type ScenarioConfig = z.output<typeof scenarioConfigSchema>;

export const createScenarioSchema = z.strictObject({
  title: plainText('title', MAX_TITLE_CHARS),
  brief: briefSchema,
  config: scenarioConfigSchema,
});
export type CreateScenarioInput = z.input<typeof createScenarioSchema>;
export type CreateScenario = z.output<typeof createScenarioSchema>;

export const joinSchema = z.strictObject({
  displayName: plainText('displayName', MAX_DISPLAY_NAME_CHARS),
  /** The class code, when joining as a name on the class list (lib/classroom/scenarios/roster.ts). */
  classCode: z.string({ error: 'classCode must be text' }).max(40, { error: 'classCode must be at most 40 characters' }).optional(),
});

export const submitSchema = z.strictObject({ design: designField('design') });

export const managePatchSchema = z
  .strictObject({
    status: z.enum(SCENARIO_STATUSES, { error: 'status must be open or closed' }).optional(),
    scoresReleased: z.boolean({ error: 'scoresReleased must be true or false' }).optional(),
    leaderboard: z.boolean({ error: 'leaderboard must be true or false' }).optional(),
    liveView: z.boolean({ error: 'liveView must be true or false' }).optional(),
    deadline: z.iso
      .datetime({ offset: true, error: 'deadline must be an ISO date and time such as 2026-12-01T17:00:00Z' })
      .nullable()
      .optional(),
    leaderboardNames: leaderboardNamesSchema.optional(),
    latePolicy: latePolicySchema.optional(),
    rosterOnly: rosterOnlySchema.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    error: 'send at least one of status, scoresReleased, leaderboard, liveView, deadline, leaderboardNames, latePolicy, rosterOnly',
  });
export type ManagePatch = z.output<typeof managePatchSchema>;

/** Secrets this app hands out: 32 random bytes in base64url. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Scenario slugs: 16 random bytes in base64url (samples use readable ones). */
export const SLUG_PATTERN = /^[A-Za-z0-9_-]{10,64}$/;

export interface FieldIssue {
  /** Dotted path to the offending field, e.g. `config.targets[0].stage`. */
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

const plainRequestIssues = plainIssueMessages('the request body');

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(raw, { error: plainRequestIssues });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

export function describeFieldIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n');
}

// ---------------------------------------------------------------------------
// Targets

/**
 * A target's service levels: the one SLO type (lib/rules/slo.ts). A scenario
 * overrides only p95ReadMs, availability and budgetUsd; a stage's other
 * objectives (model v2: a write p95 from stage 6, a user-perceived static p95
 * from stage 5, a flash crowd at stage 8) are taken as they are, and are null
 * at a custom user count.
 */
export type ResolvedSlo = Slo;

/** Service levels used for a custom user count when the scenario sets none. */
export const CUSTOM_TARGET_SLO = { p95ReadMs: 300, availability: 0.999, budgetUsd: 20_000 } as const;

export interface ResolvedTarget {
  /** Stable key, `stage-3` or `users-250000`. */
  key: string;
  label: string;
  users: number;
  stage?: number;
  slo: ResolvedSlo;
  /** The scenario changes none of the stage's SLOs: the engine's stage verdict applies as is. */
  stageDefaults: boolean;
  practices?: string;
}

export function targetKey(t: ScenarioTargetInput): string {
  return t.type === 'stage' ? `stage-${t.stage}` : `users-${t.users}`;
}

export function resolveTargets(config: Pick<ScenarioConfig, 'targets' | 'slo'>): ResolvedTarget[] {
  const hasOverride = Object.values(config.slo).some((v) => v !== undefined);
  return config.targets.map((t) => {
    if (t.type === 'stage') {
      const s = stageSpec(t.stage)!;
      return {
        key: targetKey(t),
        label: `Stage ${s.stage}: ${s.name}`,
        users: s.users,
        stage: s.stage,
        slo: {
          p95ReadMs: config.slo.p95ReadMs ?? s.p95ReadMs,
          availability: config.slo.availability ?? s.availability,
          budgetUsd: config.slo.budgetUsd ?? s.budgetUsd,
          p95WriteMs: s.p95WriteMs,
          userStaticP95Ms: s.userStaticP95Ms,
          flashErrorRate: s.flashErrorRate,
        },
        stageDefaults: !hasOverride,
        practices: s.practices.length ? practiceLabels(s).join('; ') : 'none',
      };
    }
    return {
      key: targetKey(t),
      label: t.label ?? `${formatUsers(t.users)} users`,
      users: t.users,
      slo: plainSlo({
        p95ReadMs: config.slo.p95ReadMs ?? CUSTOM_TARGET_SLO.p95ReadMs,
        availability: config.slo.availability ?? CUSTOM_TARGET_SLO.availability,
        budgetUsd: config.slo.budgetUsd ?? CUSTOM_TARGET_SLO.budgetUsd,
      }),
      stageDefaults: false,
    };
  });
}

// ---------------------------------------------------------------------------
// A student's design within the scenario's constraints

/**
 * A design with nothing but Users (or nothing at all) serves no one: there is
 * nothing to grade, so the student page refuses to submit it and says why.
 */
export function emptyDesignIssue(design: Pick<Design, 'nodes'>): FieldIssue | null {
  if (hasComponents(design)) return null;
  return {
    path: 'nodes',
    message:
      design.nodes.length === 0
        ? 'The canvas is empty. Add Users and the components that serve them, then submit.'
        : 'Your design has only Users. Add the components that serve them (an app server to start with) and connect them, then submit.',
  };
}

/**
 * Checks a (schema-valid) design against a scenario: every node's kind is
 * allowed, and the locked nodes of the starting design are all there,
 * unchanged (kind, label, params, position), as are the edges between them.
 */
export function checkDesignConstraints(
  design: Design,
  config: Pick<ScenarioConfig, 'allowedKinds' | 'startingDesign' | 'lockedNodeIds'>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const locked = new Set(config.lockedNodeIds);
  const allowed = new Set<string>([...config.allowedKinds, ...ALWAYS_ALLOWED_KINDS]);
  design.nodes.forEach((n, i) => {
    if (!allowed.has(n.kind) && !locked.has(n.id)) {
      issues.push({
        path: `nodes[${i}].kind`,
        message: `"${n.kind}" is not allowed in this scenario; use one of ${[...allowed].join(', ')}`,
      });
    }
  });
  const start = config.startingDesign;
  if (!start || locked.size === 0) return issues;
  const byId = new Map(design.nodes.map((n, i) => [n.id, { n, i }]));
  for (const original of start.nodes) {
    if (!locked.has(original.id)) continue;
    const found = byId.get(original.id);
    if (!found) {
      issues.push({ path: 'nodes', message: `locked node "${original.id}" was removed; locked nodes must stay` });
      continue;
    }
    for (const field of ['kind', 'label', 'params', 'position'] as const) {
      // A label or position the starting design left out may be filled in
      // (the canvas lays nodes out); params compare with {} as no overrides.
      if ((field === 'label' || field === 'position') && original[field] === undefined) continue;
      const was = field === 'params' ? (original.params ?? {}) : original[field];
      const now = field === 'params' ? (found.n.params ?? {}) : found.n[field];
      if (stableJson(now) !== stableJson(was)) {
        issues.push({
          path: `nodes[${found.i}].${field}`,
          message: `node "${original.id}" is locked; its ${field} cannot change`,
        });
      }
    }
  }
  const edgeKeys = new Set(design.edges.map((e) => `${e.source}→${e.target}`));
  for (const e of start.edges) {
    if (locked.has(e.source) && locked.has(e.target) && !edgeKeys.has(`${e.source}→${e.target}`)) {
      issues.push({
        path: 'edges',
        message: `the edge from locked node "${e.source}" to locked node "${e.target}" must stay`,
      });
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------
// What the API answers

/** A scenario as students see it: never the reference design or the key. */
export interface PublicScenario {
  slug: string;
  title: string;
  brief: string;
  status: ScenarioStatus;
  /** Whether a submission made now would be accepted. */
  acceptingSubmissions: boolean;
  closedReason: string | null;
  deadline: string | null;
  scoreVisibility: ScoreVisibility;
  scoresReleased: boolean;
  leaderboard: boolean;
  /** What the leaderboard shows of names. */
  leaderboardNames: LeaderboardNames;
  /** After the deadline: refuse, or accept and flag as late. */
  latePolicy: LatePolicy;
  /** Only students on the class list may join. */
  rosterOnly: boolean;
  /** Students on the class list can join by typing the class code. */
  classCodeOn: boolean;
  /** Whether the student's page sends its current draft to the instructor's live view. */
  liveView: boolean;
  isSample: boolean;
  /** Archived by the instructor: read-only, nothing can be submitted. */
  archived: boolean;
  workload: ScenarioWorkload;
  targets: ResolvedTarget[];
  /** What grading needs, so a student's browser can grade live with the same code. */
  grading: Pick<ScenarioConfig, 'targets' | 'slo' | 'workload'>;
  allowedKinds: Kind[];
  startingDesign: Design | null;
  lockedNodeIds: string[];
}

/** Whether a student may see grades now. */
export function scoresVisible(s: { scoreVisibility: ScoreVisibility; scoresReleased: boolean }): boolean {
  return s.scoreVisibility !== 'after-release' || s.scoresReleased;
}

// ---------------------------------------------------------------------------
// Size limits checked before validation (answered 413, not 422)

/** The first part of a create request over its size limit, or null. */
export function oversizedCreatePart(raw: unknown): { what: string; limitBytes: number } | null {
  if (!raw || typeof raw !== 'object') return null;
  const body = raw as { brief?: unknown; config?: { startingDesign?: unknown; referenceDesign?: unknown } };
  if (typeof body.brief === 'string' && byteLength(body.brief) > MAX_BRIEF_BYTES) {
    return { what: 'The brief', limitBytes: MAX_BRIEF_BYTES };
  }
  const config = body.config && typeof body.config === 'object' ? body.config : {};
  for (const [field, what] of [
    ['startingDesign', 'The starting design'],
    ['referenceDesign', 'The reference design'],
  ] as const) {
    if (config[field] !== undefined && designBytes(config[field]) > MAX_DESIGN_BYTES)
      return { what, limitBytes: MAX_DESIGN_BYTES };
  }
  return null;
}

/** Bytes of a design as compact JSON. */
export function designBytes(design: unknown): number {
  return byteLength(JSON.stringify(design) ?? '');
}
