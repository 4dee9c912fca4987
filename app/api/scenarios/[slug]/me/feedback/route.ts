import { studentFeedback } from '@/lib/classroom/scenarios/feedback';
import { authorizeStudent } from '@/lib/classroom/scenarios/repository';
import { json, notFound, studentTokenOf } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * The student's own feedback (send `X-Student-Token`): the instructor's
 * comments, adjusted scores and rubric points once released, and how each
 * of their submissions was re-graded after an edit. Nobody else's.
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const auth = await authorizeStudent(slug, studentTokenOf(req));
  if (!auth) return notFound();
  return json(await studentFeedback(auth.scenario, auth.student));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
