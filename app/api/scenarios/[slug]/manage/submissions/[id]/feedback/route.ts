import { feedbackOf, saveFeedback } from '@/lib/classroom/scenarios/feedback';
import { feedbackSchema, MAX_FEEDBACK_BYTES } from '@/lib/classroom/scenarios/feedback-schema';
import { authorizeManage } from '@/lib/classroom/scenarios/repository';
import { parseWith } from '@/lib/classroom/scenarios/schema';
import { invalid, json, manageKeyOf, notFound, readBody } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ slug: string; id: string }> };

/** The instructor's feedback on one submission, and its re-grade history. */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { slug, id } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const found = await feedbackOf(rec, id);
  if (!found) return notFound();
  return json({ ...found, rubric: rec.config.rubric });
});

/**
 * Saves feedback on one submission: any of `comment`, `adjustment` (−100 to
 * +100 points; the final score stays within 0–100), `adjustmentReason`
 * (needed with an adjustment) and `rubricPoints` ({criterion id: points or
 * null}). Students see it once feedback is released.
 */
export const PUT = route(async (req: Request, ctx: Ctx) => {
  const { slug, id } = await ctx.params;
  const body = await readBody(req, MAX_FEEDBACK_BYTES);
  if (!body.ok) return body.response;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  const parsed = parseWith(feedbackSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The feedback is not valid');
  const saved = await saveFeedback(rec, id, parsed.value);
  if (!saved.ok) return 'notFound' in saved ? notFound() : invalid(saved.issues, 'The feedback is not valid');
  return json({ feedback: saved.feedback });
});

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'PUT');
