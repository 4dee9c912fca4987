import { NextResponse } from 'next/server';
import { describeIssues, MAX_DESIGN_BYTES, parseDesign } from '@/lib/design/schema';
import { saveDesign } from '@/lib/designs';
import { errorResponse, otherMethods, readJsonBody, route } from '@/lib/http';

/** Saves a design document; answers 201 `{id, url}`. */
export const POST = route(async (req: Request) => {
  const body = await readJsonBody(req, MAX_DESIGN_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseDesign(body.value, { strict: true });
  if (!parsed.ok) {
    return errorResponse(422, `The design is not valid:\n${describeIssues(parsed.issues)}`, { issues: parsed.issues });
  }
  const id = await saveDesign(parsed.design);
  return NextResponse.json({ id, url: `/d/${id}` }, { status: 201, headers: { location: `/api/designs/${id}` } });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
