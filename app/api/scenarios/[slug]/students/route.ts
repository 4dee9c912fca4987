import { clientAddress, joinHits } from '@/lib/classroom/scenarios/rate-limit';
import { findScenario, sweepSampleStudents } from '@/lib/classroom/scenarios/repository';
import { joinStudent } from '@/lib/classroom/scenarios/roster';
import { joinSchema, MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/classroom/scenarios/schema';
import { fail, invalid, json, limit, notFound, readBody } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * A student joins with a display name. Answers 201 with a resume token: the
 * student's only credential, shown once, kept by the browser and in the
 * personal resume link.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const body = await readBody(req, MAX_SMALL_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseWith(joinSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The name is not valid');
  const rec = await findScenario(slug);
  if (!rec) return notFound();
  // Read-only once archived: a new student could join but never submit.
  if (rec.row.archivedAt) return fail(409, 'The instructor has archived this scenario: it is read-only, and nobody can join it.');
  const limited = await limit(...joinHits(rec.row.id, clientAddress(req)));
  if (limited) return limited;
  if (rec.row.isSample) await sweepSampleStudents(); // a public sample keeps a visitor's work for a day only
  // Unique names, the class list and the class code (lib/classroom/scenarios/roster.ts).
  const { student, resumeToken } = await joinStudent(rec, parsed.value, clientAddress(req));
  return json({ displayName: student.displayName, resumeToken, resumeUrl: `/s/${slug}#resume=${resumeToken}` }, 201);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
