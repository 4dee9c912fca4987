import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './api';

function answer(status: number, body: string, contentType = 'application/json') {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers: { 'content-type': contentType } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api', () => {
  it('answers a readable success with its data', async () => {
    answer(201, '{"slug":"abc"}');
    expect(await api<{ slug: string }>('/api/scenarios', { body: {} })).toEqual({ ok: true, status: 201, data: { slug: 'abc' } });
  });

  it('turns a success whose body is not JSON into an error the page can show, not data of null', async () => {
    // A proxy's HTML page or a cut-off answer: the join form read `res.data.resumeToken` and threw; Submit stayed "Submitting…".
    for (const body of ['<html>Welcome to the hotel Wi-Fi</html>', '{"submission":']) {
      answer(200, body, 'text/html');
      const res = await api('/api/scenarios/abc/submissions', { body: {} });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error).toMatch(/answer could not be read/);
    }
  });

  it('names the status of a failure without a JSON body, and the error of one with it', async () => {
    answer(502, '<html>Bad gateway</html>', 'text/html');
    expect(await api('/api/scenarios/abc')).toMatchObject({ ok: false, status: 502, error: 'The server answered 502.' });
    answer(429, '{"error":"Too many submissions: try again in 20 s."}');
    expect(await api('/api/scenarios/abc')).toMatchObject({ ok: false, status: 429, error: 'Too many submissions: try again in 20 s.' });
  });

  it('says the server could not be reached when the request fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await api('/api/scenarios/abc')).toMatchObject({ ok: false, status: 0, error: expect.stringMatching(/could not be reached/) });
  });
});
