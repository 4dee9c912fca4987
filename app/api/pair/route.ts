import { invalid, json, limit, readBody } from '@/lib/classroom/scenarios/http';
import { clientAddress } from '@/lib/classroom/scenarios/rate-limit';
import { MAX_SMALL_BODY_BYTES, parseWith } from '@/lib/classroom/scenarios/schema';
import { createHits, createPairSchema, createPairSession, sweepPairsNowAndThen } from '@/lib/classroom/pair/repository';
import { fail } from '@/lib/classroom/scenarios/http';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * Starts a pair interview on a problem. Answers 201 with the interviewer's
 * key and the candidate's token, each shown once (only hashes are kept),
 * and the two links that carry them after `#`, so they never reach a server
 * log or a Referer.
 */
export const POST = route(async (req: Request) => {
  const body = await readBody(req, MAX_SMALL_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseWith(createPairSchema, body.value);
  if (!parsed.ok) return invalid(parsed.issues, 'The pair interview is not valid');
  const limited = await limit(...createHits(clientAddress(req)));
  if (limited) return limited;
  sweepPairsNowAndThen();
  const made = await createPairSession(parsed.value);
  if (!made) return fail(422, `There is no problem "${parsed.value.problemId.slice(0, 100)}".`);
  const { row, interviewerKey, candidateToken } = made;
  return json(
    {
      id: row.id,
      problemId: row.problemId,
      interviewerKey,
      candidateToken,
      interviewerUrl: `/interview/pair/${row.id}#key=${interviewerKey}`,
      candidateUrl: `/interview/pair/${row.id}/candidate#token=${candidateToken}`,
    },
    201,
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
