import { clientAddress, RATE_RULES } from '@/lib/scenarios/rate-limit';
import { editScenarioSchema, MAX_EDIT_BYTES } from '@/lib/scenarios/feedback-schema';
import { authorizeManage, toManageScenario } from '@/lib/scenarios/repository';
import { editScenario, regradePending, revisionsOf } from '@/lib/scenarios/revisions';
import { parseWith } from '@/lib/scenarios/schema';
import { GradingBusy, GradingTimeout } from '@/lib/scenarios/grading-pool';
import { invalid, json, limit, manageKeyOf, notFound, readBody } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string }> };

/** The scenario's edits, newest first: what changed, why, and how far re-grading got. */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  return json({ revisions: await revisionsOf(rec, { students: false }) });
});

/**
 * Edits the published scenario (any of title, brief, targets, slo, workload,
 * referenceDesign, rubric; `reason` optional). An edit of what grades depend
 * on re-grades every submission before answering (in batches, through the
 * grading pool); if that is cut short, `regrade.remaining` says how many
 * wait, and POST …/manage/regrade finishes them.
 */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_EDIT_BYTES);
  if (!body.ok) return body.response;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const parsed = parseWith(editScenarioSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The edit is not valid');
  const limited = await limit({ rule: RATE_RULES.editScenario, subject: rec.row.id }, { rule: RATE_RULES.createScenario, subject: clientAddress(req) });
  if (limited) return limited;
  const edited = await editScenario(rec, parsed.value);
  if (!edited.ok) return invalid(edited.issues, 'The edit is not valid');
  let regrade: { done: number; remaining: number; error?: string } = { done: 0, remaining: 0 };
  if (edited.revision?.regrade) {
    try {
      regrade = await regradePending(slug);
    } catch (e) {
      if (!(e instanceof GradingBusy || e instanceof GradingTimeout)) throw e;
      regrade = { done: 0, remaining: -1, error: e.message };
    }
  }
  return json({ scenario: await toManageScenario(edited.scenario), revision: edited.revision, regrade });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
