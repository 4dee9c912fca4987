import { describe, expect, it } from 'vitest';
import { shareDesign } from './share';

const design = { schemaVersion: 1 as const, nodes: [], edges: [] };
const answer = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status });

describe('shareDesign', () => {
  it('returns the link of a saved design', async () => {
    expect(await shareDesign(design, answer(201, { id: 'abcdefghij12', url: '/d/abcdefghij12' }))).toEqual({
      ok: true,
      id: 'abcdefghij12',
      path: '/d/abcdefghij12',
    });
  });

  it('explains a refusal in the server’s words: invalid (with issues), too large, too many components, too many shares, unreachable', async () => {
    const invalid = await shareDesign(design, answer(422, { error: 'x', issues: [{ path: 'nodes[0].kind', message: 'unknown kind' }] }));
    expect(invalid).toEqual({ ok: false, message: 'The server refused the design as invalid:', issues: [{ path: 'nodes[0].kind', message: 'unknown kind' }] });
    const tooBig = 'The design is larger than 64 KB, the most a shared design may be.';
    expect(await shareDesign(design, answer(413, { error: tooBig, limitBytes: 65536 }))).toEqual({ ok: false, message: tooBig, issues: [] });
    expect(await shareDesign(design, answer(413, {}))).toEqual({ ok: false, message: 'The design is too large to share.', issues: [] });
    const tooMany = 'The design is too large to share: a shared design may have at most 200 components; this one has 201.';
    const components = await shareDesign(design, answer(422, { error: tooMany, limitComponents: 200, issues: [{ path: 'nodes', message: 'x' }] }));
    expect(components).toEqual({ ok: false, message: tooMany, issues: [] });
    const wait = 'Too many designs shared from your address: at most 300 an hour. Nothing was saved; try again in 12 minutes (700 s).';
    expect(await shareDesign(design, answer(429, { error: wait, retryAfterSeconds: 700 }))).toEqual({ ok: false, message: wait, issues: [] });
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await shareDesign(design, offline)).toMatchObject({ ok: false, message: expect.stringMatching(/Could not reach the server/) });
  });

  it('says an unreadable success has no link, rather than "Sharing failed (HTTP 201)"', async () => {
    const cutOff: typeof fetch = async () => new Response('{"id":', { status: 201 });
    expect(await shareDesign(design, cutOff)).toEqual({ ok: false, message: expect.stringMatching(/answer could not be read/), issues: [] });
    expect(await shareDesign(design, answer(200, {}))).toMatchObject({ ok: false, message: expect.stringMatching(/answer could not be read/) });
  });
});
