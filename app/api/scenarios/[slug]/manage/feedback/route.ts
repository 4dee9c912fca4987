import { feedbackBySubmission, setFeedbackReleased } from '@/lib/scenarios/feedback';
import { releaseSchema, MAX_FEEDBACK_BYTES } from '@/lib/scenarios/feedback-schema';
import { authorizeManage } from '@/lib/scenarios/repository';
import { pendingRegrades } from '@/lib/scenarios/revisions';
import { parseWith } from '@/lib/scenarios/schema';
import { invalid, json, manageKeyOf, notFound, readBody } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string }> };

/** Every submission's feedback (by submission id), whether it is released, the rubric, and re-grades still pending. */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
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
export const PATCH = route(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_FEEDBACK_BYTES);
  if (!body.ok) return body.response;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const parsed = parseWith(releaseSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The change is not valid');
  await setFeedbackReleased(rec, parsed.value.released);
  return json({ released: parsed.value.released });
});

export const { POST, PUT, DELETE, OPTIONS } = otherMethods('GET', 'PATCH');
