import { fail, invalid, json, notFound, readBody } from '@/lib/classroom/scenarios/http';
import { parseWith } from '@/lib/classroom/scenarios/schema';
import { authorizePair, MAX_NOTES_CHARS, notesSchema, setInterviewerNotes } from '@/lib/classroom/pair/repository';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/**
 * The session as the asker may see it (send `X-Pair-Key` or `X-Pair-Token`):
 * the merged Yjs state, the key that opens the live stream, and, for the
 * interviewer only, the private notes.
 */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const auth = await authorizePair(id, req);
  if (!auth) return notFound();
  const { row, role } = auth;
  return json({
    id: row.id,
    role,
    problemId: row.problemId,
    state: row.state,
    streamKey: row.streamKey,
    ...(role === 'interviewer' ? { interviewerNotes: row.interviewerNotes } : {}),
  });
});

/** The interviewer's private notes (the interviewer's key only). */
export const PATCH = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  const body = await readBody(req, MAX_NOTES_CHARS * 4 + 1024);
  if (!body.ok) return body.response;
  const auth = await authorizePair(id, req);
  if (!auth) return notFound();
  if (auth.role !== 'interviewer') return fail(403, "Only the interviewer may write the interviewer's notes. Nothing was saved.");
  const parsed = parseWith(notesSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The notes are not valid');
  await setInterviewerNotes(auth.row, parsed.value.interviewerNotes);
  return json({ saved: true });
});

export const { POST, PUT, DELETE, OPTIONS } = otherMethods('GET', 'PATCH');
