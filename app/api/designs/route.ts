import { NextResponse } from 'next/server';
import { describeIssues, parseDesign } from '@/lib/design/schema';
import { MAX_SHARED_DESIGN_BYTES, MAX_SHARED_DESIGN_COMPONENTS, saveDesign, sweepDesignsNowAndThen } from '@/lib/server/designs';
import { errorResponse, otherMethods, readJsonBody, route } from '@/lib/server/http';
import { clientAddress, hitRateLimits, RATE_RULES, type RateDecision } from '@/lib/classroom/scenarios/rate-limit';

const KB = Math.round(MAX_SHARED_DESIGN_BYTES / 1024);

/** "12 minutes", "1 hour 5 minutes", "40 seconds": the wait in words. */
function wait(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(minutes % 60, 'minute')}`;
}

const REFUSALS: Record<string, (limit: number) => string> = {
  [RATE_RULES.saveDesign.name]: (n) => `Too many designs shared from your address: at most ${n.toLocaleString('en-US')} an hour.`,
  [RATE_RULES.saveDesignDaily.name]: (n) => `Too many designs shared from your address: at most ${n.toLocaleString('en-US')} a day.`,
};

function tooMany(decision: Extract<RateDecision, { ok: false }>): NextResponse {
  const what = REFUSALS[decision.rule]?.(decision.limit) ?? 'Too many designs are being shared right now, from all addresses together.';
  const s = decision.retryAfterSeconds;
  return errorResponse(
    429,
    `${what} Nothing was saved; try again in ${wait(s)} (${s} s).`,
    { retryAfterSeconds: s, limit: decision.limit },
    { 'retry-after': String(s) },
  );
}

/**
 * Saves a design document; answers 201 `{id, url}`. Refused, with nothing
 * stored: over 64 KB (413), over 200 components or invalid (422), too many
 * from one address or from everyone (429 with Retry-After).
 */
export const POST = route(async (req: Request) => {
  const body = await readJsonBody(req, MAX_SHARED_DESIGN_BYTES);
  if (!body.ok) {
    if (body.response.status !== 413) return body.response;
    return errorResponse(413, `The design is larger than ${KB} KB, the most a shared design may be.`, { limitBytes: MAX_SHARED_DESIGN_BYTES });
  }
  const nodes = (body.value as { nodes?: unknown } | null)?.nodes;
  if (Array.isArray(nodes) && nodes.length > MAX_SHARED_DESIGN_COMPONENTS) {
    const message = `a shared design may have at most ${MAX_SHARED_DESIGN_COMPONENTS} components; this one has ${nodes.length}`;
    return errorResponse(422, `The design is too large to share: ${message}.`, {
      limitComponents: MAX_SHARED_DESIGN_COMPONENTS,
      issues: [{ path: 'nodes', message }],
    });
  }
  const parsed = parseDesign(body.value, { strict: true });
  if (!parsed.ok) {
    return errorResponse(422, `The design is not valid:\n${describeIssues(parsed.issues)}`, { issues: parsed.issues });
  }
  const address = clientAddress(req);
  const decision = await hitRateLimits([
    { rule: RATE_RULES.saveDesign, subject: address },
    { rule: RATE_RULES.saveDesignDaily, subject: address },
    { rule: RATE_RULES.saveDesignGlobal, subject: 'all' },
  ]);
  if (!decision.ok) return tooMany(decision);
  const id = await saveDesign(parsed.design);
  sweepDesignsNowAndThen();
  return NextResponse.json({ id, url: `/d/${id}` }, { status: 201, headers: { location: `/api/designs/${id}` } });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
