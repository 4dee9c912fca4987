import { feedbackBySubmission, setFeedbackReleased } from '@/lib/classroom/scenarios/feedback';
import { releaseSchema, MAX_FEEDBACK_BYTES } from '@/lib/classroom/scenarios/feedback-schema';
import { pendingRegrades } from '@/lib/classroom/scenarios/revisions';
import { parseWith } from '@/lib/classroom/scenarios/schema';
import { invalid, json } from '@/lib/classroom/scenarios/http';
import { otherMethods } from '@/lib/server/http';
import { manageRoute, manageRouteWithBody } from '@/lib/classroom/scenarios/manage-route';

export const dynamic = 'force-dynamic';

/** Every submission's feedback (by submission id), whether it is released, the rubric, and re-grades still pending. */
export const GET = manageRoute(async (_req, rec) => {
  const [feedback, pending] = await Promise.all([feedbackBySubmission(rec), pendingRegrades(rec)]);
  return json({
    released: rec.row.feedbackReleased,
    archived: rec.row.archivedAt !== null,
    rubric: rec.config.rubric,
    feedback: Object.fromEntries(feedback),
    pendingRegrades: pending,
  });
});

/** Releases the feedback (comments, adjustments, rubric points) to students, or hides it again: `{released}`. */
export const PATCH = manageRouteWithBody(MAX_FEEDBACK_BYTES, async (_req, rec, value) => {
  const parsed = parseWith(releaseSchema, value);
  if (!parsed.ok) return invalid(parsed.issues, 'The change is not valid');
  await setFeedbackReleased(rec, parsed.value.released);
  return json({ released: parsed.value.released });
});

export const { POST, PUT, DELETE, OPTIONS } = otherMethods('GET', 'PATCH');
