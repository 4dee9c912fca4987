import { authorizeStudent, studentWork, toPublicScenario } from '@/lib/classroom/scenarios/repository';
import { scenarioForStudent } from '@/lib/classroom/scenarios/deadlines';
import { json, notFound, studentTokenOf } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** A student's own work (send `X-Student-Token`); nobody else's. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const auth = await authorizeStudent(slug, studentTokenOf(req));
  if (!auth) return notFound();
  const work = await studentWork(auth.scenario, auth.student);
  // With the student's own deadline (an extension) and whether a submission now would be late.
  const scenario = await scenarioForStudent(auth.scenario, toPublicScenario(auth.scenario), auth.student);
  return json({ student: { displayName: auth.student.displayName }, scenario, ...work });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
