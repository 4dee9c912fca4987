import { authorizeManage } from '@/lib/classroom/scenarios/repository';
import { regradePending } from '@/lib/classroom/scenarios/revisions';
import { GradingBusy } from '@/lib/classroom/scenarios/grading-pool';
import { fail, json, manageKeyOf, notFound, requireJsonType } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * Finishes a re-grade that an edit left unfinished (a restart, a busy pool):
 * re-grades the submissions the latest edit of the targets has not yet, in
 * batches through the grading pool. Takes no body; declare it JSON.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const wrongType = requireJsonType(req);
  if (wrongType) return wrongType;
  const { slug } = await ctx.params;
  const rec = await authorizeManage(slug, manageKeyOf(req));
  if (!rec) return notFound();
  try {
    return json({ regrade: await regradePending(slug) });
  } catch (e) {
    if (e instanceof GradingBusy) return fail(503, e.message, { retryAfterSeconds: e.retryAfterSeconds }, { 'retry-after': String(e.retryAfterSeconds) });
    throw e;
  }
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
