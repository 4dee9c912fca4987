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

  it('explains a refusal: invalid (with issues), too large, unreachable', async () => {
    const invalid = await shareDesign(design, answer(422, { error: 'x', issues: [{ path: 'nodes[0].kind', message: 'unknown kind' }] }));
    expect(invalid).toEqual({ ok: false, message: 'The server refused the design as invalid:', issues: [{ path: 'nodes[0].kind', message: 'unknown kind' }] });
    expect(await shareDesign(design, answer(413, { error: 'too big' }))).toMatchObject({ ok: false, message: expect.stringMatching(/too large.*512 KB/) });
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
