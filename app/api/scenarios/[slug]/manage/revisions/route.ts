import { clientAddress, RATE_RULES } from '@/lib/classroom/scenarios/rate-limit';
import { editScenarioSchema, MAX_EDIT_BYTES } from '@/lib/classroom/scenarios/feedback-schema';
import { toManageScenario } from '@/lib/classroom/scenarios/repository';
import { editScenario, regradePending, revisionsOf } from '@/lib/classroom/scenarios/revisions';
import { parseWith } from '@/lib/classroom/scenarios/schema';
import { GradingBusy, GradingTimeout } from '@/lib/classroom/scenarios/grading-pool';
import { invalid, json, limit } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRoute, manageRouteWithBody } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/** The scenario's edits, newest first: what changed, why, and how far re-grading got. */
export const GET = manageRoute(async (_req, rec) => {
  return json({ revisions: await revisionsOf(rec, { students: false }) });
});

/**
 * Edits the published scenario (any of title, brief, targets, slo, workload,
 * referenceDesign, rubric; `reason` optional). An edit of what grades depend
 * on re-grades every submission before answering (in batches, through the
 * grading pool); if that is cut short, `regrade.remaining` says how many
 * wait, and POST …/manage/regrade finishes them.
 */
export const POST = manageRouteWithBody(MAX_EDIT_BYTES, async (req, rec, value, slug) => {
  const parsed = parseWith(editScenarioSchema, value);
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
