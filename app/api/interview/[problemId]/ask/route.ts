import { NextResponse } from 'next/server';
import { echoed, errorResponse, otherMethods, readJsonBody, route } from '@/lib/server/http';
import { askQuestion, ASK_REPLY } from '@/lib/interview/ask';
import { askBodySchema } from '@/lib/interview/api';
import { getProblem } from '@/lib/interview/problems';
import { MAX_SMALL_BODY_BYTES } from '@/lib/classroom/scenarios/schema';
import { clientAddress, hitRateLimits, RATE_RULES } from '@/lib/classroom/scenarios/rate-limit';

export const dynamic = 'force-dynamic';

/**
 * Puts one clarifying question, in the candidate's words, to the
 * interviewer of a problem: 200 `{outcome, answers, reply}` — the answers
 * (with the requirements they reveal) when it matched, otherwise the
 * interviewer's reply. 404 for an unknown problem, 422 for a body without a
 * string `question`, 429 past the per-address limit. Nothing is stored:
 * the attempt lives in the browser.
 */
export const POST = route(async (req: Request, ctx: RouteContext<'/api/interview/[problemId]/ask'>) => {
  const { problemId } = await ctx.params;
  const problem = getProblem(problemId);
  if (!problem) return errorResponse(404, `No interview problem "${echoed(problemId)}".`);
  const body = await readJsonBody(req, MAX_SMALL_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = askBodySchema.safeParse(body.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      message: i.message,
    }));
    return errorResponse(
      422,
      `The question is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`,
      { issues },
    );
  }
  const decision = await hitRateLimits([{ rule: RATE_RULES.interviewAsk, subject: clientAddress(req) }]);
  if (!decision.ok) {
    const s = decision.retryAfterSeconds;
    return errorResponse(
      429,
      `Too many questions from your address: at most ${decision.limit} in 10 minutes. Try again in ${s} s.`,
      { retryAfterSeconds: s, limit: decision.limit },
      { 'retry-after': String(s) },
    );
  }
  const r = askQuestion(problem, parsed.data.question);
  const outcome = r.kind === 'empty' || r.kind === 'too-long' ? null : r.kind;
  if (!outcome) return errorResponse(422, ASK_REPLY[r.kind as 'empty' | 'too-long']);
  return NextResponse.json(
    {
      outcome,
      answers: r.kind === 'answered' ? r.answers : [],
      reply: r.kind === 'answered' ? null : ASK_REPLY[r.kind],
    },
    { headers: { 'cache-control': 'no-store' } },
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
