import { classAnalytics } from '@/lib/scenarios/analytics';
import { authorizeManage } from '@/lib/scenarios/repository';
import { json, manageKeyOf, notFound } from '@/lib/scenarios/http';
import { otherMethods, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Class analytics over each student's latest submission: distribution, pass rate per check, what fails most. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  return json({ analytics: await classAnalytics(rec) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
